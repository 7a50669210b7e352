"""Regions as readers browse them: which district, city or province an entity belongs to,
and the level (国家/省/市/区) of a policy's issuer."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .. import lexicon
from ..extract.names import canonical_region, parent_city, regions_in
from ..resolve import Entity
from .site import slug

LEVELS = ("国家", "省", "市", "区")
_KIND_LEVEL = {"province": "省", "city": "市", "district": "区"}
HOME_CITY = "武汉市"  # the districts of the lexicon are this city's
FOLDER = "districts"


@cache
def kinds() -> dict[str, str]:
    """Canonical region name -> district | city | province (areas such as 光谷 are left out)."""
    out: dict[str, str] = {}
    for word, kind, *_ in lexicon.rows("regions"):
        name = canonical_region(word)
        if kind in _KIND_LEVEL:
            out.setdefault(name, kind)
    return out


def districts() -> list[str]:
    """Districts of the home city; a short form (经开区 of 武汉经开区) is not one of its own."""
    names = [n for n, k in kinds().items() if k == "district" and parent_city(n) == HOME_CITY]
    return [n for n in names if not any(m != n and m.endswith(n) for m in names)]


def level(issuer: str | None) -> str | None:
    """国家, 省, 市 or 区: from the region the issuer names first, else its opening word."""
    if not issuer:
        return None
    found = regions_in(issuer)
    if found and found[0][0] == 0 and found[0][1] in kinds():
        return _KIND_LEVEL[kinds()[found[0][1]]]
    return next((lvl for word, lvl in lexicon.rows("issuer_levels") if issuer.startswith(word)), None)


def covers(issuer: str | None, district: str) -> bool:
    """Does a policy of ``issuer`` apply in ``district``? Its own district, the home city,
    the province and the state do; another district or city does not. An unknown issuer
    is not ruled out."""
    lvl = level(issuer)
    if lvl is None or lvl in ("国家", "省"):
        return True
    region = regions_in(issuer)[0][1] if regions_in(issuer) else None
    return region in (None, HOME_CITY if lvl == "市" else district)


def of(entity: Entity) -> list[str]:
    """The regions an entity belongs to: where a platform or project is, who issued a policy,
    whose figure a metric is."""
    if entity.type == "metric":
        names = [f.owner for f in entity.facts]
    else:
        attr = "issuer" if entity.type == "policy" else "location"
        names = [v.value for v in entity.attrs.get(attr, []) if isinstance(v.value, str)]
    return [n for n in dict.fromkeys(names) if n in kinds()]


def page(region: str) -> str:
    return f"{FOLDER}/{slug(region)}.md"


def with_pages(entities: Iterable[Entity]) -> dict[str, list[Entity]]:
    """Regions that get a page, each with its entities: districts first, then cities and
    provinces, in the lexicon's order."""
    found: dict[str, list[Entity]] = {}
    for e in entities:
        for r in of(e):
            found.setdefault(r, []).append(e)
    order = list(kinds())
    return {r: found[r] for r in sorted(found, key=lambda r: (kinds()[r] != "district", order.index(r)))}
