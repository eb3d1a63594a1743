from reports import write_all


def summary(tmp_path, findings, run):
    write_all(tmp_path, findings, run)
    return (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_title_line_has_site_date_score_and_verdict(tmp_path, findings, run):
    title = summary(tmp_path, findings, run).splitlines()[0]
    assert "FAIL" in title and "http://fda.example.gov.cn/" in title
    assert "2024-05-06" in title and "71.5" in title


def test_pass_when_exit_status_is_zero(tmp_path, empty, run):
    text = summary(tmp_path, empty, {**run, "veto": False, "veto_reasons": [], "exit_status": 0})
    assert "PASS" in text.splitlines()[0] and "未发现问题" in text


def test_counts_table_per_rule_and_severity(tmp_path, findings, run):
    lines = summary(tmp_path, findings, run).splitlines()
    assert "| 问题类型 | 规则 | 单项否决 | 扣分 | 提示 | 合计 |" in lines
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
