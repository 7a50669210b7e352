"""``build --jobs N``: extraction in a process pool gives the same docs/ as one process."""

from __future__ import annotations

import shutil
import subprocess
import sys

import newswiki.extract as extract
from newswiki.ingest import ingest_dir

from .conftest import ROOT, SEEDS


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_jobs_2_builds_the_same_docs_as_jobs_1(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for f in (ROOT / "tests" / "corpus").glob("*.txt"):
        shutil.copy(f, seeds / f.name)
    out = {}
    for jobs in (1, 2):
        docs = tmp_path / f"jobs{jobs}" / "docs"
        run = subprocess.run(
            [sys.executable, "-m", "newswiki", "build", "--seeds", str(seeds), "--docs", str(docs), "--no-cache", "--jobs", str(jobs)],
            capture_output=True, text=True, cwd=ROOT,
        )
        assert run.returncode == 0, run.stderr
        out[jobs] = tree(docs)
    assert len(out[1]) > 100 and "data/kb.sqlite" in out[1]
    assert out[1].keys() == out[2].keys()
    assert [rel for rel in out[1] if out[1][rel] != out[2][rel]] == []


def test_a_failing_story_is_the_same_problem_in_a_worker(monkeypatch):
    articles, _ = ingest_dir(SEEDS)
    real = extract.extract_story

    def flaky(story):
        if story.id.startswith("001_"):
            raise RuntimeError("boom")
        return real(story)

    monkeypatch.setattr(extract, "extract_story", flaky)  # forked workers inherit the patch
    results = {}
    for jobs in (1, 2):
        problems = []
        mentions = extract.extract_all(articles, problems=problems, jobs=jobs)
        results[jobs] = (mentions, problems)
    assert results[1] == results[2]
    assert [p.story[:4] for p in results[1][1]] == ["001_"] and "boom" in results[1][1][0].reason
