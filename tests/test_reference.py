"""Sources like a reference work: outlet and date, fragments, events, dated rows, short names, regions."""

from __future__ import annotations

import re

import pytest
import yaml

from newswiki.build import build
from newswiki.extract.context import StoryContext
from newswiki.extract.organisations import belongs_to
from newswiki.ingest import ingest_text
from newswiki.ingest.dateline import lead
from newswiki.ingest.header import split_header
from newswiki.model import Mention, Source
from newswiki.resolve import Entity, KnowledgeBase

from .conftest import SEEDS

DATELINE = """青山区科技创新大会召开

中新网武汉4月18日电（记者张三）2026年青山区科技创新大会18日召开，会上发布了支持科技企业的若干措施。青山区高新技术企业达到459家。
"""
HEADER = """---
outlet: 长江日报
date: 2026-03-31
url: https://example.com/a/1.html
author: 李四
---
青山区发布科技新政

本报讯（记者李四）3月31日，青山区发布《青山区促进科技创新的若干措施（征求意见稿）》，对新获批的国家级创新平台最高奖励1000万元。青山区科技企业由此受益。
"""
# a page file: story 2's beginning is printed after a "(上接第一版)" marker further down
PAGE = """# 武汉推进产业创新

武汉市召开产业创新推进会，部署产业创新工作。会议强调，要加快构建现代化产业体系，推动科技企业发展。

（长江日报记者王五）

# 青年人才留在武汉

留住更多青年创业者。

武汉还将继续优化人才服务，支持科技企业吸纳青年人才。

（长江日报记者赵六）

（上接第一版）

武汉为年轻人提供平台和机会，助力青年才俊成长成才，
"""
ONWARD = """# 青山区重大项目集中开工

5月12日，青山区举行重大项目集中开工活动，10个科技产业项目总投资50亿元，涵盖新材料和智能制造。

（下转第二版）
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The four articles above built into docs/ (the real pipeline)."""
    root = tmp_path_factory.mktemp("reference")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, text in (("a_dateline", DATELINE), ("b_header", HEADER), ("c_page", PAGE), ("d_onward", ONWARD)):
        (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    report = build(seeds, root / "docs")
    assert not report.problems, report.problems
    return {s.id: s for a in report.articles for s in a.stories}, root / "docs"


def page(docs, path: str) -> str:
    return (docs / path).read_text(encoding="utf-8")


# --- outlet and date ------------------------------------------------------------------


def test_dateline_gives_outlet_and_inferred_date(built):
    stories, docs = built
    s = stories["a_dateline-1"]
    assert (s.outlet, s.published, s.published_inferred) == ("中新网", "2026-04-18", True)
    assert s.bylines[0].startswith("中新网武汉4月18日电") and s.sentences[0].text.startswith("2026年青山区")
    assert "出处 中新网，2026-04-18（推断）" in page(docs, "sources/a_dateline-1.md")


def test_header_wins_and_links_the_original(built):
    stories, docs = built
    s = stories["b_header-1"]
    assert (s.outlet, s.published, s.published_inferred, s.author) == ("长江日报", "2026-03-31", False, "李四")
    source = page(docs, "sources/b_header-1.md")
    meta = yaml.safe_load(source.split("---\n")[1])
    assert meta["outlet"] == "长江日报" and meta["published"] == "2026-03-31" and meta["url"] == "https://example.com/a/1.html"
    assert "出处 长江日报，2026-03-31 · [原文链接](<https://example.com/a/1.html>)" in source and "推断" not in source
    # every citation of the story names it; the policy page's sources link the original
    policy = page(docs, "policies/青山区促进科技创新的若干措施.md")
    assert '"长江日报，2026-03-31")' in policy
    assert re.search(r"—— \[青山区发布科技新政\]\([^)]+\)，长江日报，2026-03-31，\[原文链接\]", policy)


def test_bylines_name_the_outlet_of_a_story_and_its_page():
    story = ingest_text("青山区发布新政\n\n湖北日报客户端讯（通讯员李四）6月18日，青山区发布政策。企业创新获支持。\n", "x.txt").stories[0]
    assert story.outlet == "湖北日报客户端" and story.sentences[0].text.startswith("6月18日")
    article = ingest_text(PAGE, "page.txt")
    assert {s.outlet for s in article.stories} == {"长江日报"}
    assert ingest_text("青山区发布新政\n\n本报讯（记者王芳）青山区发布政策。\n", "y.txt").stories[0].outlet == ""


@pytest.mark.parametrize("text", ["腾讯公司在青山区设立研发中心。", "国网电力公司完成改造。", "电子信息产业产值增长。", "青山区发布政策。"])
def test_ordinary_openings_are_no_datelines(text):
    assert lead(text) == 0


def test_seed_headers_state_only_what_the_text_states():
    for path in sorted(SEEDS.glob("*.txt")):
        meta, text = split_header(path.read_text(encoding="utf-8"))
        assert meta.get("title"), path.name
        assert "url" not in meta and "date" not in meta, path.name  # no seed prints them
        for value in meta.values():
            assert all(part in text for part in value.split("、")), (path.name, value)


def test_seed_sources_cite_outlet_and_marked_date(site):
    project, _ = site
    html = (project / "site" / "sources" / "004_0c3dd1ea17114754-1" / "index.html").read_text(encoding="utf-8")
    assert "长江日报，2026-05-30（推断）" in html
    mentioned = (project / "docs" / "organisations" / "市科技创新局.md").read_text(encoding="utf-8")
    assert "，长江日报，2026-05-30（推断）" in mentioned


# --- fragments ------------------------------------------------------------------------


def test_story_printed_in_two_places_is_joined(built):
    stories, docs = built
    assert sorted(stories) == ["a_dateline-1", "b_header-1", "c_page-1", "c_page-2", "d_onward-1"]
    s = stories["c_page-2"]
    assert s.title == "青年人才留在武汉" and s.continued and not s.truncated
    assert s.sentences[0].text == "武汉为年轻人提供平台和机会，助力青年才俊成长成才，留住更多青年创业者。"
    assert "转版续文" in page(docs, "sources/c_page-2.md")


def test_story_going_on_elsewhere_says_so(built):
    stories, docs = built
    assert stories["d_onward-1"].truncated and "后文缺失" in page(docs, "sources/d_onward-1.md")
    cut = ingest_text("# 标题\n\n青山区发布政策，企业创新获支持。\n\n武汉为年轻人提供平台和机会，\n", "z.txt").stories[0]
    assert cut.truncated


def test_no_seed_page_starts_or_ends_mid_sentence_unsaid(site, stories):
    project, _ = site
    by_id = {s.id: s for s in stories}
    assert not any(s.title.startswith("（续）比如") for s in stories)
    joined = by_id["004_0c3dd1ea17114754-2"]
    assert joined.title == "武汉加快打造“创新特区”" and not joined.sentences[0].text.startswith("吸引并留住")
    assert any(x.text.endswith("成长成才,吸引并留住更多大学生和青年创业者。") for x in joined.sentences)
    for s in stories:
        md = (project / "docs" / "sources" / f"{s.id}.md").read_text(encoding="utf-8")
        assert s.sentences[-1].text[-1] in "。！？!?”）)" or s.truncated, s.id
        assert ("转版续文" in md) == s.continued and ("后文缺失" in md) == s.truncated, s.id


# --- timeline, infoboxes ----------------------------------------------------------------


def test_timeline_lists_events_not_leads(site):
    project, _ = site
    text = (project / "docs" / "timeline" / "index.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \*\*[\d-]+\*\* (.*?) —— ", text, re.M)
    assert "武汉市激发产业创新活力专项行动推进会" in items and "青山区举行2026年招商引资大会" in items
    assert "“新智涌动 数创潮头”2026年青山区科技创新大会召开" in items
    assert "掷地有声" not in text and not any(i.endswith("…") for i in items)


def test_infobox_rows_name_their_date(site, built):
    project, _ = site
    docs = project / "docs"
    assert "| 揭牌日期 | 2022" in page(docs, "platforms/武汉光化学技术研究院.md")
    assert "| 发布日期 | 2026-03-31" in page(docs, "policies/进一步促进青山区科技创新发展的若干措施.md")
    rows = [line for p in docs.glob("p*/*.md") for line in page(docs, p.relative_to(docs).as_posix()).splitlines()]
    assert any(r.startswith("| 签约日期 |") for r in rows) and any(r.startswith("| 开工日期 |") for r in rows)
    assert not any(re.match(r"\| 日期 \| \d", r) for r in rows)  # an undivided "日期" names the event of each date
    _, own = built
    assert "| 状态 | 征求意见稿" in page(own, "policies/青山区促进科技创新的若干措施.md")


# --- short names, regions ---------------------------------------------------------------


def test_ambiguous_short_name_gets_a_disambiguation_page(site):
    project, _ = site
    html = (project / "site" / "disambiguation" / "武钢" / "index.html").read_text(encoding="utf-8")
    assert "武钢（消歧义）" in html and "武钢集团" in html and "武汉钢铁有限公司" in html
    for name in ("武钢集团", "武汉钢铁有限公司"):
        md = (project / "docs" / "organisations" / f"{name}.md").read_text(encoding="utf-8")
        assert "[武钢（消歧义）](../disambiguation/武钢.md)" in md


def test_an_alias_of_two_entities_is_ambiguous():
    src = Source("s-1", "s1", "…")
    a = Entity("platform", "光谷科创中心", [Mention("platform", "光谷科创中心", "", src)], aliases=["科创中心"])
    b = Entity("platform", "青山科创中心", [Mention("platform", "青山科创中心", "", src)], aliases=["科创中心"])
    kb = KnowledgeBase([a, b], [], [])
    assert [e.name for e in kb.ambiguous["科创中心"]] == ["光谷科创中心", "青山科创中心"]


def test_body_named_by_level_belongs_to_the_story_region(site):
    project, _ = site
    assert "| 所属 | 武汉市" in (project / "docs" / "organisations" / "市科技创新局.md").read_text(encoding="utf-8")
    one = ingest_text("武汉推进创新\n\n市科技创新局负责人表示，武汉将培育科技企业。\n", "one.txt").stories[0]
    two = ingest_text("两地推进创新\n\n市科技创新局负责人表示，武汉和黄石将共同培育科技企业。\n", "two.txt").stories[0]
    assert belongs_to("市科技创新局", StoryContext.of(one)) == "武汉市"
    assert belongs_to("市科技创新局", StoryContext.of(two)) is None
    assert belongs_to("科技创新局", StoryContext.of(one)) is None


def test_reporters_told_without_brackets_open_no_sentence():
    story = ingest_text("宜城研究院揭牌\n\n记者李勤 周波  通讯员王建锋报道：9月23日，湖北工业大学宜城产业研究院揭牌。\n", "r.txt").stories[0]
    assert story.bylines == ["记者李勤 周波  通讯员王建锋报道："]
    assert story.sentences[0].text.startswith("9月23日")
