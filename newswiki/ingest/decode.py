"""Bytes -> text: UTF-8 (with or without BOM), GB18030 fallback, line ends unified."""

from __future__ import annotations

import unicodedata

MAX_BYTES = 2 * 1024 * 1024  # larger files are not news articles


class SourceError(Exception):
    """A file that cannot be used; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise SourceError for empty, binary or unreadable input."""
    if len(data) > MAX_BYTES:
        raise SourceError(f"file is {len(data) / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MiB limit for an article")
    if not data.strip():
        raise SourceError("file is empty")
    if b"\x00" in data:
        raise SourceError("binary file (contains NUL bytes)")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
        if data.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8-sig"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as exc:
            raise SourceError(f"not UTF-8 or GB18030 text ({exc.reason} at byte {exc.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_ratio(text) > 0.01:
        raise SourceError("binary file (control characters in the text)")
    if not any(_is_han(c) for c in text):
        raise SourceError("no Chinese text found")
    return text, encoding


def _control_ratio(text: str) -> float:
    bad = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\n\t")
    return bad / max(len(text), 1)


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"
