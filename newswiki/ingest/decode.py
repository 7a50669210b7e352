"""Bytes -> text: UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030 fallback.

A few invalid bytes are replaced (U+FFFD) with a warning naming their line and
byte, instead of losing the file. Line ends are unified, and invisible
characters (control, zero-width, bidi overrides) are removed before analysis:
they would cut names (武汉‍科技大学) or reorder a page's text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

MAX_INVALID = 10  # invalid sequences tolerated (and at most one per 100 non-ASCII bytes)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_LINE_END = re.compile("\r\n|[\n\r\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")
_ASCII = bytes(range(0x80))


class SourceError(Exception):
    """A file that cannot be used; the message says why."""


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Return ``(text, encoding, warnings)``; raise SourceError for empty, binary or unreadable input."""
    if not data.strip():
        raise SourceError("file is empty")
    bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", "utf-8"))
    if not encoding.startswith("utf-16") and b"\x00" in data:
        raise SourceError("binary file (contains NUL bytes)")
    text, bad = _decode(data, len(bom), encoding)
    if text is None and not bom:
        encoding = "gb18030"
        text, bad = _decode(data, 0, encoding)
    if text is None:
        offset, line = bad[0]
        name = encoding.upper() if bom else "UTF-8 or GB18030"
        raise SourceError(f"not {name} text (too many invalid bytes, the first at line {line}, byte offset {offset})")
    warnings = []
    if bad:
        where = ", ".join(f"line {line} (byte offset {offset})" for offset, line in bad)
        warnings.append(f"{len(bad)} invalid {encoding} byte sequence(s) replaced with U+FFFD: {where}")
    text = _LINE_END.sub("\n", text)
    if not text.replace("\n", "").replace("\t", "").isprintable():  # else nothing to find: fast
        if len(_CONTROL.findall(text)) > 0.01 * len(text):
            raise SourceError("binary file (control characters in the text)")
        text, removed = _invisible().subn("", text)
        if removed:
            warnings.append(f"{removed} invisible character(s) removed (control, zero-width or bidi)")
    if not any("\u4e00" <= c <= "\u9fff" for c in text):
        raise SourceError("no Chinese text found")
    return text, encoding, warnings


def _decode(data: bytes, start: int, encoding: str) -> tuple[str | None, list[tuple[int, int]]]:
    """``data[start:]`` decoded, invalid sequences as U+FFFD, with their (byte offset, line);
    the text is None when there are too many of them for this to be the file's encoding."""
    allowed = min(MAX_INVALID, max(1, len(data.translate(None, _ASCII)) // 100))
    parts: list[str] = []
    bad: list[tuple[int, int]] = []
    pos = start
    while True:
        try:
            parts.append(data[pos:].decode(encoding))
            return ("".join(parts) if len(bad) <= allowed else None), bad
        except UnicodeDecodeError as exc:
            parts.append(data[pos : pos + exc.start].decode(encoding))
            line = 1 + len(_LINE_END.findall("".join(parts)))
            bad.append((pos + exc.start, line))
            if len(bad) > allowed:
                return None, bad
            parts.append("\ufffd")
            pos += exc.end


@cache
def _invisible() -> re.Pattern:
    """Control characters but newline and tab, and format characters (category Cf:
    zero-width spaces and joiners, bidi marks and overrides, soft hyphens, tags)."""
    points = (*range(0x20000), *range(0xE0000, 0xE0080))  # no Cc or Cf outside these
    chars = (chr(c) for c in points if unicodedata.category(chr(c)) in ("Cc", "Cf"))
    return re.compile("[" + "".join(re.escape(c) for c in chars if c not in "\n\t") + "]")
