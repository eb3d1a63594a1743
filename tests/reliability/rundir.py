"""What a run directory and its history database must hold whenever a netcheck process stops, however
it stops: each report file whole, all of them from one run, and the history holding only whole runs.

Every reader here fails with the file's name and what is wrong with it, so a kill test that lands on
a loss says which file was lost.
"""
from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

from openpyxl import load_workbook

from reports.xlsx import OWN_SHEETS

REPORTS = ("findings.jsonl", "rectification.xlsx", "report.html", "junit.xml", "summary.md", "run.json",
           "fixed.jsonl")
CRAWL = "pages.jsonl"
SUMMARY_SHEET, FINGERPRINT_HEADER = "汇总", "编号"


def jsonl(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), f"{path.name}: the last line is cut off"
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        try:
            out.append(json.loads(line))
        except ValueError as exc:
            raise AssertionError(f"{path.name} line {n} does not parse: {exc}") from exc
    return out


def identity(run_dir: Path) -> dict[str, tuple[int, int, int]]:
    """Each report file's (inode, mtime, size): a file moved into place is a new inode."""
    out = {}
    for name in REPORTS:
        try:
            st = (run_dir / name).stat()
        except FileNotFoundError:
            continue
        out[name] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def read_reports(run_dir: Path) -> dict:
    """Every report of the run directory read back whole, or an AssertionError naming the broken one."""
    missing = [n for n in REPORTS if not (run_dir / n).is_file()]
    assert not missing, f"report files missing: {missing}"
    try:
        run = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    except ValueError as exc:
        raise AssertionError(f"run.json does not parse: {exc}") from exc
    try:
        wb = load_workbook(run_dir / "rectification.xlsx", read_only=True)
    except Exception as exc:  # noqa: BLE001 - a torn zip raises anything from zipfile to KeyError
        raise AssertionError(f"rectification.xlsx does not open: {exc!r}") from exc
    try:
        summary = {row[0]: row[1] for row in wb[SUMMARY_SHEET].iter_rows(values_only=True) if row and row[0]}
        sheet_fingerprints = []
        for ws in wb.worksheets[1:]:
            if ws.title in OWN_SHEETS:  # netcheck's own (未核实, 本网站抓取统计 …): no office's
                continue
            rows = list(ws.iter_rows(values_only=True))
            col = rows[0].index(FINGERPRINT_HEADER)
            sheet_fingerprints += [r[col] for r in rows[1:] if r and r[0] is not None]
    finally:
        wb.close()
    try:
        junit = ET.parse(run_dir / "junit.xml").getroot()
    except ET.ParseError as exc:
        raise AssertionError(f"junit.xml does not parse: {exc}") from exc
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>"), "report.html is cut off"
    markdown = (run_dir / "summary.md").read_text(encoding="utf-8")
    assert markdown.endswith("\n"), "summary.md is cut off"
    return {"run": run, "findings": jsonl(run_dir / "findings.jsonl"), "fixed": jsonl(run_dir / "fixed.jsonl"),
            "summary_sheet": summary, "sheet_fingerprints": sheet_fingerprints, "junit": junit, "html": html,
            "markdown": markdown}


def assert_one_run(reports: dict) -> None:
    """The files agree with each other: what run.json counts is what the other files hold."""
    run, findings = reports["run"], reports["findings"]
    fingerprints = sorted(f["fingerprint"] for f in findings)
    assert run["counts"]["findings"] == len(findings), "run.json and findings.jsonl are from different runs"
    assert sorted(reports["sheet_fingerprints"]) == fingerprints, \
        "rectification.xlsx and findings.jsonl are from different runs"
    assert reports["summary_sheet"].get("问题总数") == len(findings)
    assert reports["summary_sheet"].get("页面数") == run["counts"]["pages"]
    suite = reports["junit"].find("testsuite")
    assert suite is not None and suite.get("timestamp") == run["started"], \
        "junit.xml and run.json are from different runs"
    assert run["started"] in reports["html"] and run["finished"] in reports["html"], \
        "report.html and run.json are from different runs"
    assert run["site_id"] in reports["markdown"]


def stray(run_dir: Path) -> list[str]:
    """Entries that are neither a report, the crawl, how it ended, nor the run's catalog copy."""
    return sorted(p.name for p in run_dir.iterdir()
                  if p.name not in REPORTS and p.name not in (CRAWL, "crawl.json") and not p.name.startswith("catalog."))


def history(db: Path) -> list[dict]:
    """The runs in the history database, each with how many finding rows it holds; the database
    must pass SQLite's own integrity check (opening it rolls back a killed transaction's journal)."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], "history database is corrupt"
        rows = conn.execute("SELECT r.run_key, r.counts, (SELECT count(*) FROM findings f WHERE f.run_id = r.id) "
                            "FROM runs r ORDER BY r.id").fetchall()
        orphans = conn.execute("SELECT count(*) FROM findings WHERE run_id NOT IN (SELECT id FROM runs)").fetchone()[0]
    finally:
        conn.close()
    assert orphans == 0, "findings without their run in history"
    out = [{"run_id": key, "findings": json.loads(counts)["findings"], "rows": n} for key, counts, n in rows]
    for r in out:
        assert r["rows"] == r["findings"], f"history holds run {r['run_id']} without all its findings"
    return out
