"""Short names: alias-table entries, collective names and in-story abbreviations.

A short form becomes a mention of the full name, so that resolve merges them:
"光化院" in a story that also names 武汉光化学技术研究院, "中韩石化" where
中韩(武汉)石油化工有限公司 is named, or anything the alias table lists.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from .. import lexicon, segment
from ..model import Mention
from .context import StoryContext

ABBREVIATION_LENGTHS = (3, 4)


@lru_cache(maxsize=1)
def alias_table() -> dict[str, tuple[str, str]]:
    """alias -> (type, canonical name), from the alias table and the collectives.
    An alias listed under several names (``ambiguous_aliases``) stands for none of them."""
    out = {alias: targets[0] for alias, targets in _listed().items() if len(targets) == 1}
    for etype, name, aliases, _ in collectives():
        for alias in (name, *aliases):
            out[alias] = (etype, name)
    return out


@lru_cache(maxsize=1)
def _listed() -> dict[str, list[tuple[str, str]]]:
    """alias -> every (type, canonical name) the alias table lists it under."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in lexicon.rows("aliases"):
        for alias in row[2:]:
            out.setdefault(alias, []).append((row[0], row[1]))
    return out


def ambiguous_aliases() -> dict[str, list[tuple[str, str]]]:
    """Short names the alias table gives several full names (武钢: 武钢集团, 武汉钢铁有限公司)."""
    return {alias: targets for alias, targets in _listed().items() if len(targets) > 1}


@lru_cache(maxsize=1)
def collectives() -> tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]:
    """(type, name, aliases, members) of each collective name."""
    out = []
    for row in lexicon.rows("collectives"):
        bar = row.index("|")
        out.append((row[0], row[1], row[2:bar], row[bar + 1 :]))
    return tuple(out)


@lru_cache(maxsize=8192)
def _words(text: str) -> list[tuple[int, int, str]]:
    """Dictionary-only segmentation: jieba's HMM would glue unknown characters
    across a boundary ("光化院已" -> 光化|院已) and hide a short name."""
    return segment.spans(text, hmm=False)


def _aligned(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` starts and ends on word boundaries."""
    words = _words(text)
    return start in {w[0] for w in words} and end in {w[1] for w in words}


def extract(ctx: StoryContext, found: list[Mention]) -> list[Mention]:
    """Mentions of short names in a story, given the ``found`` full-name mentions."""
    out: list[Mention] = []
    table = alias_table()
    pattern = re.compile("|".join(re.escape(a) for a in sorted(table, key=len, reverse=True)))
    members = {name: ms for _, name, _, ms in collectives()}
    for sent in ctx.story.sentences:
        for m in pattern.finditer(sent.norm):
            if not _aligned(sent.norm, m.start(), m.end()):
                continue
            etype, name = table[m.group()]
            attrs = {"alias": m.group()} if m.group() != name else {}
            if name in members:
                attrs.update(kind="平台集合", members=list(members[name]))
            out.append(Mention(etype, name, sent.text[m.start() : m.end()], ctx.source(sent), attrs))
    spans = _token_spans(ctx)
    full = {(x.type, x.name, x.attrs.get("kind", "")) for x in found if x.type in ("platform", "organisation") and len(x.name) >= 5}
    for etype, name, kind in sorted(full):
        for short in sorted(s for s in set(_abbreviations(name)) & spans.keys() if _plausible(s, name, etype, kind)):
            for sent, start, end in spans[short]:
                if not _inside(sent.norm, start, name):
                    out.append(Mention(etype, name, sent.text[start:end], ctx.source(sent), {"alias": short}))
    return out


def _token_spans(ctx: StoryContext) -> dict[str, list]:
    """Every run of whole tokens 3–4 characters long in the story, with where it stands."""
    out: dict[str, list] = {}
    longest = max(ABBREVIATION_LENGTHS)
    for sent in ctx.story.sentences:
        words = _words(sent.norm)
        for i, (first, _, _) in enumerate(words):
            for _, last, _ in words[i:]:
                size = last - first
                if size > longest:
                    break
                if size in ABBREVIATION_LENGTHS:
                    out.setdefault(sent.norm[first:last], []).append((sent, first, last))
    return out


def _plausible(short: str, name: str, etype: str, kind: str) -> bool:
    """Is ``short`` shaped like an abbreviation of ``name`` rather than a word of its own?

    Not a dictionary word or a place (武汉大学, 生物技术); platforms and
    universities keep a character of their suffix (光化院, 武科大); companies keep
    their first two characters (中韩石化).
    """
    tok = segment.tokenizer()
    if tok.FREQ.get(short) or short in lexicon.words("regions"):
        return False
    if etype == "platform":  # 光化院: ends as the name does
        return short[-1] == name[-1]
    if kind == "university":  # 武科大: keeps a character of 大学
        suffix = next((s for s in lexicon.words("org_suffixes") if name.endswith(s)), "")
        return bool(suffix) and short[-1] in suffix
    core = _without_city(name)
    return short.startswith(core[:2]) and len(short) == 4


def _inside(text: str, pos: int, name: str) -> bool:
    return any(m.start() <= pos < m.end() for m in re.finditer(re.escape(name), text))


@lru_cache(maxsize=1)
def _city_re() -> re.Pattern:
    cities = [r[0] for r in lexicon.rows("regions") if r[1] in ("city", "province")]
    return re.compile("^(?:" + "|".join(map(re.escape, cities)) + ")")


def _without_city(name: str) -> str:
    """The name without a leading city or province (武汉光化学… -> 光化学…)."""
    return _city_re().sub("", name)


@lru_cache(maxsize=4096)
def _abbreviations(name: str) -> tuple[str, ...]:
    """Non-contiguous subsequences a name is shortened to: 武汉科技大学 -> 武科大.

    They start with the name's first character (after a leading city name) and
    skip at least one character; the same function serves platforms and
    organisations.
    """
    core = _without_city(name) or name
    out = set()
    for n in ABBREVIATION_LENGTHS:
        for picks in combinations(range(1, len(core)), n - 1):
            idx = (0, *picks)
            if idx[-1] - idx[0] + 1 == n:
                continue  # contiguous: a truncation, not an abbreviation
            out.add("".join(core[i] for i in idx))
    if core != name:
        for n in ABBREVIATION_LENGTHS:
            for picks in combinations(range(1, len(name)), n - 1):
                idx = (0, *picks)
                if idx[-1] - idx[0] + 1 != n:
                    out.add("".join(name[i] for i in idx))
    return tuple(sorted(out))
