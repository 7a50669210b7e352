"""Numbers as a reader expects them: 40亿元, 1000万元, 第3位, 5.3%."""

from __future__ import annotations


def money(yuan: int | float) -> str:
    for unit, size in (("亿元", 10**8), ("万元", 10**4)):
        if yuan >= size:
            return f"{yuan / size:g}{unit}"
    return f"{yuan:g}元"


def quantity(value: int | float, unit: str) -> str:
    if unit == "元":
        return money(value)
    if unit == "美元":
        return money(value).replace("元", "美元")
    if unit == "位":
        return f"第{value}位"
    return f"{value:g}{unit}"
