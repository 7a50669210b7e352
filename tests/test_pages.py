"""Pages that answer questions, on real builds: charts, the metrics and policies indexes
with their filters, region pages, the policy finder's data and the entity pages' first
sentence."""

from __future__ import annotations

import json
import re

import yaml

from newswiki.render import finder, regions


def front(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def markers(text: str) -> list[dict]:
    """The filter markers of a page's table rows: one dict of data-* values per row."""
    return [dict(re.findall(r'data-(\w+)="([^"]*)"', m)) for m in re.findall(r'<span class="kb-row"([^>]*)></span>', text)]


def finder_data(project) -> dict:
    text = (project / "docs" / "finder" / "index.md").read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kb-finder-data">(.*)</script>', text).group(1))


def test_a_fresh_build_of_the_seeds_draws_charts(site):
    project, _ = site
    drawn = sorted((project / "docs" / "metrics" / "charts").glob("*.svg"))
    assert drawn, "the seeds hold an indicator of two districts (GDP增长): it is charted"
    index = (project / "docs" / "metrics" / "index.md").read_text(encoding="utf-8")
    pages = [p.read_text(encoding="utf-8") for p in (project / "docs" / "metrics").glob("*.md")]
    for svg in drawn:
        assert f"charts/{svg.name}" in index
        assert sum(f"charts/{svg.name}" in p for p in pages) >= 2  # the index and the indicator's pages
    gdp = (project / "docs" / "metrics" / "charts" / "GDP增长.svg").read_text(encoding="utf-8")
    assert "青山区" in gdp and "东湖高新区" in gdp


def test_a_chart_compares_districts(corpus_site):
    project, _ = corpus_site
    svg = (project / "docs" / "metrics" / "charts" / "高新技术企业.svg").read_text(encoding="utf-8")
    assert re.search(r">江夏区<.*>612家<.*>青山区<.*>459家<", svg, re.S), "largest first, with values"
    for region in ("江夏区", "青山区"):
        assert "charts/高新技术企业.svg" in (project / "docs" / "districts" / f"{region}.md").read_text(encoding="utf-8")
    assert not list((project / "docs" / "metrics" / "charts").glob("*排名*.svg"))


def test_metrics_index_rows_carry_region_period_and_group(corpus_site):
    project, _ = corpus_site
    text = (project / "docs" / "metrics" / "index.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "kb-row" in line]
    assert rows and len(rows) == len(markers(text))
    assert all({"owner", "group"} <= set(m) for m in markers(text))
    assert sum("period" in m for m in markers(text)) > len(rows) * 0.8  # a figure without a period has none
    form = text[text.index("<form"): text.index("</form>")]
    for option in ("青山区", "江夏区", "东湖高新区", "2025", "2026", "count", "growth"):
        assert f'<option value="{option}">' in form
    assert "data-search-exclude" in form
    assert "[青山区](../districts/青山区.md)" in text  # browse by region


def test_region_page_gathers_platforms_policies_projects_and_metrics(site):
    project, _ = site
    text = (project / "docs" / "districts" / "青山区.md").read_text(encoding="utf-8")
    assert front(text)["type"] == "region"
    sections = re.findall(r"^## (.+)$", text, re.M)
    assert sections[:4] == ["指标", "政策", "平台", "项目"]
    for name in ("高新技术企业", "进一步促进青山区科技创新发展的若干措施", "武汉光化学技术研究院", "武汉万洋众创城项目"):
        assert name in text, name
    # every row cites the sentence that places it in the district
    rows = [line for line in text.splitlines() if line.startswith("| [") or line.startswith("| <span")]
    assert rows and all(re.search(r"\.md#s\d+", row) for row in rows)
    assert "../metrics/index.md?owner=青山区" in text and "../finder/index.md?district=青山区" in text
    index = (project / "docs" / "districts" / "index.md").read_text(encoding="utf-8")
    assert "[青山区](青山区.md)" in index and "[东湖高新区](东湖高新区.md)" in index
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-tabs__link"[^>]*>\s*区域', html)


def test_policies_index_filters_by_issuer_level_and_year(corpus_site):
    project, _ = corpus_site
    text = (project / "docs" / "policies" / "index.md").read_text(encoding="utf-8")
    rows = markers(text)
    by_issuer = {m["issuer"]: m for m in rows}
    assert by_issuer["武汉市"]["level"] == "市" and by_issuer["东湖高新区"]["level"] == "区"
    assert any(m.get("year") == "2026" for m in rows)
    form = text[text.index("<form"): text.index("</form>")]
    assert '<option value="市">' in form and '<option value="区">' in form and '<option value="2026">' in form
    assert "../finder/index.md" in text


def test_issuer_levels_and_where_a_policy_applies():
    assert [regions.level(i) for i in ("青山区", "武汉市", "湖北省", "国务院办公厅", "市科技创新局", "省数据局")] == [
        "区", "市", "省", "国家", "市", "省"]
    assert regions.covers("青山区", "青山区") and not regions.covers("东湖高新区", "青山区")
    assert regions.covers("武汉市", "江夏区") and regions.covers("湖北省", "江夏区") and not regions.covers("黄石市", "江夏区")
    assert "经开区" not in regions.districts() and "武汉经开区" in regions.districts()


def test_finder_data_comes_from_provisions_and_their_conditions(corpus_site):
    project, _ = corpus_site
    data = finder_data(project)
    items = data["provisions"]
    assert [p["amount"] for p in items] == sorted((p["amount"] for p in items), reverse=True)
    assert set(data["profiles"]) == {n for p in items for n in p["profiles"]}
    rd = next(p for p in items if p["condition"] == "企业研发经费投入增量")
    assert rd["profiles"] == ["研发投入"] and rd["districts"] == ["青山区"] and rd["amount_text"] == "100万元"
    # announced with a second policy whose own provisions the story tells later: the first's
    assert [p["name"] for p in rd["policies"]] == ["进一步促进青山区科技创新发展的若干措施"]
    assert all(p["issuer"] == "青山区" and p["level"] == "区" for p in rd["policies"])
    digital = next(p for p in items if p["condition"] == "垂域大模型、智能体创新应用")
    assert [p["name"][:5] for p in digital["policies"]] == ["青山区推动"]  # 数字经济 (数智经济) policy
    assert re.fullmatch(r"\.\./sources/[\w-]+/#s\d+", rd["source"]["href"])
    story, anchor = rd["source"]["href"][3:].split("/#")
    assert f'id="{anchor}"' in (project / "site" / story / "index.html").read_text(encoding="utf-8")
    city = [p for p in items if p["policies"][0]["issuer"] == "武汉市"]
    assert city and all(p["districts"] == "*" for p in city)
    donghu = next(p for p in items if p["condition"] == "企业购买智能算力服务")
    assert donghu["districts"] == ["东湖高新区"] and donghu["profiles"] == ["算力"]
    assert all(p["policies"][0]["href"].startswith("../policies/") for p in items)


def test_finder_payload_cannot_close_its_script():
    text = finder.payload({"condition": "</script><img src=x onerror=alert(1)>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"condition": "</script><img src=x onerror=alert(1)>&"}
    assert finder.profiles_of("企业研发经费投入增量") == ["研发投入"]


def test_entity_pages_open_with_a_sentence(site):
    project, _ = site
    checked = 0
    for folder in ("platforms", "policies", "projects", "metrics", "organisations"):
        for page in (project / "docs" / folder).glob("*.md"):
            text = page.read_text(encoding="utf-8")
            meta = front(text)
            if meta.get("type") == "index" or "name" not in meta:
                continue
            body = text.split("\n# ", 1)[1].split("\n\n")
            lede = next(p for p in body[1:] if p and not p.startswith(("!!!", ">", "    ", "*", "|")))
            assert lede.endswith("。") and "|" not in lede, (page, lede)
            checked += 1
    assert checked > 100
    metrics = [p.read_text(encoding="utf-8") for p in (project / "docs" / "metrics").glob("青山区-高新技术企业*.md")]
    assert any("2025年，青山区高新技术企业数量为459家。" in text for text in metrics)
