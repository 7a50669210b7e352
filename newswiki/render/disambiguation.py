"""Disambiguation pages: a short name that stands for several entities (武钢 → 武钢集团 / 武汉钢铁有限公司)."""

from __future__ import annotations

from ..resolve import Entity
from .labels import ORG_KINDS, TYPE_LABELS
from .site import Site, slug
from .text import front_matter, md_text, rel_link

FOLDER = "disambiguation"


def page(name: str) -> str:
    return f"{FOLDER}/{slug(name)}.md"


def hatnote(entity: Entity, site: Site, from_page: str) -> str:
    """The line atop an entity page whose short name also means other entities."""
    names = [n for n, es in site.kb.ambiguous.items() if any(e is entity for e in es)]
    return "".join(f"*“{md_text(n)}”也可指其他条目，见[{md_text(n)}（消歧义）]({rel_link(from_page, page(n))})。*\n\n" for n in names)


def render(name: str, targets: list[Entity], site: Site) -> str:
    here = page(name)
    meta = {"type": "disambiguation", "title": f"{name}（消歧义）", "name": name, "targets": [e.name for e in targets], "search": {"boost": 2}}
    out = [front_matter(meta), f"# {md_text(name)}（消歧义）\n\n“{md_text(name)}”在报道中可能指：\n\n"]
    for e in targets:
        kind = e.first("kind")
        about = ORG_KINDS.get(kind, kind) if e.type == "organisation" and kind else "、".join(filter(None, (TYPE_LABELS[e.type], kind)))
        out.append(f"- {site.entity_link(e, here)}（{md_text(about)}，{len(e.stories)} 篇报道提及）\n")
    return "".join(out)
