"""Entity pages (platforms, policies, projects, metrics, organisations) and topic indexes."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Source
from ..resolve import FIELDS, LINKED, Entity, Fact, key
from . import charts, disambiguation, lede
from .figures import figure, money, fact_period, quantity
from .labels import ORG_KINDS
from .site import Site
from .text import front_matter, md_cell, md_text, rel_link

LABELS = {
    "kind": "类型", "operator": "牵头/运营", "partners": "合作方", "location": "所在地", "date": "日期",
    "issuer": "发布方", "measures": "措施/条目数", "company": "企业", "amount": "投资额", "stage": "阶段",
    "area": "面积", "capacity": "产能", "jobs": "就业岗位", "members": "成员", "status": "状态",
    "belongs_to": "所属",
}
EVENT_ATTR = {"platform": "event", "project": "stage"}  # the mention attribute saying what happened on a date
SEARCH_BOOST = 2  # an entity's own page ranks above stories that merely mention it
KIND_LABELS = {"total": "总量", "share": "占比", "growth": "增长", "change": "变化（百分点）", "rank": "排名"}


def sortable(value: int | float, text: str) -> str:
    """A table cell that the sort script orders by ``value``."""
    return f'<span data-v="{value}">{md_cell(text)}</span>'


def display(attr: str, value) -> str:
    if attr == "amount":
        return money(value)
    if attr == "jobs":
        return f"{value}个"
    if attr == "measures":
        return f"{value}项"
    if attr == "kind" and value in ORG_KINDS:
        return ORG_KINDS[value]
    return str(value)


def tags(entity: Entity) -> list[str]:
    """Material tags: the entity's kind and the districts it belongs to."""
    out = []
    for attr in ("kind", "stage", "location", "issuer", "belongs_to"):
        for v in entity.attrs.get(attr, []):
            out.append(display(attr, v.value))
    if entity.type == "metric":
        out += [f.scope for f in entity.facts if f.scope]
    return sorted(set(out))


def render_entity(entity: Entity, site: Site, note: str = "") -> str:
    """An entity's page; ``note`` is a line for its top (the event a figure belongs to)."""
    page = site.page(entity)
    sources = entity.sources
    numbers = {s: i for i, s in enumerate(sources, 1)}
    meta = {
        "type": entity.type,
        "title": entity.name,
        "name": entity.name,
        "aliases": entity.aliases,
        "tags": tags(entity),
        "search": {"boost": SEARCH_BOOST},
        "attributes": {a: [v.value for v in entity.attrs[a]] for a in FIELDS[entity.type] if a in entity.attrs},
        "sources": [{"story": s.story, "sentence": s.sentence, "quote": s.quote} for s in sources],
    }
    out = [front_matter(meta), f"# {md_text(entity.name)}\n\n", disambiguation.hatnote(entity, site, page), note]
    out.append(lede.paragraph(entity, site))
    if shown := [a for a in entity.aliases if key(a) != key(entity.name)]:  # not (数据) beside （数据）
        out.append(f"别名：{'、'.join(md_text(a) for a in shown)}\n\n")
    if entity.type == "metric":
        out.append(_metric_body(entity, site, numbers))
    else:
        out.append(_infobox(entity, site, numbers))
    if entity.type == "policy":
        out.append(_provisions(entity, site))
    out.append(_related(entity, site))
    out.append("## 被提及于\n\n" + "".join(f"- {site.story_link(s, page)}\n" for s in entity.stories) + "\n")
    out.append("## 来源\n\n")
    for s in sources:
        out.append(f"{numbers[s]}. “{md_text(s.quote)}”  \n   —— {site.reference(s, page)}\n")
    return "".join(out)


def _infobox(entity: Entity, site: Site, numbers) -> str:
    page = site.page(entity)
    outgoing, _ = site.kb.related(entity)
    targets = {(r.label, r.target.name): r.target for r in outgoing}
    targets.update({(r.label, a): r.target for r in outgoing for a in r.target.aliases})
    rows = []
    for attr in FIELDS[entity.type]:
        cells = []
        name, events = _date_row(entity) if attr == "date" else (LABELS[attr], {})
        for v in entity.attrs.get(attr, []):
            names = v.value if isinstance(v.value, list) else [v.value]
            label = _link_label(attr)
            shown = "、".join(
                site.entity_link(targets[(label, n)], page, n) if label and (label, n) in targets else md_cell(display(attr, n))
                for n in names
            )
            if attr == "date" and events.get(v.value):
                shown = f"{'、'.join(events[v.value])} {shown}"
            cells.append(shown + site.marks(v.sources, page, numbers))
        if cells:
            rows.append(f"| {name} | {'；'.join(cells)} |\n")
    return "| 属性 | 值 |\n| --- | --- |\n" + "".join(rows) + "\n" if rows else ""


def _date_row(entity: Entity) -> tuple[str, dict]:
    """The date row's label: "揭牌日期" when every date is of one event; else "日期",
    with each date's events to show before it."""
    events = {v.value: _date_events(entity, v.value) for v in entity.attrs.get("date", [])}
    kinds = {tuple(e) for e in events.values()}
    if len(kinds) == 1 and len(only := kinds.pop()) == 1:
        return f"{only[0]}日期", {}
    return LABELS["date"], events


def _date_events(entity: Entity, value) -> list[str]:
    """What happened on the date ``value`` (发布, 揭牌, 签约, 开工 …), as the mentions giving it say."""
    if entity.type == "policy":
        return ["发布"]
    attr = EVENT_ATTR.get(entity.type)
    return sorted({m.attrs[attr] for m in entity.mentions if attr and m.attrs.get("date") == value and m.attrs.get(attr)})


def _link_label(attr: str) -> str | None:
    return LINKED[attr][0] if attr in LINKED else None


def _metric_body(entity: Entity, site: Site, numbers) -> str:
    page = site.page(entity)
    out = []
    conflicts = [c for c in site.kb.conflicts if c.entity is entity]
    for c in conflicts:
        f0 = c.facts[0]
        values = "、".join(quantity(f.value, f.unit) for f in c.facts)
        out.append(
            f'!!! warning "来源不一致"\n    {fact_period(f0)} {md_text(f0.scope or "")} 的数值，报道给出 {md_text(values)}，'
            f"见下表各自的来源。[全部冲突]({rel_link(page, 'conflicts/index.md')})\n\n"
        )
    out.append(fact_table(entity.facts, page, site, numbers))
    if chart := charts.chart_for(site.kb, entity):
        out.append(f"![{md_text(chart.subject)}]({rel_link(page, chart.path)})\n\n")
    return "".join(out)


def fact_table(rows: Sequence[Fact], page: str, site: Site, numbers) -> str:
    out = ["| 数值 | 时期 | 范围 | 类型 | 来源 |\n| --: | --- | --- | --- | --- |\n"]
    for f in rows:
        out.append(
            f"| {sortable(f.value, figure(f.value, f.unit, f.bound))} | {md_cell(fact_period(f))} | {md_cell(f.scope or '—')} "
            f"| {KIND_LABELS.get(f.kind, f.kind)} | {site.marks(f.sources, page, numbers)} |\n"
        )
    return "".join(out) + "\n"


def _provisions(entity: Entity, site: Site) -> str:
    page = site.page(entity)
    provisions = [p for m in entity.mentions for p in m.attrs.get("provisions", [])]
    if not provisions:
        return ""
    rows = ["## 条款\n\n| 条件 | 金额 | 条款原文 | 出处 |\n| --- | --: | --- | --- |\n"]
    seen = set()
    for p in provisions:
        if (p["sentence"], p["text"]) in seen:
            continue
        seen.add((p["sentence"], p["text"]))
        source = Source(p["story"], p["sentence"], p["quote"])
        rows.append(
            f"| {md_cell(p['condition'])} | {sortable(p['amount'], money(p['amount']))} | {md_cell(p['text'])} "
            f"| {site.cite_origin(source, page)} |\n"
        )
    joint = sorted({n for p in provisions for n in p.get("released_with", []) if n != entity.name})
    if joint:
        rows.append(f"\n以上条款出自与{'、'.join('《' + md_text(n) + '》' for n in joint)}同时发布的报道，原文未说明分属哪一份政策。\n")
    return "".join(rows) + "\n"


def _related(entity: Entity, site: Site) -> str:
    page = site.page(entity)
    outgoing, incoming = site.kb.related(entity)
    lines = [f"- {md_text(r.label)}：{site.entity_link(r.target, page)}\n" for r in outgoing]
    lines += [f"- {site.entity_link(r.source, page)}（{md_text(r.label)}）\n" for r in incoming]
    lines = list(dict.fromkeys(lines))
    return "## 相关页面\n\n" + "".join(lines) + "\n" if lines else ""


# --- topic indexes -------------------------------------------------------------

COLUMNS = {
    "platform": ("kind", "operator", "location"),
    "policy": ("issuer", "date", "measures"),
    "project": ("company", "amount", "stage", "date"),
    "organisation": ("kind",),
}


def render_index(folder: str, title: str, about: str, entities: Sequence[Entity], site: Site) -> str:
    page = f"{folder}/index.md"
    out = [front_matter({"type": "index", "title": title, "count": len(entities)}), f"# {title}\n\n{about}。共 {len(entities)} 条。\n\n"]
    if not entities:
        return "".join(out) + "暂无条目。\n"
    cols = COLUMNS[entities[0].type]
    out.append("| 名称 | " + " | ".join(LABELS[c] for c in cols) + " | 来源数 |\n")
    out.append("| --- " * (len(cols) + 1) + "| --: |\n")
    for e in entities:
        cells = []
        for c in cols:
            v = e.first(c)
            if v is None:
                cells.append("—")
            elif c == "amount":
                cells.append(sortable(v, money(v)))
            else:
                cells.append(md_cell(display(c, v if not isinstance(v, list) else "、".join(v))))
        out.append(f"| {site.entity_link(e, page)} | " + " | ".join(cells) + f" | {len(e.sources)} |\n")
    return "".join(out)

