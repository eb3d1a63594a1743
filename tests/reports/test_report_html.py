import re

import pytest
from lxml import html as lhtml

from reports import write_all
from reports.runrecord import RunRecord


@pytest.fixture
def page(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return (tmp_path / "report.html").read_text(encoding="utf-8")


def test_page_is_self_contained(page):
    doc = lhtml.fromstring(page)
    assert doc.get("lang") == "zh-CN"
    assert doc.xpath("//meta[@charset='utf-8']")
    assert not doc.xpath("//link")
    assert not doc.xpath("//*[@src]")
    assert not re.search(r"""(?:src|@import|url\()\s*=?\s*["']?https?:""", page)
    assert doc.xpath("//ol[@class='bars']") and doc.xpath("//style") and doc.xpath("//script")


def test_header_shows_site_score_and_veto_reasons(page):
    doc = lhtml.fromstring(page)
    header = doc.xpath("//header")[0].text_content()
    assert "http://fda.example.gov.cn/" in header and "2024-05-06" in header
    assert "71.5" in header and "单项否决" in header and "泄露个人信息" in header


def test_counts_by_severity(page):
    doc = lhtml.fromstring(page)
    assert doc.get_element_by_id("count-total").text == "6"
    assert doc.get_element_by_id("count-veto").text == "2"
    assert doc.get_element_by_id("count-deduct").text == "3"
    assert doc.get_element_by_id("count-notice").text == "1"


def test_bar_charts_by_rule_and_by_office(page):
    doc = lhtml.fromstring(page)
    charts = doc.xpath("//figure[@class='chart']")
    assert len(charts) == 2
    bars = [chart.xpath(".//li") for chart in charts]
    assert len(bars[0]) == 6 and len(bars[1]) == 3
    assert "信息中心" in charts[1].text_content()
    # biggest first, each bar a share of the biggest, its label the rule's name (never its id)
    labels = [li.xpath("span[@class='bar-label']")[0].text_content() for li in bars[1]]
    counts = [int(li.xpath("span[@class='bar-n']")[0].text_content()) for li in bars[1]]
    widths = [li.xpath(".//span[@class='bar']")[0].get("style") for li in bars[1]]
    assert counts == [3, 2, 1] and labels[0] == "信息中心" and widths == ["width: 100.0%", "width: 66.7%", "width: 33.3%"]
    assert "链接不可用" in charts[0].text_content() and "link.broken" not in charts[0].text_content()


def test_findings_table_has_filter_attributes_and_selects(page):
    doc = lhtml.fromstring(page)
    rows = doc.xpath("//table[@id='findings']/tbody/tr")
    assert len(rows) == 6
    assert {r.get("data-department") for r in rows} == {"信息中心", "办公室", "法规科"}
    assert rows[0].get("data-rule") in {"site.homepage_stale", "privacy.leak"}
    office = doc.get_element_by_id("filter-office")
    rule = doc.get_element_by_id("filter-rule")
    assert [o.get("value") for o in office.xpath("option")] == ["", "信息中心", "办公室", "法规科"]
    assert "item.late" in [o.get("value") for o in rule.xpath("option")]


def test_content_is_escaped_and_only_http_links_are_hrefs(page):
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    doc = lhtml.fromstring(page)
    hrefs = [a.get("href") for a in doc.xpath("//a")]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)
    assert "javascript:alert(1)" in page  # shown as text, not a link


def test_matches_and_warnings_are_shown(page):
    doc = lhtml.fromstring(page)
    matches = doc.get_element_by_id("matches").text_content()
    assert "行政处罚决定" in matches and "别名" in matches and "alias" not in matches and "0.92" in matches
    assert "行政许可（0.61）" in matches
    assert "节假日日历" in doc.get_element_by_id("warnings").text_content()


def test_zero_findings_page(tmp_path, empty, run):
    write_all(tmp_path, empty, RunRecord.from_dict({**run, "veto": False, "veto_reasons": [], "warnings": []}))
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    doc = lhtml.fromstring(page)
    assert "未发现问题" in page and "未触发单项否决" in page
    assert doc.get_element_by_id("count-total").text == "0"
    assert not doc.xpath("//table[@id='findings']")
