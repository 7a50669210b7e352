"""A story's year when no header, dateline or sentence states it: guessed from the years its
text speaks of, and every date and figure resting on the guess marked as inferred."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from newswiki.build import build
from newswiki.ingest import ingest_text

from .conftest import ROOT

DEVCHECK = ROOT.parent / "shared" / "tools" / "devcheck" / "run"


def story(body: str, header: str = ""):
    return ingest_text(f"{header}新洲区项目集中开工\n\n{body}\n", "x.txt").stories[0]


@pytest.mark.parametrize(
    ("body", "year"),
    [
        # a near date the text looks forward to bounds now from above: the latest year named
        ("当天，新洲区共有13个重大项目集中开工。其中一个项目预计2022年11月竣工。", 2022),
        # a span's end and a target's year say nothing of now; the span's start does
        ("武汉发布《实施方案（2025—2027年）》，提出到2030年建成科创高地。如今，武汉高新技术企业突破1.6万家。", 2025),
        # a year a span starts from says only that now is later; nothing to guess from
        ("自2022年4月获批以来，武汉加快建设。到2027年，培育科技企业1万家。", None),
        ("一季度，武汉规模以上工业增加值增长9%，创2015年以来季度新高。", None),
        ("三季度，全市经济增长8%，为2015年四季度以来八个季度首次追平全省水平。", None),
        # a year opening a clause that looks ahead is a target's; the closed year before it counts
        ("2024年，光谷地区生产总值增长7.1%。2025年，光谷将力争地区生产总值增长6.5%左右。", 2024),
        ("2024年，光谷全年地区生产总值同比增长7.1%。2025年，光谷将力争地区生产总值增长6.5%左右。", 2025),
        # a year told as closed was over when the text was written
        ("近日，光谷人工智能产业园开园。2023年，光谷人工智能核心产业规模达到350亿元，同比增长52%。", 2024),
        ("2023年全年，光谷新增企业1万家。", 2024),
        # a year's figures against the one before are reported after it, even when "better than expected"
        ("2020年，荆州市经济恢复好于预期，地区生产总值比上年下降5.9%。2月8日，市政府通报2020年全市经济运行情况。", 2021),
        # a base looked back on; a cue inside a quoted name is no target
        ("今年上半年，孝感市生产总值同比增长29.7%，较2019年同期增长14.5%。", 2020),
        ("在2020年成立研究院的基础上，2021年学校继续实施“双十计划”。", 2021),
        # a ranking list's edition names its year without 年
        ("1至6月，天门全市地区生产总值同比增长4.7%。天门位列2023中国县域经济百强榜第85位。", 2023),
        # an award or an assessment of a year is given out the year after
        ("2月26日，咸宁市发布了2024年度科学技术奖获奖成果。", 2025),
        # a part of a year is not the whole: 2023年上半年 is still 2023
        ("2023年上半年，光谷地区生产总值同比增长6%。", 2023),
        # a span's end reached by a change is a year named as past (提升至2024年)
        ("11月8日，江汉区召开会议。税收收入占比由2022年的4.6%提升至2024年的10.5%。", 2024),
    ],
)
def test_a_story_without_a_stated_year_takes_the_latest_year_it_speaks_of(body, year):
    s = story(body)
    assert (s.year, s.year_inferred) == (year, year is not None)


def test_a_year_named_with_a_groundbreaking_is_stated():
    s = story("4月19日，武汉市举行重大项目集中开工仪式。当天，洪山区2021年第二季度“抓项目 促发展”集中开工活动举行。")
    assert (s.year, s.year_inferred, s.date) == (2021, False, "2021-04-19")


def test_a_stated_year_is_not_a_guess():
    assert (story("2月6日，武汉召开大会。到2027年，培育科技企业1万家。", "---\ndate: 2025-02-06\n---\n").year_inferred) is False
    dated = story("2020年12月29日，黄陂区召开大会。2020年，黄陂区地区生产总值过千亿元。")
    assert (dated.year, dated.year_inferred) == (2020, False)
    assert story("当天，新洲区共有13个重大项目集中开工。").year is None  # nothing to guess from


def test_figures_and_dates_on_a_guessed_year_say_so(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "xinzhou.txt").write_text(
        "新洲区13个重大项目集中开工\n\n"
        "27日，新洲区举行重大项目集中开工活动。当天，新洲区共有13个重大项目集中开工，总投资133.2亿元。"
        "湖北大明金属二期项目计划投资2.5亿元建设，预计2022年11月竣工。"
        "2017年，新洲区引进高新技术企业12家。同年，新洲区技术合同成交额增长20%。\n",
        encoding="utf-8",
    )
    build(seeds, tmp_path / "docs")
    kb = json.loads((tmp_path / "docs" / "data" / "kb.json").read_text(encoding="utf-8"))
    assert [s["year_inferred"] for s in kb["stories"]] == [True]
    periods = {f["subject"]: (f["period"], f["period_inferred"]) for f in kb["facts"]}
    assert periods["集中开工重大项目"] == ("2022", True)
    assert periods["集中开工重大项目总投资"] == ("2022", True)
    assert periods["引进高新技术企业"] == ("2017", False)  # written
    assert periods["技术合同成交额增长"] == ("2017", False)  # 同年: the year the text named
    page = (tmp_path / "docs" / "metrics" / "index.md").read_text(encoding="utf-8")
    assert re.search(r"集中开工重大项目.*2022年（推断）", page)
    assert not re.search(r"引进高新技术企业.*（推断）", page)
    # no entity date rests on the guess: the timeline only lists years a source states
    assert "2022年" not in (tmp_path / "docs" / "timeline" / "index.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not DEVCHECK.exists(), reason="../shared/tools/devcheck not present")
def test_devcheck_years_on_the_shared_corpus():
    """The shared check builds ../shared/corpus without publication dates, as an article
    dropped into seeds/ comes: figures carry their year where the text lets one be known."""
    env = {**os.environ, "PYTHON": sys.executable}
    out = subprocess.run([str(DEVCHECK)], cwd=ROOT, capture_output=True, env=env).stdout.decode(errors="replace")
    found = re.search(r"year right (\d+)/(\d+)", out)
    assert found, out
    assert int(found.group(1)) >= 45, out  # 26 before the guessed year; b03, b04, b05, b08, b10, a10 name no year at all
    entities = re.search(r"entity recall (\d+)/", out)
    assert entities and int(entities.group(1)) >= 63, out  # names as the text writes them stay aliases (56 before)


@pytest.mark.parametrize(
    ("body", "periods"),
    [
        # a year written in the sentence beats the story's year for 全年
        ("2024年，武汉东湖高新区全年地区生产总值突破3200亿元，同比增长7.1%。", {"2024"}),
        ("2009年1月至11月，全市地区生产总值同比增长12%。", {"2009-01/2009-11"}),
        ("今年前11个月，全市地区生产总值同比增长12%。", {"2026-01/2026-11"}),
        ("元月，全市集中开工项目51个。", {"2026-01"}),
    ],
)
def test_periods_keep_what_the_sentence_writes(body, periods):
    from newswiki.extract import extract_story

    s = story(body, "---\ndate: 2026-12-20\n---\n")
    assert {m.attrs["period"] for m in extract_story(s) if m.type == "metric"} == periods
