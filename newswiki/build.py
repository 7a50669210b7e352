"""The build: seeds -> ingest -> segment -> render -> docs/."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import segment
from .cache import Cache
from .extract import extract_all, pending, segment_stories
from .extract.tokens import tokens
from .ingest import Limits, ingest_dir
from .model import Article, Problem
from .render import render_site
from .resolve import KnowledgeBase, resolve
from .writer import write_docs


@dataclass
class BuildReport:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    kb: KnowledgeBase | None = None
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    files: int = 0
    files_cached: int = 0  # seed files whose ingest came from the cache
    stories_extracted: int = 0  # stories extracted afresh (not from the cache)

    @property
    def stories(self) -> int:
        return sum(len(a.stories) for a in self.articles)

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
    report = BuildReport()
    file_cache, story_cache = Cache(cache_dir), Cache(cache_dir)

    def stage(name: str, started: float) -> None:
        report.timings[name] = time.perf_counter() - started

    t = time.perf_counter()
    report.articles, report.problems = ingest_dir(seeds, file_cache, limits)
    report.files_cached = file_cache.hits
    stage("ingest", t)
    for p in report.problems:
        log(str(p))
    log(
        f"ingest: {len(report.articles)} files ({file_cache.hits} from cache), "
        f"{report.stories} stories ({report.timings['ingest']:.2f}s)"
    )
    if not report.articles:  # an empty wiki would replace the last good one
        log(f"error: no seed file could be used; {docs} left as it was")
        if report.problems:
            log(summary(report))
        return report

    t = time.perf_counter()
    todo = pending(report.articles, story_cache)
    known = len(report.problems)
    sentences = segment_stories(todo, report.problems)
    stage("segment", t)
    for p in report.problems[known:]:
        log(str(p))
    log(f"segment: {sentences} sentences of {len(todo)} stories ({report.timings['segment']:.2f}s)")

    t = time.perf_counter()
    known = len(report.problems)
    mentions = extract_all(report.articles, story_cache, report.problems, jobs)
    tokens.cache_clear()
    report.stories_extracted = story_cache.misses
    stage("extract", t)
    for p in report.problems[known:]:
        log(str(p))
    log(
        f"extract: {len(mentions)} mentions; {story_cache.misses} stories extracted, "
        f"{story_cache.hits} from cache ({report.timings['extract']:.2f}s)"
    )

    t = time.perf_counter()
    kb = report.kb = resolve(mentions)
    stage("resolve", t)
    log(
        f"resolve: {len(kb.entities)} entities, {len(kb.relations)} relations, "
        f"{len(kb.conflicts)} conflicts ({report.timings['resolve']:.2f}s)"
    )

    t = time.perf_counter()
    names = [n for e in kb.entities if e.type != "metric" for n in (e.name, *e.aliases)]
    files = render_site(report.articles, kb, segment.user_dictionary(names))
    stage("render", t)
    log(f"render: {len(files)} files ({report.timings['render']:.2f}s)")

    t = time.perf_counter()
    report.warnings = write_docs(docs, files, log)
    report.files = len(files)
    stage("write", t)
    for w in report.warnings:
        log(f"warning: {w}")
    log(f"write: {docs} ({report.timings['write']:.2f}s)")
    if report.problems:
        log(summary(report))
    return report


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
