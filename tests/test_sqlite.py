"""data/kb.sqlite built from the real seeds: the same knowledge as kb.json, queried with SQL."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
import yaml

from newswiki.build import build
from newswiki.extract.numbers import cn_number, parse_quantity

from .conftest import SEEDS


@pytest.fixture(scope="module")
def db(site):
    project, _ = site
    con = sqlite3.connect(f"file:{project / 'docs' / 'data' / 'kb.sqlite'}?mode=ro", uri=True)
    yield con
    con.close()


def test_every_fact_is_quoted_with_its_number(db):
    quotes: dict[int, list[str]] = {}
    facts = {}
    for n, value, unit, kind, text, quote in db.execute(
        "SELECT f.n, f.value, f.unit, f.kind, f.value_text, s.quote FROM facts f "
        "JOIN fact_sources fs ON fs.fact = f.n JOIN sources s ON s.id = fs.source ORDER BY f.n, s.n"
    ):
        facts[n] = (value, unit, kind, text)
        quotes.setdefault(n, []).append(quote)
    assert len(facts) == db.execute("SELECT count(*) FROM facts").fetchone()[0] >= 40  # each has a source
    for n, (value, unit, kind, text) in facts.items():
        if kind == "rank":
            assert cn_number(re.search(r"第(\w+?)(?:位|名)?$", text).group(1)) == value
        else:
            q = parse_quantity(text)
            assert (q.value, q.unit) == (value, unit), text
        assert any(text in quote for quote in quotes[n]), (text, quotes[n])
        # another source may write the number otherwise (第三 / 第3)
        assert all(text in quote or f"{value:g}" in quote for quote in quotes[n]), (text, quotes[n])


def test_the_45_47_conflict_is_one_row(db):
    rows = db.execute(
        "SELECT n, scope, period, kind FROM conflicts WHERE subject = '高新技术产业增加值占GDP比重'"
    ).fetchall()
    assert len(rows) == 1 and rows[0][1:] == ("青山区", "2025", "share")
    values = db.execute(
        "SELECT f.value FROM conflict_facts cf JOIN facts f ON f.n = cf.fact WHERE cf.conflict = ? ORDER BY f.value",
        (rows[0][0],),
    ).fetchall()
    assert values == [(45,), (47,)]


def test_full_text_search_over_quotes(db):
    def match(query):
        return db.execute(
            "SELECT s.id FROM sources_fts JOIN sources s ON s.n = sources_fts.rowid "
            "WHERE sources_fts MATCH ? ORDER BY s.n", (query,)
        ).fetchall()

    for word in ("孵化器", "高新技术企业", "武汉科技大学"):
        found = match(f'"{word}"')
        assert found and found == db.execute("SELECT id FROM sources WHERE quote LIKE ? ORDER BY n", (f"%{word}%",)).fetchall()
    assert match('"孵化器" AND "最高奖励"') == [("001_f1e53638eba78ad3-1#s32",)]


def test_foreign_keys_hold_and_tables_match_kb_json(db, site):
    project, _ = site
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    data = json.loads((project / "docs" / "data" / "kb.json").read_text(encoding="utf-8"))
    for table in ("stories", "sources", "entities", "facts", "relations", "conflicts"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(data[table]), table
    assert db.execute("SELECT count(*) FROM provisions").fetchone()[0] == sum(len(e.get("provisions", [])) for e in data["entities"])
    aliases = db.execute("SELECT a.alias FROM aliases a JOIN entities e ON e.id = a.entity WHERE e.name = '武汉科技大学'").fetchall()
    assert ("武科大",) in aliases
    plans = db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").fetchall()
    assert ("facts_scope",) in plans


def test_datasette_metadata_titles_every_table(db, site):
    project, _ = site
    meta = yaml.safe_load((project / "docs" / "data" / "metadata.yml").read_text(encoding="utf-8"))
    tables = meta["databases"]["kb"]["tables"]
    names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sources_fts%'")]
    for name in names:
        assert re.search(r"[\u4e00-\u9fff]", tables[name]["title"]) and tables[name]["description"], name
        columns = [c for _, c, *_ in db.execute(f"PRAGMA table_info({name})")]
        assert set(tables[name]["columns"]) == set(columns), name


def test_same_bytes_from_two_builds(site, tmp_path):
    project, _ = site
    build(SEEDS, tmp_path / "docs")
    for name in ("kb.sqlite", "metadata.yml"):
        assert (tmp_path / "docs" / "data" / name).read_bytes() == (project / "docs" / "data" / name).read_bytes(), name
