"""Platforms: named research institutes, labs, pilot bases, parks, communities, belts."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Mention
from .context import StoryContext
from .names import NameHit, canonical_region, find_names, is_generic, member_institute, org_prefix, orgs, parent_city, place_after, region_level, regions_in
from .numbers import time_of
from .tokens import clause_bounds, is_boundary, token_index, tokens, walk_left

_UNVEIL = re.compile("揭牌|启用|亮相|开园|成立|签约落地|落地|落户|投用|建成|开业")
_BUILD = re.compile("开工|动工|开建|封顶")  # a platform under construction is a project
_BY = re.compile(r"由([^，。；由]{2,30}?)(?:投资建设|投资|主办|牵头建设|建设|运营|打造|牵头)")
_WITH = re.compile(r"联合([^，。；]{2,40}?)(?:共同|联合)?(?:建设|组建|打造|共建)")
_JOINT = re.compile(r"由([^，。；由]{2,60}?)(?:共同|联合|合作)?(?:共建|建设|打造)")
_DIRECTIONAL = "出进入到向往回"
_UNIVERSITY = re.compile("大学|学院|师范|理工|工业大学|科技大学")
_BUILT_TOGETHER = re.compile(r"([^，。；由]{2,60}?)(?:共同|联合)(?:打造|建设|组建|共建)的[^，。；]{0,24}$")
_PLATFORM_OF = re.compile(r"是([^，。；]{4,60}?)的[^，。；的]{0,8}(?:平台|载体)")
_OWNED_LIST = re.compile(r"[^，。；]{0,60}?等([^，。；、]{2,20}?)的[^，。；]{0,10}平台")
_REFERS = re.compile(r"(?:该|这个|此)?(园区|产业园|基地|中心|孵化器|平台|研究院|实验室|社区)(?=由)")
_ADJECTIVAL_TIME = {"未来", "现代", "当代"}  # time words that may sit inside a name (未来技术创新研究院)
_LEAD = re.compile(r"(\S{2,20}?)(?:牵头|领衔)")
_BASED = re.compile(r"依托(\S{2,20}?)(?:组建|建设|成立|打造)")
_OPERATOR = re.compile(r"运营方(\S{2,30}?)(?:与|和|、|，|。)")
_PARTNER = re.compile(r"运营合作方、?(\S{2,30}?)(?:执行|负责|院长|，)")
_TOGETHER = re.compile(r"与(\S{2,30}?)(?:签署|签订|共同|合作|联合)")
_PROJECT_AFTER = re.compile(lexicon.alternation("project_suffixes"))
_MANNER = re.compile(rf"等(?:{lexicon.role_alternation('cues', 'manner')})")
_LIST_ITEM = re.compile(r"([^、，。；：“”]{2,16})(?=”?(?:、|等))")


_DESIGNATION = re.compile("国家|省级|国际")


@lru_cache(maxsize=1)
def _designated() -> frozenset[str]:
    return frozenset(r[0] for r in lexicon.rows("platform_suffixes") if r[2:] == ("designated",))


_TARGET_YEAR = re.compile(r"(?:力争|计划|预计|目标|到)\s*\d{4}年")  # "力争到2026年…建成": a target, no date
_FACILITY_LIST = re.compile(r"(?:、[^，。；、]{2,12})*等[^，。；]{0,4}(?:配套|功能区|设施|功能)")


def extract(ctx: StoryContext) -> list[Mention]:
    out: list[Mention] = []
    around, previous = None, ""  # the district the story spoke of last
    for sent in ctx.story.sentences:
        text = sent.norm
        if out and (told := _told_after(text, out[-1].name)):
            out.append(Mention("platform", out[-1].name, sent.text[: told[0]], ctx.source(sent), told[1]))
        around = next((r for _, r in reversed(regions_in(previous)) if region_level(r) == "district"), around)
        previous = text
        hits = [h for h in map(lambda h: _whole(text, h), find_names(text, "platform_suffixes")) if h and not h.descriptor]
        hits = [h for h in hits if (h.suffix not in _designated() or _DESIGNATION.search(h.name)) and not member_institute(h.name, h.suffix)]
        hits += _listed(text, hits)
        hits = [h for h in hits if not _FACILITY_LIST.match(text, h.end)]  # "孵化中心、中试实验中心等园区配套": parts of a park
        pairs = _paired_operators(text, hits)
        for h in hits:
            clause_after = re.split("[，。；]", text[h.end :], maxsplit=1)[0]
            if _BUILD.search(clause_after[:12]) or _PROJECT_AFTER.match(clause_after) or _MANNER.match(clause_after):
                continue  # under construction, a project ("…产业园项目"), or an example of a way ("…等方式")
            attrs: dict = {"kind": h.kind}
            builders = _builders(text, h)
            operator = pairs.get(h.name) or org_prefix(h.name, h.suffix) or (builders[0] if len(builders) == 1 else None)
            operator = operator or _match_org(_LEAD, text[: h.start]) or _match_org(_BASED, text[: h.start]) or _match_org(_OPERATOR, text)
            operator = operator or _match_org(_BASED, text[h.end : clause_bounds(text, h.end, "，。；")[1]])  # "X依托Y建设"
            operator = operator or _listed_owner(text, h.end)
            if operator and operator != h.name:
                attrs["operator"] = operator
            partners = builders if len(builders) > 1 else [p] if (p := _match_org(_PARTNER, text[h.end :]) or _match_org(_TOGETHER, text[: h.start])) else []
            partners = partners or _platform_of(text, h.end)
            if partners := [p for p in partners if p != operator]:
                attrs["partners"] = partners
            if located := _location(text, h.start, h.end, around or ctx.district):
                attrs["location"] = located
            if (event := _UNVEIL.search(text)) and not _TARGET_YEAR.search(text) and (when := time_of(text, ctx.stated_year, ctx.stated_date)):
                attrs["date"] = when
                attrs["event"] = event.group()
            out.append(Mention("platform", h.name, sent.text[h.start : h.end], ctx.source(sent), attrs))
    return out


def _platform_of(text: str, end: int) -> list[str]:
    """"X是中国科学院自动化研究所加速推动…的创新平台": the organisation X serves as a platform of."""
    for m in _PLATFORM_OF.finditer(text, end):
        found = orgs(m.group(1))
        if found and found[0].start == 0:
            return [found[0].name]
    return []


def _listed_owner(text: str, end: int) -> str | None:
    """"A、B和C等同济医院的国家级科创平台": the organisation whose platforms a list names."""
    m = _OWNED_LIST.match(text, end)
    found = orgs(m.group(1)) if m else []
    return found[-1].name if found and found[-1].end == len(m.group(1)) else None


def _told_after(text: str, name: str) -> tuple[int, dict] | None:
    """"孵化器由武汉长江文创产业投资集团有限公司运营": who runs the platform just named,
    told in a sentence that refers to it by its kind; (length of that word, attributes)."""
    opening = _REFERS.match(text)
    if not opening or not name.endswith((opening.group(1), opening.group(1).removesuffix("区"))):
        return None
    if not (m := _BY.match(text, opening.end())):
        return None
    builders = [n for part in re.split("[、和与及]", _whole_org(text, m)) if (n := _org_or_region(part))]
    if len(builders) != 1:
        return None
    told = {"operator": builders[0]}
    # "该基地由A牵头，联合B、C共同建设": B and C are partners
    if (joint := _WITH.search(text, m.end())) and (partners := [n for part in re.split("[、和与及]", joint.group(1)) if (n := _org_or_region(part))]):
        told["partners"] = partners
    return opening.end(), told


def _whole_org(text: str, by: re.Match) -> str:
    """What "由…" names, not cut at a verb inside a company's name (由…产业投资集团有限公司运营)."""
    clause = text[by.start(1) : clause_bounds(text, by.start(1), "，。；")[1]]
    named = [h for h in orgs(clause) if h.start == 0 and h.end > len(by.group(1))]
    return max(named, key=lambda h: h.end).name if named else by.group(1)


def _whole(text: str, h: NameHit) -> NameHit | None:
    """The whole name: over a time word inside it (武汉经开区|未来|技术创新研究院), without the verb
    or preposition that opens the clause (充分利用…); None for a verb phrase ("成果走出实验室")."""
    toks = tokens(text)
    i = token_index(toks, h.start) - 1
    start = h.start
    if 1 <= i < len(toks) and toks[i].end == h.start and toks[i].word in _ADJECTIVAL_TIME and not is_boundary(toks[i - 1], toks[i - 2] if i > 1 else None):
        start = walk_left(text, toks[i].start)
    while lead := next((w for w in _leads() if text.startswith(w, start, h.end)), None):
        start += len(lead)
    before_suffix = toks[token_index(toks, h.end - len(h.suffix)) - 1] if h.end - len(h.suffix) > start else None
    if before_suffix and before_suffix.end == h.end - len(h.suffix) and before_suffix.pos == "v" and before_suffix.word[-1] in _DIRECTIONAL:
        return None  # a verb with a directional complement takes the suffix as its object (走出实验室)
    name = text[start : h.end]
    if start == h.start:
        return h
    if is_generic(name, h.suffix) or len(name) <= len(h.suffix) + 1:
        return None
    return NameHit(start, h.end, name, h.kind, h.suffix, h.descriptor)


def _leads() -> tuple[str, ...]:
    return lexicon.words("name_leads")


def _builders(text: str, h: NameHit) -> list[str]:
    """Who builds or runs the platform: "X是由A建设的", "由A、B、C共建的X", "X由A投资建设"."""
    after = text[h.end : clause_bounds(text, h.end, "。；")[1]]
    if together := _BUILT_TOGETHER.search(text, 0, h.start):  # "A和B共同打造的…平台——NAME"
        return [n for part in re.split("[、和与及]", together.group(1)) if (n := _org_or_region(part))]
    before = re.search(r"由[^，。；由]{2,60}的$", text[: h.start])
    for span in (after, before.group() if before else ""):
        joint = _JOINT.search(span)
        if m := joint if joint and "、" in joint.group(1) else _BY.search(span):
            return [n for part in re.split("[、和与及]", _whole_org(span, m)) if (n := _org_or_region(part))]
    return []


def _org_or_region(text: str) -> str | None:
    """An organisation, a region, or a short name standing alone ("由光谷金控投资建设")."""
    found = orgs(text)
    if found:
        return found[-1].name
    region = regions_in(text)
    if region and text.endswith(("区", "市", "省")):
        return region[-1][1]
    toks = tokens(text)
    return text if 3 <= len(text) <= 8 and all(t.pos in ("n", "nt", "nz", "ns", "j") for t in toks) else None


def _match_org(pattern: re.Pattern, text: str) -> str | None:
    for m in pattern.finditer(text):
        found = orgs(m.group(1))
        if found:
            return found[-1].name
        if m.group(1).endswith(("区", "市")):
            return m.group(1)
    return None


def _listed(text: str, hits) -> list:
    """Names listed before 等<category> ("青山数谷、创青谷等孵化器")."""
    categories = dict((r[0], r[1]) for r in lexicon.rows("platform_categories"))
    out = []
    for cat in sorted(categories, key=len, reverse=True):
        for m in re.finditer(rf"等{re.escape(cat)}", text):
            clause_start = clause_bounds(text, m.start(), "，。；：")[0]
            for item in _LIST_ITEM.finditer(text, clause_start, m.start() + 1):
                name = item.group(1).strip("“”")
                s = item.start(1)
                if any(h.start <= s < h.end for h in hits) or not re.search(r"[\u4e00-\u9fff]{2}", name):
                    continue
                if categories[cat] != "平台":
                    out.append(NameHit(s, item.end(1), name, categories[cat], ""))
    return out


def _paired_operators(text: str, hits) -> dict[str, str]:
    """"联合A、B、C，相继落地W、X、Y": the n-th institution runs the n-th platform."""
    m = re.search(r"(?:联合|携手)([^，。；]+?)，", text)
    if not m:
        return {}
    partners = [o.name for o in orgs(m.group(1))]
    after = [h for h in hits if h.start > m.end()]
    if len(partners) >= 2 and len(partners) == len(after):
        return {h.name: p for h, p in zip(after, partners)}
    return {}


def _location(text: str, start: int, end: int, around: str | None) -> str | None:
    """A region after 在/落户/位于 in the sentence, else a district in the platform's own
    name, else the district the story speaks of there (a city or province in the name —
    武汉…研究院 — says less), else that city or province."""
    if place := place_after(text, end):
        return place
    named = _name_regions(text[start:end])
    if named and region_level(named[-1]) == "district":
        return named[-1]
    if named and region_level(named[-1]) == "city" and named[-1] not in ("武汉市", parent_city(around or "")):
        return named[-1]  # 光谷黄冈科技产业园: in 黄冈, whatever brand it carries
    districts = [r for p, r in regions_in(text[:start]) if region_level(r) == "district"]
    return (districts[-1] if districts else around) or (named[-1] if named else None)


def _name_regions(name: str) -> list[str]:
    """Regions in a name, not those that begin a university's (湖北大学生物制造中试基地)."""
    return [
        canonical_region(m.group()) for m in re.finditer(lexicon.alternation("regions"), name)
        if not _UNIVERSITY.match(name, m.end())
    ]

