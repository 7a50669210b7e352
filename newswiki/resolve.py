"""Resolve: mentions -> entities, with aliases merged, relations, and conflicting facts.

Merging is driven by rules and data: exact names (width-normalised), the alias
table and collective names (``lexicon/aliases.txt``, ``collectives.txt``, turned
into mentions of the canonical name by ``extract.aliases``), and two rules:

- a name that is another name with a place or an organisation in front of it
  (武汉科技大学先进冶金与智能装备研究院 ⊃ 先进冶金与智能装备研究院) is the same entity,
  when only one longer name fits;
- two platform names of one kind whose cores (name without place and suffix)
  are equal are the same entity (化工新材料中试基地 ~ 武汉化工新材料中试验证基地).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from . import lexicon
from .extract.aliases import alias_table, ambiguous_aliases
from .extract.names import regions_in
from .model import Mention, Source

# attributes that are shown, in display order, per entity type
FIELDS = {
    "platform": ("kind", "operator", "partners", "location", "date", "members"),
    "policy": ("kind", "issuer", "date", "status", "measures"),
    "project": ("company", "amount", "stage", "date", "location", "area", "capacity", "jobs"),
    "metric": (),
    "organisation": ("kind", "belongs_to"),
}
# attributes that name another entity: attribute -> (relation label, types it may be)
LINKED = {
    "operator": ("牵头/运营", ("organisation", "platform")),
    "partners": ("合作方", ("organisation", "platform")),
    "company": ("企业", ("organisation",)),
    "members": ("成员", ("platform",)),
}
NAMED_AFTER = {"platform": "operator", "project": "company"}  # the role of an organisation a name starts with
CONFLICT_SUBJECT_MIN = 4  # shorter subjects ("企业") are too vague to compare or chart


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
    def id(self) -> str:
        return f"{self.type}:{key(self.name)}"

    @property
    def sources(self) -> list[Source]:
        seen, out = set(), []
        for m in self.mentions:
            if (m.source.story, m.source.sentence) not in seen:
                seen.add((m.source.story, m.source.sentence))
                out.append(m.source)
        return out

    @property
    def stories(self) -> list[str]:
        return list(dict.fromkeys(m.source.story for m in self.mentions))

    def first(self, attr: str):
        values = self.attrs.get(attr)
        return values[0].value if values else None

    @cached_property
    def facts(self) -> list[Fact]:
        """A metric's distinct values, each with all its sources."""
        return facts(self)


@dataclass
class Fact:
    """A metric value: one (value, unit, period, scope, kind), with every source that reports it."""

    subject: str
    value: int | float
    unit: str
    period: str | None  # see extract/periods.py: 2025, 2025Q1, 2025H1, 2025-01/2025-04 …
    scope: str | None  # the owner, or for a rank its peer group
    kind: str
    value_text: str
    owner: str | None = None
    bound: str | None = None  # min (超, 以上), about (近, 约) or max (最高)
    period_text: str = ""  # the words that give the period, as written
    period_inferred: bool = False  # its year is a guess at the story's year, no source states it
    sources: list[Source] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"fact:{key(self.subject)}:{self.period or ''}:{self.scope or ''}:{self.kind}:{self.value:g}{self.unit}"


@dataclass
class Relation:
    source: Entity  # the entity whose attribute names the target
    target: Entity
    label: str
    sources: list[Source]


@dataclass
class Conflict:
    """Sources that disagree on one metric: same subject, period, scope and kind."""

    entity: Entity
    facts: list[Fact]

    @property
    def id(self) -> str:
        f = self.facts[0]
        return f"conflict:{key(f.subject)}:{f.period or ''}:{f.scope or ''}:{f.kind}"


@dataclass
class KnowledgeBase:
    entities: list[Entity]
    relations: list[Relation]
    conflicts: list[Conflict]

    @cached_property
    def _links(self) -> dict[int, tuple[list[Relation], list[Relation]]]:
        links: dict[int, tuple[list[Relation], list[Relation]]] = {}
        for r in self.relations:
            links.setdefault(id(r.source), ([], []))[0].append(r)
            links.setdefault(id(r.target), ([], []))[1].append(r)
        return links

    def related(self, entity: Entity) -> tuple[list[Relation], list[Relation]]:
        """(relations from ``entity``, relations pointing at it)."""
        return self._links.get(id(entity), ([], []))

    @cached_property
    def ambiguous(self) -> dict[str, list[Entity]]:
        """Short names that stand for several entities: listed under several names in the
        alias table (武钢: 武钢集团, 武汉钢铁有限公司), or the name or alias of two entities."""
        index = lookup(self.entities)
        out = {alias: [index[(t, key(n))] for t, n in targets if (t, key(n)) in index] for alias, targets in ambiguous_aliases().items()}
        named: dict[str, list[Entity]] = {}
        for e in self.entities:
            if e.type != "metric":
                for n in (e.name, *e.aliases):
                    named.setdefault(n, []).append(e)
        out.update((n, es) for n, es in named.items() if len({id(e) for e in es}) > 1)
        return {n: list({id(e): e for e in es}.values()) for n, es in out.items() if len({id(e) for e in es}) > 1}


# --- entities --------------------------------------------------------------------


def resolve(mentions: Iterable[Mention]) -> KnowledgeBase:
    mentions = list(mentions)
    canonical = {(t, key(alias)): key(name) for alias, (t, name) in alias_table().items()}
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        k = key(m.name)
        groups.setdefault((m.type, canonical.get((m.type, k), k)), []).append(m)
    parent = {g: g for g in groups}

    def find(g):
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for a, b in _merge_pairs(groups):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    merged: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for g in groups:  # dict order: first appearance
        merged.setdefault(find(g), []).append(g)

    entities = [_entity([m for g in members for m in groups[g]]) for members in merged.values()]
    order = {id(m): i for i, m in enumerate(mentions)}
    entities.sort(key=lambda e: (list(FIELDS).index(e.type), order[id(e.mentions[0])]))
    relations = _relations(entities)
    return KnowledgeBase(entities, relations, _conflicts(entities))


_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")


def _merge_pairs(groups) -> list[tuple]:
    prefixes = set(lexicon.words("regions")) | {k for (t, k) in groups if t == "organisation"}
    prefixes |= {key(a) for a, (t, _) in alias_table().items() if t == "organisation"}
    pairs = []
    by_type: dict[str, list[str]] = {}
    for t, k in groups:
        by_type.setdefault(t, []).append(k)
    for t in ("platform", "organisation", "project"):
        names = set(by_type.get(t, []))
        longer: dict[str, list[str]] = {}
        for long in sorted(names):
            for k in range(1, len(long) - 4):  # the short name keeps five characters or more
                if _tiled(long[:k], prefixes) and long[k:] in names:
                    longer.setdefault(long[k:], []).append(long)
        pairs += [((t, short), (t, longs[0])) for short, longs in sorted(longer.items()) if len(longs) == 1]
    pairs = [p for p in pairs if not _named_together(groups[p[0]], groups[p[1]])]
    orgs = set(by_type.get("organisation", []))
    for name in sorted(orgs):  # 天保建设集团有限公司 and 天保建设集团: one firm, its legal form told or not
        legal = next((f for f in _LEGAL_FORMS if name.endswith(f)), "")
        if legal and len(short := name[: -len(legal)]) >= 4 and short in orgs:
            pairs.append((("organisation", short), ("organisation", name)))
    cores: dict[tuple[str, str], list[str]] = {}
    for k in by_type.get("platform", []):
        kind, core = _core(k)
        if len(core) >= 3:
            cores.setdefault((kind, core), []).append(k)
    for same in cores.values():
        pairs += [(("platform", same[0]), ("platform", other)) for other in same[1:]]
    for t in _SUFFIXES:
        names = sorted(set(by_type.get(t, [])))
        pairs += [((t, a), (t, b)) for a, b in _one_char_pairs(t, names) + _swapped_pairs(names)]
    pairs += [(("project", a), ("project", b)) for a, b in _company_pairs(sorted(set(by_type.get("project", []))), by_type)]
    return pairs


def _tiled(text: str, words: set[str]) -> bool:
    """Is ``text`` one or more of ``words`` in a row (武汉 + 东湖高新区)?"""
    ends = {0}
    for i in range(len(text)):
        if i in ends:
            ends |= {j for j in range(i + 1, len(text) + 1) if text[i:j] in words}
    return len(text) in ends


def _named_together(a: list[Mention], b: list[Mention]) -> bool:
    """Both names in one sentence: two entities (武汉人工智能研究院、北京大学武汉人工智能研究院)."""
    return bool({(m.source.story, m.source.sentence) for m in a} & {(m.source.story, m.source.sentence) for m in b})


# --- near-duplicates -------------------------------------------------------------------

_SUFFIXES = {"platform": "platform_suffixes", "policy": "policy_cues", "project": "project_suffixes"}
NEAR_MIN = 6  # shorter names one character apart are often two things (武汉大学 / 武汉科大)
_DISTINCT = set("0123456789零一二三四五六七八九十百千两东西南北中上下")  # 第一批/第二批, 华南/华北
MODIFIER_MAX = 4  # an extra word before a project's core (新能源无取向硅钢项目)


def _one_char_pairs(etype: str, names: list[str]) -> list[tuple[str, str]]:
    """Names of one suffix that differ by one character before it (数字经济/数智经济,
    数创大走廊/数创走廊), found through shared one-deletion variants."""
    variants: dict[str, list[tuple[str, int]]] = {}
    for n in names:
        if len(n) >= NEAR_MIN:
            variants.setdefault(n, []).append((n, -1))
            for i in range(len(n)):
                variants.setdefault(n[:i] + n[i + 1 :], []).append((n, i))
    out = []
    for hits in variants.values():
        for x, (a, i) in enumerate(hits):
            for b, j in hits[x + 1 :]:
                if a != b and (i == j or -1 in (i, j)) and _variant(etype, a, b, max(i, j)):
                    out.append((a, b))
    return out


def _variant(etype: str, a: str, b: str, at: int) -> bool:
    """Is the one-character difference at ``at`` a variant, not another entity: outside the
    suffix, not a numeral or direction, and both names name the same places?"""
    if {a[at:at + 1], b[at:at + 1]} & _DISTINCT or _regions_of(a) != _regions_of(b):
        return False
    kind_a, kind_b = _suffix_kind(etype, a), _suffix_kind(etype, b)
    return kind_a is not None and kind_a == kind_b and at <= min(len(a), len(b)) - 2


def _suffix_kind(etype: str, name: str) -> str | None:
    """The kind of the longest suffix the name ends with (数创大走廊 and 数创走廊: 科创带)."""
    rows = lexicon.rows(_SUFFIXES[etype])
    return next((r[-1] for r in sorted(rows, key=lambda r: -len(r[0])) if name.endswith(r[0])), None)


def _regions_of(name: str) -> list[str]:
    return [r for _, r in regions_in(name)]


def _swapped_pairs(names: list[str]) -> list[tuple[str, str]]:
    """Names with two words in the other order (场景机会清单 / 机会场景清单)."""
    anagrams: dict[str, list[str]] = {}
    for n in names:
        if len(n) >= NEAR_MIN:
            anagrams.setdefault("".join(sorted(n)), []).append(n)
    out = []
    for same in anagrams.values():
        out += [(a, b) for x, a in enumerate(same) for b in same[x + 1 :] if _two_words_swapped(a, b)]
    return out


def _two_words_swapped(a: str, b: str) -> bool:
    p = len(os.path.commonprefix([a, b]))
    s = len(os.path.commonprefix([a[::-1], b[::-1]]))
    mid_a, mid_b = a[p : len(a) - s], b[p : len(b) - s]
    return any(mid_a[k:] + mid_a[:k] == mid_b for k in range(2, len(mid_a) - 1))


def _company_pairs(projects: list[str], by_type) -> list[tuple[str, str]]:
    """Projects of one company, named by its full or short name, one with an extra modifier
    word before the same core (武钢有限无取向硅钢项目 / 武汉钢铁有限公司新能源无取向硅钢项目)."""
    companies = {k: k for k in by_type.get("organisation", []) if len(k) >= 3}
    companies |= {key(a): key(n) for a, (t, n) in alias_table().items() if t == "organisation"}
    by_company: dict[str, list[tuple[str, str]]] = {}
    for name in projects:
        lead = max((c for c in companies if name.startswith(c) and len(name) - len(c) >= 5), key=len, default=None)
        if lead:
            by_company.setdefault(companies[lead], []).append((name, name[len(lead) :]))
    out = []
    for named in by_company.values():
        for x, (a, core_a) in enumerate(named):
            for b, core_b in named[x + 1 :]:
                short, long = sorted((core_a, core_b), key=len)
                if long.endswith(short) and len(long) - len(short) <= MODIFIER_MAX:
                    out.append((a, b))
    return out


def _core(name: str) -> tuple[str, str]:
    """(kind, name without a leading place and its suffix) of a platform name."""
    suffixes = {r[0]: r[1] for r in lexicon.rows("platform_suffixes")}
    suffix = next((s for s in sorted(suffixes, key=len, reverse=True) if name.endswith(s)), "")
    core = name[: len(name) - len(suffix)]
    for region in lexicon.words("regions"):
        if core.startswith(region) and len(core) > len(region):
            core = core[len(region) :]
            break
    return suffixes.get(suffix, ""), core


@lru_cache(maxsize=1)
def _canonical_names() -> frozenset[str]:
    return frozenset(name for _, (_, name) in alias_table().items())


def _entity(mentions: list[Mention]) -> Entity:
    canonical = _canonical_names()
    names = Counter(m.name for m in mentions)
    first = {n: i for i, n in reversed(list(enumerate(m.name for m in mentions)))}
    name = max(names, key=lambda n: (n in canonical, len(n), names[n], -first[n]))
    entity = Entity(mentions[0].type, name, mentions)
    names_seen, written = {key(name)}, {name}
    stated: set[tuple[int, Source]] = set()  # (id of a Value, source): a repeat costs O(1)
    for m in mentions:
        # another name, or a form the text writes (武汉超级计算(数据)中心项目, 國家網安基地) kept as written
        for alias, new in ((m.name, key(m.name) not in names_seen), (a := m.attrs.get("alias"), a not in written)):
            if alias and new:
                names_seen.add(key(alias))
                written.add(alias)
                entity.aliases.append(alias)
        for attr in FIELDS[m.type]:
            if (v := m.attrs.get(attr)) not in (None, "", []):
                _add_value(entity, attr, v, m.source, stated)
    return entity


def _add_value(entity: Entity, attr: str, value, source: Source, stated: set[tuple[int, Source]]) -> None:
    values = entity.attrs.setdefault(attr, [])
    v = next((v for v in values if v.value == value), None)
    if v is None:
        v = Value(value, [])
        values.append(v)
    if (id(v), source) not in stated:
        stated.add((id(v), source))
        v.sources.append(source)


# --- relations ---------------------------------------------------------------------


def lookup(entities: Sequence[Entity]) -> dict[tuple[str, str], Entity]:
    """(type, key of name or alias) -> entity."""
    out = {}
    for e in entities:
        for n in (e.name, *e.aliases):
            out.setdefault((e.type, key(n)), e)
    return out


def _relations(entities: list[Entity]) -> list[Relation]:
    index = lookup(entities)
    out = []
    for e in list(entities):
        for attr, (label, types) in LINKED.items():
            for v in e.attrs.get(attr, []):
                for name in v.value if isinstance(v.value, list) else [v.value]:
                    target = next((index[(t, key(name))] for t in types if (t, key(name)) in index), None)
                    if target is None and "organisation" in types:
                        # an organisation named only as operator or company still gets a page
                        m = Mention("organisation", name, name, v.sources[0], {})
                        target = _entity([m])
                        entities.append(target)
                        index[("organisation", key(name))] = target
                    if target is not None and target is not e:
                        out.append(Relation(e, target, label, v.sources))
    # "武科大先进耐火材料全国重点实验室", "武钢有限无取向硅钢项目": named after their organisation
    prefixes = sorted(((k, org) for (t, k), org in index.items() if t == "organisation" and len(k) >= 3), key=lambda p: -len(p[0]))
    for e in entities:
        attr = NAMED_AFTER.get(e.type)
        if attr and attr not in e.attrs:
            org = next((org for k, org in prefixes if key(e.name).startswith(k) and key(e.name) != k), None)
            if org is not None:
                out.append(Relation(e, org, LINKED[attr][0], e.sources[:1]))
    return out


# --- metrics -------------------------------------------------------------------------


def facts(entity: Entity) -> list[Fact]:
    """The distinct values of a metric entity, each with all its sources."""
    out: dict[tuple, Fact] = {}
    stated: set[tuple[tuple, Source]] = set()
    for m in entity.mentions:
        a = m.attrs
        k = (a["value"], a["unit"], a.get("period"), a.get("scope"), a["kind"])
        fact = out.setdefault(k, Fact(
            a.get("subject", entity.name), a["value"], a["unit"], a.get("period"), a.get("scope"), a["kind"],
            a["value_text"], a.get("owner"), a.get("bound"), a.get("period_text", ""), bool(a.get("period_inferred")),
        ))
        fact.period_inferred = fact.period_inferred and bool(a.get("period_inferred"))  # one source states it
        if (k, m.source) not in stated:
            stated.add((k, m.source))
            fact.sources.append(m.source)
    return sorted(out.values(), key=lambda f: (f.period or "", f.scope or "", f.value))


def _conflicts(entities: Sequence[Entity]) -> list[Conflict]:
    out = []
    for e in entities:
        if e.type != "metric" or len(key(e.name)) < CONFLICT_SUBJECT_MIN:
            continue
        slots: dict[tuple, list[Fact]] = {}
        for f in e.facts:
            if f.period is not None:  # two figures of unknown periods need not disagree
                slots.setdefault((f.period, f.scope, f.kind, f.unit), []).append(f)
        out += [Conflict(e, fs) for fs in slots.values() if len(fs) > 1]
    return out
