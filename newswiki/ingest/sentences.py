"""Split a paragraph into sentences (on the normalised copy, quotes kept whole)."""

from __future__ import annotations

import re

from .normalize import normalize

_TERMINAL = "。！？!?"
_CLOSERS = "”’」』）)】"
_OPEN_Q, _CLOSE_Q = "“‘「『", "”’」』"
_STOPS = re.compile(f"[{re.escape(_TERMINAL)}]")
_MARKS = re.compile(f"[{re.escape(_TERMINAL + _OPEN_Q + _CLOSE_Q)}]")
_RUN = re.compile(f"[{re.escape(_TERMINAL + _CLOSERS)}]+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``.

    A full stop inside quotation marks does not end the sentence, so a quotation
    stays with its speaker; if the quotes do not balance they are ignored.
    """
    norm = normalize(text)
    spans = _split(norm, respect_quotes=True)
    if spans is None:
        spans = _split(norm, respect_quotes=False)
    return spans


def _split(norm: str, respect_quotes: bool) -> list[tuple[int, int]] | None:
    spans, start, depth = [], 0, 0
    marks = _MARKS if respect_quotes else _STOPS  # only these characters change anything
    m = marks.search(norm)
    while m:
        c, i = m.group(), m.start()
        if c in _OPEN_Q:
            depth += 1
        elif c in _CLOSE_Q:
            depth = max(depth - 1, 0)
        elif depth == 0:  # a full stop outside quotes ends a sentence, with the stops and closers after it
            end = _RUN.match(norm, i).end()
            spans.append((start, end))
            start = end
            m = marks.search(norm, end)
            continue
        m = marks.search(norm, i + 1)
    if respect_quotes and depth:
        return None
    if start < len(norm) and norm[start:].strip():
        spans.append((start, len(norm)))
    return [(s, e) for s, e in spans if norm[s:e].strip()]
