"""report.html as people use it: opened from disk in Chromium, filtered by office, rule and status."""
from __future__ import annotations

import json
import shutil
from collections import Counter

import pytest
from browserrun import ARTIFACTS, REPORTED, read_jsonl

from reports.table import department, format_score

VISIBLE_ROWS = """
return Array.from(document.querySelectorAll('#findings tbody tr'))
  .filter(tr => tr.getClientRects().length > 0)
  .map(tr => ({rule: tr.dataset.rule, department: tr.dataset.department,
               status: tr.dataset.status.split(' ').filter(Boolean)}));
"""
# What each status option must leave, said from the findings' own fields (not by the page's code).
STATUS_HOLDS = {
    "new": lambda f: f.get("status") == "new",
    "persisting": lambda f: f.get("status") == "persisting",
    "overdue": lambda f: bool(f["details"].get("overdue")),
    f"reported:{REPORTED}": lambda f: f["details"].get("reported_status") == REPORTED,
}


def open_report(browser, run_dir):
    browser.get((run_dir / "report.html").as_uri())
    return browser


def visible(browser) -> list[dict]:
    return browser.execute_script(VISIBLE_ROWS)


def choose(browser, select_id: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    Select(browser.find_element(By.ID, select_id)).select_by_value(value)  # fires "change" like a click


def text_of(browser, element_id: str) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, element_id).text.strip()


def options(browser, select_id: str) -> list[str]:
    from selenium.webdriver.common.by import By

    select = browser.find_element(By.ID, select_id)
    return [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option")]


def severe(browser) -> list[dict]:
    return [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]


@pytest.fixture(scope="module")
def findings(history_dir) -> list[dict]:
    return read_jsonl(history_dir / "findings.jsonl")


def test_page_renders_title_score_and_one_row_per_finding(browser, history_dir, findings):
    run = json.loads((history_dir / "run.json").read_text(encoding="utf-8"))
    page = open_report(browser, history_dir)
    assert page.title.startswith("网站检查报告") and run["as_of"] in page.title
    from selenium.webdriver.common.by import By

    header = page.find_element(By.TAG_NAME, "header").text
    assert f"得分 {format_score(run['score'])}" in header and "单项否决" in header
    assert len(findings) >= 10  # the demo plants defects of every rule
    assert len(visible(page)) == len(findings)
    assert text_of(page, "shown") == str(len(findings))
    assert f"显示 {len(findings)} / {len(findings)} 项" in page.find_element(By.CLASS_NAME, "filters").text


def test_summary_cards_count_the_findings(browser, history_dir, findings):
    page = open_report(browser, history_dir)
    by_severity = Counter(f["severity"] for f in findings)
    assert text_of(page, "count-total") == str(len(findings))
    for sev in ("veto", "deduct", "notice"):
        assert text_of(page, f"count-{sev}") == str(by_severity[sev]), sev


def test_office_filter_leaves_exactly_that_offices_rows(browser, history_dir, findings):
    page = open_report(browser, history_dir)
    want = Counter(department(f) for f in findings)
    offices = [v for v in options(page, "filter-office") if v]
    assert set(offices) == set(want) and len(offices) >= 3
    for office in offices:
        choose(page, "filter-office", office)
        rows = visible(page)
        assert {r["department"] for r in rows} == {office}
        assert len(rows) == want[office] and text_of(page, "shown") == str(want[office]), office
    choose(page, "filter-office", "")
    assert len(visible(page)) == len(findings)


def test_rule_filter_leaves_exactly_that_rules_rows(browser, history_dir, findings):
    page = open_report(browser, history_dir)
    want = Counter(f["rule"] for f in findings)
    rules = [v for v in options(page, "filter-rule") if v]
    assert set(rules) == set(want)
    for rule in rules:
        choose(page, "filter-rule", rule)
        rows = visible(page)
        assert {r["rule"] for r in rows} == {rule}
        assert len(rows) == want[rule] and text_of(page, "shown") == str(want[rule]), rule


def test_status_filter_leaves_exactly_the_rows_with_that_status(browser, history_dir, findings):
    page = open_report(browser, history_dir)
    assert [v for v in options(page, "filter-status") if v] == list(STATUS_HOLDS)
    for key, holds in STATUS_HOLDS.items():
        choose(page, "filter-status", key)
        rows = visible(page)
        n = sum(1 for f in findings if holds(f))
        assert n and len(rows) == n and text_of(page, "shown") == str(n), key
        assert all(key in r["status"] for r in rows)


def test_filters_combine(browser, history_dir, findings):
    page = open_report(browser, history_dir)
    office = Counter(department(f) for f in findings).most_common(1)[0][0]
    choose(page, "filter-office", office)
    choose(page, "filter-status", "new")
    n = sum(1 for f in findings if department(f) == office and f["status"] == "new")
    assert len(visible(page)) == n and text_of(page, "shown") == str(n)


def test_badges_history_trend_and_fixed_are_shown(browser, history_dir, findings):
    from selenium.webdriver.common.by import By

    page = open_report(browser, history_dir)
    badges = [b.text for b in page.find_elements(By.CSS_SELECTOR, "#findings .badge")]
    assert "新发现" in badges and "持续存在（首次发现 2016-05-31）" in badges and "逾期" in badges
    assert f"科室反馈：{REPORTED}" in badges
    assert text_of(page, "count-new") == str(sum(f["status"] == "new" for f in findings))
    assert text_of(page, "count-fixed") == "2"
    trend = page.find_element(By.ID, "trend")
    assert trend.is_displayed() and len(trend.find_elements(By.TAG_NAME, "circle")) == 3
    fixed = page.find_elements(By.CSS_SELECTOR, "#fixed-list tbody tr")
    assert len(fixed) == 2 and "已修复" in fixed[0].text


def test_page_without_history_has_no_status_column_and_still_filters(browser, plain_dir):
    from selenium.webdriver.common.by import By

    findings = read_jsonl(plain_dir / "findings.jsonl")
    page = open_report(browser, plain_dir)
    assert not page.find_elements(By.ID, "filter-status") and not page.find_elements(By.ID, "trend")
    assert not page.find_elements(By.ID, "history") and not page.find_elements(By.CSS_SELECTOR, ".badge")
    assert len(visible(page)) == len(findings)
    rule = findings[0]["rule"]
    choose(page, "filter-rule", rule)
    assert len(visible(page)) == sum(f["rule"] == rule for f in findings)
    assert severe(page) == []


def test_the_demos_own_first_run_marks_everything_new_and_hides_a_one_point_trend(browser, demo_dir):
    from selenium.webdriver.common.by import By

    findings = read_jsonl(demo_dir / "findings.jsonl")
    page = open_report(browser, demo_dir)
    assert [v for v in options(page, "filter-status") if v] == ["new"]
    choose(page, "filter-status", "new")
    assert len(visible(page)) == len(findings)
    assert "首次检查" in text_of(page, "history") and not page.find_elements(By.ID, "trend")
    assert severe(page) == []


def test_no_console_errors_and_a_screenshot(browser, history_dir, tmp_path):
    page = open_report(browser, history_dir)
    page.get_log("browser")  # start clean: only this load and these clicks count
    page.refresh()
    choose(page, "filter-status", "overdue")
    choose(page, "filter-status", "")
    assert severe(page) == []
    # The whole page, not only the first screen: grow the window to the document.
    height = page.execute_script("return document.documentElement.scrollHeight")
    page.set_window_size(1280, min(int(height) + 40, 8000))
    page.execute_script("window.scrollTo(0, 0)")  # choosing an option scrolled the select into view
    shot = tmp_path / "report.png"
    try:
        assert page.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    finally:
        page.set_window_size(1280, 1000)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / "report.png")
