"""Whole names that end in a lexicon suffix (研究院, 项目, 有限公司 …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from .numbers import TIME_WORD, parse_quantity
from .tokens import token_index, tokens, walk_left

_PHASE = re.compile(r"^(?:[一二三四五六七八九十\d]期|（[一二三四五六七八九十\d]期）)")
_DOTS = "·•"
_ORDINAL_QUARTER = re.compile(r"第[一二三四]季度")
_DESCRIPTOR = re.compile(r"(?:首|[第\d一二三四五六七八九十两]+)[个家座所批]$")
_COUNTED = re.compile(r"^[一二三四五六七八九十两几]+(?:[大座个家批项支]+|系列)")
_COMPANY_AFTER = re.compile(r"(?:股份)?有限(?:责任)?公司|公司|集团")
_NUMERAL_BEFORE = re.compile(r"[\d一二三四五六七八九十两几首]$")
# "华中地区首个面向整车企业的智能网联汽车中试平台": a description of something named elsewhere
_FIRST_OF_KIND = re.compile(r"(?:首个|首家|首座|唯一|第[\d一二三四五六七八九十]+[个家座])[^，。；：—]*的$")


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    name: str
    kind: str  # the lexicon's kind for the suffix
    suffix: str
    descriptor: bool = False  # preceded by 首个 / 第四家 …: a description, not a name


@lru_cache(maxsize=None)
def _suffix_re(lexicon_name: str) -> re.Pattern:
    return re.compile(lexicon.alternation(lexicon_name))


@lru_cache(maxsize=None)
def _kinds(lexicon_name: str) -> dict[str, str]:
    return {r[0]: (r[1] if len(r) > 1 else r[0]) for r in lexicon.rows(lexicon_name)}


def is_generic(name: str, suffix: str, places: bool = False) -> bool:
    """A category ("全国重点实验室", "产业园"): what precedes the suffix is only
    classifying words, so the name is not one entity's. ``places``: region names
    classify too ("武汉市新洲区重大项目"), for kinds not named after a place."""
    generic = lexicon.words("generic_names")
    if name in generic:
        return True
    prefix = name[: name.rfind(suffix)]
    places = {i: len(word) for i, word in _region_words(prefix)} if places else {}
    covered = [True] + [False] * len(prefix)  # prefix[:i] tiles with generic words and places
    for i in range(len(prefix)):
        if covered[i]:
            for w in generic:
                if prefix.startswith(w, i):
                    covered[i + len(w)] = True
            if i in places:
                covered[i + places[i]] = True
    return covered[-1]


def _region_words(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _regions_re().finditer(text)]


def _inside_word(text: str, end: int) -> bool:
    """The suffix ends inside a longer word (科创园 in 科创园区)."""
    toks = tokens(text)
    i = token_index(toks, end - 1)
    return i < len(toks) and toks[i].end > end


def trim_left(text: str, start: int, stop: int) -> int:
    """Drop leading verbs ("打破实验室"), one-character adjectives ("好"), time words and
    counted phrases (五大, 一座座). One-character verbs stay: 环 in 环理工大创新街区."""
    while start < stop:
        if m := _COUNTED.match(text[start:stop]):
            start += m.end()
            continue
        if text[start] in "与和及":
            start += 1
            continue
        if m := TIME_WORD.match(text[start:stop]) or _ORDINAL_QUARTER.match(text[start:stop]):
            start += m.end()  # "二季度重大项目"
            continue
        if text[start] in "座个家所批项条套" and _NUMERAL_BEFORE.search(text[:start]):
            start += 1  # "第五座研究院"
            continue
        toks = tokens(text)
        t = toks[token_index(toks, start)]
        if t.start == start and t.end <= stop and ((len(t.word) > 1 and t.pos == "v") or (len(t.word) == 1 and t.pos == "a")):
            start = t.end
            continue
        return start
    return start


def find_names(
    text: str, lexicon_name: str, phases: bool = False, categories: bool = True
) -> list[NameHit]:
    """Names in ``text`` ending with a suffix of ``lexicon/<lexicon_name>.txt``.

    ``phases`` keeps a trailing phase ("一期") as part of the name (projects);
    ``categories`` drops category names made of generic words ("全国重点实验室").
    """
    kinds = _kinds(lexicon_name)
    hits: list[NameHit] = []
    for m in _suffix_re(lexicon_name).finditer(text):
        end = m.end()
        if _inside_word(text, end) or _NICKNAME.match(text, end):  # 科创园 in 科创园区, 大学 in 洪山·大学之城
            continue
        if lexicon_name != "org_suffixes" and _COMPANY_AFTER.match(text, end):
            continue  # "…科技企业孵化器有限公司" is a company
        if phases and (phase := _PHASE.match(text[end:])):
            end += phase.end()
        company = lexicon_name == "org_suffixes" and kinds[m.group()] == "company"
        walked = _split_list(text, _walk(text, m.start(), company), m.start(), lexicon_name)
        start = trim_left(text, walked, m.start())
        for inner in _suffix_re(lexicon_name).finditer(text, start, m.start()):
            if is_generic(text[start : inner.end()], inner.group(), True):
                start = inner.end()  # "基础设施项目G318…改造工程": a category before the name
        name = text[start:end]
        before = text[max(0, start - 6) : start]
        descriptor = bool(_DESCRIPTOR.search(before) or _FIRST_OF_KIND.search(text[:start]))
        hit = NameHit(start, end, name, kinds[m.group()], m.group(), descriptor)
        if (q := parse_quantity(text[end : end + 8])) and q.start == 0:
            continue  # "外资研发中心43家": a category being counted
        by_place = lexicon_name == "project_suffixes"  # platforms are named after places: 光谷实验室
        if categories and (is_generic(name, m.group(), by_place) or is_generic(text[walked:end], m.group(), by_place)):
            quoted = _quoted_before(text, walked)
            if not quoted:
                continue
            # “海洋·锦鲤”环大学创新发展带: the quoted words are the name; “火眼”实验室: with its suffix
            if quoted[1] + 1 == m.start():
                quoted = (quoted[0] - 1, end)
            hit = NameHit(quoted[0], quoted[1], text[quoted[0] : quoted[1]], hit.kind, m.group())
        elif _verb_only(text, start, m.start()):
            continue  # "启动实验室施工": a verb before a bare suffix names nothing
        # a longer name already found covers this one ("产业技术研究院" in "…技术研究院")
        hits = [h for h in hits if not (hit.start <= h.start and h.end <= hit.end)]
        if not any(h.start <= hit.start and hit.end <= h.end for h in hits):
            hits.append(hit)
    return hits


def _verb_only(text: str, start: int, stop: int) -> bool:
    """What stands before the suffix is one verb or adverb and nothing else."""
    toks = tokens(text)
    i = token_index(toks, start)
    return i < len(toks) and toks[i].start == start and toks[i].end == stop and toks[i].pos in ("v", "vn", "ad", "d")


def _walk(text: str, pos: int, nominal: bool = False) -> int:
    """``walk_left``, continued over what stands inside a name though it would end the
    walk: a middle dot (现代·金融湾产业园) and the words of ``name_inner_words``
    (武汉经开区未来技术创新研究院). ``nominal``: over verbal nouns too, as in a company's
    name (武汉产业发展投资集团有限公司)."""
    start = walk_left(text, pos, nominal)
    toks = tokens(text)
    while start > 0:
        i = token_index(toks, start - 1)
        glue = toks[i]
        if glue.word in _DOTS and i > 0 and _joins(toks[i - 1]):
            start = walk_left(text, toks[i - 1].start)
        elif glue.word in "）)" and (inner := _bracketed(text, toks, i)) is not None:
            start = inner  # 武汉超级计算（数据）中心项目
        elif glue.word in _inner_words():
            before = walk_left(text, glue.start)
            start = before if before < glue.start else glue.start
            if before == glue.start:
                break
        else:
            break
    return start


def _bracketed(text: str, toks, close: int) -> int | None:
    """Start of the name around a short bracketed word that ends at token ``close``."""
    open_ = text.rfind("（", max(0, toks[close].start - 8), toks[close].start)
    if open_ <= 0 or not re.fullmatch(r"[\u4e00-\u9fff]{1,6}", text[open_ + 1 : toks[close].start]):
        return None
    before = toks[token_index(toks, open_ - 1)]
    return walk_left(text, before.start) if _joins(before) else None


def _joins(tok) -> bool:
    """A word before a middle dot belongs to the name: Chinese, not a boundary word."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]+", tok.word)) and tok.word not in lexicon.words("name_boundaries")


@lru_cache(maxsize=1)
def _inner_words() -> frozenset[str]:
    return frozenset(lexicon.words("name_inner_words"))


@lru_cache(maxsize=4)
def _name_end_re(lexicon_name: str) -> re.Pattern:
    """The end of a whole name: of this kind, or of a project or platform ("A项目和B中心")."""
    kinds = {lexicon_name, "project_suffixes", "platform_suffixes"}
    ends = "|".join(lexicon.alternation(k) for k in sorted(kinds))
    return re.compile(rf"(?:{ends})(?:（?[一二三四五六七八九十\d]期）?)?$")


def _split_list(text: str, start: int, stop: int, lexicon_name: str) -> int:
    """"A项目和B项目": a joiner after a whole name starts the next name."""
    ends_name = _name_end_re(lexicon_name)
    out = start
    for joiner in re.compile("以及|[和与及]").finditer(text, start, stop):
        if ends_name.search(text, out, joiner.start()):
            out = joiner.end()
    return out


def _quoted_before(text: str, start: int) -> tuple[int, int] | None:
    """``(start, end)`` of a “quoted name” that ends right before ``start``."""
    if start == 0 or text[start - 1] != "”":
        return None
    open_ = text.rfind("“", 0, start - 1)
    if open_ < 0 or start - 1 - open_ > 16:
        return None
    return open_ + 1, start - 1


def orgs(text: str) -> list[NameHit]:
    """Organisations named in ``text``.

    The suffix must neither lie inside one longer word ("布局" is no 局) nor end
    inside one ("华师大学生创业中心" speaks of 学生); a description before the name
    ("企业", "旗下") is not part of it, nor is "与X" that starts another name.
    """
    toks = tokens(text)
    starts = {t.start for t in toks}
    out = []
    for h in find_names(text, "org_suffixes", categories=False):
        suffix_at = h.end - len(h.suffix)
        tok = toks[token_index(toks, suffix_at)]
        spans_tokens = any(suffix_at <= s < h.end for s in starts)  # 科技股份|有限公司
        # a company's suffix inside its last word ("吉利|汽车集团"), not a kind of company ("一人公司")
        company_word = h.kind == "company" and len(h.suffix) > 1 and tok.word.endswith(h.suffix) and not _NUMERAL_START.match(h.name)
        ends_word = tok.end == h.end and (tok.pos == "nt" or company_word)
        if h.descriptor or not (spans_tokens or ends_word):
            continue
        if len(h.suffix) == 1 and (not _ADMIN.match(h.name) or text.startswith("长", h.end)):
            continue  # 局/厅 name offices ("市科技创新局"), not titles ("局长") or words ("格局")
        start = _country_verb(toks, h.start)
        for lead in _org_leads():
            if text.startswith(lead, start) and h.end - start - len(lead) > len(h.suffix) + 1:
                start += len(lead)
                break
        for joiner in re.finditer("[与和及]", text[start:h.end]):
            after = toks[token_index(toks, start + joiner.end())]
            if after.pos == "ns" or text[start : start + joiner.start()].endswith(_all_suffixes()):
                start = start + joiner.end()  # "九峰山实验室与常州星云车灯股份有限公司"
        if h.end - start >= len(h.suffix) + 2:
            out.append(NameHit(start, h.end, text[start : h.end], h.kind, h.suffix))
    return out


_NICKNAME = re.compile(r"之[城都谷乡窗星心魂]")  # a place's byname: 大学之城, 光谷之星
_ADMIN = re.compile(r"^(?:省|市|区|县|国家|中央)")
_NUMERAL_START = re.compile(r"^[一二两三四五六七八九十百千万\d]")


def _country_verb(toks, start: int) -> int:
    """"中国联合工程有限公司": a verb-looking word between a place and the rest
    of a name is part of the name when the rest does not start with a place."""
    i = token_index(toks, start)
    if i >= 2 and toks[i].pos != "ns" and toks[i - 1].pos.startswith("v") and toks[i - 2].pos == "ns":
        return toks[i - 2].start
    return start


@lru_cache(maxsize=1)
def _all_suffixes() -> tuple[str, ...]:
    return lexicon.words("org_suffixes") + lexicon.words("platform_suffixes")


@lru_cache(maxsize=1)
def _org_leads() -> tuple[str, ...]:
    return lexicon.words("org_leads")


def member_institute(name: str, suffix: str) -> bool:
    """An organisation's own 研究所 (中国科学院自动化研究所) is a research body, an
    organisation, not a platform it runs."""
    return suffix == "研究所" and org_prefix(name, suffix) is not None


def org_prefix(name: str, suffix: str) -> str | None:
    """The organisation a name starts with: 武汉科技大学 in 武汉科技大学青山科技园."""
    body = name[: len(name) - len(suffix)]
    for h in sorted(orgs(body), key=lambda h: -h.end):
        if h.start == 0 and h.end <= len(body):
            return h.name
    return None


# --- regions ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    return {r[0]: r[1] for r in lexicon.rows("regions")}


@lru_cache(maxsize=1)
def _canonical_names() -> dict[str, str]:
    return {r[0]: r[2] for r in lexicon.rows("regions") if len(r) > 2}


@lru_cache(maxsize=None)
def canonical_region(word: str) -> str:
    """青山 -> 青山区, 武汉 -> 武汉市, 湖北 -> 湖北省, 光谷 -> 东湖高新区 (the lexicon's third field)."""
    regions = _regions()
    if canonical := _canonical_names().get(word):
        return canonical
    kind = regions.get(word)
    if word + "区" in regions and kind != "city":  # 青山 -> 青山区, but 荆州 is the city, not 荆州区
        return word + "区"
    if kind == "city" and not word.endswith("市"):
        return word + "市"
    if kind == "province" and not word.endswith("省"):
        return word + "省"
    return word


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern:
    return re.compile(rf"(?:{lexicon.role_alternation('cues', 'place')})([\u4e00-\u9fff]{{2,6}})")


def place_after(text: str, start: int, end: int | None = None) -> str | None:
    """The region named after 在/落户/位于 … between ``start`` and ``end``."""
    m = _place_re().search(text, start, len(text) if end is None else end)
    return next((r for _, r in regions_in(m.group(1))), None) if m else None


@lru_cache(maxsize=1)
def _regions_re() -> re.Pattern:
    return re.compile(lexicon.alternation("regions"))  # longest first: 青山区 before 青山


@lru_cache(maxsize=1)
def _region_levels() -> dict[str, str]:
    return {canonical_region(word): kind for word, kind, *_ in lexicon.rows("regions")}


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    return {canonical_region(r[0]): r[3] for r in lexicon.rows("regions") if len(r) > 3}


def parent_city(district: str) -> str:
    """The city a district belongs to: 武汉市, unless the lexicon names another (樊城区 -> 襄阳市)."""
    return _parents().get(district, "武汉市")


def region_level(name: str | None) -> str | None:
    """city, district, area or province, for a canonical region name."""
    return _region_levels().get(name or "")


def narrowest(place: str | None, district: str | None) -> str | None:
    """The district the story speaks of when a place names only the city or province."""
    narrow = region_level(place) in ("city", "province") and region_level(district) == "district"
    return district if narrow else place


@lru_cache(maxsize=8192)
def regions_in(text: str) -> list[tuple[int, str]]:
    """``(position, canonical name)`` of every region named in ``text``."""
    return [(m.start(), canonical_region(m.group())) for m in _regions_re().finditer(text)]
