"""Privacy rule: no unmasked personal data in published pages, nor in the attachments they link."""
from __future__ import annotations

import re

from ..context import Context
from ..pii import LONG_DIGITS, find_personal_data
from ..registry import rule

KIND_CN = {"id": "身份证号码", "mobile": "手机号码", "bank_card": "银行卡号"}
# Why an attachment's words could not be read (PageRecord.attachment['why'], crawler.extract.attachments).
UNREAD_CN = {
    "too large": "文件过大，超过下载上限",
    "scanned": "扫描件，无文字层",
    "encrypted": "文件已加密",
    "broken": "文件损坏或无法解析",
    "no reader": "旧版 Word 文件，本机未安装 antiword",
    "unknown format": "文件格式无法识别",
}
EXAMPLES = 3  # attachment addresses named in a notice


@rule("privacy.leak", name="泄露个人信息", scope="page")
def privacy_leak(ctx: Context) -> list:
    """泄露个人信息：公开内容（网页及其链接的 PDF、Word、Excel 附件）中含未做隐藏处理的身份证号码（GB 11643校验）、手机号码或银行卡号。"""
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
    return out + _attachment_leaks(ctx, long_digits)


def _attachment_leaks(ctx: Context, long_digits: re.Pattern) -> list:
    """The same numbers in the words of the attachments the crawl read; a finding names the attachment
    and the page that links it (whose office publishes it). What could not be read is a notice."""
    crawl = ctx.crawl
    files = crawl.attachments
    _never_read(ctx)
    if files.empty:
        return []
    read = files[files["read"].astype(bool)]
    hits = {row: find_personal_data(text, ctx.as_of) for row, text in crawl.texts(read.index.tolist())
            if long_digits.search(text)}
    hits = {row: found for row, found in hits.items() if found}
    unread = files[~files["read"].astype(bool)]
    cut = read[read["cut"].fillna(False).astype(bool)]
    linking = linking_pages(ctx, set(files.loc[list(hits)]["url"]) | set(unread["url"]) | set(cut["url"]))
    seen: dict[tuple[str, str], dict] = {}
    for row in sorted(hits, key=lambda r: files.at[r, "url"]):
        url = files.at[row, "url"]
        for hit in hits[row]:
            entry = seen.setdefault((hit.kind, hit.masked), {"url": url, "files": []})
            if url not in entry["files"]:
                entry["files"].append(url)
    out = []
    for (kind, masked), entry in seen.items():
        url, others = entry["url"], entry["files"][1:]
        page, label = linking.get(url, (None, ""))
        page_title = crawl.page(page)["title"] if page and crawl.row(page) is not None else ""
        where = f"（链接该附件的页面：{page_title or page}）" if page else ""
        also = f"，另有 {len(others)} 个附件含同一号码" if others else ""
        out.append(ctx.finding(
            "privacy.leak", category=ctx.category_of(page) if page else None, url=url,
            title=label or url.rsplit("/", 1)[-1],
            evidence=f"附件公开了未隐藏的{KIND_CN[kind]} {masked}{where}{also}，应删除或做隐藏处理。",
            key=f"attachment:{kind}:{masked}",
            details={"kind": kind, "masked": masked, "attachment": True, "linked_from": page,
                     "pages": entry["files"][:20]}))
    _could_not_read(ctx, unread, cut, linking)
    return out


# Internal files that hold words (crawler.extract.attachments reads these kinds), by their address's extension.
READABLE_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "wps", "et")
_READABLE = re.compile(r"\.(?:" + "|".join(READABLE_EXTENSIONS) + r")$", re.I)


def _never_read(ctx: Context) -> None:
    """One notice for the internal files of those kinds that answered but were only checked, never read (reading
    off: NETCHECK_ATTACHMENT_MAX_BYTES=0, or a crawl made before netcheck read attachments): their personal data
    was not looked at, which is no pass."""
    p = ctx.crawl.pages
    if "attachment" not in p:
        return
    checked = p[(p["status"] == 200) & ~p["is_html"].astype(bool) & p["attachment"].isna()]
    urls = sorted(u for u in checked["url"].tolist()
                  if ctx.same_site(u) and _READABLE.search(u.split("?", 1)[0].split("#", 1)[0]))
    if urls:
        ctx.could_not_verify(f"附件只检查了能否访问，未读取其内容（{len(urls)} 个，如 {'、'.join(urls[:EXAMPLES])}），"
                             "其中的个人信息未核查。")


def _could_not_read(ctx: Context, unread, cut, linking: dict) -> None:
    """One notice (未核实) for the attachments whose words were not (all) read, by reason, with examples."""
    parts = []
    for why, group in unread.groupby(unread["why"].fillna("unknown format"), sort=True):
        urls = sorted(group["url"].tolist())
        parts.append(f"{UNREAD_CN.get(why, why)} {len(urls)} 个（{'、'.join(urls[:EXAMPLES])}"
                     f"{' 等' if len(urls) > EXAMPLES else ''}）")
    if len(cut):
        urls = sorted(cut["url"].tolist())
        parts.append(f"文字过长，只核查了前面部分 {len(urls)} 个（{'、'.join(urls[:EXAMPLES])}"
                     f"{' 等' if len(urls) > EXAMPLES else ''}）")
    if parts:
        ctx.could_not_verify(f"无法读取附件，其中的个人信息未核查：{'；'.join(parts)}。")


def linking_pages(ctx: Context, urls: set[str]) -> dict[str, tuple[str, str]]:
    """attachment URL → (the first page that links it, in crawl order, and that link's words)."""
    found: dict[str, tuple[str, str]] = {}
    links = ctx.crawl.links_to(urls)
    for page_url, url, text in zip(links["page_url"].tolist(), links["url"].tolist(), links["text"].tolist()):
        found.setdefault(url, (page_url, text))
    return found
