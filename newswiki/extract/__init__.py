"""Extract: mentions of platforms, policies, projects and metrics, each with its source sentence."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Article, Mention
from ..ingest.stories import story_year
from . import aliases, metrics, organisations, platforms, policies, projects
from .context import StoryContext

EXTRACTORS = (platforms.extract, policies.extract, projects.extract, metrics.extract, organisations.extract)


def extract_article(article: Article) -> list[Mention]:
    """All mentions in the on-topic stories of one article, in reading order per extractor."""
    issue_year = next(filter(None, map(story_year, article.stories)), None)
    out: list[Mention] = []
    for story in article.stories:
        if not story.relevant:
            continue
        ctx = StoryContext.of(story, int(issue_year) if issue_year else None)
        found = [m for extractor in EXTRACTORS for m in extractor(ctx)]
        out.extend(found)
        out.extend(aliases.extract(ctx, found))
    return out


def extract_all(articles: Iterable[Article]) -> list[Mention]:
    return [m for a in articles for m in extract_article(a)]
