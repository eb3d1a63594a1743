"""report.html with history and baseline: status badges and filter, 已整改（销号）, the score trend.
Everything absent without history, nothing broken."""
import pytest
from lxml import html as lhtml

from reports import write_all
from reports.runrecord import RunRecord

HISTORY = {"previous_run": {"as_of": "2024-04-06", "score": 65.0}, "new": 2, "persisting": 4, "fixed": 1,
           "trend": [{"as_of": "2024-03-06", "score": 60, "findings": 9},
                     {"as_of": "2024-04-06", "score": 65.0, "findings": 7},
                     {"as_of": "2024-05-06", "score": 71.5, "findings": 6}]}


def page(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return lhtml.fromstring((tmp_path / "report.html").read_text(encoding="utf-8"))


@pytest.fixture
def with_status(findings):
    df = findings.copy()
    df["status"] = ["new", "persisting", "persisting", "new", "persisting", "persisting"]
    df["first_seen"] = ["2024-05-06", "2024-03-06", "2024-04-06", "2024-05-06", "2024-03-06", "2024-03-06"]
    df["details"] = [{}, {"overdue": True}, {"reported_status": "已整改 待复核"}, {}, {}, {"overdue": True}]
    return df


def test_no_history_no_status_column_filter_trend_or_history(tmp_path, findings, run):
    doc = page(tmp_path, findings, run)
    assert not doc.xpath("//*[@id='filter-status']") and not doc.xpath("//*[@id='history']")
    assert not doc.xpath("//*[@id='trend']") and not doc.xpath("//*[@class='badge']")
    assert "状态" not in doc.xpath("//table[@id='findings']/thead")[0].text_content()


def test_badges_and_filter_options(tmp_path, with_status, run):
    doc = page(tmp_path, with_status, {**run, "history": HISTORY})
    texts = [b.text_content() for b in doc.xpath("//table[@id='findings']//span[contains(@class,'badge')]")]
    assert texts.count("新发现") == 2 and texts.count("逾期") == 2
    assert "持续存在（首次发现 2024-03-06）" in texts and "科室反馈：已整改 待复核" in texts
    options = [(o.get("value"), o.text) for o in doc.xpath("//select[@id='filter-status']/option")]
    assert options == [("", "全部"), ("new", "新发现"), ("persisting", "持续存在"), ("overdue", "逾期"),
                       ("reported:已整改_待复核", "科室反馈：已整改 待复核")]
    statuses = [tr.get("data-status") for tr in doc.xpath("//table[@id='findings']/tbody/tr")]
    assert sum("overdue" in s.split() for s in statuses) == 2


def test_history_counts_and_trend_chart(tmp_path, with_status, run):
    doc = page(tmp_path, with_status, {**run, "history": HISTORY})
    assert doc.get_element_by_id("count-new").text == "2"
    assert doc.get_element_by_id("count-fixed").text == "1"
    assert "2024-04-06" in doc.get_element_by_id("history").text_content()
    trend = doc.get_element_by_id("trend")
    assert len(trend.xpath(".//circle")) == 3
    ys = [float(c.get("cy")) for c in trend.xpath(".//circle")]
    assert ys[0] > ys[1] > ys[2]  # rising score, drawn higher (smaller y)
    assert "71.5" in trend.text_content() and "2024-03-06" in trend.text_content()


@pytest.mark.parametrize("trend", [[], [{"as_of": "2024-05-06", "score": 71.5}],
                                   [{"as_of": "2024-05-06", "score": None}, {"as_of": "x"}]])
def test_trend_hidden_below_two_scored_runs(tmp_path, findings, run, trend):
    doc = page(tmp_path, findings, {**run, "history": {**HISTORY, "trend": trend}})
    assert doc.xpath("//*[@id='history']") and not doc.xpath("//*[@id='trend']")


def test_first_run_has_no_previous(tmp_path, findings, run):
    doc = page(tmp_path, findings, {**run, "history": {"previous_run": None, "new": 6, "persisting": 0,
                                                        "fixed": 0, "trend": [{"as_of": "2024-05-06", "score": 71.5}]}})
    assert "首次检查" in doc.get_element_by_id("history").text_content()


def test_fixed_section_lists_run_fixed_with_dates(tmp_path, findings, run, make_finding):
    gone = make_finding("link.broken", "deduct", "办公室", None, "http://fda.example.gov.cn/old.html", "旧链接已修复",
                        first_seen="2024-03-06").to_dict()
    doc = page(tmp_path, findings, {**run, "fixed": [{**gone, "fixed_on": "2024-05-06"}]})
    section = doc.get_element_by_id("fixed")
    assert "已整改（销号）" in section.text_content()
    cells = [td.text_content() for td in section.xpath(".//tbody/tr[1]/td")]
    assert "旧链接已修复" in cells and cells[-2:] == ["2024-03-06", "2024-05-06"]


def test_baseline_line_and_badge(tmp_path, findings, run):
    fresh = findings["fingerprint"].iloc[0]
    doc = page(tmp_path, findings, {**run, "baseline": {"run_dir": "runs/main", "new_findings": 1,
                                                         "new_fingerprints": [fresh]}})
    assert "runs/main" in doc.get_element_by_id("baseline").text_content()
    rows = doc.xpath("//table[@id='findings']/tbody/tr[@data-status='baseline-new']")
    assert len(rows) == 1 and "基线外新增" in rows[0].text_content()
