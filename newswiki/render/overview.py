"""Cross-cutting pages: the conflicts list and the timeline."""

from __future__ import annotations

from ..model import Source, Story
from ..resolve import Entity
from .events import story_event
from .figures import fact_period, quantity
from .site import Site
from .text import front_matter, md_cell, md_text

STAGE_VERB = {"签约": "签约", "开工": "开工", "投产": "投产", "达产": "达产", "竣工": "竣工", "交付": "交付",
              "通车": "建成通车", "投运": "投入运营", "落地": "落地", "落户": "落户", "封顶": "封顶"}


def render_conflicts(site: Site) -> str:
    page = "conflicts/index.md"
    conflicts = site.kb.conflicts
    out = [
        front_matter({"type": "index", "title": "来源冲突", "count": len(conflicts)}),
        "# 来源冲突\n\n同一指标、同一时期、同一范围，不同报道给出不同数值。本站不替读者裁决，列出每个数值及其出处。\n\n",
    ]
    if not conflicts:
        return "".join(out) + "暂无冲突。\n"
    out.append("| 指标 | 时期 | 范围 | 各方数值 |\n| --- | --- | --- | --- |\n")
    for c in conflicts:
        f0 = c.facts[0]
        values = "；".join(
            f"{md_cell(quantity(f.value, f.unit))}（" + "、".join(site.cite(s, page, md_text(site.story_title(s))) for s in f.sources) + "）"
            for f in c.facts
        )
        out.append(f"| {site.entity_link(c.entity, page)} | {md_cell(fact_period(f0))} | {md_cell(f0.scope or '—')} | {values} |\n")
    return "".join(out)


def story_events(story: Story) -> list[tuple[str, str, Source, None]]:
    """The event an on-topic story's date sentence names, as a timeline entry (or none)."""
    if story.relevant and story.date and not story.year_inferred and (found := story_event(story)):
        what, sent = found
        return [(story.date, what, Source(story.id, sent.id, sent.text), None)]
    return []


def timeline_events(site: Site, told: list[tuple[str, str, Source, None]]) -> list[tuple[str, str, object]]:
    """(date, what happened, source) for every dated event, oldest first: ``told`` by the
    stories (``story_events``) and the dates of entities."""
    events = list(told)
    for e in site.kb.entities:
        for v in e.attrs.get("date", []):
            what = _event_label(e)
            for src in v.sources[:1]:
                events.append((str(v.value), what, src, e))
    seen, out = set(), []
    for ev in sorted(events, key=lambda ev: (ev[0], ev[2].story, int(ev[2].sentence[1:]), ev[1])):
        if (ev[0], ev[1]) not in seen:
            seen.add((ev[0], ev[1]))
            out.append(ev)
    return out


def _event_label(e: Entity) -> str:
    if e.type == "project":
        return f"{e.name} {STAGE_VERB.get(e.first('stage'), e.first('stage') or '')}".strip()
    if e.type == "policy":
        return f"《{e.name}》发布"
    events = [m.attrs["event"] for m in e.mentions if m.attrs.get("event")]
    return f"{e.name} {events[0] if events else '启用'}"


def render_timeline(site: Site, events: list) -> str:
    page = "timeline/index.md"
    out = [
        front_matter({"type": "index", "title": "时间线", "count": len(events)}),
        "# 时间线\n\n报道中有日期的事件：会议、签约、揭牌、开工、投产、竣工与政策发布，按时间排列，每条链接到原句。\n\n",
    ]
    year = None
    for date, what, src, entity in events:
        if date[:4] != year:
            year = date[:4]
            out.append(f"\n## {year}年\n\n")
        subject = site.entity_link(entity, page, what) if entity else md_text(what)
        out.append(f"- **{date}** {subject} —— {site.cite_origin(src, page)}\n")
    return "".join(out)
