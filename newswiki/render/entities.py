"""Entity pages (one per platform, policy, project, metric) and the topic index pages."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Source, Story
from ..resolve import FIELDS, Entity, facts
from .sources import story_page
from .text import front_matter, md_cell, md_text, rel_link

FOLDER = {"platform": "platforms", "policy": "policies", "project": "projects", "metric": "metrics"}
LABELS = {
    "kind": "类型", "operator": "牵头/运营", "partners": "合作方", "location": "所在地", "date": "日期",
    "issuer": "发布方", "measures": "措施/条目数", "company": "企业", "amount": "投资额", "stage": "阶段",
    "area": "面积", "capacity": "产能", "jobs": "就业岗位",
}
KIND_LABELS = {"total": "总量", "share": "占比", "growth": "增长", "rank": "排名"}
_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Citations:
    """Turns sources into links to the sentence anchors of story pages."""

    stories: Mapping[str, Story]

    def link(self, source: Source, page: str, label: str) -> str:
        return f"[{label}]({rel_link(page, story_page(self.stories[source.story]), source.sentence)})"

    def sup(self, sources: Sequence[Source], page: str, numbers: Mapping[Source, int]) -> str:
        """Citation marks: ``[1] [2]`` as superscript links to the sentences."""
        return "<sup>" + " ".join(self.link(s, page, f"[{numbers[s]}]") for s in sources) + "</sup>"

    def title(self, source: Source) -> str:
        return self.stories[source.story].title


def slug(name: str) -> str:
    return _UNSAFE.sub("-", name).strip("-_")[:60] or "entity"


def page_paths(entities: Sequence[Entity]) -> dict[int, str]:
    """A unique, stable page path per entity (by position in ``entities``)."""
    taken: set[str] = set()
    out = {}
    for i, e in enumerate(entities):
        base = f"{FOLDER[e.type]}/{slug(e.name)}"
        path, n = f"{base}.md", 1
        while path in taken:
            n += 1
            path = f"{base}-{n}.md"
        taken.add(path)
        out[i] = path
    return out


def format_value(attr: str, value) -> str:
    if attr == "amount":
        return money(value)
    if attr == "partners":
        return "、".join(value)
    if attr == "jobs":
        return f"{value}个"
    if attr == "measures":
        return f"{value}项"
    return str(value)


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


def render_entity(entity: Entity, page: str, cite: Citations) -> str:
    sources = entity.sources
    numbers = {s: i for i, s in enumerate(sources, 1)}
    meta = {
        "type": entity.type,
        "title": entity.name,
        "name": entity.name,
        "aliases": entity.aliases,
        "attributes": {a: [v.value for v in entity.attrs[a]] for a in FIELDS[entity.type] if a in entity.attrs},
        "sources": [{"story": s.story, "sentence": s.sentence, "quote": s.quote} for s in sources],
    }
    out = [front_matter(meta), f"# {md_text(entity.name)}\n\n"]
    if entity.aliases:
        out.append(f"别名：{'、'.join(md_text(a) for a in entity.aliases)}\n\n")
    if entity.type == "metric":
        out.append(_metric_table(entity, page, cite, numbers))
    else:
        rows = [
            f"| {LABELS[a]} | {'；'.join(md_cell(format_value(a, v.value)) + cite.sup(v.sources, page, numbers) for v in entity.attrs[a])} |\n"
            for a in FIELDS[entity.type]
            if a in entity.attrs
        ]
        if rows:
            out.append("| 属性 | 值 |\n| --- | --- |\n" + "".join(rows) + "\n")
    if entity.type == "policy":
        out.append(_provisions(entity, page, cite))
    out.append("## 来源\n\n")
    for s in sources:
        out.append(f"{numbers[s]}. “{md_text(s.quote)}”  \n   —— {cite.link(s, page, md_text(cite.title(s)))}\n")
    return "".join(out)


def _metric_table(entity: Entity, page: str, cite: Citations, numbers) -> str:
    rows = ["| 数值 | 时期 | 范围 | 类型 | 来源 |\n| --: | --- | --- | --- | --- |\n"]
    for f in facts(entity):
        rows.append(
            f"| {md_cell(quantity(f.value, f.unit))} | {f.period or '—'} | {md_cell(f.scope or '—')} "
            f"| {KIND_LABELS.get(f.kind, f.kind)} | {cite.sup(f.sources, page, numbers)} |\n"
        )
    return "".join(rows) + "\n"


def _provisions(entity: Entity, page: str, cite: Citations) -> str:
    provisions = [p for m in entity.mentions for p in m.attrs.get("provisions", [])]
    if not provisions:
        return ""
    rows = ["## 条款\n\n| 条件 | 金额 | 出处 |\n| --- | --: | --- |\n"]
    seen = set()
    for p in provisions:
        if (p["sentence"], p["text"]) in seen:
            continue
        seen.add((p["sentence"], p["text"]))
        source = Source(p["story"], p["sentence"], p["quote"])
        rows.append(f"| {md_cell(p['condition'])} | {money(p['amount'])} | {cite.link(source, page, '原文')} |\n")
    joint = sorted({n for p in provisions for n in p.get("released_with", []) if n != entity.name})
    if joint:
        rows.append(f"\n以上条款出自与{'、'.join('《' + md_text(n) + '》' for n in joint)}同时发布的报道，原文未说明分属哪一份政策。\n")
    return "".join(rows) + "\n"


# --- topic indexes -------------------------------------------------------------

COLUMNS = {
    "platform": ("kind", "operator", "location"),
    "policy": ("issuer", "date", "measures"),
    "project": ("company", "amount", "stage", "date"),
}


def render_index(folder: str, title: str, about: str, entities: Sequence[Entity], paths: Mapping[int, str], positions: Sequence[int]) -> str:
    page = f"{folder}/index.md"
    out = [front_matter({"type": "index", "title": title, "count": len(positions)}), f"# {title}\n\n{about}。共 {len(positions)} 条。\n\n"]
    if not positions:
        return "".join(out) + "暂无条目。\n"
    etype = entities[positions[0]].type
    if etype == "metric":
        out.append("| 指标 | 最新数值 | 时期 | 范围 | 来源数 |\n| --- | --: | --- | --- | --: |\n")
        for i in positions:
            e = entities[i]
            latest = facts(e)[-1]
            out.append(
                f"| [{md_text(e.name)}]({rel_link(page, paths[i])}) | {md_cell(quantity(latest.value, latest.unit))} "
                f"| {latest.period or '—'} | {md_cell(latest.scope or '—')} | {len(e.sources)} |\n"
            )
        return "".join(out)
    cols = COLUMNS[etype]
    out.append("| 名称 | " + " | ".join(LABELS[c] for c in cols) + " | 来源数 |\n")
    out.append("| --- " * (len(cols) + 1) + "| --: |\n")
    for i in positions:
        e = entities[i]
        cells = [md_cell(format_value(c, e.first(c))) if e.first(c) is not None else "—" for c in cols]
        out.append(f"| [{md_text(e.name)}]({rel_link(page, paths[i])}) | " + " | ".join(cells) + f" | {len(e.sources)} |\n")
    return "".join(out)
