"""整改销号 closes only what was checked again. Audit a site; audit it again while it is down, with
a rule that raises, and cut short by --max-pages: none of those rounds marks anything fixed, each
keeps the earlier findings open as 未核实. Then the bureau really fixes some defects, and exactly
those are fixed."""
import shutil
import socket
import sqlite3

import pytest

import checks
from checks.registry import rule
from netcheck import cli
from netcheck.demo import fixes
from netcheck.demo.site import build
from verdictrun import audit, read_jsonl, run_json

SITE = "demo-site"
# The planted defects the demo's fixes remove (tests/history/test_demo_fix_history.py)
FIXED = sorted([("link.broken", "/xwdt/xwjx/201603/t20160315_5250.html"),
                ("link.broken", "/xxgk/zcwj/201512/t20151228_5105.html"),
                ("privacy.leak", "/xxgk/xzcf/201606/t20160615_5342.html"),
                ("privacy.leak", "/xxgk/xzcf/201606/t20160615_5342.html"),
                ("column.stale", "/tzgg/index.html")])


@rule("column.stale", name="栏目不更新", scope="category", whole_site=True)
def exploding_stale(ctx):
    """栏目不更新（测试中故意出错）。"""
    raise KeyError("newest")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def path(url):
    from urllib.parse import urlsplit

    return urlsplit(url).path if url else None


@pytest.fixture
def history(tmp_path):
    return ["--history", str(tmp_path / "history.sqlite3"), "--site-id", SITE]


def test_only_a_complete_recheck_marks_findings_fixed(demo_site, tmp_path, history, monkeypatch):
    server, url = demo_site
    first = audit(url, tmp_path / "r1", *history)
    assert first.returncode == 0, first.stderr
    before = {f["fingerprint"] for f in read_jsonl(tmp_path / "r1" / "findings.jsonl")}

    down = audit(f"http://127.0.0.1:{closed_port()}/", tmp_path / "r2", *history)
    assert down.returncode == 0, down.stderr
    assert read_jsonl(tmp_path / "r2" / "fixed.jsonl") == []
    assert {f["fingerprint"] for f in run_json(tmp_path / "r2")["not_reverified"]} == before

    shutil.rmtree(tmp_path / "r3", ignore_errors=True)
    crawled = audit(url, tmp_path / "r3", "--no-history")
    assert crawled.returncode == 0, crawled.stderr
    monkeypatch.setattr(checks, "RULES", tuple(exploding_stale if r.rule_id == "column.stale" else r
                                              for r in checks.RULES))
    assert cli.main(["report", str(tmp_path / "r3"), "--as-of", "2016-06-30", "--fail-on", "never", *history]) == 3
    monkeypatch.undo()
    assert read_jsonl(tmp_path / "r3" / "fixed.jsonl") == []
    unverified = run_json(tmp_path / "r3")["not_reverified"]
    assert unverified and {f["rule"] for f in unverified} == {"column.stale"}

    cut = audit(url, tmp_path / "r4", "--max-pages", "5", *history)
    assert cut.returncode == 0, cut.stderr
    assert read_jsonl(tmp_path / "r4" / "fixed.jsonl") == []
    assert run_json(tmp_path / "r4")["not_reverified"]

    server.site = build(tuple(fixes.FIXES))
    try:
        fixed_run = audit(url, tmp_path / "r5", *history, as_of=fixes.AS_OF.isoformat())
    finally:
        server.site = build()
    assert fixed_run.returncode == 0, fixed_run.stderr
    fixed = read_jsonl(tmp_path / "r5" / "fixed.jsonl")
    assert sorted((f["rule"], path(f["url"])) for f in fixed) == FIXED
    assert run_json(tmp_path / "r5")["history"]["previous_run"]["run_dir"].endswith("r1")
    with sqlite3.connect(tmp_path / "history.sqlite3") as conn:
        statuses = [s for (s,) in conn.execute("select status from runs order by id")]
    assert statuses == ["complete", "unreachable", "incomplete", "partial", "complete"]
