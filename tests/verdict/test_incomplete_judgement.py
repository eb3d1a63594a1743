"""A rule that raises, or any error after the crawl, makes the run incomplete: its own exit status
(3), the reason in run.json and at the top of every output, no ranked score, and never a Python
traceback with exit 1 that CI would read as a verdict."""
import shutil

import pytest

import checks
import reports
from checks.registry import rule
from netcheck import cli
from verdictrun import audit, outputs_text, run_json


@pytest.fixture(scope="module")
def saved_run(demo_site, tmp_path_factory):
    _, url = demo_site
    out = tmp_path_factory.mktemp("saved") / "run"
    done = audit(url, out, "--no-history")
    assert done.returncode == 0, done.stderr
    return out


@rule("column.stale", name="栏目不更新", scope="category", whole_site=True)
def exploding_stale(ctx):
    """栏目不更新（测试中故意出错）。"""
    raise TypeError("Invalid value for dtype 'str'")


def with_rule(replacement):
    return tuple(replacement if r.rule_id == replacement.rule_id else r for r in checks.RULES)


def test_a_rule_that_raises_gives_an_incomplete_run_with_exit_3_and_a_banner(saved_run, tmp_path, monkeypatch,
                                                                               capsys):
    run_dir = tmp_path / "run"
    shutil.copytree(saved_run, run_dir)
    monkeypatch.setattr(checks, "RULES", with_rule(exploding_stale))
    code = cli.main(["report", str(run_dir), "--as-of", "2016-06-30", "--no-history", "--fail-on", "never"])
    assert code == 3
    run = run_json(run_dir)
    assert run["status"] == "incomplete" and run["exit_status"] == 3 and run["score_is_verdict"] is False
    assert run["judgement_errors"] == [{"rule": "column.stale", "name": "栏目不更新",
                                        "error": "TypeError: Invalid value for dtype 'str'"}]
    assert {u["rule"] for u in run["unverified"] if u["outcome"] == "error"} == {"column.stale"}
    out = capsys.readouterr().out
    assert "评判未完成" in out
    texts = outputs_text(run_dir)
    for name in ("report.html", "summary.md", "rectification.xlsx"):
        assert "评判未完成" in texts[name], name
    assert '<property name="status" value="incomplete"' in texts["junit.xml"] and "<error" in texts["junit.xml"]
    others = {f["rule"] for f in run["outcomes"] if f["outcome"] == "failed"}
    assert {"column.missing", "column.empty", "link.broken"} <= others  # the other rules still ran


def test_an_unexpected_error_after_the_crawl_is_one_line_and_exit_3(saved_run, tmp_path, monkeypatch, capsys):
    run_dir = tmp_path / "run"
    shutil.copytree(saved_run, run_dir)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(reports, "write_all", broken)
    code = cli.main(["report", str(run_dir), "--as-of", "2016-06-30", "--no-history"])
    err = capsys.readouterr().err
    assert code == 3
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "RuntimeError: disk on fire" in err and f"netcheck report {run_dir}" in err
    assert "disk on fire" in (run_dir / "judge-error.log").read_text(encoding="utf-8")
    assert (run_dir / "pages.jsonl").stat().st_size > 0  # the crawl is kept
