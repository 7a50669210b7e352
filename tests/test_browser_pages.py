"""The policy finder and the table filters in a real browser (Debian's Chromium via
Playwright), on the seeds and the test corpus: several districts and a city's policy."""

from __future__ import annotations

import re
import shutil
from urllib.parse import unquote

import pytest

from .conftest import site_browser


@pytest.fixture(scope="module")
def wide(corpus_site):
    """The seeds and the test corpus: several districts, a city's policy."""
    project, _ = corpus_site
    with site_browser(project) as b:
        yield b


def matches(b) -> list[dict]:
    return b.page.locator(".kb-finder-results .kb-match").evaluate_all(
        """els => els.map(e => ({
            amount: e.querySelector('.kb-match-amount').textContent,
            condition: e.querySelector('.kb-match-condition').textContent,
            links: Array.from(e.querySelectorAll('a')).map(a => a.getAttribute('href')),
        }))"""
    )


def yuan(text: str) -> float:
    number = float(re.match(r"[\d.]+", text).group())
    return number * (10**8 if "亿" in text else 10**4 if "万" in text else 1)


def test_policy_finder_lists_what_a_firm_qualifies_for(wide):
    page = wide.page
    wide.open("finder/")
    assert "勾选企业情况" in page.locator(".kb-finder-summary").inner_text()
    assert not matches(wide)
    for profile in ("研发投入", "新获批平台", "算力"):
        page.get_by_label(profile, exact=True).check()
    page.locator(".kb-finder select").select_option("青山区")
    found = matches(wide)
    conditions = [m["condition"] for m in found]
    # the district's own provisions and the city's; another district's are left out
    assert "企业研发经费投入增量" in conditions and "新建智算中心项目" in conditions
    assert "企业购买智能算力服务" not in conditions
    amounts = [yuan(m["amount"]) for m in found]
    assert amounts == sorted(amounts, reverse=True) and amounts[0] == 10_000_000
    assert all(any("#s" in href for href in m["links"]) and any("policies/" in href for href in m["links"]) for m in found)
    assert "district=%E9%9D%92%E5%B1%B1%E5%8C%BA" in page.url or "district=青山区" in unquote(page.url)
    # the choice survives in the address: the same view opens from a link
    wide.open(page.url.removeprefix(wide.base))
    assert [m["condition"] for m in matches(wide)] == conditions

    page.locator(".kb-finder select").select_option("东湖高新区")
    assert "企业购买智能算力服务" in [m["condition"] for m in matches(wide)]
    assert "企业研发经费投入增量" not in [m["condition"] for m in matches(wide)]

    # a citation lands on the sentence it quotes
    page.locator(".kb-finder select").select_option("青山区")
    card = page.locator(".kb-match", has_text="企业研发经费投入增量")
    card.locator("a[href*='#s']").click()
    page.wait_for_load_state("networkidle")
    anchor = page.url.split("#")[1]
    sentence = page.locator(f"#{anchor}")
    assert "研发" in sentence.inner_text() and sentence.evaluate("el => el.matches(':target')")


def test_policy_finder_shows_article_text_as_text(corpus_site, wide):
    """Text from articles is set as text: markup in a condition stays visible characters."""
    project, _ = corpus_site
    index = project / "site" / "finder" / "index.html"
    shutil.copy(index, index.with_name("escape.html"))
    html = index.with_name("escape.html").read_text(encoding="utf-8")
    evil = "<img src=x onerror=window.__hit=1>新认定国家级孵化器"
    html = html.replace("新认定国家级孵化器", evil.replace("<", "\\u003c").replace(">", "\\u003e"), 1)
    index.with_name("escape.html").write_text(html, encoding="utf-8")
    wide.open("finder/escape.html?profile=孵化器")
    assert evil in [m["condition"] for m in matches(wide)]
    assert wide.page.locator(".kb-finder img").count() == 0
    assert wide.page.evaluate("() => window.__hit") is None


def visible_markers(b, key: str) -> list[str]:
    return b.page.locator("article tr:not([hidden]) .kb-row").evaluate_all(f"els => els.map(e => e.dataset.{key})")


def test_metrics_index_filters_by_district_period_and_group(wide):
    page = wide.page
    wide.open("metrics/")
    total = len(visible_markers(wide, "owner"))
    page.locator("select[data-filter=owner]").select_option("江夏区")
    owners = visible_markers(wide, "owner")
    assert owners and set(owners) == {"江夏区"} and len(owners) < total
    assert page.locator(".kb-filter-count").inner_text() == f"显示 {len(owners)} / {total} 条"
    # a group without a row of the district is hidden with its heading
    hidden = page.locator("article h2[hidden]").count()
    assert hidden >= 1
    assert "owner=" in page.url
    wide.open(page.url.removeprefix(wide.base))
    assert page.locator("select[data-filter=owner]").input_value() == "江夏区"
    assert visible_markers(wide, "owner") == owners
    page.locator("select[data-filter=owner]").select_option("")
    page.locator("select[data-filter=period]").select_option("2025")
    page.locator("select[data-filter=group]").select_option("count")
    assert set(visible_markers(wide, "period")) == {"2025"} and set(visible_markers(wide, "group")) == {"count"}


def test_policies_index_filters_by_issuer_level_and_year(wide):
    page = wide.page
    wide.open("policies/")
    page.locator("select[data-filter=level]").select_option("市")
    assert visible_markers(wide, "issuer") == ["武汉市"]
    page.locator("select[data-filter=level]").select_option("")
    page.locator("select[data-filter=issuer]").select_option("东湖高新区")
    assert set(visible_markers(wide, "issuer")) == {"东湖高新区"} and len(visible_markers(wide, "issuer")) >= 2
    page.locator("select[data-filter=issuer]").select_option("")
    page.locator("select[data-filter=year]").select_option("2026")
    assert all("2026" in y.split("|") for y in visible_markers(wide, "year"))
