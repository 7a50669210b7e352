"""``data/kb.sqlite``: the knowledge base as an SQLite database, and ``data/metadata.yml`` for Datasette.

The rows are those of ``data/kb.json``; links to sources are tables with foreign
keys (tables keyed by text are WITHOUT ROWID: a key is stored once); quotes
have a full-text index (FTS5, trigram tokenizer: any run of three or more
characters matches, as Chinese has no spaces between words). The file is
built in a temporary folder and returned as bytes, so the writer stays the only
one writing ``docs/``; the same knowledge base gives the same bytes (rows in kb
order, no timestamps, fixed page size, VACUUM at the end).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

import yaml

from ..model import Source
from .export import source_id
from .site import Site
from .sources import story_page

SCHEMA_VERSION = 1  # PRAGMA user_version
PAGE_SIZE = 4096

SCHEMA = """
CREATE TABLE stories (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, source_file TEXT NOT NULL,
  relevant INTEGER NOT NULL, page TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE sources (
  n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, story TEXT NOT NULL REFERENCES stories(id),
  sentence TEXT NOT NULL, quote TEXT NOT NULL
);
CREATE INDEX sources_story ON sources(story);
CREATE VIRTUAL TABLE sources_fts USING fts5(quote, content="sources", content_rowid="n", tokenize="trigram");
CREATE TABLE entities (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, page TEXT NOT NULL, attributes TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entities_type ON entities(type, name);
CREATE TABLE entity_sources (
  entity TEXT NOT NULL REFERENCES entities(id), source TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (entity, source)
) WITHOUT ROWID;
CREATE INDEX entity_sources_source ON entity_sources(source);
CREATE TABLE aliases (
  entity TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL, PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_alias ON aliases(alias);
CREATE TABLE facts (
  n INTEGER PRIMARY KEY, id TEXT NOT NULL, entity TEXT NOT NULL REFERENCES entities(id),
  subject TEXT NOT NULL, value NUMERIC NOT NULL, unit TEXT NOT NULL, period TEXT, scope TEXT,
  kind TEXT NOT NULL, value_text TEXT NOT NULL, attrs TEXT NOT NULL
);
CREATE INDEX facts_id ON facts(id);
CREATE INDEX facts_entity ON facts(entity);
CREATE INDEX facts_scope ON facts(scope, period);
CREATE INDEX facts_subject ON facts(subject, period);
CREATE TABLE fact_sources (
  fact INTEGER NOT NULL REFERENCES facts(n), source TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (fact, source)
) WITHOUT ROWID;
CREATE INDEX fact_sources_source ON fact_sources(source);
CREATE TABLE relations (
  n INTEGER PRIMARY KEY, source TEXT NOT NULL REFERENCES entities(id),
  target TEXT NOT NULL REFERENCES entities(id), label TEXT NOT NULL
);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
CREATE TABLE relation_sources (
  relation INTEGER NOT NULL REFERENCES relations(n), source TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (relation, source)
) WITHOUT ROWID;
CREATE INDEX relation_sources_source ON relation_sources(source);
CREATE TABLE provisions (
  n INTEGER PRIMARY KEY, entity TEXT NOT NULL REFERENCES entities(id), condition TEXT NOT NULL,
  amount NUMERIC, source TEXT NOT NULL REFERENCES sources(id), attrs TEXT NOT NULL
);
CREATE INDEX provisions_entity ON provisions(entity);
CREATE INDEX provisions_source ON provisions(source);
CREATE TABLE conflicts (
  n INTEGER PRIMARY KEY, id TEXT NOT NULL, entity TEXT NOT NULL REFERENCES entities(id),
  subject TEXT NOT NULL, period TEXT, scope TEXT, kind TEXT NOT NULL, unit TEXT NOT NULL
);
CREATE INDEX conflicts_id ON conflicts(id);
CREATE INDEX conflicts_entity ON conflicts(entity);
CREATE TABLE conflict_facts (
  conflict INTEGER NOT NULL REFERENCES conflicts(n), fact INTEGER NOT NULL REFERENCES facts(n),
  PRIMARY KEY (conflict, fact)
) WITHOUT ROWID;
CREATE INDEX conflict_facts_fact ON conflict_facts(fact);
"""

# facts: these fields are columns, every other field of resolve.Fact goes to the JSON ``attrs``
FACT_COLUMNS = ("subject", "value", "unit", "period", "scope", "kind", "value_text")
# provisions: keys that are columns or name the source; the rest goes to ``attrs``
PROVISION_KEYS = ("condition", "amount", "story", "sentence", "quote")


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def rows(site: Site) -> dict[str, Iterator[tuple]]:
    """Every table's rows, in the order of the knowledge base, made as they are inserted.
    The sources table comes first, so a first pass over the links collects the sources."""
    kb = site.kb
    sources: dict[str, Source] = {}
    fact_n: dict[int, int] = {}  # id() of a Fact -> its row
    metrics = [e for e in kb.entities if e.type == "metric"]

    def ref(s: Source) -> str:
        sources.setdefault(source_id(s), s)
        return source_id(s)

    def entities() -> Iterator[tuple]:
        for e in kb.entities:
            attributes = {a: [v.value for v in vs] for a, vs in e.attrs.items()}
            yield e.id, e.type, e.name, site.page(e), as_json(attributes)

    def provisions() -> Iterator[tuple]:
        n = 0
        for e in kb.entities:
            found = {}
            for p in (p for m in e.mentions for p in m.attrs.get("provisions", [])):
                source = ref(Source(p["story"], p["sentence"], p["quote"]))
                extra = {k: v for k, v in p.items() if k not in PROVISION_KEYS}
                found.setdefault((p["condition"], p["amount"], source), as_json(extra))
            for (condition, amount, source), extra in found.items():
                n += 1
                yield n, e.id, condition, amount, source, extra

    def facts() -> Iterator[tuple]:
        for n, (e, f) in enumerate(((e, f) for e in metrics for f in e.facts), 1):
            fact_n[id(f)] = n
            extra = {x.name: getattr(f, x.name) for x in dataclasses.fields(f) if x.name not in (*FACT_COLUMNS, "sources")}
            yield n, f.id, e.id, *(getattr(f, c) for c in FACT_COLUMNS), as_json(extra)

    def entity_sources() -> Iterator[tuple]:
        return ((e.id, ref(s)) for e in kb.entities for s in dict.fromkeys(e.sources))

    def fact_sources() -> Iterator[tuple]:
        return ((n, ref(s)) for n, f in enumerate((f for e in metrics for f in e.facts), 1) for s in dict.fromkeys(f.sources))

    def relation_sources() -> Iterator[tuple]:
        return ((n, ref(s)) for n, r in enumerate(kb.relations, 1) for s in dict.fromkeys(r.sources))

    for _ in chain(entity_sources(), provisions(), fact_sources(), relation_sources()):
        pass
    return {
        "stories": ((s.id, s.title, s.date, s.source_file, int(s.relevant), story_page(s)) for s in site.stories.values()),
        "sources": ((n, i, s.story, s.sentence, s.quote) for n, (i, s) in enumerate(sorted(sources.items()), 1)),
        "entities": entities(),
        "entity_sources": entity_sources(),
        "aliases": ((e.id, a) for e in kb.entities for a in dict.fromkeys(e.aliases)),
        "facts": facts(),
        "fact_sources": fact_sources(),
        "relations": ((n, r.source.id, r.target.id, r.label) for n, r in enumerate(kb.relations, 1)),
        "relation_sources": relation_sources(),
        "provisions": provisions(),
        "conflicts": (
            (n, c.id, c.entity.id, c.facts[0].subject, c.facts[0].period, c.facts[0].scope, c.facts[0].kind, c.facts[0].unit)
            for n, c in enumerate(kb.conflicts, 1)
        ),
        "conflict_facts": ((n, fact_n[id(x)]) for n, c in enumerate(kb.conflicts, 1) for x in c.facts),
    }


def write_kb_sqlite(site: Site, path: Path) -> None:
    """The database at ``path``, a new file (the writer's staging copy)."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("PRAGMA journal_mode = OFF")  # a staging file: no rollback journal
        db.executescript(SCHEMA)
        db.execute("BEGIN")
        for table, values in rows(site).items():
            if first := next(values, None):
                marks = ", ".join("?" * len(first))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", chain([first], values))
        db.execute("INSERT INTO sources_fts(sources_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO sources_fts(sources_fts) VALUES ('optimize')")
        db.execute("COMMIT")
        db.execute("VACUUM")
    finally:
        db.close()


TABLES = {
    "stories": ("报道", "每篇报道一行：标题、日期、来源文件、是否相关、在站点中的页面。", {
        "id": "报道编号（文件名-序号）", "title": "标题", "date": "日期（ISO）", "source_file": "来源文件",
        "relevant": "是否与科技创新和产业相关（1 是）", "page": "站点中的报道页面",
    }),
    "sources": ("引文", "知识库引用的句子，每句一行；quote 可全文检索（三个字及以上）。", {
        "n": "行号（全文索引的 rowid）", "id": "引文编号（报道#句子）", "story": "所在报道", "sentence": "句子编号",
        "quote": "原句",
    }),
    "entities": ("实体", "平台、政策、项目、指标和机构，每个实体一行；attributes 为属性值（JSON）。", {
        "id": "实体编号（类型:名称）", "type": "类型：platform 平台、policy 政策、project 项目、metric 指标、organisation 机构",
        "name": "规范名称", "page": "站点中的实体页面", "attributes": "属性 -> 取值列表（JSON）",
    }),
    "entity_sources": ("实体出处", "实体与提及它的引文。", {"entity": "实体", "source": "引文"}),
    "aliases": ("别名", "实体的简称、旧称和其他写法。", {"entity": "实体", "alias": "别名"}),
    "facts": ("指标数值", "指标的每个不同数值一行（数值、单位、时期、范围、类型），附出处；attrs 为其余字段（JSON）。", {
        "n": "行号", "id": "数值编号", "entity": "所属指标实体", "subject": "指标", "value": "数值", "unit": "单位",
        "period": "时期（2025、2025Q1、2025H1、2025-01/2025-04 等）", "scope": "范围：所属地区或机构，排名时为比较范围",
        "kind": "类型：total 总量、share 占比、growth 增长、change 变化（百分点）、rank 排名", "value_text": "原文写法", "attrs": "其余字段（JSON）",
    }),
    "fact_sources": ("数值出处", "指标数值与报道它的引文。", {"fact": "指标数值", "source": "引文"}),
    "relations": ("关系", "实体之间的关系：牵头/运营、合作方、企业、成员。", {
        "n": "行号", "source": "实体", "target": "相关实体", "label": "关系",
    }),
    "relation_sources": ("关系出处", "关系与说明它的引文。", {"relation": "关系", "source": "引文"}),
    "provisions": ("政策条款", "政策中的支持条款：条件与金额（元）。", {
        "n": "行号", "entity": "政策", "condition": "条件", "amount": "金额（元）", "source": "引文", "attrs": "其余字段（JSON）",
    }),
    "conflicts": ("来源不一致", "同一指标、时期、范围和类型，不同来源给出不同数值；每处不一致一行。", {
        "n": "行号", "id": "编号", "entity": "指标实体", "subject": "指标", "period": "时期", "scope": "范围",
        "kind": "类型", "unit": "单位",
    }),
    "conflict_facts": ("不一致的数值", "每处不一致涉及的指标数值。", {"conflict": "不一致", "fact": "指标数值"}),
}
LABELS = {"stories": "title", "entities": "name", "sources": "id", "facts": "value_text", "conflicts": "id"}


def datasette_metadata() -> str:
    """Datasette metadata (``datasette docs/data/kb.sqlite -m docs/data/metadata.yml``)."""
    tables = {}
    for name, (title, description, columns) in TABLES.items():
        tables[name] = {"title": title, "description": description, "columns": columns}
        if name in LABELS:
            tables[name]["label_column"] = LABELS[name]
    tables["sources"].update(fts_table="sources_fts", fts_pk="n")
    tables["facts"]["facets"] = ["scope", "kind", "period"]
    tables["sources_fts"] = {"hidden": True}
    meta = {
        "title": "武汉科技创新新闻知识库",
        "description": "由新闻报道生成的知识库：实体、指标数值、关系、政策条款及其出处。",
        "databases": {"kb": {"tables": tables}},
    }
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
