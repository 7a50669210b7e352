"""Drive the built site in a real browser: Debian's Chromium through Playwright.

Used by the browser tests and by ``python -m newswiki search-eval``. Serves
``site/`` on 127.0.0.1 and refuses every request that would leave it.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]
RESULTS = ".md-search-result__item > .md-search-result__link"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free localhost port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Browser:
    base: str
    page: object
    outside: list[str] = field(default_factory=list)  # requests that tried to leave localhost
    console_errors: list[str] = field(default_factory=list)
    fetched: list[tuple[str, int]] = field(default_factory=list)  # (site path, bytes received) of each request

    def search_bytes(self, since: int = 0) -> int:
        """Bytes the search has fetched since request number ``since``: its scripts (a file
        named for search, lunr) and its index (search/, or Pagefind's pagefind/)."""
        return sum(
            n for path, n in self.fetched[since:]
            if path.startswith(("search/", "pagefind/", "assets/javascripts/lunr/")) or "search" in path.rsplit("/", 1)[-1]
        )

    def open(self, path: str = "") -> None:
        self.page.goto(self.base + path.lstrip("/"))
        self.page.wait_for_load_state("networkidle")

    def search(self, query: str, top: int = 5) -> list[str]:
        """Type ``query`` into the search box; the first ``top`` distinct result pages."""
        page = self.page
        box = page.locator("input.md-search__input")
        box.click()
        # forget the previous answer, so that only the worker's reply to this query counts
        page.evaluate(
            "() => { document.querySelector('.md-search-result__list').innerHTML = '';"
            " document.querySelector('.md-search-result__meta').textContent = ''; }"
        )
        box.fill(query)
        box.press("End")  # Material listens for keyup
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
        links = page.locator(RESULTS).evaluate_all("els => els.map(e => e.getAttribute('href'))")
        paths = list(dict.fromkeys(self.site_path(h) for h in links))
        box.fill("")
        page.keyboard.press("Escape")
        return paths[:top]

    def site_path(self, href: str) -> str:
        path = unquote(urlparse(href if "://" in href else self.base + href).path)
        return path.strip("/").removesuffix("index.html").strip("/")


@contextmanager
def browser(site: Path) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        b = Browser(base, context.new_page())

        def route(r) -> None:
            if r.request.url.startswith(base) or r.request.url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                b.outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        b.page.on("console", lambda m: m.type == "error" and b.console_errors.append(m.text))
        b.page.on("requestfinished", lambda r: b.fetched.append((b.site_path(r.url), _received(r))))
        b.page.on("pageerror", lambda e: b.console_errors.append(str(e)))
        try:
            yield b
        finally:
            chromium.close()


def _received(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def search_report(site: Path, queries: Path) -> str:
    """hit@5 of ``queries`` typed into the site's search box, the misses, the size of the
    search index and what the browser fetched for the queries."""
    import yaml

    cases = yaml.safe_load(queries.read_text(encoding="utf-8"))
    misses, fetched = [], []
    with browser(site) as b:
        b.open()
        for case in cases:
            before = len(b.fetched)
            top = b.search(case["query"])
            fetched.append(b.search_bytes(before))
            if case["page"] not in top:
                misses.append(f"  miss: {case['query']} -> expected {case['page']}, got {top}")
        opened = b.search_bytes()
    index = [f for f in (site / "search").rglob("*") if f.is_file()]
    fetched.sort()
    lines = [
        f"hit@5: {1 - len(misses) / len(cases):.3f} ({len(cases) - len(misses)}/{len(cases)} queries)",
        *misses,
        f"search/: {sum(f.stat().st_size for f in index):,} bytes in {len(index)} files "
        f"({len(list((site / 'search' / 'index').glob('*')))} shards, {len(list((site / 'search' / 'pages').glob('*')))} pages)",
        f"fetched by the search: {opened:,} bytes for the {len(cases)} queries in one page; "
        f"per query (beyond what earlier ones loaded) median {fetched[len(fetched) // 2]:,}, largest {fetched[-1]:,}",
        f"requests that tried to leave localhost: {len(b.outside)}; console errors: {len(b.console_errors)}",
    ]
    return "\n".join(lines)
