"""A metric mention: the figure with its period, owner and kind."""

from __future__ import annotations

from ...ingest.stories import plan_year
from ...model import Mention
from ..annotate import annotate
from ..context import StoryContext
from ..periods import rests_on_year, shifted
from .owners import owner_of
from .section import Section

_FULL_YEAR_MONTHS = 4  # yearly figures reported up to April are last year's


def metric_mention(
    ctx, sent, section: Section, start: int, end: int, subject: str, kind: str, q=None, owner=None, **extra
) -> Mention:
    text = sent.norm
    period, words, guessed = _period(ctx, text, start, section)
    owner = owner or owner_of(ctx, text, start, section.region, section.owners)
    attrs = {
        "value": q.value if q else extra.pop("value"),
        "unit": q.unit if q else "位",
        "value_text": sent.text[start:end],
        "approx": (q.approx or None) if q else None,
        "bound": q.bound if q else None,
        "period": period,
        "period_text": words,
        "period_inferred": bool(guessed and period) or None,  # its year is ingest.stories.written_year's guess
        "scope": extra.pop("scope", None) or owner,
        "owner": owner,
        "kind": kind,
        "at": start,
        **extra,
    }
    if owner and owner in subject and subject != owner:  # "集中签约落户青山区的产业项目" of 青山区
        subject = subject.replace(owner, "").replace("的的", "的")
    title = f"{owner} {subject}" if owner else subject
    return Mention("metric", title, sent.text[start:end], ctx.source(sent), {"subject": subject, **attrs})


def _period(ctx: StoryContext, text: str, pos: int, section: Section) -> tuple[str | None, str, bool]:
    """The period a figure is for, the words that say so, and whether its year is the story's
    guessed year: the time expression nearest before it in the sentence (not a comparison
    base such as 比一季度), else the paragraph's or section's, else the story's year; yearly
    figures reported early in a year are last year's."""
    guess = ctx.story.year_inferred
    doc = annotate(text, ctx.year)
    found = [p for p in doc.times_before(pos) if not p.base]
    now_word = doc.now_before(pos)
    now = now_word[0] if now_word else None
    if found and found[-1].shift is not None:  # 当年, 次年: from the year the sentence or context named
        named = [p for p in found[:-1] if p.shift is None and p.value]
        context = section.when(named[-1]) if named else section.paragraph or section.period
        if context is not None and context.value:
            return shifted(context.value, found[-1].shift), found[-1].text, context.guessed
        found = [p for p in found if p.shift is None]  # no year named before: 当年签约 says nothing
    if found and (now is None or found[-1].start > now):
        written = [p for p in found[:-1] if p.value and not rests_on_year(p)]
        if found[-1].text == "全年" and written:  # "2024年，…全年地区生产总值…": that year's
            return written[-1].value[:4], written[-1].text + "全年", False
        if found[-1].text == "全年" and _early_in_year(ctx):
            return str(ctx.year - 1), found[-1].text, guess  # "全年GDP增长5.3%" in January: last year's
        return found[-1].value, found[-1].text, section.when(found[-1]).guessed
    if now is not None:
        return (str(ctx.year) if ctx.year else None), now_word[1], guess
    if plan := plan_year(text):
        return str(plan[0]), "", False
    for when in (section.paragraph, section.period):
        if when is not None:
            return when.value, when.text, when.guessed
    if section.now:
        return (str(ctx.year) if ctx.year else None), "", guess
    if _early_in_year(ctx):
        return str(ctx.year - 1), "", guess
    return (str(ctx.year) if ctx.year else None), "", guess


def _early_in_year(ctx: StoryContext) -> bool:
    """Yearly figures reported up to April are last year's."""
    date = ctx.story.date
    return bool(ctx.year and date and len(date) >= 7 and int(date[5:7]) <= _FULL_YEAR_MONTHS)
