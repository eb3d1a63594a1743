"""Privacy rule: no unmasked personal data in published pages."""
from __future__ import annotations

import re

from ..context import Context
from ..pii import LONG_DIGITS, find_personal_data
from ..registry import rule

KIND_CN = {"id": "身份证号码", "mobile": "手机号码", "bank_card": "银行卡号"}


@rule("privacy.leak", name="泄露个人信息", scope="page")
def privacy_leak(ctx: Context) -> list:
    """泄露个人信息：公开内容中含未做隐藏处理的身份证号码（GB 11643校验）、手机号码或银行卡号。"""
    crawl = ctx.crawl
    # Most pages hold no long digit run at all; only those that do are read closely.
    long_digits = re.compile(LONG_DIGITS)
    hits = {row: find_personal_data(text, ctx.as_of) for row, text in crawl.texts() if long_digits.search(text)}
    candidates = crawl.pages.loc[list(hits)].sort_values(["depth", "url"])
    titles = dict(crawl.titles(hits))
    seen: dict[tuple[str, str], dict] = {}
    for row, url in zip(candidates.index.tolist(), candidates["url"].tolist()):
        title = titles[row]
        for hit in hits[row]:
            entry = seen.setdefault((hit.kind, hit.masked), {"url": url, "title": title, "pages": []})
            if url not in entry["pages"]:
                entry["pages"].append(url)
    out = []
    for (kind, masked), entry in seen.items():
        pages = entry["pages"]
        also = f"，另有 {len(pages) - 1} 个页面含同一号码" if len(pages) > 1 else ""
        out.append(ctx.finding("privacy.leak", category=ctx.category_of(entry["url"]), url=entry["url"],
                               title=entry["title"],
                               evidence=f"页面公开了未隐藏的{KIND_CN[kind]} {masked}{also}，应删除或做隐藏处理。",
                               key=f"{kind}:{masked}", details={"kind": kind, "masked": masked, "pages": pages[:20]}))
    return out
