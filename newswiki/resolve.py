"""Resolve: group mentions into entities; one fact told by several stories keeps every source."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Mention, Source

# attributes that are shown, in display order, per entity type
FIELDS = {
    "platform": ("kind", "operator", "partners", "location", "date"),
    "policy": ("kind", "issuer", "date", "measures"),
    "project": ("company", "amount", "stage", "date", "location", "area", "capacity", "jobs"),
    "metric": (),
}


def key(name: str) -> str:
    """Comparison form of a name: width-normalised, without quotes, brackets or spaces."""
    return re.sub(r"[《》“”\"'\s·]", "", unicodedata.normalize("NFKC", name))


@dataclass
class Value:
    """One attribute value and the sentences that state it."""

    value: object
    sources: list[Source] = field(default_factory=list)


@dataclass
class Entity:
    type: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    attrs: dict[str, list[Value]] = field(default_factory=dict)

    @property
    def sources(self) -> list[Source]:
        seen, out = set(), []
        for m in self.mentions:
            if (m.source.story, m.source.sentence) not in seen:
                seen.add((m.source.story, m.source.sentence))
                out.append(m.source)
        return out

    def first(self, attr: str):
        values = self.attrs.get(attr)
        return values[0].value if values else None


@dataclass
class Fact:
    """A metric value: one (value, unit, period, scope, kind), with every source that reports it."""

    subject: str
    value: int | float
    unit: str
    period: int | None
    scope: str | None
    kind: str
    value_text: str
    sources: list[Source] = field(default_factory=list)


def resolve(mentions: Iterable[Mention]) -> list[Entity]:
    """Entities in a stable order: by type, then by first appearance."""
    groups: dict[tuple[str, str], Entity] = {}
    for m in mentions:
        entity = groups.setdefault((m.type, key(m.name)), Entity(m.type, m.name))
        entity.mentions.append(m)
        if m.name != entity.name and m.name not in entity.aliases:
            entity.aliases.append(m.name)
        for attr in FIELDS[m.type]:
            if (v := m.attrs.get(attr)) not in (None, "", []):
                _add_value(entity, attr, v, m.source)
    return list(groups.values())


def _add_value(entity: Entity, attr: str, value, source: Source) -> None:
    values = entity.attrs.setdefault(attr, [])
    for v in values:
        if v.value == value:
            if source not in v.sources:
                v.sources.append(source)
            return
    values.append(Value(value, [source]))


def facts(entity: Entity) -> list[Fact]:
    """The distinct values of a metric entity, each with all its sources."""
    out: dict[tuple, Fact] = {}
    for m in entity.mentions:
        a = m.attrs
        k = (a["value"], a["unit"], a.get("period"), a.get("scope"), a["kind"])
        fact = out.setdefault(k, Fact(entity.name, a["value"], a["unit"], a.get("period"), a.get("scope"), a["kind"], a["value_text"]))
        if m.source not in fact.sources:
            fact.sources.append(m.source)
    return sorted(out.values(), key=lambda f: (f.period or 0, f.scope or "", f.value))
