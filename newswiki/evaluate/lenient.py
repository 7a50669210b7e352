"""Lenient score: names as written (or a gold alias); metrics by value, unit and year."""

from __future__ import annotations

import math

from ..model import Mention
from .match import norm
from .score import Score, amount


def names(predicted: list[Mention], gold: list[dict], label: str) -> Score:
    found = sorted({norm(m.name) for m in predicted})
    entries = [{norm(g["name"]), *map(norm, g.get("aliases", []))} for g in gold]
    score = Score(predicted=len(found), gold=len(gold))
    matched = set()
    for n in found:
        hit = [i for i, e in enumerate(entries) if n in e]
        if hit:
            score.tp += 1
            matched.update(hit)
        else:
            score.false_hits.append(f"{label}: {n}")
    score.found = len(matched)
    score.misses = [f"{label}: {gold[i]['name']}" for i in range(len(gold)) if i not in matched]
    return score


def _year(period: object) -> str | None:
    return None if period is None else str(period)[:4]


def metrics(predicted: list[Mention], gold: list[dict], label: str) -> Score:
    """One gold fact per prediction; periods compare by year when both give one."""
    score = Score(predicted=len(predicted), gold=len(gold))
    free = list(range(len(gold)))
    for m in predicted:
        a = m.attrs
        for i in free:
            g = gold[i]
            gy, py = _year(g.get("period")), _year(a.get("period"))
            if math.isclose(float(g["value"]), float(a["value"])) and g["unit"] == a["unit"] and (gy is None or py is None or gy == py):
                free.remove(i)
                score.tp += 1
                break
        else:
            score.false_hits.append(f"{label}: {m.name} {a['value_text']} ({a.get('period')}, {a.get('scope')})")
    score.found = score.tp
    score.misses = [f"{label}: {gold[i]['subject']} {amount(gold[i]['value'], gold[i]['unit'])} ({gold[i].get('period')})" for i in free]
    return score
