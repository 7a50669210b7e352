"""What extractors know about the story a sentence belongs to."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import lexicon
from ..ingest.normalize import normalize
from ..model import Sentence, Source, Story
from .names import canonical_region, find_names, parent_city, regions_in


def _places(text: str) -> list[str]:
    """The regions a sentence speaks of, not one that opens a project's name (樊城区奥杰…项目)."""
    names = [(h.start, h.end) for h in find_names(text, "project_suffixes", categories=False)]
    return [r for p, r in regions_in(text) if not any(a <= p < b for a, b in names)]


@dataclass(frozen=True)
class StoryContext:
    story: Story
    year: int | None  # the year the story reports from
    district: str | None  # the district the story is mostly about
    city: str | None
    one_district: bool = False  # the story names no other district

    @classmethod
    def of(cls, story: Story) -> StoryContext:
        year = story.year
        levels = {canonical_region(word): kind for word, kind, *_ in lexicon.rows("regions")}
        counts = Counter(name for s in story.sentences for name in _places(s.norm))
        counts.update(2 * _places(normalize(story.title)))  # "荆门市2021年统计公报": what the story is about
        districts = [n for n, _ in counts.most_common() if levels.get(n) == "district"]
        city = next((n for n, _ in counts.most_common() if levels.get(n) == "city"), None)
        if districts and city and city != "武汉市" and counts[city] > 2 * counts[districts[0]]:
            districts = []  # a city's report that names a county in passing (咸宁市…通城县) is the city's
        return cls(story, year, districts[0] if districts else None, city, len(districts) == 1)

    @property
    def stated_year(self) -> int | None:
        """The story's year when its text or header states it, not a guess: entity dates use it."""
        return None if self.story.year_inferred else self.year

    @property
    def stated_date(self) -> str | None:
        return None if self.story.year_inferred else self.story.date

    def source(self, sentence: Sentence) -> Source:
        return Source(self.story.id, sentence.id, sentence.text)

    def scope_word(self, word: str) -> str | None:
        """全区 / 该区 -> the story's district, 全市 -> its city, 全省 -> 湖北省."""
        level = dict(lexicon.rows("scopes")).get(word)
        if level == "district":
            return self.district
        if level == "city":  # the district's own city (全市 in a story of 孝昌县 is 孝感市), unless the story names another
            own = parent_city(self.district) if self.district else None
            return own if own and self.city in (None, own) else self.city or own or "武汉市"
        if level == "province":
            return "湖北省"
        return None
