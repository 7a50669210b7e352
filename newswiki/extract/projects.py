"""Projects reported at a realised stage: signed, started, producing, completed …"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..ingest.normalize import normalize
from ..model import Mention
from .context import StoryContext
from .names import NameHit, find_names, is_generic, narrowest, org_prefix, orgs, place_after, region_level, regions_in, trim_left
from .numbers import quantities, time_of
from .tokens import clause_bounds, token_index, tokens, walk_left

_PLAN = re.compile(lexicon.role_alternation("cues", "plan"))
_INVEST = re.compile(r"(?:总)?投资(?:额)?(?:约|超|近)?$")
_AREA = re.compile(r"(?:占地|用地|建筑)(?:面积)?(?:约|超|近)?$")
_JOBS = re.compile(r"就业(?:岗位|人口|人数)?(?:约|超|超过|近)?$")
_CAPACITY = re.compile(r"年产能?[\u4e00-\u9fff]{0,6}?(\d+(?:\.\d+)?万?(?:吨|GWh|MWh|千瓦|台|辆|套|片))|\d+(?:\.\d+)?万?吨/年")
_CLAUSE = "，。；：—"
_PHASED = re.compile(r"[一二三四五六七八九十\d]期$")
_BUILDING = re.compile(r"[^，。；]{0,6}(?:开工|动工|开建|竣工|封顶)")
_BUILT_BY_ORG = re.compile(r"由([^，。；]{2,30}?)(?:投资建设|投资兴建|建设|投资|运营)")
_BUILT_BY = re.compile(r"(?:投资建设|投资兴建|建设)$")
_ANAPHOR = re.compile(r"^(?:该|这个|此)?项目")
_QUOTED = re.compile(r"“[^“”，。]{2,16}”(?:建设)?项目(?!各?\d+个)")
_LIST_OPEN = re.compile(r"(?:分别为|分别是|包括|主要有|还有)：?")
_COUNTED_AFTER = re.compile(r"等\d+个[\u4e00-\u9fff]{0,8}项目")
_COUNT_BEFORE = re.compile(r"[\d一二三四五六七八九十两几]+个$")  # "4个中医药项目": a category
_COLLECTIVE_COLON = re.compile(r"\d+个[\u4e00-\u9fff]{0,8}项目：")
_COUNTED = re.compile(r"\d+个[\u4e00-\u9fff]{0,8}项目")
_PROJECTS_AFTER = re.compile(r"的?(?:\d+个)?[\u4e00-\u9fff]{0,4}项目")
_PROJECTS_BEFORE = re.compile(r"项目(?:集中|同时|同步|正式)?$")
_COLLECTIVE_CUT = re.compile(r"等\d+个|\d+个[\u4e00-\u9fff]{0,8}项目|当天|此次|共有")
# what may precede a name that is the subject of its clause: 据悉，… / 其中，总投资32亿元的…
_OPENER = re.compile(r"(?:(?:据悉|据了解|据介绍|此外|另外|同时|其中)，?)?(?:[^，。；]*的)?")
_CATEGORY = re.compile(r"(?:重点|重大)项目$")  # "航天新材料重点项目": a category of projects
_OUTLOOK = re.compile(r"建成后|投产后|达产后|建成可|可实现|预计")  # "A项目一期建成可实现年产值6亿元": what it would do
_INVESTS_IN = re.compile(r"(?:[^，。；：]{0,30}投资[^，。；：]{0,12}[，,]?)?建设")
_FIGURE_ITEM = re.compile(r"^(?:总?投资|计划投资|占地|年产)?[\d.]+")
_LOCATED = re.compile(r"(?:项目)?位于([^，。；]{2,30})")
# "在X，建设NAME", "在洪山区，新开工的NAME"
_BUILT_IN = re.compile(r"在([^，。；、在]{2,20}?)[，,]?(?:(?:投资|计划|规划)?(?:建设|打造|兴建|新建)|[^，。；]{0,8}的)$")
_PLACE_ENDS = ("城", "区", "园", "镇", "街", "街道", "村", "基地", "港", "湾", "岛", "片区", "地块")
_SUFFIX_AT = re.compile(lexicon.alternation("project_suffixes"))
_CLAUSE_END = re.compile(r"[，。；、！]|$")
_PLATFORM_END = re.compile(lexicon.alternation("platform_suffixes") + "$")


@lru_cache(maxsize=1)
def _stage_first_re() -> re.Pattern:
    return re.compile(rf"(?:{lexicon.alternation('stage_verbs')})(?=的(?:还有|包括|有|是))")


@lru_cache(maxsize=1)
def _stage_re() -> tuple[re.Pattern, dict[str, str]]:
    stages = {r[0]: r[1] for r in lexicon.rows("stage_verbs")}
    # a stage verb that begins a noun is no stage: 启动区 (a start-up zone), 落地页
    return re.compile(rf"(?:{lexicon.alternation('stage_verbs')})(?![区页])"), stages


@dataclass(frozen=True)
class _Event:
    """A stage reported for several projects at once ("13个重大项目集中开工")."""

    stage: re.Match
    date: str | None
    place: str | None


_PARAGRAPH_YEAR = re.compile(r"^(?:\d{4}年|今年|去年)(?:以来)?[，,]")


def extract(ctx: StoryContext) -> list[Mention]:
    found: list[tuple[Mention, bool]] = []  # each mention, and whether it reports a stage
    cores, firms = _cores(ctx), _firms(ctx)
    last = None  # the project "该项目" refers to
    event = None  # the story's latest collective stage
    told = None  # the collective stage of the sentence before
    lead = None  # a collective stage the story opens with: the story is about those projects
    opening = {s.paragraph for s in ctx.story.sentences[:3]}
    heads = _headed(ctx.story)
    paragraph, para_when = None, None  # the year a paragraph opens with ("2020年，…") dates what it tells
    for sent in ctx.story.sentences:
        text = sent.norm
        if sent.paragraph != paragraph:
            paragraph = sent.paragraph
            para_when = time_of(opens.group(), ctx.stated_year) if (opens := _PARAGRAPH_YEAR.match(text)) else None
        shared = told if text.startswith("其中") else None  # "其中，…" shares the sentence before's event
        told = None
        if collective := _collective_stage(text):
            date = time_of(text, ctx.stated_year, ctx.stated_date) or (event.date if event else ctx.stated_date)
            event = told = _Event(collective, date, _event_place(text, collective.start()) or ctx.district)
            lead = lead or (event if sent.paragraph in opening else None)
        lists = _lists(text) if collective else []
        hits = _hits(text, cores, lists)
        if (headed := heads.get(sent.id)) and lead and not (hits and hits[0].start == 0):
            # a project named in a heading, told in the paragraph under it ("由X投资35亿元建设…")
            attrs = {"stage": _stage_re()[1][lead.stage.group()]}
            if by := _BUILT_BY_ORG.match(text):
                attrs["company"] = next((o.name for o in orgs(by.group(1))), None) or by.group(1)
            if located := _LOCATED.match(text) or place_after(text, 0):
                attrs["location"] = located.group(1) if isinstance(located, re.Match) else located
            elif lead.place:
                attrs["location"] = lead.place
            if lead.date:
                attrs["date"] = lead.date
            _figures(text, attrs)
            found.append((Mention("project", headed, headed, ctx.source(sent), attrs), True))
            last = headed
        if last and (anaphor := _ANAPHOR.match(text)) and not (hits and hits[0].start == 0):
            figures: dict = {}
            _figures(text[: hits[0].start if hits else len(text)], figures)  # "该项目一期占地227亩…": cited here
            if figures:
                found.append((Mention("project", last, sent.text[: anaphor.end()], ctx.source(sent), figures), False))
        for i, h in enumerate(hits):
            c_start, c_end = clause_bounds(text, h.start, _CLAUSE)
            # named in the list of a collective sentence, or opening a clause of "其中，…" after it
            listed = any(a <= h.start and h.end <= b for a, b in lists)
            # "…12个重大项目竣工，其中A项目…": the clause after 其中 shares the sentence's event
            inner = told if collective and text.startswith("其中", c_start) and c_start > collective.end() else None
            group = told if listed else (shared or inner) if _OPENER.fullmatch(text, c_start, h.start) else None
            stage, own = _stage(text, h, c_start, c_end, group.stage if group else None), True
            item = max(text.rfind("；", 0, h.start), text.rfind("：", 0, h.start)) + 1
            opens = _OPENER.fullmatch(text, 0, h.start) or _INVESTS_IN.fullmatch(text, max(item, c_start), h.start) or _INVESTS_IN.fullmatch(text, item, h.start)
            if stage is None and lead and opens and not _PLAN.search(text, 0, h.start) and not _OUTLOOK.search(text, h.end, c_end):
                # "据悉，A项目位于…", "B公司投资2亿元，建设A项目": one of the story's signed or begun projects
                stage, own = lead.stage, False
            if stage is not None and stage.string is not text:
                own = False
            attrs: dict = {"stage": _stage_re()[1][stage.group()]} if stage else {}
            if company := _company(text, h, c_start, firms):
                attrs["company"] = company
            when = (time_of(text[:c_end], ctx.stated_year, ctx.stated_date) or para_when) if own and stage else None
            stages = _stage_re()[1]
            if stage and not when and event and stages[stage.group()] == stages[event.stage.group()]:
                when = event.date  # one of the event's projects; a project at another stage was not dated by it
            if when:
                attrs["date"] = when
            located = _location(text, h.start, h.end, c_end) or _named_district(h.name) or (event.place if stage and event else None)
            if stage and not located and ctx.one_district:
                located = ctx.district  # a project begun in a story of one district only is there
            if located := narrowest(narrowest(located, event.place if event else None), ctx.district):
                attrs["location"] = located  # "签约落户武汉" in a story of 江夏区: 江夏区
            _figures(text[_segment_start(text, h, hits[i - 1] if i else None) : _segment_end(text, h, hits[i + 1] if i + 1 < len(hits) else None)], attrs)
            found.append((Mention("project", h.name, sent.text[h.start : h.end], ctx.source(sent), attrs), stage is not None))
            last = h.name
    staged = {m.name for m, has_stage in found if has_stage}
    return [m for m, _ in found if m.name in staged]


def _headed(story) -> dict[str, str]:
    """Sentence id -> the project a heading names, for the first sentence of the paragraph
    under it (a list of projects, each its name on a line of its own)."""
    out, name = {}, None
    for block in story.blocks:
        if block.kind == "subheading":
            hit = next(iter(find_names(normalize(block.text), "project_suffixes", phases=True)), None)
            name = hit.name if hit and hit.start == 0 and hit.end == len(normalize(block.text).strip()) else None
        elif name and block.sentences:
            out[block.sentences[0].id], name = name, None
    return out


def _hits(text: str, cores: dict[str, str], lists: list[tuple[int, int]]) -> list[NameHit]:
    """Project names in ``text``: names with a project suffix, “quoted”项目, parks and bases
    under construction or named as a story's project ("X" of "X项目"), list items after a
    collective stage and bare subjects of a stage verb ("九州通健康城建成投用")."""
    hits = find_names(text, "project_suffixes", phases=True)
    hits += [
        NameHit(h.start, h.end, cores.get(_undotted(h.name), h.name), h.kind, h.suffix)
        for h in find_names(text, "platform_suffixes", phases=True)
        if _PHASED.search(h.name) or _BUILDING.match(text[h.end :]) or _undotted(h.name) in cores
    ]
    hits = [_with_suffix(text, h) for h in hits if not (_CATEGORY.search(h.name) or _COUNT_BEFORE.search(text, 0, h.start))]
    hits += [NameHit(m.start(), m.end(), m.group(), "项目", "项目") for m in _QUOTED.finditer(text)]
    # "疏能新材等73个项目": a company standing for its project names none
    # "包括投资7亿元、年产…的X项目": a figure describing the next item is no item
    items = [h for a, b in lists for h in _items(text, a, b) if not _short_company().fullmatch(h.name) and not _FIGURE_ITEM.match(h.name)]
    # a name across two list items ("B物流中心和C大道改造工程") gives way to the items
    hits = [h for h in hits if sum(h.start < i.end and i.start < h.end for i in items) < 2] + items
    hits += _bare_subjects(text)
    out: list[NameHit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if out and h.start < out[-1].end:
            continue  # a longer or earlier name covers it
        out.append(h)
    return out


def _with_suffix(text: str, h: NameHit) -> NameHit:
    """"…产业园一期工程": a phased park followed by a project suffix is one name."""
    if _PHASED.search(h.name) and (m := _SUFFIX_AT.match(text, h.end)):
        return NameHit(h.start, m.end(), text[h.start : m.end()], h.kind, m.group())
    return h


def _cores(ctx: StoryContext) -> dict[str, str]:
    """"现代·金融湾产业园" -> "现代·金融湾产业园项目": a name the story also uses with 项目."""
    return {
        _undotted(h.name[: -len(h.suffix)]): h.name
        for sent in ctx.story.sentences
        for h in find_names(sent.norm, "project_suffixes", phases=False)
        if h.name.endswith("项目") and len(h.name) > 4
    }


def _undotted(name: str) -> str:
    return re.sub("[·•]", "·", name)


def _lists(text: str) -> list[tuple[int, int]]:
    """Spans of the lists a collective sentence names its projects in: "分别为：A、B和C",
    "包括A、B等", "有A、B、C等26个项目"."""
    spans = [(m.end(), _list_end(text, m.end())) for m in _LIST_OPEN.finditer(text)]
    if (colon := _COLLECTIVE_COLON.search(text)) is not None:  # "集中开工有2个项目：其一是A…；另一个B…"
        spans.append((colon.end(), len(text)))
    for m in _COUNTED_AFTER.finditer(text):
        start = max(text.rfind(d, 0, m.start()) for d in "，。；：") + 1
        if (lead := re.search("有|包括", text[start : m.start()])) is not None:
            start += lead.end()
        spans.append((start, m.start()))
    return [(a, b) for a, b in spans if b > a]


def _list_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(d, start) for d in ("。", "；", "等")) if i >= 0]
    return min(ends, default=len(text))


def _items(text: str, start: int, end: int) -> list[NameHit]:
    """The items of a list: split at 、 and at a last 和/以及 that jieba reads as a word."""
    bounds, pos = [], start
    for part in text[start:end].split("、"):
        bounds.append((pos, pos + len(part)))
        pos += len(part) + 1
    a, b = bounds[-1]
    toks = tokens(text)
    joiner = next((t for t in toks if a < t.start and t.end < b and t.word in ("和", "以及")), None)
    if joiner and len(bounds) > 1:
        bounds[-1:] = [(a, joiner.start), (joiner.end, b)]
    return [h for x, y in bounds if (h := _item(text, x, y))]


def _item(text: str, start: int, end: int) -> NameHit | None:
    """A list item that names one project: not a count, a place or a category."""
    start = trim_left(text, start, end)
    name = text[start:end].strip("“”")
    if len(name) < 3 or re.search(r"\d+个|项目|[，；]", name) or _stage_re()[0].search(name) or name in dict(regions_in(name)).values():
        return None
    if is_generic(name + "项目", "项目", places=True) or any(o.end == len(name) for o in orgs(name)):
        return None
    return NameHit(start, end, text[start:end], "项目", "")


def _bare_subjects(text: str) -> list[NameHit]:
    """"九州通健康城、汉阳市政总部年内建成投用": the names right before a stage verb that
    takes bare names (``bare`` in stage_verbs), joined by 、."""
    stage_re, _ = _stage_re()
    toks = tokens(text)
    out = []
    for m in stage_re.finditer(text):
        if m.group() not in _bare_verbs() or not _CLAUSE_END.match(text, m.end()):
            continue  # "开工仪式" names an event, not the project's stage
        if _PLAN.search(text[clause_bounds(text, m.start(), _CLAUSE)[0] : m.start()]):
            continue
        i = token_index(toks, m.start()) - 1
        while i >= 0 and (toks[i].word in _modifiers() or toks[i].pos in ("t", "d", "ad", "a")):
            i -= 1
        while i >= 0 and toks[i].pos not in ("x", "uj") and not _PLATFORM_END.search(toks[i].word):
            start = walk_left(text, toks[i].start)
            if (h := _item(text, start, toks[i].end)) is None or not _bare_name(h.name):
                break
            out.append(h)
            i = token_index(toks, h.start) - 1
            if i < 0 or toks[i].word != "、":
                break
            i -= 1
    return out


def _bare_name(name: str) -> bool:
    """A name without a project suffix: long enough to be a proper name, one thing (no 和),
    neither opening with a classifying word (区级…) nor holding an organisation (…中学高中部)."""
    first = tokens(name)[0].word
    return len(name) >= 5 and "和" not in name and first not in lexicon.words("generic_names") and not orgs(name)


@lru_cache(maxsize=1)
def _bare_verbs() -> frozenset[str]:
    return frozenset(r[0] for r in lexicon.rows("stage_verbs") if r[2:] == ("bare",))


@lru_cache(maxsize=1)
def _modifiers() -> frozenset[str]:
    return frozenset(lexicon.words("stage_modifiers"))


def _location(text: str, start: int, end: int, c_end: int) -> str | None:
    """"A项目位于新洲区双柳街行云路，…", "将在武汉开发区智慧生态城，建设A项目": the place as
    written; else the region named after it."""
    if m := _LOCATED.match(text, end):
        return m.group(1)
    if m := _BUILT_IN.search(text, 0, start):
        place, named = m.group(1), regions_in(m.group(1))
        if place.endswith(_PLACE_ENDS):
            return place  # 武汉开发区智慧生态城, as written
        if named:
            return named[-1][1]  # "在东湖高新区召开的…": the region, not the words after it
    return place_after(text, end, c_end + 8)


def _named_district(name: str) -> str | None:
    """The district a project's name opens with (樊城区奥杰新能源汽车项目)."""
    named = regions_in(name)
    return named[0][1] if named and named[0][0] == 0 and region_level(named[0][1]) == "district" else None


def _event_place(text: str, at: int) -> str | None:
    """The region nearest before a collective stage ("汉阳区15个重大项目集中开工"), not one
    in a project's name (樊城区奥杰新能源汽车项目 is that project's place)."""
    names = [(h.start, h.end) for h in find_names(text[:at], "project_suffixes", phases=True)]
    before = [(p, r) for p, r in regions_in(text[:at]) if not any(a <= p < b for a, b in names)]
    return before[-1][1] if before else None


def _segment_start(text: str, h: NameHit, before: NameHit | None) -> int:
    """Where the figures of ``h`` start: at its clause ("总投资32亿元的A项目"), never before the
    name before it."""
    start = before.end if before else 0
    seg = max([start] + [text.rfind(d, start, h.start) + 1 for d in "，；"])
    if text[seg : h.start] in ("建设", "投资建设", "新建", "兴建"):  # "X公司投资2亿元，建设A项目": the item's figures
        seg = max([start] + [text.rfind(d, start, h.start) + 1 for d in "；："])
    return seg


def _segment_end(text: str, h: NameHit, following: NameHit | None) -> int:
    """Where the figures of ``h`` end: before the next name's clause, or a collective
    phrase ("等26个项目，总投资169亿元")."""
    end = len(text) if following is None else max(h.end, max(text.rfind(d, h.end, following.start) for d in "，；、") )
    if following is not None and end == h.end:
        end = following.start
    cut = _COLLECTIVE_CUT.search(text, h.end, end)
    return cut.start() if cut else end


def _stage(text: str, h, c_start: int, c_end: int, shared: re.Match | None) -> re.Match | None:
    """The realised stage verb that reports project ``h``: after it in its clause;
    before it in "签约的还有A、B等项目" and "今年6月开工建设的A项目"; the signing of "X签约青山，投资建设NAME"; or
    the collective event of the sentence before ("其中，…"). Plans and
    conditionals ("达产后") report nothing."""
    stage_re, stages = _stage_re()
    found = next(stage_re.finditer(text, h.end, c_end), None)
    if found is not None and "的" in text[h.end : found.start()].removesuffix("的"):
        found = None  # "坐落于X公园北巷的幼儿园建成": the stage is the other noun's
    if found is None and (lead := _stage_first_re().search(text, 0, h.start)) and "。" not in text[lead.end() : h.start]:
        found = lead
    if found is None and text[h.start - 1 : h.start] == "的":  # "今年6月开工建设的X项目"
        found = next((m for m in stage_re.finditer(text, c_start, h.start) if m.end() == h.start - 1), None)
    if found is None and _BUILT_BY.search(text[c_start : h.start]):
        found = next((m for m in stage_re.finditer(text, 0, h.start) if stages[m.group()] == "签约"), None)
    if found is None:
        found = shared
    if found is None or found.string[found.end() : found.end() + 1] in ("后", "可"):  # 达产后, 建成可实现
        return None
    if "以来" in found.string[found.end() : found.end() + 4]:
        return None  # "自2017年启动建设以来": how it began, not what the story reports
    if found.string is text and _PLAN.search(text[c_start : found.start()]):
        return None
    return found


def _company(text: str, h, c_start: int, firms: dict[str, str]) -> str | None:
    """The company in the project's name (whole, a firm of the story by its core, or a short
    name), before it in its list item, the signer of "X签约…投资建设NAME", or the builder
    of "NAME由X投资建设"."""
    item_start = max(c_start, text.rfind("、", 0, h.start) + 1)
    company = org_prefix(h.name, h.suffix) or _firm_opening(h.name, h.suffix, firms)
    company = company or next((o.name for o in orgs(text[item_start : h.start])), None)
    if not company and (short := _short_company().search(text, item_start, h.start)):
        company = short.group()  # "中韩石化120万吨/年液相航煤加氢装置"
    if not company:  # the nearest firm of the same "；" item that signs, invests or builds
        part = max(text.rfind("；", 0, h.start), text.rfind("：", 0, h.start)) + 1
        company = next((o.name for o in reversed(orgs(text[part:c_start])) if re.search("签约|投资|建设", text[part + o.end : h.start])), None)
    if not company and (by := _BUILT_BY_ORG.match(text, h.end)):
        company = next((o.name for o in orgs(by.group(1))), None)
    return company


@lru_cache(maxsize=1)
def _short_company() -> re.Pattern:
    return re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{lexicon.alternation('company_short_suffixes')})")


def _firms(ctx: StoryContext) -> dict[str, str]:
    """The companies a story names, by their core (康恩贝 for 康恩贝集团)."""
    out = {}
    for sent in ctx.story.sentences:
        for o in orgs(sent.norm):
            if o.kind == "company" and len(core := _core(o.name, o.suffix)) >= 2:
                out.setdefault(core, o.name)
    return out


def _core(name: str, suffix: str) -> str:
    body = name[: len(name) - len(suffix)].removesuffix("集团")
    while found := regions_in(body[:4]):
        if found[0][0] != 0:
            break
        body = body[len(next(w for w in lexicon.words("regions") if body.startswith(w))) :]
    return body


def _firm_opening(name: str, suffix: str, firms: dict[str, str]) -> str | None:
    """The company a project's name opens with (after a region): a firm of the story by
    its core, or a short name (中韩石化, 精工科技) before at least four more characters."""
    body = name[: len(name) - len(suffix)]
    if (place := regions_in(body[:4])) and place[0][0] == 0:
        body = body[len(next(w for w in lexicon.words("regions") if body.startswith(w))) :]
    if firm := next((firms[c] for c in sorted(firms, key=len, reverse=True) if body.startswith(c)), None):
        return firm
    short = _short_company().match(body)
    if short and len(body) - short.end() >= 4 and not is_generic(short.group(), short.group()[2:]) and not regions_in(short.group()):
        return short.group()
    return None


def _collective_stage(text: str) -> re.Match | None:
    """The stage reported for several projects at once: "13个重大项目集中开工",
    "集中开工的9个项目", "重大项目集中开工活动", "签约项目中"."""
    for m in _stage_re()[0].finditer(text):
        c_start, c_end = clause_bounds(text, m.start(), _CLAUSE)
        if text.startswith("后", m.end()) or _PLAN.search(text[c_start : m.start()]):
            continue
        if _COUNTED.search(text, c_start, c_end) or _PROJECTS_AFTER.match(text, m.end()) or _PROJECTS_BEFORE.search(text, c_start, m.start()):
            return m
    return None


def _figures(text: str, attrs: dict) -> None:
    """Investment, area, jobs and capacity stated in ``text``."""
    for q in quantities(text):
        before = text[max(0, q.start - 8) : q.start]
        if q.unit == "元" and _INVEST.search(before):
            attrs.setdefault("amount", q.value)
            attrs.setdefault("amount_text", q.text)
        elif q.unit in ("亩", "平方米", "平方公里") and _AREA.search(before):
            attrs.setdefault("area", q.text)
        elif q.unit in ("个", "人") and _JOBS.search(before):
            attrs.setdefault("jobs", q.value)
    if m := _CAPACITY.search(text):
        attrs.setdefault("capacity", m.group(1) or m.group(0))
