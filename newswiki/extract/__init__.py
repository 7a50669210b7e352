"""Extract: mentions of platforms, policies, projects and metrics, each with its source sentence."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat

from .. import segment
from ..cache import Cache
from ..cache import key as cache_key
from ..model import Article, Mention, Problem, Sentence, Story
from ..ingest.normalize import normalize, simplified
from . import aliases, metrics, organisations, platforms, policies, projects
from .context import StoryContext
from .annotate import annotate
from .names import regions_in
from .tokens import _starts_of, _tags, tokens
from .tokens import tokens as _cached_tokens  # the cache itself, whatever ``tokens`` is patched to

EXTRACTORS = (platforms.extract, policies.extract, projects.extract, metrics.extract, organisations.extract)


def extract_story(story: Story) -> list[Mention]:
    """All mentions of one on-topic story."""
    ctx = StoryContext.of(story)
    found = [m for extractor in EXTRACTORS for m in extractor(ctx)]
    return found + aliases.extract(ctx, found) + written_forms(found)


def written_forms(found: list[Mention]) -> list[Mention]:
    """Alias mentions for names the text writes in another form than the entity's name
    (traditional characters, half-width brackets): the entity is named in simplified
    characters with full-width marks and keeps the written form as an alias."""
    out: dict[tuple[str, str, str], Mention] = {}
    for m in found:
        written = m.surface.removeprefix("《").removesuffix("》")  # a title as written, without its marks
        if m.type == "metric" or written == m.name or normalize(written) != m.name:
            continue
        # as written, and in simplified characters with its own punctuation (武汉超级计算(数据)中心项目)
        for form in dict.fromkeys((written, simplified(written))):
            if form != m.name:
                out.setdefault((m.type, m.name, form), Mention(m.type, m.name, m.surface, m.source, {"alias": form}))
    return list(out.values())


def story_key(story: Story) -> str:
    return cache_key("extract", story.id, str(story.year), str(story.year_inferred), story.date or "",
                     *(s.text for s in story.sentences))


def pending(articles: Iterable[Article], cache: Cache | None = None) -> list[Story]:
    """On-topic stories whose mentions are not cached yet."""
    return [
        s for a in articles for s in a.stories
        if s.relevant and (cache is None or not cache.has(story_key(s)))
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


def clear_caches(dictionaries: bool = False) -> None:
    """Forget the tokens and annotations of the stories just extracted (the build streams
    the corpus in batches, so these caches hold one batch, not the corpus); with
    ``dictionaries``, jieba's dictionary and tags too (about 90 MB; the next story to
    segment loads them again, in about a second)."""
    _cached_tokens.cache_clear()
    _starts_of.cache_clear()
    annotate.cache_clear()
    aliases._words.cache_clear()
    regions_in.cache_clear()
    if dictionaries:
        segment.tokenizer.cache_clear()
        _tags.cache_clear()


def extract_article(article: Article, cache: Cache | None = None, problems: list[Problem] | None = None) -> list[Mention]:
    """All mentions in the on-topic stories of one article (see ``extract_all``)."""
    return extract_all([article], cache, problems)


def extract_all(
    articles: Iterable[Article], cache: Cache | None = None, problems: list[Problem] | None = None, jobs: int = 1
) -> list[Mention]:
    """All mentions in the on-topic stories of ``articles``, in corpus order (each story cached by its text).

    With ``problems``, each story is isolated: one that raises (or failed in
    segmentation, so is named there) contributes no mentions and is not cached.
    Stories missing from the cache go through ``extract_stories`` in ``jobs`` processes.
    """
    failed = {p.story for p in problems or () if p.reason.startswith("segmentation failed")}  # not a story cut to the limits
    work = [story for a in articles for story in a.stories if story.relevant and story.id not in failed]
    names = [story_key(story) for story in work]
    found = [cache.get(name) if cache is not None else None for name in names]
    todo = [i for i, mentions in enumerate(found) if mentions is None]
    for i, result in zip(todo, extract_stories([work[i] for i in todo], problems is not None, jobs)):
        if isinstance(result, Problem):
            problems.append(result)
            continue
        found[i] = result
        if cache is not None:
            cache.put(names[i], result)
    return [m for mentions in found if mentions is not None for m in mentions]


def extract_stories(work: list[Story], isolate: bool, jobs: int = 1) -> Iterator[list[Mention] | Problem]:
    """The seam for parallel extraction: ``extract_one`` is a pure function of a story,
    mapped over the stories here in a process pool and, past one machine, by a cluster
    engine the same way. Results come in the order of ``work`` (as they finish, so each is
    cached at once), and the output does not depend on ``jobs``."""
    if jobs <= 1 or len(work) < 2:
        yield from (extract_one(story, isolate) for story in work)
        return
    # fork: workers inherit the loaded dictionaries and the segment stage's tokens
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    jobs = min(jobs, len(work))
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield from pool.map(extract_one, work, repeat(isolate), chunksize=max(1, len(work) // (4 * jobs)))


def extract_one(story: Story, isolate: bool) -> list[Mention] | Problem:
    """The mentions of one story; with ``isolate``, an exception becomes the story's ``Problem``."""
    try:
        return extract_story(story)
    except Exception as exc:
        if not isolate:
            raise
        return failure("extraction", story, exc)
