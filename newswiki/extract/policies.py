"""Policies: titled documents and counted lists, their issuer, date, measures and provisions."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Mention
from .context import StoryContext
from ..ingest.normalize import normalize
from .names import regions_in
from .numbers import cn_number, quantities, time_of
from .tokens import clause_bounds, tokens

_TITLE = re.compile(r"《([^《》]{2,60})》")
_RELEASE = re.compile(lexicon.role_alternation("cues", "release"))
_ISSUED_BY = re.compile(rf"([\u4e00-\u9fff]{{2,8}})(?:正式|同步|联合)?(?:{lexicon.role_alternation('cues', 'release')})")
_MEASURES = re.compile(r"(\d+)(?:项|条)")
_AWARD = re.compile(lexicon.role_alternation("cues", "award"))
_AWARD_WORDING = re.compile(r"(?:给予|一次性|择优|按|安排|最高|奖励|补贴|补助|资助|支持|奖补)")
_GRANT = re.compile(r"给予|奖补")
_PAREN = re.compile(r"（[^（）]*）")
_OFFICER = re.compile(r"董事长|总经理|总裁|创始人|首席执行官")
_RECEIVED = re.compile(r"荣获|获得|获颁|获奖|领取")
_DOMAIN = re.compile(r"领域(\d+)条")
_DRAFT = re.compile(r"（?征求意见稿）?")
_SHORT = re.compile(r"[（(]以下简称[《“]([^》”]{2,12})[》”]")
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、])")
_NICKNAME = re.compile(
    r"(?:发布|出台|印发|推出|出炉)了?[^，。；“”]{0,20}(?:“([^“”]{2,10}(?:条|新政|政策|措施|办法|计划|行动|方案))”|(“[^“”]{2,10}”(?:行动计划|计划|行动|方案)))"
)
_DISCOURSE = {"据悉", "据了解", "据介绍", "此外", "同时", "另外", "目前"}
_CAP = re.compile(r"(?:单个|每个|每家|同一)[^，。；]{0,12}总额(?:最高)?(?:不超过|不高于|封顶)")
_UNQUOTED_TITLE = re.compile(
    r"(?:发布|出台|印发|推出)了?(?P<name>(?:关于)?(?:支持|促进|推动|加快|加强)[^，。；“”《》]{2,20}?(?:的)?(?:若干)?(?:意见|措施|办法|方案))(?![）》])"
)
_COUNTED_MEASURES = re.compile(
    r"(?:发布|出台|印发|推出|出炉)了?(?P<name>[^，。；“”《》]{0,12}?(?P<n>\d+|[一二三四五六七八九十]{1,3})条(?:措施|政策|举措|意见))"
)
_DOCUMENT_TITLE = re.compile(r"[\u4e00-\u9fff“”（）]{0,16}关于[^，。；《》]{4,60}")
_FULL_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_ISSUING_BODY = re.compile(r"(?:人民政府|委员会|办公室|办公厅|管委会|局)$")


@lru_cache(maxsize=1)
def _cue_re() -> re.Pattern:
    return re.compile(rf"(?:{lexicon.alternation('policy_cues')})$")


def _counted_list_re() -> re.Pattern:
    return re.compile(rf"(\d+)项([\u4e00-\u9fffA-Za-z]{{2,20}}?(?:{lexicon.alternation('policy_cues')}))(?=[，。、；]|亮相|发布|$)")


def extract(ctx: StoryContext) -> list[Mention]:
    out: list[Mention] = []
    latest: list[Mention] = []  # policies named most recently in the current section
    short: dict[str, Mention] = {}  # "(以下简称《措施》)" -> the policy
    previous_heading = ""
    if document := _document(ctx):  # the story is the policy's own text, titled by its name
        out.append(document)
        latest = [document]
    for block in ctx.story.blocks:
        if block.kind == "subheading":
            latest = _heading(block.text, out, latest) or ([document] if document else [])
            _signature(block.text, previous_heading, out)
            previous_heading = block.text
            continue
        for sent in block.sentences:
            text = sent.norm
            if referred := _referred(text, out, short):
                latest = referred
            found = _titled(ctx, sent, text, short) + _counted(ctx, sent, text)
            found = found or _nicknamed(ctx, sent, text)
            tail = text
            if found:
                out.extend(found)
                latest = found
                # awards told after the name in its own sentence ("发布“助跑计划”，对…给予最高1000万元奖励")
                tail = text[max(max(text.find(normalize(m.surface)), 0) + len(m.surface) for m in found) :]
            elif m := _DOMAIN.search(text):  # "数字经济领域12条措施" -> the policy about 数字经济
                if about := _about(text[: m.start()], out):
                    latest = about
                for p in about:
                    p.attrs.setdefault("measures", int(m.group(1)))
            # where a policy is named, only an award with its beneficiary ("对…"), no summary ("最高奖励可达千万元")
            for provision in (p for p in _provisions(tail) if not found or re.search("(?:^|[，；：])(?:对|凡)", tail)):
                source = ctx.source(sent)
                cited = {**provision, "story": source.story, "sentence": source.sentence, "quote": source.quote}
                if len(latest) > 1:
                    cited["released_with"] = [p.name for p in latest]
                for p in latest:
                    p.attrs.setdefault("provisions", []).append(cited)
    _settle_shared(out)
    return out


def _settle_shared(policies: list[Mention]) -> None:
    """Provisions told after several policies released together belong to those of them
    the story does not later give provisions of their own ("数字经济领域12条措施：…")."""
    own = {p.name for p in policies if any("released_with" not in c for c in p.attrs.get("provisions", []))}
    for p in policies:
        if p.name not in own or "provisions" not in p.attrs:
            continue
        kept = [
            c for c in p.attrs.get("provisions", [])
            if "released_with" not in c or all(name in own for name in c["released_with"])
        ]
        p.attrs["provisions"] = kept


def _titled(ctx: StoryContext, sent, text: str, short: dict[str, Mention]) -> list[Mention]:
    out = []
    for m in _TITLE.finditer(text):
        title, draft = _DRAFT.sub("", m.group(1)), bool(_DRAFT.search(text, m.start(), m.end() + 8))
        if not _cue_re().search(_bare(title)) or _is_reference(title, short):
            continue  # not a policy, or "《措施》提出…": the policy named before
        attrs = _common(ctx, text, title)
        if draft:
            attrs["status"] = "征求意见稿"
        if (n := _MEASURES.search(text, m.end())) and not _AWARD.search(text[m.end() : n.start()]):
            attrs["measures"] = int(n.group(1))
        mention = Mention("policy", title, sent.text[m.start() : m.end()], ctx.source(sent), attrs)
        if (abbr := _SHORT.match(text, m.end())) and _cue_re().search(abbr.group(1)):
            short[abbr.group(1)] = mention  # 《…行动方案》(以下简称《行动方案》)
        out.append(mention)
    return out


def _bare(title: str) -> str:
    """A title without its trailing period ("方案（2025—2027年）" -> "方案")."""
    return re.sub(r"（[^（）]*）$", "", title)


def _is_reference(title: str, short: dict[str, Mention]) -> bool:
    """《措施》, 《行动方案》: a generic or declared short title refers to a policy named before."""
    return title in short or title in lexicon.words("policy_cues")


def _about(before: str, out: list[Mention]) -> list[Mention]:
    """The policies whose titles hold the field named right before "领域": the longest
    ending of ``before`` that some title holds ("大会上公布的数字经济" -> 数字经济)."""
    for n in range(min(len(before), 8), 1, -1):
        if about := [p for p in out if before[-n:] in p.name]:
            return about
    return []


def _referred(text: str, out: list[Mention], short: dict[str, Mention]) -> list[Mention]:
    """The policy a "《措施》提出…" sentence refers back to: a declared short title, else the
    latest policy whose title ends with it."""
    for m in _TITLE.finditer(text):
        title = m.group(1)
        if title in short:
            return [short[title]]
        if title in lexicon.words("policy_cues") and (same := [p for p in out if _bare(p.name).endswith(title)]):
            return same[-1:]
    return []


def _document(ctx: StoryContext) -> Mention | None:
    """A policy whose text the story is: "猇亭区关于加快建设区域性科技创新中心的实施意见" as its title."""
    title = normalize(ctx.story.title).strip()
    if not ctx.story.sentences or not _DOCUMENT_TITLE.fullmatch(title) or not _cue_re().search(title):
        return None
    if _RELEASE.search(title[: title.find("关于")]):
        return None  # a headline telling of a release ("武汉市出台关于…措施"): the body names the policy
    first = ctx.story.sentences[0]
    return Mention("policy", title, ctx.story.title, ctx.source(first), _common(ctx, first.norm, title))


def _heading(heading: str, out: list[Mention], latest: list[Mention]) -> list[Mention]:
    """Policies a subheading leaves in scope: a document's own title heading names its policy,
    a numbered item ("一、…", "（二）…") stays inside the document; other headings end it."""
    named = [p for p in out if key_of(p.name) == key_of(heading)]
    if named:
        return named[-1:]
    return latest if _NUMBERED.match(heading) else []


def key_of(name: str) -> str:
    return re.sub(r"[\s《》“”]", "", name)


def _signature(heading: str, previous: str, out: list[Mention]) -> None:
    """A document's closing "武汉市洪山区人民政府 / 2025年3月17日": its date and issuer."""
    if not (m := _FULL_DATE.match(heading.strip())):
        return
    regions = [r for _, r in regions_in(previous)] if _ISSUING_BODY.search(previous) else []
    for p in out:
        p.attrs.setdefault("date", f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
        if regions and not _opening_region(p.name):
            p.attrs["issuer"] = regions[-1]


def _counted(ctx: StoryContext, sent, text: str) -> list[Mention]:
    out = []
    for m in _counted_list_re().finditer(text):
        name = m.group(2)
        attrs = _common(ctx, text, name)
        attrs["measures"] = int(m.group(1))
        out.append(Mention("policy", name, sent.text[m.start(2) : m.end(2)], ctx.source(sent), attrs))
    return out


def _nicknamed(ctx: StoryContext, sent, text: str) -> list[Mention]:
    """A policy released under a byname: quoted (武汉市发布推动产业高质量发展“黄金十条”,
    武昌区发布了“黄鹤楼星空”计划), an unmarked title (发布支持氢能产业发展意见) or a count of
    measures (咸宁市正式出台12条措施); the last two are named with their issuer."""
    out = [_released(ctx, sent, text, m, 1 if m.group(1) else 2, False) for m in _NICKNAME.finditer(text)]
    out += [_released(ctx, sent, text, m, "name", True) for m in _UNQUOTED_TITLE.finditer(text)]
    for m in _COUNTED_MEASURES.finditer(text):
        policy = _released(ctx, sent, text, m, "name", True)
        policy.attrs["measures"] = int(n) if (n := m.group("n")).isdigit() else cn_number(n)
        out.append(policy)
    return list({m.name: m for m in out}.values())  # one name told by two forms: the later, counted one


def _released(ctx: StoryContext, sent, text: str, m: re.Match, group, with_issuer: bool) -> Mention:
    name = m.group(group)
    attrs = _common(ctx, text, name)
    if with_issuer and attrs.get("issuer") and not _opening_region(name):
        name = attrs["issuer"] + name
    return Mention("policy", name, sent.text[m.start(group) : m.end(group)], ctx.source(sent), attrs)


def _common(ctx: StoryContext, text: str, title: str) -> dict:
    attrs: dict = {"kind": next((r[1] for r in lexicon.rows("policy_cues") if _bare(title).endswith(r[0])), "政策")}
    if issuer := _issuer(ctx, text, title):
        attrs["issuer"] = issuer
    # the release time is told before the release verb, outside the titles ("方案（2025—2027年）")
    if (release := _RELEASE.search(text)) and (when := time_of(_TITLE.sub(_blank, text[: release.end()]), ctx.stated_year, ctx.stated_date)):
        attrs["date"] = when
    return attrs


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


def _opening_region(title: str) -> str | None:
    return next((r for at, r in regions_in(title) if at == 0), None)


def _issuer(ctx: StoryContext, text: str, title: str) -> str | None:
    """The region that opens the title, else the body that releases it ("武汉市人民政府印发"),
    else a region inside the title, else the region the story's title names, else its district."""
    if issuer := _opening_region(title):
        return issuer
    if (m := _ISSUED_BY.search(_TITLE.sub(_blank, text))) and (found := regions_in(m.group(1))):
        return found[-1][1]
    if found := regions_in(title) or regions_in(ctx.story.title):
        return found[0][1]
    return ctx.district or ctx.city


def _provisions(text: str) -> list[dict]:
    """Award clauses: "新获批全国重点实验室…，一次性奖励1000万元", each with the condition
    told in its own item (from the last "；" or the previous award on)."""
    out = []
    amounts = [q for q in quantities(text) if q.unit == "元"]
    groups = _respective(text, amounts)
    item_start = 0
    for q in amounts:
        if any(q in g[1:] for g in groups):
            continue  # told with the first amount of its "分别" list
        start = clause_bounds(text, q.start, "，；。：")[0]
        end = clause_bounds(text, q.end, "，；。")[1]
        item_start = max(item_start, clause_bounds(text, q.start, "；。：")[0])
        item = text[item_start:end]
        if not (_AWARD.search(item) or _GRANT.search(item)) or _not_a_provision(text, start, q.start):
            continue
        award = _award_start(text[start : q.start])
        before = text[item_start : start + award]
        condition = _condition(before) or text[q.end : end]
        if condition in _DISCOURSE:
            continue  # "据悉，…奖励合计超过1000万元": a sum reported, nobody's award
        if _CAP.search(text, start, q.end):  # "单个企业当年奖励总额不超过200万元": a ceiling, no award
            condition += "（奖励总额上限）"
        group = next((g for g in groups if g[0] is q), [q])
        for each, amount in zip(_each_condition(condition, len(group)), group):
            out.append({"condition": each, "amount": amount.value, "text": text[start:end]})
        item_start = end
    return out


def _respective(text: str, amounts: list) -> list[list]:
    """Amounts listed after 分别 ("分别给予一次性奖励50万元、30万元、10万元"), one list each."""
    groups = []
    for m in re.finditer("分别", text):
        after = [q for q in amounts if q.start > m.end() and not re.search("[，。；]", text[m.end() : q.start])]
        group = after[:1]
        for q in after[1:]:
            if text[group[-1].end : q.start] not in ("、", "和", "及"):
                break
            group.append(q)
        if len(group) > 1:
            groups.append(group)
    return groups


def _each_condition(condition: str, n: int) -> list[str]:
    """The condition of each amount of a "分别" list: "首次获评AAA级、AA级、A级的企业" ->
    首次获评AAA级的企业, 首次获评AA级的企业, 首次获评A级的企业. The list's items are as
    many words as its middle items (one, with two items, after a one-character word)."""
    quoted = list(re.finditer(r"[“‘]([^“”‘’]{1,10})[”’]", condition))
    if len(quoted) == n and n >= 2 and not condition.count("、") == n - 1:  # 入选“瞪羚”“独角兽”企业
        lead, tail = condition[: quoted[0].start()], condition[quoted[-1].end() :]
        return [lead + q.group() + tail for q in quoted]
    parts = condition.split("、")
    if len(parts) != n or n < 2:
        return [condition] * n
    first, last = [t.word for t in tokens(parts[0])], [t.word for t in tokens(parts[-1])]
    size = len(tokens(parts[1])) if n > 2 else 2 if len(first[-1]) == 1 else 1
    if len(first) <= size or len(last) < size:
        return [condition] * n
    lead, tail = "".join(first[:-size]), "".join(last[size:])
    items = ["".join(first[-size:]), *parts[1:-1], "".join(last[:size])]
    return [lead + item + tail for item in items]


def _not_a_provision(text: str, clause_start: int, at: int) -> bool:
    """Quoted speech ("…提供不低于1亿元的订单支持。"董事长…), a company officer's words, or an
    award someone received ("院士荣获800万元奖励")."""
    quoted = text.count("“", 0, at) > text.count("”", 0, at)
    return quoted or bool(_OFFICER.search(text) or _RECEIVED.search(text, clause_start, at))


def _award_start(clause: str) -> int:
    """Where the award wording before an amount begins: "给予初创企业最高" -> 0."""
    found = list(_AWARD_WORDING.finditer(clause))
    if not found or len(clause) - found[-1].end() > 3:  # "最高补贴可达120万元"
        return len(clause)
    first = found[-1]
    for m in reversed(found[:-1]):
        if first.start() - m.end() > 6 or re.search("[，；]", clause[m.end() : first.start()]):
            break
        first = m
    return first.start()


def _condition(before: str) -> str:
    """Who or what qualifies: "对…的", a "支持…"/"鼓励…" clause, the words before the award,
    else the item's first clause."""
    before = re.sub(r"^[^（]*）", "", _PAREN.sub("", before))  # the tail of "（责任单位：…）"
    clauses = [c.strip("，；、：的 ") for c in re.split("[，；：]", before)]
    for c in reversed(clauses):
        if c.startswith("对") and len(c) > 2:
            return c[1:].removesuffix("的")
        if c.startswith(("凡是", "凡")) and len(c) > 3:  # "凡是在…设立总部的企业，都将可以得到…"
            return c.removeprefix("凡是").removeprefix("凡")
    for i, c in enumerate(clauses):
        if c.startswith(("支持", "鼓励")) and len(c) > 4:  # "鼓励…落户，通过…奖补，单家企业每年"
            return "，".join(x for x in [c.removeprefix("支持"), *clauses[i + 1 : -1]] if x)
    return clauses[-1] or next((c for c in clauses if c and not quantities(c)), "")
