"""Render: the whole generated part of ``docs/`` as (path, content) pairs, one page at a time;
the content of the two large exports is a function that writes the file (see ``writer``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from ..model import Article
from ..resolve import KnowledgeBase
from . import charts, collectives, districts, entities, export, finder, home, kbsqlite, metrics_index, overview, policy_index, sources
from . import disambiguation
from .site import FOLDER, Site

if TYPE_CHECKING:
    from ..writer import Content

USERDICT = "data/userdict.txt"


def render_site(
    articles: Sequence[Article], kb: KnowledgeBase, userdict: str, texts: Iterable[Article]
) -> Iterator[tuple[str, Content]]:
    """Every generated file, rendered as it is asked for (a later pair for the same path wins).

    ``articles`` may hold the stories without their text; ``texts`` gives the same articles
    whole, one at a time, for the source pages and what is read from their sentences."""
    site = Site({s.id: s for a in articles for s in a.stories}, kb)
    events = collectives.collectives(site)
    for e in kb.entities:
        note = collectives.member_of(site, events, e, site.page(e)) if e.type == "metric" else ""
        yield site.page(e), entities.render_entity(e, site, note)
    for event in events:
        yield event.page, collectives.render(site, event)
    yield collectives.INDEX, collectives.render_index(events)
    for name, targets in kb.ambiguous.items():
        yield disambiguation.page(name), disambiguation.render(name, targets, site)
    yield from charts.render_charts(kb).items()
    for etype, title, about in home.TOPICS:
        members = [e for e in kb.entities if e.type == etype]
        folder = FOLDER[etype]
        if etype == "metric":
            yield f"{folder}/index.md", metrics_index.render(site, members)
        elif etype == "policy":
            yield f"{folder}/index.md", policy_index.render(site, members, about)
            yield finder.PAGE, finder.render(site, members)
        else:
            yield f"{folder}/index.md", entities.render_index(folder, title, about, members, site)
    yield "conflicts/index.md", overview.render_conflicts(site)
    yield from districts.render_all(site).items()
    yield "tags/index.md", home.render_tags()

    # each sentence of a story page links the entities drawn from it
    links: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for e in kb.entities:
        for m in e.mentions:
            bucket = links.setdefault(m.source.story, {}).setdefault(m.source.sentence, [])
            if (e.name, site.page(e)) not in bucket:
                bucket.append((e.name, site.page(e)))
    sentences: dict[str, int] = {}
    told = []
    for article in texts:
        for story in article.stories:
            yield sources.story_page(story), sources.render_story(story, links.pop(story.id, None))
            sentences[story.id] = len(story.sentences)
            told += overview.story_events(story)
    events = overview.timeline_events(site, told)
    yield "timeline/index.md", overview.render_timeline(site, events)
    yield f"{sources.SOURCES}/index.md", sources.render_index(articles, sentences)
    yield "index.md", home.render_home(articles, site, events)
    yield USERDICT, userdict
    yield "data/kb.json", partial(export.write_kb_json, site)
    yield "data/kb.schema.json", export.schema()
    yield "data/metrics.csv", export.metrics_csv(site)
    yield "data/kb.sqlite", partial(kbsqlite.write_kb_sqlite, site)
    yield "data/metadata.yml", kbsqlite.datasette_metadata()
