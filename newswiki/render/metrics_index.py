"""The metrics index: every figure, by indicator group and by region, with a filter
(region or owner, period, group) that works on the static page, and the charts."""

from __future__ import annotations

from collections.abc import Sequence

from ..resolve import Entity, Fact, key
from . import charts, regions
from .entities import sortable
from .figures import figure, fact_period
from .filters import controls, marker
from .indicators import GROUPS, group_of, year
from .site import Site
from .text import front_matter, md_cell, rel_link

PAGE = "metrics/index.md"


def owner(f: Fact) -> str:
    """Whose figure it is (a rank without an owner: its peer group)."""
    return f.owner or f.scope or ""


def owner_cell(f: Fact, page: str, pages: dict[str, str]) -> str:
    name = owner(f)
    return f"[{md_cell(name)}]({rel_link(page, pages[name])})" if name in pages else md_cell(name or "—")


def value_cell(f: Fact) -> str:
    """The figure; a rank names its peer group (中心城区第3位)."""
    peers = f.scope if f.kind == "rank" and f.scope and f.scope != f.owner else ""
    return sortable(f.value, peers + figure(f.value, f.unit, f.bound))


def table(rows: Sequence[tuple[Entity, Fact]], page: str, site: Site, pages: dict[str, str], owners: bool = True) -> str:
    """| 指标 | 数值 | 时期 | 主体 | 来源 | with a filter marker in every row."""
    head = "| 指标 | 数值 | 时期 |" + (" 主体 |" if owners else "") + " 来源 |\n"
    out = [head, "| --- | --: | --- |" + (" --- |" if owners else "") + " --- |\n"]
    for e, f in rows:
        mark = marker(owner=owner(f), period=year(f.period), group=group_of(f.subject))
        refs = " ".join(site.cite(s, page, f"[{i}]") for i, s in enumerate(f.sources, 1))
        cells = [mark + site.entity_link(e, page, f.subject), value_cell(f), md_cell(fact_period(f))]
        if owners:
            cells.append(owner_cell(f, page, pages))
        out.append("| " + " | ".join([*cells, refs]) + " |\n")
    return "".join(out) + "\n"


def ordered(metrics: Sequence[Entity]) -> list[tuple[Entity, Fact]]:
    rows = [(e, f) for e in metrics for f in e.facts]
    return sorted(rows, key=lambda r: (key(r[1].subject), r[1].owner or "", r[1].period or ""))


def render(site: Site, metrics: Sequence[Entity]) -> str:
    rows = ordered(metrics)
    pages = {r: regions.page(r) for r in regions.with_pages(site.kb.entities)}
    named = {owner(f) for _, f in rows} - {""}
    owners = [r for r in pages if r in named] + sorted(named - set(pages))  # regions first
    years = sorted({y for _, f in rows if (y := year(f.period))}, reverse=True)
    groups = [g for g in GROUPS if any(group_of(f.subject) == g for _, f in rows)]
    out = [
        front_matter({"type": "index", "title": "指标", "count": len(metrics)}),
        "# 指标\n\n带单位、时期、主体和范围的统计数字，每个数值链接到报道原句。",
        f"共 {len(metrics)} 个指标、{len(rows)} 个数值；可按区域或主体、时期、分组筛选，点击表头可排序。",
        f"来源不一致的数值见[冲突列表]({rel_link(PAGE, 'conflicts/index.md')})（{len(site.kb.conflicts)} 处）。\n\n",
        controls([
            ("owner", "区域/主体", [(o, o) for o in owners]),
            ("period", "时期", [(y, f"{y}年") for y in years]),
            ("group", "分组", [(g, GROUPS[g]) for g in groups]),
        ]),
    ]
    counts = {r: sum(owner(f) == r for _, f in rows) for r in pages}
    browse = [f"[{md_cell(r)}]({rel_link(PAGE, p)})（{counts[r]}）" for r, p in pages.items() if counts[r]]
    if browse:
        out.append("按区域浏览：" + " · ".join(browse) + "\n\n")
    for g in groups:
        out.append(f"## {GROUPS[g]}\n\n")
        out.append(table([r for r in rows if group_of(r[1].subject) == g], PAGE, site, pages))
    drawn = charts.charts(site.kb)
    if drawn:
        out.append("## 图表\n\n同一指标在不同区域或不同时期的数值。\n\n")
        out += [f"![{md_cell(c.subject)}]({rel_link(PAGE, c.path)})\n\n" for c in drawn]
    return "".join(out)
