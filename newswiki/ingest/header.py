"""An optional metadata header at the top of a seed file (YAML front-matter):

    ---
    outlet: 长江日报
    date: 2026-03-31
    url: https://…
    author: …
    title: …
    ---

Only these keys are read; anything else, or a header that is not valid YAML, is
ignored with the whole header left out of the text.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

KEYS = ("outlet", "date", "url", "author", "title")
_HEADER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(metadata, text without the header)."""
    m = _HEADER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        data = None
    meta = {}
    for key in KEYS:
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, (str, int)) and str(value).strip():
            meta[key] = str(value).strip()
    if "date" in meta and not _ISO_DATE.match(meta["date"]):
        del meta["date"]
    return meta, text[m.end() :]
