"""The answer key against the site: every planted defect is there as described, and nothing
else on the site would give the same finding (the "nothing else is wrong" promise).

Working days are counted here with chinesecalendar directly, not with the demo's own helper.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import chinese_calendar
import pytest

from netcheck.demo import site as demo_site
from netcheck.demo.columns import COLUMNS
from netcheck.demo.planted import BAD_CHECK_CASE_NO, LEAKED_ID, LEAKED_MOBILE

AS_OF = date(2016, 6, 30)
RULES = {"site.unreachable", "site.homepage_stale", "column.missing", "column.empty", "column.stale",
         "item.late", "item.metadata_missing", "link.broken", "link.unverified", "privacy.leak",
         "report.annual_late", "content.wrong_term", "site.identity", "site.error_entry_missing", "service.guide_incomplete",
         "site.search_missing",
         "content.backdated", "interaction.unanswered"}
RULES |= {"a11y.html_lang", "a11y.img_alt", "a11y.form_label", "a11y.link_name", "a11y.iframe_title",  # issue 16
          "a11y.heading_order", "a11y.autoplay", "a11y.same_title", "a11y.elder_entry"}
NAME_TO_CATEGORY = {c.name: c.category for c in COLUMNS} | {"政府信息公開年報": "政府信息公开年报"}
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def delay(formed: date, posted: date) -> int:
    days = (formed + timedelta(n) for n in range(1, (posted - formed).days + 1))
    return sum(chinese_calendar.is_workday(d) for d in days)


def valid_id(number: str) -> bool:
    total = sum(int(c) * w for c, w in zip(number[:17], ID_WEIGHTS))
    return "10X98765432"[total % 11] == number[17].upper()


def planted(key, rule):
    return [e for e in key["planted"] if e["rule"] == rule]


def category_of(page) -> str | None:
    return NAME_TO_CATEGORY.get(page.meta.get("ColumnName"))


def is_detail(path: str) -> bool:
    return re.search(r"/t\d{8}_\d+\.html$", path) is not None


# ---------------------------------------------------------------- the key itself


def test_key_shape(key, catalog):
    assert key["as_of"] == AS_OF
    for entry in key["planted"]:
        assert entry["rule"] in RULES and entry["note"]
        assert {"url", "target", "category", "details"} <= entry.keys()
        assert entry["category"] is None or entry["category"] in catalog
    for entry in key["lookalikes"]:
        assert entry["rule"] in RULES and entry["url"] and entry["note"]
    assert {e["rule"] for e in key["planted"]} == RULES - {"site.unreachable"}


def test_planted_paths_exist_with_their_status(site, key):
    for entry in key["planted"]:
        if entry["url"]:
            assert demo_site.lookup(site, entry["url"]).status == 200, entry["url"]
        if entry["target"] and entry["target"].startswith("/"):  # a link's target (site.identity's names an item)
            page = demo_site.lookup(site, entry["target"])
            assert page.status == entry["details"].get("status", 200), entry["target"]  # a message's page: 200
            if entry["details"].get("soft_404"):
                assert "页面不存在" in page.body.decode() and "<title>页面不存在</title>" in page.body.decode()
        for name in ("column_url",):
            if name in entry["details"]:
                assert demo_site.lookup(site, entry["details"][name]).status == 200


def test_lookalike_paths_exist(site, key):
    for entry in key["lookalikes"]:
        assert demo_site.lookup(site, entry["url"]).status == 200, entry["url"]


def test_each_broken_target_is_linked_from_exactly_one_page(parsed, key):
    for entry in planted(key, "link.broken") + planted(key, "link.unverified"):
        sources = [p for p, page in parsed.items() if entry["target"] in page.links]
        assert sources == [entry["url"]], entry["target"]


# ---------------------------------------------------------------- dates


def test_planted_delays(parsed, key):
    for entry in planted(key, "item.late"):
        page, d = parsed[entry["url"]], entry["details"]
        assert (page.formed, page.published) == (d["formed"], d["posted"])
        assert delay(page.formed, page.published) == d["delay"] > d["limit"]
    assert delay(date(2016, 3, 7), date(2016, 4, 7)) == 22


def test_planted_dates_that_cannot_be_true(parsed, key):
    for entry in planted(key, "content.backdated"):
        page, d = parsed[entry["url"]], entry["details"]
        assert page.formed == d["formed"] > page.published == d["published"]


@pytest.mark.parametrize("url, expected, limit", [
    ("/xxgk/xzxk/201605/t20160519_5310.html", 7, 7),
    ("/xxgk/xzxk/201606/t20160617_5350.html", 6, 7),
    ("/xxgk/jdcj/201605/t20160503_5320.html", 20, 20),
    ("/xxgk/gknb/201503/t20150320_5031.html", 3, 20),
])
def test_lookalike_delays_are_within_the_limit(parsed, url, expected, limit):
    page = parsed[url]
    assert delay(page.formed, page.published) == expected <= limit


def test_no_other_item_is_late(parsed, key, catalog):
    late = {e["url"] for e in planted(key, "item.late") + planted(key, "content.backdated")}  # formed after posted
    checked = 0
    for path, page in parsed.items():
        limit = catalog.get(category_of(page) or "", {}).get("limit_workdays")
        if not limit or not page.formed or not page.published or path in late:
            continue
        assert page.formed <= page.published and delay(page.formed, page.published) <= limit, path
        checked += 1
    assert checked > 150


def test_annual_reports(parsed, key):
    (entry,) = planted(key, "report.annual_late")
    assert parsed[entry["url"]].published > date(2016, 3, 31)
    assert parsed["/xxgk/gknb/201503/t20150320_5031.html"].published <= date(2015, 3, 31)


def test_freshness(parsed, key, catalog):
    """Newest entry per category: stale only where planted, and the look-alike exactly 180 days."""
    newest: dict[str, date] = {}
    for page in parsed.values():
        category = category_of(page)
        dates = [d for _t, d in page.entries if d]
        if category and dates and not is_detail(page.path):
            newest[category] = max(newest.get(category, date.min), *dates)
    stale = {e["category"] for e in planted(key, "column.stale")}
    for category, row in catalog.items():
        if not row.get("update_days") or category in ("人事信息", "在线访谈"):
            continue
        age = (AS_OF - newest[category]).days
        assert (age > row["update_days"]) == (category in stale), (category, age)
    assert (AS_OF - newest["政策文件"]).days == 180
    assert newest["通知公告"] == date(2015, 11, 20) and newest["新闻动态"] == date(2016, 6, 28)


def test_homepage_is_the_only_stale_page(parsed, key):
    (entry,) = planted(key, "site.homepage_stale")
    dated = [d for _t, d in parsed[entry["url"]].entries if d]
    assert (AS_OF - max(dated)).days == entry["details"]["age_days"] == 18


# ---------------------------------------------------------------- columns


def test_every_category_but_one_has_a_column(catalog, key):
    missing = {e["category"] for e in planted(key, "column.missing")}
    present = {c.category for c in COLUMNS}
    assert set(catalog) - present == missing == {"在线访谈"}


def test_only_the_planted_column_is_empty(parsed, key):
    (entry,) = planted(key, "column.empty")
    empty = {category_of(p) for p in parsed.values()
             if p.entries and all(d is None and "暂无信息" in t for t, d in p.entries)}
    assert empty == {entry["category"]}


# ---------------------------------------------------------------- metadata


def test_disclosure_items_carry_index_and_date(parsed, key):
    missing = {e["url"] for e in planted(key, "item.metadata_missing")}
    disclosure = {c.name for c in COLUMNS if c.disclosure} | {"政府信息公開年報"}
    seen = 0
    for path, page in parsed.items():
        if page.meta.get("ColumnName") not in disclosure or not (is_detail(path) or page.table):
            continue
        seen += 1
        complete = bool(page.table.get("索引号")) and bool(page.table.get("发布日期"))
        assert complete != (path in missing), path
    assert seen > 150


# ---------------------------------------------------------------- links


def test_every_other_internal_link_resolves(site, parsed, key):
    expected = {(e["url"], e["target"]) for e in planted(key, "link.broken") + planted(key, "link.unverified")}
    found = set()
    for path, page in parsed.items():
        for target in page.links:
            answer = demo_site.lookup(site, target)
            soft = answer.status == 200 and "页面不存在" in answer.body.decode("utf-8", "replace")
            if answer.status != 200 or soft or target.startswith("/admin/"):
                found.add((path, target))
    # the answer pages themselves (soft 404, 403, 500) only link home
    assert found == expected


# ---------------------------------------------------------------- privacy and wording


def _texts(site, parsed):
    from crawler.extract.attachments import read_file

    for path, page in parsed.items():
        yield path, page.text
    for path, page in site.items():
        if not page.content_type.startswith("text/html"):
            yield path, page.body.decode("utf-8", "replace")
            yield path, read_file(page.body, path.rsplit(".", 1)[-1]).text  # a DOCX is zipped


def test_no_other_personal_numbers(site, parsed, key):
    from netcheck.demo.attachments import DOCX_LEAKED_ID, DOCX_LEAKED_MOBILE, PDF_LEAKED_ID, PDF_LEAKED_MOBILE

    leaks = {e["url"]: e for e in planted(key, "privacy.leak")}
    (leak_url,) = {u for u in leaks if u.endswith(".html")}
    (pdf_url,) = {u for u in leaks if u.endswith(".pdf")}
    (docx_url,) = {u for u in leaks if u.endswith(".docx")}
    mobiles, ids = set(), set()
    for path, text in _texts(site, parsed):
        mobiles |= {(path, m) for m in re.findall(r"(?<!\d)1[3-9]\d{9}(?!\d)", text)}
        ids |= {(path, m) for m in re.findall(r"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])", text)}
        assert not re.search(r"(?<!\d)\d{15}(?!\d)", text), path  # no legacy 15-digit IDs either
    assert mobiles == {(leak_url, LEAKED_MOBILE), (pdf_url, PDF_LEAKED_MOBILE), (docx_url, DOCX_LEAKED_MOBILE)}
    assert {(p, n) for p, n in ids if valid_id(n)} == {(leak_url, LEAKED_ID), (pdf_url, PDF_LEAKED_ID),
                                                       (docx_url, DOCX_LEAKED_ID)}
    assert not valid_id(BAD_CHECK_CASE_NO) and any(n == BAD_CHECK_CASE_NO for _p, n in ids)
    keys = {e["key"] for e in planted(key, "privacy.leak")}
    assert keys == {n[:6] + "*" * 8 + n[-4:] for n in (LEAKED_ID, PDF_LEAKED_ID, DOCX_LEAKED_ID)} | {
        m[:3] + "****" + m[-4:] for m in (LEAKED_MOBILE, PDF_LEAKED_MOBILE, DOCX_LEAKED_MOBILE)}


def test_wrong_terms_only_where_planted(parsed, key, catalog):
    import yaml
    from demo_html import REPO

    terms = yaml.safe_load((REPO / "checks" / "default_catalog.yaml").read_text(encoding="utf-8"))["wrong_terms"]
    hits = set()
    for path, page in parsed.items():
        for term in terms:
            for m in re.finditer(re.escape(term["term"]), page.text):
                before = page.text[m.start() - 1:m.start()]
                after = page.text[m.end():m.end() + 1]
                if before == term.get("not_before") or after == term.get("not_after"):
                    continue
                if page.published is None or page.published >= term["since"]:
                    hits.add((path, term["term"]))
    assert hits == {(e["url"], e["details"]["term"]) for e in planted(key, "content.wrong_term")}


def test_only_the_penalty_items_lack_the_police_record_and_no_page_loads_the_error_entry(site, key):
    (entry,) = planted(key, "site.identity")
    html = {path: page.body.decode("utf-8") for path, page in site.items()
            if page.status == 200 and page.content_type.startswith("text/html")}
    lacking = sorted(path for path, text in html.items() if "公网安备" not in text and "<div class=\"footer\">" in text)
    assert len(lacking) == entry["details"]["pages"] and lacking[0] == entry["url"]
    assert all(path.startswith("/xxgk/xzcf/") and is_detail(path) for path in lacking)
    assert not any("jiucuo" in text for text in html.values())
    home = html["/"]
    assert "网站标识码" not in re.sub(r'alt="[^"]*"', "", home) and 'alt="网站标识码：2111000012"' in home


def test_one_message_is_unanswered_past_90_days_within_the_year(key):
    """The boards (netcheck/demo/boards.py): of the 政务咨询 board's messages asked within the year,
    only the planted one is open after 90 days; the 信访 board's old open message is not judged."""
    from netcheck.demo.boards import CONSULT, PETITION

    since = AS_OF - timedelta(days=365)
    late = [CONSULT.message_path(m) for m in CONSULT.messages
            if since <= m.asked and (((m.answered or AS_OF) - m.asked).days > 90)]
    assert late == [e["url"] for e in planted(key, "interaction.unanswered")]
    assert any(m.answered and (m.answered - m.asked).days == 90 for m in CONSULT.messages)
    assert any(m.answered is None and (AS_OF - m.asked).days > 90 for m in PETITION.messages)
