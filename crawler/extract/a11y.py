"""Accessibility facts of one HTML page as fetched (无障碍环境建设法 第三十二条, GB/T 37668-2019,
WCAG 2.x): counts and a few examples per check, for the a11y.* rules (checks.rules.a11y).

Read from the markup the server sent, not from a rendered page: what a script adds (a toolbar
drawn by its script, a label set later) is not seen, so the rules report notices, and the elder
mode entry also counts the known toolbar scripts a page loads. Nothing is judged here.

    lang            <html lang> (or xml:lang), '' when missing
    title           the raw <title>, whitespace-collapsed (not PageRecord.title, which cuts the site name off)
    img             [images, images with no alt attribute and no other name]
    field           [form fields a person fills in, those with no label, aria-label(ledby), title or placeholder]
    link            [links with an href, those with no accessible name: no text, aria-label, title or image alt]
    iframe          [frames, frames with no title or aria-label]
    heading_skips   [number of skipped heading levels, e.g. h2 followed by h4]
    autoplay        [media playing by themselves with sound: <audio>/<video autoplay> not muted, <bgsound>, <embed autostart>]
    entry           what the page shows of an accessibility or elder-mode entry (ENTRY_*), [] when nothing
    examples        check → up to EXAMPLES short examples (an image's src, a field's name, a link's href, 'h2→h4')
"""
from __future__ import annotations

import re

from lxml import etree

from crawler.extract.normalize import collapse

EXAMPLES = 3
EXAMPLE_CHARS = 120
ENTRY_MAX = 5
# An entry to an accessible or elder-friendly version, by the words of a short link or button.
ENTRY_WORDS = ("无障碍", "长者", "关怀版", "关怀模式", "适老", "老年模式", "老人版", "大字版", "读屏", "盲人模式")
ENTRY_TEXT_CHARS = 12  # longer: an article's title (推进无障碍环境建设…), not an entry
NOT_ENTRY_WORDS = ("声明", "说明")  # 无障碍声明: a statement page, not the way in
# ... by the toolbar it loads: the script's address (爱盲 / 中国信息无障碍 gov.govwza.cn aria.js, cniil
# assist.js, a site's own /wza/ helper), or the control that opens it (id, onclick).
ENTRY_SCRIPTS = re.compile(r"govwza\.cn|//wza\.|/wza/|/cniil/|\baria\.js|assista?\.js|jhelper", re.IGNORECASE)
ENTRY_IDS = re.compile(r"^(?:toolbarSwitch|toolbarCtrl|toolbarSwitchOldFixed|barrierFreeBtn|cniil_wza)$", re.IGNORECASE)
ENTRY_ONCLICK = re.compile(r"aria\.(?:start|oldFixedStart)\s*\(|toggleToolBar\s*\(|\$inSlb\s*\(", re.IGNORECASE)

FIELD_TAGS = ("input", "select", "textarea")
UNFILLED_INPUTS = frozenset({"hidden", "submit", "button", "reset", "image"})  # named by their value or alt
HEADING = re.compile(r"^h([1-6])$")
# Every element a check or an entry marker reads, in document order (an XPath union is): the walk
# in C passes over the layout boxes (a div or span with neither id nor onclick says nothing here),
# most of a page's elements.
_CHECKED = etree.XPath(" | ".join(
    [f"//{tag}" for tag in ("img", *FIELD_TAGS, "a", "button", "iframe", "frame", "h1", "h2", "h3", "h4", "h5", "h6",
                            "audio", "video", "bgsound", "embed", "script")]
    + [f"//{tag}[@id or @onclick]" for tag in ("span", "li", "div")]))


def page_a11y(root) -> dict:
    """The accessibility facts of a page's element tree (lxml, as parse_page parses it)."""
    examples: dict[str, list[str]] = {}
    html = root if root.tag == "html" else root.find(".//html")
    lang = ""
    if html is not None:
        lang = (html.get("lang") or html.get("xml:lang") or html.get("{http://www.w3.org/XML/1998/namespace}lang")
                or "").strip()
    title_el = root.find(".//title")
    title = collapse(title_el.text_content() if hasattr(title_el, "text_content") else
                     "".join(title_el.itertext())) if title_el is not None else ""
    labelled = {label.get("for") for label in root.iter("label") if label.get("for")}
    counts = {"img": [0, 0], "field": [0, 0], "link": [0, 0], "iframe": [0, 0]}
    skips, autoplay, entry = 0, [], []
    previous_level = None
    for el in _CHECKED(root):
        tag = el.tag
        if _hidden(el):
            continue
        shown = None  # a link's text, read once for its name and for the entry words
        if tag == "img":
            _count(counts, examples, "img", el.get("alt") is None and not _named(el), el.get("src"))
        elif tag in FIELD_TAGS and (tag != "input" or (el.get("type") or "text").lower() not in UNFILLED_INPUTS):
            named = _named(el) or el.get("placeholder", "").strip() or (el.get("id") in labelled) or \
                any(a.tag == "label" for a in el.iterancestors())
            _count(counts, examples, "field", not named, el.get("name") or el.get("id") or tag)
        elif tag == "a" and el.get("href") is not None:
            shown = _shown(el)
            _count(counts, examples, "link", not _link_named(el, shown), el.get("href"))
        elif tag in ("iframe", "frame"):
            _count(counts, examples, "iframe", not (el.get("title") or "").strip() and not _named(el), el.get("src"))
        elif HEADING.match(tag):
            level = int(tag[1])
            if previous_level is not None and level > previous_level + 1:
                skips += 1
                _example(examples, "heading_skips", f"h{previous_level}→h{level}")
            previous_level = level
        if tag in ("audio", "video") and el.get("autoplay") is not None and el.get("muted") is None:
            autoplay.append(_short(el.get("src") or next((s.get("src") for s in el.iter("source")), None) or tag))
        elif tag == "bgsound" or (tag == "embed" and (el.get("autostart") or "").lower() in ("true", "1")):
            autoplay.append(_short(el.get("src") or tag))
        marker = _entry_marker(el, tag, shown)
        if marker and marker not in entry and len(entry) < ENTRY_MAX:
            entry.append(marker)
    if autoplay:
        examples["autoplay"] = autoplay[:EXAMPLES]
    return {"lang": lang, "title": title[:EXAMPLE_CHARS], **counts, "heading_skips": skips,
            "autoplay": len(autoplay), "entry": entry, "examples": examples}


def _hidden(el) -> bool:
    return el.get("aria-hidden") == "true" or (el.get("role") or "").lower() in ("presentation", "none") \
        or el.get("hidden") is not None


def _named(el) -> bool:
    return bool((el.get("aria-label") or "").strip() or (el.get("aria-labelledby") or "").strip()
                or (el.get("title") or "").strip())


def _shown(el) -> str:
    return collapse("".join(el.itertext()))


def _link_named(el, shown: str) -> bool:
    if _named(el) or shown:
        return True
    return any((img.get("alt") or "").strip() or _named(img) for img in el.iter("img", "input"))


def _count(counts: dict, examples: dict, check: str, failing: bool, example: str | None) -> None:
    counts[check][0] += 1
    if failing:
        counts[check][1] += 1
        _example(examples, check, _short(example or ""))


def _example(examples: dict, check: str, value: str) -> None:
    found = examples.setdefault(check, [])
    if len(found) < EXAMPLES and value not in found:
        found.append(value)


def _short(value: str) -> str:
    return value.strip()[:EXAMPLE_CHARS]


def _entry_marker(el, tag: str, shown: str | None = None) -> str | None:
    """How this element offers an accessibility or elder-mode entry ('text:长者模式', 'script:…',
    'control:toolbarSwitch'), or None. `shown`: the element's text, when it was read already."""
    if tag == "script":
        src = el.get("src") or ""
        return f"script:{_short(src)}" if src and ENTRY_SCRIPTS.search(src) else None
    if tag not in ("a", "button", "span", "li", "div", "img"):
        return None
    if ENTRY_IDS.match(el.get("id") or ""):
        return f"control:{el.get('id')}"
    if ENTRY_ONCLICK.search(el.get("onclick") or ""):
        return f"control:{_short(el.get('onclick'))}"
    if tag in ("a", "button"):
        words = (_shown(el) if shown is None else shown) or (el.get("title") or "").strip() or \
            next(((img.get("alt") or "").strip() for img in el.iter("img") if img.get("alt")), "")
        if words and len(words) <= ENTRY_TEXT_CHARS and any(w in words for w in ENTRY_WORDS) \
                and not any(w in words for w in NOT_ENTRY_WORDS):
            return f"text:{words}"
    return None
