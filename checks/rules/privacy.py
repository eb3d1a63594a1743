"""Privacy rule: no unmasked personal data in published pages."""
from __future__ import annotations

from ..context import Context
from ..pii import find_personal_data
from ..registry import rule

KIND_CN = {"id": "身份证号码", "mobile": "手机号码", "bank_card": "银行卡号"}


@rule("privacy.leak")
def privacy_leak(ctx: Context) -> list:
    """泄露个人信息：公开内容中含未做隐藏处理的身份证号码（GB 11643校验）、手机号码或银行卡号。"""
    seen: dict[tuple[str, str], dict] = {}
    order = []
    for page in ctx.crawl.html.sort_values(["depth", "url"]).itertuples():
        for hit in find_personal_data(page.text, ctx.as_of):
            key = (hit.kind, hit.masked)
            if key not in seen:
                seen[key] = {"page": page, "pages": []}
                order.append(key)
            if page.url not in seen[key]["pages"]:
                seen[key]["pages"].append(page.url)
    out = []
    for kind, masked in order:
        page, pages = seen[(kind, masked)]["page"], seen[(kind, masked)]["pages"]
        also = f"，另有 {len(pages) - 1} 个页面含同一号码" if len(pages) > 1 else ""
        out.append(ctx.finding("privacy.leak", category=ctx.category_of(page.url), url=page.url, title=page.title,
                               evidence=f"页面公开了未隐藏的{KIND_CN[kind]} {masked}{also}，应删除或做隐藏处理。",
                               key=f"{kind}:{masked}", details={"kind": kind, "masked": masked, "pages": pages[:20]}))
    return out
