"""The site search a page offers: the form a visitor types a search into, as the page has it.

Recorded so that `site.search_missing` (checks/rules/search.py) can judge it, and so that the
crawl can try it once (crawler.spidermiddlewares.searchprobe): a GET form is submitted with the
title of a home-page item, never a POST. A search box that only a script submits (an input
outside any form, a form that a script sends) is recorded as such: the crawl cannot try it.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

# A search input by its name, id, class, placeholder or title; a form by its action or id.
SEARCH_WORDS = re.compile(r"search|sousuo|query|keyword|searchword|jsearch|jrobot|检索|搜索|关键字|关键词|^q$|^kw$|^wd$",
                          re.IGNORECASE)
SEARCH_LABEL = re.compile(r"搜\s*索|检\s*索")
# Anywhere in the markup (a script's string, a class name): the page may draw a search box itself.
SEARCH_MENTION = re.compile(r"search|sousuo|搜索|检索", re.IGNORECASE)
TEXT_INPUT_TYPES = frozenset({"", "text", "search"})
# A form whose submission is a script's: an action that is no address, or an onsubmit that always
# stops it. (No action at all, or action="", submits to the page itself: a real GET.)
SCRIPT_ACTIONS = re.compile(r"^\s*(?:javascript:|#\s*$)", re.IGNORECASE)
STOPPED_SUBMIT = re.compile(r"return\s+false", re.IGNORECASE)


NO_BOX = {"method": "none", "action": "", "field": "", "form": -1}


def search_box(root, url: str, html: str) -> dict:
    """The page's search box: {'method': 'get'|'post'|'script', 'action': absolute URL ('' for
    a script's), 'field': the text input's name, 'form': the form's index among the page's
    forms (-1: no form)}; method 'mentioned' when no box is found but the markup speaks of a
    search somewhere (a box a script draws, a search page's link); method 'none' when nothing does."""
    found = search_form(root, url)
    if found is None and _control_says_search(root):
        found = {**NO_BOX, "method": "script"}
    if found is None and SEARCH_MENTION.search(html):
        found = {**NO_BOX, "method": "mentioned"}
    return found or dict(NO_BOX)


def search_form(root, url: str) -> dict | None:
    """The page's search form or search input, as search_box() gives it; None without one."""
    forms = root.xpath("//form")
    for index, form in enumerate(forms):
        if form.xpath(".//input[translate(@type,'PASSWORD','password')='password']"):
            continue  # a login form
        field = next((i for i in _text_inputs(form) if _says_search(i)), None)
        if field is None and not _says_search(form):
            continue
        field = field if field is not None else next(iter(_text_inputs(form)), None)
        if field is None or not field.get("name"):
            continue
        action = form.get("action") or ""
        scripted = bool(SCRIPT_ACTIONS.match(action)) or bool(STOPPED_SUBMIT.search(form.get("onsubmit") or ""))
        method = "script" if scripted else (form.get("method") or "get").strip().lower()
        return {"method": method if method in ("get", "post", "script") else "get",
                "action": "" if scripted else _absolute(url, action.strip()), "field": field.get("name"),
                "form": index}
    loose = [i for i in root.xpath("//input[not(ancestor::form)]") if _is_text(i) and _says_search(i)]
    if loose:
        return {"method": "script", "action": "", "field": loose[0].get("name") or loose[0].get("id") or "",
                "form": -1}
    return None


def _control_says_search(root) -> bool:
    """A link, button or image that says 搜索/检索 and runs a script (gotoSearch()) or leads to a
    search page: the site has a search the crawl cannot type into."""
    for node in root.xpath("//a | //button | //img | //span[@onclick] | //div[@onclick]"):
        words = " ".join((node.get("title") or "", node.get("alt") or "", "".join(node.itertext())[:20]))
        if SEARCH_LABEL.search(words) or SEARCH_WORDS.search(node.get("href") or "") \
                or SEARCH_WORDS.search(node.get("onclick") or ""):
            return True
    return False


def _text_inputs(form) -> list:
    return [i for i in form.xpath(".//input") if _is_text(i)]


def _is_text(node) -> bool:
    return (node.get("type") or "").strip().lower() in TEXT_INPUT_TYPES


def _says_search(node) -> bool:
    words = " ".join(node.get(a) or "" for a in ("name", "id", "class", "placeholder", "title", "action", "value"))
    return any(SEARCH_WORDS.search(w) for w in words.split()) if words.strip() else False


def _absolute(url: str, action: str) -> str:
    try:
        return urljoin(url, action)
    except ValueError:  # an address urllib cannot read ("http://[x/…"): recorded as written
        return action
