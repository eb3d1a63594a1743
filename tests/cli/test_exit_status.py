"""Exit status and refusals as the SPEC fixes them."""
import json


def test_unreachable_site_writes_a_run_with_site_unreachable_and_exits_1(netcheck, jsonl, closed_port, tmp_path):
    out = tmp_path / "run"
    result = netcheck("audit", f"http://127.0.0.1:{closed_port}/", "--allow-private", "--out", out, "--as-of", "2016-06-30",
                      "-s", "RETRY_TIMES=0")
    assert result.returncode == 1, result.stderr
    findings = jsonl(out / "findings.jsonl")
    assert [f["rule"] for f in findings] == ["site.unreachable"]
    assert "连接被拒绝" in findings[0]["evidence"]
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["veto"] is True and run["exit_status"] == 1
    for name in ("rectification.xlsx", "report.html", "junit.xml", "summary.md", "fixed.jsonl", "pages.jsonl"):
        assert (out / name).is_file(), name


def test_fail_on_never_exits_0_for_the_same_site(netcheck, closed_port, tmp_path):
    result = netcheck("audit", f"http://127.0.0.1:{closed_port}/", "--allow-private", "--out", tmp_path / "run", "--fail-on", "never",
                      "-s", "RETRY_TIMES=0")
    assert result.returncode == 0, result.stderr


def test_bad_severity_in_catalog_is_refused_with_file_row_and_reason_exit_2(netcheck, tmp_path, closed_port):
    catalog = tmp_path / "bad.yaml"
    catalog.write_text("categories:\n  - category: 行政处罚\n    severity: deduct\n"
                       "  - category: 行政许可\n    severity: 严重\n", encoding="utf-8")
    result = netcheck("audit", f"http://127.0.0.1:{closed_port}/", "--allow-private", "--catalog", catalog, "--out", tmp_path / "r")
    assert result.returncode == 2
    assert f"{catalog}，第 2 个栏目（行政许可），第 4 行，「severity」：「严重」无法识别：请填 单项否决、扣分、提示" in result.stderr
    assert not (tmp_path / "r").exists()  # refused before any crawling


def test_bad_usage_exits_2(netcheck, tmp_path):
    assert netcheck("audit", "ftp://example.invalid/").returncode == 2
    assert netcheck("audit", "http://127.0.0.1:9/", "--allow-private", "--as-of", "2016-13-01").returncode == 2
    result = netcheck("report", tmp_path)
    assert result.returncode == 2 and "pages.jsonl" in result.stderr


def test_catalog_check_prints_what_it_understood(netcheck):
    result = netcheck("catalog", "check", "checks/default_catalog.yaml")
    assert result.returncode == 0
    assert "33 个栏目" in result.stdout and "行政处罚" in result.stdout and "稽查支队" in result.stdout
