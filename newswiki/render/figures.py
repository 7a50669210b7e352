"""Numbers as a reader expects them: 40亿元, 1000万元, 第3位, 5.3%."""

from __future__ import annotations


def plain(x: int | float) -> str:
    """A number as written in a report, never in scientific notation: 3360, 13.2, 0.05."""
    return f"{x:.6f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x)


def money(yuan: int | float) -> str:
    for unit, size in (("亿元", 10**8), ("万元", 10**4)):
        if abs(yuan) >= size:
            return f"{plain(yuan / size)}{unit}"
    return f"{plain(yuan)}元"


def quantity(value: int | float, unit: str) -> str:
    if unit == "元":
        return money(value)
    if unit == "美元":
        return money(value).replace("元", "美元")
    if unit == "位":
        return f"第{value}位"
    if abs(value) >= 10**5 and value % 10**4 == 0:  # 3500000套 as the text writes it: 350万套
        return f"{plain(value // 10**4)}万{unit}"
    return f"{plain(value)}{unit}"


_BOUND_WORDS = {"min": "超", "about": "约", "max": "最高"}


def figure(value: int | float, unit: str, bound: str | None = None) -> str:
    """A value with its qualifier: 超30%, 约70.2亿元."""
    return _BOUND_WORDS.get(bound or "", "") + quantity(value, unit)


_CN_QUARTERS = "一二三四"
INFERRED = "（推断）"  # after a date or period whose year the build guessed, no source stating it


def fact_period(fact) -> str:
    """A fact's period as shown, marked when its year is the story's guessed year."""
    return period_label(fact.period, fact.period_text) + (INFERRED if fact.period_inferred and fact.period else "")


def period_label(period: str | None, words: str = "") -> str:
    """2025Q1 -> 2025年一季度, 2025-01/2025-04 -> 2025年1—4月, ../2025-03 -> 截至2025年3月;
    an unknown period shows the text's own words (今年上半年) or a dash."""
    if not period:
        return words or "—"
    if period.startswith("../"):
        return "截至" + period_label(period[3:])
    year = period[:4]
    rest = period[4:]
    if not rest:
        return f"{year}年"
    if rest == "Q1-Q3":
        return f"{year}年前三季度"
    if rest.startswith("Q"):
        return f"{year}年{_CN_QUARTERS[int(rest[1]) - 1]}季度"
    if rest.startswith("H"):
        return f"{year}年{'上' if rest[1] == '1' else '下'}半年"
    if "/" in period and "-" not in rest.split("/")[0]:
        return f"{year}—{period[-4:]}年"  # 2023/2025
    months = [int(p[5:7]) for p in period.split("/")]
    return f"{year}年{int(months[0])}月" if len(months) == 1 else f"{year}年{months[0]}—{months[1]}月"
