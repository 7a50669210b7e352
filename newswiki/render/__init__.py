"""Render: the whole generated part of ``docs/`` as a mapping of path -> text."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from . import home, sources

USERDICT = "data/userdict.txt"


def render_site(articles: Sequence[Article], userdict: str) -> dict[str, str]:
    files: dict[str, str] = {}
    for article in articles:
        for story in article.stories:
            files[sources.story_page(story)] = sources.render_story(story)
    files[f"{sources.SOURCES}/index.md"] = sources.render_index(articles)
    files.update(home.render_topics())
    files["index.md"] = home.render_home(articles)
    files[USERDICT] = userdict
    return dict(sorted(files.items()))
