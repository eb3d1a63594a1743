import xml.etree.ElementTree as ET


from reports import write_all
from reports.runrecord import RunRecord


def parse(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return ET.parse(tmp_path / "junit.xml").getroot()


def cases(root):
    return {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}


def test_one_case_per_site_rule_and_per_category_rule_and_category(tmp_path, findings, run):
    root = parse(tmp_path, findings, run)
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite.get("name") == "netcheck"
    got = cases(root)
    # 3 category rules × 2 categories + 5 site-wide rules
    assert len(got) == 11
    assert ("item.late", "行政处罚") in got and ("item.late", "政策法规") in got
    assert ("link.broken", "site") in got and ("site.unreachable", "site") in got
    assert ("link.broken", "行政处罚") not in got


def test_counts_match_cases_and_failures(tmp_path, findings, run):
    root = parse(tmp_path, findings, run)
    suite = root.find("testsuite")
    for el in (root, suite):
        assert el.get("tests") == "11" and el.get("failures") == "5"
        assert el.get("errors") == "0" and el.get("skipped") == "0"
    assert suite.get("time") == "150.000"
    assert len(suite.findall("testcase/failure")) == 5
    assert all(c.get("time") is not None for c in suite.iter("testcase"))


def test_failure_carries_severity_and_evidence(tmp_path, findings, run):
    got = cases(parse(tmp_path, findings, run))
    failure = got[("site.homepage_stale", "site")].find("failure")
    assert failure.get("type") == "veto" and "首页不更新" in failure.get("message")
    assert "已超过14天未更新" in failure.text
    late = got[("item.late", "行政处罚")].find("failure")
    assert late.get("type") == "deduct" and "xzcf/1.html" in late.text
    assert got[("item.late", "政策法规")].find("failure") is None


def test_notice_findings_pass_but_are_listed_in_system_out(tmp_path, findings, run):
    case = cases(parse(tmp_path, findings, run))[("link.unverified", "site")]
    assert case.find("failure") is None
    assert "链接返回403" in case.find("system-out").text


def test_findings_outside_the_catalog_grid_still_get_a_case(tmp_path, run, make_finding, to_frame):
    df = to_frame([make_finding("content.wrong_term", "deduct", "办公室", "行政处罚", "http://x/1",
                                "“食药监局”应为“市场监管局”。"),
                   make_finding("column.stale", "deduct", "办公室", "人事信息", "http://x/rs/", "栏目半年未更新。")])
    root = parse(tmp_path, df, run)
    got = cases(root)
    assert got[("content.wrong_term", "site")].find("failure") is not None
    assert got[("column.stale", "人事信息")].find("failure") is not None
    assert root.get("tests") == "13" and root.get("failures") == "2"


def test_zero_findings_all_cases_pass(tmp_path, empty, run):
    root = parse(tmp_path, empty, run)
    assert root.get("tests") == "11" and root.get("failures") == "0"
    assert root.find(".//failure") is None


def test_control_characters_do_not_break_the_xml(tmp_path, run, make_finding, to_frame):
    df = to_frame([make_finding("link.broken", "deduct", "办公室", None, "http://x/1", "标题\x07含控制字符\x00")])
    case = cases(parse(tmp_path, df, run))[("link.broken", "site")]
    assert "标题含控制字符" in case.find("failure").text


def test_baseline_is_named_in_failure_messages_and_properties(tmp_path, findings, run):
    fresh = findings.loc[findings["rule"] == "link.broken", "fingerprint"].tolist()
    root = parse(tmp_path, findings, {**run, "baseline": {"run_dir": "runs/main", "new_findings": 1,
                                                          "new_fingerprints": fresh}})
    got = cases(root)
    broken = got[("link.broken", "site")].find("failure")
    assert broken.get("message").endswith("其中基线外新增 1 项") and "[基线外新增]" in broken.text
    assert got[("site.homepage_stale", "site")].find("failure").get("message").endswith("均为基线已有")
    props = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert props["baseline_run_dir"] == "runs/main" and props["baseline_new_findings"] == "1"


def test_no_baseline_wording_without_a_baseline(tmp_path, findings, run):
    parse(tmp_path, findings, run)
    assert "基线" not in (tmp_path / "junit.xml").read_text(encoding="utf-8")
