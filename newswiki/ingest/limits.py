"""Limits on what one seed file may ask of the build, and trimming stories to them.

Real articles are far below every limit (the longest seed story has 83 sentences
and 3,600 characters, the longest sentence 212 characters). A file over the size
limit is skipped before it is read; a story over its limits keeps its beginning
and the rest is reported and left out, so no input makes a stage run for long.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..model import Block, Problem, Sentence, Story


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 2 * 2**20  # a news article is a few KB; a bigger file is something else
    story_sentences: int = 300
    story_chars: int = 30_000
    sentence_chars: int = 1_000  # a longer "sentence" is text without punctuation


def trim_story(story: Story, limits: Limits) -> list[Problem]:
    """Cut ``story`` to ``limits`` in place; a Problem for each cut, naming what was left out."""
    problems = []

    def skipped(reason: str, sentence: str) -> None:
        problems.append(Problem(story.source_file, "error", f"{reason}; skipped", story.id, sentence))

    total = len(story.sentences)
    count = chars = 0
    for i, block in enumerate(story.blocks):
        kept = []
        for s in block.sentences:
            if len(s.text) > limits.sentence_chars:
                n = limits.sentence_chars
                skipped(f"a sentence of {len(s.text):,} characters, over the limit of {n:,}: its last {len(s.text) - n:,}", s.id)
                s = dataclasses.replace(s, text=s.text[:n], norm=s.norm[:n])
            if count == limits.story_sentences or chars + len(s.text) > limits.story_chars:
                skipped(
                    f"a story of {total:,} sentences, over the limit of {limits.story_sentences:,} sentences "
                    f"or {limits.story_chars:,} characters: sentences {s.id}–s{total}",
                    s.id,
                )
                _keep(block, kept)
                del story.blocks[i + bool(kept) :]
                return problems
            kept.append(s)
            count, chars = count + 1, chars + len(s.text)
        if kept != block.sentences:
            _keep(block, kept)
    return problems


def _keep(block: Block, sentences: list[Sentence]) -> None:
    block.sentences, block.text = sentences, "".join(s.text for s in sentences)
