"""Projects reported at a realised stage: signed, started, producing, completed …"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Mention
from .context import StoryContext
from .names import find_names, org_prefix, orgs, regions_in
from .numbers import quantities, time_of
from .tokens import clause_bounds

_PLAN = re.compile("将|计划|拟|力争|预计|争取|加快|推进|启动|谋划")
_INVEST = re.compile(r"(?:总)?投资(?:额)?(?:约|超|近)?$")
_AREA = re.compile(r"占地(?:面积)?(?:约)?$|建筑面积(?:约)?$")
_JOBS = re.compile(r"就业岗位(?:约)?$|就业(?:约)?$")
_CAPACITY = re.compile(r"(?:年产|年产能)?(\d+(?:\.\d+)?万?吨)(?:/年)?")
_CLAUSE = "，。；：—"
_PHASED = re.compile(r"[一二三四五六七八九十\d]期$")
_BUILDING = re.compile(r"[^，。；]{0,6}(?:开工|动工|开建|竣工|封顶)")
_BUILT_BY_ORG = re.compile(r"由([^，。；]{2,30}?)(?:投资建设|投资兴建|建设|投资|运营)")
_BUILT_BY = re.compile(r"(?:投资建设|投资兴建|建设)$")
_AT = re.compile(r"(?:在|落户|落地|于)([\u4e00-\u9fff]{2,6})")


@lru_cache(maxsize=1)
def _stage_first_re() -> re.Pattern:
    return re.compile(rf"(?:{lexicon.alternation('stage_verbs')})(?=的(?:还有|包括|有|是))")


@lru_cache(maxsize=1)
def _stage_re() -> tuple[re.Pattern, dict[str, str]]:
    stages = {r[0]: r[1] for r in lexicon.rows("stage_verbs")}
    return re.compile(lexicon.alternation("stage_verbs")), stages


def extract(ctx: StoryContext) -> list[Mention]:
    out: list[Mention] = []
    last: Mention | None = None
    stage_re, stages = _stage_re()
    event = None  # "15个项目集中开工": the stage the next "其中，…" sentence shares
    named: set[str] = set()
    for sent in ctx.story.sentences:
        text = sent.norm
        shared = event if text.startswith("其中") else None
        event = _collective_stage(text, stage_re)
        hits = [h for h in find_names(text, "project_suffixes", phases=True)]
        # parks and bases whose construction is reported are projects too
        hits += [
            h for h in find_names(text, "platform_suffixes", phases=True)
            if _PHASED.search(h.name) or _BUILDING.match(text[h.end :])
        ]
        for h in sorted(hits, key=lambda h: h.start):
            c_start, c_end = clause_bounds(text, h.start, _CLAUSE)
            stage_m = next((m for m in stage_re.finditer(text, h.end, c_end)), None)
            if stage_m is None and (lead := _stage_first_re().search(text, 0, h.start)):
                stage_m = lead if lead.end() <= h.start and "。" not in text[lead.end() : h.start] else None
            if stage_m is None and _BUILT_BY.search(text[c_start : h.start]):
                # "X公司签约青山，投资建设NAME": the signing is the project's
                stage_m = next((m for m in stage_re.finditer(text, 0, h.start) if stages[m.group()] == "签约"), None)
            if stage_m is None and shared is not None:
                stage_m = shared
            realised = stage_m is not None and not (
                _PLAN.search(text[c_start : stage_m.start()] if stage_m.string is text else "")
                or stage_m.string[stage_m.end() : stage_m.end() + 1] == "后"
            )
            if not realised and h.name not in named:
                continue
            # a project named again later in the story still tells its company and figures
            attrs: dict = {"stage": stages[stage_m.group(0)]} if realised else {}
            item_start = max(c_start, text.rfind("、", 0, h.start) + 1)
            company = org_prefix(h.name, h.suffix) or next((o.name for o in orgs(text[item_start : h.start])), None)
            if not company:
                company = next((o.name for o in orgs(text[:c_start]) if re.search("签约|投资", text[o.end : h.start])), None)
            if not company and (by := _BUILT_BY_ORG.match(text, h.end)):  # "…项目由X集团投资建设"
                company = next((o.name for o in orgs(by.group(1))), None)
            if company:
                attrs["company"] = company
            when = time_of(text[:c_end], ctx.year, ctx.story.date) if realised else None
            if realised and not when and stage_m.string is not text:  # the date of the shared event
                when = time_of(stage_m.string, ctx.year, ctx.story.date)
            if when:
                attrs["date"] = when
            if m := _AT.search(text, h.end, c_end + 8):
                if located := next((r for _, r in regions_in(m.group(1))), None):
                    attrs["location"] = located
            _figures(text[:c_end] if realised else text, attrs)
            last = Mention("project", h.name, sent.text[h.start : h.end], ctx.source(sent), attrs)
            named.add(h.name)
            out.append(last)
        if not hits and last and text.startswith(("该项目", "项目")):
            extra: dict = {}
            _figures(text, extra)
            for key, value in extra.items():
                last.attrs.setdefault(key, value)
                last.attrs.setdefault("figure_sources", []).append(sent.id)
    return out


def _collective_stage(text: str, stage_re: re.Pattern) -> re.Match | None:
    """The stage of "N个项目集中开工" reported for several projects at once."""
    counted = re.search(r"\d+个(?:[\u4e00-\u9fff]{0,6})项目", text)
    if counted:
        return next((m for m in stage_re.finditer(text, counted.end()) if not _PLAN.search(text[counted.end() : m.start()])), None)
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
