import re

import pytest

from reports import write_all
from reports.runrecord import RunRecord


def summary(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_title_line_has_outcome_site_and_date_then_score_and_verdict(tmp_path, findings, run):
    lines = summary(tmp_path, findings, run).splitlines()
    assert lines[0] == "## netcheck ❌ 不通过（退出状态 1）：<http://fda.example.gov.cn/> · 2024-05-06"
    assert lines[2] == "**得分 71.5 · 单项否决**。触发单项否决（`--fail-on veto`）。"


def test_pass_when_exit_status_is_zero(tmp_path, empty, run):
    text = summary(tmp_path, empty, {**run, "veto": False, "veto_reasons": [], "exit_status": 0})
    assert text.splitlines()[0].startswith("## netcheck ✅ 通过（退出状态 0）：") and "未发现问题" in text
    assert "**得分 71.5 · 未触发单项否决**。没有单项否决及以上级别的问题（`--fail-on veto`）。" in text


def test_veto_reasons_name_the_rule_not_its_id(tmp_path, findings, run):
    reasons = ["site.homepage_stale：首页最新信息发布于2024-04-01，已超过14天未更新。",
               "空白栏目 5 个（达到 5 个，单项否决）"]
    lines = summary(tmp_path, findings, {**run, "veto_reasons": reasons}).splitlines()
    assert "- 单项否决 · 首页不更新：首页最新信息发布于2024-04-01，已超过14天未更新。" in lines
    assert "- 单项否决 · 空白栏目 5 个（达到 5 个，单项否决）" in lines


# (run fields, first line's outcome, the reason on the verdict line): the words follow the exit status.
OUTCOMES = [
    ({"exit_status": 1}, "❌ 不通过（退出状态 1）", "触发单项否决（`--fail-on veto`）"),
    ({"exit_status": 0, "fail_on": "never"}, "⚠️ 单项否决，但不使构建失败（退出状态 0）",
     "`--fail-on never`：问题不影响退出状态"),
    ({"exit_status": 0, "baseline": {"run_dir": "base", "new_findings": 0}},
     "⚠️ 单项否决，但不使构建失败（退出状态 0）", "对照基线，基线外新增问题未达到 `--fail-on veto` 的级别"),
    ({"exit_status": 1, "veto": False, "veto_reasons": [], "fail_on": "deduct"}, "❌ 不通过（退出状态 1）",
     "有扣分及以上级别的问题（`--fail-on deduct`）"),
    ({"exit_status": 0, "veto": False, "veto_reasons": []}, "✅ 通过（退出状态 0）",
     "没有单项否决及以上级别的问题（`--fail-on veto`）"),
    ({"exit_status": 3}, "⚠️ 评判未完成（退出状态 3）", "有规则未能运行，本次不作结论"),
    ({"exit_status": 0, "crawl_state": {"complete": False, "reason": "shutdown"}},
     "⚠️ 已中断（退出状态 130）", "抓取被中断"),
]


@pytest.mark.parametrize("fields, headline, why", OUTCOMES)
def test_the_outcome_follows_the_exit_status(tmp_path, findings, run, fields, headline, why):
    lines = summary(tmp_path, findings, {**run, **fields}).splitlines()
    title = next(line for line in lines if line.startswith("## "))
    verdict = lines[lines.index(title) + 2]
    assert title.startswith(f"## netcheck {headline}")
    assert why in verdict
    code = int(headline.split("退出状态 ")[1].rstrip("）"))
    veto = fields.get("veto", run["veto"])
    passed = re.search(r"(?<!不)通过", title)
    assert bool(passed) == (code == 0 and not veto)  # a pass only with exit 0, and never beside a veto
    assert ("· 单项否决**" in verdict) == veto and "PASS" not in title and "FAIL" not in title


def test_counts_table_per_rule_and_severity(tmp_path, findings, run):
    lines = summary(tmp_path, findings, run).splitlines()
    assert "| 问题类型 | 规则编号 | 单项否决 | 扣分 | 提示 | 合计 |" in lines
    assert "| 链接不可用 | `link.broken` | 0 | 1 | 0 | 1 |" in lines
    assert "| **合计** | | **2** | **3** | **1** | **6** |" in lines


def test_top_findings_capped_at_ten_most_serious_first(tmp_path, run, make_finding, to_frame):
    many = [make_finding("link.broken", "deduct", "办公室", None, f"http://x/{i:02d}", f"坏链{i}")
            for i in range(12)]
    many.append(make_finding("privacy.leak", "veto", "办公室", None, "http://x/p", "泄露手机号 138****0000"))
    lines = summary(tmp_path, to_frame(many), run).splitlines()
    rows = [line for line in lines if line.startswith("| 单项否决 |") or line.startswith("| 扣分 |")]
    assert len(rows) == 10 and "泄露手机号" in rows[0]
    assert "（共 13 项）" in "\n".join(lines)


def test_cells_cannot_break_the_table_or_inject_html(tmp_path, run, make_finding, to_frame):
    df = to_frame([make_finding("content.wrong_term", "deduct", "办公室", None, "http://x/a|b",
                                "A|B <img src=x>")])
    text = summary(tmp_path, df, run)
    assert "A\\|B &lt;img src=x&gt;" in text and "<img" not in text
    assert "<http://x/a%7Cb>" in text


def test_points_to_the_full_report(tmp_path, findings, run):
    text = summary(tmp_path, findings, run)
    assert "report.html" in text and "rectification.xlsx" in text


def test_history_counts_and_status_column(tmp_path, findings, run):
    df = findings.copy()
    df["status"] = ["new", "persisting", "persisting", "new", "persisting", "persisting"]
    history = {"previous_run": {"as_of": "2024-04-06"}, "new": 2, "persisting": 4, "fixed": 3, "trend": []}
    text = summary(tmp_path, df, {**run, "history": history})
    assert "与上次检查（2024-04-06）相比：新发现 2 项 · 持续存在 4 项 · 已整改 3 项" in text
    assert "| 严重程度 | 问题类型 | 状态 | 问题描述 | 页面链接 |" in text and "【新发现】" in text


def test_no_status_column_without_history(tmp_path, findings, run):
    text = summary(tmp_path, findings, run)
    assert "| 严重程度 | 问题类型 | 问题描述 | 页面链接 |" in text and "上次检查" not in text
