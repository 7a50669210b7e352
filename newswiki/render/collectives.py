"""Collective events: "11个重大项目集中开工，总投资约70.2亿元；其中传统制造业项目5个，总投资9.8亿元"
is one event, with its count, total and breakdown, and the projects the story lists for
it, on one page (``events/``). The figures keep their metric pages, which link here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Mention
from ..resolve import Entity
from .figures import figure
from .site import Site, slug
from .text import front_matter, md_cell, md_text, rel_link

FOLDER = "events"
INDEX = f"{FOLDER}/index.md"
_COUNT = re.compile(r"^集中(开工|签约|竣工|投产|开业)(.*项目)$")  # "集中开工重大项目"
_TOTAL = re.compile(r"(?:总投资|总额|总金额)$")
_PART = re.compile(r"项目(?:总投资|总额|总金额)?$")
WINDOW = 3  # sentences after the count that may break it down


@dataclass
class Collective:
    title: str
    stage: str
    count: tuple[Entity, Mention]
    total: tuple[Entity, Mention] | None = None
    parts: list[tuple[str, tuple[Entity, Mention] | None, tuple[Entity, Mention] | None]] = field(default_factory=list)
    projects: list[Entity] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"{FOLDER}/{slug(self.title)}.md"

    @property
    def members(self) -> list[Entity]:
        told = [self.count, self.total, *(f for _, n, a in self.parts for f in (n, a))]
        return [e for e, _ in filter(None, told)]


def collectives(site: Site) -> list[Collective]:
    """The collective events of every story, in story order."""
    figures: dict[str, list[tuple[Entity, Mention]]] = {}
    for e in site.kb.entities:
        if e.type == "metric":
            for m in e.mentions:
                figures.setdefault(m.source.story, []).append((e, m))
    projects: dict[tuple[str, str], list[Entity]] = {}
    for e in site.kb.entities:
        if e.type == "project":
            for m in e.mentions:
                listed = projects.setdefault((m.source.story, stage), []) if (stage := m.attrs.get("stage")) else None
                if listed is not None and not any(p is e for p in listed):
                    listed.append(e)
    out = []
    for story in site.stories:
        told = sorted(figures.get(story, []), key=lambda f: (_sentence_no(f[1]), f[1].attrs.get("at", 0)))
        for i, (e, m) in enumerate(told):
            if not (counted := _COUNT.match(m.attrs.get("subject", ""))) or m.attrs.get("kind") != "total":
                continue
            stage, what = counted.groups()
            # "9个项目同时开工…此次集中开工的9个项目分别为…其中…": one event told twice
            event = next((ev for ev in out if ev.stage == stage and ev.count[1].source.story == story and ev.count[1].attrs["value"] == m.attrs["value"]), None)
            if event is None:
                when = site.stories[story].date or m.attrs.get("period")
                title = " ".join(filter(None, (m.attrs.get("owner"), when, f"{what}集中{stage}")))
                event = Collective(title, stage, (e, m), projects=projects.get((story, stage), []))
                out.append(event)
            for later in told[i + 1 :]:
                subject = later[1].attrs.get("subject", "")
                if _sentence_no(later[1]) > _sentence_no(m) + WINDOW or _COUNT.match(subject):
                    break
                if subject.startswith(m.attrs["subject"]) and _TOTAL.search(subject):
                    event.total = event.total or later
                elif _PART.search(subject) and "集中" not in subject:
                    _add_part(event, subject, later)
    return out


def _sentence_no(m: Mention) -> int:
    return int(re.sub(r"\D", "", m.source.sentence) or 0)


def _add_part(event: Collective, subject: str, told: tuple[Entity, Mention]) -> None:
    """"传统制造业项目5个，总投资9.8亿元": a row of the breakdown, its count and amount."""
    name = _TOTAL.sub("", subject)
    row = next((r for r in event.parts if r[0] == name), None)
    amount = told[1].attrs.get("unit") == "元"
    if row is None:
        event.parts.append((name, None if amount else told, told if amount else None))
    else:
        i = event.parts.index(row)
        event.parts[i] = (name, row[1] or (None if amount else told), row[2] or (told if amount else None))


def member_of(site: Site, events: list[Collective], entity: Entity, from_page: str) -> str:
    """The line atop a metric page whose figure belongs to a collective event."""
    return "".join(
        f"*本数字属于一次集中活动：[{md_text(ev.title)}]({rel_link(from_page, ev.page)})。*\n\n"
        for ev in events if any(m is entity for m in ev.members)
    )


def render(site: Site, event: Collective) -> str:
    page = event.page
    e, m = event.count
    meta = {"type": "event", "title": event.title, "name": event.title, "search": {"boost": 2}}
    out = [front_matter(meta), f"# {md_text(event.title)}\n\n", f"来源：{site.reference(m.source, page)}\n\n"]
    out.append("| 项目 | 数量 | 总投资 |\n| --- | --- | --- |\n")
    out.append(f"| 合计 | {_cell(site, event.count, page)} | {_cell(site, event.total, page)} |\n")
    for name, count, amount in event.parts:
        out.append(f"| {md_cell(name)} | {_cell(site, count, page)} | {_cell(site, amount, page)} |\n")
    if event.projects:
        out.append(f"\n## 报道列出的项目（{len(event.projects)}个）\n\n")
        out += [f"- {site.entity_link(p, page)}\n" for p in event.projects]
    return "".join(out) + "\n"


def _cell(site: Site, told: tuple[Entity, Mention] | None, page: str) -> str:
    if told is None:
        return "—"
    e, m = told
    shown = figure(m.attrs["value"], m.attrs["unit"], m.attrs.get("bound"))
    return f"{site.entity_link(e, page, shown)}{site.marks([m.source], page, {m.source: 1})}"


def render_index(events: list[Collective]) -> str:
    meta = {"type": "index", "title": "集中活动", "search": {"boost": 0.5}}
    out = [front_matter(meta), "# 集中活动\n\n项目集中开工、签约等活动：项目数、总投资、分类和报道列出的项目。\n\n"]
    out += [f"- [{md_text(ev.title)}]({rel_link(INDEX, ev.page)})\n" for ev in events]
    return "".join(out) if events else "".join(out) + "暂无。\n"
