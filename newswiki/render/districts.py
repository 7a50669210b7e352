"""Region pages (青山区, 东湖高新区, 武汉市 …): the platforms and projects located there, the
policies it issued and its figures, each row citing the sentence that places it there."""

from __future__ import annotations

from collections.abc import Sequence

from ..resolve import Entity
from . import charts, finder, regions
from .entities import display, sortable
from .figures import money
from .metrics_index import ordered, owner, table
from .provisions import provisions
from .site import Site
from .text import front_matter, md_cell, md_text, rel_link

INDEX = f"{regions.FOLDER}/index.md"
# section title, entity type, attribute that places the entity, columns (label, attribute)
SECTIONS = (
    ("政策", "policy", "issuer", (("发布日期", "date"), ("条款", "provisions"))),
    ("平台", "platform", "location", (("类型", "kind"), ("牵头/运营", "operator"))),
    ("项目", "project", "location", (("企业", "company"), ("投资额", "amount"), ("阶段", "stage"))),
)


def render_all(site: Site) -> dict[str, str]:
    found = regions.with_pages(site.kb.entities)
    files = {regions.page(r): render_region(r, members, site) for r, members in found.items()}
    files[INDEX] = render_index(found)
    return files


def _cell(entity: Entity, attr: str) -> str:
    if attr == "provisions":
        n = len(provisions(entity))
        return f"{n} 项" if n else "—"
    value = entity.first(attr)
    if value is None:
        return "—"
    if attr == "amount":
        return sortable(value, money(value))
    return md_cell(display(attr, "、".join(value) if isinstance(value, list) else value))


def _placed(entity: Entity, attr: str, region: str, page: str, site: Site) -> str:
    """A link to the sentence that places the entity in the region."""
    v = next((v for v in entity.attrs.get(attr, []) if v.value == region), None)
    return site.cite(v.sources[0], page, "原文") if v else "—"


def render_region(region: str, members: Sequence[Entity], site: Site) -> str:
    page = regions.page(region)
    level = regions.level(region) or ""
    by_type = {t: [e for e in members if e.type == t] for t in ("policy", "platform", "project", "metric")}
    rows = [r for r in ordered(by_type["metric"]) if owner(r[1]) == region]
    counts = [f"{title} {len(by_type[t])} 个" for title, t, _, _ in SECTIONS if by_type[t]]
    if rows:
        counts.append(f"统计数值 {len(rows)} 个")
    out = [
        front_matter({"type": "region", "title": region, "level": level, "search": {"boost": 2}}),
        f"# {md_text(region)}\n\n",
        f"本页汇集报道中属于{md_text(region)}的条目：{'、'.join(counts)}。"
        "平台与项目按所在地、政策按发布方、统计数值按其主体归入。\n\n",
    ]
    links = []
    if rows:
        links.append(f"[在指标总表中只看{md_text(region)}]({rel_link(page, 'metrics/index.md')}?owner={region})")
    if region in regions.districts():
        links.append(f"[政策计算器：适用于{md_text(region)}企业的条款]({rel_link(page, finder.PAGE)}?district={region})")
    if links:
        out.append(" · ".join(links) + "\n\n")
    if rows:
        out.append("## 指标\n\n")
        out.append(table(rows, page, site, {}, owners=False))
        for c in charts.charts(site.kb):
            if region in c.owners:
                out.append(f"![{md_text(c.subject)}]({rel_link(page, c.path)})\n\n")
    for title, etype, attr, columns in SECTIONS:
        entities = by_type[etype]
        if not entities:
            continue
        out.append(f"## {title}\n\n| 名称 | " + " | ".join(label for label, _ in columns) + " | 来源 |\n")
        out.append("| --- " * (len(columns) + 1) + "| --- |\n")
        for e in entities:
            cells = [site.entity_link(e, page), *(_cell(e, a) for _, a in columns), _placed(e, attr, region, page, site)]
            out.append("| " + " | ".join(cells) + " |\n")
        out.append("\n")
    return "".join(out)


def render_index(found: dict[str, list[Entity]]) -> str:
    out = [
        front_matter({"type": "index", "title": "区域", "count": len(found)}),
        "# 区域\n\n各区（以及市、省）的平台、政策、项目和统计数值：平台与项目按所在地，政策按发布方，数值按其主体归入。\n\n",
        "| 区域 | 层级 | 政策 | 平台 | 项目 | 指标 |\n| --- | --- | --: | --: | --: | --: |\n",
    ]
    for region, members in found.items():
        n = {t: sum(e.type == t for e in members) for t in ("policy", "platform", "project", "metric")}
        out.append(
            f"| [{md_text(region)}]({rel_link(INDEX, regions.page(region))}) | {regions.level(region) or '—'} "
            f"| {n['policy']} | {n['platform']} | {n['project']} | {n['metric']} |\n"
        )
    return "".join(out)
