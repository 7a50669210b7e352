"""Extract: mentions of platforms, policies, projects and metrics, each with its source sentence."""

from __future__ import annotations

from collections.abc import Iterable

from ..cache import Cache
from ..cache import key as cache_key
from ..model import Article, Mention, Story
from ..ingest.stories import story_year
from . import aliases, metrics, organisations, platforms, policies, projects
from .context import StoryContext

EXTRACTORS = (platforms.extract, policies.extract, projects.extract, metrics.extract, organisations.extract)


def extract_story(story: Story, issue_year: int | None) -> list[Mention]:
    """All mentions of one on-topic story."""
    ctx = StoryContext.of(story, issue_year)
    found = [m for extractor in EXTRACTORS for m in extractor(ctx)]
    return found + aliases.extract(ctx, found)


def extract_article(article: Article, cache: Cache | None = None) -> list[Mention]:
    """All mentions in the on-topic stories of one article (each story cached by its text)."""
    year = next(filter(None, map(story_year, article.stories)), None)
    issue_year = int(year) if year else None
    out: list[Mention] = []
    for story in article.stories:
        if not story.relevant:
            continue
        name = cache_key("extract", story.id, str(issue_year), story.date or "", *(s.text for s in story.sentences))
        mentions = cache.get(name) if cache is not None else None
        if mentions is None:
            mentions = extract_story(story, issue_year)
            if cache is not None:
                cache.put(name, mentions)
        out.extend(mentions)
    return out


def extract_all(articles: Iterable[Article], cache: Cache | None = None) -> list[Mention]:
    return [m for a in articles for m in extract_article(a, cache)]
