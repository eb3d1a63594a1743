"""junit.xml from the run's outcome rows: skipped with the reason, error for a rule that raised,
failure for findings, passed otherwise; an older run without outcomes keeps the catalog grid."""
import xml.etree.ElementTree as ET

from reports import write_all
from reports.runrecord import RunRecord


def parse(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return ET.parse(tmp_path / "junit.xml").getroot()


def cases(root):
    return {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}


def state(case) -> str:
    kinds = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
    assert len(kinds) <= 1, kinds
    return kinds[0] if kinds else "passed"


def test_one_case_per_outcome_row_category_rules_per_category(tmp_path, findings, run, run_with):
    got = cases(parse(tmp_path, findings, run_with(run, "partial")))
    assert {k: state(c) for k, c in got.items()} == {
        ("site.unreachable", "site"): "passed", ("site.homepage_stale", "site"): "failure",
        ("link.broken", "site"): "failure", ("link.unverified", "site"): "passed",  # a notice never fails
        ("privacy.leak", "site"): "failure",
        ("item.late", "行政处罚"): "failure", ("item.late", "政策法规"): "passed",
        ("column.missing", "行政处罚"): "skipped", ("column.missing", "政策法规"): "skipped",
        ("column.empty", "行政处罚"): "skipped", ("column.empty", "政策法规"): "failure",
    }


def test_skipped_cases_carry_the_reason_and_are_counted(tmp_path, findings, run, run_with):
    root = parse(tmp_path, findings, run_with(run, "partial"))
    skipped = cases(root)[("column.empty", "行政处罚")].find("skipped")
    assert skipped.get("message") == "未核实：抓取未完成，栏目信息可能尚未抓全，无法确认是否为空白栏目"
    for el in (root, root.find("testsuite")):
        assert (el.get("tests"), el.get("failures"), el.get("errors"), el.get("skipped")) == ("11", "5", "0", "3")
    props = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert props["status"] == "partial" and props["score_is_verdict"] == "False"


def test_a_rule_that_raised_is_an_error_per_category(tmp_path, findings, run, run_with):
    root = parse(tmp_path, findings, run_with(run, "incomplete"))
    got = cases(root)
    for category in ("行政处罚", "政策法规"):
        error = got[("column.stale", category)].find("error")
        assert error.get("type") == "TypeError"
        assert error.get("message").startswith("栏目不更新：规则运行出错（规则运行出错（TypeError")
        assert error.text.startswith("TypeError: unsupported operand")
    assert ("column.stale", "site") not in got  # said by its categories, not once more
    assert (root.get("errors"), root.get("skipped"), root.get("tests")) == ("2", "0", "13")


def test_a_whole_rule_skip_its_categories_do_not_say_is_its_own_case(tmp_path, findings, run, run_with):
    r = run_with(run, "complete")
    r["outcomes"] = [o for o in r["outcomes"] if o["rule"] != "column.missing"] + [
        {"rule": "column.missing", "name": "栏目缺失", "scope": "category", "category": None,
         "outcome": "skipped", "reason": "导航未解析，无法核实", "findings": 0},
        {"rule": "column.missing", "name": "栏目缺失", "scope": "category", "category": "行政处罚",
         "outcome": "passed", "reason": None, "findings": 0}]
    got = cases(parse(tmp_path, findings, r))
    assert got[("column.missing", "site")].find("skipped").get("message") == "未核实：导航未解析，无法核实"
    assert state(got[("column.missing", "行政处罚")]) == "passed"


def test_findings_on_a_skipped_case_still_fail_it_and_say_the_rest_was_not_verified(tmp_path, run, run_with,
                                                                                     make_finding, to_frame):
    r = run_with(run, "partial")
    df = to_frame([make_finding("column.missing", "deduct", "办公室", "行政处罚", None, "缺少栏目“行政处罚”")])
    case = cases(parse(tmp_path, df, r))[("column.missing", "行政处罚")]
    assert state(case) == "failure" and "缺少栏目" in case.find("failure").text
    assert case.find("system-out").text.startswith("[未核实] 抓取未完成")


def test_findings_outside_the_outcomes_still_get_a_case(tmp_path, run, run_with, make_finding, to_frame):
    df = to_frame([make_finding("content.wrong_term", "deduct", "办公室", "行政处罚", "http://x/1", "用语错误")])
    got = cases(parse(tmp_path, df, run_with(run, "complete")))
    assert state(got[("content.wrong_term", "site")]) == "failure"


def test_older_run_without_outcomes_keeps_the_catalog_grid(tmp_path, findings, run):
    root = parse(tmp_path, findings, run)
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("11", "5", "0", "0")
    props = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert props["status"] == "complete" and props["score_is_verdict"] == "True"
