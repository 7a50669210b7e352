"""Extract: mentions of platforms, policies, projects and metrics, each with its source sentence."""

from __future__ import annotations

from collections.abc import Iterable

from ..cache import Cache
from ..cache import key as cache_key
from ..model import Article, Mention, Story
from ..ingest.stories import story_year
from . import aliases, metrics, organisations, platforms, policies, projects
from .context import StoryContext
from .tokens import tokens

EXTRACTORS = (platforms.extract, policies.extract, projects.extract, metrics.extract, organisations.extract)


def extract_story(story: Story, issue_year: int | None) -> list[Mention]:
    """All mentions of one on-topic story."""
    ctx = StoryContext.of(story, issue_year)
    found = [m for extractor in EXTRACTORS for m in extractor(ctx)]
    return found + aliases.extract(ctx, found)


def issue_year(article: Article) -> int | None:
    year = next(filter(None, map(story_year, article.stories)), None)
    return int(year) if year else None


def story_key(story: Story, year: int | None) -> str:
    return cache_key("extract", story.id, str(year), story.date or "", *(s.text for s in story.sentences))


def pending(articles: Iterable[Article], cache: Cache | None = None) -> list[Story]:
    """On-topic stories whose mentions are not cached yet."""
    return [
        s for a in articles for s in a.stories
        if s.relevant and (cache is None or not cache.has(story_key(s, issue_year(a))))
    ]


def segment_stories(stories: Iterable[Story]) -> int:
    """The segment stage: jieba tokens (with parts of speech) of every sentence."""
    n = 0
    for story in stories:
        for sentence in story.sentences:
            tokens(sentence.norm)
            n += 1
    return n


def extract_article(article: Article, cache: Cache | None = None) -> list[Mention]:
    """All mentions in the on-topic stories of one article (each story cached by its text)."""
    year = issue_year(article)
    out: list[Mention] = []
    for story in article.stories:
        if not story.relevant:
            continue
        name = story_key(story, year)
        mentions = cache.get(name) if cache is not None else None
        if mentions is None:
            mentions = extract_story(story, year)
            if cache is not None:
                cache.put(name, mentions)
        out.extend(mentions)
    return out


def extract_all(articles: Iterable[Article], cache: Cache | None = None) -> list[Mention]:
    return [m for a in articles for m in extract_article(a, cache)]
