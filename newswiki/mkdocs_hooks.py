"""mkdocs hook: the site search as a sharded index, so that a reader's browser loads
kilobytes for a query, not the whole site's text.

Material's search plugin still reads every page and segments its Chinese with jieba and
the user dictionary the build writes (``search.jieba_dict_user``). This hook takes each
page's entries from the plugin as they are made (Material's own ``search_index.json``
keeps only its configuration) and writes under ``search/``:

- ``index/<n>.json.gz``: one table sorted by key, cut into shards of a few kilobytes.
  The keys are the index terms and their suffixes of two characters or more, so a word
  at the start of a key is a word anywhere inside a term (中试验证基地 in
  武汉化工新材料中试验证基地). A key lists the pages holding it, with a weight (BM25's:
  how often, for the page's length) and whether in the page's title; a key that is a
  term itself is marked, for query segmentation.
- ``pages/<n>.json.gz``: a page's location, title and sentences (paragraphs and list
  items, not table cells), fetched only for the results shown.
- ``manifest.json.gz``: the first key of each shard, and each page's search boost.

``assets/javascripts/search-worker.js`` answers Material's search box from these files
(``overrides/main.html`` points Material at it). Overview pages (home, topic indexes)
get a search boost of 0.5: their long tables hold every name.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import unicodedata
from array import array
from collections import Counter
from pathlib import Path

FOLDER = "search"
SHARD_BYTES = 40_000  # JSON text of a shard before gzip (about 12 KB after)
PAGE_CHARS = 6_000  # sentences kept per page for its result's snippet
OVERVIEW_BOOST = 0.5
K1, B, LENGTH = 1.2, 0.75, 500  # BM25's saturation and length weight; LENGTH: a typical page's terms

_TAG = re.compile(r"<[^>]+>")
_TERM = re.compile(r"[\u3400-\u9fff]+|[0-9a-z]+(?:\.[0-9]+)*")  # as search-worker.js splits a query
_BLOCK = re.compile(r"<(p|li)>([\s\S]*?)</\1>")
_SENTENCE = re.compile(r"[^。！？]+[。！？]*")


def plain(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup)).replace("\u200b", "")


def terms(markup: str) -> list[str]:
    """Index terms: the words jieba cut (Material marks them with zero-width spaces),
    normalised as the query is (NFKC, lower case); one Chinese character is no term."""
    text = unicodedata.normalize("NFKC", html.unescape(_TAG.sub(" ", markup))).lower()
    found = (m.group() for word in re.split(r"[\s\u200b]+", text) for m in _TERM.finditer(word))
    return [t for t in found if len(t) > 1 or t.isascii()]


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    path.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))


def weight(count: int, length: int) -> int:
    """BM25's weight of a term ``count`` times in a page of ``length`` terms, as 1..255."""
    saturated = count * (K1 + 1) / (count + K1 * (1 - B + B * length / LENGTH))
    return max(1, round(255 * saturated / (K1 + 1)))


class ShardedIndex:
    """Postings per term as the pages come (one 32-bit number each: page, weight, in title)."""

    def __init__(self, site: Path) -> None:
        self.site = site / FOLDER
        self.postings: dict[str, array] = {}
        self.boosts: list[float] = []

    def add_page(self, entries: list[dict]) -> None:
        page = len(self.boosts)
        self.boosts.append(entries[0].get("boost", 1))
        counts: Counter[str] = Counter()
        for e in entries:
            counts.update(terms(e["title"]) + terms(e["text"]) + terms(" ".join(e.get("tags", []))))
        titled = set(terms(entries[0]["title"]))
        length = sum(counts.values())
        for term, n in counts.items():
            self.postings.setdefault(term, array("I")).append(page << 9 | weight(n, length) << 1 | (term in titled))
        sentences, size = [], 0
        for e in entries:
            for _, block in _BLOCK.findall(e["text"]):
                for s in _SENTENCE.findall(plain(block).strip()):
                    if size < PAGE_CHARS:
                        sentences.append(s)
                        size += len(s)
        _write(self.site / "pages" / f"{page}.json.gz", {"l": entries[0]["location"], "t": plain(entries[0]["title"]), "s": sentences})

    def write(self) -> None:
        """The shards and the manifest. A row: key, 1 if the key is a term, then pairs of
        (page, weight * 2 + in title), the pages as differences from the one before; a key
        inside several terms of a page sums their weights."""
        owners: dict[str, list[str]] = {}
        for term in self.postings:
            for i in range(max(1, len(term) - 1)):
                owners.setdefault(term[i:], []).append(term)
        firsts, rows, size = [], [], 0
        for key in sorted(owners):
            merged: dict[int, int] = {}
            for term in owners[key]:
                for p in self.postings[term]:
                    page, old = p >> 9, merged.get(p >> 9, 0)
                    merged[page] = min((old >> 1) + (p >> 1 & 255), 255) << 1 | (old | p) & 1
            row: list = [key, int(key in self.postings)]
            last = 0
            for page in sorted(merged):
                row += (page - last, merged[page])
                last = page
            rows.append(row)
            size += len(key) * 3 + 4 * len(row)
            if size >= SHARD_BYTES:
                firsts.append(rows[0][0])
                _write(self.site / "index" / f"{len(firsts) - 1}.json.gz", rows)
                rows, size = [], 0
        if rows:
            firsts.append(rows[0][0])
            _write(self.site / "index" / f"{len(firsts) - 1}.json.gz", rows)
        runs: list[list] = []
        for boost in self.boosts:
            if runs and runs[-1][0] == boost:
                runs[-1][1] += 1
            else:
                runs.append([boost, 1])
        _write(self.site / "manifest.json.gz", {"pages": len(self.boosts), "boost": runs, "shards": firsts})


_index: ShardedIndex | None = None


def on_pre_build(config, **_) -> None:
    global _index
    _index = ShardedIndex(Path(config["site_dir"]))


def on_page_markdown(markdown, page, **_):
    if page.meta.get("type") in ("home", "index") and "search" not in page.meta:
        page.meta["search"] = {"boost": OVERVIEW_BOOST}
    return markdown


def on_page_context(context, page, config, **_):
    """Runs after Material's search plugin has indexed the page: its entries move here."""
    entries = next(p for name, p in config.plugins.items() if name.endswith("search")).search_index.entries
    if entries:
        _index.add_page(entries)
        entries.clear()
    return context


def on_post_build(config, **_) -> None:
    _index.write()
