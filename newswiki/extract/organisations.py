"""Organisations: companies, universities, government bodies, funds."""

from __future__ import annotations

from functools import lru_cache

from .. import lexicon
from ..model import Mention
from .context import StoryContext
from .names import orgs

_PLATFORM_KINDS = {"institute"}  # research institutes have platform pages


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(lexicon.words("generic_orgs"))


def extract(ctx: StoryContext) -> list[Mention]:
    out = []
    for sent in ctx.story.sentences:
        for h in orgs(sent.norm):
            if h.kind in _PLATFORM_KINDS or h.name in _generic() or len(h.name) < 3:
                continue
            out.append(Mention("organisation", h.name, sent.text[h.start : h.end], ctx.source(sent), {"kind": h.kind}))
    return out
