"""What every page renderer needs to know: where pages live and how to cite."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Source, Story
from ..resolve import Entity, KnowledgeBase
from .sources import story_page
from .text import md_text, rel_link

FOLDER = {
    "platform": "platforms", "policy": "policies", "project": "projects",
    "metric": "metrics", "organisation": "organisations",
}
_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff]+")


def slug(name: str) -> str:
    return _UNSAFE.sub("-", name).strip("-_")[:60] or "entity"


@dataclass
class Site:
    stories: Mapping[str, Story]
    kb: KnowledgeBase
    paths: dict[str, str] = field(default_factory=dict)  # entity id -> page

    def __post_init__(self) -> None:
        taken: set[str] = set()
        for e in self.kb.entities:
            base = f"{FOLDER[e.type]}/{slug(e.name)}"
            path, n = f"{base}.md", 1
            while path in taken:
                n += 1
                path = f"{base}-{n}.md"
            taken.add(path)
            self.paths[e.id] = path

    def page(self, entity: Entity) -> str:
        return self.paths[entity.id]

    def entity_link(self, entity: Entity, from_page: str, label: str | None = None) -> str:
        return f"[{md_text(label or entity.name)}]({rel_link(from_page, self.page(entity))})"

    def cite(self, source: Source, from_page: str, label: str) -> str:
        return f"[{label}]({rel_link(from_page, story_page(self.stories[source.story]), source.sentence)})"

    def marks(self, sources: Sequence[Source], from_page: str, numbers: Mapping[Source, int]) -> str:
        """Citation marks ``[1] [2]``: superscript links to the sentences."""
        return "<sup>" + " ".join(self.cite(s, from_page, f"[{numbers[s]}]") for s in sources) + "</sup>"

    def story_title(self, source: Source) -> str:
        return self.stories[source.story].title

    def story_link(self, story_id: str, from_page: str) -> str:
        story = self.stories[story_id]
        date = f"（{story.date}）" if story.date else ""
        return f"[{md_text(story.title)}]({rel_link(from_page, story_page(story))}){date}"
