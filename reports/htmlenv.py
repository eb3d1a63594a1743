"""The jinja2 environment of the HTML pages (report.html, ranking.html, index.html).

Autoescaped and strict, like every page before it; and one filter, `breakable`, for the URLs and
folder paths the pages show: a long URL may break after each / ? & = (a <wbr> there), so that on a
narrow screen it wraps at its parts, not at whatever character reaches the edge.
"""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"
# After these a URL or path may break; "//" of the scheme stays whole.
_BREAK_AFTER = re.compile(r"(?<!/)(/(?!/)|[?&=_-])")


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["breakable"] = breakable
    env.globals["zip"] = zip
    return env


def breakable(text) -> Markup:
    """The text escaped, with a <wbr> after each / ? & = _ - of a URL or path."""
    if text is None:
        return Markup("")
    parts = _BREAK_AFTER.split(str(text))
    # split() with one group: text, separator, text, …; a <wbr> after each separator
    return Markup("").join(escape(p) + (Markup("<wbr>") if i % 2 else Markup("")) for i, p in enumerate(parts))


__all__ = ["environment", "breakable", "TEMPLATES"]
