"""mkdocs hook for the search index.

- Publishes the index's vocabulary: ``assets/javascripts/search-query.js``
  splits what a reader types into words of it, i.e. exactly the tokens jieba
  produced when the index was built, so that query words and index terms line up.
- Ranks overview pages (home, topic indexes) below entity and source pages: their
  long tables hold every name, so without a lower boost they outrank the page about it.
- Rewrites the index as UTF-8 JSON: Material escapes every Chinese character
  as ``\\uXXXX`` (six bytes instead of three). The content is unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

VOCABULARY = "search/vocabulary.json"
_HAN = re.compile(r"[\u3400-\u9fff]")


def vocabulary(index: dict) -> list[str]:
    """Index terms that contain Chinese, as lunr would see them (lower-cased),
    single characters included: the query script needs to know them too."""
    separator = re.compile(index["config"]["separator"])
    terms = set()
    for doc in index["docs"]:
        for field in ("title", "text"):
            for term in separator.split(re.sub(r"<[^>]+>", "", doc.get(field) or "")):
                if _HAN.search(term):
                    terms.add(term.lower())
    return sorted(terms)


OVERVIEW_BOOST = 0.5


def on_page_markdown(markdown, page, **_):
    if page.meta.get("type") in ("home", "index") and "search" not in page.meta:
        page.meta["search"] = {"boost": OVERVIEW_BOOST}
    return markdown


def on_post_build(config, **_) -> None:
    site = Path(config["site_dir"])
    index_file = site / "search" / "search_index.json"
    if index_file.exists():
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        (site / VOCABULARY).write_text(json.dumps(vocabulary(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
