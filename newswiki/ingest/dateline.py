"""Who printed a story and when: the metadata header, else what the story says of itself.

Without a header, a dateline opening the first paragraph ("中新网武汉4月18日电",
"长江日报讯", "湖北日报客户端讯（通讯员…）") or a byline ("（长江日报记者…）") names
the outlet, and a dateline's month and day the date. A date the header does not
give is marked as inferred. The forms are data: ``lexicon/datelines.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from ..model import Story
from .normalize import normalize

_DATE = r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日"


@cache
def _forms() -> dict[str, tuple[re.Pattern, ...]]:
    rows = lexicon.rows("datelines")

    def words(kind: str) -> str:
        return "|".join(re.escape(r[1]) for r in sorted(rows, key=lambda r: -len(r[1])) if r[0] == kind)

    persons = lexicon.role_alternation("line_roles", "person")
    place = {
        "{outlet}": rf"(?P<outlet>(?!{words('local')})(?:{words('outlet')}|[\u4e00-\u9fff]{{1,8}}(?:{words('suffix')})))",
        "{local}": f"(?:{words('local')})",
        "{date}": f"(?:{_DATE})",
        "{people}": rf"(?:（[^（）]{{0,40}}?(?:{persons})[^（）]{{0,40}}）)",
    }
    out: dict[str, list[re.Pattern]] = {"lead": [], "byline": []}
    for kind, pattern in rows:
        if kind in out:
            for key, value in place.items():
                pattern = pattern.replace(key, value)
            out[kind].append(re.compile(pattern))
    return {k: tuple(v) for k, v in out.items()}


def lead(text: str) -> int:
    """Length of the dateline or byline opening a paragraph ("本报讯（记者…）"), 0 if none."""
    norm = normalize(text)
    return next((m.end() for p in _forms()["lead"] if (m := p.match(norm))), 0)


@dataclass(frozen=True)
class Dateline:
    outlet: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def date(self, year: int | None) -> str | None:
        year = self.year or year
        if year and self.month and 1 <= self.month <= 12 and self.day and 1 <= self.day <= 31:
            return f"{year:04d}-{self.month:02d}-{self.day:02d}"
        return None


def read(story: Story) -> Dateline:
    """Outlet and date parts that a story's dateline and bylines state."""
    outlet, parts = "", {}
    for byline in map(normalize, story.bylines):
        for p in _forms()["lead"]:
            if m := p.match(byline):
                found = m.groupdict()
                outlet = outlet or found.get("outlet") or ""
                if not parts and found.get("month"):
                    parts = {k: int(found[k]) if found[k] else None for k in ("year", "month", "day")}
                break
        for p in _forms()["byline"]:
            if not outlet and (m := p.search(byline)):
                outlet = m.group("outlet")
    return Dateline(outlet, **parts)


def attach(stories: list[Story], meta: dict[str, str], issue_year: str | None) -> None:
    """Set each story's outlet, URL, author and citation date from ``meta`` (the header)
    or, missing there, from the stories themselves. A file whose stories name one
    outlet gives it to its stories that name none (a newspaper page)."""
    told = [read(s) for s in stories]
    outlets = {d.outlet for d in told if d.outlet}
    shared = outlets.pop() if len(outlets) == 1 else ""
    for n, (story, d) in enumerate(zip(stories, told)):
        story.outlet = meta.get("outlet") or d.outlet or shared
        story.url = meta.get("url", "")
        if n == 0:  # title and author describe the file's lead story
            story.title = meta.get("title", story.title)
            story.author = meta.get("author", "")
        if "date" in meta:
            story.published, story.published_inferred = meta["date"], False
        else:
            year = story.date[:4] if story.date else issue_year
            story.published = d.date(int(year) if year else None) or story.date
            story.published_inferred = story.published is not None
