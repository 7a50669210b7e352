"""Counts behind precision, recall and F1, with the lines that explain them."""

from __future__ import annotations

from dataclasses import dataclass, field


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

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.found += other.found
        self.gold += other.gold
        self.misses += other.misses
        self.false_hits += other.false_hits


def amount(value: object, unit: str) -> str:
    """23.6亿元 rather than 2360000000元, for reading."""
    v = float(value)
    if unit == "元" and abs(v) >= 1e8:
        return f"{v / 1e8:g}亿元"
    if unit == "元" and abs(v) >= 1e4:
        return f"{v / 1e4:g}万元"
    return f"{v:g}{unit}"
