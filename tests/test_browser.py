"""The built site in a real browser (Debian's Chromium via Playwright), served on localhost."""

from __future__ import annotations

import pytest
import yaml

from newswiki.browse import browser

from .conftest import ROOT

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))
HIT_AT_5 = 0.95


@pytest.fixture(scope="module")
def web(site):
    project, _ = site
    with browser(project / "site") as b:
        b.open()
        yield b
    assert not b.outside, f"requests left localhost: {b.outside}"


def test_query_set_is_realistic_and_large_enough():
    assert len(QUERIES) >= 40
    kinds = {q["page"].split("/")[0] for q in QUERIES}
    assert {"platforms", "organisations", "policies", "projects", "metrics", "sources"} <= kinds
    assert any(c.isdigit() for q in QUERIES for c in q["query"]) and any(c.isascii() and c.isalpha() for q in QUERIES for c in q["query"])


def test_search_finds_what_readers_type(web):
    misses = []
    for q in QUERIES:
        top = web.search(q["query"])
        if q["page"] not in top:
            misses.append((q["query"], q["page"], top))
    hit = 1 - len(misses) / len(QUERIES)
    print(f"\nhit@5 = {hit:.3f} ({len(QUERIES) - len(misses)}/{len(QUERIES)}); misses: {misses}")
    assert hit >= HIT_AT_5, misses


def test_a_query_fetches_a_few_shards_not_the_index(web, site):
    """The search loads the shards a query's words are in and the pages it shows."""
    project, _ = site
    index = project / "site" / "search"
    assert len(list((index / "index").glob("*.json.gz"))) > 3
    whole = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
    web.open()
    before = len(web.fetched)
    web.search("光化院")
    shards = [path for path, _ in web.fetched[before:] if path.startswith("search/index/")]
    assert 0 < len(shards) <= 2
    assert web.search_bytes(before) < whole / 4


def test_search_highlights_matches(web):
    web.search("光化院")  # results are cleared after reading; search again and keep them open
    box = web.page.locator("input.md-search__input")
    box.click()
    box.fill("光化院")
    box.press("End")
    web.page.wait_for_selector(".md-search-result__item mark")
    assert "光化院" in web.page.locator(".md-search-result__item mark").all_inner_texts()
    web.page.keyboard.press("Escape")


def test_home_and_every_topic_open(web):
    web.open()
    assert web.page.locator("article h1").first.inner_text().rstrip("¶") == "武汉创新与产业政策知识库"
    tabs = web.page.locator(".md-tabs__link").evaluate_all("els => els.map(e => [e.textContent.trim(), e.href])")
    assert len(tabs) >= 8
    for label, href in tabs:
        response = web.page.goto(href)
        assert response.ok, (label, href)
        assert web.page.locator("article h1").count() == 1, label
    assert not web.console_errors, web.console_errors


def test_citation_lands_on_the_quoted_sentence(web):
    web.open("platforms/武汉光化学技术研究院/")
    link = web.page.locator("article sup a").first
    href = link.get_attribute("href")
    link.click()
    web.page.wait_for_load_state("networkidle")
    anchor = href.split("#")[1]
    assert web.page.url.endswith("#" + anchor)
    sentence = web.page.locator(f"#{anchor}")
    assert "武汉光化学技术研究院" in sentence.inner_text()
    assert sentence.evaluate("el => el.matches(':target')")
    box = sentence.bounding_box()
    assert box and 0 <= box["y"] < web.page.viewport_size["height"]


def test_metrics_table_sorts_and_timeline_renders(web, tmp_path):
    web.open("metrics/")
    table = web.page.locator("article table").first
    cells = lambda: table.locator("tbody tr td:nth-child(2) span").evaluate_all("els => els.map(e => +e.dataset.v)")
    table.locator("th").nth(1).click()
    assert cells() == sorted(cells())
    table.locator("th").nth(1).click()
    assert cells() == sorted(cells(), reverse=True)
    web.page.screenshot(path=str(tmp_path / "metrics.png"), full_page=True)
    web.open("timeline/")
    assert web.page.locator("article li").count() >= 20
    web.page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)
    assert (tmp_path / "metrics.png").stat().st_size > 10_000 and not web.console_errors
