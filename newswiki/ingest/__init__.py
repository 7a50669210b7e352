"""Ingest: decode, normalise, classify lines, split stories, split sentences."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from ..cache import Cache
from ..cache import key as cache_key
from ..model import Article, Problem
from . import dateline
from .decode import SourceError, decode
from .files import display_name, read_seed, seed_files
from .header import split_header
from .limits import Limits, trim_story
from .lines import classify
from .normalize import normalize
from .stories import build_story, split_groups, story_date, story_year, written_year

__all__ = ["Limits", "SourceError", "file_slug", "ingest_dir", "ingest_text", "iter_articles", "read_article"]
SLUG_MAX = 80  # page file names stay far below the file system's 255 bytes


def file_slug(name: str) -> str:
    """A URL-safe ID from a file name; names that lose characters or length get a short hash."""
    stem = Path(name).stem
    slug = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-")
    if slug != stem.lower() or len(slug) > SLUG_MAX:
        slug = f"{slug[:SLUG_MAX].rstrip('-')}-{hashlib.sha1(stem.encode()).hexdigest()[:6]}".lstrip("-")
    return slug


def content_hash(text: str) -> str:
    """Hash of the text with layout and width differences removed (for dedupe)."""
    return hashlib.sha256(re.sub(r"\s+", "", normalize(text)).encode()).hexdigest()


def ingest_text(text: str, source_file: str, encoding: str = "utf-8") -> Article:
    meta, text = split_header(text)
    article = Article(source_file=source_file, encoding=encoding, content_hash=content_hash(text))
    slug = file_slug(source_file)
    groups = split_groups(classify(text))
    if not groups:
        raise SourceError("no body text (no line ends a sentence)")
    for pos, group in enumerate(groups, 1):
        article.stories.append(build_story(group, f"{slug}-{pos}", source_file, pos))
    published = meta.get("date")
    issue_year = published[:4] if published else next(filter(None, map(story_year, article.stories)), None)
    guess = None if issue_year else written_year(article.stories)
    for story in article.stories:
        story.date, story.date_text = story_date(story, issue_year)
        if story.date is None and published:
            story.date = published  # the header's publication date
        story.year_inferred = story.date is None and guess is not None
        if story.year_inferred:
            story.date, story.date_text = story_date(story, str(guess))
        story.year = int(story.date[:4]) if story.date else int(issue_year) if issue_year else guess
    dateline.attach(article.stories, meta, issue_year or (str(guess) if guess else None))
    return article


def read_article(path: Path, cache: Cache | None = None, limits: Limits = Limits()) -> tuple[Article, list[Problem]]:
    """Read one seed file, its stories cut to ``limits``; raise SourceError when it cannot be used."""
    source = display_name(path.name)
    data = read_seed(path, limits.file_bytes)
    name = cache_key("ingest", source, repr(limits), data)
    if cache is not None and (hit := cache.get(name)) is not None:
        return hit
    text, encoding, warnings = decode(data)
    problems = [Problem(source, "warning", w) for w in warnings]
    if encoding == "gb18030":
        problems.append(Problem(source, "warning", "not UTF-8; decoded as GB18030"))
    article = ingest_text(text, source, encoding)
    for story in article.stories:
        problems += trim_story(story, limits)
    result = article, problems
    if cache is not None:
        cache.put(name, result)
    return result


def iter_articles(seeds: Path, cache: Cache | None, limits: Limits, problems: list[Problem]) -> Iterator[Article]:
    """The usable seed files of ``seeds`` (see ``files``), one at a time in name order;
    refused and bad files become Problems in ``problems``."""
    paths, found = seed_files(seeds, limits.file_bytes)
    problems.extend(found)
    seen: dict[str, str] = {}
    for path in paths:
        try:
            article, found = read_article(path, cache, limits)
        except SourceError as exc:
            problems.append(Problem(display_name(path.name), "error", f"{exc}; skipped"))
            continue
        problems.extend(found)
        if article.content_hash in seen:
            problems.append(Problem(article.source_file, "warning", f"same text as {seen[article.content_hash]}; skipped as a duplicate"))
            continue
        seen[article.content_hash] = article.source_file
        yield article


def ingest_dir(seeds: Path, cache: Cache | None = None, limits: Limits = Limits()) -> tuple[list[Article], list[Problem]]:
    """The seed files of ``seeds`` in name order, and their problems by file."""
    problems: list[Problem] = []
    articles = list(iter_articles(seeds, cache, limits, problems))
    problems.sort(key=lambda p: p.source_file)  # stable: a file's messages stay in order
    return articles, problems
