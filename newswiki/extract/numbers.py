"""Numbers with units, and time expressions, normalised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import lexicon

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """Small Chinese numerals (一 … 九十九) and digits."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text] if len(text) == 1 else None


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str  # as written, e.g. "47.4亿元", "超30%" keeps its qualifiers
    value: int | float  # normalised to ``unit``
    unit: str  # normalised unit: 元, %, 家 …
    approx: str = ""  # the qualifier words as written: 超, 近, 多, 以上 …
    bound: str | None = None  # what they make of the value: min, about or max


@lru_cache(maxsize=1)
def _qualifiers() -> dict[tuple[str, str], str]:
    return {(word, where): bound for word, where, bound in lexicon.rows("qualifiers")}


def _alternation(where: str) -> str:
    words = sorted((w for w, at in _qualifiers() if at == where), key=len, reverse=True)
    return "|".join(map(re.escape, words))


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern:
    units = lexicon.alternation("units")
    mults = lexicon.alternation("multipliers")
    return re.compile(
        rf"(?P<pre>(?<![签节制合条公契预相通经])(?:{_alternation('before')}))?(?P<num>\d+(?:\.\d+)?)(?P<more>多|余)?"
        rf"(?:(?P<mult>{mults})?(?P<unit>{units})|(?P<bare>亿|万亿)(?=[，。；、）\s的]|$))(?!\w*/年)"
        rf"(?P<post>{_alternation('after')})?"
    )


@lru_cache(maxsize=1)
def _numeral_re() -> re.Pattern:
    """"过千亿元", "两千亿元": a Chinese numeral, always with its multiplier."""
    return re.compile(
        rf"(?P<pre>(?<![签节制合条公契预相通经])(?:{_alternation('before')}))?(?<![\d.一二两三四五六七八九十百千万亿])(?P<num>[一二两三四五六七八九]?)"
        rf"(?P<mult>{lexicon.alternation('multipliers')})(?P<unit>{lexicon.alternation('units')})"
        rf"(?P<more>)(?P<bare>)(?P<post>{_alternation('after')})?"
    )


def quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in ``text`` (normalised: 23.6亿元 -> 2360000000 元, 千亿元 -> 10^11 元).

    A bare 亿 ending a clause or before 的 ("固定资产投资536亿，", "投资50亿的…项目") is money in yuan."""
    units = {r[0]: (r[1], Decimal(r[2])) for r in lexicon.rows("units")}
    mults = {r[0]: Decimal(r[1]) for r in lexicon.rows("multipliers")}
    quals = _qualifiers()
    out = []
    digits = list(_quantity_re().finditer(text))
    taken = [(m.start(), m.end()) for m in digits]
    numerals = [m for m in _numeral_re().finditer(text) if not any(a < m.end() and m.start("num") < b for a, b in taken)]
    for m in sorted(digits + numerals, key=lambda m: m.start()):
        unit, factor = units[m.group("unit")] if m.group("unit") else ("元", Decimal(1))
        mult = m.group("mult") or m.group("bare") or ""
        number = m.group("num")
        count = Decimal(number) if number.isdigit() or "." in number else Decimal(cn_number(number) or 1)
        value = count * mults.get(mult, Decimal(1)) * factor
        number = int(value) if value == value.to_integral_value() else float(value)
        words = [(w, at) for w, at in ((m.group("pre"), "before"), (m.group("more"), "after"), (m.group("post"), "after")) if w]
        bound = next((quals[w] for w in words if w in quals), None)
        start = m.start("pre") if m.group("pre") else m.start("num")
        out.append(Quantity(start, m.end(), text[start : m.end()], number, unit, "".join(w for w, _ in words), bound))
    return out


def parse_quantity(text: str) -> Quantity | None:
    found = quantities(text)
    return found[0] if found else None


# --- time ---------------------------------------------------------------------

_YM = re.compile(r"(?:(\d{4})年|(今年|去年|前年|明年))(?:(\d{1,2})月(?:(\d{1,2})日)?|(底|末|初|年底|年初))?")
_MD = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_RELATIVE = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}
TIME_WORD = re.compile(
    r"^(?:\d{4}年(?:\d{1,2}月)?|今年|去年|前年|全年|当年|同年|次年|目前|截至目前|如今|当前|比上年|较上年|上年|同比|近[一二三两几五]年(?:来)?|"
    r"[一二三四]季度|上半年|下半年|前三季度|\d{1,2}[—\-–~至]\d{1,2}月|\d{1,2}月|已经|已)"
)
_NOW = re.compile(r"目前|截至目前|如今|当前|现有|已经|已|近[一二三两几]年|当天|当日|日前|近日|此次|本次")


def time_of(text: str, year: int | None, date: str | None = None, last: bool = False) -> str | None:
    """The time a sentence reports: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    ``year`` is the story's year (for 今年/去年 and bare dates), ``date`` its date
    (for 当天); ``last`` takes the last time expression instead of the first.
    """
    found = list(_YM.finditer(text))
    if m := (found[-1] if last else found[0]) if found else None:
        y = int(m.group(1)) if m.group(1) else (year + _RELATIVE[m.group(2)] if year else None)
        if y is None:
            return None
        if m.group(3):
            month = int(m.group(3))
            return f"{y:04d}-{month:02d}" + (f"-{int(m.group(4)):02d}" if m.group(4) else "")
        if m.group(5) in ("底", "末", "年底"):
            return f"{y:04d}-12"
        if day := _MD.search(text):  # "3月18日，…2025年一季度…": the day is the date
            return f"{y:04d}-{int(day.group(1)):02d}-{int(day.group(2)):02d}"
        return f"{y:04d}"
    if (m := _MD.search(text)) and year:
        return f"{year:04d}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    if date and re.search("当天|当日|同日|同期|大会上|大会现场|现场", text):
        return date
    return None


def time_at(text: str) -> int | None:
    """Position of the last year expression in ``text`` (2025年, 去年 …)."""
    found = [m.start() for m in _YM.finditer(text) if m.group(1) or m.group(2)]
    return found[-1] if found else None


def now_spans(text: str) -> list[tuple[int, str]]:
    """Every "now" word in ``text``, with its position."""
    return [(m.start(), m.group()) for m in _NOW.finditer(text)]

