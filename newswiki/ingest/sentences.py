"""Split a paragraph into sentences (on the normalised copy, quotes kept whole)."""

from __future__ import annotations

from .normalize import normalize

_TERMINAL = "。！？!?"
_CLOSERS = "”’」』）)】"
_OPEN_Q, _CLOSE_Q = "“‘「『", "”’」』"


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
    spans, start, depth, i = [], 0, 0, 0
    while i < len(norm):
        c = norm[i]
        if respect_quotes and c in _OPEN_Q:
            depth += 1
        elif respect_quotes and c in _CLOSE_Q:
            depth = max(depth - 1, 0)
        if c in _TERMINAL and depth == 0:
            j = i + 1
            while j < len(norm) and (norm[j] in _TERMINAL or norm[j] in _CLOSERS):
                j += 1
            spans.append((start, j))
            start = i = j
            continue
        i += 1
    if respect_quotes and depth:
        return None
    if start < len(norm) and norm[start:].strip():
        spans.append((start, len(norm)))
    return [(s, e) for s, e in spans if norm[s:e].strip()]
