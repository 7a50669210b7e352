"""Extract: mentions of platforms, policies, projects and metrics, each with its source sentence."""

from __future__ import annotations

from collections.abc import Iterable

from ..cache import Cache
from ..cache import key as cache_key
from ..model import Article, Mention, Problem, Sentence, Story
from ..ingest.normalize import normalize
from ..ingest.stories import story_year
from . import aliases, metrics, organisations, platforms, policies, projects
from .context import StoryContext
from .tokens import tokens

EXTRACTORS = (platforms.extract, policies.extract, projects.extract, metrics.extract, organisations.extract)


def extract_story(story: Story, issue_year: int | None) -> list[Mention]:
    """All mentions of one on-topic story."""
    ctx = StoryContext.of(story, issue_year)
    found = [m for extractor in EXTRACTORS for m in extractor(ctx)]
    return found + aliases.extract(ctx, found) + written_forms(found)


def written_forms(found: list[Mention]) -> list[Mention]:
    """Alias mentions for names read in traditional characters: the entity is named in
    simplified characters and keeps the form the text writes as an alias."""
    out: dict[tuple[str, str, str], Mention] = {}
    for m in found:
        if m.type != "metric" and m.surface != m.name and normalize(m.surface) == m.name:
            out.setdefault((m.type, m.name, m.surface), Mention(m.type, m.name, m.surface, m.source, {"alias": m.surface}))
    return list(out.values())


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


def failure(stage: str, story: Story, exc: Exception, sentence: str = "") -> Problem:
    """An exception while a story was segmented or extracted: the story keeps its page, no facts."""
    return Problem(
        story.source_file, "error", f"{stage} failed: {type(exc).__name__}: {exc}; the story has no facts",
        story.id, sentence or _sentence_of(exc),
    )


def _sentence_of(exc: Exception) -> str:
    """The id of the innermost ``Sentence`` a frame of the traceback held, if any."""
    found, tb = "", exc.__traceback__
    while tb is not None:
        found = next((v.id for v in tb.tb_frame.f_locals.values() if isinstance(v, Sentence)), found)
        tb = tb.tb_next
    return found


def segment_stories(stories: Iterable[Story], problems: list[Problem] | None = None) -> int:
    """The segment stage: jieba tokens (with parts of speech) of every sentence.

    With ``problems``, a story whose segmentation raises is reported there and
    left out of extraction; without, the exception propagates.
    """
    n = 0
    for story in stories:
        for sentence in story.sentences:
            try:
                tokens(sentence.norm)
            except Exception as exc:
                if problems is None:
                    raise
                problems.append(failure("segmentation", story, exc, sentence.id))
                break
            n += 1
    return n


def extract_article(article: Article, cache: Cache | None = None, problems: list[Problem] | None = None) -> list[Mention]:
    """All mentions in the on-topic stories of one article (each story cached by its text).

    With ``problems``, each story is isolated: one that raises (or failed in
    segmentation, so is named there) contributes no mentions and is not cached.
    """
    year = issue_year(article)
    failed = {p.story for p in problems or ()}
    out: list[Mention] = []
    for story in article.stories:
        if not story.relevant or story.id in failed:
            continue
        name = story_key(story, year)
        mentions = cache.get(name) if cache is not None else None
        if mentions is None:
            try:
                mentions = extract_story(story, year)
            except Exception as exc:
                if problems is None:
                    raise
                problems.append(failure("extraction", story, exc))
                continue
            if cache is not None:
                cache.put(name, mentions)
        out.extend(mentions)
    return out


def extract_all(
    articles: Iterable[Article], cache: Cache | None = None, problems: list[Problem] | None = None
) -> list[Mention]:
    return [m for a in articles for m in extract_article(a, cache, problems)]
