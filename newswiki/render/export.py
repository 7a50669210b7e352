"""Machine-readable exports: ``data/kb.json`` (schema in ``data/kb.schema.json``) and ``data/metrics.csv``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from ..model import Source
from .site import Site
from .sources import reference, story_page

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "kb.schema.json"


def source_id(s: Source) -> str:
    return f"{s.story}#{s.sentence}"


def write_kb_json(site: Site, path: Path) -> None:
    """``data/kb.json``, written an item at a time (the text ``json.dumps(…, ensure_ascii=False,
    indent=1)`` gives for the whole). The sources come before the items that cite them, so a
    first pass over the items collects them; neither pass keeps the items."""
    kb = site.kb
    sources: dict[str, Source] = {}

    def refs(items) -> list[str]:
        for s in items:
            sources.setdefault(source_id(s), s)
        return [source_id(s) for s in items]

    def entities() -> Iterator[dict]:
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
            yield item

    def facts() -> Iterator[dict]:
        for e in kb.entities:
            for f in e.facts if e.type == "metric" else ():
                yield {
                    "id": f.id, "entity": e.id, "subject": f.subject, "value": f.value, "unit": f.unit,
                    "period": f.period, "period_text": f.period_text, "period_inferred": f.period_inferred,
                    "scope": f.scope, "owner": f.owner,
                    "kind": f.kind, "bound": f.bound, "value_text": f.value_text,
                    "sources": refs(f.sources),
                }

    def relations() -> Iterator[dict]:
        for r in kb.relations:
            yield {"source": r.source.id, "target": r.target.id, "label": r.label, "sources": refs(r.sources)}

    for _ in chain(entities(), facts(), relations()):
        pass
    stories = (
        {
            "id": s.id, "title": s.title, "date": s.date, "source_file": s.source_file, "relevant": s.relevant, "page": story_page(s),
            "outlet": s.outlet, "published": s.published, "published_inferred": s.published_inferred,
            "year_inferred": s.year_inferred, "url": s.url,
            "reference": reference(s),
        }
        for s in site.stories.values()
    )
    cited = ({"id": i, "story": s.story, "sentence": s.sentence, "quote": s.quote} for i, s in sorted(sources.items()))
    conflicts = ({"id": c.id, "entity": c.entity.id, "facts": [f.id for f in c.facts]} for c in kb.conflicts)
    sections = {"stories": stories, "sources": cited, "entities": entities(), "facts": facts(), "relations": relations(), "conflicts": conflicts}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{\n "version": 1')
        for name, items in sections.items():
            f.write(f',\n "{name}": ')
            opened = False
            for item in items:  # an item of a list in the top object: two levels in
                f.write(",\n  " if opened else "[\n  ")
                f.write(json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  "))
                opened = True
            f.write("\n ]" if opened else "[]")
        f.write("\n}\n")


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
