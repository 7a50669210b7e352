"""Metrics: an indicator of an owner (a region or an organisation), with value, unit,
period at the granularity the text gives, qualifier and kind.

Kinds: total, share, growth, change (百分点 against a base), rank (with its peer group
as scope). Targets, plans and forecasts are not measurements and are left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ... import lexicon
from ...model import Mention
from ..annotate import annotate
from ..context import StoryContext
from ..names import find_names, regions_in
from ..periods import periods
from ..tokens import clause_bounds
from .facts import metric_mention
from .owners import breakdown_owner
from .phrases import COUNT_UNITS, GROWTH_END, SUBJECT_DELIMS, has_head
from .ranks import ranks
from .section import Section, When
from .subjects import collective_total, counted_after, each_listed, indicator, phrase_before, respectively
from .targets import target_start

_AWARD = re.compile(lexicon.role_alternation("cues", "award"))
# figures of one project (its investment, area, jobs), not of a region
_PROJECT_FIGURE = re.compile(r"占地|就业|入园|年产|该项目|项目一期|(?<![个批项])项目(?:计划)?总投资")
_INVESTMENT = re.compile("投资")
_ANAPHOR = re.compile(r"^(?:该|这个|此)?(?:园区|基地|项目|中心|平台|研究院|实验室|社区)")
_STAGE = re.compile(lexicon.alternation("stage_verbs"))
_EACH = re.compile(r"(?:各|双双|(?<![人平])均|都)(?:突破|超过|达到|达|实现)?$")  # a figure true of every item listed before
_SHARE_OF_WHOLE = re.compile(r"(?P<about>约|近|接近)?占(?P<whole>[^，。；的占]{1,12}?)的?$")
_COUNT_OVER = re.compile(r"(?P<noun>[\u4e00-\u9fff]{1,8}?)(?P<growth>(?:同比)?(?:增长|增速|增幅))(?:达到?|超过?)?(?P<mark>\d+(?:\.\d+)?%以上)")
_MEASURED = tuple(sorted((r[0] for r in lexicon.rows("metric_heads") if r[1] in ("output", "finance")), key=len, reverse=True))
_SHARE_WORDS = re.compile(r"比重|占比|达|为|超|突破")
_TOTAL_OF_GROUP = re.compile(r"的(?P<count>\d+个)[^，。；]{0,12}项目")
_DECLINE = re.compile(r"(?:下降|下滑|减少|回落)$")
_OPENING_YEAR = re.compile(r"(20\d{2})年[，,]")
_REPORTED = re.compile(r"获悉|公布|发布|了解到|通报|数据显示")
_PROVISION = re.compile(r"^对|单个|每个|每家|最高$")


def _reported_period(ctx: StoryContext, section: Section):
    """The part of a year a report's lead says it covers ("记者从黄石市2022年上半年经济形势分析会
    获悉"): the period of the story's figures that name none."""
    lead = ctx.story.paragraphs[0].sentences[:1] if ctx.story.paragraphs else []
    for sent in lead:
        if _REPORTED.search(sent.norm):
            parts = [p for p in periods(sent.norm, ctx.year) if not p.base and p.value and not p.value.isdigit()]
            if parts:
                return section.when(parts[0])
        if ctx.story.year_inferred and (opens := _OPENING_YEAR.match(sent.norm)) and int(opens.group(1)) < (ctx.year or 0):
            return When(opens.group(1), opens.group(1) + "年")  # "2017年，襄阳市…比上年增长": a report of that year
    return None


def extract(ctx: StoryContext) -> list[Mention]:
    out: list[Mention] = []
    seen: dict[tuple, list[Mention]] = {}
    section = Section(ctx.story.year_inferred)
    section.period = _reported_period(ctx, section)
    for block in ctx.story.blocks:
        if block.kind == "subheading":
            section.enter(block, ctx.year)
            continue
        section.paragraph, section.now = None, False
        for sent in block.sentences:
            for metric in _sentence_metrics(ctx, sent, section):
                a = metric.attrs
                key = (a["value"], a["unit"], a["period"], a["scope"], a["kind"])
                told = seen.get(key, [])
                if any(_same_indicator(a["subject"], m.attrs["subject"]) for m in told):
                    continue  # one fact told twice in a story
                seen.setdefault(key, []).append(metric)
                out.append(metric)
    return out


def _same_indicator(a: str, b: str) -> bool:
    return a == b or (len(a) >= 2 and len(b) >= 2 and (a.endswith(b) or b.endswith(a)))


def _sentence_metrics(ctx: StoryContext, sent, section: Section) -> list[Mention]:
    text = sent.norm
    target = target_start(text)
    try:
        before = section.base
        found = _quantity_metrics(ctx, sent, section)
        bases = [(0, before)] + [(m.attrs["at"], m.attrs["subject"]) for m in found if m.attrs["kind"] != "change"]
        found += ranks(ctx, sent, section, bases)
        # numbers after 力争 / 预计 / 将 / 到2028年 are targets, not measurements
        return [m for m in found if not target or m.attrs["at"] < target.start()]
    finally:
        section.saw(text, ctx.year)


def _quantity_metrics(ctx: StoryContext, sent, section: Section) -> list[Mention]:
    text = sent.norm
    out: list[Mention] = []
    previous = ""
    # investment stated about a named project, or about "该项目 / 园区 …" told just before, is theirs
    named_project = any(not h.descriptor for h in find_names(text, "project_suffixes")) or bool(_ANAPHOR.match(text))
    numbers = annotate(text, ctx.year).numbers
    paired = respectively(text, numbers)
    marks: set[int] = set()  # a growth mark that only says what is counted
    for q in numbers:
        if q.start in paired:  # "A、B分别增长22.4%、19.9%"
            out.append(metric_mention(ctx, sent, section, q.start, q.end, *paired[q.start], q))
            continue
        if q.start in marks:
            continue
        if q.unit in COUNT_UNITS and (over := _COUNT_OVER.match(text, q.end)):
            # "13个市州同比增长10%以上": the count of those past the mark
            marks.add(over.start("mark"))
            noun, growth = over.group("noun"), over.group("growth").replace("同比", "")
            measured = next((h for h in _MEASURED if noun.endswith(h) and len(noun) > len(h)), "")  # 行业增加值
            subject = f"{measured}{growth}{over.group('mark')}的{noun.removesuffix(measured) if measured else noun}"
            out.append(metric_mention(ctx, sent, section, q.start, q.end, subject, "total", q))
            continue
        if q.unit == "元" and (group := _TOTAL_OF_GROUP.match(text, q.end)) and (told := phrase_before(text, q.start)):
            count = next((c for c in numbers if c.start == group.start("count")), None)
            counted = indicator(text, count, section, "")[0] if count else ""
            if counted:  # "协议总投资93.57亿元的27个项目集中签约": the group's total
                out.append(metric_mention(ctx, sent, section, q.start, q.end, counted + told, "total", q))
                continue
        clause_start = clause_bounds(text, q.start, SUBJECT_DELIMS)[0]
        clause = text[clause_start : q.start]
        after = text[q.end : q.end + 6]
        if _AWARD.search(clause + after) or _PROJECT_FIGURE.search(clause) or q.unit in ("平方公里", "平方米", "亩"):
            section.base, previous = "", ""  # what follows it ("，增长2%") is not the last named indicator's
            continue
        if _PROVISION.search(text[clause_bounds(text, q.start, "，。；")[0] : q.start]) and _AWARD.search(text):
            continue  # "对年主营业务收入首次突破10亿元的食品企业…", "单个项目最高500万元": a provision's terms
        if q.unit == "元" and (named_project or _STAGE.search(text)) and _INVESTMENT.search(clause) and not collective_total(text, q.start):
            continue  # a project's investment
        if q.unit not in COUNT_UNITS and counted_after(text, q.end):
            continue  # "营收超10亿元企业18家": a threshold describing what is counted
        if (each := _EACH.search(text, 0, q.start)) and len(items := each_listed(text, each.start())) > 1:
            out += [metric_mention(ctx, sent, section, q.start, q.end, item, "total", q) for item in items]
            continue  # "商业项目、…和“四水共治”项目各1个", "高新技术企业、科技型中小企业双双突破1.6万家": one figure each
        if q.unit == "%" and (share := _SHARE_OF_WHOLE.search(text, 0, q.start)):
            what = phrase_before(text, share.start()) or GROWTH_END.sub("", previous)  # "…规模350亿元，占…"
            whole = share.group("whole")
            if has_head(what) and (whole.startswith("全") or regions_in(whole)) and not _SHARE_WORDS.search(whole):  # "地区生产总值约占全省的20%"
                q = replace(q, bound="about", approx=share.group("about")) if share.group("about") else q
                out.append(metric_mention(ctx, sent, section, q.start, q.end, f"{what}占{whole}比重", "share", q))
                continue
        declined = q.unit == "%" and _DECLINE.search(text, 0, q.start)
        if declined:  # "同比下降17.5%": a growth of -17.5%
            told = text[: declined.start()] + "增长"
            subject, kind = indicator(told + text[q.start :], replace(q, start=len(told), end=len(told) + q.end - q.start), section, previous)
            q = replace(q, value=-q.value)
        else:
            subject, kind = indicator(text, q, section, previous)
        if not subject:
            section.base = ""  # a figure of something unnamed: what follows it is not the last named one's
            continue
        if kind in ("total", "share") and q.unit not in COUNT_UNITS:
            section.base = subject
        if kind != "change":
            previous = subject
        # "该院共获得专利625项，其中发明专利78项，…": a breakdown belongs to the owner of its total
        part_of = breakdown_owner(text, q.start, out)
        out.append(metric_mention(ctx, sent, section, q.start, q.end, subject, kind, q, owner=part_of))
    return out
