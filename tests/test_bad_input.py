"""Bad seed files: each gets one clear message naming it; the rest still builds."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from newswiki.build import build
from newswiki.ingest import ingest_dir

from .conftest import SEEDS, make_project, mkdocs_build

GOOD = "002_497299743b382229.txt"


@pytest.fixture()
def seeds(tmp_path):
    d = tmp_path / "seeds"
    d.mkdir()
    shutil.copy(SEEDS / GOOD, d / GOOD)
    return d


def sentences_of(articles):
    return [[x.text for x in s.sentences] for a in articles for s in a.stories]


def reference():
    return sentences_of(ingest_dir(SEEDS)[0][2:3])


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\r\n\t\n", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 500, "binary"),
        ("latin.txt", "plain English text only.\n".encode(), "no Chinese text"),
    ],
)
def test_unusable_file_is_named_and_skipped(seeds, name, data, reason):
    (seeds / name).write_bytes(data)
    articles, problems = ingest_dir(seeds)
    assert [a.source_file for a in articles] == [GOOD]
    [problem] = problems
    assert problem.source_file == name and problem.level == "error" and reason in problem.reason
    assert name in str(problem)


@pytest.mark.parametrize(
    "name, encode",
    [
        ("gbk.txt", lambda t: t.encode("gbk")),
        ("bom.txt", lambda t: b"\xef\xbb\xbf" + t.encode()),
        ("crlf.txt", lambda t: t.replace("\n", "\r\n").encode()),
        ("cr.txt", lambda t: t.replace("\n", "\r").encode()),
    ],
)
def test_encodings_and_line_ends_give_the_same_stories(tmp_path, name, encode):
    text = (SEEDS / GOOD).read_text(encoding="utf-8")
    d = tmp_path / "only"
    d.mkdir()
    (d / name).write_bytes(encode(text))
    articles, problems = ingest_dir(d)
    assert sentences_of(articles) == reference()
    if name == "gbk.txt":
        assert [(p.source_file, p.level) for p in problems] == [(name, "warning")]
        assert "GB18030" in problems[0].reason
    else:
        assert problems == []


def test_duplicate_file_under_new_name_is_skipped(seeds):
    text = (seeds / GOOD).read_text(encoding="utf-8")
    (seeds / "zz_copy.txt").write_text(text.replace("\n", "\r\n").replace("，", ","), encoding="utf-8")
    articles, problems = ingest_dir(seeds)
    assert len(articles) == 1
    assert problems[0].source_file == "zz_copy.txt" and GOOD in problems[0].reason


def test_markup_in_article_text_is_rendered_as_text(tmp_path):
    project = make_project(tmp_path, seeds=SEEDS)
    evil = (
        "<script>alert('x')</script>标题：青山区**发布**政策 # 一\n\n"
        "青山区科技局发布<b>新政</b>，[点击](javascript:alert(1)) 支持企业创新，"
        "产业园区投资`10`亿元 --- | 表格 | {: #id }。\n\n"
        "---\ntitle: 伪造\n---\n"
    )
    (project / "seeds" / "evil.txt").write_text(evil, encoding="utf-8")
    build(project / "seeds", project / "docs")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    html = next((project / "site" / "sources").glob("evil-*/index.html")).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>" not in html and "<strong>" not in html
    assert 'href="javascript' not in html and 'id="id"' not in html
    shown = html_text("".join(re.findall(r'<span class="kb-s" id="s\d+">(.*?)</span>', html)))
    for literal in ("<script>alert('x')</script>", "<b>新政</b>", "**发布**", "[点击](javascript:alert(1))", "`10`", "{: #id }"):
        assert literal in shown


def html_text(fragment: str) -> str:
    assert "<" not in fragment  # no element inside a sentence
    return html.unescape(fragment)


def test_awkward_files_build_and_big_files_are_named(tmp_path):
    project = make_project(tmp_path)
    seeds = project / "seeds"
    body = "\n\n青山区科技局发布政策，支持企业创新，新建产业园区投资10亿元。\n"
    (seeds / "big.txt").write_bytes(("青山区企业创新。" * 230_000).encode())  # ~5 MB
    (seeds / "yaml.txt").write_text('标题: "引号" \'单引号\' --- #井号 : 冒号' + body, encoding="utf-8")
    (seeds / "same title a.txt").write_text("青山区发布新政" + body, encoding="utf-8")
    (seeds / "青山 新闻.txt").write_text("青山区发布新政" + body.replace("10亿元", "12亿元"), encoding="utf-8")
    report = build(seeds, project / "docs")

    [big] = [p for p in report.problems if p.source_file == "big.txt"]
    assert big.level == "error" and "MB" in big.reason and "big.txt" in str(big)
    assert {a.source_file for a in report.articles} >= {"yaml.txt", "same title a.txt", "青山 新闻.txt"}
    assert (seeds / "big.txt").exists()  # nothing is deleted

    pages = {s.source_file: project / "docs" / "sources" / f"{s.id}.md" for a in report.articles for s in a.stories}
    assert len(set(pages.values())) == len(pages)  # same titles, different pages
    import yaml

    meta = yaml.safe_load(pages["yaml.txt"].read_text(encoding="utf-8").split("---\n")[1])
    assert html.unescape(meta["title"]) == '标题: "引号" \'单引号\' --- #井号 : 冒号'
    for name in ("same title a.txt", "青山 新闻.txt"):
        assert re.fullmatch(r"[a-z0-9_-]+", pages[name].stem), pages[name].stem
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
