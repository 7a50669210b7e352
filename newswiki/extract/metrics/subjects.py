"""What a figure measures: the indicator phrase before or after it, and its kind."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ... import lexicon
from ..names import trim_left
from ..numbers import Quantity, quantities
from ..tokens import clause_bounds, token_index, tokens, walk_left, walk_right
from .owners import named_owners
from .phrases import (
    BARE_GROWTH,
    GROWTH_END,
    GROWTH_WORDS,
    COUNT_UNITS,
    LEADING_ADVERB,
    SUBJECT_DELIMS,
    clause_before,
    has_head,
    heads,
    measures,
    stat_words,
    strip_context,
    whole_heads,
)

if TYPE_CHECKING:
    from .section import Section

_STAT_VERB = re.compile(rf"(?:{lexicon.role_alternation('cues', 'stat')})$")
_ADVERBS = re.compile(r"(?:首次|再次|连续[\d一二三四五六七八九十两]+年|双双|均|分别|也|还|已|继续|稳居|仍|仅)+$")
_GROWTH = re.compile(GROWTH_WORDS)
_SHARE = re.compile("比重|占比|占|盈利面|增长面|贡献率|失业率")
_CHANGE_VERB = re.compile(r"(提高|加快|扩大|高出|高于|低于|回落|下降|提升|收窄|上升|增加|减少)$")
# "按不变价格计算比上年同期增长4.5%": how and against what a growth is measured
_GROWTH_LEAD = re.compile(r"^(?:按[^，。；]{1,8}计算)?(?:比|较)?(?:上年同期|上年|去年同期|去年|(?P<since>\d{4}年))?")
_BASE_INSIDE = re.compile(r"(?:(?:比|较)(?:上年|去年)(?:同期)?|仅|也|还|继续|再次)(?P<verb>增长|增速|增幅)$")
_GLOSS_OR_METHOD = re.compile(r"(?:（[^（）]{1,12}）|按[^，。；]{1,8}计算)$")  # （GDP）, 按不变价格计算
_SIZE_AFTER = re.compile(r"[十百千万亿]*元?(?:级|以上|以下)")
_BARE_TOTAL = re.compile(r"^(?:总投资|总投资额|总额|总金额|总规模|规模|投资)$")
_BASE = re.compile(r"(?:比|较|高于|低于|由)[^，。；]*$")  # "增速比一季度加快": the comparison base
_BARE_TOTAL_END = re.compile(r"(?:总投资|总投资额|总额|总金额|总规模)$")
_STAT_ONLY = re.compile(rf"^(?:{lexicon.role_alternation('cues', 'stat')}|实现|完成)+$")
_NOT_INDICATOR_VERBS = {"有", "是", "共有", "拥有", "现有", "已有", "获得", "共获得", "截至", "实现", "完成"}
_JOINED = re.compile(r"(?:实现|完成|录得)$")  # "服务业实现营收154.91亿元"
_SIZE_CLASS = re.compile(r"(?:\d+|[一二三四五六七八九十两]?[十百千万亿]+)(?:亿|万)?元?(?:级|以上|以下)")
_COUNTED_RANK = re.compile(
    r"([^，。；、]{2,10}?)((?:增幅|增速|总量)?(?:排名|排位|位居|位列|居)[^，。；]{0,6}?(?:前[一二三四五六七八九十\d]+|第[一二三四五六七八九十\d]+))"
)
_SHARE_OF_GROUP = re.compile(r"(?:为|是)([^，。；、]{2,12})(?=[，。；]|$)")
_LIGHT_VERBS = {"实现", "保持", "完成", "达到"}
_COLLECTIVE_EVENT = re.compile(r"(重大|重点|产业)?项目集中(开工|签约|竣工|投产)")
_LISTED_KINDS = re.compile(r"[^，。；：]{1,30}?等")
_COLLECTIVE_NUMERAL = re.compile(r"[两三四五六七八九十]大")
_COUNTED_HEADS = {"项目", "企业"}  # a noun a verb before a total may take along ("项目签约总额")
_PEOPLE = re.compile(r"负责人|代表|人员|员工|专家|院长|董事长")
_FUNDS = ("基金", "资金池")


def indicator(text: str, q: Quantity, section: Section, previous: str) -> tuple[str, str]:
    """(indicator, kind) of the figure ``q``."""
    if q.unit == "百分点":
        return _change_subject(text, q.start, previous or section.base), "change"
    if q.unit == "%" and text.startswith("的", q.end) and has_head(noun := _subject_after(text, q.end + 1)):
        lead = clause_before(text, q.start)
        if lead and not has_head(lead):  # "集聚全市68%的人工智能企业": the share of them it holds
            return f"{lead}{noun}比重", "share"
    if q.unit == "%" and (part := _SHARE_OF_GROUP.match(text, q.end)):
        group = clean_phrase(clause_before(text, q.start).rstrip("中"))
        if has_head(group) and has_head(part.group(1)):
            return f"{group}中{part.group(1)}占比", "share"  # "新增企业中超80%为数字经济企业"
    subject = phrase_before(text, q.start)
    if (not subject or BARE_GROWTH.match(subject)) and (base := _BASE_INSIDE.search(text, 0, q.start)):
        # "地区生产总值比上年同期增长8.0%", "工业投资仅增长13.7%": the indicator stands before the base
        told = _GLOSS_OR_METHOD.sub("", text[: base.start()]) + base.group("verb")  # 地区生产总值（GDP）比…
        subject = phrase_before(told, len(told)) or subject
    since = ""  # "，较2020年增长23.25%": a growth over years keeps its base year
    if not subject and (lead := _GROWTH_LEAD.match(clause := clause_before(text, q.start))) and (growth := BARE_GROWTH.match(clause[lead.end() :])):
        subject = growth.group()  # "，增长15%，"
        since = lead.group() if lead.group("since") else ""
    if not subject and _continues(text, q.start):
        subject = previous  # "…突破1000亿元大关，达到1010.23亿元"
    if BARE_GROWTH.match(subject):  # "同比增长23.5%": growth of the figure before
        growth_of = GROWTH_END.sub("", previous or section.base)  # not 投资增长增长
        subject = growth_of + since + subject if growth_of else ""
    if q.unit in COUNT_UNITS and (ranked := _COUNTED_RANK.match(text, q.end)):
        return ranked.group(2) + "的" + ranked.group(1), "total"  # "9项核心指标增幅排名全市前三"
    if not has_head(subject) and q.unit in COUNT_UNITS | {"元", "美元"}:
        counted = _subject_after(text, q.end)
        if q.unit == "元" and counted.endswith(_FUNDS):
            counted += "规模"  # "设立10亿元长江鑫时代创投母基金": the fund's size
        noun_end = text.find(counted, q.end) + len(counted)
        if _PEOPLE.match(text, noun_end):
            return "", ""  # "12家驻区重点企业负责人": people, not firms
        if counted and q.unit in COUNT_UNITS and has_head(counted := _counted_noun(counted)):
            noun_end = text.find(counted, q.end) + len(counted)
            after, after_end = _verb_after(text, noun_end)
            done = _object_after(text, after_end, after in _LIGHT_VERBS) if after else ""
            # "13个重大项目集中开工": 集中开工重大项目; "22个行业保持工业产值的正增长": 保持工业产值正增长的行业
            counted = _verb_before(text, q.start) + after + (done + "的" if done else "") + counted
        subject = counted if has_head(counted) else subject
    elif subject and q.unit in COUNT_UNITS | {"元"}:
        subject = _verb_before(text, text.rfind(subject, 0, q.start), True) + subject  # "开工重大项目6个", "项目签约总额"
    if _BARE_TOTAL.match(subject) and previous:
        subject = _BARE_TOTAL_END.sub("", previous) + subject  # "13个项目集中开工，总投资133.2亿元"
    elif previous and (total := _BARE_TOTAL_END.search(subject)) and previous.endswith(subject[: total.start()] or "\0"):
        subject = previous + total.group()  # "9个项目同时开工，9个项目总投资…": the projects just counted
    subject = subject.replace("同比", "")
    if subject in ("项目", "项目总投资") and (event := _COLLECTIVE_EVENT.search(text)):
        # "此次重大项目集中开工活动，…等26个项目，总投资169亿元": the projects of the event
        subject = f"集中{event.group(2)}{event.group(1) or ''}项目{subject[2:]}"
    if subject in heads() and subject not in whole_heads():
        subject = _widened(text, q.start, subject)  # "设立政府引导基金规模482亿元": not just 规模
    if not has_head(subject) or (subject in heads() and subject not in whole_heads()):
        return "", ""  # a bare head word ("企业", "规模") says nothing of what is measured
    if q.unit != "%":
        return subject, "growth" if subject.endswith(("净增", "净增加")) or subject.startswith("净增") else "total"
    share = _SHARE.search(subject) or text.startswith("为", q.end)
    return subject, "share" if share else "growth" if _GROWTH.search(subject) else "total"


def each_listed(text: str, pos: int) -> list[str]:
    """The listed indicators a figure after 各 applies to."""
    listed = text[clause_bounds(text, pos, "，。；：")[0] : pos]
    items = [clean_phrase(item) for item in re.split(r"、|和|及|与", listed)]
    return [item for item in items if has_head(item)] if all(items) else []


def _widened(text: str, pos: int, head: str) -> str:
    """The whole clause before a figure, as its indicator, when the phrase found is a bare head."""
    start = clause_bounds(text, pos, SUBJECT_DELIMS)[0]
    end = text.rfind(head, start, pos) + len(head)
    phrase = clean_phrase(LEADING_ADVERB.sub("", clean_phrase(text[start:end])).lstrip("已"))
    return phrase if phrase.endswith(head) and len(phrase) <= 16 else head


def _continues(text: str, pos: int) -> bool:
    """The clause is only a verb before the figure: it goes on about the last one."""
    start = clause_bounds(text, pos, SUBJECT_DELIMS)[0]
    return bool(_STAT_ONLY.match(text[start:pos]))


def _counted_noun(phrase: str) -> str:
    """"项目总投资" after "9个": what is counted ends at its count head (项目)."""
    for head, group, *_ in lexicon.rows("metric_heads"):
        if group == "count" and (i := phrase.find(head)) > -1 and i + len(head) < len(phrase):
            if not phrase.endswith(tuple(h for h, g, *_ in lexicon.rows("metric_heads") if g == "count")):
                # "9个项目总投资": the projects; "12家重点企业负责人": people, not firms
                total = phrase[i + len(head) :].startswith("总")  # the group's total follows (项目总投资)
                return phrase[: i + len(head)] if measures(phrase) or total else ""
    return phrase


def _change_subject(text: str, pos: int, previous: str) -> str:
    """"增速比一季度加快2.2个百分点", "高出全市平均增速14个百分点": the last figure's
    indicator (its growth rate when it was a growth), and how it moved."""
    phrase = clause_before(text, pos)
    rate = re.sub(r"(?:同比)?(?:增长|增幅)$", "增速", previous)
    if re.match(r"(高出|高于|低于)", phrase):
        return rate + phrase  # "…增速高出武汉市平均增速"
    verb = _CHANGE_VERB.search(phrase)
    moved = phrase[: verb.start()] if verb else phrase
    yearly = "同比" if "同比" in moved else ""  # "增速同比加快": against the same period, no base named
    moved = moved.replace("同比", "")
    base = _BASE.search(moved)
    words, _ = strip_context(_BASE.sub("", moved))
    if words in ("降幅", "涨幅") and previous:  # "同比下降17.5%，降幅比一季度收窄": the decline of that indicator
        words = GROWTH_END.sub("", previous) + words
    if not words or BARE_GROWTH.match(words) or words in ("增速", "增幅"):
        if words and previous and not _GROWTH.search(rate):
            rate += words  # "地区生产总值…，增速比一季度加快": the total's growth rate
        words = (rate if words else previous) if previous else words or "增速"
    return words + (base.group() if base else yearly) + (verb.group(1) if verb else "变化")  # "…增速比一季度加快"


def collective_total(text: str, pos: int) -> bool:
    """The figure totals a counted group of projects ("13个重大项目集中开工，总投资…")."""
    start = clause_bounds(text, pos, "，。；")[0]
    previous = text[clause_bounds(text, max(start - 1, 0), "，。；")[0] : pos]
    return bool(re.search(r"\d+个[^，。；]{0,12}项目|项目(?:共|共计|合计)?\d+个", previous))


def counted_after(text: str, pos: int) -> bool:
    """The noun phrase after a number is itself counted by the next number."""
    end = walk_right(text, pos)
    nxt = next((q for q in quantities(text[end : end + 12])), None)
    return end > pos and nxt is not None and nxt.start == 0


def phrase_before(text: str, pos: int) -> str:
    """The indicator phrase that ends at ``pos`` (regions, time and adverbs taken off)."""
    if text[:pos].endswith("）") and 0 <= (open_ := text.rfind("（", 0, pos)) > pos - 10:
        pos = open_  # "地区生产总值（GDP）939.90亿元"
    start = clause_bounds(text, pos, SUBJECT_DELIMS)[0]
    end = pos
    while m := _STAT_VERB.search(text, start, end):
        end = m.start()
    if m := _ADVERBS.search(text, start, end):
        end = m.start()
    toks = tokens(text)
    i = token_index(toks, end - 1) if end > start else -1
    if i < 0 or i >= len(toks):
        return ""
    # the phrase ends at ``end`` even when the segmenter joined it with the verb ("占比超")
    phrase_start = max(walk_left(text, toks[i].start, nominal=True), start)
    if text[phrase_start - 1 : phrase_start] == "”" and (open_ := text.rfind("“", start, phrase_start)) >= 0:
        phrase_start = open_  # “335”产业产值
    if text[phrase_start] != "“":
        phrase_start = trim_left(text, phrase_start, end)
    phrase_start = _modifier_before(text, phrase_start, start)
    if (digits := re.search(r"\d+(?:\.\d+)?(?:[至到—\-~]\d+(?:\.\d+)?)?$", text[start:phrase_start])) and _SIZE_AFTER.match(text, phrase_start):
        phrase_start = start + digits.start()  # "100亿级项目1个": the size class keeps its number
    if (joined := _JOINED.search(text, start, phrase_start)) and joined.end() == phrase_start:
        phrase_start = _modifier_before(text, max(walk_left(text, joined.start() - 1, nominal=True), start), start)
        owner, measured = clean_phrase(_ADVERBS.sub("", text[phrase_start : joined.start()])), clean_phrase(text[joined.end() : end])
        if len(owner) < 3 or owner in measured or measures(owner) or owner.endswith("总量"):
            return measured  # "建筑业完成建筑业总产值", "经济总量完成地区生产总值"
        return owner + measured
    return clean_phrase(text[phrase_start:end])


def _modifier_before(text: str, pos: int, start: int) -> int:
    """Extend a phrase over a modifier the segmenter tags as a stop word (其他项目, 现代服务业)
    or a collective numeral (五大优势产业)."""
    for word in lexicon.words("indicator_modifiers"):
        if pos - len(word) >= start and text.startswith(word, pos - len(word)):
            return pos - len(word)
    if pos - 2 >= start and _COLLECTIVE_NUMERAL.fullmatch(text, pos - 2, pos):
        return pos - 2
    return pos


def clean_phrase(phrase: str) -> str:
    subject, _ = strip_context(phrase)
    subject = subject.replace("同比", "").replace("环比", "")
    if (owners := named_owners(subject)) and owners[0][0] == 0 and len(owners[0][1]) < len(subject):
        subject = subject[len(owners[0][1]) :]  # "国家网安基地注册企业": the base is the owner
    return subject


def _subject_after(text: str, pos: int) -> str:
    if (listed := _LISTED_KINDS.match(text, pos)) and "、" in listed.group():
        return _subject_after(text, listed.end())  # "17个商业航天、新材料等产业项目": 产业项目
    if size := _SIZE_CLASS.match(text, pos):  # "7个百亿级项目", "32个亿元以上项目"
        rest = _subject_after(text, size.end())
        return size.group() + rest if rest else ""
    if text[pos : pos + 1] == "“" and (close := text.find("”", pos)) > 0:
        return text[pos : close + 1] + text[close + 1 : walk_right(text, close + 1)]
    return strip_context(text[pos : walk_right(text, pos)])[0]


def _verb_before(text: str, pos: int, noun: bool = False) -> str:
    """The verbs just before a count ("引进孵化超25家企业", "新落户的24个项目"); with ``noun``,
    and the noun they are about ("项目签约总额")."""
    toks = tokens(text)
    i = token_index(toks, pos - 1) if pos else -1
    words: list[str] = []
    while 0 <= i < len(toks) and toks[i].end <= pos:
        t = toks[i]
        if t.word in ("的", "了") and not words:
            i -= 1
            continue
        if t.pos.startswith("v") and t.word not in stat_words() and t.word not in _NOT_INDICATOR_VERBS:
            words.insert(0, t.word)
        elif t.word in ("新", "累计", "集中", "共") and words:
            words.insert(0, t.word if t.word != "共" else "")
        elif t.word == "首批":
            words.insert(0, t.word)  # "首批12家企业集中入驻": the first firms
        elif noun and words and t.word in _COUNTED_HEADS:
            words.insert(0, t.word)  # "项目签约总额": what was signed
            break
        else:
            break
        i -= 1
    return "".join(words)


def _verb_after(text: str, pos: int) -> tuple[str, int]:
    """The verb a counted list ends on ("2家研究院、14家企业签约入驻": 签约入驻), and where it ends."""
    rest = text[pos:]
    while m := re.match(r"、[^，。；、]{0,20}?\d+[家个项所]?[^，。；、]*?(?=、|签约|落户|入驻|开工|投产|竣工)", rest):
        rest = rest[m.end() :]
    toks = tokens(rest)
    words, end = [], 0
    for t in toks:
        if t.pos.startswith("v") or t.word in ("集中", "同时", "首批", "现场"):
            if t.word not in ("首批", "现场"):
                words.append("集中" if t.word == "同时" else t.word)  # "9个项目同时开工": a collective start
            end = t.end
        else:
            break
    found = words and words[-1] not in ("集中",)
    return ("".join(words), len(text) - len(rest) + end) if found else ("", pos)


def _object_after(text: str, pos: int, event: bool = False) -> str:
    """The short object that ends a counted clause after its verb ("保持工业产值的正增长");
    after a light verb it may be an event ("实现当年签约当年开工")."""
    end = clause_bounds(text, pos, "，。；：")[1]
    phrase = text[pos:end]
    if not 2 <= len(phrase) <= 12 or re.search(r"\d", phrase):
        return ""
    verbs = [t for t in tokens(phrase) if t.pos.startswith("v") and not _GROWTH.search(t.word)]
    return "" if verbs and not event else phrase.replace("的", "")


_RESPECTIVELY = re.compile(r"分别(?:为|是)?")
_VERB_WORDS = re.compile(r"^(?:同比|比上年|较上年|实现|完成|达到|达|为|是)+")


def respectively(text: str, numbers: list[Quantity]) -> dict[int, tuple[str, str]]:
    """"计算机通信、医药制造业分别同比增长22.4%、19.9%": each listed item with its own
    figure, in order (start of the figure -> (indicator, kind)); only when the list and the
    figures after 分别 are as many."""
    out: dict[int, tuple[str, str]] = {}
    told: list[str] = []  # the items of the last 分别: "…分别达A、B，分别增长x%、y%"
    for m in _RESPECTIVELY.finditer(text):
        listed = text[clause_bounds(text, m.start(), "，。；：")[0] : m.start()]
        items = [clean_phrase(item) for item in re.split(r"、|和|及|与", listed)] if listed else told
        after = [q for q in numbers if q.start >= m.end() and "，" not in text[m.end() : q.start].replace("、", "")]
        if not after or len(items) < 2 or not all(items):
            continue
        verb = _VERB_WORDS.sub("", text[m.end() : after[0].start])
        shared = next((h for h in sorted(heads(), key=len, reverse=True) if items[-1].endswith(h)), "")
        items = told = [item if has_head(item) or not shared else item + shared for item in items]  # "高新技术产业、数字经济核心产业增加值"
        figures = after[: len(items)]
        joined = all(re.fullmatch(r"[、和及与]", text[a.end : b.start]) for a, b in zip(figures, figures[1:]))
        if len(figures) < len(items) or not joined:
            continue
        for item, q in zip(items, figures):
            subject = item + verb if verb and not item.endswith(verb) else item
            if not has_head(subject):
                break
            kind = "growth" if q.unit == "%" and _GROWTH.search(verb) else "share" if q.unit == "%" and _SHARE.search(subject) else "total"
            out[q.start] = (subject, kind)
    return out
