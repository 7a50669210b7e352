"""Domain lexicon: plain-text data files under ``newswiki/lexicon``.

Format: one entry per line, ``#`` starts a comment, fields separated by whitespace.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicon"


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """All non-comment rows of ``lexicon/<name>.txt`` split into fields."""
    out = []
    for line in (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(tuple(line.split()))
    return tuple(out)


@cache
def words(name: str) -> tuple[str, ...]:
    """First field of every row, longest first (so alternations prefer long matches)."""
    return tuple(sorted({r[0] for r in rows(name)}, key=lambda w: (-len(w), w)))


@cache
def weighted(name: str) -> dict[str, float]:
    """``term weight`` rows as a mapping."""
    return {r[0]: float(r[1]) if len(r) > 1 else 1.0 for r in rows(name)}


@cache
def role_words(name: str, role: str) -> tuple[str, ...]:
    """Words of ``role`` in a ``role word`` lexicon, longest first."""
    return tuple(sorted({r[1] for r in rows(name) if r[0] == role}, key=lambda w: (-len(w), w)))


def role_alternation(name: str, role: str) -> str:
    return "|".join(re.escape(w) for w in role_words(name, role))


@cache
def alternation(name: str) -> str:
    """A regex alternation of the lexicon's words (escaped, longest first)."""
    return "|".join(re.escape(w) for w in words(name))
