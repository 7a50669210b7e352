"""The policy finder (政策计算器): a firm ticks what it is and picks its district, and sees
every provision whose condition fits, with amount, policy and citation.

The build writes the provisions into the page as JSON (``#kb-finder-data``); the page's
script (``docs/assets/javascripts/policy-finder.js``) filters and sorts them in the
browser, offline. Profiles come from ``lexicon/firm_profiles.txt``: a provision fits a
profile when its condition names one of the profile's terms.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence

from .. import lexicon
from ..resolve import Entity
from . import regions
from .figures import money
from .provisions import provisions
from .site import Site
from .sources import reference, story_page
from .text import front_matter

PAGE = "finder/index.md"


def url(page: str) -> str:
    """The site URL of a docs page (directory URLs): finder/index.md -> finder/."""
    path = page.removesuffix(".md").removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


def href(from_page: str, to_page: str, anchor: str = "") -> str:
    rel = posixpath.relpath(url(to_page) or ".", url(from_page) or ".")
    return ("" if rel == "." else rel + "/") + (f"#{anchor}" if anchor else "")


def profiles_of(condition: str) -> list[str]:
    return [label for label, *terms in lexicon.rows("firm_profiles") if any(t in condition for t in terms)]


def data(site: Site, policies: Sequence[Entity]) -> dict:
    """Profiles, districts and provisions (largest amount first); a provision that several
    policies announced together is listed once, with all of them."""
    merged: dict[tuple, dict] = {}
    issuers: dict[tuple, list[str]] = {}
    for e in policies:
        issuer = e.first("issuer")
        for p in provisions(e):
            k = (p["condition"], p["amount"], p["story"], p["sentence"])
            story = site.stories[p["story"]]
            item = merged.setdefault(k, {
                "amount": p["amount"], "amount_text": money(p["amount"]), "condition": p["condition"], "text": p["text"],
                "profiles": profiles_of(p["condition"]), "policies": [],
                "source": {"label": reference(story) or story.title, "title": story.title,
                           "href": href(PAGE, story_page(story), p["sentence"])},
            })
            item["policies"].append({"name": e.name, "href": href(PAGE, site.page(e)), "issuer": issuer or "",
                                     "level": regions.level(issuer) or ""})
            issuers.setdefault(k, []).append(issuer)
    districts = regions.districts()
    for k, item in merged.items():
        where = [d for d in districts if any(regions.covers(i, d) for i in issuers[k])]
        item["districts"] = "*" if where == districts else where
    items = sorted(merged.values(), key=lambda p: (-p["amount"], p["condition"]))
    used = {label for p in items for label in p["profiles"]}
    return {
        "profiles": [label for label, *_ in lexicon.rows("firm_profiles") if label in used],
        "districts": districts,
        "provisions": items,
    }


def payload(value: dict) -> str:
    """JSON for a <script> element: no "<", ">" or "&" that HTML could read as markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(site: Site, policies: Sequence[Entity]) -> str:
    return (
        front_matter({"type": "tool", "title": "政策计算器"})
        + "# 政策计算器\n\n"
        "勾选企业的情况并选择所在区，即列出报道中提到的、条件相符的政策条款，按金额从高到低排列，"
        "每条注明政策和出处（点击出处跳到报道原句）。条款和条件由程序从新闻报道中读出，申报前请以政策原文为准。\n\n"
        '<div class="kb-finder" id="kb-finder" data-search-exclude><noscript>本页需要启用 JavaScript；'
        "全部条款也列在各政策页面的“条款”一节。</noscript></div>\n\n"
        f'<script type="application/json" id="kb-finder-data">{payload(data(site, policies))}</script>\n'
    )
