"""A --baseline that is not a run directory is bad usage: exit 2, a message naming it, nothing done."""
from gatingrun import AS_OF, netcheck


def test_missing_directory_exits_2(copy_run, tmp_path, capsys):
    head = copy_run("head")
    before = (head / "run.json").read_text(encoding="utf-8")
    assert netcheck("report", head, "--as-of", AS_OF, "--baseline", tmp_path / "nope") == 2
    err = capsys.readouterr().err
    assert "基线有误" in err and str(tmp_path / "nope") in err and "没有这个文件夹" in err
    assert (head / "run.json").read_text(encoding="utf-8") == before  # refused before judging


def test_directory_without_findings_exits_2(copy_run, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert netcheck("report", copy_run("head"), "--baseline", empty) == 2
    assert "其中没有 findings.jsonl" in capsys.readouterr().err


def test_findings_that_are_not_findings_exit_2_with_the_line(copy_run, tmp_path, capsys):
    base = copy_run("base")
    lines = (base / "findings.jsonl").read_text(encoding="utf-8").count("\n")
    with open(base / "findings.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"rule": "link.broken"}\n')  # no fingerprint: not something to compare against
    assert netcheck("report", copy_run("head"), "--baseline", base) == 2
    assert f"findings.jsonl 第 {lines + 1} 行：不是带 fingerprint 的问题记录" in capsys.readouterr().err


def test_audit_refuses_a_bad_baseline_before_crawling(tmp_path, capsys):
    out = tmp_path / "run"
    assert netcheck("audit", "http://127.0.0.1:9/", "--allow-private", "--out", out, "--baseline", tmp_path / "nope") == 2
    assert "基线有误" in capsys.readouterr().err and not out.exists()
