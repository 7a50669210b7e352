"""A site in Chinese: no English where a reader looks; a quiet build; installs split by need."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

from .conftest import ROOT

# what Material and the toc extension print in English unless told otherwise
PHRASES = ("Made with", "Material for MkDocs", "Permanent link", "Not found")
READER_ATTRS = ("title", "aria-label", "placeholder", "alt")
_WORD = re.compile(r"[A-Za-z]{3,}")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_FILE_NAME = re.compile(r"^[\w.-]+\.txt$")  # a seed's name, shown as the source file


class _Visible(HTMLParser):
    """Text and reader-facing attributes of a page that hold English words and no Chinese."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.english: list[str] = []

    def _check(self, text: str) -> None:
        text = text.strip()
        if _WORD.search(text) and not _HAN.search(text) and not _FILE_NAME.match(text):
            self.english.append(text)

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "svg")
        for name, value in attrs:
            if name in READER_ATTRS and value:
                self._check(value)

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "svg")

    def handle_data(self, data):
        if not self.hidden:
            self._check(data)


def english_strings(site_dir) -> dict[str, int]:
    """Occurrences of each English phrase in the built site's pages."""
    pages = [p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")]
    return {phrase: sum(page.count(phrase) for page in pages) for phrase in PHRASES}


def test_no_english_where_a_reader_looks(site):
    project, _ = site
    root = project / "site"
    assert english_strings(root) == dict.fromkeys(PHRASES, 0)
    found: set[str] = set()
    for page in root.rglob("*.html"):
        parser = _Visible()
        parser.feed(page.read_text(encoding="utf-8"))
        found.update(parser.english)
    assert not found, sorted(found)[:20]


def test_404_page_and_permalinks_speak_chinese(site):
    project, _ = site
    missing = (project / "site" / "404.html").read_text(encoding="utf-8")
    assert "页面不存在" in missing and "首页" in missing
    story = (project / "site" / "sources" / "004_0c3dd1ea17114754-1" / "index.html").read_text(encoding="utf-8")
    assert 'class="headerlink"' in story and 'title="本段链接"' in story


def test_build_prints_no_list_of_pages_left_out_of_the_nav(site):
    project, _ = site
    log = (project / "mkdocs.log").read_text(encoding="utf-8")
    assert "not included in the" not in log and "  - sources/" not in log
    assert len(log.splitlines()) < 20


def test_site_installs_what_it_needs_and_tests_add_their_tools(tmp_path):
    def commands(target: str) -> str:
        run = subprocess.run(["make", "-n", target, f"VENV={tmp_path}/venv"], cwd=ROOT, capture_output=True, text=True, check=True)
        return run.stdout

    site, test = commands("site"), commands("test")
    assert "pip install --quiet -e .\n" in site and "[test]" not in site
    assert "-e '.[test]'" in test
