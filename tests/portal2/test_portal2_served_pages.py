"""The county portal is what its answer key says, checked without crawling: statuses and encodings
as served, every planted defect where the key puts it, and nothing else on the site that would
give the same finding. Working days are counted here with chinesecalendar directly.
"""
from __future__ import annotations

import http.client
import re
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

import chinese_calendar
import pytest
from county_items import BAD_CHECK_NUMBER, COLUMNS, ITEMS, LEAKED_ID, LEAKED_MOBILE
from county_a11y import PORT_MARK
from county_site import lookup

# Which catalog category each site column is, as an inspector reads the names.
CATEGORY_OF_COLUMN = {"dt": "工作动态", "gsgg": "通知公告", "cf": "行政处罚", "xk": "行政许可", "cj": "监督抽检",
                      "zc": "政策文件", "rs": "人事管理", "cz": "财政预决算", "nb": "政府信息公开年报"}
UNDECLARED = {"/art/2016/8/26/art_1004_52188.html", "/col/col1007/index.html"}
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
HREF = re.compile(r'href="([^"]*)"')


def delay(formed: date, posted: date, calendar=chinese_calendar.is_workday) -> int:
    return sum(calendar(formed + timedelta(n)) for n in range(1, (posted - formed).days + 1))


def weekdays(day: date) -> bool:
    return day.weekday() < 5


def valid_id(number: str) -> bool:
    total = sum(int(c) * w for c, w in zip(number[:17], ID_WEIGHTS))
    return "10X98765432"[total % 11] == number[17].upper()


def planted(key, rule):
    return [e for e in key["planted"] if e["rule"] == rule]


def html_pages(site):
    for path, page in site.items():
        if page.content_type.startswith("text/html"):
            yield path, page.body.decode("gbk")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def get(server, path: str) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
    try:
        conn.request("GET", path)
        answer = conn.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def limits(catalog):
    return {row["category"]: row for row in catalog["categories"]}


# ---------------------------------------------------------------- as served


def test_key_pages_and_targets_answer_as_the_key_says(server, key):
    for entry in key["planted"] + key["lookalikes"]:
        if entry["url"]:
            assert get(server, entry["url"])[0] == 200, entry["url"]
    for entry in planted(key, "link.broken") + planted(key, "link.unverified"):
        status, headers, body = get(server, entry["target"])
        assert status == entry["details"]["status"], entry["target"]
        if entry["details"].get("soft_404"):
            assert "您访问的页面不存在" in body.decode("gbk") and "<title>页面不存在</title>" in body.decode("gbk")
    status, headers, _ = get(server, "/zwgk/")
    assert status == 301 and headers["Location"] == "/col/col1001/index.html"


def test_pages_are_gbk_and_two_declare_no_charset(server, site):
    for path, page in site.items():
        if not page.content_type.startswith("text/html"):
            continue
        status, headers, body = get(server, path)
        # the server writes its port into the 友情链接 to "another site" (county_a11y, issue 16)
        assert status == page.status and body == page.body.replace(PORT_MARK.encode(), str(server.server_address[1]).encode())
        text = body.decode("gbk")  # strict: every page is GBK
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        declared = "charset=" in headers["Content-Type"].lower() or "charset=" in text.lower()
        assert declared == (path not in UNDECLARED), path
    assert {p for p in UNDECLARED if site[p].status == 200} == UNDECLARED


def test_every_problem_link_is_where_the_key_says_and_no_other(site, key):
    expected = {(e["url"], e["target"]) for e in planted(key, "link.broken") + planted(key, "link.unverified")}
    found = set()
    for page, html in html_pages(site):
        if page == "/index.html":
            continue  # the home page again
        for href in HREF.findall(html):
            if href.startswith("javascript:") or "/module/web/jpage/dataproxy.jsp" in href:
                continue  # a script's own data source (read by the list's JavaScript), not a link
            target = urlsplit(urljoin(page, href)).path
            answer = lookup(site, target)
            while answer.status == 301:
                answer = lookup(site, dict(answer.headers)["Location"])
            soft = answer.status == 200 and "页面不存在" in answer.body.decode("gbk", "replace")
            if answer.status != 200 or soft:
                found.add((page, target))
    assert found == expected


# ---------------------------------------------------------------- dates


def test_late_items_are_exactly_the_planted_ones(limits, key):
    late = {}
    for item in ITEMS:
        limit = limits.get(CATEGORY_OF_COLUMN[item.col], {}).get("limit_workdays")
        if limit and item.formed and delay(item.formed, item.posted) > limit:
            late[item.path] = (item.formed, item.posted, delay(item.formed, item.posted), limit)
    want = {e["url"]: (e["details"]["formed"], e["details"]["posted"], e["details"]["delay"], e["details"]["limit"])
            for e in planted(key, "item.late")}
    assert late == want


def test_the_calendar_decides_the_planted_and_lookalike_delays():
    # late only because 10-08 (Sat) and 10-09 (Sun) are make-up working days: holidays alone give 6
    holidays_only = lambda d: weekdays(d) and not chinese_calendar.is_holiday(d)  # noqa: E731
    assert delay(date(2016, 9, 30), date(2016, 10, 17)) == 8
    assert delay(date(2016, 9, 30), date(2016, 10, 17), holidays_only) == 6
    # on time only because 国庆 is off: Monday to Friday gives 9
    assert delay(date(2016, 9, 29), date(2016, 10, 12)) == 6
    assert delay(date(2016, 9, 29), date(2016, 10, 12), weekdays) == 9
    # on time by one working day
    assert delay(date(2016, 8, 10), date(2016, 8, 19)) == 7
    assert delay(date(2016, 8, 10), date(2016, 8, 22)) == 8
    # the annual report: 11 working days with 清明 off
    assert delay(date(2016, 3, 25), date(2016, 4, 12)) == 11


def test_stale_and_empty_columns_are_exactly_the_planted_ones(limits, key):
    as_of = key["as_of"]
    newest: dict[str, date] = {}
    for item in ITEMS:
        category = CATEGORY_OF_COLUMN[item.col]
        newest[category] = max(newest.get(category, date.min), item.posted)
    empty = {CATEGORY_OF_COLUMN[c.key] for c in COLUMNS if c.key in CATEGORY_OF_COLUMN} - set(newest)
    assert empty == {e["category"] for e in planted(key, "column.empty")}
    stale = {c for c, d in newest.items() if limits[c].get("update_days") and (as_of - d).days > limits[c]["update_days"]}
    assert stale == {e["category"] for e in planted(key, "column.stale")}
    (entry,) = planted(key, "column.stale")
    assert newest[entry["category"]] == entry["details"]["newest"]
    assert (as_of - newest[entry["category"]]).days == entry["details"]["age_days"]


def test_home_page_newest_item(site, key):
    home = site["/"].body.decode("gbk")
    dates = [date.fromisoformat(d) for d in re.findall(r"\d{4}-\d{2}-\d{2}", home)]
    (entry,) = planted(key, "site.homepage_stale")
    assert max(dates) == entry["details"]["newest"]
    assert (key["as_of"] - max(dates)).days == entry["details"]["age_days"] > entry["details"]["limit_days"]


def test_annual_report_is_the_only_one_and_late(key):
    (entry,) = planted(key, "report.annual_late")
    reports = [i for i in ITEMS if i.col == "nb"]
    assert [i.path for i in reports] == [entry["url"]] and reports[0].posted > date(2016, 3, 31)


# ---------------------------------------------------------------- metadata, personal data, wording


def test_only_the_planted_items_lack_index_or_date(site, limits, key):
    missing = {}
    for item in ITEMS:
        category = CATEGORY_OF_COLUMN[item.col]
        if not limits[category].get("disclosure"):
            continue
        html = site[item.path].body.decode("gbk")
        cells = dict(re.findall(r'<td class="label"[^>]*>(\w+)：</td><td[^>]*>([^<]*)</td>', html))
        lacks = [label for label in ("索引号", "发布日期") if not cells.get(label)]
        if lacks:
            missing[item.path] = lacks
    assert missing == {e["url"]: e["details"]["missing"] for e in planted(key, "item.metadata_missing")}


def test_personal_numbers_only_where_planted(site, key):
    from county_items import DOCX_LEAKED_ID, DOCX_LEAKED_MOBILE, PDF_LEAKED_ID, PDF_LEAKED_MOBILE

    from crawler.extract.attachments import read_file

    mobiles, ids = set(), set()
    files = [(path, read_file(page.body, path.rsplit(".", 1)[-1]).text) for path, page in site.items()
             if path.endswith((".pdf", ".docx", ".doc", ".xls", ".xlsx"))]
    for path, text in [(path, text_of(html)) for path, html in html_pages(site)] + files:
        mobiles |= {(path, m) for m in re.findall(r"(?<![\d*-])1[3-9]\d{9}(?!\d)", text)}
        ids |= {(path, m) for m in re.findall(r"(?<![0-9A-Za-z*])[1-9]\d{16}[\dXx](?![0-9A-Za-z*])", text)}
    leaks = {e["url"] for e in planted(key, "privacy.leak")}
    (leak_url,) = {u for u in leaks if u.endswith(".html")}
    (pdf_url,) = {u for u in leaks if u.endswith(".pdf")}
    (docx_url,) = {u for u in leaks if u.endswith(".docx")}
    assert mobiles == {(leak_url, LEAKED_MOBILE), (pdf_url, PDF_LEAKED_MOBILE), (docx_url, DOCX_LEAKED_MOBILE)}
    assert {(p, n) for p, n in ids if valid_id(n)} == {(leak_url, LEAKED_ID), (pdf_url, PDF_LEAKED_ID),
                                                       (docx_url, DOCX_LEAKED_ID)}
    assert ("/art/2016/8/18/art_1005_52120.html", BAD_CHECK_NUMBER) in ids and not valid_id(BAD_CHECK_NUMBER)
    assert {e["key"] for e in planted(key, "privacy.leak")} == {
        n[:6] + "*" * 8 + n[-4:] for n in (LEAKED_ID, PDF_LEAKED_ID, DOCX_LEAKED_ID)} | {
        m[:3] + "****" + m[-4:] for m in (LEAKED_MOBILE, PDF_LEAKED_MOBILE, DOCX_LEAKED_MOBILE)}


def test_wrong_terms_only_where_planted(site, catalog, key):
    posted = {i.path: i.posted for i in ITEMS}
    hits = set()
    for path, html in html_pages(site):
        text = text_of(html)
        for term in catalog["wrong_terms"]:
            for m in re.finditer(re.escape(term["term"]), text):
                if text[m.start() - 1:m.start()] in term.get("not_before", ""):
                    continue
                if path in posted and posted[path] < term["since"]:
                    continue
                hits.add((path, term["term"]))
    assert hits == {(e["url"], e["details"]["term"]) for e in planted(key, "content.wrong_term")}


def test_missing_categories_are_nowhere_on_the_site(site, catalog, key):
    names = {row["category"]: [row["category"], *row.get("aliases", [])] for row in catalog["categories"]}
    text = " ".join(text_of(html) for _p, html in html_pages(site))
    for entry in planted(key, "column.missing"):
        assert not [n for n in names[entry["category"]] if n in text], entry["category"]
    assert "政府信息公开" in text  # the broader column is there
