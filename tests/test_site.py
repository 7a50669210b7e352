"""The generated docs build with ``mkdocs build --strict`` and carry sentence anchors."""

from __future__ import annotations

import gzip
import html
import json
import re

import yaml


def test_strict_build_has_a_page_per_story(site, stories):
    project, report = site
    assert report.stories == len(stories)
    for s in stories:
        page = project / "site" / "sources" / s.id / "index.html"
        html = page.read_text(encoding="utf-8")
        ids = re.findall(r'<span class="kb-s" id="(s\d+)">', html)
        assert ids == [x.id for x in s.sentences]


def test_source_page_front_matter(site, stories):
    project, _ = site
    for s in stories:
        text = (project / "docs" / "sources" / f"{s.id}.md").read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n")[1])
        assert meta["id"] == s.id and meta["title"] == html.escape(s.title, quote=False) and meta["source_file"] == s.source_file
        assert meta["relevance"] == ("on-topic" if s.relevant else "off-topic")
        assert meta["counts"]["sentences"] == len(s.sentences)


def test_off_topic_story_is_marked_on_its_page(site, stories):
    project, _ = site
    off = [s for s in stories if not s.relevant]
    assert off
    for s in off:
        html = (project / "site" / "sources" / s.id / "index.html").read_text(encoding="utf-8")
        assert "与本知识库主题无关" in html


def test_search_is_configured_for_chinese(site):
    project, _ = site
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert search["lang"] == "zh" and "\\u200b" in search["separator"]
    assert (project / search["jieba_dict_user"]).is_file()
    assert config["theme"]["language"] == "zh" and config["theme"]["font"] is False
    # Material's index keeps only its configuration; the words are in the sharded index
    assert json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    keys = {row[0]: row[1] for shard in (project / "site" / "search" / "index").glob("*.json.gz")
            for row in json.loads(gzip.decompress(shard.read_bytes()))}
    # extracted names and region names are in the user dictionary, so the index keeps them whole
    assert keys["武汉化工新材料中试验证基地"] == keys["湖北大学生物制造中试基地"] == keys["东湖高新区"] == 1
    assert keys["中试验证基地"] == 0  # a part of a name: a suffix key, so the name is found by it


def test_site_loads_nothing_from_outside(site):
    project, _ = site
    external = re.compile(r'(?:\bsrc=|<link\b[^>]*\bhref=|@import\s*|url\()["\']?(?:https?:)?//')
    for page in (project / "site").rglob("*"):
        if page.suffix in (".html", ".css", ".js"):
            assert not external.search(page.read_text(encoding="utf-8")), page


def test_entity_pages_cite_sources(site):
    project, report = site
    topics = {"platform": "platforms", "policy": "policies", "project": "projects", "metric": "metrics"}
    counts = {t: 0 for t in topics}
    for folder in topics.values():
        for page in (project / "docs" / folder).glob("*.md"):
            if page.name == "index.md":
                continue
            meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
            assert meta["sources"] and all(s["quote"] and s["sentence"].startswith("s") for s in meta["sources"])
            counts[meta["type"]] += 1
    assert all(counts.values()), counts
    index = (project / "site" / "platforms" / "index.html").read_text(encoding="utf-8")
    assert "武汉光化学技术研究院" in index and "湖北大学生物制造中试基地" in index


def test_user_dictionary_holds_extracted_names(site):
    project, _ = site
    words = {line.split()[0] for line in (project / "docs" / "data" / "userdict.txt").read_text(encoding="utf-8").splitlines()}
    assert {"中试基地", "专精特新", "武汉光化学技术研究院", "青云智粒人工智能OPC社区"} <= words
