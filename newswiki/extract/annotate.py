"""Each sentence analysed once: tokens, numbers with units and qualifiers, time
expressions, places and "now" words, as spans the extractors read (a small
counterpart of spaCy's Doc), instead of each extractor scanning the text again."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .names import regions_in
from .numbers import Quantity, now_spans, quantities
from .periods import Period, periods
from .tokens import Tok, tokens


@dataclass(frozen=True)
class Annotated:
    text: str
    tokens: tuple[Tok, ...]
    numbers: tuple[Quantity, ...]
    times: tuple[Period, ...]  # resolved with the story's year
    places: tuple[tuple[int, str], ...]  # (position, canonical region)
    now: tuple[tuple[int, str], ...]  # (position, word): 目前, 已, 当天 …

    def times_before(self, pos: int) -> list[Period]:
        return [p for p in self.times if p.end <= pos]

    def now_before(self, pos: int) -> tuple[int, str] | None:
        found = [n for n in self.now if n[0] + len(n[1]) <= pos]
        return found[-1] if found else None


@lru_cache(maxsize=4096)
def annotate(text: str, year: int | None) -> Annotated:
    """The spans of one sentence (its normalised text), for a story of ``year``."""
    return Annotated(
        text, tokens(text), tuple(quantities(text)), tuple(periods(text, year)), tuple(regions_in(text)), tuple(now_spans(text))
    )
