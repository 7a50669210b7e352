"""Metrics: an indicator of an owner (a region or an organisation), with value, unit,
period at the granularity the text gives, qualifier and kind.

Kinds: total, share, growth, change (百分点 against a base), rank (with its peer group
as scope). Targets, plans and forecasts are not measurements and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..ingest.stories import plan_year
from ..model import Mention
from .context import StoryContext
from .names import find_names, regions_in, trim_left
from .numbers import TIME_WORD, Quantity, cn_number, now_at, now_word, quantities
from .periods import periods, shifted
from .tokens import clause_bounds, token_index, tokens, walk_left, walk_right

_STAT_VERB = re.compile(rf"(?:{lexicon.role_alternation('cues', 'stat')})$")
_AWARD = re.compile(lexicon.role_alternation("cues", "award"))
# figures of one project (its investment, area, jobs), not of a region
_PROJECT_FIGURE = re.compile(r"占地|就业|入园|年产|该项目|项目一期|(?<![个批项])项目(?:计划)?总投资")
_INVESTMENT = re.compile("投资")
_ANAPHOR = re.compile(r"^(?:该|这个|此)?(?:园区|基地|项目|中心|平台|研究院|实验室|社区)")
_OWNER_ANAPHOR = re.compile(r"(?:该|本|此)?(?:园区|基地|中心|平台|研究院|实验室|社区|孵化器|学院|医院)(?=已|现|共|累计|有|目前)|(?:该|本)[院校所]")
_PEERS_OF_RANK = re.compile(r"的?(?:第|前[一二三四五六七八九十\d]|排名|排位)")  # "增幅全市第一": peers, not owner
_RANK_AFTER = re.compile(r"[省市区]?的?(?:第|前[一二三四五六七八九十\d])")
_RANK_VERB = r"排名|排位|位列|位居|跃居|居|排在|排"
_ORDINAL = r"第(\d+|[一二三四五六七八九十]+)(?![类批届次期个家项条年])(?:位|名)?"
_UNIVERSE = r"(?:[^，。；第]|第[一二三四五六七八九十\d]+类){0,12}?"
_RANK = re.compile(rf"({_RANK_VERB})({_UNIVERSE}){_ORDINAL}")
_RANK_MORE = re.compile(rf"(?:（[^）]*）)?[、，]({_UNIVERSE}){_ORDINAL}")
_ADVERBS = re.compile(r"(?:首次|再次|连续[\d一二三四五六七八九十两]+年|双双|均|分别|也|还|已|继续|稳居|仍|仅)+$")
_GROWTH = re.compile("增长|增速|增幅")
_SHARE = re.compile("比重|占比|占|盈利面|增长面")
_CHANGE_VERB = re.compile(r"(提高|加快|扩大|高出|高于|低于|回落|下降|提升|收窄|上升)$")
_BARE_GROWTH = re.compile(r"^(?:同比)?(?:增长率|增速|增长|增幅|净增|新增)$")
# "按不变价格计算比上年同期增长4.5%": how and against what a growth is measured
_GROWTH_LEAD = re.compile(r"^(?:按[^，。；]{1,8}计算)?(?:比|较)?(?:上年同期|上年|去年同期|去年)?")
_BARE_TOTAL = re.compile(r"^(?:总投资|总投资额|总额|总金额|总规模|规模|投资)$")
_BASE = re.compile(r"(?:比|较|高于|低于|由)[^，。；]*$")  # "增速比一季度加快": the comparison base
_STAGE = re.compile(lexicon.alternation("stage_verbs"))
_BARE_TOTAL_END = re.compile(r"(?:总投资|总投资额|总额|总金额|总规模)$")
_STAT_ONLY = re.compile(rf"^(?:{lexicon.role_alternation('cues', 'stat')}|实现|完成)+$")
_LEADING_ADVERB = re.compile(r"^(?:首次|再次|连续[\d一二三四五六七八九十两]+年|在)")
_COMPARED = re.compile(r"(?:占|比|较|高出|高于|低于|集聚|相当于|居|排名|位列|排|在)$")  # "占武汉市…的70%": not the owner
_NOT_INDICATOR_VERBS = {"有", "是", "共有", "拥有", "现有", "已有", "获得", "共获得", "截至", "实现", "完成"}
_EXAMPLE = re.compile(r"[、等]|与|和|及|带动|牵头|主办|共建")
_JOINED = re.compile(r"(?:实现|完成|录得)$")  # "服务业实现营收154.91亿元"
_SECTION_YEAR = re.compile(r"^(\d{4})年$")
_RANKED_LIST = re.compile(r"《([^》]+)》|([\u4e00-\u9fff\d]{2,14}榜单)")
_SUBJECT_DELIMS = "，。；：、（）"  # an indicator phrase never crosses these
_SIZE_CLASS = re.compile(r"(?:\d+|[一二三四五六七八九十两]?[十百千万亿]+)(?:亿|万)?元?(?:级|以上|以下)")
_REGION_LEADS = set("在全为是和与及让使把将从到于至向对据各今去明")  # a word before a city that is no part of a name
_COUNTED_RANK = re.compile(
    r"([^，。；、]{2,10}?)((?:增幅|增速|总量)?(?:排名|排位|位居|位列|居)[^，。；]{0,6}?(?:前[一二三四五六七八九十\d]+|第[一二三四五六七八九十\d]+))"
)
_DONE = re.compile(r"已|累计|目前|如今|截至")
_SHARE_OF_GROUP = re.compile(r"(?:为|是)([^，。；、]{2,12})(?=[，。；]|$)")
_ASPECTS = re.compile(r"^(?:总量|增速|增幅)(?:[及和与](?:总量|增速|增幅))+$")
_LIGHT_VERBS = {"实现", "保持", "完成", "达到"}
# "光化院已引进孵化超25家企业": an institute's short name opening a clause on what it has done
_SHORT_OWNER = re.compile(r"(?:^|[，。；：])((?![该本此全我])[\u4e00-\u9fff]{1,3}[院所])(?=已|现|共|累计|目前|先后)")
_SENTENCE_ANAPHOR = re.compile(r"(?:该|这个|此)?(园区|产业园|基地|中心|孵化器|平台|研究院|实验室)(?=由|已|现|共|累计|目前|总投资|占地|位于|面积)")
_PROVISION = re.compile(r"^对|单个|每个|每家|最高$")
_COLLECTIVE_EVENT = re.compile(r"(重大|重点|产业)?项目集中(开工|签约|竣工|投产)")
_LISTED_KINDS = re.compile(r"[^，。；：]{1,30}?等")
_FUNDS = ("基金", "资金池")
_COUNT_UNITS = {"家", "个", "项", "人", "所", "条", "台", "套", "架", "辆", "户", "枚"}
_FULL_YEAR_MONTHS = 4  # yearly figures reported up to April are last year's


@lru_cache(maxsize=1)
def _stat_words() -> frozenset[str]:
    return frozenset(lexicon.role_words("cues", "stat"))


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return lexicon.words("metric_heads")


@lru_cache(maxsize=1)
def _whole_heads() -> frozenset[str]:
    return frozenset(r[0] for r in lexicon.rows("metric_heads") if r[2:] == ("whole",))


@lru_cache(maxsize=1)
def _target_re() -> re.Pattern:
    strong = "|".join(re.escape(r[0]) for r in lexicon.rows("target_cues") if r[1:] != ("weak",))
    return re.compile(rf"{strong}|(?<![回达截提收得])到20\d\d年")


@lru_cache(maxsize=1)
def _weak_target_re() -> re.Pattern:
    return re.compile("|".join(re.escape(r[0]) for r in lexicon.rows("target_cues") if r[1:] == ("weak",)))


def _target(text: str) -> re.Match | None:
    """Where the targets of a sentence begin: a strong cue, or a weak one (培育, 引入)
    in a sentence that does not say what it reports is done (已, 累计, 目前)."""
    text = re.sub(lexicon.alternation("target_exceptions"), lambda m: "　" * len(m.group()), text)
    weak = _weak_target_re().search(text)
    if weak and _DONE.search(text, 0, weak.start()):
        weak = None
    found = [m for m in (_target_re().search(text), weak) if m]
    return min(found, key=lambda m: m.start(), default=None)


def extract(ctx: StoryContext) -> list[Mention]:
    out: list[Mention] = []
    seen: dict[tuple, list[Mention]] = {}
    section = _Section()
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


@dataclass
class _When:
    value: str | None
    text: str


class _Section:
    """What the current section and paragraph of a story say about time and place."""

    def __init__(self) -> None:
        self.period: _When | None = None
        self.year_level = 0
        self.region: str | None = None
        self.paragraph: _When | None = None
        self.base = ""  # the indicator the last figure was about, for "增长…" told after it
        self.owners: list[str] = []  # organisations and platforms named so far, in order
        self.now = False  # the paragraph speaks of the story's own day (当天, 此次)

    def enter(self, heading, year: int | None) -> None:
        if m := _SECTION_YEAR.match(heading.text):
            self.period, self.year_level = _When(m.group(1), heading.text), heading.level
        elif heading.level <= self.year_level:
            self.period, self.year_level = None, 0
        elif found := [p for p in periods(heading.text, year) if not p.base]:
            self.period = _When(found[-1].value, found[-1].text)
        self.region = None

    def saw(self, text: str, year: int | None) -> None:
        if named := _regions_owning(text):
            self.region = named[-1][1]
        if found := [p for p in periods(text, year) if not p.base]:
            last = found[-1]
            if last.shift is not None:
                context = self.paragraph or self.period
                self.paragraph = _When(shifted(context.value if context else None, last.shift), last.text)
            else:
                self.paragraph = _When(last.value, last.text)
        self.now = self.now or now_at(text) is not None
        if owners := _owners(text):
            self.owners += [name for _, name in owners]


def _sentence_metrics(ctx: StoryContext, sent, section: _Section) -> list[Mention]:
    text = sent.norm
    target = _target(text)
    try:
        before = section.base
        found = _quantity_metrics(ctx, sent, section)
        bases = [(0, before)] + [(m.attrs["at"], m.attrs["subject"]) for m in found if m.attrs["kind"] != "change"]
        found += _ranks(ctx, sent, section, bases)
        # numbers after 力争 / 预计 / 将 / 到2028年 are targets, not measurements
        return [m for m in found if not target or m.attrs["at"] < target.start()]
    finally:
        section.saw(text, ctx.year)


def _quantity_metrics(ctx: StoryContext, sent, section: _Section) -> list[Mention]:
    text = sent.norm
    out: list[Mention] = []
    previous = ""
    # investment stated about a named project, or about "该项目 / 园区 …" told just before, is theirs
    named_project = any(not h.descriptor for h in find_names(text, "project_suffixes")) or bool(_ANAPHOR.match(text))
    for q in quantities(text):
        clause_start = clause_bounds(text, q.start, _SUBJECT_DELIMS)[0]
        clause = text[clause_start : q.start]
        after = text[q.end : q.end + 6]
        if _AWARD.search(clause + after) or _PROJECT_FIGURE.search(clause) or q.unit in ("吨", "平方公里", "平方米", "亩"):
            continue
        if _PROVISION.search(text[clause_bounds(text, q.start, "，。；")[0] : q.start]) and _AWARD.search(text):
            continue  # "对年主营业务收入首次突破10亿元的食品企业…", "单个项目最高500万元": a provision's terms
        if (named_project or _STAGE.search(text)) and _INVESTMENT.search(clause) and not _collective(text, q.start):
            continue  # a project's investment
        if _counted_after(text, q.end):
            continue  # "营收超10亿元企业18家": a threshold describing what is counted
        if text[q.start - 1 : q.start] == "各" and len(items := _each(text, q.start - 1)) > 1:
            out += [_mention(ctx, sent, section, q.start, q.end, item, "total", q) for item in items]
            continue  # "商业项目、基础设施项目和“四水共治”项目各1个": one figure each
        subject, kind = _subject(text, q, section, previous)
        if not subject:
            continue
        if kind in ("total", "share") and q.unit not in _COUNT_UNITS:
            section.base = subject
        if kind != "change":
            previous = subject
        # "该院共获得专利625项，其中发明专利78项，…": a breakdown belongs to the owner of its total
        part_of = _breakdown_owner(text, q.start, out)
        out.append(_mention(ctx, sent, section, q.start, q.end, subject, kind, q, owner=part_of))
    return out


def _subject(text: str, q: Quantity, section: _Section, previous: str) -> tuple[str, str]:
    """(indicator, kind) of the figure ``q``."""
    if q.unit == "百分点":
        return _change_subject(text, q.start, previous or section.base), "change"
    if q.unit == "%" and (part := _SHARE_OF_GROUP.match(text, q.end)):
        group = _clean(_clause_before(text, q.start).rstrip("中"))
        if _has_head(group) and _has_head(part.group(1)):
            return f"{group}中{part.group(1)}占比", "share"  # "新增企业中超80%为数字经济企业"
    subject = _subject_before(text, q.start)
    if not subject and (growth := _BARE_GROWTH.match(_GROWTH_LEAD.sub("", _clause_before(text, q.start)))):
        subject = growth.group()  # "，增长15%，"
    if not subject and _continues(text, q.start):
        subject = previous  # "…突破1000亿元大关，达到1010.23亿元"
    if _BARE_GROWTH.match(subject):  # "同比增长23.5%": growth of the figure before
        growth_of = previous or section.base
        subject = growth_of + subject if growth_of else ""
    if q.unit in _COUNT_UNITS and (ranked := _COUNTED_RANK.match(text, q.end)):
        return ranked.group(2) + "的" + ranked.group(1), "total"  # "9项核心指标增幅排名全市前三"
    if not _has_head(subject) and q.unit in _COUNT_UNITS | {"元", "美元"}:
        counted = _subject_after(text, q.end)
        if q.unit == "元" and counted.endswith(_FUNDS):
            counted += "规模"  # "设立10亿元长江鑫时代创投母基金": the fund's size
        if counted and q.unit in _COUNT_UNITS and _has_head(counted := _counted_noun(counted)):
            noun_end = text.find(counted, q.end) + len(counted)
            after = _verb_after(text, noun_end)
            done = _object_after(text, text.find(after, noun_end) + len(after), after in _LIGHT_VERBS) if after else ""
            # "13个重大项目集中开工": 集中开工重大项目; "22个行业保持工业产值的正增长": 保持工业产值正增长的行业
            counted = _verb_before(text, q.start) + after + (done + "的" if done else "") + counted
        subject = counted if _has_head(counted) else subject
    elif subject and q.unit in _COUNT_UNITS | {"元"}:
        subject = _verb_before(text, text.rfind(subject, 0, q.start)) + subject  # "开工重大项目6个", "签约总额"
    if _BARE_TOTAL.match(subject) and previous:
        subject = _BARE_TOTAL_END.sub("", previous) + subject  # "13个项目集中开工，总投资133.2亿元"
    elif previous and (total := _BARE_TOTAL_END.search(subject)) and previous.endswith(subject[: total.start()] or "\0"):
        subject = previous + total.group()  # "9个项目同时开工，9个项目总投资…": the projects just counted
    subject = subject.replace("同比", "")
    if subject in ("项目", "项目总投资") and (event := _COLLECTIVE_EVENT.search(text)):
        # "此次重大项目集中开工活动，…等26个项目，总投资169亿元": the projects of the event
        subject = f"集中{event.group(2)}{event.group(1) or ''}项目{subject[2:]}"
    if subject in _heads() and subject not in _whole_heads():
        subject = _widened(text, q.start, subject)  # "设立政府引导基金规模482亿元": not just 规模
    if not _has_head(subject) or (subject in _heads() and subject not in _whole_heads()):
        return "", ""  # a bare head word ("企业", "规模") says nothing of what is measured
    if q.unit != "%":
        return subject, "growth" if subject.endswith(("净增", "净增加")) else "total"
    share = _SHARE.search(subject) or text.startswith("为", q.end)
    return subject, "share" if share else "growth" if _GROWTH.search(subject) else "total"


def _breakdown_owner(text: str, pos: int, told: list[Mention]) -> str | None:
    """The owner of the total a 其中 before ``pos`` breaks down, if any."""
    part = text.rfind("其中", 0, pos)
    totals = [m for m in told if m.attrs["at"] < part]
    return totals[-1].attrs["owner"] if part > -1 and totals and "；" not in text[part:pos] else None


def _each(text: str, pos: int) -> list[str]:
    """The listed indicators a figure after 各 applies to."""
    listed = text[clause_bounds(text, pos, "，。；：")[0] : pos]
    items = [_clean(item) for item in re.split(r"、|和|及|与", listed)]
    return [item for item in items if _has_head(item)] if all(items) else []


def _widened(text: str, pos: int, head: str) -> str:
    """The whole clause before a figure, as its indicator, when the phrase found is a bare head."""
    start = clause_bounds(text, pos, _SUBJECT_DELIMS)[0]
    end = text.rfind(head, start, pos) + len(head)
    phrase = _clean(_LEADING_ADVERB.sub("", _clean(text[start:end])).lstrip("已"))
    return phrase if phrase.endswith(head) and len(phrase) <= 16 else head


def _clause_before(text: str, pos: int) -> str:
    return text[clause_bounds(text, pos, _SUBJECT_DELIMS)[0] : pos]


def _continues(text: str, pos: int) -> bool:
    """The clause is only a verb before the figure: it goes on about the last one."""
    start = clause_bounds(text, pos, _SUBJECT_DELIMS)[0]
    return bool(_STAT_ONLY.match(text[start:pos]))


def _counted_noun(phrase: str) -> str:
    """"项目总投资" after "9个": what is counted ends at its count head (项目)."""
    for head, group, *_ in lexicon.rows("metric_heads"):
        if group == "count" and (i := phrase.find(head)) > -1 and i + len(head) < len(phrase):
            if not phrase.endswith(tuple(h for h, g, *_ in lexicon.rows("metric_heads") if g == "count")):
                # "9个项目总投资": the projects; "12家重点企业负责人": people, not firms
                return phrase[: i + len(head)] if _measures(phrase) else ""
    return phrase


def _change_subject(text: str, pos: int, previous: str) -> str:
    """"增速比一季度加快2.2个百分点", "高出全市平均增速14个百分点": the last figure's
    indicator (its growth rate when it was a growth), and how it moved."""
    phrase = _clause_before(text, pos)
    rate = re.sub(r"(?:同比)?(?:增长|增幅)$", "增速", previous)
    if m := re.match(r"(高出|高于|低于)", phrase):
        return rate + phrase  # "…增速高出武汉市平均增速"
    verb = _CHANGE_VERB.search(phrase)
    moved = phrase[: verb.start()] if verb else phrase
    base = _BASE.search(moved)
    words, _ = _strip_context(_BASE.sub("", moved))
    if not words or _BARE_GROWTH.match(words) or words in ("增速", "增幅"):
        if words and previous and not _GROWTH.search(rate):
            rate += words  # "地区生产总值…，增速比一季度加快": the total's growth rate
        words = (rate if words else previous) if previous else words or "增速"
    return words + (base.group() if base else "") + (verb.group(1) if verb else "变化")  # "…增速比一季度加快"


def _mention(
    ctx, sent, section: _Section, start: int, end: int, subject: str, kind: str, q=None, owner=None, **extra
) -> Mention:
    text = sent.norm
    period, words = _period(ctx, text, start, section)
    owner = owner or _owner(ctx, text, start, section)
    attrs = {
        "value": q.value if q else extra.pop("value"),
        "unit": q.unit if q else "位",
        "value_text": sent.text[start:end],
        "approx": (q.approx or None) if q else None,
        "bound": q.bound if q else None,
        "period": period,
        "period_text": words,
        "scope": extra.pop("scope", None) or owner,
        "owner": owner,
        "kind": kind,
        "at": start,
        **extra,
    }
    if owner and owner in subject[1:]:  # "集中签约落户青山区的产业项目" of 青山区
        subject = subject.replace(owner, "").replace("的的", "的")
    title = f"{owner} {subject}" if owner else subject
    return Mention("metric", title, sent.text[start:end], ctx.source(sent), {"subject": subject, **attrs})


def _ranks(ctx: StoryContext, sent, section: _Section, bases: list[tuple[int, str]]) -> list[Mention]:
    """"排名全市第二", "居新城区第一位", "招商引资武汉新城区第一、科技创新湖北省第二"."""
    text = sent.norm
    out = []
    for m in _rank_re().finditer(text):
        verb = m.group("verb") or ""
        subject_end = m.start() + (len(verb) if verb in ("排名", "排位") else 0)
        subject = _subject_before(text, subject_end)
        if not verb and not subject:
            continue  # a bare "全市第一" says nothing of what is ranked
        what = re.sub(r"(?:排名|排位)$", "", subject)
        if (not what or _BARE_GROWTH.match(what)) and len(items := _listed_indicators(text, m.start())) > 1:
            for item in items:  # "社零，批发业销售额、零售业销售额…，增幅排名全市第一"
                out.append(_mention(
                    ctx, sent, section, m.start("n") - 1, m.end(), item + what + "排名", "rank",
                    value=cn_number(m.group("n")), scope=_peer_group(ctx, m.group("peers") or m.group("peers2") or ""),
                ))
            continue
        listed = list(_RANKED_LIST.finditer(text, 0, m.start()))
        if _ASPECTS.match(what):  # "研发投入23.6亿元，总量及增速均居中心城区第2"
            subject = _base_at(text, m.start(), bases) + what if _base_at(text, m.start(), bases) else ""
        elif what in ("", "总量") or _BARE_GROWTH.match(what) or subject.startswith("第"):
            basis = (listed[-1].group(1) or listed[-1].group(2)) if listed else _base_at(text, m.start(), bases)
            if _BARE_GROWTH.match(what):  # "增长12%，增幅全市第一": the growth of the indicator
                basis = re.sub(r"(?:增长|增速|增幅)$", "", basis)
            subject = basis + (what if what == "总量" or _BARE_GROWTH.match(what) else "") if basis else ""
        if not subject:
            continue
        if not subject.endswith(("排名", "排位")):
            subject += "排名"
        items = [(m.group("peers") or m.group("peers2") or "", m.group("n"), m.start("n"), m.end())]
        pos = m.end()
        while more := _RANK_MORE.match(text, pos):
            if not _peer_group(ctx, more.group(1)):
                break
            items.append((more.group(1), more.group(2), more.start(2), more.end()))
            pos = more.end()
        edition = re.search(r"(20\d\d)(?:年度?)?(?:版)?$", listed[-1].group(1) or listed[-1].group(2) or "") if listed else None
        for peers, number, start, end in items:
            if (value := cn_number(number)) is not None:
                group = _peer_group(ctx, peers) or _peer_group(ctx, _group_before(text, m.start()))
                if not group and listed and re.match(r"《?(?:20\d\d年度?)?(?:中国|全国)", listed[-1].group()):
                    group = "全国"  # 《中国工业百强区》: a national ranking
                rank = _mention(ctx, sent, section, start - 1, end, subject, "rank", value=value, scope=group)
                if edition:  # 《…报告2025》: the ranking's own year
                    rank.attrs.update(period=edition.group(1), period_text=edition.group())
                out.append(rank)
    return out


def _listed_indicators(text: str, pos: int) -> list[str]:
    """Indicators listed in the clauses just before ``pos``, when every item of them is one."""
    clauses = re.split(r"，", text[: clause_bounds(text, pos, "，。；")[0]].rstrip("，"))
    found: list[str] = []
    for clause in reversed(clauses):
        items = [_clean(item) for item in re.split(r"、|和|及|与", re.sub(r"^其中", "", clause))]
        if not items or not all(_has_head(item) for item in items):
            break
        found = items + found
    return found


def _base_at(text: str, pos: int, bases: list[tuple[int, str]]) -> str:
    """What a rank at ``pos`` ranks when the text does not say: the last figure told
    before it, else the last indicator phrase of the sentence."""
    told = [b for at, b in bases if at < pos and b]
    if len(told) > 1 or (told and _last_head(text, pos) is None):
        return told[-1]
    head = _last_head(text, pos)
    return _subject_before(text, head) if head else (told[-1] if told else "")


def _last_head(text: str, pos: int) -> int | None:
    heads = "|".join(h for h, group, *_ in lexicon.rows("metric_heads") if group not in ("growth", "rank"))
    ends = [m.end() for m in re.finditer(heads, text[:pos])]
    return ends[-1] if ends else None


def _group_before(text: str, pos: int) -> str:
    """"在全省县域经济综合考评首次排名第一": the peer group named before the indicator."""
    start = clause_bounds(text, pos, "，。；")[0]
    found = re.search(rf"(?:在|居)?({lexicon.alternation('peer_groups')})", text[start:pos])
    return found.group(1) if found else ""


@lru_cache(maxsize=1)
def _rank_re() -> re.Pattern:
    peers = "|".join(sorted({*lexicon.words("regions"), *lexicon.words("peer_groups")}, key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<verb>{_RANK_VERB})(?P<peers>{_UNIVERSE})|(?P<peers2>(?:湖北省|武汉市|{peers}){{1,2}}))"
        rf"(?:的)?第(?P<n>\d+|[一二三四五六七八九十]+)(?:位|名)?(?![\u4e00-\u9fff])"
    )


def _peer_group(ctx: StoryContext, universe: str) -> str | None:
    """The group a rank is taken in: 全市 -> the city, 新城区 and 武汉新城区 as written,
    a region by its canonical name."""
    universe = re.sub(r"^[居为在于由的]+|[的中]+$", "", universe.strip())
    if not universe:
        return None
    if any(universe.endswith(w) for w in lexicon.words("peer_groups")) and not universe.startswith("全"):
        return universe
    if universe in lexicon.words("peer_groups") and not ctx.scope_word(universe):
        return universe  # 全国, 全球: no region of the story
    if found := ctx.scope_word(universe):
        return found
    named = regions_in(universe)
    return named[-1][1] if named and len(universe) <= len(named[-1][1]) + 1 else None


def _collective(text: str, pos: int) -> bool:
    """The figure totals a counted group of projects ("13个重大项目集中开工，总投资…")."""
    start = clause_bounds(text, pos, "，。；")[0]
    previous = text[clause_bounds(text, max(start - 1, 0), "，。；")[0] : pos]
    return bool(re.search(r"\d+个[^，。；]{0,12}项目|项目\d+个", previous))


def _counted_after(text: str, pos: int) -> bool:
    """The noun phrase after a number is itself counted by the next number."""
    end = walk_right(text, pos)
    nxt = next((q for q in quantities(text[end : end + 12])), None)
    return end > pos and nxt is not None and nxt.start == 0


def _subject_before(text: str, pos: int) -> str:
    """The indicator phrase that ends at ``pos`` (regions, time and adverbs taken off)."""
    if text[:pos].endswith("）") and 0 <= (open_ := text.rfind("（", 0, pos)) > pos - 10:
        pos = open_  # "地区生产总值（GDP）939.90亿元"
    start = clause_bounds(text, pos, _SUBJECT_DELIMS)[0]
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
    if (joined := _JOINED.search(text, start, phrase_start)) and joined.end() == phrase_start:
        phrase_start = _modifier_before(text, max(walk_left(text, joined.start() - 1, nominal=True), start), start)
        owner, measured = _clean(_ADVERBS.sub("", text[phrase_start : joined.start()])), _clean(text[joined.end() : end])
        if len(owner) < 3 or owner in measured or _measures(owner) or owner.endswith("总量"):
            return measured  # "建筑业完成建筑业总产值", "经济总量完成地区生产总值"
        return owner + measured
    return _clean(text[phrase_start:end])


def _modifier_before(text: str, pos: int, start: int) -> int:
    """Extend a phrase over a modifier the segmenter tags as a stop word (其他项目, 现代服务业)."""
    for word in lexicon.words("indicator_modifiers"):
        if pos - len(word) >= start and text.startswith(word, pos - len(word)):
            return pos - len(word)
    return pos


def _clean(phrase: str) -> str:
    subject, _ = _strip_context(phrase)
    subject = subject.replace("同比", "").replace("环比", "")
    if (owners := _owners(subject)) and owners[0][0] == 0 and len(owners[0][1]) < len(subject):
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
    return _strip_context(text[pos : walk_right(text, pos)])[0]


def _verb_before(text: str, pos: int) -> str:
    """The verbs just before a count ("引进孵化超25家企业", "新落户的24个项目")."""
    toks = tokens(text)
    i = token_index(toks, pos - 1) if pos else -1
    words: list[str] = []
    while 0 <= i < len(toks) and toks[i].end <= pos:
        t = toks[i]
        if t.word in ("的", "了") and not words:
            i -= 1
            continue
        if t.pos.startswith("v") and t.word not in _stat_words() and t.word not in _NOT_INDICATOR_VERBS:
            words.insert(0, t.word)
        elif t.word in ("新", "累计", "集中", "共") and words:
            words.insert(0, t.word if t.word != "共" else "")
        elif t.word == "首批":
            words.insert(0, t.word)  # "首批12家企业集中入驻": the first firms
        else:
            break
        i -= 1
    return "".join(words)


def _verb_after(text: str, pos: int) -> str:
    """The verb a counted list ends on ("2家研究院、14家企业签约入驻": 签约入驻)."""
    rest = text[pos:]
    while m := re.match(r"、[^，。；、]{0,20}?\d+[家个项所]?[^，。；、]*?(?=、|[\u4e00-\u9fff]*?(?:签约|落户|入驻|开工|投产|竣工))", rest):
        rest = rest[m.end() :]
    toks = tokens(rest)
    words = []
    for t in toks:
        if t.pos.startswith("v") or t.word in ("集中", "同时", "首批", "现场"):
            if t.word not in ("首批", "现场"):
                words.append("集中" if t.word == "同时" else t.word)  # "9个项目同时开工": a collective start
        else:
            break
    return "".join(words) if words and words[-1] not in ("集中",) else ""


def _object_after(text: str, pos: int, event: bool = False) -> str:
    """The short object that ends a counted clause after its verb ("保持工业产值的正增长");
    after a light verb it may be an event ("实现当年签约当年开工")."""
    end = clause_bounds(text, pos, "，。；：")[1]
    phrase = text[pos:end]
    if not 2 <= len(phrase) <= 12 or re.search(r"\d", phrase):
        return ""
    verbs = [t for t in tokens(phrase) if t.pos.startswith("v") and not _GROWTH.search(t.word)]
    return "" if verbs and not event else phrase.replace("的", "")


def _strip_context(phrase: str) -> tuple[str, str | None]:
    """Split leading time words, scope words and regions off an indicator phrase."""
    scope = None
    while phrase:
        if m := TIME_WORD.match(phrase):
            phrase = phrase[m.end() :]
            continue
        found = regions_in(phrase[:10])
        if found and found[0][0] == 0:
            word_len = next(len(w) for w in lexicon.words("regions") if phrase.startswith(w))
            scope, phrase = found[0][1], phrase[word_len:].removeprefix(found[0][1][-1])
            continue
        if m := _LEADING_ADVERB.match(phrase):
            phrase = phrase[m.end() :]
            continue
        if peers := next((w for w in lexicon.words("peer_groups") if phrase.startswith(w)), None):
            phrase = phrase[len(peers) :]
            continue
        for word, _ in lexicon.rows("scopes"):
            if phrase.startswith(word):
                phrase = phrase[len(word) :]
                break
        else:
            break
    return phrase.rstrip("中的"), scope


def _measures(phrase: str) -> bool:
    """The phrase ends on a measured quantity (产值, 规模), not on what is counted (企业)."""
    return any(phrase.endswith(h) for h, group, *_ in lexicon.rows("metric_heads") if group != "count")


def _has_head(subject: str) -> bool:
    return bool(subject) and subject.endswith(_heads()) and subject not in ("新增", "净增")


def _period(ctx: StoryContext, text: str, pos: int, section: _Section) -> tuple[str | None, str]:
    """The period a figure is for, and the words that say so: the time expression
    nearest before it in the sentence (not a comparison base such as 比一季度), else
    the paragraph's or section's, else the story's year; yearly figures reported
    early in a year are last year's."""
    found = [p for p in periods(text[:pos], ctx.year) if not p.base]
    now = now_at(text[:pos])
    if found and found[-1].shift is not None:  # 当年, 次年: from the year the sentence or context named
        named = [p for p in found[:-1] if p.shift is None and p.value]
        context = _When(named[-1].value, named[-1].text) if named else section.paragraph or section.period
        if context is not None and context.value:
            return shifted(context.value, found[-1].shift), found[-1].text
        found = [p for p in found if p.shift is None]  # no year named before: 当年签约 says nothing
    if found and (now is None or found[-1].start > now):
        if found[-1].text == "全年" and _early_in_year(ctx):
            return str(ctx.year - 1), found[-1].text  # "全年GDP增长5.3%" in January: last year's
        return found[-1].value, found[-1].text
    if now is not None:
        return (str(ctx.year) if ctx.year else None), now_word(text, now)
    if plan := plan_year(text):
        return str(plan[0]), ""
    for when in (section.paragraph, section.period):
        if when is not None:
            return when.value, when.text
    if section.now:
        return (str(ctx.year) if ctx.year else None), ""
    if _early_in_year(ctx):
        return str(ctx.year - 1), ""
    return (str(ctx.year) if ctx.year else None), ""


def _early_in_year(ctx: StoryContext) -> bool:
    """Yearly figures reported up to April are last year's."""
    date = ctx.story.date
    return bool(ctx.year and date and len(date) >= 7 and int(date[5:7]) <= _FULL_YEAR_MONTHS)


def _owners(text: str) -> list[tuple[int, str]]:
    """Platforms and organisations named in ``text``, as possible owners of a figure."""
    hits = [(h.start, h.name) for h in find_names(text, "platform_suffixes") if not h.descriptor]
    hits += [(h.start, h.name) for h in find_names(text, "org_suffixes") if not h.descriptor]
    hits += [(h.start, h.name) for h in find_names(text, "owner_suffixes") if not h.descriptor]
    hits += [(m.start(1), m.group(1)) for m in _SHORT_OWNER.finditer(text)]
    return sorted(set(hits))


def _regions_owning(text: str) -> list[tuple[int, str]]:
    """Regions named in ``text`` that can own a figure: not inside a longer name
    (湖北大明金属二期项目) and not a comparison base (占武汉市…, 高出全市…)."""
    names = [(h.start, h.end) for h in find_names(text, "project_suffixes", categories=False)]
    names += [(p, p + len(n)) for p, n in _owners(text)]
    return [
        (p, r) for p, r in regions_in(text)
        if not _COMPARED.search(text[max(0, p - 4) : p]) and not _city_in_name(text, p) and not _gloss(text, p)
        and not _ranked_in(text, p)
        and not any(a <= p < b and not (a == p and b - a <= len(r) + 1) for a, b in names)
    ]


def _ranked_in(text: str, pos: int) -> bool:
    """"全国第72位、湖北省第3位": a region before a rank is its peer group."""
    written = re.match(lexicon.alternation("regions"), text[pos:])
    return bool(written and _RANK_AFTER.match(text, pos + written.end()))


def _gloss(text: str, pos: int) -> bool:
    """"武汉开发区（汉南区）": a region in brackets right after another names the same place."""
    return text[pos - 1 : pos] == "（" and any(p + len(w) == pos - 1 for p, w in _region_words(text[: pos - 1]))


def _region_words(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(lexicon.alternation("regions"), text)]


@lru_cache(maxsize=1)
def _bare_cities() -> tuple[str, ...]:
    return tuple(r[0] for r in lexicon.rows("regions") if r[1] == "city" and not r[0].endswith("市"))


def _city_in_name(text: str, pos: int) -> bool:
    """A bare city name inside a firm's or project's name ("北辰武汉汽车零部件物流",
    "转向系统（武汉）三期"): written between two other words, in brackets, or opening
    an item of a list."""
    city = next((c for c in _bare_cities() if text.startswith(c, pos)), None)
    if city is None:
        return False
    before, after = text[pos - 1 : pos], text[pos + len(city) : pos + len(city) + 1]
    if before == "（" and after == "）":
        return True
    if before in ("、", "：") and re.match(r"[\u4e00-\u9fff]+、", text[pos + len(city) :]):
        return True  # an item of a list of names
    return bool(re.match(r"[\u4e00-\u9fff]", before) and re.match(r"[\u4e00-\u9fff]", after)) and before not in _REGION_LEADS


def _owner(ctx: StoryContext, text: str, pos: int, section: _Section) -> str | None:
    """Whose figure it is: the region nearest before it in the sentence or an
    organisation or platform in its clause (全区/全市 resolved from context), what
    "该中心" refers to, else the region in context."""
    before = text[:pos]
    clause_start = clause_bounds(text, pos, "，。；")[0]
    candidates = [r for r in _regions_owning(text) if r[0] < pos][-1:]
    # an organisation or platform a clause of the sentence opens with ("国家网安基地注册企业94家，
    # 注册资本259亿元"), not one given as an example (X等企业带动) or named inside the clause
    projects = [(h.start, h.end) for h in find_names(text, "project_suffixes", categories=False)]
    owners = [
        (p, n) for p, n in _owners(before)
        if not any(a <= p and p + len(n) < b for a, b in projects)  # 海亮集团 in 海亮集团产业合作项目
        if (n.endswith(_owner_suffixes()) or _SHORT_OWNER.match(before, max(p - 1, 0))) and not _EXAMPLE.match(before, p + len(n)) and _opens_clause(before, p)
    ]
    candidates += owners[-1:]
    scopes = dict(lexicon.rows("scopes"))
    scope_words = [
        (before.rfind(w), w) for w in scopes
        if w in before and not _COMPARED.search(before[: before.rfind(w)])
        and not _PEERS_OF_RANK.match(text, before.rfind(w) + len(w))
    ]
    if scope_words:
        p, w = max(scope_words)
        earlier = [r for q, r in candidates if q < p and r.endswith("区")]
        district = section.region if section.region and scopes[w] == "district" else None
        candidates.append((p, earlier[-1] if earlier else district or ctx.scope_word(w)))
    if (opening := _SENTENCE_ANAPHOR.match(text)) and section.owners:
        named = [n for n in section.owners if n.endswith((opening.group(1), opening.group(1).removesuffix("区")))]
        if named:  # "园区由…投资建设，…首批12家企业集中入驻": the park just named
            candidates.append((0, named[-1]))
    if (anaphor := _OWNER_ANAPHOR.search(before, clause_start)) and section.owners:
        head = anaphor.group().lstrip("该本此")  # "中心已有4家企业入驻": the last centre named
        named = [n for n in section.owners if n.endswith(head)] if len(head) > 1 else []
        candidates.append((clause_start, (named or section.owners)[-1]))
    if candidates:
        return max(candidates)[1]
    return section.region or ctx.district or ctx.city


def _opens_clause(text: str, pos: int) -> bool:
    start = clause_bounds(text, pos, "，。；：")[0]
    return not _strip_context(text[start:pos])[0]


@lru_cache(maxsize=1)
def _owner_suffixes() -> tuple[str, ...]:
    return tuple(r[0] for name in ("platform_suffixes", "org_suffixes", "owner_suffixes") for r in lexicon.rows(name))
