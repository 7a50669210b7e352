"""Organisations: companies, universities, government bodies, funds."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Mention
from .context import StoryContext
from .names import canonical_region, member_institute, orgs, regions_in

_DESCRIBED = re.compile(r"高水平|一流|综合性|研究型|应用型|国内外|本土|办大学")
_PLATFORM_KINDS = {"institute"}  # research institutes have platform pages


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(lexicon.words("generic_orgs"))


def extract(ctx: StoryContext) -> list[Mention]:
    out = []
    for sent in ctx.story.sentences:
        for h in orgs(sent.norm):
            if (h.kind in _PLATFORM_KINDS and not member_institute(h.name, h.suffix)) or h.name in _generic() or len(h.name) < 3:
                continue
            if _DESCRIBED.search(h.name):
                continue  # "建设高水平财经大学", "省属一流综合性大学": what a body should be, no body's name
            attrs = {"kind": h.kind}
            if h.kind == "government" and (region := belongs_to(h.name, ctx)):
                attrs["belongs_to"] = region
            out.append(Mention("organisation", h.name, sent.text[h.start : h.end], ctx.source(sent), attrs))
    return out


def belongs_to(name: str, ctx: StoryContext) -> str | None:
    """The region a body named by its level alone belongs to (市科技创新局 -> 武汉市):
    the only region of that level the story names, else None."""
    level = dict(lexicon.rows("level_prefixes")).get(name[:1])
    if level is None:
        return None
    levels = {canonical_region(word): kind for word, kind, *_ in lexicon.rows("regions")}
    text = [ctx.story.title, *(s.norm for s in ctx.story.sentences)]
    named = {region for t in text for _, region in regions_in(t) if levels.get(region) == level}
    return named.pop() if len(named) == 1 else None
