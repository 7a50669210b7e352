"""What happened on a story's date, for the timeline: the event its date sentence names.

"3月31日，“新智涌动 数创潮头”2026年青山区科技创新大会召开，大会聚焦…" gives
"“新智涌动 数创潮头”2026年青山区科技创新大会召开"; "5月30日，在…推进会上，一系列掷地有声的
答案接连抛出。" gives the meeting, not the lead's scene-setting. Words: ``lexicon/events.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Sentence, Story

LABEL_MAX = 40  # a longer clause is narration, not an event's name
CLAUSES = 3  # clauses read from the date on
CORE_MIN = 3  # "此次大会" names no event of its own


@cache
def _event() -> re.Pattern:
    def alt(role: str) -> str:
        return lexicon.role_alternation("events", role)

    return re.compile(
        rf"(?:{alt('prep')})?(?:(?P<before>{alt('held')})的)?(?P<name>(?P<core>.*)(?:{alt('meeting')}))(?P<held>{alt('held')})?"
    )


def story_event(story: Story) -> tuple[str, Sentence] | None:
    """(what happened, the sentence that says it) on the story's date, or None when the
    sentence with the date names no event."""
    sent = next((s for s in story.sentences if story.date_text and story.date_text in s.text), None)
    if sent is None:
        return None
    start = sent.text.index(story.date_text) + len(story.date_text)
    for n, clause in enumerate(re.finditer("[^，。；：！？]+", sent.norm[start:])):
        if n == CLAUSES:
            break
        text = sent.text[start + clause.start() : start + clause.end()]
        m = _event().match(text.strip())
        if m and len(m.group("core")) >= CORE_MIN and len(m.group("name")) <= LABEL_MAX:
            return m.group("name") + (m.group("held") or m.group("before") or ""), sent
    return None
