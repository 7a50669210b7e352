"""The strict scorer: its matching rules on small cases, and the targets it holds extraction to."""

from __future__ import annotations

import pytest

from newswiki.evaluate import evaluate, strict
from newswiki.evaluate.match import (
    condition_match,
    field_match,
    indicator_words,
    kind_match,
    period_match,
    scope_match,
    subject_match,
)
from newswiki.model import Mention, Source

from .conftest import ROOT, SEEDS

GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared" / "corpus"
# Floors at what is reached (the issues' targets are printed by make eval): on ../shared/corpus
# the targets (0.80) are met for platforms, policies, projects, metrics and organisations, above the 0.70 the
# metrics issue asks tests to hold; on our own sets every topic holds the 0.90 target.
SHARED_FLOORS = {"platforms": 0.85, "policies": 0.95, "projects": 0.85, "metrics": 0.85, "organisations": 0.80}
OWN_FLOORS = {"platforms": 0.95, "policies": 0.95, "provisions": 0.95, "projects": 0.90, "metrics": 0.90, "organisations": 0.90}


@pytest.mark.parametrize(
    ("predicted", "gold", "ok"),
    [
        (2025, 2025, True),
        ("2025Q1", 2025, True),  # a gold year takes any period of that year
        ("2025-01/2025-04", 2025, True),
        ("2024/2025", 2025, False),  # a span is dated by its first year
        ("../2024", 2024, True),  # as of the end of 2024
        ("../2025-03", "../2025-03", True),
        ("../2025-03", "2025-03", False),
        (None, 2025, False),
        ("2025Q1", "2025Q1", True),
        (2025, "2025Q1", False),  # a quarter's figure is not the year's
        ("2025Q1-Q2", "2025H1", True),  # same months, other notation
        ("2025-01/2025-03", "2025Q1", True),
        ("2025H1", "2025Q1-Q3", False),
        ("2023/2025", "2023/2025", True),
    ],
)
def test_period(predicted, gold, ok):
    assert period_match(predicted, gold) is ok


@pytest.mark.parametrize(
    ("predicted", "gold", "ok"),
    [
        ("武汉开发区", "武汉经开区", True),
        ("经开区", "武汉经开区", True),
        ("光谷", "东湖高新区", True),
        ("青山", "青山区", True),
        ("武汉市", "青山区", False),
        ("国家网络安全基地", "国家网安基地", True),  # abbreviation of a non-region
        ("武钢有限", "武汉钢铁有限公司", True),
        ("中韩（武汉）石油化工有限公司", "中韩石化", True),  # alias table
        ("湖北路桥集团", "武汉经开区", False),
        ("湖北省", "湖北省第一类县市区", False),  # a region never contains a peer group
        (None, "青山区", False),
    ],
)
def test_scope(predicted, gold, ok):
    assert scope_match(predicted, gold) is ok


@pytest.mark.parametrize(
    ("predicted", "gold", "scope", "ok"),
    [
        ("GDP增长", "地区生产总值同比增长", "青山区", True),  # synonyms; 同比 is no indicator word
        ("社会消费品零售总额增速", "社零总额增长", None, True),
        ("青山区 营业收入", "营收", "青山区", True),
        ("营业收入", "规模以上服务业企业营业收入", None, False),
        ("规上工业增加值增长", "规模以上工业增加值增长", None, True),
        ("百亿级项目", "落户国家网络安全基地的百亿级项目", "国家网安基地", False),  # 落户 stays
        ("落户百亿级项目", "落户国家网络安全基地的百亿级项目", "国家网安基地", True),  # the scope run is dropped
        ("其他营利性服务业排名", "其他营利性服务业一季度全市排位", "武汉市", True),  # time and scope words dropped
        ("服务业项目", "现代服务业项目", None, False),
        ("工业企业盈利面扩大", "盈利面较一季度扩大", None, True),  # the comparison base is no indicator
    ],
)
def test_subject(predicted, gold, scope, ok):
    assert subject_match(predicted, gold, scope) is ok


def test_indicator_words_are_synonym_groups():
    groups = indicator_words("社零总额增幅排名", "武汉市")
    assert [g[0] for g in groups] == ["社会消费品零售总额", "增长率", "排名"]


def test_kind():
    assert kind_match("growth", "growth", "%")
    assert kind_match(None, "rank", "位")
    assert not kind_match("total", "growth", "家")
    assert kind_match("change", "growth", "百分点")  # gold written before the change kind
    assert not kind_match("change", "growth", "%")


@pytest.mark.parametrize(
    ("predicted", "gold", "ok"),
    [
        ("新获批全国重点实验室、湖北实验室等重大创新平台", "企事业单位新获批全国重点实验室、湖北实验室等重大创新平台", True),
        ("单家企业每年", "鼓励重点数字经济企业总部落户,通过社保人数挂钩进行奖补", False),
        ("", "企业研发经费投入增量", False),
    ],
)
def test_provision_condition(predicted, gold, ok):
    assert condition_match(predicted, gold) is ok


def test_project_fields():
    assert field_match("amount", 6500000000, 6500000000)
    assert field_match("date", "2020-05-12", 2020)
    assert field_match("date", "2025-12-30", "2025-12")
    assert not field_match("date", "2025", "2025-12")
    assert field_match("stage", "开工", "集中开工")
    assert field_match("company", "上海联影医疗科技股份有限公司", "联影医疗科技股份有限公司")
    assert field_match("location", "武汉开发区", "经开区")
    assert not field_match("location", "武汉市", "青山区")


def _mention(etype: str, name: str, **attrs) -> Mention:
    return Mention(etype, name, name, Source("s-1", "s1", name), attrs)


def test_article_score_counts_facts():
    gold = {
        "platforms": [{"name": "青山实验室", "operator": "武汉科技大学", "location": "青山区"}],
        "policies": [{"name": "若干措施", "issuer": "青山区", "provisions": [{"condition": "新认定国家级孵化器", "amount": 2000000}]}],
        "projects": [{"name": "硅钢项目", "company": "武钢有限", "stage": "达产", "amount": 100000000}],
        "metrics": [{"subject": "高新技术企业", "value": 459, "unit": "家", "period": 2025, "scope": "青山区", "kind": "total"}],
    }
    mentions = [
        _mention("platform", "青山实验室", operator="武汉科技大学", location="武汉市"),
        _mention("policy", "若干措施", provisions=[{"condition": "对新认定国家级孵化器", "amount": 2000000}]),
        _mention("project", "硅钢项目", company="武汉钢铁有限公司", stage="达产"),
        _mention("metric", "高新技术企业", value=459, unit="家", value_text="459家", period=2025, scope="青山", kind="total"),
        _mention("metric", "企业", value=120, unit="家", value_text="120家", period=2026, scope="青山区", kind="total"),
        _mention("organisation", "湖北大学"),
    ]
    rows = strict.score_article(mentions, gold, "t")
    counts = {row: (s.tp, s.predicted, s.found, s.gold) for row, s in rows.items()}
    assert counts["platform fields"] == (1, 2, 1, 2)  # operator right, location wrong
    assert counts["provisions"] == (1, 1, 1, 1)
    assert counts["projects"] == (3, 3, 3, 4)  # name, company (alias), stage; amount missed
    assert counts["metrics"] == (1, 2, 1, 1)
    # organisations named in fields on both sides: 湖北大学 fills none; 青山区 is a region
    assert counts["organisations"] == (2, 2, 2, 2)
    assert any("not in gold" in line for line in rows["metrics"].false_hits)
    # a gold that lists every organisation named is compared with every one predicted
    listed = strict.score_article(mentions, {**gold, "organisations": ["湖北大学"]}, "t")["organisations"]
    assert (listed.tp, listed.predicted, listed.gold) == (3, 3, 3)


@pytest.mark.parametrize("corpus", [SEEDS, ROOT / "tests" / "corpus"], ids=["seeds", "own-articles"])
def test_strict_targets_on_our_sets(corpus):
    scores = evaluate(GOLD, corpus).strict
    low = {row: round(scores[row].f1, 3) for row, floor in OWN_FLOORS.items() if scores[row].f1 < floor}
    assert not low, f"strict F1 below its floor {OWN_FLOORS} (make eval lists the misses): {low}"


def test_strict_scores_on_the_shared_corpus():
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"no development corpus at {SHARED} (../shared/corpus beside the project)")
    scores = evaluate(SHARED / "gold", SHARED).strict
    low = {row: round(scores[row].f1, 3) for row, floor in SHARED_FLOORS.items() if scores[row].f1 < floor}
    assert not low, f"strict F1 on ../shared/corpus below its floor {SHARED_FLOORS} (make eval lists the misses): {low}"
