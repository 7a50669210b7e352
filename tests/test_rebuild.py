"""Rebuilds: deterministic, incremental, atomic, respectful of hand-written pages."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newswiki import build as build_module
from newswiki.build import build
from newswiki.writer import MANIFEST

from .conftest import ROOT, SEEDS, make_project, mkdocs_build

CORPUS = ROOT / "tests" / "corpus"


def tree(folder) -> dict[str, str]:
    """path -> sha256 of every file below ``folder``."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_committed_docs_are_current(tmp_path):
    """Fails when docs/ in the repository is stale against seeds/: run `make docs`."""
    build(SEEDS, tmp_path / "docs")
    fresh = tree(tmp_path / "docs")
    committed = tree(ROOT / "docs")
    generated = (tmp_path / "docs" / MANIFEST).read_text(encoding="utf-8").split()
    assert (ROOT / "docs" / MANIFEST).read_text(encoding="utf-8").split() == generated
    stale = [p for p in [*generated, MANIFEST] if committed.get(p) != fresh[p]]
    assert not stale, f"docs/ is stale, run `make docs`: {stale[:10]}"


def test_incremental_build_equals_clean_build(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    cache = tmp_path / "cache"
    cold = build(seeds, tmp_path / "incremental", cache_dir=cache)
    assert cold.stories_extracted == sum(s.relevant for a in cold.articles for s in a.stories)
    warm = build(seeds, tmp_path / "incremental", cache_dir=cache)
    assert warm.stories_extracted == 0 and warm.files_cached == len(warm.articles)

    shutil.copy(CORPUS / "hanyang_park.txt", seeds / "005_new_article.txt")
    after = build(seeds, tmp_path / "incremental", cache_dir=cache)
    assert after.stories_extracted == 1 and after.files_cached == len(after.articles) - 1
    build(seeds, tmp_path / "clean")
    assert tree(tmp_path / "incremental") == tree(tmp_path / "clean")


def test_same_seeds_give_a_byte_identical_site(site, tmp_path):
    project, _ = site
    again = make_project(tmp_path)
    build(again / "seeds", again / "docs")
    assert tree(again / "docs") == tree(project / "docs")
    assert mkdocs_build(again).returncode == 0
    assert tree(again / "site") == tree(project / "site")


def test_a_failed_build_leaves_docs_untouched(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    build(SEEDS, docs)
    before = tree(docs)

    def broken_render(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(build_module, "render_site", broken_render)
    with pytest.raises(RuntimeError):
        build(SEEDS, docs)
    assert tree(docs) == before
    monkeypatch.undo()

    # a failure while writing the new output (a page path that cannot exist) changes nothing either
    real = build_module.render_site
    monkeypatch.setattr(build_module, "render_site", lambda *a, **k: [*real(*a, **k), ("index.md/cannot.md", "x")])
    with pytest.raises(OSError):
        build(SEEDS, docs)
    assert tree(docs) == before
    assert not list(tmp_path.glob(".docs-staging-*"))


def test_hand_written_pages_survive_rebuilds(tmp_path):
    docs = tmp_path / "docs"
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    build(seeds, docs)
    (docs / "about.md").write_text("# 关于本站\n\n手写页面。\n", encoding="utf-8")
    (docs / "platforms" / "notes.md").write_text("# 平台笔记\n", encoding="utf-8")
    stories_before = sorted((docs / "sources").glob("004_*"))

    (seeds / "004_0c3dd1ea17114754.txt").unlink()  # an article is withdrawn
    report = build(seeds, docs)
    assert (docs / "about.md").read_text(encoding="utf-8") == "# 关于本站\n\n手写页面。\n"
    assert (docs / "platforms" / "notes.md").exists()
    assert stories_before and not any(p.exists() for p in stories_before)  # its generated pages go
    assert not report.warnings

    (docs / "index.md").unlink()
    (docs / "index.md").write_text("# 自己写的首页\n", encoding="utf-8")  # a hand-written home page wins
    report = build(seeds, docs)
    assert (docs / "index.md").read_text(encoding="utf-8") == "# 自己写的首页\n"
    assert any("docs/index.md is hand-written" in w for w in report.warnings)


def test_workflow_is_valid():
    workflow = ROOT / ".github" / "workflows" / "pages.yml"
    text = workflow.read_text(encoding="utf-8")
    assert "seeds/**" in text and "workflow_dispatch" in text and "deploy-pages" in text and "make test" in text
    actionlint = Path(sys.executable).with_name("actionlint")  # installed with the test dependencies
    result = subprocess.run([str(actionlint), str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_command_line_reports_each_stage_with_counts_and_times(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "newswiki", "build", "--seeds", str(SEEDS), "--docs", str(tmp_path / "docs"), "--cache", str(tmp_path / "c")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    for stage, count in (("ingest", "5 files"), ("segment", "sentences"), ("extract", "mentions"), ("resolve", "entities"), ("render", "files"), ("write", "")):
        line = next(x for x in result.stderr.splitlines() if x.startswith(stage + ":"))
        assert count in line and re.search(r"\(\d+\.\d\ds\)$", line), line


def test_a_build_killed_while_writing_leaves_docs_untouched(tmp_path):
    docs = tmp_path / "docs"
    build(SEEDS, docs)
    before = tree(docs)
    started = tmp_path / "writing"
    slow = f"""
import pathlib, sys, time
from newswiki import writer
from newswiki.build import build
real = pathlib.Path.write_text
def slow(self, *args, **kwargs):
    if ".docs-staging-" in str(self):
        pathlib.Path({str(started)!r}).touch()
        time.sleep(0.05)
    return real(self, *args, **kwargs)
pathlib.Path.write_text = slow
build(pathlib.Path({str(SEEDS)!r}), pathlib.Path({str(docs)!r}))
"""
    proc = subprocess.Popen([sys.executable, "-c", slow])
    for _ in range(600):
        if started.exists() or proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    assert started.exists(), "the build never reached the staging step"
    assert tree(docs) == before  # killed mid-write: the previous docs/ are intact
    assert list(tmp_path.glob(".docs-staging-*"))  # it was killed with staging half written
    build(SEEDS, docs)
    assert tree(docs) == before and not list(tmp_path.glob(".docs-staging-*"))
