"""Lists that a CMS ships inside a script and renders with JavaScript.

Hanweb JCMS/jpaas column pages carry their first page of entries as
``<script type="text/xml"><datastore><recordset><record><![CDATA[<li>…</li>]]>``.
An HTML parser never looks inside `<script>`, so without unwrapping those
columns look empty and their articles are never found.
"""
from __future__ import annotations

import re

# One pattern per CMS that hides its list in a script block; each yields the HTML fragments.
EMBEDDED_LIST_PATTERNS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "hanweb-datastore",
        re.compile(r"<script[^>]*type=[\"']?text/xml[\"']?[^>]*>\s*<datastore>.*?</script>", re.I | re.S),
        re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S),
    ),
)


def unwrap_embedded_lists(html: str) -> str:
    """`html` with each embedded list replaced by its records as plain HTML (a `<ul>`)."""
    for name, block, record in EMBEDDED_LIST_PATTERNS:
        def as_list(match: re.Match[str], record=record, name=name) -> str:
            items = "".join(record.findall(match.group(0)))
            return f'<ul class="netcheck-{name}">{items}</ul>' if items else ""

        html = block.sub(as_list, html)
    return html
