"""Render: the whole generated part of ``docs/`` as a mapping of path -> text (bytes for the database)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from ..resolve import KnowledgeBase
from . import charts, collectives, districts, entities, export, finder, home, kbsqlite, metrics_index, overview, policy_index, sources
from . import disambiguation
from .site import FOLDER, Site

USERDICT = "data/userdict.txt"


def render_site(articles: Sequence[Article], kb: KnowledgeBase, userdict: str) -> dict[str, str | bytes]:
    site = Site({s.id: s for a in articles for s in a.stories}, kb)
    files: dict[str, str | bytes] = {}
    events = collectives.collectives(site)
    for e in kb.entities:
        note = collectives.member_of(site, events, e, site.page(e)) if e.type == "metric" else ""
        files[site.page(e)] = entities.render_entity(e, site, note)
    for event in events:
        files[event.page] = collectives.render(site, event)
    files[collectives.INDEX] = collectives.render_index(events)
    for name, targets in kb.ambiguous.items():
        files[disambiguation.page(name)] = disambiguation.render(name, targets, site)
    files.update(charts.render_charts(kb))
    for etype, title, about in home.TOPICS:
        members = [e for e in kb.entities if e.type == etype]
        folder = FOLDER[etype]
        if etype == "metric":
            files[f"{folder}/index.md"] = metrics_index.render(site, members)
        elif etype == "policy":
            files[f"{folder}/index.md"] = policy_index.render(site, members, about)
            files[finder.PAGE] = finder.render(site, members)
        else:
            files[f"{folder}/index.md"] = entities.render_index(folder, title, about, members, site)
    files["conflicts/index.md"] = overview.render_conflicts(site)
    files.update(districts.render_all(site))
    events = overview.timeline_events(site)
    files["timeline/index.md"] = overview.render_timeline(site, events)
    files["tags/index.md"] = home.render_tags()

    # each sentence of a story page links the entities drawn from it
    links: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for e in kb.entities:
        for m in e.mentions:
            bucket = links.setdefault(m.source.story, {}).setdefault(m.source.sentence, [])
            if (e.name, site.page(e)) not in bucket:
                bucket.append((e.name, site.page(e)))
    for story in site.stories.values():
        files[sources.story_page(story)] = sources.render_story(story, links.get(story.id))
    files[f"{sources.SOURCES}/index.md"] = sources.render_index(articles)
    files["index.md"] = home.render_home(articles, site, events)
    files[USERDICT] = userdict
    files["data/kb.json"] = export.kb_json(site)
    files["data/kb.schema.json"] = export.schema()
    files["data/metrics.csv"] = export.metrics_csv(site)
    files["data/kb.sqlite"] = kbsqlite.kb_sqlite(site)
    files["data/metadata.yml"] = kbsqlite.datasette_metadata()
    return dict(sorted(files.items()))
