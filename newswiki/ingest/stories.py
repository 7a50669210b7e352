"""Group classified lines into stories: titles, body blocks, captions, dates, relevance."""

from __future__ import annotations

import re

from .. import lexicon
from ..model import Block, Caption, Sentence, Story
from . import dateline
from .lines import BYLINE, CAPTION, CREDIT, HEADING, MARKER, PARAGRAPH, Line, ends_sentence, onward
from .normalize import normalize
from .sentences import split_sentences

RELEVANCE_MIN = 2.0  # weighted topic terms per 100 characters
TITLE_FROM_TEXT_MAX = 24
TAIL_MAX = 40  # a story opening with the end of another story's sentence: one short clause
_NOTE = re.compile(r"（[^（）]{0,40}）$")  # "(完)" or "(记者…)" after a story's last sentence


def split_groups(lines: list[Line]) -> list[list[Line]]:
    """One group of lines per story.

    A story ends at a closing byline or a "(下转第二版)" marker; a continuation
    marker or a top-level ("# ") heading after body text starts a new one.
    Headings standing right before a marker belong to the story the marker starts.
    """
    groups: list[list[Line]] = [[]]
    for ln in lines:
        cur = groups[-1]
        has_body = any(x.kind == PARAGRAPH for x in cur)
        if ln.kind == MARKER and onward(ln.text):
            cur.append(ln)
            groups.append([])
        elif ln.kind == MARKER and has_body:
            cut = len(cur)
            while cut and cur[cut - 1].kind == HEADING:
                cut -= 1
            groups.append(cur[cut:] + [ln])
            del cur[cut:]
        elif ln.kind == HEADING and ln.level == 1 and has_body:
            groups.append([ln])
        else:
            cur.append(ln)
            if ln.kind == BYLINE and has_body:
                groups.append([])
    # a group without body text (photos after a byline) stays with the story before it
    out: list[list[Line]] = []
    for g in groups:
        if out and not any(x.kind == PARAGRAPH for x in out[-1]):
            out[-1].extend(g)  # a leading group without body text joins the next one
        elif out and not any(x.kind == PARAGRAPH for x in g):
            out[-1].extend(g)
        elif g:
            out.append(g)
    return join_cut([g for g in out if any(x.kind == PARAGRAPH for x in g)])


def join_cut(groups: list[list[Line]]) -> list[list[Line]]:
    """A story that stops mid-sentence and one that opens with the rest of that sentence
    (one short clause under its heading) are one story printed in two places: they
    become one, under the second one's heading and at its place, the sentence whole."""
    out = list(groups)
    for a in groups:
        if not any(g is a for g in out):
            continue  # already joined
        last = [x for x in a if x.kind == PARAGRAPH][-1]
        if not cut_off(last.text) or any(x.kind == MARKER and onward(x.text) for x in a):
            continue
        at = next((i for i, g in enumerate(out) if g is not a and _opens_with_tail(g)), None)
        if at is None:
            continue
        b = out[at]
        first = next(i for i, x in enumerate(b) if x.kind == PARAGRAPH)
        joined = Line(last.text + b[first].text, last.gap, PARAGRAPH)
        out[at] = b[:first] + [joined if x is last else x for x in a] + b[first + 1 :]
        out = [g for g in out if g is not a]
    return out


def _opens_with_tail(group: list[Line]) -> bool:
    """Does the story's first paragraph look like the end of a sentence begun elsewhere:
    one short clause without a comma ("吸引并留住更多大学生和青年创业者。")?"""
    text = normalize(next(x for x in group if x.kind == PARAGRAPH).text)
    return len(text) <= TAIL_MAX and ends_sentence(text) and not re.search("[，；：。！？]", text[:-1])


def cut_off(text: str) -> bool:
    """Does the paragraph stop mid-sentence (a closing note in brackets set aside)?"""
    return not ends_sentence(_NOTE.sub("", normalize(text).rstrip()))


def build_story(group: list[Line], story_id: str, source_file: str, position: int) -> Story:
    first_body = next(i for i, x in enumerate(group) if x.kind == PARAGRAPH)
    header = [x for x in group[:first_body] if x.kind == HEADING]
    story = Story(id=story_id, source_file=source_file, position=position, title="")
    story.continued = any(x.kind == MARKER and not onward(x.text) for x in group)
    last = [x for x in group if x.kind == PARAGRAPH][-1]
    story.truncated = cut_off(last.text) or any(x.kind == MARKER and onward(x.text) for x in group)
    if header:
        main = next((h for h in header if h.level == 1), header[0])
        story.title = main.text
        story.kicker = " ".join(h.text for h in header if h is not main)

    n_sentence, n_paragraph, prev_heading = 0, 0, False
    for i, ln in enumerate(group):
        if ln.kind == HEADING and i > first_body:
            level = max(ln.level, 2) if ln.level else (3 if prev_heading else 2)
            story.blocks.append(Block("subheading", ln.text, level))
        elif ln.kind == PARAGRAPH:
            text = ln.text
            if n_paragraph == 0 and 0 < (end := dateline.lead(text)) < len(text):
                story.bylines.append(text[:end].strip())
                text = text[end:]
            n_paragraph += 1
            block = Block("paragraph", text)
            norm = normalize(text)
            for s, e in split_sentences(text):
                n_sentence += 1
                block.sentences.append(Sentence(f"s{n_sentence}", text[s:e].strip(), norm[s:e].strip(), n_paragraph))
            story.blocks.append(block)
        elif ln.kind == CAPTION:
            nxt = group[i + 1] if i + 1 < len(group) else None
            story.captions.append(Caption(ln.text, nxt.text if nxt and nxt.kind == CREDIT else ""))
        elif ln.kind == BYLINE:
            story.bylines.append(ln.text)
        prev_heading = ln.kind == HEADING and i > first_body

    if not story.title:
        first = story.sentences[0].text.rstrip("。！？!?")
        title = first if len(first) <= TITLE_FROM_TEXT_MAX else first[:TITLE_FROM_TEXT_MAX] + "…"
        story.title = ("（续）" if story.continued else "") + title
    story.relevance_score = relevance(story)
    story.relevant = story.relevance_score >= RELEVANCE_MIN and mentions_region(story)
    return story


# --- dates --------------------------------------------------------------------

_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(
    r"(?<!\d)(\d{4})年?(?=[^，。；]{0,24}(?:大会|会议|峰会|论坛|博览会|推进会|发布会|招商会|集中开工|集中签约|开工仪式|签约仪式|寻根节|文化节))"
)
_ANY_YEAR = re.compile(r"(?<!\d)(20\d{2})年")


def story_date(story: Story, issue_year: str | None = None) -> tuple[str | None, str]:
    """The date of the reported event: the first day-precise date in the body.

    The year comes from the date itself, else its sentence, else the story's
    context (``story_year``), else ``issue_year``: the year the other stories
    printed in the same file give.
    """
    for sent in story.sentences:
        m = _DATE.search(sent.norm)
        if not m:
            continue
        month, day = int(m.group(2)), int(m.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        year = m.group(1) or _year_in(sent.norm) or story_year(story) or issue_year
        text = sent.text[m.start() : m.end()]
        return (f"{int(year):04d}-{month:02d}-{day:02d}" if year else None), text
    return None, ""


def _year_in(text: str) -> str | None:
    """The one year a date's sentence names, not a period's label (2024年度…奖), a target's or
    the one a report is of ("2月8日，…通报2020年全市经济运行情况")."""
    years = [
        m.group(1) for m in _ANY_YEAR.finditer(text)
        if not text.startswith("度", m.end()) and not text[: m.start()].endswith(("到", "通报", "公布", "发布", "回顾", "总结"))
    ]
    return years[0] if len(set(years)) == 1 else None


def story_year(story: Story) -> str | None:
    """A year from an event named with it ("2026年青山区科技创新大会") or a
    five-year-plan cue ("十五五开局之年", "刚刚过去的十四五收官之年")."""
    text = "".join(s.norm for s in story.sentences)
    if m := _YEAR.search(text):
        return m.group(1)
    if found := plan_year(text):
        year, past = found
        return str(year + 1 if past else year)
    return None


_QUOTED = re.compile(r"“[^“”]*”|(?:好于|超过?|超出|低于|高于|符合)预期")  # a quoted name; "好于预期" looks back
_SPAN_END = re.compile(r"(?<!\d)(?:19|20)\d{2}年?\s*[—–\-~至到]+\s*(?=(?:19|20)\d{2}年)")
# 2023年, the 2025 of 2025—2027年, a list's edition (2023中国县域经济百强榜)
_NAMED_YEAR = re.compile(r"(?<!\d)(20\d{2})(?:年|(?=\s*[—–\-~]+\s*20\d{2}年)|(?=[\u4e00-\u9fff]{1,12}(?:榜|排行|名单)))")
_CLAUSE_END = re.compile(r"[。；！？]")


def written_year(stories: list[Story]) -> int | None:
    """For a text with no dated header and no year of its own: a guess at the year it was
    written in, the latest year it speaks of as now or past. The end of a span (2025—2027年),
    a year a target reaches (到2027年, 2025年，光谷将…) and a year a span starts from
    (2015年以来) are not evidence; a year told as closed (2023年，…同比增长; 2023年全年) is
    the year before. Pages mark dates and periods that rest on this guess as inferred."""
    text = "".join(s.norm for st in stories for s in st.sentences)
    evidence = lexicon.rows("year_evidence")
    leads = tuple(w for kind, w in evidence if kind in ("target", "since"))
    since = tuple(w for kind, w in evidence if kind == "since")
    closed = tuple(w for kind, w in evidence if kind == "closed")
    ahead = tuple(r[0] for r in lexicon.rows("target_cues") if len(r) == 1)
    span_ends = {m.end() for m in _SPAN_END.finditer(text)}
    found = []
    for m in _NAMED_YEAR.finditer(text):
        before, clause = text[: m.start()], _CLAUSE_END.split(text[m.end() :], 1)[0]
        if m.start() in span_ends or before.endswith(leads) or any(w in clause[:8] for w in since):
            continue
        if (not before or before.endswith(("，", "。", "；"))) and any(w in _QUOTED.sub("", clause)[:12] for w in ahead):
            continue  # 2025年，光谷将…
        year = int(m.group(1))
        if clause.startswith(closed) or (clause.startswith("，") and any(w in clause for w in closed)):
            year += 1
        elif before.endswith(("较", "比", "与")):
            year += 1  # "较2019年同期增长": a base the text looks back on
        elif clause.startswith("度") and re.match(r"度[^，。；]{0,16}(?:奖|考核|评估|评价|榜单|报告|通报|成果)", clause):
            year += 1  # "2024年度科学技术奖", "2017年度…考核结果通报": given out the year after
        found.append(year)
    return max(found, default=None)


def plan_year(text: str) -> tuple[int, bool] | None:
    """The year a five-year-plan cue names (十五五开局之年 -> 2026, 十四五收官之年 -> 2025),
    and whether the text speaks of it as past ("刚刚过去的…")."""
    for name, first, last in lexicon.rows("plan_periods"):
        if m := re.search(rf"(过去的)?“?{name}”?(?:规划的)?(开局|收官)之年", text):
            return int(first if m.group(2) == "开局" else last), bool(m.group(1))
    return None


# --- relevance ----------------------------------------------------------------


def relevance(story: Story) -> float:
    """Weighted topic terms per 100 characters of body text."""
    text = "".join(s.norm for s in story.sentences)
    if not text:
        return 0.0
    score = sum(w * text.count(t) for t, w in lexicon.weighted("topic_terms").items())
    return round(100 * score / len(text), 2)


def mentions_region(story: Story) -> bool:
    text = normalize(story.title) + "".join(s.norm for s in story.sentences)
    return any(r in text for r in lexicon.words("regions"))
