"""Indicator phrases: their heads, and the time, scope and region words around them."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from ..names import regions_in
from ..numbers import TIME_WORD
from ..tokens import clause_bounds

GROWTH_WORDS = "增长率|增速|增长|增幅|上涨|涨幅"  # the words a growth is told in
GROWTH_END = re.compile(rf"(?:{GROWTH_WORDS})+$")  # stripped to name what grew: 投资增长 -> 投资
BARE_GROWTH = re.compile(rf"^(?:同比)?(?:{GROWTH_WORDS}|净增|新增)$")
LEADING_ADVERB = re.compile(r"^(?:首次|再次|连续[\d一二三四五六七八九十两]+年|在)")
SUBJECT_DELIMS = "，。；：、（）"  # an indicator phrase never crosses these
COUNT_UNITS = {"家", "个", "项", "人", "所", "条", "台", "套", "架", "辆", "户", "枚"}


@lru_cache(maxsize=1)
def stat_words() -> frozenset[str]:
    return frozenset(lexicon.role_words("cues", "stat"))


@lru_cache(maxsize=1)
def heads() -> tuple[str, ...]:
    return lexicon.words("metric_heads")


@lru_cache(maxsize=1)
def whole_heads() -> frozenset[str]:
    return frozenset(r[0] for r in lexicon.rows("metric_heads") if r[2:] == ("whole",))


def clause_before(text: str, pos: int) -> str:
    return text[clause_bounds(text, pos, SUBJECT_DELIMS)[0] : pos]


def strip_context(phrase: str) -> tuple[str, str | None]:
    """Split leading time words, scope words and regions off an indicator phrase."""
    scope = None
    while phrase:
        if m := TIME_WORD.match(phrase):
            phrase = phrase[m.end() :]
            continue
        found = regions_in(phrase[:10])
        if found and found[0][0] == 0:
            word_len = next(len(w) for w in lexicon.words("regions") if phrase.startswith(w))
            scope, phrase = found[0][1], phrase[word_len:].removeprefix(found[0][1][-1])
            continue
        if m := LEADING_ADVERB.match(phrase):
            phrase = phrase[m.end() :]
            continue
        if peers := next((w for w in lexicon.words("peer_groups") if phrase.startswith(w)), None):
            phrase = phrase[len(peers) :]
            continue
        for word, _ in lexicon.rows("scopes"):
            if phrase.startswith(word):
                phrase = phrase[len(word) :]
                break
        else:
            break
    return phrase.rstrip("中的"), scope


def measures(phrase: str) -> bool:
    """The phrase ends on a measured quantity (产值, 规模), not on what is counted (企业)."""
    return any(phrase.endswith(h) for h, group, *_ in lexicon.rows("metric_heads") if group != "count")


def has_head(subject: str) -> bool:
    return bool(subject) and subject.endswith(heads()) and subject not in ("新增", "净增")
