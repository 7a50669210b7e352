"""Strict score: every fact must be right in full (rules in tests/gold/README.md)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from ..model import Mention
from .lenient import names
from .match import (
    canonical_name,
    condition_match,
    field_match,
    kind_match,
    norm,
    period_match,
    region,
    scope_match,
    subject_match,
)
from .score import Score, amount

PLATFORM_FIELDS = ("operator", "location", "kind")
PROJECT_FIELDS = ("company", "amount", "stage", "date", "area", "capacity", "location", "jobs")
ORG_FIELDS = ("operator", "partners", "company", "issuer")
# rows of the strict table: (row, held to the topic targets); the others break a topic down
ROWS = (
    ("platforms", True),
    ("platform fields", False),
    ("policies", True),
    ("provisions", True),
    ("projects", True),
    ("project names", False),
    ("project fields", False),
    ("metrics", True),
    ("organisations", True),
)


def score_article(mentions: list[Mention], gold: dict, label: str) -> dict[str, Score]:
    """Strict scores of one article; ``mentions`` include short names resolved through
    the alias table, which count for organisations only (as their other form)."""
    of = lambda t: [m for m in mentions if m.type == t and "alias" not in m.attrs]  # noqa: E731
    platforms, policies, projects = gold.get("platforms") or [], gold.get("policies") or [], gold.get("projects") or []
    project_names = names(of("project"), projects, label)
    project_fields = _fields(of("project"), projects, PROJECT_FIELDS, label, stated_only=False)
    both = Score()
    both.add(project_names)
    both.add(project_fields)
    return {
        "platforms": names(of("platform"), platforms, label),
        "platform fields": _fields(of("platform"), platforms, PLATFORM_FIELDS, label, stated_only=True),
        "policies": names(of("policy"), policies, label),
        "provisions": _provisions(of("policy"), policies, label),
        "projects": both,
        "project names": project_names,
        "project fields": project_fields,
        "metrics": _metrics(of("metric"), gold.get("metrics") or [], label),
        "organisations": _organisations(mentions, gold, label),
    }


# --- entities and their fields --------------------------------------------------


def _gold_index(gold: list[dict]) -> dict[str, int]:
    """Normalised name or alias -> index of the gold entry."""
    return {norm(n): i for i, g in enumerate(gold) for n in (g["name"], *g.get("aliases", []))}


def _by_name(predicted: list[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in predicted:
        out.setdefault(norm(m.name), []).append(m)
    return out


def _fields(predicted: list[Mention], gold: list[dict], fields: tuple[str, ...], label: str, stated_only: bool) -> Score:
    """Each field value of a predicted entity whose name matches a gold one is a fact;
    so is each field the gold entry states. ``stated_only``: count predicted values
    only of fields the gold entry states."""
    index = _gold_index(gold)
    score = Score()
    found: set[tuple[int, str]] = set()
    for name, group in sorted(_by_name(predicted).items()):
        if name not in index:
            continue
        i = index[name]
        for f in fields:
            if stated_only and f not in gold[i]:
                continue
            for value in dict.fromkeys(str(m.attrs[f]) for m in group if m.attrs.get(f) is not None):
                score.predicted += 1
                if f in gold[i] and field_match(f, value, gold[i][f]):
                    score.tp += 1
                    found.add((i, f))
                else:
                    score.false_hits.append(f"{label}: {gold[i]['name']} {f}={value} (gold {gold[i].get(f, '—')})")
    _tally(score, found, (((i, f), f"{label}: {g['name']} {f}={g[f]}") for i, g in enumerate(gold) for f in fields if f in g))
    return score


def _tally(score: Score, found: set, gold: Iterable[tuple[tuple, str]]) -> None:
    """Count each gold item (its key and how a miss reads) as found or missed."""
    for key, shown in gold:
        score.gold += 1
        if key in found:
            score.found += 1
        else:
            score.misses.append(shown)


def _provisions(predicted: list[Mention], gold: list[dict], label: str) -> Score:
    """A provision counts under the policy it belongs to: same amount, matching condition."""
    index = _gold_index(gold)
    score = Score()
    found: set[tuple[int, int]] = set()
    for name, group in sorted(_by_name(predicted).items()):
        provisions = {(p["amount"], norm(p["condition"])): p for m in group for p in m.attrs.get("provisions", [])}
        wanted = gold[index[name]].get("provisions") or [] if name in index else []
        for p in provisions.values():
            score.predicted += 1
            hits = [j for j, g in enumerate(wanted) if _provision_match(p, g)]
            if hits:
                score.tp += 1
                found.update((index[name], j) for j in hits)
            else:
                score.false_hits.append(f"{label}: {name[:16]} {amount(p['amount'], '元')} if {p['condition']}")
    _tally(score, found, (
        ((i, j), f"{label}: {g['name'][:16]} {amount(p['amount'], '元')} if {p['condition']}")
        for i, g in enumerate(gold) for j, p in enumerate(g.get("provisions") or [])
    ))
    return score


def _provision_match(predicted: dict, gold: dict) -> bool:
    return math.isclose(float(predicted["amount"]), float(gold["amount"])) and condition_match(predicted["condition"], gold["condition"])


def _org_names(values: list[object]) -> list[str]:
    """Canonical organisation names, regions left out (青山区 issues a policy, it is no organisation)."""
    flat = [v for value in values for v in (value if isinstance(value, list) else [value]) if v]
    return [canonical_name(str(v)) for v in flat if region(str(v)) is None]


def _organisations(mentions: list[Mention], gold: dict, label: str) -> Score:
    """Distinct organisations, on both sides by one definition: the names in the fields of
    platforms, policies and projects, and every organisation named when the gold lists them
    all (a top-level ``organisations``); a short form the article uses for one (武科大) names it too."""
    entries = [e for topic in ("platforms", "policies", "projects") for e in gold.get(topic) or []]
    listed = "organisations" in gold
    wanted = set(_org_names([e.get(f) for e in entries for f in ORG_FIELDS] + list(gold.get("organisations") or [])))
    got: dict[str, set[str]] = {}
    for m in mentions:
        own = [m.name] if m.type == "organisation" else []
        for name in _org_names((own if listed else []) + [m.attrs.get(f) for f in ORG_FIELDS]):
            got.setdefault(name, {name})
        if own and "alias" in m.attrs and (key := canonical_name(m.name)) in got:
            got[key].update(_org_names([m.attrs["alias"]]))
    right = {n for n, forms in got.items() if forms & wanted}
    named = set().union(*got.values()) & wanted if got else set()
    return Score(
        tp=len(right),
        predicted=len(got),
        found=len(named),
        gold=len(wanted),
        misses=[f"{label}: {n}" for n in sorted(wanted - named)],
        false_hits=[f"{label}: {n}" for n in sorted(set(got) - right)],
    )


# --- metrics --------------------------------------------------------------------

Check = Callable[[Mention, dict], bool]
CHECKS: tuple[tuple[str, Check], ...] = (
    ("period", lambda m, g: g.get("period") is None or period_match(m.attrs.get("period"), g["period"])),
    ("scope", lambda m, g: scope_match(m.attrs.get("scope"), g.get("scope"))),
    ("subject", lambda m, g: subject_match(m.name, g["subject"], g.get("scope"))),
    ("kind", lambda m, g: kind_match(m.attrs.get("kind"), g.get("kind"), g["unit"])),
)


def _same_quantity(m: Mention, g: dict) -> bool:
    return m.attrs["unit"] == g["unit"] and math.isclose(float(m.attrs["value"]), float(g["value"]))


def _failed(m: Mention, g: dict) -> list[str]:
    return [name for name, check in CHECKS if not check(m, g)]


def _why(candidates: list[tuple[Mention, dict]], show: Callable[[Mention, dict], str]) -> str:
    """The failed checks of the closest candidate with the same value and unit."""
    if not candidates:
        return "not extracted"
    m, g = min(candidates, key=lambda c: len(_failed(*c)))
    return "; ".join(f"{name}: {show(m, g) if name == 'subject' else _pair(name, m, g)}" for name in _failed(m, g))


def _pair(name: str, m: Mention, g: dict) -> str:
    return f"{m.attrs.get(name)} vs gold {g.get(name)}"


def _metric_text(m: Mention) -> str:
    a = m.attrs
    return f"{m.name} {a['value_text']} [{a.get('period')} {a.get('scope')} {a.get('kind')}]"


def _gold_text(g: dict) -> str:
    return f"{g['subject']} {amount(g['value'], g['unit'])} [{g.get('period')} {g.get('scope')} {g.get('kind')}]"


def _metrics(predicted: list[Mention], gold: list[dict], label: str) -> Score:
    """A fact counts when value, unit, period, scope, subject and kind all match."""
    facts = {(m.name, m.attrs["value"], m.attrs["unit"], str(m.attrs.get("period")), m.attrs.get("scope"), m.attrs.get("kind")): m for m in predicted}
    score = Score(predicted=len(facts), gold=len(gold))
    found: set[int] = set()
    subject = lambda m, g: f"{m.name} vs gold {g['subject']}"  # noqa: E731
    for m in facts.values():
        hits = [i for i, g in enumerate(gold) if _same_quantity(m, g) and not _failed(m, g)]
        if hits:
            score.tp += 1
            found.update(hits)
        else:
            near = [(m, g) for g in gold if _same_quantity(m, g)]
            score.false_hits.append(f"{label}: {_metric_text(m)} — {_why(near, subject) if near else 'not in gold'}")
    score.found = len(found)
    for i, g in enumerate(gold):
        if i not in found:
            near = [(m, g) for m in facts.values() if _same_quantity(m, g)]
            score.misses.append(f"{label}: {_gold_text(g)} — {_why(near, subject)}")
    return score
