"""Classify the lines of an article and repair line breaks inside sentences.

Print layouts leave three kinds of noise in the text: hard line breaks inside a
sentence (even inside a word), photo captions and credits standing between
paragraphs, and page furniture (bylines, "(上接第一版)" markers). The rules here
use only the shape of lines, the gaps between them and the domain lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon, segment
from .normalize import normalize

# Line kinds
HEADING = "heading"  # title, kicker or subheading; decided per story later
PARAGRAPH = "paragraph"
CAPTION = "caption"
CREDIT = "credit"
NOTE = "note"
BYLINE = "byline"
MARKER = "marker"  # continuation marker such as (上接第一版)

HEADING_MAX = 40  # a longer unterminated line is a broken sentence, not a heading
CAPTION_MAX = 60
BIG_GAP = 2  # blank lines that set a photo caption apart from body text

_TERMINAL = "。！？!?…"
_CLOSERS = "”’」』）)】》\"'"
_OPEN_END = "，、；：“‘《（(—·-"
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_NUM = "0-9一二三四五六七八九十百"


def _roles(role: str) -> str:
    return "|".join(re.escape(r[1]) for r in lexicon.rows("line_roles") if r[0] == role)


_PERSON = _roles("person")
_MARKER_RE = re.compile(
    rf"^[（(]\s*(?:(?:{_roles('marker')}|{_roles('onward')})第?[{_NUM}]+版|{_roles('sequel')})\s*[）)]$"
)
_ONWARD_RE = re.compile(rf"^[（(]\s*(?:{_roles('onward')})第?[{_NUM}]+版")
# "通讯员付松 摄", "新华社记者程敏 摄", "图/张三", "(李四 摄)"
_CREDIT_RE = re.compile(
    rf"^[（(]?\s*(?:[^\s，。]{{0,10}}?(?:{_PERSON})\s*)?[\u4e00-\u9fff·]{{2,5}}(?:\s+[\u4e00-\u9fff·]{{2,5}})*\s*[／/]?\s*(?:{_roles('credit')})\s*[）)]?$"
    rf"|^[（(]?\s*图\s*[／/:：]\s*\S.{{0,30}}$"
)
# "数据来源：中商产业研究院大数据库": where a table's figures come from, neither body nor heading
_NOTE_RE = re.compile(r"^[（(]?\s*(?:数据|资料|图片|图表)来源\s*[:：]\s*\S.{0,40}$")
# "采写:…", "(长江日报记者蔡欣星)", "本报记者 张三 通讯员 李四"
_BYLINE_RE = re.compile(
    rf"^(?:{_roles('byline')})\s*[:：／/]"
    rf"|^[（(][^（()）。！？]{{0,40}}(?:{_PERSON})[^（()）。！？]{{0,40}}[）)]$"
    rf"|^[^\s，。]{{0,10}}(?:{_PERSON})[\u4e00-\u9fff·\s]{{2,40}}$"
)
_OPENER_RE = re.compile(rf"^(?:{lexicon.alternation('openers')}|\d{{1,4}}年|\d{{1,2}}月\d{{1,2}}日)")


@dataclass
class Line:
    text: str
    gap: int  # blank lines before this line
    kind: str = ""
    level: int = 0  # markdown heading level when the text gave one


def onward(text: str) -> bool:
    """Is the marker line a "(下转第二版)": the story goes on elsewhere?"""
    return bool(_ONWARD_RE.match(normalize(text)))


def ends_sentence(text: str) -> bool:
    t = normalize(text).rstrip().rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERMINAL


def _sentence_count(text: str) -> int:
    t = normalize(text).rstrip().rstrip(_CLOSERS)
    return len(re.findall(rf"[{_TERMINAL}]+", t[:-1])) + 1


def _heading_shaped(text: str) -> bool:
    return len(text) <= HEADING_MAX and not ends_sentence(text)


def _caption_shaped(text: str) -> bool:
    return len(text) <= CAPTION_MAX and ends_sentence(text) and _sentence_count(text) == 1


def _unfinished(text: str) -> bool:
    """The line cannot end a paragraph: it stops on a comma or runs long without a full stop."""
    n = normalize(text).rstrip()
    return bool(n) and (n[-1] in _OPEN_END or (not ends_sentence(n) and len(n) > HEADING_MAX))


def split_lines(text: str) -> list[Line]:
    out, gap = [], 0
    for raw in text.split("\n"):
        s = raw.strip()
        if not s:
            gap += 1
            continue
        out.append(Line(s, gap if out else 0))
        gap = 0
    return out


def _mark_furniture(lines: list[Line]) -> None:
    for ln in lines:
        n = normalize(ln.text)
        if m := _MD_HEADING.match(ln.text):
            ln.kind, ln.level, ln.text = HEADING, len(m.group(1)), m.group(2)
        elif _MARKER_RE.match(n):
            ln.kind = MARKER
        elif _NOTE_RE.match(n):
            ln.kind = NOTE
        elif len(n) <= 40 and _CREDIT_RE.match(n):
            ln.kind = CREDIT
        elif len(n) <= 120 and _BYLINE_RE.match(n):
            ln.kind = BYLINE


def _mark_captions(lines: list[Line]) -> None:
    """Captions: short one-sentence lines set apart by wide gaps or followed by a credit."""
    for i, ln in enumerate(lines):
        if ln.kind or not _caption_shaped(ln.text):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        prev = next((p for p in reversed(lines[:i]) if p.kind != CREDIT), None)
        if prev is not None and not prev.kind and _unfinished(prev.text):
            continue  # the line completes a sentence broken across a photo
        apart = ln.gap >= BIG_GAP or (nxt is not None and (nxt.kind == CREDIT or nxt.gap >= BIG_GAP))
        if apart and i > 0:
            ln.kind = CAPTION
    # a short unpunctuated line set apart right above a caption is the photo's title
    for i, ln in enumerate(lines[:-1]):
        if not ln.kind and ln.gap >= BIG_GAP and _heading_shaped(ln.text) and lines[i + 1].kind == CAPTION:
            ln.kind = CAPTION


def _continues(line: Line, nxt: Line | None, first: bool) -> bool:
    """Does the body line ``line`` run on into ``nxt`` (a layout line break)?"""
    if ends_sentence(line.text) or nxt is None or nxt.kind:
        return False
    if _unfinished(line.text):
        return True
    if first:
        return False  # the first line of a file is its title
    if segment.word_crosses(normalize(line.text), normalize(nxt.text)):
        return True
    clause_inside = re.search("[，；]", normalize(line.text)) is not None
    return clause_inside and not _OPENER_RE.match(normalize(nxt.text))


def _join(a: str, b: str) -> str:
    sep = " " if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha() else ""
    return a + sep + b


def classify(text: str) -> list[Line]:
    """Lines of ``text`` with kinds; broken sentences joined into one PARAGRAPH line."""
    lines = split_lines(text)
    _mark_furniture(lines)
    _mark_captions(lines)
    body = [ln for ln in lines if ln.kind not in (CAPTION, CREDIT, NOTE)]
    out: list[Line] = []
    pending: Line | None = None  # a paragraph still being joined
    for i, ln in enumerate(body):
        if ln.kind:
            if pending:
                out.append(pending)
                pending = None
            continue
        if pending:
            pending.text = _join(pending.text, ln.text)
        else:
            pending = ln
        nxt = body[i + 1] if i + 1 < len(body) else None
        if _continues(pending, nxt, first=ln is lines[0]):
            continue
        pending.kind = PARAGRAPH if ends_sentence(pending.text) or _unfinished(pending.text) else HEADING
        out.append(pending)
        pending = None
    if pending:
        pending.kind = PARAGRAPH
        out.append(pending)
    # keep captions, credits and furniture in reading order
    merged_ids = {id(ln) for ln in out}
    return [ln for ln in lines if id(ln) in merged_ids or ln.kind in (CAPTION, CREDIT, BYLINE, MARKER, HEADING)]
