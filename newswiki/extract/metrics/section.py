"""What the current section and paragraph of a story say about time, place and owners."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..annotate import annotate
from ..periods import periods, rests_on_year, shifted
from .owners import named_owners, regions_owning

_SECTION_YEAR = re.compile(r"^(\d{4})年$")


@dataclass
class When:
    value: str | None
    text: str
    guessed: bool = False  # the value's year is the story's guessed year (StoryContext.stated_year is None)


class Section:
    """What the current section and paragraph of a story say about time and place."""

    def __init__(self, year_guessed: bool = False) -> None:
        self.year_guessed = year_guessed  # the story's year is ingest.stories.written_year's guess
        self.period: When | None = None
        self.year_level = 0
        self.region: str | None = None
        self.paragraph: When | None = None
        self.base = ""  # the indicator the last figure was about, for "增长…" told after it
        self.owners: list[str] = []  # organisations and platforms named so far, in order
        self.now = False  # the paragraph speaks of the story's own day (当天, 此次)

    def enter(self, heading, year: int | None) -> None:
        if m := _SECTION_YEAR.match(heading.text):
            self.period, self.year_level = When(m.group(1), heading.text), heading.level
        elif heading.level <= self.year_level:
            self.period, self.year_level = None, 0
        elif found := [p for p in periods(heading.text, year) if not p.base]:
            self.period = self.when(found[-1])
        self.region = None

    def saw(self, text: str, year: int | None) -> None:
        if named := regions_owning(text):
            self.region = named[-1][1]
        doc = annotate(text, year)
        if found := [p for p in doc.times if not p.base]:
            last = found[-1]
            if last.shift is not None:
                context = self.paragraph or self.period
                value = shifted(context.value if context else None, last.shift)
                self.paragraph = When(value, last.text, bool(context and context.guessed))
            else:
                self.paragraph = self.when(last)
        self.now = self.now or bool(doc.now)
        if owners := named_owners(text):
            self.owners += [name for _, name in owners]

    def when(self, period) -> When:
        """A time expression as the section keeps it, marked when its year is the guessed one."""
        return When(period.value, period.text, self.year_guessed and rests_on_year(period))
