"""Time expressions as periods at the granularity the text gives.

A period is a string: ``2025`` (year), ``2025Q1`` (quarter), ``2025Q1-Q3`` (first
three quarters), ``2025H1`` (half-year), ``2025-03`` (month), ``2025-01/2025-04``
(months), ``../2025-03`` (as of the end of March), ``2023/2025`` (several years).
Relative words (今年, 去年, 近三年) need the story's year; without it the period is
unknown (None) and only the words are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from .numbers import cn_number

_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    text: str
    value: str | None  # the period string, None when the story's year is unknown
    base: bool = False  # a comparison base (比一季度, 较上年), not the period of a figure
    shift: int | None = None  # 当年, 次年: a year counted from the one the context just named


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    relative = lexicon.alternation("relative_years")
    plans = "|".join(name for name, *_ in lexicon.rows("plan_periods"))
    year = rf"(?:(?P<y>\d{{4}})年度?|(?P<rel>{relative})(?:年度)?)"
    part = (
        r"(?:第?(?P<q>[一二三四1-4])季度|(?P<q3>前三季度)|(?P<h>上|下)半年(?:度)?|"
        r"(?P<m1>\d{1,2})月?\s*[—\-–~至到]\s*(?P<m2>\d{1,2})月(?:份)?|(?<![提此之以早])[前头](?P<mn>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九两])个?月|"
        r"(?P<jan>元月)(?:份)?|(?P<m>\d{1,2})月(?P<mend>底|末|份)?(?!\d{1,2}日))"
    )
    return re.compile(
        rf"(?P<asof>截至|截止到?|(?<![回达提收得直])到)?(?:半年度|全年|(?:{year})?(?:{part})?|"
        rf"近(?P<n>[一二三四五六七八九十两几\d]+)年(?:来)?|“?(?P<plan>{plans})”?(?:规划的)?(?:(?P<planyear>开局|收官)之年|期间|以来|时期)?)"
    )


_BASE_BEFORE = re.compile(r"(?:比|较|由|与|同|高于|低于|相比)$")
_WRITTEN_YEAR = re.compile(r"\d{4}")
_RECORD_SPAN = re.compile(r"以来(?:的|[\d一二三四五六七八九十两]+个)")  # "以来的次低点", "以来八个季度首次"


def rests_on_year(p: Period) -> bool:
    """Whether the period's year is the story's year rather than written (今年一季度, 上半年,
    近三年; not 2025年, 十四五期间, or 当年, which counts from a year the context named)."""
    plans = (name for name, *_ in lexicon.rows("plan_periods"))
    return p.value is not None and p.shift is None and not _WRITTEN_YEAR.search(p.text) and not any(n in p.text for n in plans)


def periods(text: str, year: int | None) -> list[Period]:
    """Every time expression in ``text``, resolved with the story's ``year``."""
    out = []
    for m in _pattern().finditer(text):
        if not m.group().strip("截至止到度“”期间以来时期"):
            continue
        if m.group("asof") == "到" and m.group("y"):
            continue  # 到2027年: a target date, handled as a target cue
        base = bool(_BASE_BEFORE.search(text[max(0, m.start() - 2) : m.start()]))
        # "为2011年以来的次低点", "2015年四季度以来八个季度首次": a record's span, not the period
        base = base or bool(_RECORD_SPAN.match(text, m.end()))
        offset = _offsets().get(m.group("rel") or "", "")
        if offset.startswith("ctx"):
            out.append(Period(m.start(), m.end(), m.group(), None, base, int(offset[3:])))
        else:
            out.append(Period(m.start(), m.end(), m.group(), _value(m, year), base))
    return out


def _value(m: re.Match, year: int | None) -> str | None:
    if plan := m.group("plan"):
        first, last = next((int(a), int(b)) for name, a, b in lexicon.rows("plan_periods") if name == plan)
        if m.group("planyear"):
            return str(first if m.group("planyear") == "开局" else last)
        return f"{first}/{last}"
    y = _year(m, year)
    if y is None:
        return None
    if n := m.group("n"):
        span = cn_number(n) if not n.isdigit() else int(n)
        return f"{y - (span or 1) + 1}/{y}"
    if q := m.group("q"):
        value = f"{y}Q{_QUARTERS[q]}"
    elif m.group("q3"):
        value = f"{y}Q1-Q3"
    elif h := m.group("h"):
        value = f"{y}H{1 if h == '上' else 2}"
    elif m.group("m1"):
        value = f"{y}-{int(m.group('m1')):02d}/{y}-{int(m.group('m2')):02d}"
    elif mn := m.group("mn"):  # 前11个月
        value = f"{y}-01/{y}-{int(mn) if mn.isdigit() else cn_number(mn):02d}"
    elif m.group("m") or m.group("jan"):
        value = f"{y}-{int(m.group('m') or 1):02d}"
    elif "半年度" in m.group():
        value = f"{y}H1"
    else:
        value = str(y)
    return f"../{value}" if m.group("asof") and m.group("asof") != "到" else value


def _year(m: re.Match, year: int | None) -> int | None:
    if m.group("y"):
        return int(m.group("y"))
    rel = m.group("rel")
    if rel is None:
        return year  # 一季度, 上半年, 全年: the story's year
    return year + int(_offsets()[rel]) if year is not None else None


@lru_cache(maxsize=1)
def _offsets() -> dict[str, str]:
    return dict(lexicon.rows("relative_years"))


def shifted(period: str | None, shift: int) -> str | None:
    """The year ``shift`` years after the one ``period`` ends in (当年 = +0, 次年 = +1)."""
    year = year_of(period)
    return str(year + shift) if year is not None else None


def year_of(period: str | None) -> int | None:
    """The (last) year a period string covers."""
    found = re.findall(r"\d{4}", period or "")
    return int(found[-1]) if found else None
