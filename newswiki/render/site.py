"""What every page renderer needs to know: where pages live and how to cite."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Source, Story
from ..resolve import Entity, KnowledgeBase
from .sources import original_link, reference, story_page
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
        """A link to the cited sentence; its tooltip names the story's origin."""
        story = self.stories[source.story]
        ref = reference(story).replace('"', "")
        title = f' "{ref}"' if ref else ""
        return f"[{label}]({rel_link(from_page, story_page(story), source.sentence)}{title})"

    def cite_origin(self, source: Source, from_page: str) -> str:
        """A citation labelled with the story's origin ("长江日报，2026-03-31"), else "原文"."""
        return self.cite(source, from_page, md_text(reference(self.stories[source.story])) or "原文")

    def reference(self, source: Source, from_page: str) -> str:
        """A full citation: the story's title linked to the sentence, outlet and date, original URL."""
        story = self.stories[source.story]
        parts = [self.cite(source, from_page, md_text(story.title)), md_text(reference(story)), original_link(story)]
        return "，".join(filter(None, parts))

    def marks(self, sources: Sequence[Source], from_page: str, numbers: Mapping[Source, int]) -> str:
        """Citation marks ``[1] [2]``: superscript links to the sentences."""
        return "<sup>" + " ".join(self.cite(s, from_page, f"[{numbers[s]}]") for s in sources) + "</sup>"

    def story_title(self, source: Source) -> str:
        return self.stories[source.story].title

    def story_link(self, story_id: str, from_page: str) -> str:
        story = self.stories[story_id]
        ref = f"，{md_text(reference(story))}" if reference(story) else ""
        return f"[{md_text(story.title)}]({rel_link(from_page, story_page(story))}){ref}"
