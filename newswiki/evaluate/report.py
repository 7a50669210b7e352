"""The table `make eval` prints: lenient and strict P/R/F1 per topic, then what went wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .strict import ROWS

if TYPE_CHECKING:
    from . import Evaluation

def _prf(s) -> str:
    return f"{s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f}"


def report(name: str, result: Evaluation, target: float | None = None, details: bool = True) -> str:
    """``target``: the strict F1 each topic row should reach (marked below it)."""
    lines = [
        f"== {name} ({result.articles} articles)",
        f"{'':16} {'lenient P     R    F1':23}| {'strict P     R    F1':21} {'tp/pred':>9} {'found/gold':>10}",
    ]
    for row, held in ROWS:
        s = result.strict[row]
        len_cell = _prf(result.lenient[row]) if row in result.lenient else ""
        mark = "" if not held or target is None else f"  {'ok' if s.f1 >= target else 'below'} {target:.2f}"
        label = row if held else "  " + row.split()[-1]
        lines.append(f"{label:16} {len_cell:23}| {_prf(s):21} {f'{s.tp}/{s.predicted}':>9} {f'{s.found}/{s.gold}':>10}{mark}")
    if details:
        for row, _ in ROWS:
            if row in ("projects",):  # its names and fields are listed under their own rows
                continue
            s = result.strict[row]
            lines += [f"  miss  {row}: {x}" for x in s.misses]
            lines += [f"  false {row}: {x}" for x in s.false_hits]
    return "\n".join(lines)
