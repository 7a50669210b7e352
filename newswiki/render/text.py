"""Markdown primitives: escaping article text, front-matter, links."""

from __future__ import annotations

import html
import posixpath

import yaml

GENERATOR = "newswiki"  # front-matter marker of generated pages
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: same output, far faster

# Characters that Markdown, its extensions or HTML could read as syntax.
_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_[]{}<>&|~^#"}
_MD_TABLE = str.maketrans({**_MD_SPECIAL, "\n": " "})


def md_text(text: str) -> str:
    """Article text as inert Markdown: every syntax character becomes an entity."""
    return text.translate(str.maketrans(_MD_SPECIAL))


def md_cell(text: str) -> str:
    """Text for a table cell (no line breaks, no pipes)."""
    return text.translate(_MD_TABLE)


def front_matter(meta: dict) -> str:
    """YAML front-matter. ``title`` is HTML-escaped: themes print it unescaped."""
    if "title" in meta:
        meta = {**meta, "title": html.escape(meta["title"], quote=False)}
    body = yaml.dump({"generator": GENERATOR, **meta}, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n\n"


def is_generated(markdown: str) -> bool:
    """Was this page written by the build (and so may be replaced by it)?"""
    head = markdown[:400]
    return head.startswith("---\n") and f"\ngenerator: {GENERATOR}\n" in head


def rel_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link between two docs-relative page paths, e.g. ``sources/a.md``."""
    rel = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def link(label: str, from_page: str, to_page: str, anchor: str = "") -> str:
    return f"[{md_text(label)}]({rel_link(from_page, to_page, anchor)})"
