"""Ranks with their peer group: "排名全市第二", "居新城区第一位", "全国第72位、湖北省第3位"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ... import lexicon
from ...model import Mention
from ..context import StoryContext
from ..names import regions_in
from ..numbers import cn_number
from ..tokens import clause_bounds
from .facts import metric_mention
from .phrases import BARE_GROWTH, GROWTH_END, has_head
from .subjects import clean_phrase, phrase_before

if TYPE_CHECKING:
    from .section import Section

_RANK_VERB = r"排名|排位|位列|位居|跃居|居|排在|排"
_DURATION = re.compile(r"连续[\d一二三四五六七八九十两]+个?(?:月|年|季度)(?:位?居|排名|位列)?$")
_CLASS = re.compile(r"第[一二三四五六七八九十\d]+类")
_UNIVERSE = r"(?:[^，。；第]|第[一二三四五六七八九十\d]+类){0,12}?"
_ORDINAL = r"第(\d+|[一二三四五六七八九十]+)(?![类批届次期个家项条年])(?:位|名)?"
_RANK_MORE = re.compile(rf"(?:（[^）]*）)?[、，]({_UNIVERSE}){_ORDINAL}")
_RANKED_LIST = re.compile(r"《([^》]+)》|([\u4e00-\u9fff\d]{2,14}榜单)")
_GLOSS = re.compile(r"（[^（）]{1,12}）")
_ASPECTS = re.compile(r"^(?:总量|增速|增幅)(?:[及和与](?:总量|增速|增幅))+$")


def ranks(ctx: StoryContext, sent, section: Section, bases: list[tuple[int, str]]) -> list[Mention]:
    """"排名全市第二", "居新城区第一位", "招商引资武汉新城区第一、科技创新湖北省第二"."""
    text = sent.norm
    out = []
    for m in _rank_re().finditer(text):
        verb = m.group("verb") or ""
        subject_end = m.start() + (len(verb) if verb in ("排名", "排位") else 0)
        subject = phrase_before(text, subject_end)
        if _DURATION.search(text, 0, subject_end) and subject in ("月", "年", "季度"):
            subject = ""  # "连续5个月居全省第3位": how long, not what is ranked
        if not verb and not subject:
            continue  # a bare "全市第一" says nothing of what is ranked
        what = re.sub(r"(?:排名|排位)$", "", subject)
        if (not what or BARE_GROWTH.match(what)) and len(items := _listed_indicators(text, m.start())) > 1:
            for item in items:  # "社零，批发业销售额、零售业销售额…，增幅排名全市第一"
                out.append(metric_mention(
                    ctx, sent, section, m.start("n") - 1, m.end(), item + what + "排名", "rank",
                    value=cn_number(m.group("n")), scope=_peer_group(ctx, m.group("peers") or m.group("peers2") or ""),
                ))
            continue
        listed = list(_RANKED_LIST.finditer(text, 0, m.start()))
        if _ASPECTS.match(what):  # "研发投入23.6亿元，总量及增速均居中心城区第2"
            subject = _base_at(text, m.start(), bases) + what if _base_at(text, m.start(), bases) else ""
        elif what in ("", "总量") or BARE_GROWTH.match(what) or subject.startswith("第"):
            basis = (listed[-1].group(1) or listed[-1].group(2)) if listed else _base_at(text, m.start(), bases)
            if BARE_GROWTH.match(what):  # "增长12%，增幅全市第一": the growth of the indicator
                basis = GROWTH_END.sub("", basis)
            subject = basis + (what if what == "总量" or BARE_GROWTH.match(what) else "") if basis else ""
        if not subject:
            continue
        if not subject.endswith(("排名", "排位")):
            subject += "排名"
        items = [(m.group("peers") or m.group("peers2") or "", m.group("n"), m.start("n"), m.end())]
        pos = m.end()
        while more := _RANK_MORE.match(text, pos):
            if not _peer_group(ctx, more.group(1)):
                break
            items.append((more.group(1), more.group(2), more.start(2), more.end()))
            pos = more.end()
        edition = re.search(r"(20\d\d)(?:年度?)?(?:版)?$", listed[-1].group(1) or listed[-1].group(2) or "") if listed else None
        for peers, number, start, end in items:
            if (value := cn_number(number)) is not None:
                group = _peer_group(ctx, peers) or _peer_group(ctx, _group_before(text, m.start()))
                if not group and listed and re.match(r"《?(?:20\d\d年度?)?(?:中国|全国)", listed[-1].group()):
                    group = "全国"  # 《中国工业百强区》: a national ranking
                rank = metric_mention(ctx, sent, section, start - 1, end, subject, "rank", value=value, scope=group)
                if edition:  # 《…报告2025》: the ranking's own year
                    rank.attrs.update(period=edition.group(1), period_text=edition.group())
                out.append(rank)
    return out


def _listed_indicators(text: str, pos: int) -> list[str]:
    """Indicators listed in the clauses just before ``pos``, when every item of them is one."""
    clauses = re.split(r"，", text[: clause_bounds(text, pos, "，。；")[0]].rstrip("，"))
    found: list[str] = []
    for clause in reversed(clauses):
        items = [clean_phrase(item) for item in re.split(r"、|和|及|与", re.sub(r"^其中", "", clause))]
        if not items or not all(has_head(item) for item in items):
            break
        found = items + found
    return found


def _base_at(text: str, pos: int, bases: list[tuple[int, str]]) -> str:
    """What a rank at ``pos`` ranks when the text does not say: the last figure told
    before it, else the last indicator phrase of the sentence."""
    told = [b for at, b in bases if at < pos and b]
    if len(told) > 1 or (told and _last_head(text, pos) is None):
        return told[-1]
    head = _last_head(text, pos)
    return phrase_before(text, head) if head else (told[-1] if told else "")


def _last_head(text: str, pos: int) -> int | None:
    """End of the last indicator head before ``pos``, not one in a bracketed gloss:
    地区生产总值（GDP）ranks as 地区生产总值."""
    heads = "|".join(h for h, group, *_ in lexicon.rows("metric_heads") if group not in ("growth", "rank"))
    unglossed = _GLOSS.sub(lambda g: " " * len(g.group()), text[:pos])
    ends = [m.end() for m in re.finditer(heads, unglossed)]
    return ends[-1] if ends else None


def _group_before(text: str, pos: int) -> str:
    """"在全省县域经济综合考评首次排名第一": the peer group named before the indicator."""
    start = clause_bounds(text, pos, "，。；")[0]
    found = re.search(rf"(?:在|居)?({lexicon.alternation('peer_groups')})", text[start:pos])
    return found.group(1) if found else ""


@lru_cache(maxsize=1)
def _rank_re() -> re.Pattern:
    peers = "|".join(sorted({*lexicon.words("regions"), *lexicon.words("peer_groups")}, key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<verb>{_RANK_VERB})(?P<peers>{_UNIVERSE})|(?P<peers2>(?:湖北省|武汉市|{peers}){{1,2}}))"
        rf"(?:的)?第(?P<n>\d+|[一二三四五六七八九十]+)(?:位|名)?(?![\u4e00-\u9fff])"
    )


def _peer_group(ctx: StoryContext, universe: str) -> str | None:
    """The group a rank is taken in: 全市 -> the city, 新城区 and 武汉新城区 as written,
    a region by its canonical name."""
    universe = re.sub(r"^[居为在于由的]+|[的中]+$", "", universe.strip())
    if not universe:
        return None
    if (w := next((w for w in lexicon.words("peer_groups") if universe.endswith(w)), None)) and not universe.startswith("全"):
        head = universe[: -len(w)]
        named = regions_in(head)
        if not head or (named and len(head) <= len(named[-1][1]) + 1) or _CLASS.fullmatch(head):
            return universe  # 新城区, 武汉新城区, 第一类县市区 as written
        return w  # "历史性上升至全国": the group is 全国
    if universe in lexicon.words("peer_groups") and not ctx.scope_word(universe):
        return universe  # 全国, 全球: no region of the story
    if found := ctx.scope_word(universe):
        return found
    named = regions_in(universe)
    return named[-1][1] if named and len(universe) <= len(named[-1][1]) + 1 else None
