"""Whose figure it is: a region or an organisation, told before it or in context."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from ...model import Mention
from ..context import StoryContext
from ..names import find_names, regions_in
from ..tokens import clause_bounds
from .phrases import strip_context

_OWNER_ANAPHOR = re.compile(r"(?:该|本|此)?(?:园区|基地|中心|平台|研究院|实验室|社区|孵化器|学院|医院)(?=已|现|共|累计|有|目前)|(?:该|本)[院校所]")
_PEERS_OF_RANK = re.compile(r"的?(?:第|前[一二三四五六七八九十\d]|排名|排位)")  # "增幅全市第一": peers, not owner
_RANK_AFTER = re.compile(r"[省市区]?的?(?:第|前[一二三四五六七八九十\d])")
_COMPARED = re.compile(r"(?:占|比|较|高出|高于|低于|集聚|相当于|居|排名|位列|排|在|对)$")  # "占武汉市…的70%": not the owner
_EXAMPLE = re.compile(r"[、等]|与|和|及|带动|牵头|主办|共建")
_REGION_LEADS = set("在全为是和与及让使把将从到于至向对据各今去明")  # a word before a city that is no part of a name
# "光化院已引进孵化超25家企业": an institute's short name opening a clause on what it has done
_SHORT_OWNER = re.compile(r"(?:^|[，。；：])((?![该本此全我])[\u4e00-\u9fff]{1,3}[院所])(?=已|现|共|累计|目前|先后)")
_SENTENCE_ANAPHOR = re.compile(r"(?:该|这个|此)?(园区|产业园|基地|中心|孵化器|平台|研究院|实验室)(?=由|已|现|共|累计|目前|总投资|占地|位于|面积)")


def breakdown_owner(text: str, pos: int, told: list[Mention]) -> str | None:
    """The owner of the total a 其中 before ``pos`` breaks down, if any."""
    part = text.rfind("其中", 0, pos)
    totals = [m for m in told if m.attrs["at"] < part]
    return totals[-1].attrs["owner"] if part > -1 and totals and "；" not in text[part:pos] else None


_REPORTS = re.compile(r"(?:的)?(?:数据|统计数据|监测数据|报告)(?:显示|表明|指出)")


def named_owners(text: str) -> list[tuple[int, str]]:
    """Platforms and organisations named in ``text``, as possible owners of a figure."""
    hits = [(h.start, h.name) for h in find_names(text, "platform_suffixes") if not h.descriptor]
    hits += [(h.start, h.name) for h in find_names(text, "org_suffixes") if not h.descriptor]
    hits += [(h.start, h.name) for h in find_names(text, "owner_suffixes") if not h.descriptor]
    hits += [(m.start(1), m.group(1)) for m in _SHORT_OWNER.finditer(text)]
    # "华经产业研究院数据显示：…": who reports the figures owns none of them
    return sorted({(p, n) for p, n in hits if not _REPORTS.match(text, p + len(n))})


def regions_owning(text: str) -> list[tuple[int, str]]:
    """Regions named in ``text`` that can own a figure: not inside a longer name
    (湖北大明金属二期项目) and not a comparison base (占武汉市…, 高出全市…)."""
    names = [(h.start, h.end) for h in find_names(text, "project_suffixes", categories=False)]
    names += [(p, p + len(n)) for p, n in named_owners(text)]
    return [
        (p, r) for p, r in regions_in(text)
        if not _COMPARED.search(text[max(0, p - 4) : p]) and not _city_in_name(text, p) and not _gloss(text, p)
        and not _ranked_in(text, p)
        and not any(a <= p < b and not (a == p and b - a <= len(r) + 1) for a, b in names)
    ]


def _ranked_in(text: str, pos: int) -> bool:
    """"全国第72位、湖北省第3位": a region before a rank is its peer group."""
    written = re.match(lexicon.alternation("regions"), text[pos:])
    return bool(written and _RANK_AFTER.match(text, pos + written.end()))


def _gloss(text: str, pos: int) -> bool:
    """"武汉开发区（汉南区）": a region in brackets right after another names the same place;
    "幕阜山绿色产业带（通城县、崇阳县、通山县）": the regions a bracket lists gloss the name before it."""
    if text[pos - 1 : pos] == "（" and any(p + len(w) == pos - 1 for p, w in _region_words(text[: pos - 1])):
        return True
    opened = text.rfind("（", 0, pos)
    return opened >= 0 and "）" not in text[opened:pos] and "、" in text[opened : text.find("）", pos) if "）" in text[pos:] else len(text)]


def _region_words(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(lexicon.alternation("regions"), text)]


@lru_cache(maxsize=1)
def _bare_cities() -> tuple[str, ...]:
    return tuple(r[0] for r in lexicon.rows("regions") if r[1] == "city" and not r[0].endswith("市"))


def _city_in_name(text: str, pos: int) -> bool:
    """A bare city name inside a firm's or project's name ("北辰武汉汽车零部件物流",
    "转向系统（武汉）三期"): written between two other words, in brackets, or opening
    an item of a list."""
    city = next((c for c in _bare_cities() if text.startswith(c, pos)), None)
    if city is None:
        return False
    before, after = text[pos - 1 : pos], text[pos + len(city) : pos + len(city) + 1]
    if before == "（" and after == "）":
        return True
    if before in ("、", "：") and re.match(r"[\u4e00-\u9fff]+、", text[pos + len(city) :]):
        return True  # an item of a list of names
    return bool(re.match(r"[\u4e00-\u9fff]", before) and re.match(r"[\u4e00-\u9fff]", after)) and before not in _REGION_LEADS


def owner_of(ctx: StoryContext, text: str, pos: int, region: str | None, named: list[str]) -> str | None:
    """Whose figure it is: the region nearest before it in the sentence or an
    organisation or platform in its clause (全区/全市 resolved from context), what
    "该中心" refers to, else the region in context."""
    before = text[:pos]
    clause_start = clause_bounds(text, pos, "，。；")[0]
    candidates = [r for r in regions_owning(text) if r[0] < pos][-1:]
    # an organisation or platform a clause of the sentence opens with ("国家网安基地注册企业94家，
    # 注册资本259亿元"), not one given as an example (X等企业带动) or named inside the clause
    projects = [(h.start, h.end) for h in find_names(text, "project_suffixes", categories=False)]
    owners = [
        (p, n) for p, n in named_owners(before)
        if not any(a <= p and p + len(n) < b for a, b in projects)  # 海亮集团 in 海亮集团产业合作项目
        if (n.endswith(_owner_suffixes()) or _SHORT_OWNER.match(before, max(p - 1, 0))) and not _EXAMPLE.match(before, p + len(n)) and _opens_clause(before, p)
    ]
    candidates += owners[-1:]
    scopes = dict(lexicon.rows("scopes"))
    scope_words = [
        (before.rfind(w), w) for w in scopes
        if w in before and not _COMPARED.search(before[: before.rfind(w)])
        and not _PEERS_OF_RANK.match(text, before.rfind(w) + len(w))
    ]
    if scope_words:
        p, w = max(scope_words)
        earlier = [r for q, r in candidates if q < p and r.endswith("区")]
        district = region if region and scopes[w] == "district" else None
        candidates.append((p, earlier[-1] if earlier else district or ctx.scope_word(w)))
    if (opening := _SENTENCE_ANAPHOR.match(text)) and named:
        kind = [n for n in named if n.endswith((opening.group(1), opening.group(1).removesuffix("区")))]
        if kind:  # "园区由…投资建设，…首批12家企业集中入驻": the park just named
            candidates.append((0, kind[-1]))
    if (anaphor := _OWNER_ANAPHOR.search(before, clause_start)) and named:
        head = anaphor.group().lstrip("该本此")  # "中心已有4家企业入驻": the last centre named
        kind = [n for n in named if n.endswith(head)] if len(head) > 1 else []
        # "中心已有4家企业入驻": the centre the story is about, the first one it named
        candidates.append((clause_start, kind[0] if kind else named[-1]))
    if candidates:
        return max(candidates)[1]
    return region or ctx.district or ctx.city


def _opens_clause(text: str, pos: int) -> bool:
    start = clause_bounds(text, pos, "，。；：")[0]
    return not strip_context(text[start:pos])[0]


@lru_cache(maxsize=1)
def _owner_suffixes() -> tuple[str, ...]:
    return tuple(r[0] for name in ("platform_suffixes", "org_suffixes", "owner_suffixes") for r in lexicon.rows(name))
