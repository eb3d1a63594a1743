"""Annual reports from real sites, parsed as the crawl records them: every ground-truth cell
(tests/data/real/annual_reports/*.yaml, read by eye from the page) is read right, every identity
is checked, and exactly the failures the truth lists are found."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checks.annual_report import form
from checks.annual_report.identities import check
from checks.annual_report.parse import parse_report
from crawler.extract.page import parse_page

REAL = Path(__file__).parents[1] / "data" / "real"
TRUTHS = sorted((REAL / "annual_reports").glob("*.yaml"))


def _parsed(truth: dict):
    html = (REAL / truth["page"]).read_bytes().decode("utf-8")
    page = parse_page(html, "https://report.test/nb.html")
    return parse_report(page["report_tables"]), page


@pytest.mark.parametrize("path", TRUTHS, ids=[p.stem for p in TRUTHS])
def test_every_ground_truth_cell_is_read_right(path):
    truth = yaml.safe_load(path.read_text(encoding="utf-8"))
    report, _ = _parsed(truth)
    assert report.edition == truth["edition"]
    assert report.unread == []
    for row, values in truth["section3"].items():
        for col, want in zip(form.COLUMNS3, values):
            cell = report.s3.get((row, col))
            assert cell is not None, (row, col)
            assert (cell.value if not cell.blank else "") == want, (row, col, cell)
    assert {k for k, _ in report.s3} == set(truth["section3"])
    for group, values in truth["section4"].items():
        for kind, want in zip(form.KINDS4, values):
            assert report.s4[(group, kind)].value == want, (group, kind)
    for row, cols in truth["section2"].items():
        for col, want in cols.items():
            assert report.s2[(row, col)].value == want, (row, col)


@pytest.mark.parametrize("path", TRUTHS, ids=[p.stem for p in TRUTHS])
def test_every_identity_is_checked_and_exactly_the_real_failures_found(path):
    truth = yaml.safe_load(path.read_text(encoding="utf-8"))
    report, page = _parsed(truth)
    outcome = check(report, year=truth["year"], text=page["text"])
    assert outcome.unchecked == truth.get("unchecked", [])  # a total the office left blank against figures
    assert outcome.checked == truth["identities_checked"]
    assert sorted(f.key for f in outcome.failures) == sorted(truth["inconsistent"])


def test_a_free_form_report_has_no_tables_to_read():
    html = (REAL / "pages/www.pingtan.gov.cn__zfxxgknb-dishui-2013-annual-report.html").read_bytes().decode("utf-8")
    page = parse_page(html, "https://report.test/2013.html")
    assert page["report_tables"] == []
    assert not parse_report(page["report_tables"]).readable


def test_across_years_on_consecutive_real_reports_of_one_office():
    """平潭综合实验区 2022 to 2025 (each table read by eye): the carry-over holds every time (结转下年度
    0 → 上年结转 0), the 行政规范性文件 in force carries in no year — 2022's 698 + 2023's 77 − 132 = 643
    where 2023 says 470, 470 + 62 − 33 = 499 where 2024 says 440, 440 + 58 − 45 = 453 where 2025 says
    546; 规章 (0 throughout) holds."""
    from checks.annual_report.identities import across_years

    def report(year):
        return _parsed({"page": f"pages/www.pingtan.gov.cn__zfxxgknb-{year}-annual-report.html"})[0]

    reports = {year: report(year) for year in (2022, 2023, 2024, 2025)}
    found = {}
    for year in (2023, 2024, 2025):
        outcome = across_years(reports[year - 1], reports[year], year)
        assert outcome.unchecked == []
        assert outcome.checked == 3  # carry_over + in_force for 规章 and for 行政规范性文件
        found[year] = [(f.identity, f.left, f.right) for f in outcome.failures]
    assert found == {2023: [("in_force", 643, 470)],
                     2024: [("in_force", 499, 440)],
                     2025: [("in_force", 453, 546)]}
