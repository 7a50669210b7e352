"""Matching rules of the strict score; tests/gold/README.md states them in words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import lexicon
from ..extract.aliases import alias_table
from ..extract.names import canonical_region, regions_in
from ..extract.tokens import tokens

_PUNCT = re.compile(r"[\s《》“”‘’\"'()\[\]【】<>〈〉「」『』·•・]")
# tokens that are never an indicator word: particles, prepositions, conjunctions, punctuation …
_FUNCTION_POS = {"x", "u", "uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "y", "e", "o", "zg"}
# time expressions, with a comparison base before them (较一季度): 2025年, 一季度,
# 前三季度, 1—4月, 上半年, 当年, 近五年, 3月底 (never 年产能力)
_NUMERAL = "[\\d一二三四五六七八九十两]"
_TIME = re.compile(
    rf"(?:比|较)?(?:{_NUMERAL}+[—\-~至到])?(?:{_NUMERAL}+个?|[近前后今去明当本上下全])+半?(?:年度|年|季度|个月|月份|月)(?:底|末|初|以来)?"
)
_CONDITION_SHARE = 0.6


def norm(text: object) -> str:
    """NFKC, without spaces, quotes and brackets: 中韩（武汉）石化 -> 中韩武汉石化."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", str(text)))


# --- lexicon data -------------------------------------------------------------


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in lexicon.rows("synonyms"):
        out.setdefault(row[0], []).append(tuple(norm(w) for w in row[1:]))
    return out


@lru_cache(maxsize=1)
def _indicator_groups() -> dict[str, tuple[str, ...]]:
    """word -> every word of its synonym group."""
    return {w: group for group in _synonyms().get("indicator", []) for w in group}


@lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    """region name or alias -> canonical name (regions.txt and the synonym table)."""
    out = {}
    for row in lexicon.rows("regions"):  # word  kind  [canonical name]
        canonical = norm(canonical_region(row[2] if len(row) > 2 else row[0]))
        out[norm(row[0])] = out[norm(canonical_region(row[0]))] = canonical
    for group in _synonyms().get("region", []):
        out.update({w: group[0] for w in group})
    return out


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    return frozenset(w for group in _synonyms().get("ignore", []) for w in group)


@lru_cache(maxsize=1)
def _scope_words() -> frozenset[str]:
    return frozenset(norm(w) for w in lexicon.words("scopes"))


# --- names ----------------------------------------------------------------------


def region(name: str) -> str | None:
    """The canonical region ``name`` names on its own (武汉开发区 -> 武汉经开区), else None.

    A chain of regions (武汉市硚口区) is its last, most specific one.
    """
    n = norm(name)
    names = _region_names()
    if n in names:
        return names[n]
    if _region_chain().fullmatch(n):
        last = norm(regions_in(n)[-1][1])
        return names.get(last, last)
    return None


@lru_cache(maxsize=1)
def _region_chain() -> re.Pattern:
    return re.compile(rf"(?:(?:{lexicon.alternation('regions')})[市省]?)+")


def canonical_name(name: str) -> str:
    """Normalised name, through the alias table (武钢有限 -> 武汉钢铁有限公司)."""
    n = norm(name)
    entry = alias_table().get(n) or alias_table().get(name)
    return norm(entry[1]) if entry else n


def is_abbreviation(short: str, full: str) -> bool:
    """``short`` is a non-contiguous subsequence of ``full`` with the same first character."""
    if len(short) < 2 or len(short) >= len(full) or short[0] != full[0]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def contains_either(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (a in b or b in a)


def scope_match(predicted: str | None, gold: str | None) -> bool:
    """Equal names or aliases of one region; for two non-regions (organisations,
    platforms) also containment or an abbreviation (国家网安基地 ~ 国家网络安全基地)."""
    if not predicted or not gold:
        return not predicted and not gold
    p, g = canonical_name(predicted), canonical_name(gold)
    if p == g:
        return True
    rp, rg = region(p), region(g)
    if rp or rg:
        return rp == rg
    return contains_either(p, g) or is_abbreviation(p, g) or is_abbreviation(g, p)


def place_match(predicted: str, gold: str) -> bool:
    """Locations: the same region, or one place name contains the other."""
    return scope_match(predicted, gold) or contains_either(predicted, gold)


def org_match(predicted: str, gold: str) -> bool:
    """Companies and operators: the same name through the alias table, or one contains the other."""
    return canonical_name(predicted) == canonical_name(gold) or contains_either(predicted, gold)


# --- periods --------------------------------------------------------------------

_QUARTER_MONTHS = {"1": (1, 3), "2": (4, 6), "3": (7, 9), "4": (10, 12)}
_SPANS = (
    (re.compile(r"^(\d{4})$"), lambda y: (f"{y}-01", f"{y}-12")),
    (re.compile(r"^(\d{4})Q([1-4])$"), lambda y, q: _months(y, *_QUARTER_MONTHS[q])),
    (re.compile(r"^(\d{4})Q([1-4])-Q([1-4])$"), lambda y, a, b: _months(y, _QUARTER_MONTHS[a][0], _QUARTER_MONTHS[b][1])),
    (re.compile(r"^(\d{4})H([12])$"), lambda y, h: _months(y, 1, 6) if h == "1" else _months(y, 7, 12)),
    (re.compile(r"^(\d{4}-\d{2})$"), lambda m: (m, m)),
    (re.compile(r"^(\d{4}-\d{2})/(\d{4}-\d{2})$"), lambda a, b: (a, b)),
    (re.compile(r"^(\d{4})/(\d{4})$"), lambda a, b: (f"{a}-01", f"{b}-12")),
)


def _months(year: str, first: int, last: int) -> tuple[str, str]:
    return f"{year}-{first:02d}", f"{year}-{last:02d}"


def period_span(period: object) -> tuple[str, str] | str:
    """The months a period covers, ``("2025-01", "2025-03")`` for 2025Q1; any
    other form (as of a date: ``../2025-03``) stays the normalised string."""
    text = norm(period).upper().replace("—", "-").replace("–", "-").replace("~", "-")
    for pattern, span in _SPANS:
        if m := pattern.match(text):
            return span(*m.groups())
    return text


def period_match(predicted: object, gold: object) -> bool:
    """A gold year (int) matches a predicted period whose first year it is (2025Q1,
    2025/2027, ../2025-03 as of March); a gold string matches a predicted period
    that covers the same months. None matches nothing."""
    if predicted is None or gold is None:
        return False
    if isinstance(gold, int):
        year = re.search(r"\d{4}", norm(predicted))
        return year is not None and year.group() == str(gold)
    return period_span(predicted) == period_span(gold)


# --- metric subjects ------------------------------------------------------------


def _units(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Synonym-table words in ``text``, longest first, without overlaps."""
    groups = _indicator_groups()
    taken: list[tuple[int, int, tuple[str, ...]]] = []
    for word in sorted(groups, key=len, reverse=True):
        for m in re.finditer(re.escape(word), text):
            if all(m.end() <= s or m.start() >= e for s, e, _ in taken):
                taken.append((m.start(), m.end(), groups[word]))
    return sorted(taken)


def _is_scope_word(words: str, scope: str | None) -> bool:
    """A run of subject tokens that names a region, a scope word or the gold scope
    (also in full when the scope is an abbreviation with the same first and last character)."""
    if words in _scope_words() or region(words) is not None:
        return True
    if not scope:
        return False
    a, b = canonical_name(words), canonical_name(scope)
    return a == b or (a[0] == b[0] and a[-1] == b[-1] and (is_abbreviation(a, b) or is_abbreviation(b, a)))


def indicator_words(subject: str, scope: str | None = None) -> list[tuple[str, ...]]:
    """The words a predicted subject must contain, each as its synonym group.

    The gold subject is split into synonym-table words and jieba tokens; scope
    and region words (and any run of tokens that names the scope), time words,
    function words and ignored words are dropped.
    """
    text = norm(subject)
    for word in sorted(_ignored(), key=len, reverse=True):
        text = text.replace(word, " ")
    text = _TIME.sub(" ", text)
    out, pos = [], 0
    for start, end, group in [*_units(text), (len(text), len(text), ())]:
        toks = [t for t in tokens(text[pos:start]) if t.word.strip()]
        out += [(t.word,) for t in _outside_scope(toks, scope) if t.pos not in _FUNCTION_POS]
        if group:
            out.append(group)
        pos = end
    return out


def _outside_scope(toks: list, scope: str | None) -> list:
    """Tokens outside every run of tokens that names a region or the scope."""
    keep = [True] * len(toks)
    for i in range(len(toks)):
        for j in range(len(toks), i, -1):
            if _is_scope_word("".join(t.word for t in toks[i:j]), scope):
                keep[i:j] = [False] * (j - i)
                break
    return [t for t, k in zip(toks, keep) if k]


def subject_match(predicted: str, gold: str, scope: str | None = None) -> bool:
    """The predicted subject contains every indicator word of the gold one (or a synonym)."""
    text = norm(predicted)
    return all(any(w in text for w in group) for group in indicator_words(gold, scope))


def kind_match(predicted: str | None, gold: str | None, unit: str) -> bool:
    """Equal kinds when both give one; a change in percentage points may be
    annotated as growth (the gold format had no ``change`` kind)."""
    if not predicted or not gold or predicted == gold:
        return True
    return unit == "百分点" and {predicted, gold} == {"growth", "change"}


# --- policy provisions ----------------------------------------------------------


def content_words(text: str) -> list[str]:
    return [t.word for t in tokens(norm(text)) if t.pos not in _FUNCTION_POS and t.word.strip()]


def condition_match(predicted: str, gold: str) -> bool:
    """At least 60% of the gold condition's content words occur in the predicted one."""
    words = content_words(gold)
    text = norm(predicted)
    if not words or not text:
        return False
    return sum(w in text for w in words) >= _CONDITION_SHARE * len(words)


# --- project fields -------------------------------------------------------------


def _number(value: object) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def field_match(field: str, predicted: object, gold: object) -> bool:
    if field in ("amount", "jobs"):
        return _number(predicted) is not None and _number(predicted) == _number(gold)
    if field == "stage":
        return contains_either(predicted, gold)
    if field == "date":
        return norm(predicted).startswith(norm(gold))
    if field in ("company", "operator"):
        return org_match(str(predicted), str(gold))
    if field == "location":
        return place_match(str(predicted), str(gold))
    return contains_either(predicted, gold)  # kind, area, capacity
