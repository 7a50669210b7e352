"""A collective event ("15个项目集中开工，总投资126亿元；其中…") is one page with its count, total,
breakdown and the projects the story lists, and its figures' pages link to it."""

from __future__ import annotations

import pytest

from newswiki.build import build

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "corpus"


def test_groundbreaking_is_one_event_with_its_projects(corpus_site):
    project, _ = corpus_site
    docs = project / "docs"
    [page] = [p for p in (docs / "events").glob("*.md") if "蔡甸区" in p.name]
    text = page.read_text(encoding="utf-8")
    assert "# 蔡甸区 2025-03-18 项目集中开工" in text
    assert "| 合计 | [15个](../metrics/" in text and "[126亿元](../metrics/" in text
    assert "[武汉华中智能装备产业园项目](../projects/" in text  # a project the story names for the event
    assert "#s1" in text  # cited to the sentence
    metric = (docs / "metrics" / "蔡甸区-集中开工项目.md").read_text(encoding="utf-8")
    assert f"]({'../events/' + page.name})" in metric  # the figure's page links its event
    index = (docs / "events" / "index.md").read_text(encoding="utf-8")
    assert page.name in index
    assert (project / "site" / "events" / page.stem / "index.html").is_file()


def test_breakdown_rows_keep_count_and_amount(tmp_path):
    """新洲区: 13 projects, 133.2亿元; 5 advanced-manufacturing projects with 16.1亿元 … (real
    article of ../shared/corpus; skipped without it)."""
    article = SHARED / "b01_xinzhou_projects.txt"
    if not article.is_file():
        pytest.skip("../shared/corpus is absent")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / article.name).write_bytes(article.read_bytes())
    build(seeds, tmp_path / "docs")
    [page] = [p for p in (tmp_path / "docs" / "events").glob("*.md") if p.name != "index.md"]
    text = page.read_text(encoding="utf-8")
    assert "[13个](" in text and "[133.2亿元](" in text
    row = next(line for line in text.splitlines() if line.startswith("| 先进制造业项目 |"))
    assert "[5个](" in row and "[16.1亿元](" in row
    assert page.name.startswith("新洲区")
