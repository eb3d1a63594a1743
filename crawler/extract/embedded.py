"""Lists that a CMS ships inside a script and renders with JavaScript.

Hanweb JCMS/jpaas column pages carry their first page of entries as
``<script type="text/xml"><datastore><recordset><record><![CDATA[<li>…</li>]]>``.
An HTML parser never looks inside `<script>`, so without unwrapping those
columns look empty and their articles are never found. The further pages of
such a column come from the CMS's data proxy (`dataproxy.jsp`) as a bare
`<datastore>` XML document of the same shape, served as text/xml or text/html:
it is unwrapped the same way and parsed as a list page.
"""
from __future__ import annotations

import re

_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
# One pattern per CMS that hides its list in a script block or an XML document; each
# yields the HTML fragments. Order matters: the script form is unwrapped first, so the
# bare form only meets datastores that are not inside a script.
EMBEDDED_LIST_PATTERNS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "hanweb-datastore",
        re.compile(r"<script[^>]*type=[\"']?text/xml[\"']?[^>]*>\s*<datastore>.*?</script>", re.I | re.S),
        _RECORD,
    ),
    ("hanweb-dataproxy", re.compile(r"<datastore>.*?</datastore>", re.I | re.S), _RECORD),
)
# A whole response that is such a list document (a data-proxy answer), whatever its Content-Type.
LIST_DOCUMENT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?<datastore\b", re.I)


def is_list_document(body: bytes) -> bool:
    """True when a response body is a CMS list document (Hanweb `<datastore>` XML) rather than a page."""
    return bool(LIST_DOCUMENT.match(body[:512]))


def unwrap_embedded_lists(html: str) -> str:
    """`html` with each embedded list replaced by its records as plain HTML (a `<ul>`)."""
    for name, block, record in EMBEDDED_LIST_PATTERNS:
        def as_list(match: re.Match[str], record=record, name=name) -> str:
            items = "".join(record.findall(match.group(0)))
            return f'<ul class="netcheck-{name}">{items}</ul>' if items else ""

        html = block.sub(as_list, html)
    return html
