"""`--baseline RUN_DIR`: the exit status counts only findings the baseline run does not have."""
import json

from gatingrun import AS_OF, LATER, netcheck, read_jsonl


def run_json(run_dir):
    return json.loads((run_dir / "run.json").read_text(encoding="utf-8"))


def drop_findings(run_dir, rule):
    """The baseline as it was before `rule`'s findings existed."""
    kept = [f for f in read_jsonl(run_dir / "findings.jsonl") if f["rule"] != rule]
    (run_dir / "findings.jsonl").write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in kept),
                                            encoding="utf-8")


def test_the_saved_run_fails_without_a_baseline(copy_run):
    head = copy_run("head")
    assert {f["severity"] for f in read_jsonl(head / "findings.jsonl")} == {"veto", "deduct", "notice"}
    assert netcheck("report", head, "--as-of", AS_OF, "--fail-on", "notice") == 1


def test_findings_all_in_the_baseline_exit_0_even_at_fail_on_notice(copy_run):
    base, head = copy_run("base"), copy_run("head")
    assert netcheck("report", head, "--as-of", AS_OF, "--fail-on", "notice", "--baseline", base) == 0
    run = run_json(head)
    assert run["exit_status"] == 0 and run["veto"] is True  # the site still fails; the change did not
    assert run["baseline"]["run_dir"] == str(base) and run["baseline"]["new_findings"] == 0


def test_a_new_veto_finding_exits_1(copy_run):
    base, head = copy_run("base"), copy_run("head")
    assert netcheck("report", head, "--as-of", LATER, "--baseline", base) == 1
    run = run_json(head)
    new = [f for f in read_jsonl(head / "findings.jsonl") if f["fingerprint"] in run["baseline"]["new_fingerprints"]]
    assert [(f["rule"], f["severity"]) for f in new] == [("site.homepage_stale", "veto")]
    assert run["baseline"]["new_findings"] == 1 and run["exit_status"] == 1


def test_a_new_deduct_finding_fails_only_at_its_level(copy_run):
    base, head = copy_run("base"), copy_run("head")
    drop_findings(base, "link.broken")
    assert netcheck("report", head, "--as-of", AS_OF, "--baseline", base, "--fail-on", "veto") == 0
    assert netcheck("report", head, "--as-of", AS_OF, "--baseline", base, "--fail-on", "deduct") == 1
    assert netcheck("report", head, "--as-of", AS_OF, "--baseline", base, "--fail-on", "never") == 0
    assert run_json(head)["baseline"]["new_findings"] == 1


def test_the_run_may_be_its_own_baseline(copy_run):
    # The baseline is read before the run directory is rewritten, so re-judging in place works.
    head = copy_run("head")
    assert netcheck("report", head, "--as-of", AS_OF, "--fail-on", "notice", "--baseline", head) == 0


def test_reports_mark_what_is_new_against_the_baseline(copy_run):
    base, head = copy_run("base"), copy_run("head")
    netcheck("report", head, "--as-of", LATER, "--baseline", base)
    summary = (head / "summary.md").read_text(encoding="utf-8")
    assert "基线外新增 **1** 项" in summary and "【基线外新增】" in summary
    first_finding = [line for line in summary.splitlines() if line.startswith("| 单项否决 |")][0]
    assert "【基线外新增】" in first_finding and "首页" in first_finding  # new findings come first
    junit = (head / "junit.xml").read_text(encoding="utf-8")
    assert "首页不更新：1 项（单项否决），其中基线外新增 1 项" in junit and "均为基线已有" in junit
    assert 'name="baseline_new_findings" value="1"' in junit
    page = (head / "report.html").read_text(encoding="utf-8")
    assert "基线外新增问题 <strong>1</strong> 项" in page and 'data-status="baseline-new"' in page
