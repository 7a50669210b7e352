"""What an indicator is about: its group (by the head its subject ends with) and the year
its period falls in."""

from __future__ import annotations

import re

from .. import lexicon

GROUPS = {
    "count": "数量（企业、机构、平台、项目）", "output": "产值与规模", "finance": "资金与投资",
    "share": "占比", "growth": "增长", "rank": "排名", "other": "其他",
}


def group_of(subject: str) -> str:
    for head, group, *_ in sorted(lexicon.rows("metric_heads"), key=lambda r: -len(r[0])):
        if subject.endswith(head):
            return group
    return "other"


def year(period: str | None) -> str | None:
    """The year a period ends in: 2025Q1 -> 2025, 2023/2025 -> 2025, ../2025-03 -> 2025."""
    years = re.findall(r"\d{4}", period or "")
    return years[-1] if years else None
