"""Bar charts as static SVG, drawn at build time (no scripts, no external requests)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..resolve import CONFLICT_SUBJECT_MIN, Entity, key
from .figures import period_label, quantity

WIDTH, BAR, GAP, LABEL_W, VALUE_W = 640, 22, 10, 170, 110


def series(entity: Entity) -> list[tuple[str, float, str]] | None:
    """(label, value, shown value) when the metric has a series: one unit and kind,
    several periods or scopes (not several values for one slot: that is a conflict).
    Ranks are not drawn: a longer bar would mean a worse place."""
    rows = entity.facts
    kinds = {(f.unit, f.kind) for f in rows}
    if len(key(entity.name)) < CONFLICT_SUBJECT_MIN or len(kinds) != 1 or rows[0].kind == "rank":
        return None
    slots = {(f.period, f.scope) for f in rows}
    if len(slots) < 2 or len(slots) != len(rows):
        return None
    return [(f"{period_label(f.period, f.period_text)} {f.scope or ''}".strip(), float(f.value), quantity(f.value, f.unit)) for f in rows]


def series_chart(entity: Entity) -> str | None:
    data = series(entity)
    if data is None:
        return None
    top = max(v for _, v, _ in data) or 1
    height = len(data) * (BAR + GAP) + GAP + 28
    span = WIDTH - LABEL_W - VALUE_W
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="sans-serif" font-size="13" role="img" aria-label="{escape(entity.name)}">',
        f'<text x="0" y="16" font-weight="bold">{escape(entity.name)}</text>',
    ]
    for i, (label, value, shown) in enumerate(data):
        y = 28 + i * (BAR + GAP)
        w = max(1, round(span * value / top))
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{w}" height="{BAR}" fill="#4051b5"/>')
        parts.append(f'<text x="{LABEL_W + w + 6}" y="{y + 16}">{escape(shown)}</text>')
    parts.append("</svg>\n")
    return "\n".join(parts)


def chart_path(site, entity: Entity) -> str:
    return site.page(entity).replace("metrics/", "metrics/charts/", 1).removesuffix(".md") + ".svg"
