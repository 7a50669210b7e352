"""Render: the whole generated part of ``docs/`` as a mapping of path -> text."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from ..resolve import Entity
from . import entities as ent
from . import home, sources

USERDICT = "data/userdict.txt"


def render_site(articles: Sequence[Article], entities: Sequence[Entity], userdict: str) -> dict[str, str]:
    stories = {s.id: s for a in articles for s in a.stories}
    cite = ent.Citations(stories)
    paths = ent.page_paths(entities)
    files: dict[str, str] = {}
    for i, e in enumerate(entities):
        files[paths[i]] = ent.render_entity(e, paths[i], cite)
    for folder, title, about, etype in home.TOPICS:
        positions = [i for i, e in enumerate(entities) if e.type == etype]
        files[f"{folder}/index.md"] = ent.render_index(folder, title, about, entities, paths, positions)

    # each sentence of a story page links the entities drawn from it
    links: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for i, e in enumerate(entities):
        for m in e.mentions:
            pair = (e.name, paths[i])
            bucket = links.setdefault(m.source.story, {}).setdefault(m.source.sentence, [])
            if pair not in bucket:
                bucket.append(pair)
    for story in stories.values():
        files[sources.story_page(story)] = sources.render_story(story, links.get(story.id))
    files[f"{sources.SOURCES}/index.md"] = sources.render_index(articles)
    files["index.md"] = home.render_home(articles, entities)
    files[USERDICT] = userdict
    return dict(sorted(files.items()))
