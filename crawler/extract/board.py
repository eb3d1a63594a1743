"""Messages on a message board (政务咨询, 领导信箱, 网上留言 …): when each was left, whether and when
it was answered. The crawler records what the page shows; `interaction.unanswered`
(checks/rules/interaction.py) decides which boards count and how late is too late.

Boards come in two shapes, and a page may be read as either:

- a list of messages, one row each (`page_messages`): a table row, a `<ul>` whose `<li>`s are
  the cells of a row (Lonsun 留言板), or an `<li>` / `<dl>` / `<div>` with its parts in
  `<span>`s. A row is a message's when it shows a status word (STATUS_WORDS: 已回复 / 未回复 /
  办理中 …) as a cell of its own, or when a header row above it names a 留言时间 column
  (ASKED_LABELS) and a 回复时间 or 状态 column. The header says which date is which; without one,
  a row's first date is its 留言时间 and a second one its 回复时间.
- one message's own page (`page_message`): labelled 留言时间 / 来信时间 … (ASKED_LABELS), 回复时间 /
  答复时间 … (ANSWERED_LABELS), 回复单位 / 答复单位 … (REPLIER_LABELS), a reply text after 回复内容 /
  答复意见 … (REPLY_TEXT_LABELS), and perhaps a labelled status.

A new site's wording is a new entry in these tables, not a new branch. Dates are ISO days (the
time of day is dropped). A message's state is 'answered', 'open', or None when the page does not
say (a row with neither a status word nor a reply column): such a message is not judged.
"""
from __future__ import annotations

import re

from crawler.extract.dates import FOLDS_TO_IDEOGRAPH, date_spans, nfkc
from crawler.extract.links import absolute_url
from crawler.extract.normalize import collapse, simplified
from crawler.extract.urls import canonical_url

# The day a message was left, as boards label it (headers of a list's columns, labels on its page).
ASKED_LABELS = ("留言时间", "留言日期", "来信时间", "来信日期", "提问时间", "提问日期", "咨询时间", "咨询日期",
                "写信时间", "写信日期", "发信时间", "提交时间", "提交日期", "诉求时间", "反映时间", "投诉时间",
                "建议时间", "发布时间", "时间", "日期")
# The day it was answered.
ANSWERED_LABELS = ("回复时间", "回复日期", "答复时间", "答复日期", "办结时间", "办结日期", "反馈时间", "反馈日期",
                   "处理时间", "回复于", "答复于")
# Who answered.
REPLIER_LABELS = ("回复单位", "答复单位", "办理单位", "回复部门", "答复部门", "办理部门", "回复机构", "答复机关",
                  "处理单位", "承办单位")
# What stands before the reply's text on a message's page.
REPLY_TEXT_LABELS = ("回复内容", "答复内容", "答复意见", "回复意见", "办理结果", "处理结果", "办理情况", "答复情况",
                     "回复情况", "处理意见", "回复")
# A column of a list that holds the status word.
STATUS_LABELS = ("办理状态", "回复状态", "处理状态", "状态", "是否回复", "是否答复", "办理情况", "答复状态")
# Status words (compared without brackets and spaces, simplified), by the state they say.
STATUS_WORDS = {
    "answered": ("已回复", "已答复", "已办结", "已处理", "已反馈", "办结", "已回", "已解决", "已完成"),
    "open": ("未回复", "未答复", "办理中", "处理中", "待回复", "待答复", "受理中", "未办结", "待处理", "暂未回复",
             "尚未回复", "正在办理", "转办中", "已受理", "待受理", "未处理"),
}
# Cheap tests before a text is normalised and looked up: the characters every status word, and every
# label, holds one of (traditional forms too).
_MAY_STATUS = re.compile(r"[回答办辦处處受结結馈饋决決成理]")
_MAY_LABEL = re.compile(r"[时時日期态態否况況于於]")
_STATE_OF = {word: state for state, words in STATUS_WORDS.items() for word in words}
ROW_TAGS = ("tr", "ul", "li", "dl", "div", "p")
LIST_ROW_TAGS = ("tr", "ul", "li", "dl")  # rows by their tag; a <div> or <p> only among siblings alike
CELL_TAGS = {"tr": ("td", "th"), "ul": ("li",), "li": None, "dl": ("dt", "dd"), "div": None, "p": None}
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "select", "option"})
MAX_CELL = 24  # characters of a header cell or a status cell
MAX_CELLS = 12  # cells of a header row
MAX_CLIMB = 4  # from a status word up to its row
HEADER_TAGS = ("tr", "ul", "dl", "div")
MAX_ROW = 400  # characters of a row: longer is a text, not a list row
LABEL_GAP = 3  # characters allowed between a label's colon and its value's date
_WRAP = "[]【】（）()<>《》 \u3000:：·•"
_LABEL_END = r"\s*[:：]?\s*"


def _norm(text: str) -> str:
    return simplified(collapse(text)).replace(" ", "").replace("\u3000", "")


def state_word(text: str) -> str | None:
    """'answered' / 'open' when the text is a status word, bracketed or not; else None."""
    if not _MAY_STATUS.search(text):
        return None
    return _STATE_OF.get(_norm(text).strip(_WRAP))


def _label(text: str, labels: tuple[str, ...]) -> str | None:
    if not _MAY_LABEL.search(text):
        return None
    key = _norm(text).rstrip(":：")
    return key if key in labels else None


def _iso_day(text: str):
    found = date_spans(nfkc(text))
    return found[0][2].isoformat() if found else None


# -- lists of messages ------------------------------------------------------------------------------

def page_messages(tree, base_url: str) -> list[dict] | None:
    """The messages a list page shows, one dict a row in page order: url (the message's page,
    absolute, or None), title, asked and answered (ISO days or None), state ('answered', 'open' or
    None). None when the page shows no message row."""
    rows: list[dict] = []
    seen: set = set()
    for header, columns in _headers(tree):
        for row in _rows_after(header):
            message = _row_message(row, base_url, columns)
            if message is not None:
                rows.append(message)
                seen.add(row)
    for row in _status_rows(tree):
        if row in seen or any(a in seen for a in row.iterancestors()):
            continue
        message = _row_message(row, base_url, None)
        if message is not None:
            rows.append(message)
            seen.add(row)
    return rows or None


def _cells(row) -> list:
    tags = CELL_TAGS.get(row.tag)
    if tags:
        return [c for c in row if isinstance(c.tag, str) and c.tag in tags]
    return [c for c in row if isinstance(c.tag, str) and c.tag not in SKIP_TAGS]


def _headers(tree):
    """(header row, {'asked'|'answered'|'status': cell index}) for each row whose cells name a
    留言时间 column and a 回复时间 or 状态 column. Found from the label's own text, climbing to its row."""
    done = set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or not el.text or len(el.text) > MAX_CELL * 2:
            continue
        if not _label(el.text, ASKED_LABELS):
            continue
        row = next((a for a in _climb(el, 3) if a.tag in HEADER_TAGS), None)
        if row is None or row in done:
            continue
        done.add(row)
        cells = _cells(row)
        if not 2 <= len(cells) <= MAX_CELLS:
            continue
        columns = {}
        for i, cell in enumerate(cells):
            text = collapse(cell.xpath("string()"))
            for name, labels in (("asked", ASKED_LABELS), ("answered", ANSWERED_LABELS), ("status", STATUS_LABELS)):
                if name not in columns and len(text) <= MAX_CELL and _label(text, labels):
                    columns[name] = i
                    break
        if "asked" in columns and ("answered" in columns or "status" in columns):
            yield row, columns


def _climb(el, levels: int):
    """`el`'s parent and the ones above it, `levels` at most."""
    for _ in range(levels):
        el = el.getparent()
        if el is None:
            return
        yield el


def _rows_after(header):
    """The header's following siblings of its own tag (a <thead>'s row: the <tbody>'s rows)."""
    sibling = header.getnext()
    if sibling is None and header.getparent() is not None and header.getparent().tag == "thead":
        body = header.getparent().getnext()
        sibling = body[0] if body is not None and len(body) else None
    while sibling is not None:
        if sibling.tag == header.tag:
            yield sibling
        sibling = sibling.getnext()


def _status_rows(tree):
    """Rows (ROW_TAGS) that show a status word on its own (a cell, a <span>, a bracketed word) and
    link to something: for each such word, the nearest row around it, in page order."""
    rows = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        holders = []
        if el.text and len(el.text) <= MAX_CELL * 2 and state_word(el.text):
            holders.append(el)
        if el.tail and len(el.tail) <= MAX_CELL * 2 and state_word(el.tail) and el.getparent() is not None:
            holders.append(el.getparent())
        for holder in holders:
            for row in (holder, *_climb(holder, MAX_CLIMB)):
                if row.tag in ROW_TAGS and row.xpath(".//a[@href]"):
                    # a <div> or <p> is a row only among siblings alike (a list), not the box of a page
                    listed = row.tag in LIST_ROW_TAGS or _alike_siblings(row)
                    if listed and len(collapse(row.xpath("string()"))) <= MAX_ROW and row not in rows:
                        rows.append(row)
                    break
    return rows


def _alike_siblings(row) -> bool:
    parent = row.getparent()
    return parent is not None and sum(1 for c in parent if c.tag == row.tag and c.get("class") == row.get("class")) >= 2


def _row_message(row, base_url: str, columns: dict | None) -> dict | None:
    text = collapse(" ".join(row.itertext()))  # cells apart: two dates in adjacent <span>s are two
    if not text or len(text) > MAX_ROW:
        return None
    link = _main_link(row, base_url)
    cells = _cells(row)
    asked = answered = state = None
    if columns is not None:
        def cell(name):
            i = columns.get(name)
            return collapse(cells[i].xpath("string()")) if i is not None and i < len(cells) else None

        asked = _iso_day(cell("asked") or "")
        if "answered" in columns:
            reply = cell("answered")
            answered = _iso_day(reply or "")
            if reply is not None and answered is None and not reply.strip(" -—/"):
                state = "open"  # a 回复时间 column left blank: not answered
        if "status" in columns:
            state = state_word(cell("status") or "") or state
        if answered and state is None:
            state = "answered"
        if asked is None:
            return None
    else:
        days = [d.isoformat() for _, _, d in date_spans(nfkc(text))]
        asked = days[0] if days else None
        answered = days[1] if len(days) > 1 else None
        if answered and asked and answered < asked:
            asked, answered = answered, asked
        state = next((s for s in map(state_word, _leaf_texts(row)) if s), None)
        if state == "open":
            answered = None
    return {"url": link[0] if link else None, "title": link[1] if link else "", "asked": asked,
            "answered": answered, "state": state}


def _leaf_texts(row):
    for el in row.iter():
        if isinstance(el.tag, str) and el.tag not in SKIP_TAGS:
            if el.text:
                yield el.text
            if el is not row and el.tail:
                yield el.tail


def _main_link(row, base_url: str) -> tuple[str, str] | None:
    best = None
    for a in row.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
            continue
        url = absolute_url(href, base_url)
        title = collapse(a.get("title") or "") or collapse(a.xpath("string()"))
        if url and title and (best is None or len(title) > len(best[1])):
            best = (canonical_url(url), title)
    return best


# -- one message's page -----------------------------------------------------------------------------

def _labelled(labels: tuple[str, ...]) -> re.Pattern:
    names = "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
    # Not inside a longer word: 预答复时间 (an automatic pre-answer) is no 答复时间.
    return re.compile(rf"(?<![\u4e00-\u9fff])(?:{names}){_LABEL_END}")


_ASKED = _labelled(tuple(label for label in ASKED_LABELS if label not in ("时间", "日期", "发布时间")))
_ANSWERED = _labelled(ANSWERED_LABELS)
_REPLIER = _labelled(REPLIER_LABELS)
# A reply text's label stands before a colon or ends its line ("回复单位" is no 回复).
_REPLY_TEXT = re.compile(_labelled(REPLY_TEXT_LABELS).pattern.removesuffix(_LABEL_END) + r"\s*(?:[:：]|\n)")
_STATUS = _labelled(STATUS_LABELS)
_VALUE = re.compile(r"[^\s:：|｜]{2,40}")
MIN_REPLY_CHARS = 6  # a reply text shorter than this is a placeholder (无, 暂无)
_ANY_LABEL = _labelled(ASKED_LABELS + ANSWERED_LABELS + REPLIER_LABELS + REPLY_TEXT_LABELS + STATUS_LABELS)


def page_message(text: str) -> dict | None:
    """One message's facts from its page's visible text (PageRecord.text: lines, cells spaced):
    asked, answered (ISO days or None), replier (the answering office's name or None), replied
    (a reply text is there) and state ('answered', 'open' or None). None when the page labels no
    留言时间 with a date (it is no message's page)."""
    if not _ASKED.search(text) and not FOLDS_TO_IDEOGRAPH.search(text):
        return None  # most pages: normalising their whole text only to find no label cost more than all the rest
    text = nfkc(text)
    asked = _date_after(_ASKED, text)
    if asked is None:
        return None
    answered = _date_after(_ANSWERED, text)
    replier = None
    for m in _REPLIER.finditer(text):
        value = _VALUE.match(text, m.end())
        if value and not _ANY_LABEL.match(value.group()):
            replier = value.group()
            break
    replied = any(len(_reply_text(text, m.end())) >= MIN_REPLY_CHARS for m in _REPLY_TEXT.finditer(text))
    state = None
    for m in _STATUS.finditer(text):
        value = _VALUE.match(text, m.end())
        state = state_word(value.group()) if value else None
        if state:
            break
    if answered or replied:
        state = "answered"
    return {"asked": asked, "answered": answered, "replier": replier, "replied": replied, "state": state}


def _date_after(pattern: re.Pattern, text: str) -> str | None:
    for m in pattern.finditer(text):
        found = date_spans(text[m.end():m.end() + 40])
        if found and found[0][0] <= LABEL_GAP:
            return found[0][2].isoformat()
    return None


def _reply_text(text: str, start: int) -> str:
    """The text after a reply label up to the next label or the end of its line's paragraph."""
    rest = text[start:start + 200]
    nxt = _ANY_LABEL.search(rest)
    rest = rest[:nxt.start()] if nxt else rest
    rest = rest.strip()
    return "" if state_word(rest) or rest in ("无", "暂无", "暂无回复", "-") else rest
