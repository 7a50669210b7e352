"""Score extraction against the hand annotations in ``tests/gold``.

Per article, per topic: an entity counts once however often it is named.
Platforms, policies and projects match by name (or a gold alias); metrics match
by value and unit, and by period when both sides give one. Organisations are not
scored (they serve as operators and companies).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .extract import extract_article
from .ingest import read_article
from .model import Mention

TOPICS = ("platforms", "policies", "projects", "metrics")
TYPE_OF = {"platforms": "platform", "policies": "policy", "projects": "project", "metrics": "metric"}


@dataclass
class Score:
    tp: int = 0  # predictions that match gold
    predicted: int = 0
    found: int = 0  # gold items matched
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.found += other.found
        self.gold += other.gold
        self.misses += other.misses
        self.false_hits += other.false_hits


def norm_name(name: str) -> str:
    name = unicodedata.normalize("NFKC", str(name))
    return re.sub(r"[《》“”\"'\s]", "", name)


def _score_names(predicted: list[Mention], gold: list[dict], label: str) -> Score:
    names = sorted({norm_name(m.name) for m in predicted})
    entries = [{norm_name(g["name"]), *map(norm_name, g.get("aliases", []))} for g in gold]
    score = Score(predicted=len(names), gold=len(gold))
    matched = set()
    for n in names:
        hit = [i for i, e in enumerate(entries) if n in e]
        if hit:
            score.tp += 1
            matched.update(hit)
        else:
            score.false_hits.append(f"{label}: {n}")
    score.found = len(matched)
    score.misses = [f"{label}: {gold[i]['name']}" for i in range(len(gold)) if i not in matched]
    return score


def _score_metrics(predicted: list[Mention], gold: list[dict], label: str) -> Score:
    score = Score(predicted=len(predicted), gold=len(gold))
    free = list(range(len(gold)))
    for m in predicted:
        a = m.attrs
        for i in free:
            g = gold[i]
            if float(g["value"]) == float(a["value"]) and g["unit"] == a["unit"] and (
                g.get("period") is None or a.get("period") is None or int(g["period"]) == int(a["period"])
            ):
                free.remove(i)
                score.tp += 1
                break
        else:
            score.false_hits.append(f"{label}: {m.name} {a['value_text']} ({a.get('period')}, {a.get('scope')})")
    score.found = score.tp
    score.misses = [f"{label}: {gold[i]['subject']} {gold[i]['value']}{gold[i]['unit']} ({gold[i].get('period')})" for i in free]
    return score


def evaluate(gold_dir: Path, corpus_dir: Path) -> dict[str, Score]:
    """Scores per topic over every gold file whose article is in ``corpus_dir``."""
    totals = {t: Score() for t in TOPICS}
    for path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = corpus_dir / gold["file"]
        if not source.exists():
            continue
        article, _ = read_article(source)
        # short names resolved through the alias table are resolution, scored by its own tests
        mentions = [m for m in extract_article(article) if "alias" not in m.attrs]
        for topic in TOPICS:
            predicted = [m for m in mentions if m.type == TYPE_OF[topic]]
            scorer = _score_metrics if topic == "metrics" else _score_names
            totals[topic].add(scorer(predicted, gold.get(topic) or [], source.stem[:12]))
    return totals


def report(name: str, scores: dict[str, Score], details: bool = True) -> str:
    lines = [f"== {name}", f"{'topic':10} {'precision':>9} {'recall':>7} {'pred':>5} {'gold':>5}"]
    for topic, s in scores.items():
        lines.append(f"{topic:10} {s.precision:9.3f} {s.recall:7.3f} {s.predicted:5d} {s.gold:5d}")
    if details:
        for topic, s in scores.items():
            lines += [f"  miss  {topic}: {x}" for x in s.misses]
            lines += [f"  false {topic}: {x}" for x in s.false_hits]
    return "\n".join(lines)
