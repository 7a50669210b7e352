"""Where a sentence turns to targets, plans and forecasts (力争, 预计, 到2027年): no measurements."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon

_DONE = re.compile(r"已|累计|目前|如今|截至")


@lru_cache(maxsize=1)
def _target_re() -> re.Pattern:
    strong = "|".join(re.escape(r[0]) for r in lexicon.rows("target_cues") if r[1:] != ("weak",))
    return re.compile(rf"{strong}|(?<![回达截提收得])到20\d\d年")


@lru_cache(maxsize=1)
def _weak_target_re() -> re.Pattern:
    return re.compile("|".join(re.escape(r[0]) for r in lexicon.rows("target_cues") if r[1:] == ("weak",)))


def target_start(text: str) -> re.Match | None:
    """Where the targets of a sentence begin: a strong cue, or a weak one (培育, 引入)
    in a sentence that does not say what it reports is done (已, 累计, 目前)."""
    text = re.sub(lexicon.alternation("target_exceptions"), lambda m: "　" * len(m.group()), text)
    weak = _weak_target_re().search(text)
    if weak and _DONE.search(text, 0, weak.start()):
        weak = None
    found = [m for m in (_target_re().search(text), weak) if m]
    return min(found, key=lambda m: m.start(), default=None)
