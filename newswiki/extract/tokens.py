"""Sentence tokens with part of speech, and the walk that finds where a name starts."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba.posseg

from .. import lexicon, segment

# closed word classes that never sit inside a name: punctuation, time, particles,
# prepositions, conjunctions, pronouns, adverbs, interjections; and numerals
_STOP_POS = {"x", "t", "uj", "ul", "uz", "ug", "uv", "ud", "u", "p", "c", "r", "d", "y", "e", "o"}
_NUMERAL_POS = {"m", "mq"}
_NUMERAL = re.compile(r"^[\d.零一二三四五六七八九十百千万亿两几多余首第个家项条位名批座年月日]+$")
_ALNUM = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9]+$")
_JOINERS = {"与", "和", "及"}  # may join two common nouns inside a name (冶金与智能装备)
_PROPER_POS = {"ns", "nt", "nr", "nrt", "nrfg"}
CLAUSE_DELIMS = "，。；：！？、（）“”《》—"


@dataclass(frozen=True, eq=False)  # identity hashing: tokens are looked up, never compared
class Tok:
    start: int
    end: int
    word: str
    pos: str


@lru_cache(maxsize=None)  # filled by the segment stage; cleared after each build
def tokens(text: str) -> tuple[Tok, ...]:
    """jieba's segmentation with dictionary parts of speech.

    jieba.posseg would tag unknown words with a 256-state Viterbi, five times
    slower; here an unknown word is a noun (new names are), a number ``m``,
    Latin ``eng`` and punctuation ``x``.
    """
    tags = _tags()
    out, pos = [], 0
    for word in segment.tokenizer().cut(text):
        out.append(Tok(pos, pos + len(word), word, tags.get(word) or _guess(word)))
        pos += len(word)
    return tuple(out)


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    tok = segment.tokenizer()
    tags = dict(jieba.posseg.POSTokenizer(tok).word_tag_tab)
    tags.update(tok.user_word_tag_tab)
    return tags


_NUMBER = re.compile(r"^[\d.%]+$")
_LATIN = re.compile(r"^[A-Za-z0-9]+$")


def _guess(word: str) -> str:
    if _NUMBER.match(word):
        return "m"
    if _LATIN.match(word):
        return "eng"
    if not re.search(r"[\u3400-\u9fff]", word):
        return "x"
    return "n"


@lru_cache(maxsize=4096)
def _starts_of(toks: tuple[Tok, ...]) -> list[int]:
    return [t.start for t in toks]


@lru_cache(maxsize=1)
def _boundaries() -> tuple[frozenset[str], tuple[str, ...]]:
    words = frozenset(lexicon.words("name_boundaries")) | frozenset(lexicon.words("units"))
    verbs = tuple(w for w in words if len(w) >= 2)
    return words, verbs


@lru_cache(maxsize=1)
def _counters() -> frozenset[str]:
    """One-character units that are nothing else (人, 亩, 家): they end a name after a number."""
    return frozenset(w for w in lexicon.words("units") if len(w) == 1) - frozenset(lexicon.words("name_boundaries"))


def is_boundary(tok: Tok, left: Tok | None) -> bool:
    """Does ``tok`` end a name that grows leftwards (so it is not part of it)?"""
    words, verbs = _boundaries()
    w = tok.word
    if w in _JOINERS:
        return left is None or left.pos in _PROPER_POS or left.pos in _STOP_POS
    if w in _counters():  # 200人 ends a name, 和人畜共患…实验室 does not
        return left is None or left.pos in _NUMERAL_POS or bool(_NUMERAL.match(left.word)) or left.word[-1] in "多余几数万千百亿"
    if w in words or (len(w) >= 3 and w.endswith(verbs)):
        return True
    if w == "·":
        return False
    if tok.pos in _NUMERAL_POS:
        return bool(_NUMERAL.match(w))
    if tok.pos in _STOP_POS:
        return not _ALNUM.match(w)
    return any(c in CLAUSE_DELIMS or c.isspace() for c in w)


def token_index(toks: tuple[Tok, ...], pos: int) -> int:
    """Index of the token that contains character ``pos`` (or starts at it)."""
    if not toks or pos >= toks[-1].end or pos < 0:
        return len(toks)
    return bisect.bisect_right([t.start for t in toks] if len(toks) < 8 else _starts_of(toks), pos) - 1


_NOUNS = {"n", "l", "nz", "ns", "vn", "j"}
_TIME_CHARS = re.compile(r"[年月日季期时今去昨明当前近\d]")


def walk_left(text: str, pos: int, nominal: bool = False) -> int:
    """Start of the name whose last part begins at character ``pos``.

    ``nominal``: a verbal noun after a noun belongs to the phrase (固定资产投资),
    as in indicator phrases, though 投资 before a name ends it (投资建设X).
    """
    toks = tokens(text)
    i = token_index(toks, pos)
    start = toks[i].start if i < len(toks) else pos
    j = i - 1
    while j >= 0:
        left = toks[j - 1] if j > 0 else None
        if toks[j].word in ")）" and (k := _bracketed_place(toks, j)) is not None:
            start, j = toks[k].start, k - 1  # 中韩(武汉)石油化工有限公司
            continue
        placed = toks[j].pos == "t" and toks[j + 1].pos == "ns" and not _TIME_CHARS.search(toks[j].word)  # 青天|湖: a place
        if is_boundary(toks[j], left) and not placed and not (nominal and toks[j].pos == "vn" and left is not None and left.pos in _NOUNS):
            break
        start = toks[j].start
        j -= 1
    # a joiner cannot open a name
    while start < pos and text[start] in _JOINERS:
        start += 1
    return start


def _bracketed_place(toks: tuple[Tok, ...], close: int) -> int | None:
    """Index of the "(" of a "(武汉)" that stands inside a name, else None."""
    if close >= 2 and toks[close - 2].word in "(（" and toks[close - 1].pos == "ns":
        before = toks[close - 3] if close >= 3 else None
        if before is not None and not is_boundary(before, None):
            return close - 2
    return None


def walk_right(text: str, pos: int) -> int:
    """End of the noun phrase that starts at character ``pos``."""
    toks = tokens(text)
    i = token_index(toks, pos)
    end = pos
    while i < len(toks):
        t = toks[i]
        if t.start < pos:
            i += 1
            continue
        if is_boundary(t, toks[i - 1] if i else None) or t.pos.startswith("v") and t.pos != "vn":
            break
        end = t.end
        i += 1
    return end


def clause_bounds(text: str, pos: int, delims: str = CLAUSE_DELIMS) -> tuple[int, int]:
    """The clause around ``pos``: between the nearest delimiters."""
    start = max((text.rfind(d, 0, pos) for d in delims), default=-1) + 1
    ends = [i for i in (text.find(d, pos) for d in delims) if i >= 0]
    return start, min(ends, default=len(text))
