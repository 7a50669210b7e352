"""Bar charts as static SVG, drawn at build time (no scripts, no external requests).

A metric page holds one owner's indicator (青山区 高新技术企业), so a page alone rarely
has a series. A chart is drawn per indicator: the same subject, unit and kind across
owners and periods (青山区 and 江夏区 高新技术企业; 2024 and 2025), and shown on every
page of that indicator, on its owners' region pages and on the metrics index.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..resolve import CONFLICT_SUBJECT_MIN, Entity, Fact, KnowledgeBase, key
from .figures import fact_period, quantity
from .site import slug

WIDTH, BAR, GAP, LABEL_W, VALUE_W = 640, 22, 10, 190, 110
FOLDER = "metrics/charts"


@dataclass
class Chart:
    subject: str
    path: str  # docs-relative path of the SVG
    rows: list[tuple[Entity, Fact]]

    @property
    def entities(self) -> list[Entity]:
        return list({id(e): e for e, _ in self.rows}.values())

    @property
    def owners(self) -> list[str]:
        return list(dict.fromkeys(f.owner or f.scope or "" for _, f in self.rows))


_last: list = [None, ()]  # the knowledge base last charted and its charts


def charts(kb: KnowledgeBase) -> tuple[Chart, ...]:
    if _last[0] is not kb:
        _last[:] = [kb, _draw(kb)]
    return _last[1]


def _draw(kb: KnowledgeBase) -> tuple[Chart, ...]:
    """Indicators with a series: one subject, unit and kind, two or more (owner, period)
    slots. Ranks are not drawn: a longer bar would mean a worse place. Subjects shorter
    than four characters (企业) are too vague to compare."""
    groups: dict[tuple, list[tuple[Entity, Fact]]] = {}
    for e in kb.entities:
        if e.type == "metric":
            for f in e.facts:
                if f.kind != "rank" and len(key(f.subject)) >= CONFLICT_SUBJECT_MIN:
                    groups.setdefault((key(f.subject), f.unit, f.kind), []).append((e, f))
    out, taken = [], set()
    for (_, unit, kind), rows in groups.items():
        if len({(f.owner, f.period) for _, f in rows}) < 2:
            continue
        base = f"{FOLDER}/{slug(rows[0][1].subject)}"
        path = f"{base}.svg" if base not in taken else f"{base}-{slug(kind + unit)}.svg"
        taken.add(base)
        out.append(Chart(rows[0][1].subject, path, _ordered(rows)))
    return tuple(out)


def _ordered(rows: list[tuple[Entity, Fact]]) -> list[tuple[Entity, Fact]]:
    """A time series oldest first; owners compared in one period, largest first."""
    if len({f.period for _, f in rows}) > 1:
        return sorted(rows, key=lambda r: (r[1].owner or "", r[1].period or "", -r[1].value))
    return sorted(rows, key=lambda r: -r[1].value)


def chart_for(kb: KnowledgeBase, entity: Entity) -> Chart | None:
    return next((c for c in charts(kb) if any(e is entity for e, _ in c.rows)), None)


def labels(chart: Chart) -> list[str]:
    """Bar labels: owner and period, leaving out what all bars share; a slot reported
    with two values is marked."""
    owners = len({f.owner for _, f in chart.rows}) > 1
    periods = len({f.period for _, f in chart.rows}) > 1
    slots: dict[tuple, int] = {}
    for _, f in chart.rows:
        slots[(f.owner, f.period)] = slots.get((f.owner, f.period), 0) + 1
    out = []
    for _, f in chart.rows:
        parts = [f.owner or f.scope or "" if owners else "", fact_period(f) if periods else ""]
        label = " ".join(p for p in parts if p)
        out.append(label + ("（说法不一）" if slots[(f.owner, f.period)] > 1 else ""))
    return out


def svg(chart: Chart) -> str:
    rows = chart.rows
    top = max(f.value for _, f in rows) or 1
    height = len(rows) * (BAR + GAP) + GAP + 28
    span = WIDTH - LABEL_W - VALUE_W
    shared = [f.owner or "" for _, f in rows[:1] if len({f.owner for _, f in rows}) == 1]
    shared += [fact_period(f) for _, f in rows[:1] if len({f.period for _, f in rows}) == 1]
    title = chart.subject + (f"（{'，'.join(shared)}）" if shared else "")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="sans-serif" font-size="13" role="img" aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
    ]
    for i, ((_, f), label) in enumerate(zip(rows, labels(chart))):
        y = 28 + i * (BAR + GAP)
        w = max(1, round(span * f.value / top))
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{w}" height="{BAR}" fill="#4051b5"/>')
        parts.append(f'<text x="{LABEL_W + w + 6}" y="{y + 16}">{escape(quantity(f.value, f.unit))}</text>')
    parts.append("</svg>\n")
    return "\n".join(parts)


def render_charts(kb: KnowledgeBase) -> dict[str, str]:
    return {c.path: svg(c) for c in charts(kb)}
