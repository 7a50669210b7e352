"""The policies index, filterable by issuer, level (国家/省/市/区) and year of release."""

from __future__ import annotations

from collections.abc import Sequence

from ..resolve import Entity
from . import finder, regions
from .entities import sortable
from .figures import money
from .filters import controls, marker
from .provisions import provisions
from .site import Site
from .text import front_matter, md_cell, rel_link

PAGE = "policies/index.md"


def render(site: Site, policies: Sequence[Entity], about: str) -> str:
    issuers = {e.id: [v.value for v in e.attrs.get("issuer", [])] for e in policies}
    years = {e.id: sorted({str(v.value)[:4] for v in e.attrs.get("date", [])}) for e in policies}
    out = [
        front_matter({"type": "index", "title": "政策", "count": len(policies)}),
        f"# 政策\n\n{about}。共 {len(policies)} 条，可按发布方、层级和发布年份筛选。"
        f"企业可用[政策计算器]({rel_link(PAGE, finder.PAGE)})按自身情况查找可申请的条款和金额。\n\n",
    ]
    if not policies:
        return "".join(out) + "暂无条目。\n"
    all_issuers = sorted({i for v in issuers.values() for i in v}, key=lambda i: (regions.LEVELS.index(regions.level(i) or "区"), i))
    out.append(controls([
        ("issuer", "发布方", [(i, i) for i in all_issuers]),
        ("level", "层级", [(lvl, lvl) for lvl in regions.LEVELS if any(regions.level(i) == lvl for i in all_issuers)]),
        ("year", "发布年份", [(y, f"{y}年") for y in sorted({y for v in years.values() for y in v}, reverse=True)]),
    ]))
    out.append("| 名称 | 发布方 | 层级 | 发布日期 | 条款 | 最高金额 | 来源 |\n| --- | --- | --- | --- | --: | --: | --- |\n")
    for e in policies:
        levels = [lvl for i in issuers[e.id] if (lvl := regions.level(i))]
        items = provisions(e)
        top = max((p["amount"] for p in items), default=None)
        date = e.attrs.get("date", [])
        cite = site.cite(date[0].sources[0] if date else e.sources[0], PAGE, "原文")
        cells = [
            marker(issuer=issuers[e.id], level=levels, year=years[e.id]) + site.entity_link(e, PAGE),
            md_cell("、".join(issuers[e.id])) or "—",
            "、".join(dict.fromkeys(levels)) or "—",
            md_cell(str(date[0].value)) if date else "—",
            str(len(items)) if items else "—",
            sortable(top, money(top)) if top else "—",
            cite,
        ]
        out.append("| " + " | ".join(cells) + " |\n")
    return "".join(out)
