"""What a reader meets on the real seeds' site in a real browser: search that forgives,
tables that fit a phone, and the README's screenshots."""

from __future__ import annotations

import os

import pytest

from . import screenshots
from .conftest import ROOT, site_browser

PHONE = 390


@pytest.fixture(scope="module")
def web(site):
    project, _ = site
    with site_browser(project) as b:
        yield b


def results(b, query: str) -> list[dict]:
    """Type a query and read each result: page, snippet and the words marked missing."""
    screenshots.search(b, query)
    out = b.page.locator(".md-search-result__item").evaluate_all(
        """els => els.map(e => ({
            href: e.querySelector('a').getAttribute('href'),
            text: e.querySelector('article').innerText.replace(/\u200b/g, ''),
            missing: Array.from(e.querySelectorAll('.md-search-result__terms del')).map(d => d.textContent),
        }))"""
    )
    b.page.keyboard.press("Escape")
    return out


def test_search_forgives_and_shows_sentences(web):
    web.open()
    found = results(web, "高新技术企业 数量")
    assert len(found) >= 5, "words on different pages still find pages"
    top = found[0]
    assert web.site_path(top["href"]).startswith("metrics/青山区-高新技术企业"), "the entity page ranks above the index"
    assert "459家" in top["text"] and "。" in top["text"] and "属性" not in top["text"] and not top["missing"]
    assert all(f["missing"] in ([], ["高新技术企业"], ["数量"]) for f in found)

    found = results(web, "若干措施 奖励")
    assert web.site_path(found[0]["href"]).startswith("policies/")
    assert all("若干措施" not in f["missing"] for f in found if "若干措施" in f["text"])


PHONE_PAGES = ("metrics/", "districts/青山区/", "policies/", "policies/进一步促进青山区科技创新发展的若干措施/",
               "sources/", "platforms/", "conflicts/", "projects/", "finder/?district=青山区&profile=研发投入")


def test_on_a_phone_no_table_hides_its_last_column(web):
    web.page.set_viewport_size({"width": PHONE, "height": 844})
    try:
        for path in PHONE_PAGES:
            web.open(path)
            assert web.page.evaluate("() => document.documentElement.scrollWidth") <= PHONE, path
            rights = web.page.locator("article table").evaluate_all(
                "ts => ts.filter(t => t.offsetParent).map(t => t.rows[0].lastElementChild.getBoundingClientRect().right)"
            )
            assert all(r <= PHONE for r in rights), (path, rights)
    finally:
        web.page.set_viewport_size({"width": 1280, "height": 900})


def test_screenshots_for_the_readme(web, tmp_path):
    # the README's copies are rewritten only when asked: UPDATE_SCREENSHOTS=1 make test
    out = ROOT / "screenshots" if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    made = screenshots.capture(web, out)
    assert len(made) == 2 * (len(screenshots.VIEWS) + 1)
    for path in made:
        png = path.read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000, f"{path.name} shows a page"
        assert int.from_bytes(png[16:20], "big") == (PHONE if path.stem.endswith("phone") else 1280), path
