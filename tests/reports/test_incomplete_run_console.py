"""The console summary (netcheck.summary.print_summary): a run that is not complete says so on its
first line, then how much could not be verified, before the score."""
from pathlib import Path

import pytest

from netcheck import cli
from netcheck.summary import print_summary

from reports.runrecord import RunRecord

OUT = Path("runs/fda")


def printed(capsys, run) -> list[str]:
    print_summary(RunRecord.from_dict(run), OUT)
    return capsys.readouterr().out.splitlines()


@pytest.fixture
def counted(run):
    return {**run, "counts": {**run["counts"], "by_severity": {"veto": 2, "deduct": 3, "notice": 1},
                              "by_rule": {"link.broken": 1}}}


def test_partial_run_first_line_is_the_crawl_banner(capsys, counted, run_with):
    lines = printed(capsys, run_with(counted, "partial"))
    assert lines[0] == ("抓取未完成（达到页数上限（--max-pages）），以下结果仅覆盖已抓取的页面；"
                        "继续抓取：netcheck audit http://fda.example.gov.cn/ --out runs/fda --resume")
    assert lines[1].startswith("未核实 2 项：")
    score = next(line for line in lines if "得分" in line)
    assert "得分 71.5（抓取未完成，不作为结论）" in score and "单项否决" in score


def test_incomplete_run_first_line_names_the_rule_and_how_to_rejudge(capsys, counted, run_with):
    lines = printed(capsys, run_with(counted, "incomplete"))
    assert lines[0] == ("评判未完成：规则 栏目不更新 运行出错（TypeError: unsupported operand type(s) for -: "
                        "'NoneType' and 'datetime.date'），得分不作为结论；可用 netcheck report runs/fda 重新评判")
    assert lines[1].startswith("未核实 1 项")
    assert "得分 71.5（评判未完成，不作为结论）" in "\n".join(lines)


def test_with_history_the_earlier_findings_not_reverified_are_counted(capsys, counted, run_with):
    lines = printed(capsys, {**run_with(counted, "partial", history=True), "site_id": "fda"})
    assert lines[2] == "此前发现的问题中 1 条本次未能复核：仍按未整改计，未销号"
    assert any(line.startswith("与 2024-04-06 的检查相比") for line in lines)


def test_partial_run_without_veto_does_not_claim_none(capsys, counted, run_with):
    lines = printed(capsys, {**run_with(counted, "partial"), "veto": False})
    assert "未发现单项否决项（结果不完整）" in "\n".join(lines) and "未触发单项否决" not in "\n".join(lines)


def test_complete_run_prints_as_before(capsys, counted, run_with):
    for r in (counted, run_with(counted, "complete")):
        lines = printed(capsys, {**r, "veto": False})
        assert lines[0] == "http://fda.example.gov.cn/  检查日 2024-05-06  得分 71.5  未触发单项否决"
        assert not any("未核实" in line or "未完成" in line for line in lines)
        assert lines[-2:] == ["报告：runs/fda/report.html", "整改清单：runs/fda/rectification.xlsx"]


def test_cli_re_exports_print_summary():
    assert cli.print_summary is print_summary


def test_counts_name_rules_and_the_veto_as_the_glossary_does(capsys, counted):
    lines = printed(capsys, {**counted, "counts": {**counted["counts"],
                                                   "by_rule": {"link.broken": 3, "report.annual_late": 12}}})
    assert "（单项否决 2，扣分 3，提示 1）" in lines[1]
    assert lines[2:4] == ["  链接不可用            3", "  年报逾期或缺失       12"]  # names aligned by display width
    assert not any("link.broken" in line or "report.annual_late" in line for line in lines)
