"""The knowledge model on the real seeds: aliases, organisations, links, conflicts, views, export."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from urllib.parse import unquote

import jsonschema
import pytest
import yaml

from newswiki.resolve import key


def front(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.fixture(scope="module")
def pages(site):
    project, _ = site
    out = {}
    for folder in ("platforms", "policies", "projects", "metrics", "organisations"):
        for page in (project / "docs" / folder).glob("*.md"):
            if page.name != "index.md":
                out[page] = front(page)
    return out


@pytest.mark.parametrize(
    "short, full",
    [("光化院", "武汉光化学技术研究院"), ("武钢有限", "武汉钢铁有限公司"), ("中韩石化", "中韩(武汉)石油化工有限公司"), ("武科大", "武汉科技大学")],
)
def test_alias_pairs_resolve_to_one_page(pages, short, full):
    holders = [p for p, m in pages.items() if key(short) in map(key, [m["name"], *m["aliases"]])]
    assert len(holders) == 1
    meta = pages[holders[0]]
    assert key(meta["name"]) == key(full) and short in meta["aliases"]


def test_collective_name_lists_its_members(pages, site):
    project, _ = site
    page = next(p for p, m in pages.items() if "五院" in m["aliases"])
    assert len(pages[page]["attributes"]["members"][0]) == 5
    text = page.read_text(encoding="utf-8")
    for member in pages[page]["attributes"]["members"][0]:
        assert f"[{member}](" in text  # each member is a link to its page


def test_no_two_pages_share_a_name_or_alias(pages):
    seen = {}
    for page, meta in pages.items():
        for n in {key(x) for x in [meta["name"], *meta["aliases"]]}:
            assert n not in seen, (n, page, seen.get(n))
            seen[n] = page


def test_organisations_have_pages_with_backlinks(site):
    project, _ = site
    wust = (project / "docs" / "organisations" / "武汉科技大学.md").read_text(encoding="utf-8")
    assert "## 相关页面" in wust and "武汉科技大学青山科技园" in wust and "## 被提及于" in wust
    platform = (project / "docs" / "platforms" / "武汉科技大学青山科技园.md").read_text(encoding="utf-8")
    assert "[武汉科技大学](../organisations/武汉科技大学.md)" in platform


def test_conflict_is_flagged_with_both_sources(site):
    project, report = site
    [conflict] = [c for c in report.kb.conflicts if c.entity.name == "青山区 高新技术产业增加值占GDP比重"]
    assert sorted(f.value for f in conflict.facts) == [45, 47]
    assert {s.story[:3] for f in conflict.facts for s in f.sources} == {"000", "001", "002"}
    page = (project / "site" / "metrics" / "青山区-高新技术产业增加值占GDP比重" / "index.html").read_text(encoding="utf-8")
    assert "来源不一致" in page and "45%" in page and "47%" in page
    listing = (project / "site" / "conflicts" / "index.html").read_text(encoding="utf-8")
    assert "高新技术产业增加值占GDP比重" in listing
    for story in ("000_cef8105adbdfd1ed-1", "001_f1e53638eba78ad3-1", "002_497299743b382229-1"):
        assert f"sources/{story}/#s" in listing


def test_repeated_fact_is_one_fact_with_several_sources(site):
    _, report = site
    data = [f for e in report.kb.entities if e.name == "青山区 高新技术企业" for f in __import__("newswiki.resolve").resolve.facts(e)]
    fact = next(f for f in data if f.value == 459)
    assert len(fact.sources) == 2


def test_story_pages_link_entities_next_to_their_sentence(site):
    project, _ = site
    page = (project / "site" / "sources" / "001_f1e53638eba78ad3-1" / "index.html").read_text(encoding="utf-8")
    sentence = next(s for s in re.findall(r'<span class="kb-s" id="s\d+">(.*?)</span>', page) if "光化院已引进" in html.unescape(s))
    assert 'class="kb-ref"' in sentence and "武汉光化学技术研究院" in html.unescape(sentence)


def test_every_link_in_the_site_resolves(site):
    project, _ = site
    root = project / "site"
    ids: dict = {}
    checked = citations = 0
    for page in root.rglob("*.html"):
        for href in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            if re.match(r"^(?:[a-z]+:|//|#$)", href):
                continue
            path, _, anchor = href.partition("#")
            path = path.partition("?")[0]  # a filtered view: metrics/?owner=青山区
            base = root if path.startswith("/") else page.parent
            target = (base / unquote(path).lstrip("/")).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (page, href)
            if anchor and target.suffix == ".html":
                found = ids.setdefault(target, set(re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8"))))
                assert unquote(anchor) in found, (page, href)
                citations += bool(re.fullmatch(r"s\d+", anchor))
            checked += 1
    assert checked > 1000 and citations > 200


def test_metrics_views(site):
    project, _ = site
    index = (project / "site" / "metrics" / "index.html").read_text(encoding="utf-8")
    assert index.count("<table>") >= 4 and 'data-v="330000000000"' in index
    assert (project / "site" / "assets" / "javascripts" / "tablesort.js").is_file()
    for chart in (project / "site" / "metrics" / "charts").glob("*.svg"):
        svg = chart.read_text(encoding="utf-8")
        assert svg.startswith("<svg") and "href" not in svg  # drawn at build time, fetches nothing


def test_timeline_is_ordered_and_cited(site):
    project, _ = site
    text = (project / "docs" / "timeline" / "index.md").read_text(encoding="utf-8")
    dates = re.findall(r"^- \*\*([\d-]+)\*\*", text, re.M)
    assert dates == sorted(dates) and "2026-02-10" in dates and "2026-03-31" in dates
    assert text.count("#s") >= len(dates)


def test_export_validates_against_its_schema(site):
    project, report = site
    data = json.loads((project / "site" / "data" / "kb.json").read_text(encoding="utf-8"))
    schema = json.loads((project / "site" / "data" / "kb.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    sources = {s["id"] for s in data["sources"]}
    refs = [r for e in data["entities"] for r in e["sources"]] + [r for f in data["facts"] for r in f["sources"]]
    assert set(refs) <= sources
    assert len(data["entities"]) == len(report.kb.entities)
    ids = [e["id"] for e in data["entities"]]
    assert len(ids) == len(set(ids))
    rows = list(csv.DictReader(io.StringIO((project / "site" / "data" / "metrics.csv").read_text(encoding="utf-8"))))
    assert {r["value"] for r in rows if r["subject"] == "高新技术产业增加值占GDP比重"} == {"45", "47"}


def test_tags_index_lists_kinds_and_districts(site):
    project, _ = site
    tags = (project / "site" / "tags" / "index.html").read_text(encoding="utf-8")
    assert "青山区" in tags and "研究院" in tags


def test_a_series_across_scopes_is_charted(articles):
    from pathlib import Path

    from newswiki.extract import extract_all
    from newswiki.ingest import ingest_dir
    from newswiki.render import charts
    from newswiki.resolve import resolve

    own, _ = ingest_dir(Path(__file__).parent / "corpus")
    kb = resolve(extract_all([*articles.values(), *own]))
    # a metric page is one owner's indicator: 青山区 and 武汉经开区 技术合同成交额 are two pages
    contracts = [e for e in kb.entities if e.type == "metric" and e.name.endswith(" 技术合同成交额")]
    assert {e.name for e in contracts} >= {"青山区 技术合同成交额", "武汉经开区 技术合同成交额"}
    metrics = [e for e in kb.entities if e.type == "metric"]
    assert all(len({f.owner for f in e.facts}) == 1 for e in metrics)
    # one chart per indicator, across owners: both pages show it; ranks are not drawn
    chart = charts.chart_for(kb, contracts[0])
    assert chart and {e.name for e in chart.entities} >= {"青山区 技术合同成交额", "武汉经开区 技术合同成交额"}
    assert all(charts.chart_for(kb, e) is chart for e in contracts)
    svg = charts.svg(chart)
    assert "青山区" in svg and "武汉经开区" in svg and svg.count("<rect") == len(chart.rows)
    ranks = [e for e in kb.entities if e.type == "metric" and e.name.endswith("排名")]
    assert ranks and all(charts.chart_for(kb, e) is None for e in ranks)


def test_near_duplicates_merge_but_distinct_names_stay_apart():
    from newswiki.resolve import _one_char_pairs, _swapped_pairs, _two_words_swapped

    policies = ["某区推动数字经济发展的若干措施", "某区推动数智经济发展的若干措施", "应用场景清单（第一批）", "应用场景清单（第二批）"]
    assert _one_char_pairs("policy", sorted(policies)) == [("某区推动数字经济发展的若干措施", "某区推动数智经济发展的若干措施")]
    assert _one_char_pairs("platform", ["滨江数创大走廊", "滨江数创走廊"])
    assert _swapped_pairs(["人工智能场景机会清单", "人工智能机会场景清单"])
    assert not _two_words_swapped("武汉大学研究院", "汉武大学研究院")


def test_a_firm_named_with_and_without_its_legal_form_is_one_organisation():
    from newswiki.model import Mention, Source
    from newswiki.resolve import resolve

    source = Source("s-1", "s1", "天保建设集团有限公司承建，天保建设集团表示。")
    mentions = [
        Mention("organisation", "天保建设集团有限公司", "天保建设集团有限公司", source, {"kind": "company"}),
        Mention("organisation", "天保建设集团", "天保建设集团", source, {"kind": "company"}),
        Mention("organisation", "天保科技有限公司", "天保科技有限公司", source, {"kind": "company"}),
    ]
    names = {e.name: e.aliases for e in resolve(mentions).entities}
    assert names == {"天保建设集团有限公司": ["天保建设集团"], "天保科技有限公司": []}
