"""Soft-404 pages: a 200 answer whose content says the page is gone.

Government CMSes answer a deleted article with a normal page saying so; link checkers that
read only the status miss every one of them. Patterns are data: add a CMS's wording here.
"""
from __future__ import annotations

import re

from .textnorm import to_simplified

# Matched against the page title: a title that says "not found" is decisive.
TITLE_PATTERNS = re.compile(
    r"页面不存在|页面未找到|找不到(该|此|您要访问的)?页面|页面已(被)?删除|信息不存在|文章不存在|内容不存在|"
    r"页面找不到|页面走丢|访问的页面不存在|^\s*404\b|\b404\s*(错误|页面|not found)|not\s*found|出错了|错误提示")
# Matched against the start of a short page's text: long pages that merely mention the words are articles.
TEXT_PATTERNS = re.compile(
    r"(您|你)(所)?(要)?访问的(页面|网页|信息|文章|内容)(不存在|已(被)?删除|已(被)?撤销|已过期|找不到)|"
    r"该(信息|文章|页面|网页|内容)(不存在|已(被)?删除)|(页面|网页|信息)已(被)?删除|"
    r"抱歉[，,！!]?.{0,12}(不存在|已(被)?删除|找不到)|HTTP\s*404|404\s*not\s*found|\b404\b.{0,10}(错误|页面)")
SHORT_TEXT_CHARS = 600


def is_soft_not_found(title: str, text: str) -> bool:
    # Not through to_simplified's cache: each page is checked once, and the cache would keep
    # tens of thousands of titles and texts alive for the rest of the judgement.
    simplified = to_simplified.__wrapped__
    title = simplified(title or "")
    if TITLE_PATTERNS.search(title.lower()) or TITLE_PATTERNS.search(title):
        return True
    text = simplified((text or "")[:SHORT_TEXT_CHARS * 2])
    return len(text) <= SHORT_TEXT_CHARS and bool(TEXT_PATTERNS.search(text))
