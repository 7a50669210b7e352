"""Policies: titled documents and counted lists, their issuer, date, measures and provisions."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Mention
from .context import StoryContext
from .names import regions_in
from .numbers import quantities, time_of
from .tokens import clause_bounds

_TITLE = re.compile(r"《([^《》]{2,60})》")
_RELEASE = re.compile(lexicon.role_alternation("cues", "release"))
_ISSUED_BY = re.compile(rf"([\u4e00-\u9fff]{{2,8}})(?:正式|同步|联合)?(?:{lexicon.role_alternation('cues', 'release')})")
_MEASURES = re.compile(r"(\d+)(?:项|条)")
_AWARD = re.compile(lexicon.role_alternation("cues", "award"))
_AWARD_WORDING = re.compile(r"(?:给予|一次性|择优|按|安排|最高|奖励|补贴|补助|资助|支持)")
_TARGET = re.compile(r"(?:^|，)对([^，；。]{2,40}?)的?，")
_DOMAIN = re.compile(r"([\u4e00-\u9fff]{2,8}?)领域(\d+)条")


@lru_cache(maxsize=1)
def _cue_re() -> re.Pattern:
    return re.compile(rf"(?:{lexicon.alternation('policy_cues')})$")


def _counted_list_re() -> re.Pattern:
    return re.compile(rf"(\d+)项([\u4e00-\u9fffA-Za-z]{{2,20}}?(?:{lexicon.alternation('policy_cues')}))(?=[，。、；]|亮相|发布|$)")


def extract(ctx: StoryContext) -> list[Mention]:
    out: list[Mention] = []
    latest: list[Mention] = []  # policies named most recently in the current section
    for block in ctx.story.blocks:
        if block.kind == "subheading":
            latest = []
            continue
        for sent in block.sentences:
            text = sent.norm
            found = _titled(ctx, sent, text) + _counted(ctx, sent, text)
            if found:
                out.extend(found)
                latest = found
                continue
            if m := _DOMAIN.search(text):  # "数字经济领域12条措施" -> the policy about 数字经济
                for p in out:
                    if m.group(1) in p.name:
                        p.attrs.setdefault("measures", int(m.group(2)))
            for provision in _provisions(text):
                source = ctx.source(sent)
                cited = {**provision, "story": source.story, "sentence": source.sentence, "quote": source.quote}
                if len(latest) > 1:
                    cited["released_with"] = [p.name for p in latest]
                for p in latest:
                    p.attrs.setdefault("provisions", []).append(cited)
    return out


def _titled(ctx: StoryContext, sent, text: str) -> list[Mention]:
    out = []
    for m in _TITLE.finditer(text):
        title = m.group(1)
        if not _cue_re().search(re.sub(r"（[^（）]*）$", "", title)) or title in lexicon.words("policy_cues"):
            continue  # not a policy, or "《措施》提出…": the policy named just before
        attrs = _common(ctx, text, title)
        if (n := _MEASURES.search(text, m.end())) and not _AWARD.search(text[m.end() : n.start()]):
            attrs["measures"] = int(n.group(1))
        out.append(Mention("policy", title, sent.text[m.start() : m.end()], ctx.source(sent), attrs))
    return out


def _counted(ctx: StoryContext, sent, text: str) -> list[Mention]:
    out = []
    for m in _counted_list_re().finditer(text):
        name = m.group(2)
        attrs = _common(ctx, text, name)
        attrs["measures"] = int(m.group(1))
        out.append(Mention("policy", name, sent.text[m.start(2) : m.end(2)], ctx.source(sent), attrs))
    return out


def _common(ctx: StoryContext, text: str, title: str) -> dict:
    attrs: dict = {"kind": next((r[1] for r in lexicon.rows("policy_cues") if title.endswith(r[0])), "政策")}
    issuer = next((r for _, r in regions_in(title)), None)
    if not issuer and (m := _ISSUED_BY.search(text)):
        issuer = next((r for _, r in regions_in(m.group(1))), None)
    issuer = issuer or (ctx.district if _RELEASE.search(text) or ctx.district else None)
    if issuer:
        attrs["issuer"] = issuer
    if _RELEASE.search(text) and (when := time_of(text, ctx.year, ctx.story.date)):
        attrs["date"] = when
    return attrs


def _provisions(text: str) -> list[dict]:
    """Award clauses: "新获批全国重点实验室…，一次性奖励1000万元"."""
    out = []
    amounts = [q for q in quantities(text) if q.unit == "元"]
    for q in amounts:
        start = clause_bounds(text, q.start, "，；。：")[0]
        end = clause_bounds(text, q.end, "，；。")[1]
        clause = text[start:end]
        if not _AWARD.search(clause):
            continue
        award = _AWARD_WORDING.search(clause)
        item = text[clause_bounds(text, q.start, "；。")[0] : q.start]
        if targets := list(_TARGET.finditer(item)):  # "对…的，给予…": the 对 clause names who qualifies
            condition = targets[-1].group(1)
        elif award and award.start() > 0:
            condition = clause[: award.start()]
        else:  # the clause opens with the award: the condition is the clause before, or the purpose after
            prev = clause_bounds(text, max(start - 1, 0), "，；。：")[0]
            before = text[prev : max(start - 1, 0)]
            has_amount = any(prev <= a.start < start for a in amounts)
            condition = before if before and not has_amount else text[q.end : end]
        out.append({"condition": condition.strip("，；、 的"), "amount": q.value, "text": clause})
    return out
