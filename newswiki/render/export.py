"""Machine-readable exports: ``data/kb.json`` (schema in ``data/kb.schema.json``) and ``data/metrics.csv``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..model import Source
from .site import Site
from .sources import reference, story_page

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "kb.schema.json"


def source_id(s: Source) -> str:
    return f"{s.story}#{s.sentence}"


def write_kb_json(site: Site, path: Path) -> None:
    kb = site.kb
    sources: dict[str, Source] = {}

    def refs(items) -> list[str]:
        for s in items:
            sources.setdefault(source_id(s), s)
        return [source_id(s) for s in items]

    entities, all_facts = [], []
    for e in kb.entities:
        item = {
            "id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases, "page": site.page(e),
            "attributes": {a: [{"value": v.value, "sources": refs(v.sources)} for v in vs] for a, vs in e.attrs.items()},
            "sources": refs(e.sources),
        }
        provisions = [p for m in e.mentions for p in m.attrs.get("provisions", [])]
        if provisions:
            item["provisions"] = list({
                (p["condition"], p["amount"], f"{p['story']}#{p['sentence']}"): {
                    "condition": p["condition"], "amount": p["amount"],
                    "source": refs([Source(p["story"], p["sentence"], p["quote"])])[0],
                } for p in provisions
            }.values())
        entities.append(item)
        if e.type == "metric":
            for f in e.facts:
                all_facts.append({
                    "id": f.id, "entity": e.id, "subject": f.subject, "value": f.value, "unit": f.unit,
                    "period": f.period, "period_text": f.period_text, "scope": f.scope, "owner": f.owner,
                    "kind": f.kind, "bound": f.bound, "value_text": f.value_text,
                    "sources": refs(f.sources),
                })
    data = {
        "version": 1,
        "stories": [
            {
                "id": s.id, "title": s.title, "date": s.date, "source_file": s.source_file, "relevant": s.relevant, "page": story_page(s),
                "outlet": s.outlet, "published": s.published, "published_inferred": s.published_inferred, "url": s.url,
                "reference": reference(s),
            }
            for s in site.stories.values()
        ],
        "sources": [],
        "entities": entities,
        "facts": all_facts,
        "relations": [
            {"source": r.source.id, "target": r.target.id, "label": r.label, "sources": refs(r.sources)} for r in kb.relations
        ],
        "conflicts": [{"id": c.id, "entity": c.entity.id, "facts": [f.id for f in c.facts]} for c in kb.conflicts],
    }
    data["sources"] = [
        {"id": i, "story": s.story, "sentence": s.sentence, "quote": s.quote} for i, s in sorted(sources.items())
    ]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for chunk in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data):  # never the whole text at once
            f.write(chunk)
        f.write("\n")


def metrics_csv(site: Site) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["fact_id", "subject", "value", "unit", "period", "scope", "kind", "value_text", "sources", "quotes"])
    for e in site.kb.entities:
        if e.type == "metric":
            for f in e.facts:
                writer.writerow([
                    f.id, f.subject, f.value, f.unit, f.period or "", f.scope or "", f.kind, f.value_text,
                    " ".join(source_id(s) for s in f.sources), " | ".join(s.quote for s in f.sources),
                ])
    return buf.getvalue()


def schema() -> str:
    return SCHEMA.read_text(encoding="utf-8")
