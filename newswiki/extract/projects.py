"""Projects reported at a realised stage: signed, started, producing, completed …"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Mention
from .context import StoryContext
from .names import find_names, org_prefix, orgs, place_after
from .numbers import quantities, time_of
from .tokens import clause_bounds

_PLAN = re.compile(lexicon.role_alternation("cues", "plan"))
_INVEST = re.compile(r"(?:总)?投资(?:额)?(?:约|超|近)?$")
_AREA = re.compile(r"占地(?:面积)?(?:约)?$|建筑面积(?:约)?$")
_JOBS = re.compile(r"就业岗位(?:约)?$|就业(?:约)?$")
_CAPACITY = re.compile(r"(?:年产|年产能)?(\d+(?:\.\d+)?万?吨)(?:/年)?")
_CLAUSE = "，。；：—"
_PHASED = re.compile(r"[一二三四五六七八九十\d]期$")
_BUILDING = re.compile(r"[^，。；]{0,6}(?:开工|动工|开建|竣工|封顶)")
_BUILT_BY_ORG = re.compile(r"由([^，。；]{2,30}?)(?:投资建设|投资兴建|建设|投资|运营)")
_BUILT_BY = re.compile(r"(?:投资建设|投资兴建|建设)$")
_ANAPHOR = re.compile(r"^(?:该|这个|此)?项目")


@lru_cache(maxsize=1)
def _stage_first_re() -> re.Pattern:
    return re.compile(rf"(?:{lexicon.alternation('stage_verbs')})(?=的(?:还有|包括|有|是))")


@lru_cache(maxsize=1)
def _stage_re() -> tuple[re.Pattern, dict[str, str]]:
    stages = {r[0]: r[1] for r in lexicon.rows("stage_verbs")}
    return re.compile(lexicon.alternation("stage_verbs")), stages


def extract(ctx: StoryContext) -> list[Mention]:
    out: list[Mention] = []
    named: set[str] = set()  # projects this story has reported
    last = None  # the project "该项目" refers to
    event = None  # "15个项目集中开工": the stage the next "其中，…" sentence shares
    for sent in ctx.story.sentences:
        text = sent.norm
        shared = event if text.startswith("其中") else None
        event = _collective_stage(text)
        hits = find_names(text, "project_suffixes", phases=True)
        # parks and bases whose construction is reported are projects too
        hits += [
            h for h in find_names(text, "platform_suffixes", phases=True)
            if _PHASED.search(h.name) or _BUILDING.match(text[h.end :])
        ]
        for h in sorted(hits, key=lambda h: h.start):
            c_start, c_end = clause_bounds(text, h.start, _CLAUSE)
            stage = _stage(text, h, c_start, c_end, shared)
            if stage is None and h.name not in named:
                continue
            # a project named again later in the story still tells its company and figures
            attrs: dict = {"stage": _stage_re()[1][stage.group()]} if stage else {}
            if company := _company(text, h, c_start):
                attrs["company"] = company
            when = time_of(text[:c_end], ctx.year, ctx.story.date) if stage else None
            if stage and not when and stage.string is not text:  # the date of the shared event
                when = time_of(stage.string, ctx.year, ctx.story.date)
            if when:
                attrs["date"] = when
            if located := place_after(text, h.end, c_end + 8):
                attrs["location"] = located
            _figures(text[:c_end] if stage else text, attrs)
            out.append(Mention("project", h.name, sent.text[h.start : h.end], ctx.source(sent), attrs))
            named.add(h.name)
            last = h.name
        if not hits and last and (anaphor := _ANAPHOR.match(text)):
            figures: dict = {}
            _figures(text, figures)  # "该项目一期占地227亩…": cited at this sentence
            if figures:
                out.append(Mention("project", last, sent.text[: anaphor.end()], ctx.source(sent), figures))
    return out


def _stage(text: str, h, c_start: int, c_end: int, shared: re.Match | None) -> re.Match | None:
    """The realised stage verb that reports project ``h``: after it in its clause;
    before it in "签约的还有A、B等项目"; the signing of "X签约青山，投资建设NAME"; or
    the collective event of the sentence before ("其中，…"). Plans and
    conditionals ("达产后") report nothing."""
    stage_re, stages = _stage_re()
    found = next(stage_re.finditer(text, h.end, c_end), None)
    if found is None and (lead := _stage_first_re().search(text, 0, h.start)) and "。" not in text[lead.end() : h.start]:
        found = lead
    if found is None and _BUILT_BY.search(text[c_start : h.start]):
        found = next((m for m in stage_re.finditer(text, 0, h.start) if stages[m.group()] == "签约"), None)
    if found is None:
        found = shared
    if found is None or found.string[found.end() : found.end() + 1] == "后":
        return None
    if found.string is text and _PLAN.search(text[c_start : found.start()]):
        return None
    return found


def _company(text: str, h, c_start: int) -> str | None:
    """The company in the project's name, before it in its list item, the signer of
    "X签约…投资建设NAME", or the builder of "NAME由X投资建设"."""
    item_start = max(c_start, text.rfind("、", 0, h.start) + 1)
    company = org_prefix(h.name, h.suffix) or next((o.name for o in orgs(text[item_start : h.start])), None)
    if not company:
        company = next((o.name for o in orgs(text[:c_start]) if re.search("签约|投资", text[o.end : h.start])), None)
    if not company and (by := _BUILT_BY_ORG.match(text, h.end)):
        company = next((o.name for o in orgs(by.group(1))), None)
    return company


def _collective_stage(text: str) -> re.Match | None:
    """The stage of "N个项目集中开工" reported for several projects at once."""
    counted = re.search(r"\d+个(?:[\u4e00-\u9fff]{0,6})项目", text)
    if counted:
        stages = _stage_re()[0].finditer(text, counted.end())
        return next((m for m in stages if not _PLAN.search(text[counted.end() : m.start()])), None)
    return None


def _figures(text: str, attrs: dict) -> None:
    """Investment, area, jobs and capacity stated in ``text``."""
    for q in quantities(text):
        before = text[max(0, q.start - 8) : q.start]
        if q.unit == "元" and _INVEST.search(before):
            attrs.setdefault("amount", q.value)
            attrs.setdefault("amount_text", q.text)
        elif q.unit in ("亩", "平方米", "平方公里") and _AREA.search(before):
            attrs.setdefault("area", q.text)
        elif q.unit == "个" and _JOBS.search(before):
            attrs.setdefault("jobs", q.value)
    if m := _CAPACITY.search(text):
        if "/年" in text[m.start() : m.end() + 2] or "年产" in text[max(0, m.start() - 3) : m.start() + 2]:
            attrs.setdefault("capacity", m.group(0))
