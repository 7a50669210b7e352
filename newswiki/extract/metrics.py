"""Metrics: measured statistics with subject, value, unit, period, scope and kind."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..ingest.stories import plan_year
from ..model import Mention
from .context import StoryContext
from .names import find_names, regions_in, trim_left
from .numbers import TIME_WORD, cn_number, now_at, quantities, time_at, time_of
from .tokens import clause_bounds, token_index, tokens, walk_left, walk_right

_STAT_VERB = re.compile(rf"(?:{lexicon.role_alternation('cues', 'stat')})$")
_AWARD = re.compile(lexicon.role_alternation("cues", "award"))
_PROJECT_FIGURE = re.compile("占地|就业|入园|年产|该项目|项目一期")
_INVESTMENT = re.compile("投资")
_ANAPHOR = re.compile(r"^(?:该|这个|此)?(?:园区|基地|项目|中心|平台|研究院|实验室|社区)")
_RANK = re.compile(r"(排名|位列|居|排在|排)([^，。；第]{0,10}?)第(\d+|[一二三四五六七八九十]+)(?:位|名)?")
_RANK_MORE = re.compile(r"(?:（[^）]*）)?、([^，。；第]{0,10}?)第(\d+|[一二三四五六七八九十]+)(?:位|名)?")
_GROWTH = re.compile("增长|增速|增幅")
_SHARE = re.compile("比重|占比|占")
_BARE_GROWTH = re.compile(r"^(?:同比)?(?:增长率|增速|增长|增幅|净增|新增)$")
_SECTION_YEAR = re.compile(r"^(\d{4})年$")
_RANKED_LIST = re.compile(r"《([^》]+)》|([\u4e00-\u9fff\d]{2,14}榜单)")
_SUBJECT_DELIMS = "，。；：、（）"  # an indicator phrase never crosses these
_FUNDS = ("基金", "资金池")
_FULL_YEAR_MONTHS = 4  # yearly figures reported up to April are last year's


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return lexicon.words("metric_heads")


@lru_cache(maxsize=1)
def _target_re() -> re.Pattern:
    return re.compile(rf"{lexicon.alternation('target_cues')}|到20\d\d年")


def extract(ctx: StoryContext) -> list[Mention]:
    out: list[Mention] = []
    seen: dict[tuple, Mention] = {}
    section = _Section()
    for block in ctx.story.blocks:
        if block.kind == "subheading":
            section.enter(block)
            continue
        section.paragraph_year = None
        for sent in block.sentences:
            for metric in _sentence_metrics(ctx, sent, section):
                key = (metric.attrs["value"], metric.attrs["unit"], metric.attrs["period"], metric.attrs["scope"], metric.attrs["kind"])
                if key in seen:  # one fact told twice in a story
                    continue
                seen[key] = metric
                out.append(metric)
    return out


class _Section:
    """What the current section of a story says about time and place."""

    def __init__(self) -> None:
        self.year: int | None = None
        self.year_level = 0
        self.region: str | None = None
        self.paragraph_year: int | None = None

    def enter(self, heading) -> None:
        if m := _SECTION_YEAR.match(heading.text):
            self.year, self.year_level = int(m.group(1)), heading.level
        elif heading.level <= self.year_level:
            self.year, self.year_level = None, 0
        self.region = None

    def saw(self, text: str, year: int | None) -> None:
        if named := regions_in(text):
            self.region = named[-1][1]
        if time_at(text) is not None and (when := time_of(text, year, last=True)):
            self.paragraph_year = int(when[:4])


def _sentence_metrics(ctx: StoryContext, sent, section: _Section) -> list[Mention]:
    text = sent.norm
    target = _target_re().search(text)
    try:
        found = _quantity_metrics(ctx, sent, section)
        # numbers after 力争 / 预计 / 到2028年 are targets, not measurements
        return [m for m in found if not target or sent.text.find(m.surface) < target.start()]
    finally:
        section.saw(text, ctx.year)


def _quantity_metrics(ctx: StoryContext, sent, section: _Section) -> list[Mention]:
    text = sent.norm
    out: list[Mention] = []
    previous = ""
    # investment stated about a named project, or about "该项目 / 园区 …" told just before, is theirs
    named_project = any(not h.descriptor for h in find_names(text, "project_suffixes")) or bool(_ANAPHOR.match(text))
    for q in quantities(text):
        clause = text[clause_bounds(text, q.start, _SUBJECT_DELIMS)[0] : q.start]
        after = text[q.end : q.end + 6]
        if _AWARD.search(clause + after) or _PROJECT_FIGURE.search(clause) or q.unit in ("吨", "平方公里"):
            continue
        if named_project and _INVESTMENT.search(clause):
            continue
        if _counted_after(text, q.end):
            continue  # "营收超10亿元企业18家": a threshold describing what is counted
        subject, scope = _subject_before(text, q.start - len(q.approx.rstrip("多余")))
        if _BARE_GROWTH.match(subject):  # "同比增长23.5%": growth of the figure before
            subject = previous + subject if previous else ""
        if not _has_head(subject):
            subject = _subject_after(text, q.end)
            if q.unit == "元" and subject.endswith(_FUNDS):
                subject += "规模"  # "设立10亿元长江鑫时代创投母基金": the fund's size
        if not _has_head(subject):
            continue
        previous = subject
        share = q.unit == "%" and (_SHARE.search(subject) or text.startswith("为", q.end))
        kind = "share" if share else "growth" if _GROWTH.search(subject) else "total"
        attrs = {
            "value": q.value,
            "unit": q.unit,
            "value_text": sent.text[q.start : q.end],
            "approx": q.approx or None,
            "period": _period(ctx, text[: q.start], text, section),
            "scope": scope or _scope(ctx, text[: q.start], section),
            "kind": kind,
        }
        out.append(Mention("metric", subject, sent.text[q.start : q.end], ctx.source(sent), attrs))
    out.extend(_ranks(ctx, sent, section, previous))
    return out


def _ranks(ctx: StoryContext, sent, section: _Section, previous: str) -> list[Mention]:
    text = sent.norm
    out = []
    for m in _RANK.finditer(text):
        verb_end = m.start(1) + (len(m.group(1)) if m.group(1) == "排名" else 0)
        subject, scope = _subject_before(text, verb_end)
        if not subject or subject == "排名":
            listed = list(_RANKED_LIST.finditer(text, 0, m.start()))
            basis = previous or (listed[-1].group(1) or listed[-1].group(2) if listed else "")
            subject = basis + "排名"
        elif not subject.endswith("排名"):
            subject += "排名"
        of = scope or _scope(ctx, text[: m.start()], section)
        period = _period(ctx, text[: m.start()], text, section)
        items = [(m.group(2), m.group(3), m.start(3), m.end())]
        pos = m.end()
        while more := _RANK_MORE.match(text, pos):
            items.append((more.group(1), more.group(2), more.start(2), more.end()))
            pos = more.end()
        if listed_year := re.search(r"(20\d\d)》", text[: m.start()]):
            period = int(listed_year.group(1))  # 《…报告2025》: the ranking's own year
        for universe, number, start, end in items:
            value = cn_number(number)
            if value is None:
                continue
            attrs = {
                "value": value, "unit": "位", "value_text": sent.text[start - 1 : end], "period": period,
                "scope": universe.strip().lstrip("居为在") or of, "of": of, "kind": "rank",
            }
            out.append(Mention("metric", subject, sent.text[start - 1 : end], ctx.source(sent), attrs))
    return out


def _counted_after(text: str, pos: int) -> bool:
    """The noun phrase after a number is itself counted by the next number."""
    end = walk_right(text, pos)
    nxt = next((q for q in quantities(text[end : end + 12])), None)
    return end > pos and nxt is not None and nxt.start == 0


def _subject_before(text: str, pos: int) -> tuple[str, str | None]:
    """The indicator phrase ending at ``pos`` and the region it names, if any."""
    start = clause_bounds(text, pos, _SUBJECT_DELIMS)[0]
    end = pos
    while m := _STAT_VERB.search(text, start, end):
        end = m.start()
    toks = tokens(text)
    i = token_index(toks, end - 1) if end > start else -1
    if i < 0 or i >= len(toks):
        return "", None
    # the phrase ends at ``end`` even when the segmenter joined it with the verb ("占比超")
    phrase_start = max(walk_left(text, toks[i].start, nominal=True), start)
    if text[phrase_start - 1 : phrase_start] == "”" and (open_ := text.rfind("“", start, phrase_start)) >= 0:
        phrase_start = open_  # “335”产业产值
    subject, scope = _strip_context(text[phrase_start:end])
    if text[phrase_start] != "“" and not _BARE_GROWTH.match(subject):
        trimmed = _strip_context(text[trim_left(text, phrase_start, end) : end])
        subject, scope = trimmed[0], trimmed[1] or scope
    return subject, scope


def _subject_after(text: str, pos: int) -> str:
    if text[pos : pos + 1] == "“" and (close := text.find("”", pos)) > 0:
        return text[pos : close + 1] + text[close + 1 : walk_right(text, close + 1)]
    return _strip_context(text[pos : walk_right(text, pos)])[0]


def _strip_context(phrase: str) -> tuple[str, str | None]:
    """Split leading time words, scope words and regions off an indicator phrase."""
    scope = None
    while phrase:
        if m := TIME_WORD.match(phrase):
            phrase = phrase[m.end() :]
            continue
        found = regions_in(phrase[:8])
        if found and found[0][0] == 0:
            word_len = next(len(w) for w in lexicon.words("regions") if phrase.startswith(w))
            scope, phrase = found[0][1], phrase[word_len:]
            continue
        for word, _ in lexicon.rows("scopes"):
            if phrase.startswith(word):
                phrase = phrase[len(word) :]
                break
        else:
            break
    return phrase.rstrip("中的"), scope


def _has_head(subject: str) -> bool:
    return bool(subject) and subject.endswith(_heads())


def _period(ctx: StoryContext, before: str, sentence: str, section: _Section) -> int | None:
    """The year a figure is for: a time word near it, else the section's year,
    else the story's; yearly figures reported early in a year are last year's."""
    dated, now = time_at(before), now_at(before)
    if dated is not None and (now is None or dated > now):
        return int(time_of(before, ctx.year, last=True)[:4])
    if now is not None:
        return ctx.year
    if found := plan_year(sentence):
        return found[0]
    if section.paragraph_year:
        return section.paragraph_year
    if section.year:
        return section.year
    date = ctx.story.date
    if ctx.year and date and int(date[5:7]) <= _FULL_YEAR_MONTHS:
        return ctx.year - 1
    return ctx.year


def _scope(ctx: StoryContext, before: str, section: _Section) -> str | None:
    """The region nearest before the number (in the sentence, else earlier in the
    section); 全区/全市 resolve to the district or city in context."""
    named = regions_in(before)
    scope_words = [(before.rfind(w), w) for w, _ in lexicon.rows("scopes") if w in before]
    if scope_words:
        pos, word = max(scope_words)
        if not named or named[-1][0] < pos:
            earlier = [r for p, r in named if p < pos and r.endswith("区")]
            if earlier:
                return earlier[-1]
            return section.region if section.region and dict(lexicon.rows("scopes"))[word] == "district" else ctx.scope_word(word)
    if named:
        return named[-1][1]
    return section.region or ctx.district or ctx.city
