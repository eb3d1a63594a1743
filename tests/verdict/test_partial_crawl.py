"""A crawl cut short (--max-pages, --max-time, Ctrl-C) is a partial audit: no column is called
missing, empty or stale from a site not read to the end, every output says 抓取未完成 and how to
continue, history keeps the run as partial, and `--resume` completes it."""
import sqlite3
from pathlib import Path

import yaml
from verdictrun import audit, outputs_text, read_jsonl, run_json, run_netcheck

COLUMN_RULES = ("column.missing", "column.empty", "column.stale", "report.annual_late")
# What even a complete audit of the demo cannot verify (its answer key's not_verifiable: the 2015
# report has no tables for report.inconsistent).
DEMO_KEY = Path(__file__).resolve().parents[2] / "netcheck" / "demo" / "answer_key.yaml"
_KEY = yaml.safe_load(DEMO_KEY.read_text(encoding="utf-8"))
# What a complete audit of the demo cannot verify: the key's not_verifiable rules, and privacy.leak's
# notice for the attachments it could not read (the scanned PDF), said beside its findings.
NOT_VERIFIABLE = set(_KEY.get("not_verifiable", {})) | ({"privacy.leak"} if _KEY.get("unread_attachments") else set())


def unverified_rules(run) -> set:
    return {u["rule"] for u in run["unverified"]}


def test_demo_cut_at_three_pages_gives_no_column_findings_and_says_so_everywhere(tmp_path):
    db = tmp_path / "history.sqlite3"
    result = run_netcheck("demo", "--max-pages", "3", "--out", tmp_path / "run", "--history", db, timeout=180)
    assert result.returncode == 0, result.stderr
    run = run_json(tmp_path / "run")
    assert run["status"] == "partial" and run["crawl_state"]["complete"] is False
    assert run["crawl_state"]["reason"] in ("closespider_pagecount", "netcheck/capped")
    assert "--resume" in run["crawl_state"]["resume"]
    findings = read_jsonl(tmp_path / "run" / "findings.jsonl")
    assert [f for f in findings if f["rule"] in COLUMN_RULES] == []
    outcomes = [o for o in run["outcomes"] if o["rule"] in COLUMN_RULES]
    assert outcomes and not [o for o in outcomes if o["outcome"] == "failed"]
    assert {u["rule"] for u in run["unverified"]} >= {"column.empty", "column.stale"}
    assert "抓取未完成" in result.stdout
    for name, text in outputs_text(tmp_path / "run").items():
        assert "抓取未完成" in text, name  # junit.xml: in each skipped case's 未核实 reason
    with sqlite3.connect(db) as conn:
        assert conn.execute("select status from runs").fetchall() == [("partial",)]
    assert run["crawl_state"]["resume"] == f"netcheck demo --out {tmp_path / 'run'} --resume"

    resumed = run_netcheck("demo", "--out", tmp_path / "run", "--resume", "--history", db, timeout=180)
    assert resumed.returncode == 0, resumed.stderr
    run = run_json(tmp_path / "run")
    assert run["status"] == "complete" and unverified_rules(run) == NOT_VERIFIABLE
    rules = {f["rule"] for f in read_jsonl(tmp_path / "run" / "findings.jsonl")}
    assert {"column.missing", "column.empty", "column.stale"} <= rules
    assert "抓取未完成" not in resumed.stdout


def test_an_audit_cut_short_then_resumed_is_complete(demo_site, tmp_path):
    _, url = demo_site
    cut = audit(url, tmp_path / "run", "--max-pages", "4", "--no-history")
    assert cut.returncode == 0, cut.stderr
    first = run_json(tmp_path / "run")
    assert first["status"] == "partial"
    assert not [f for f in read_jsonl(tmp_path / "run" / "findings.jsonl") if f["rule"] in COLUMN_RULES]
    resumed = audit(url, tmp_path / "run", "--resume", "--no-history")
    assert resumed.returncode == 0, resumed.stderr
    run = run_json(tmp_path / "run")
    assert run["status"] == "complete" and run["crawl_state"]["complete"] is True
    assert unverified_rules(run) == NOT_VERIFIABLE
    rules = {f["rule"] for f in read_jsonl(tmp_path / "run" / "findings.jsonl")}
    assert {"column.missing", "column.empty", "column.stale"} <= rules  # the demo's planted column defects
    assert "抓取未完成" not in (tmp_path / "run" / "summary.md").read_text(encoding="utf-8")


def test_a_crawl_killed_before_it_ended_is_judged_as_partial_by_report(demo_site, tmp_path):
    _, url = demo_site
    done = audit(url, tmp_path / "run", "--no-history")
    assert done.returncode == 0, done.stderr
    (tmp_path / "run" / "crawl.json").write_text('{"complete": false, "reason": "running"}', encoding="utf-8")
    again = run_netcheck("report", tmp_path / "run", "--as-of", "2016-06-30", "--no-history", "--fail-on", "never")
    assert again.returncode == 0, again.stderr
    run = run_json(tmp_path / "run")
    assert run["status"] == "partial" and run["crawl_state"]["reason"] == "running"
    assert not [f for f in read_jsonl(tmp_path / "run" / "findings.jsonl") if f["rule"] in COLUMN_RULES]
