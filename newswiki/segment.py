"""Word segmentation: jieba plus the domain lexicon, on a private tokenizer."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache

import jieba

from . import lexicon

jieba.setLogLevel(logging.WARNING)


def lexicon_entries() -> list[tuple[str, int, str]]:
    """``(word, freq, tag)`` rows of the domain user dictionary, then the region names
    (a later row for a word wins, as in jieba)."""
    out = []
    for row in lexicon.rows("userdict"):
        freq = int(row[1]) if len(row) > 1 else 1000
        out.append((row[0], freq, row[2] if len(row) > 2 else "n"))
    return out + [(row[0], 3000, "ns") for row in lexicon.rows("regions")]


@cache
def tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    for word, freq, tag in lexicon_entries():
        tok.add_word(word, freq, tag)
    return tok


def spans(text: str, hmm: bool = True) -> list[tuple[int, int, str]]:
    """Tokens with their character offsets: ``(start, end, word)``."""
    out, pos = [], 0
    for w in tokenizer().cut(text, HMM=hmm):
        out.append((pos, pos + len(w), w))
        pos += len(w)
    return out


def word_crosses(left: str, right: str, window: int = 8) -> bool:
    """True when a dictionary word runs across the join of ``left`` and ``right``.

    A line that ends inside a word ("征集分" / "析平台") was broken by layout.
    """
    a, b = left[-window:], right[:window]
    return any(s < len(a) < e for s, e, _ in spans(a + b))


def user_dictionary(extra: Iterable[str] = ()) -> str:
    """The jieba user dictionary the build writes (the site search segments with it too):
    lexicon terms and region names, as the tokenizer has them, plus extracted names."""
    rows = {w: (f, t) for w, f, t in lexicon_entries()}
    for name in extra:
        rows.setdefault(name, (2000, "nz"))
    return "".join(f"{w} {f} {t}\n" for w, (f, t) in sorted(rows.items()))
