"""Table filters that work on a static page: a bar of <select>s above Markdown tables whose
rows carry a hidden marker (``docs/assets/javascripts/filters.js`` does the hiding)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

ALL = "全部"


def _attr(value: str) -> str:
    return html.escape(value, quote=True).replace("|", "&#124;")


def controls(filters: Sequence[tuple[str, str, Iterable[tuple[str, str]]]]) -> str:
    """``(key, label, [(value, shown)])`` per filter, as a raw HTML block. The choice is kept
    in the page's query string (``?key=value``), so a filtered view can be linked to."""
    out = ['<form class="kb-filters" data-kb-filters data-search-exclude>']
    for key, label, options in filters:
        out.append(f'<label>{html.escape(label)} <select data-filter="{_attr(key)}"><option value="">{ALL}</option>')
        out += [f'<option value="{_attr(v)}">{html.escape(shown)}</option>' for v, shown in options]
        out.append("</select></label>")
    out.append('<output class="kb-filter-count"></output></form>\n\n')
    return "".join(out)


def marker(**values: str | Sequence[str] | None) -> str:
    """The row marker for a table's first cell: ``data-key`` per filter, several values
    separated by ``|``."""
    attrs = "".join(
        f' data-{k}="{_attr(v if isinstance(v, str) else "|".join(v))}"' for k, v in values.items() if v
    )
    return f'<span class="kb-row"{attrs}></span>'
