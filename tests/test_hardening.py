"""Hostile or careless input: each case is refused or repaired with a message naming it,
and the rest of the wiki still builds. No timings here (see scripts/bench.py)."""

from __future__ import annotations

import builtins
import fcntl
import hashlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from newswiki import writer
from newswiki.build import build
from newswiki.ingest import file_slug, ingest_dir

from .conftest import ROOT, SEEDS, make_project, mkdocs_build

GOOD = "002_497299743b382229.txt"
GOOD_PAGE = "sources/002_497299743b382229-1.md"
ARTICLE = "青山区科技创新稳步推进\n\n青山区科技局发布政策，支持企业创新，新建产业园区投资10亿元。{}\n"


@pytest.fixture()
def project(tmp_path):
    """A project folder whose seeds/ holds one good article."""
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEEDS / GOOD, root / "seeds" / GOOD)
    return root


@contextmanager
def deadline(seconds: int):
    """Fail instead of hanging (a FIFO opened for reading blocks until a writer comes)."""

    def expire(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture()
def opened(monkeypatch):
    """Every path the build opens (os.open, open, io.open)."""
    paths: list[str] = []
    for module, name in ((os, "open"), (builtins, "open"), (io, "open")):
        real = getattr(module, name)

        def spy(file, *args, _real=real, **kwargs):
            if isinstance(file, (str, bytes, os.PathLike)):
                paths.append(os.fsdecode(file))
            return _real(file, *args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    return paths


def built(project: Path, **kwargs):
    """Build seeds/ into docs/; check that the good article was published."""
    with deadline(300):
        report = build(project / "seeds", project / "docs", **kwargs)
    assert GOOD in {a.source_file for a in report.articles}
    assert (project / "docs" / GOOD_PAGE).is_file() and (project / "docs" / "index.md").is_file()
    return report


def problem(report, name: str):
    [found] = [p for p in report.problems if p.source_file == name]
    return found


def docs_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*")) if p.is_file())


def test_fifo_is_refused_without_being_opened(project, opened):
    os.mkfifo(project / "seeds" / "pipe.txt")
    report = built(project)
    p = problem(report, "pipe.txt")
    assert p.level == "error" and "named pipe (FIFO)" in p.reason and "not opened" in p.reason
    assert not [f for f in opened if f.endswith("pipe.txt")]


def test_symlink_to_a_device_is_refused(project, opened):
    (project / "seeds" / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(project / "pipe")  # inside the project, but not a file
    (project / "seeds" / "inside-pipe.txt").symlink_to(project / "pipe")
    report = built(project)
    assert "/dev/zero, outside the project; not followed" in problem(report, "zero.txt").reason
    assert "a symlink to a named pipe (FIFO)" in problem(report, "inside-pipe.txt").reason
    assert not [f for f in opened if f.endswith(("zero", "pipe", "pipe.txt"))]


def test_symlink_outside_the_project_is_not_read(tmp_path):
    marker = "OUTSIDEMARKER"
    outside = tmp_path / "elsewhere" / "secret.txt"
    outside.parent.mkdir()
    outside.write_text(ARTICLE.format(f"机密{marker}。"), encoding="utf-8")
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    make_project(project, seeds=project / "seeds")
    shutil.copy(SEEDS / GOOD, project / "seeds" / GOOD)
    (project / "seeds" / "leak.txt").symlink_to(outside)
    report = built(project)
    assert "outside the project; not followed; skipped" in problem(report, "leak.txt").reason
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert marker not in docs_text(project / "docs") and marker not in docs_text(project / "site")


def test_symlink_inside_the_project_is_followed(project):
    marker = "INSIDEMARKER"
    (project / "articles").mkdir()
    (project / "articles" / "kept.txt").write_text(ARTICLE.format(f"编号{marker}。"), encoding="utf-8")
    (project / "seeds" / "linked.txt").symlink_to(Path("..") / "articles" / "kept.txt")
    report = built(project)
    assert [p for p in report.problems if p.source_file == "linked.txt"] == []
    assert marker in (project / "docs" / "sources" / "linked-1.md").read_text(encoding="utf-8")


def test_huge_sparse_file_is_refused_before_reading(project, opened):
    huge = project / "seeds" / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(3 * 2**30)  # sparse: 3 GB long, no blocks on disk
    opened.clear()
    report = built(project)
    p = problem(report, "huge.txt")
    assert p.level == "error" and "3,221.2 MB, over the 2 MiB limit for an article" in p.reason
    assert not [f for f in opened if f.endswith("huge.txt")]
    assert report.skipped == [p]


def test_other_extensions_and_subfolders_get_a_message(project):
    (project / "seeds" / "notes.md").write_text(ARTICLE.format(""), encoding="utf-8")
    (project / "seeds" / "2025").mkdir()
    (project / "seeds" / "2025" / "x.txt").write_text(ARTICLE.format(""), encoding="utf-8")
    (project / "seeds" / ".gitkeep").touch()
    report = built(project)
    assert "not a .txt file" in problem(report, "notes.md").reason
    assert "a folder; only files directly in the seeds folder are read" in problem(report, "2025").reason
    assert {p.source_file for p in report.problems} == {"notes.md", "2025"}


def test_a_200_character_file_name_gets_a_bounded_stable_page_name(project):
    name = ("Qingshan district innovation news " * 7)[:200] + ".txt"
    (project / "seeds" / name).write_text(ARTICLE.format(""), encoding="utf-8")
    report = built(project)
    [story] = [s for a in report.articles if a.source_file == name for s in a.stories]
    assert story.id == f"{file_slug(name)}-1" and file_slug(name) == file_slug(name)
    assert len(file_slug(name)) <= 80 + 7
    assert (project / "docs" / "sources" / f"{story.id}.md").is_file()


def test_newline_and_markdown_in_a_file_name_inject_nothing(project):
    name = 'evil\n!!! danger "注入"\n    pwned\n# [x](javascript:alert(1)).txt'
    (project / "seeds" / name).write_text(ARTICLE.format(""), encoding="utf-8")
    report = built(project)
    [article] = [a for a in report.articles if a.source_file.startswith("evil")]
    assert article.source_file == 'evil\\n!!! danger "注入"\\n    pwned\\n# [x](javascript:alert(1)).txt'
    page = (project / "docs" / "sources" / f"{article.stories[0].id}.md").read_text(encoding="utf-8")
    lines = page.splitlines()
    assert not [ln for ln in lines if ln.startswith(("!!! danger", "    pwned", "# [x]"))]
    [info] = [ln for ln in lines if "来源文件" in ln]  # one line, inside the admonition
    assert info.startswith("    ") and "来源文件 evil&#92;n!!! danger" in info and "&#91;x&#93;" in info


def test_invisible_and_undecodable_characters_in_file_names_are_shown_escaped(project):
    (project / "seeds" / "a\u202eb\u200bc.txt").write_text(ARTICLE.format(""), encoding="utf-8")
    with open(os.fsencode(project / "seeds") + b"/bad\xff.txt", "wb") as f:
        f.write(ARTICLE.format("其二。").encode())
    report = built(project)
    names = {a.source_file for a in report.articles}
    assert {"a\\u202eb\\u200bc.txt", "bad\\xff.txt"} <= names
    assert "\u202e" not in docs_text(project / "docs")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_bom_is_decoded(project, encoding):
    text = (SEEDS / GOOD).read_text(encoding="utf-8")
    data = text.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
    only = project / "only"
    only.mkdir()
    (only / "wide.txt").write_bytes(data)
    articles, problems = ingest_dir(only)
    assert problems == [] and articles[0].encoding.startswith("utf-16")
    reference = ingest_dir(project / "seeds")[0]
    assert [s.text for s in articles[0].stories[0].sentences] == [s.text for s in reference[0].stories[0].sentences]


def test_a_few_invalid_bytes_are_replaced_with_a_warning(project):
    data = (SEEDS / GOOD).read_bytes()
    lines = data.split(b"\n")
    lines[7] = lines[7][:9] + b"\xff" + lines[7][9:]  # inside line 8, after three characters
    (project / "seeds" / "damaged.txt").write_bytes(b"\n".join(lines))
    report = built(project)
    offset = len(b"\n".join(lines[:7])) + 1 + 9
    p = problem(report, "damaged.txt")
    assert p.level == "warning" and f"1 invalid utf-8 byte sequence(s) replaced with U+FFFD: line 8 (byte offset {offset})" in p.reason
    assert "damaged.txt" in {a.source_file for a in report.articles}  # kept, not dropped
    assert report.skipped == []


def test_zero_width_and_bidi_characters_are_removed_before_analysis(project):
    text = ARTICLE.format("近日，武汉\u200d科技大学与青山区签约共建先进钢铁材料中试基地\u202e，支持企业创新。")
    (project / "seeds" / "hidden.txt").write_text(text, encoding="utf-8")
    report = built(project)
    assert "2 invisible character(s) removed" in problem(report, "hidden.txt").reason
    assert "organisation:武汉科技大学" in {e.id for e in report.kb.entities}
    assert "\u202e" not in docs_text(project / "docs") and "\u200d" not in docs_text(project / "docs")


def test_pathological_repeats_are_cut_to_the_limits(project):
    seeds = project / "seeds"
    sentence = "青山区科技局发布政策，支持企业创新，武汉科技大学青山科技园投资10亿元。"
    (seeds / "repeat.txt").write_text("重复的新闻\n\n" + sentence * 20_000 + "\n", encoding="utf-8")
    run = "青山区科技局发布政策支持企业创新新建产业园区投资亿元" * 4_000
    (seeds / "run.txt").write_text("没有标点的新闻\n\n" + run[:100_000] + "\n", encoding="utf-8")
    numbers = "，".join(f"青山区产值{i}.5亿元" for i in range(10_000))
    (seeds / "numbers.txt").write_text(f"数字新闻\n\n青山区科技局介绍，{numbers}。\n", encoding="utf-8")
    report = built(project)
    assert "a story of 20,000 sentences, over the limit of 300 sentences or 30,000 characters: sentences s301–s20000; skipped" in problem(report, "repeat.txt").reason
    assert "a sentence of 100,000 characters, over the limit of 1,000: its last 99,000; skipped" in problem(report, "run.txt").reason
    assert "over the limit of 1,000" in problem(report, "numbers.txt").reason
    stories = {a.source_file: a.stories[0] for a in report.articles}
    assert len(stories["repeat.txt"].sentences) == 300
    assert [len(s.text) for s in stories["run.txt"].sentences] == [1000]
    assert {p.story for p in report.skipped} == {"repeat-1", "run-1", "numbers-1"}
    assert {m.source.story for e in report.kb.entities for m in e.mentions} >= {"repeat-1"}  # what was kept is analysed


def test_this_year_without_a_year_builds(project):
    (project / "seeds" / "no_year.txt").write_text(
        "青山区科技创新稳步推进\n\n今年一季度，青山区高新技术企业数量同比增长12.5%，科技型中小企业新增36家。\n\n"
        "青山区科技局介绍，今年以来全区围绕科技创新持续发力，高新技术产业增加值占GDP比重达到18.6%。\n",
        encoding="utf-8",
    )
    report = built(project)
    assert report.problems == []
    assert '"value_text": "12.5%"' in (project / "docs" / "data" / "kb.json").read_text(encoding="utf-8")


def test_summary_lists_what_was_skipped_and_strict_fails(project):
    (project / "seeds" / "empty.txt").write_bytes(b"")
    command = [sys.executable, "-m", "newswiki", "build", "--no-cache", "--seeds", str(project / "seeds"), "--docs", str(project / "docs")]
    lenient = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert lenient.returncode == 0, lenient.stderr
    assert "skipped: 1 files, 0 stories" in lenient.stderr and "  error: empty.txt: file is empty; skipped" in lenient.stderr
    strict = subprocess.run([*command, "--strict"], capture_output=True, text=True, cwd=ROOT)
    assert strict.returncode == 1 and "error: --strict: 1 inputs were skipped" in strict.stderr
    (project / "seeds" / GOOD).unlink()
    nothing = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert nothing.returncode == 1 and "nothing was published" in nothing.stderr


# --- the docs/ swap --------------------------------------------------------------------


def page(body: str) -> str:
    return f"---\ngenerator: newswiki\n---\n\n{body}\n"


OLD = {
    "index.md": page("旧首页"), "platforms/a.md": page("a1"), "platforms/b.md": page("b1"),
    "sources/s1.md": page("s1"), "data/kb.json": "{}", "data/kb.sqlite": b"old",
}
NEW = {
    "index.md": page("新首页"), "platforms/a.md": page("a2"), "platforms/c.md": page("c2"), "sources/s1.md": page("s1 新"),
    "sources/s2.md": page("s2"), "data/kb.json": '{"v": 2}', "data/kb.sqlite": b"new", "timeline/index.md": page("t"),
}
HAND = {"about.md": "# 关于\n", "platforms/notes.md": "# 平台笔记\n", "sources/my-notes.md": "# 我的笔记\n"}


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def docs_with(folder: Path, files: dict) -> Path:
    docs = folder / "docs"
    writer.write_docs(docs, files)
    for rel, text in HAND.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    return docs


def killed(docs: Path, files: dict, step: int | None) -> None:
    """Run a write in a child process that is killed (SIGKILL) just before its ``step``-th
    rename, or with ``step=None`` just after the commit."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            calls = [0]
            real = writer._move

            def move(src, dst):
                if calls[0] == step:
                    os.kill(os.getpid(), signal.SIGKILL)
                calls[0] += 1
                real(src, dst)

            writer._move = move
            if step is None:
                writer._discard = lambda staging: os.kill(os.getpid(), signal.SIGKILL)
            writer.write_docs(docs, files)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def test_a_kill_or_a_failure_at_any_step_of_the_swap_loses_no_page(tmp_path, monkeypatch):
    before = tree(docs_with(tmp_path / "before", OLD))
    writer.write_docs(docs_with(tmp_path / "after", OLD), NEW)
    after = tree(tmp_path / "after" / "docs")
    hand = {rel: before[rel] for rel in HAND}
    steps = []

    def counted(src, dst, real=writer._move):
        steps.append(dst)
        real(src, dst)

    def broken(*args):
        raise RuntimeError("swap failed")

    docs = docs_with(tmp_path / "count", OLD)
    monkeypatch.setattr(writer, "_move", counted)
    writer.write_docs(docs, NEW)
    monkeypatch.undo()
    assert len(steps) == 15  # 8 pages in (6 with an old version out first), 1 stale out, the manifest

    for step in [*range(len(steps)), None]:
        docs = docs_with(tmp_path / f"kill-{step}", OLD)
        killed(docs, NEW, step)
        now = tree(docs)
        assert {rel: now.get(rel) for rel in HAND} == hand, step  # hand-written pages stay in place
        assert list(docs.parent.glob(".docs-staging-*")), step
        # the next write first rolls the killed one back: with its own swap failing, docs/ is as before
        with monkeypatch.context() as m:
            m.setattr(writer, "_swap", broken)
            with pytest.raises(RuntimeError):
                writer.write_docs(docs, NEW)
        assert tree(docs) == (after if step is None else before), step
        assert not list(docs.parent.glob(".docs-staging-*"))
        writer.write_docs(docs, NEW)
        assert tree(docs) == after, step

    for step in range(len(steps)):  # an error at any step is rolled back at once
        docs = docs_with(tmp_path / f"fail-{step}", OLD)
        calls = []

        def failing(src, dst, real=writer._move, step=step):
            calls.append(dst)
            if len(calls) == step + 1:
                raise PermissionError(f"cannot rename {src}")  # e.g. an immutable folder
            real(src, dst)

        monkeypatch.setattr(writer, "_move", failing)
        with pytest.raises(PermissionError):
            writer.write_docs(docs, NEW)
        monkeypatch.undo()
        assert tree(docs) == before and not list(docs.parent.glob(".docs-staging-*")), step


def test_two_builds_at_once_take_turns(project):
    docs = project / "docs"
    built(project)
    for rel, text in HAND.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
    hand = {rel: tree(docs)[rel] for rel in HAND}
    command = [sys.executable, "-m", "newswiki", "build", "--seeds", str(project / "seeds"), "--docs", str(docs), "--no-cache"]

    # a build that finds docs/ being written waits for it, and says so
    log = project / "waiting.log"
    fd = os.open(docs, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    with open(log, "w") as err:
        waiting = subprocess.Popen(command, stderr=err, cwd=ROOT)
        for _ in range(1200):
            if "waiting: another build is writing" in log.read_text() or waiting.poll() is not None:
                break
            time.sleep(0.1)
        assert waiting.poll() is None, log.read_text()
        os.close(fd)  # releases the lock
        assert waiting.wait(timeout=300) == 0, log.read_text()
    assert "waiting: another build is writing" in log.read_text()
    expected = tree(docs)
    assert {rel: expected.get(rel) for rel in HAND} == hand

    # two builds started together both succeed, one after the other; nothing is lost
    both = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(2)]
    for proc in both:
        assert proc.wait(timeout=300) == 0, proc.stderr.read()
    assert tree(docs) == expected
