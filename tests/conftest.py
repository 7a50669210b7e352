"""Shared fixtures: the real seeds, ingested once, and a real strict mkdocs build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newswiki.browse import Browser, browser
from newswiki.build import build
from newswiki.ingest import ingest_dir

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def articles():
    arts, problems = ingest_dir(SEEDS)
    assert not problems, problems
    return {a.source_file: a for a in arts}


@pytest.fixture(scope="session")
def stories(articles):
    return [s for a in articles.values() for s in a.stories]


def make_project(tmp: Path, seeds: Path = SEEDS) -> Path:
    """A throw-away copy of the project layout: mkdocs.yml, hand-written docs, seeds."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    (tmp / "newswiki").mkdir()
    shutil.copy(ROOT / "newswiki" / "mkdocs_hooks.py", tmp / "newswiki" / "mkdocs_hooks.py")
    shutil.copytree(ROOT / "docs" / "assets", tmp / "docs" / "assets")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    if seeds != tmp / "seeds":
        shutil.copytree(seeds, tmp / "seeds")
    return tmp


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project, capture_output=True, text=True, env=env,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real seeds built into docs/ and then into site/ with ``mkdocs build --strict``."""
    project = make_project(tmp_path_factory.mktemp("project"))
    report = build(project / "seeds", project / "docs")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    (project / "mkdocs.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return project, report


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory):
    """The seeds and the test corpus (more districts, a city's policy) built into a site."""
    seeds = tmp_path_factory.mktemp("corpus_seeds")
    for f in [*SEEDS.glob("*.txt"), *(ROOT / "tests" / "corpus").glob("*.txt")]:
        shutil.copy(f, seeds / f.name)
    project = make_project(tmp_path_factory.mktemp("corpus_project"), seeds)
    report = build(project / "seeds", project / "docs")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project, report


@contextmanager
def site_browser(project: Path) -> Iterator[Browser]:
    """Chromium on a built project's site; no request may leave it, no script may fail."""
    with browser(project / "site") as b:
        yield b
    assert not b.outside and not b.console_errors, (b.outside, b.console_errors)
