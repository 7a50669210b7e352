"""Ingest on the real seeds: stories, line repair, captions, dates, stable IDs."""

from __future__ import annotations

import re

from newswiki.ingest import ingest_dir
from newswiki.ingest.decode import decode

from .conftest import SEEDS


def body_text(story):
    return "".join(b.text for b in story.paragraphs)


def test_every_seed_yields_stories(articles):
    assert sorted(articles) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for article in articles.values():
        assert article.stories, article.source_file


def test_front_page_file_splits_into_stories(articles):
    stories = articles["004_0c3dd1ea17114754.txt"].stories
    assert len(stories) >= 4
    egypt = [s for s in stories if "埃中" in body_text(s)]
    assert len(egypt) == 1 and not egypt[0].relevant and egypt[0].continued
    meeting = [s for s in stories if "专项行动" in s.title]
    assert meeting and all(s.relevant for s in meeting)
    # the stories do not share paragraphs
    texts = [p.text for s in stories for p in s.paragraphs]
    assert len(texts) == len(set(texts))


def test_only_off_topic_stories_are_the_non_regional_ones(stories):
    off = {s.id for s in stories if not s.relevant}
    assert off and all(not re.search("产业|科技|企业", s.title) for s in stories if s.id in off)
    assert all(s.relevant for s in stories if s.source_file != "004_0c3dd1ea17114754.txt")


def test_hard_line_breaks_are_repaired(stories):
    text = "\n".join(body_text(s) for s in stories)
    for joined in ("奋力\n在科技创新", "签约青山，投资建设", "化工新材料中试验证基地正加快建设", "榜单，青山区位列全国第72位", "千万级资金护航", "征集分析平台", "世界500强企业国机集团"):
        assert joined.replace("\n", "") in text, joined


def test_no_sentence_contains_a_line_break(stories):
    for s in stories:
        for sent in s.sentences:
            assert "\n" not in sent.text and "\r" not in sent.text
            assert len(sent.norm) == len(sent.text)


def test_sentences_quote_the_original_text(stories):
    raw = {p.name: re.sub(r"[ \t]*\n\s*", "", decode(p.read_bytes())[0]) for p in SEEDS.glob("*.txt")}
    for s in stories:
        for sent in s.sentences:
            text, source = sent.text, raw[s.source_file]
            # or a sentence made whole across two parts of a story printed in two places
            assert text in source or any(text[:i] in source and text[i:] in source for i in range(1, len(text))), text


def test_captions_credits_and_bylines_stay_out_of_paragraphs(stories):
    captions = [c for s in stories for c in s.captions]
    assert {"青山江滩。", "武钢高端硅钢量产。", "楠姆科创带效果图。"} <= {c.text for c in captions}
    assert any(c.credit == "通讯员付松 摄" for c in captions)
    assert any(c.credit == "新华社记者程敏 摄" for c in captions)
    bylines = [b for s in stories for b in s.bylines]
    assert any(b.startswith("采写") for b in bylines) and "(长江日报记者蔡欣星)" in bylines
    for s in stories:
        body = body_text(s)
        sentences = {x.text for x in s.sentences}
        for c in captions:
            assert c.text not in sentences and (not c.credit or c.credit not in body)
        for b in bylines:
            assert b not in body
        assert "上接第" not in body
        assert not re.search(r"\s摄$|记者\S{2,4} 摄", body)


def test_subheadings_are_not_paragraphs(articles):
    story = articles["003_37d57f1d28396a9d.txt"].stories[0]
    heads = [b.text for b in story.blocks if b.kind == "subheading"]
    assert "2025年" in heads and "积极构建现代化产业体系 发展动能持续增强" in heads
    assert all(len(p.text) > 10 for p in story.paragraphs)


def test_titles_kickers_and_dates(articles):
    s000 = articles["000_cef8105adbdfd1ed.txt"].stories[0]
    assert s000.title.startswith("送新质力") and s000.date == "2026-03-31"
    assert articles["002_497299743b382229.txt"].stories[0].date == "2026-02-10"
    s004 = articles["004_0c3dd1ea17114754.txt"].stories[0]
    assert s004.title.startswith("武汉全力激发产业创新活力") and s004.kicker.startswith("聚焦")
    assert s004.date_text == "5月30日"


def test_ids_are_stable_and_unique(stories):
    again = [s for a in ingest_dir(SEEDS)[0] for s in a.stories]
    assert [s.id for s in stories] == [s.id for s in again]
    assert len({s.id for s in stories}) == len(stories)
    for s, t in zip(stories, again):
        ids = [x.id for x in s.sentences]
        assert ids == [x.id for x in t.sentences] and len(ids) == len(set(ids))


def test_dateline_byline_leaves_the_first_sentence(tmp_path):
    from newswiki.ingest import ingest_text

    text = "青山区发布新政\n\n本报讯（记者王芳 通讯员张磊）6月18日，青山区发布政策。企业创新获支持。\n"
    story = ingest_text(text, "x.txt").stories[0]
    assert story.sentences[0].text == "6月18日，青山区发布政策。"
    assert story.bylines == ["本报讯（记者王芳 通讯员张磊）"]
