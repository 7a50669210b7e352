"""Screenshots of the built site as a reader meets it, desktop (1280 px) and phone (390 px)
wide: the policy finder with a firm's profile and its matches, the metrics index filtered
to one district, a chart, a district page, a source page with its outlet and date, and a
search. The browser tests make them into
``screenshots/`` (shown in the README) when ``UPDATE_SCREENSHOTS=1``; by hand:
``python -m tests.screenshots --site site --out screenshots``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newswiki.browse import Browser, browser

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
SEARCH = "高新技术企业 数量"
# name, page, what to show: "page" (all of it), "top" (the first screen) or a selector scrolled to the top
VIEWS = (
    ("finder", "finder/?district=青山区&profile=研发投入,新获批平台,技术合同", "page"),
    ("metrics-district", "metrics/?owner=青山区", "top"),
    ("chart", "districts/青山区/", "article img[src$='.svg']"),
    ("district", "districts/青山区/", "top"),
    ("source", "sources/004_0c3dd1ea17114754-1/", "top"),  # a story with its outlet and date
)


def search(b: Browser, query: str) -> None:
    """Open the search (on a phone it hides behind an icon), type, wait for the results."""
    page = b.page
    page.evaluate("() => { const t = document.getElementById('__search'); t.checked = true; t.dispatchEvent(new Event('change')); }")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(300)  # the list renders in chunks


def capture(b: Browser, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for device, (width, height) in WIDTHS.items():
        b.page.set_viewport_size({"width": width, "height": height})
        for name, path, show in VIEWS:
            b.open(path)
            if show not in ("page", "top"):
                b.page.locator(show).first.evaluate("el => el.scrollIntoView({block: 'start'})")
                b.page.evaluate("() => window.scrollBy(0, -80)")  # below the sticky header
            made.append(out / f"{name}-{device}.png")
            b.page.screenshot(path=str(made[-1]), full_page=show == "page")
        b.open()
        search(b, SEARCH)
        made.append(out / f"search-{device}.png")
        b.page.screenshot(path=str(made[-1]))
    b.page.set_viewport_size({"width": WIDTHS["desktop"][0], "height": WIDTHS["desktop"][1]})
    return made


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.screenshots", description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    with browser(args.site) as b:
        for path in capture(b, args.out):
            print(path)


if __name__ == "__main__":
    main()
