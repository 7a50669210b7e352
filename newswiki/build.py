"""The build: seeds -> ingest -> segment -> extract -> resolve -> render -> docs/.

It streams: stories are ingested, segmented and extracted a batch at a time, and their
tokens forgotten before the next batch; the text of the articles waits on disk (``Spill``)
while resolve works on the mentions, and is read back one article at a time for the
source pages. What stays in memory is the mentions and the knowledge base.
"""

from __future__ import annotations

import dataclasses
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import segment
from .cache import Cache
from .extract import clear_caches, extract_all, pending, segment_stories
from .ingest import Limits, iter_articles
from .model import Article, Mention, Problem, Source
from .render import render_site
from .resolve import KnowledgeBase, resolve
from .writer import Content, write_docs

BATCH = 64  # stories (per process) segmented and extracted together, then their tokens are forgotten
RELEASE_AFTER = 1_000  # a build that segmented this many stories lets go of jieba's dictionaries (~90 MB)
# before resolve; a smaller one keeps them for the next build in the process (reloading takes a second)


class Spill(Sequence[Article]):
    """Articles pickled to a temporary file as they come, each read back when asked for."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._offsets: list[int] = []

    def append(self, article: Article) -> None:
        self._file.seek(0, 2)
        self._offsets.append(self._file.tell())
        pickle.dump(article, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, i: int) -> Article:  # type: ignore[override]  # no slices
        self._file.seek(self._offsets[i])
        return pickle.load(self._file)


def head(article: Article) -> Article:
    """The article without its stories' text: what the pages that cite a story need."""
    stories = [dataclasses.replace(s, blocks=[], captions=[], bylines=[]) for s in article.stories]
    return dataclasses.replace(article, stories=stories)


@dataclass
class BuildReport:
    articles: Sequence[Article] = field(default_factory=list)  # whole, read back from disk one at a time
    problems: list[Problem] = field(default_factory=list)
    kb: KnowledgeBase | None = None
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    files: int = 0
    files_cached: int = 0  # seed files whose ingest came from the cache
    stories_extracted: int = 0  # stories extracted afresh (not from the cache)
    stories: int = 0
    sentences: int = 0  # sentences segmented (of the stories extracted afresh)
    segmented: int = 0  # stories segmented

    @property
    def skipped(self) -> list[Problem]:
        """Input left out: files, stories' facts, parts of stories (``--strict`` fails on any)."""
        return [p for p in self.problems if p.level == "error" or "skipped" in p.reason]


def build(
    seeds: Path, docs: Path, log: Callable[[str], None] = lambda _: None, cache_dir: Path | None = None, jobs: int = 1,
    limits: Limits = Limits(),
) -> BuildReport:
    """Generate the wiki from ``seeds`` into ``docs``; ``cache_dir`` makes it incremental;
    ``jobs`` processes extract the stories."""
    report = BuildReport(articles=Spill())
    timings = report.timings = dict.fromkeys(("ingest", "segment", "extract"), 0.0)
    file_cache, story_cache = Cache(cache_dir), Cache(cache_dir)
    found: dict[str, list[Problem]] = {"ingest": [], "segment": [], "extract": []}
    heads: list[Article] = []
    mentions: list[Mention] = []
    batch: list[Article] = []

    def extract_batch() -> None:
        """Segment and extract the stories of ``batch`` that the cache does not hold."""
        t = time.perf_counter()
        todo, problems = pending(batch, story_cache), []
        report.sentences += segment_stories(todo, problems)
        report.segmented += len(todo)
        found["segment"] += problems
        timings["segment"] += time.perf_counter() - t
        t, known = time.perf_counter(), len(problems)
        extracted = extract_all(batch, story_cache, problems, jobs)
        shared(extracted)
        mentions.extend(extracted)
        clear_caches()
        found["extract"] += problems[known:]
        timings["extract"] += time.perf_counter() - t
        batch.clear()

    t = time.perf_counter()
    for article in iter_articles(seeds, file_cache, limits, found["ingest"]):
        timings["ingest"] += time.perf_counter() - t
        report.articles.append(article)
        heads.append(head(article))
        report.stories += len(article.stories)
        batch.append(article)
        if sum(len(a.stories) for a in batch) >= BATCH * jobs:  # a process pool per batch
            extract_batch()
        t = time.perf_counter()
    timings["ingest"] += time.perf_counter() - t
    extract_batch()
    clear_caches(dictionaries=report.segmented >= RELEASE_AFTER)
    found["ingest"].sort(key=lambda p: p.source_file)  # stable: a file's messages stay in order
    report.files_cached = file_cache.hits
    report.stories_extracted = story_cache.misses

    report.problems = found["ingest"]
    for p in report.problems:
        log(str(p))
    log(
        f"ingest: {len(report.articles)} files ({file_cache.hits} from cache), "
        f"{report.stories} stories ({timings['ingest']:.2f}s)"
    )
    if not report.articles:  # an empty wiki would replace the last good one
        log(f"error: no seed file could be used; {docs} left as it was")
        if report.problems:
            log(summary(report))
        return report
    report.problems += found["segment"] + found["extract"]
    for p in found["segment"]:
        log(str(p))
    log(f"segment: {report.sentences} sentences of {report.segmented} stories ({timings['segment']:.2f}s)")
    for p in found["extract"]:
        log(str(p))
    log(
        f"extract: {len(mentions)} mentions; {story_cache.misses} stories extracted, "
        f"{story_cache.hits} from cache ({timings['extract']:.2f}s)"
    )

    t = time.perf_counter()
    kb = report.kb = resolve(mentions)
    timings["resolve"] = time.perf_counter() - t
    log(
        f"resolve: {len(kb.entities)} entities, {len(kb.relations)} relations, "
        f"{len(kb.conflicts)} conflicts ({timings['resolve']:.2f}s)"
    )

    t = time.perf_counter()
    timings["render"] = 0.0
    names = [n for e in kb.entities if e.type != "metric" for n in (e.name, *e.aliases)]
    files = render_site(heads, kb, segment.user_dictionary(names), report.articles)
    report.warnings = write_docs(docs, rendered(files, report), log)
    timings["write"] = time.perf_counter() - t - timings["render"]
    log(f"render: {report.files} files ({timings['render']:.2f}s)")
    for w in report.warnings:
        log(f"warning: {w}")
    log(f"write: {docs} ({timings['write']:.2f}s)")
    if report.problems:
        log(summary(report))
    return report


def rendered(files: Iterable[tuple[str, Content]], report: BuildReport) -> Iterator[tuple[str, Content]]:
    """The files as render makes them (the writer asks for each in turn), counted, and the
    time spent making them (a large file's function included) added to the render stage's."""
    timings = report.timings

    def timed(write: Callable[[Path], None]) -> Callable[[Path], None]:
        def run(path: Path) -> None:
            t = time.perf_counter()
            write(path)
            timings["render"] += time.perf_counter() - t
        return run

    t = time.perf_counter()
    for rel, content in files:
        timings["render"] += time.perf_counter() - t
        report.files += 1
        yield rel, content if isinstance(content, str | bytes) else timed(content)
        t = time.perf_counter()
    timings["render"] += time.perf_counter() - t


def shared(mentions: list[Mention]) -> None:
    """One copy of each name, surface and text attribute (the same names recur in thousands
    of mentions) and of each source sentence: what the build keeps of the corpus."""
    sources: dict[Source, Source] = {}
    for m in mentions:
        m.name, m.surface = sys.intern(m.name), sys.intern(m.surface)
        m.source = sources.setdefault(m.source, m.source)
        for k, v in m.attrs.items():
            if isinstance(v, str):
                m.attrs[k] = sys.intern(v)


def summary(report: BuildReport) -> str:
    """The closing list of problems: counts, every skipped file and story, then the other warnings."""
    problems, skipped = report.problems, report.skipped
    errors = sum(p.level == "error" for p in problems)
    files = {p.source_file for p in skipped if not p.story}
    stories = {(p.source_file, p.story) for p in skipped if p.story}
    lines = [
        f"problems: {errors} errors, {len(problems) - errors} warnings (the rest of the wiki was built)",
        f"skipped: {len(files)} files, {len(stories)} stories in part or whole",
        *(f"  {p}" for p in skipped),
    ]
    if others := [p for p in problems if p not in skipped]:
        lines += ["warnings:", *(f"  {p}" for p in others)]
    return "\n".join(lines)
