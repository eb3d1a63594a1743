"""What the crawl records. These dataclasses are the on-disk schema of `pages.jsonl`.

The crawler records facts and never judges: whether a page is a soft-404, late,
or leaks personal data is decided later in `checks/`, from these records alone,
so that a saved crawl can be re-judged with another catalog or date.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Link:
    """One `<a href>` (or `<img src>`, `<iframe src>`) found on a page, or a further page of its list."""

    url: str  # absolute, canonical (crawler.extract.urls: no fragment, no session id, query sorted)
    text: str  # anchor text, whitespace-collapsed ('' for images and pagination)
    kind: str  # 'internal' | 'external' | 'attachment' (internal file: .pdf .doc …) | 'other' (mailto:, javascript:)
    # Added by the crawler: the element the link came from, 'a' | 'img' | 'iframe'
    # (a broken <img> is 图片失效, a broken <a> is 链接失效 in the inspection terms),
    # or 'pagination': a further page of this list that the page builds in script
    # (TRS createPageHTML, Hanweb datastore, 共N页) instead of printing an <a>; recorded
    # so that a re-run or a resumed crawl sees the same frontier (crawler.extract.pagination).
    tag: str = "a"


@dataclass
class Entry:
    """One entry of a column list (or of the home page's "latest" list)."""

    title: str
    url: str  # absolute
    date: str | None  # ISO date shown beside the entry, or None when the list gives none


@dataclass
class PageRecord:
    """One fetched URL: an HTML page, an attachment, or a fetch that failed."""

    url: str  # the URL as requested, before redirects
    final_url: str | None = None  # where redirects ended (None when the fetch failed)
    redirects: list[str] = field(default_factory=list)  # the chain of URLs before final_url
    method: str = "GET"  # 'GET' for pages, 'HEAD' for attachments checked without download
    status: int | None = None  # HTTP status, or None when no answer came
    # Why no (whole) answer: 'timeout' 'refused' 'dns' 'reset' 'tls' 'bad response' 'decoding' 'robots'
    # 'too many redirects' 'too large' 'other: …' (crawler.fetch_errors). Only 'too large' comes
    # with a status: the server answered, the body was cut off at DOWNLOAD_MAXSIZE and not parsed.
    error: str | None = None
    content_type: str | None = None  # media type without parameters
    elapsed: float | None = None  # seconds from request to response
    depth: int = 0  # link distance from the start URL
    referer: str | None = None  # the first page that linked here
    fetched_at: str | None = None  # ISO timestamp (UTC)
    # Parsed as a page: HTML, or a list document (Hanweb dataproxy XML; a JSON list a scripted page
    # draws from, read as page_type 'list' with its entries and nothing else); fields below empty otherwise.
    is_html: bool = False
    title: str = ""  # <title>, or the article heading when the title is the site name
    meta: dict[str, str] = field(default_factory=dict)  # national page-design tags: SiteName, ColumnName, ColumnType, ArticleTitle, PubDate …
    breadcrumb: list[str] = field(default_factory=list)  # 当前位置 trail, e.g. ['首页', '政务公开', '行政处罚']
    column: str | None = None  # the column this page belongs to: ColumnName tag, else the deepest breadcrumb name
    # 信息公开 table, canonical label → value (see crawler.extract.metadata.LABELS); {} when the page has
    # none. A label whose cell is blank (empty, whitespace, &nbsp;) is kept with the value '': "table
    # present, 发布日期 left blank" (metadata['发布日期'] == '') is not "no table" (no key). '无' or '-' is a value.
    metadata: dict[str, str] = field(default_factory=dict)
    published: str | None = None  # 发布日期 as ISO date: table, 发布时间 line, PubDate tag, URL date — in that order
    # Which of those gave `published`: 'table' (metadata['发布日期']: the 信息公开 table's cell, or a
    # labelled 发布时间 in a line of label：value pairs such as "来源：… 发布时间：…"), 'text' (a "日期：…"
    # line near the top that is no such pair, or the one date of the line naming the source or author),
    # 'meta' (the PubDate tag, www.gov.cn's firstpublishedtime), 'url' (a date the CMS wrote into the URL,
    # often the day the file was made); None when `published` is None (crawler.extract.page.PUBLISHED_SOURCES).
    published_source: str | None = None
    formed: str | None = None  # 成文日期 / decision date / signing date at the end of the text, ISO
    # Which gave `formed`: 'table' (a 成文日期 or 决定日期 cell of the 信息公开 table), 'text' (a date on a
    # line of its own among the last lines of the body, the signature, unless it is a data table's cell;
    # else an adoption note under the title, "（2007年6月29日…会议通过）"); None when `formed` is None.
    formed_source: str | None = None
    page_type: str = "other"  # 'list' (a column list), 'article' (a dated item), 'other'
    entries: list[Entry] = field(default_factory=list)  # list entries with their dates (list pages and the home page)
    # How many of the entries show a month and day ("03-07") whose year nothing settles (no year in their URL
    # or month folder, no full date on the page): their date is unknown, which is not a list without dates.
    yearless_dates: int = 0
    # The page is a list that shows no entries and says it is empty (暂无信息, 没有相关记录, 栏目建设中 …;
    # crawler.extract.notices.EMPTY_NOTICE). Only ever True with page_type 'list' and no entries. A page
    # whose own words are nothing but such a notice is that list even when its template carries an
    # ArticleTitle tag or a date.
    empty_notice: bool = False
    # The page's list is built by a script in the browser, so the crawl could not see its entries: it
    # shows none, and either an empty list container (or a results table with only its header) stands
    # beside an inline data request (XMLHttpRequest, fetch, $.ajax/$.get/$.getJSON, axios) or a pager
    # fed a nonzero record count (recordCount, totalRecord …), or it is a front-end framework's root
    # (<div id="app">, ng-app, v-cloak …) with next to no text (crawler.extract.scripted). Never True
    # on an article or a page whose entries were read (Hanweb datastore, TRS pagers are read). The
    # checks say "could not verify" for its column instead of judging it empty or stale.
    scripted: bool = False
    # For a `scripted` page: absolute URLs of the JSON/XML data endpoints its scripts name literally
    # (gkmlpt's /gkmlpt/api/all/…, fetch('/xxgk/list.json')), in script order. [] otherwise. The
    # same-site ones are also among `links` with tag 'pagination': fetched with GET as further pages
    # of the list, a JSON answer is read into entries (crawler.extract.jsonlist).
    data_urls: list[str] = field(default_factory=list)
    # The page as a headless browser drew it, not as the server sent it (crawler.render): a `scripted`
    # page whose data could not be read by GET is fetched again once in the browser, and the rendered
    # record, with the same `url`, comes after the first one in pages.jsonl and replaces it (the stored
    # crawl keeps a URL's last record). Its fields are read from the drawn DOM like any page's: `scripted`
    # is False once the list shows its entries, still True when even the browser drew none. False for
    # every page read as sent, and for a scripted page that was not rendered (rendering off, its budget
    # spent, no browser): its column then "could not verify".
    rendered: bool = False
    links: list[Link] = field(default_factory=list)
    text: str = ""  # the page's visible main text, whitespace-collapsed (for content checks)
    # For a further page of a column list reached through a 'pagination' link (TRS
    # index_k.html, a Hanweb dataproxy group): the URL of the column page it continues.
    # Such pages often carry no breadcrumb or ColumnName of their own (a dataproxy answer
    # is bare XML), so their column and breadcrumb are the column page's, and their
    # entries count for that column. None for every other page.
    list_of: str | None = None
    # The home page only, on https: why its certificate fails verification against the system's
    # trust store ('self-signed certificate', 'certificate has expired' …; crawler.tls). None when
    # it passes, on http, or when the check was turned off (`netcheck audit --allow-invalid-tls`).
    certificate_error: str | None = None
    # An HTML page's identity items (crawler.extract.identity), item → value, each only when shown:
    # site_code (网站标识码), icp (ICP备案编号), police (公安机关备案号), sponsor (主办单位) from the
    # footer's words or its images' alt text; conac (the 党政机关网站标识's URL on conac.cn);
    # error_entry (the 我为政府网站找错 script's URL) and error_sitecode (the sitecode it is given);
    # meta_site_code (the SiteIDCode tag); footer_frame (the page an <iframe> footer is drawn from).
    # {} on an HTML page that shows none; None on a record that is no HTML page (a failed fetch, an
    # attachment, a JSON or XML list), whose footer was not there to read.
    identity: dict[str, str] | None = None
    # A 办事指南 page's labelled key elements (crawler.extract.guide), by their standard names in
    # ELEMENTS' order: 事项名称, 设定依据, 申请条件, 办理材料, 办理地点, 办理时间, 联系电话, 办理流程,
    # 办理时限, 收费标准, each when a label for it (or a variant: 受理条件, 申报条件, 所需材料, 咨询电话 …)
    # stands on the page. [] on a page named a guide that labels none (its text an image or an
    # attachment); None on a page that is no guide, and on records that are no HTML page.
    guide: list[str] | None = None
    # The page's site search (crawler.extract.search): {'method': 'get'|'post'|'script', 'action': the
    # form's absolute URL ('' for a script's), 'field': its text input's name, 'form': the form's index
    # (-1: an input outside any form)}; method 'mentioned' when no box is found but the markup speaks of a
    # search (a box a script draws), 'none' when nothing on the page does. None on records that are no HTML
    # page (and in crawls made before it was recorded).
    search: dict | None = None
    # On the answer to the one search the crawl makes (crawler.spidermiddlewares.searchprobe: the home
    # page's GET search form, sent the title of one of its dated items): {'query': the words sent,
    # 'expects': the item's URL, 'title': its title}. None on every other record.
    search_probe: dict | None = None
    # On a 政府信息公开工作年度报告 page (its title says 信息公开 and 年度报告/年报: crawler.extract.tables),
    # the report's statistics tables: each innermost <table> of the page, normalised to tr/td with their
    # rowspan/colspan and each cell's words, for report.inconsistent to add up. [] on a report page
    # with no table (a free-form report, or one posted as an attachment); None on every other page.
    report_tables: list[str] | None = None
    # A list of messages (留言板, 领导信箱, 政务咨询 …; crawler.extract.board.page_messages), one dict a
    # row in page order: url (the message's own page, absolute, or None), title, asked (the 留言时间 /
    # 来信时间, ISO day), answered (the 回复时间 / 答复时间 the row shows, ISO day, or None) and state
    # ('answered' for 已回复 / 已答复 / 已办结 …, 'open' for 未回复 / 办理中 / 待回复 …, or a 回复时间
    # column left blank; None when the row says neither). A row is a message's when it shows a status
    # word or stands under a header naming a 留言时间 column. None on a page that shows no such row.
    messages: list[dict] | None = None
    # One message's own page (crawler.extract.board.page_message): asked (its labelled 留言时间 /
    # 来信时间 …, ISO day), answered (回复时间 / 答复时间 …, ISO day or None), replier (回复单位 / 答复单位
    # …, or None), replied (a reply text stands after 回复内容 / 答复意见 …) and state ('answered' when a
    # reply date or text is there, 'open' for a labelled 未回复 / 办理中 …, else None). None on a page
    # that labels no 留言时间 with a date, and on a list of messages.
    message: dict | None = None
    # An external link's target, fetched with `check_external` (crawler.extract.external): what it
    # shows, kept short for link.hijacked: {'title', 'description' (its keywords and description
    # tags), 'text' (the start of its visible text), 'hosts' (other hosts its scripts, frames, forms
    # and links point to), 'refresh' (a meta refresh's target, or '')}. None on every other record,
    # and on a target that answered no HTML.
    external: dict | None = None
    # An HTML page's accessibility facts as fetched (crawler.extract.a11y): counts and a few examples
    # per check (html lang, images without alt, unlabelled form fields, links without a name, frames
    # without a title, skipped heading levels, autoplaying media), the raw <title>, and the elder-mode
    # or accessibility entry it shows. None on records that are no HTML page.
    a11y: dict | None = None
    # An internal attachment downloaded to be read (PDF, DOC/DOCX, XLS/XLSX, WPS, ET up to
    # NETCHECK_ATTACHMENT_MAX_BYTES; crawler.extract.attachments): {'type': what its bytes are ('pdf' 'docx'
    # 'xlsx' 'xls' 'doc' 'rtf' 'markup', or None), 'read': True when its words were read into `text`
    # (masked like a page's, the first NETCHECK_ATTACHMENT_MAX_CHARS of them), 'why': why they could not
    # be ('too large' 'scanned' 'encrypted' 'broken' 'no reader' 'unknown format'; None when read),
    # 'chars': how many characters were read, 'cut': True when there were more than the record keeps}.
    # None on every other record (pages, files checked with HEAD,
    # an attachment that answered an error or an HTML page).
    attachment: dict | None = None
