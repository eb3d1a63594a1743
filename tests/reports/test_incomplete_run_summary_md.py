"""summary.md of a run that is not complete: the banner is its first line, the title says it, and a
未核实 list follows."""
from reports import write_all
from reports.markdown import TOP_UNVERIFIED
from reports.runrecord import RunRecord


def lines(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return (tmp_path / "summary.md").read_text(encoding="utf-8").splitlines()


def test_partial_run_first_line_is_the_banner(tmp_path, findings, run, run_with):
    md = lines(tmp_path, findings, run_with(run, "partial"))
    assert md[0] == ("> ⚠️ **抓取未完成**（达到页数上限（--max-pages）），以下结果仅覆盖已抓取的页面；"
                     "继续抓取：`netcheck audit http://fda.example.gov.cn/ --out runs/fda --resume`")
    title = next(line for line in md if line.startswith("## "))
    assert title.startswith("## netcheck ❌ 不通过（退出状态 1；抓取未完成）：")
    assert md[md.index(title) + 2].startswith("**得分（未完成，不作排名） 71.5 · 单项否决**")


def test_incomplete_run_first_line_names_the_rule_and_error(tmp_path, findings, run, run_with):
    md = lines(tmp_path, findings, run_with(run, "incomplete"))
    assert md[0].startswith("> ⚠️ **评判未完成**：规则 栏目不更新 运行出错（TypeError: unsupported operand type\\(s\\)")
    assert md[0].endswith("得分不作为结论；可用 `netcheck report <运行目录>` 重新评判")
    assert md[1] == "" and md[2].startswith("## netcheck ⚠️ 评判未完成（退出状态 3）：")


def test_both_banners_when_a_rule_raised_on_a_partial_crawl(tmp_path, findings, run, run_with):
    r = run_with(run, "incomplete")
    r["crawl_state"] = run_with(run, "partial")["crawl_state"]
    md = lines(tmp_path, findings, r)
    assert md[0].startswith("> ⚠️ **评判未完成**") and md[1] == ">" and md[2].startswith("> ⚠️ **抓取未完成**")


def test_unverified_list_and_earlier_findings(tmp_path, findings, run, run_with):
    md = lines(tmp_path, findings, run_with(run, "partial"))
    start = md.index("**未核实 2 项**（既不算通过，也不算发现问题）：")
    assert md[start + 2:start + 4] == [
        "- 栏目缺失（未核实）：抓取未完成，已抓取的页面中未见该栏目，无法确认是否缺失",
        "- 空白栏目 · 行政处罚（未核实）：抓取未完成，栏目信息可能尚未抓全，无法确认是否为空白栏目"]
    start = md.index("**此前发现、本次未能复核的问题 1 项**（仍按未整改计，未销号）：")
    assert md[start + 2] == ("- 链接不可用 · 旧通知附件 <http://fda.example.gov.cn/old/notice.html>："
                             "抓取未完成，本次未抓取该页面")


def test_a_long_unverified_list_is_cut_with_a_count(tmp_path, findings, run, run_with):
    r = run_with(run, "partial")
    r["unverified"] = [{"rule": "column.stale", "name": "栏目不更新", "category": f"栏目{i}", "outcome": "skipped",
                        "reason": "抓取未完成"} for i in range(TOP_UNVERIFIED + 5)]
    md = lines(tmp_path, findings, r)
    assert sum(line.startswith("- 栏目不更新 · 栏目") for line in md) == TOP_UNVERIFIED
    assert "- ……另有 5 项，见 `report.html`" in md


def test_partial_run_without_findings_does_not_claim_none_exist(tmp_path, empty, run, run_with):
    md = lines(tmp_path, empty, {**run_with(run, "partial"), "veto": False, "veto_reasons": [], "exit_status": 0})
    assert "已检查的部分未发现问题。" in md and "未发现问题。" not in md
    assert any(line.startswith("## netcheck ⚠️ 通过（退出状态 0；抓取未完成）") for line in md)
    assert "**得分（未完成，不作排名） 71.5 · 已检查部分未触发单项否决**。" in "\n".join(md)


def test_complete_run_starts_with_the_title_and_lists_nothing_unverified(tmp_path, findings, run, run_with):
    for r in (run, run_with(run, "complete")):
        md = lines(tmp_path, findings, r)
        assert md[0].startswith("## netcheck ❌ 不通过（退出状态 1）：") and md[2].startswith("**得分 71.5 ")
        assert not any("未核实" in line or "未完成" in line for line in md)


def test_commands_are_code_spans_copied_as_they_are(tmp_path, findings, run, run_with):
    r = run_with(run, "partial")
    r["crawl_state"] = {**r["crawl_state"], "resume": "netcheck audit http://x/ --out /tmp/nc_runs/a_b --resume"}
    md = lines(tmp_path, findings, r)
    assert md[0].endswith("继续抓取：`netcheck audit http://x/ --out /tmp/nc_runs/a_b --resume`")
