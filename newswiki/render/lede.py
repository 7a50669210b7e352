"""The opening sentence of an entity page: what the page is about in one sentence, built
from the attributes the infobox below cites (a search result shows it as the snippet)."""

from __future__ import annotations

from ..resolve import Entity
from .figures import figure, money, fact_period
from .indicators import group_of
from .overview import STAGE_VERB
from .provisions import provisions
from .site import Site
from .text import md_text

ORG_KINDS = {"company": "一家企业", "university": "一所高校", "government": "一个政府机构", "fund": "一只基金",
             "bank": "一家银行", "institute": "一家研究机构", "hospital": "一家医院"}
ROLES = {"牵头/运营": "牵头或运营", "企业": "建设", "合作方": "参与共建"}  # relation label -> what the target does
MAX_NAMED = 3
MAX_FACTS = 3


def _names(names: list[str]) -> str:
    shown = "、".join(names[:MAX_NAMED])
    return shown + (f"等{len(names)}个" if len(names) > MAX_NAMED else "")


def _platform(e: Entity) -> str:
    where, kind, operator = e.first("location"), e.first("kind"), e.first("operator")
    text = f"{e.name}是{f'位于{where}的' if where else ''}{kind or '创新平台'}"
    if operator:
        text += f"，由{operator}牵头或运营"
    if members := e.first("members"):
        text += f"，成员有{_names(members)}"
    return text


def _project(e: Entity) -> str:
    company, where = e.first("company"), e.first("location")
    text = f"{e.name}是{company or ''}{f'在{where}的' if where else ''}项目"
    if (amount := e.first("amount")) is not None:
        text += f"，投资{money(amount)}"
    if stage := e.first("stage"):
        text += f"，已{STAGE_VERB.get(stage, stage)}"
    return text


def _policy(e: Entity) -> str:
    issuer, kind, date = e.first("issuer"), e.first("kind"), e.first("date")
    text = f"《{e.name}》是{issuer or ''}{'发布的' if issuer else ''}{kind or '政策'}{f'（{date}）' if date else ''}"
    if measures := e.first("measures"):
        text += f"，共{measures}项"
    if items := provisions(e):
        text += f"，报道列出{len(items)}项奖补条款，单项最高{money(max(p['amount'] for p in items))}"
    return text


def _organisation(e: Entity, site: Site) -> str:
    text = f"{e.name}是{ORG_KINDS.get(e.first('kind'), '一家机构')}"
    _, incoming = site.kb.related(e)
    for label, role in ROLES.items():
        if targets := list(dict.fromkeys(r.source.name for r in incoming if r.label == label)):
            text += f"，{role}{_names(targets)}"
    return text


def _metric(e: Entity) -> str:
    """2025年，青山区高新技术企业数量为459家 (values the reports disagree on, side by side)."""
    slots: dict[tuple, list] = {}
    for f in e.facts:
        slots.setdefault((f.period, f.owner, f.scope, f.kind), []).append(f)
    parts = []
    for (period, owner, scope, kind), facts in list(slots.items())[:MAX_FACTS]:
        f = facts[0]
        subject = f.subject
        if kind == "total" and group_of(subject) == "count" and not subject.endswith(("数", "数量")):
            subject += "数量"
        values = "、".join(figure(x.value, x.unit, x.bound) for x in facts)
        if kind == "rank":
            said = f"居{scope}{values}" if scope and scope != owner else f"排{values}"
        elif len(facts) > 1:
            said = f"为{values}（报道不一）"
        else:
            bare = f.bound or (kind == "growth" and subject.endswith(("增长", "增速", "增幅")))
            said = values if bare else f"为{values}"
        when = fact_period(f)
        parts.append(f"{when + '，' if when != '—' else ''}{owner or ''}{subject}{said}")
    return "；".join(parts)


def paragraph(entity: Entity, site: Site) -> str:
    build = {"platform": _platform, "project": _project, "policy": _policy, "metric": _metric}.get(entity.type)
    text = build(entity) if build else _organisation(entity, site)
    return md_text(text) + "。\n\n"
