"""The review queue of wording hits (issue 16): `netcheck review RUN` and the workbook's 状态 read back
by import-status mark hits confirmed or dismissed; a dismissed hit disappears from the site's next
run and stays in history as dismissed; a confirmed one counts in the score.

Runs are judged in-process from a pages.jsonl written here (no crawl): two run directories of the
same site are two runs."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from checks.catalog import load_catalog
from netcheck.cli import main
from netcheck.history import open_history
from netcheck.pipeline import judge_run
from reports.xlsx import OWN_SHEETS

SITE = "http://site.test/"
AS_OF = date(2022, 6, 30)
PAGES = [
    {"url": SITE, "title": "首页", "text": "欢迎访问"},
    {"url": SITE + "xw/1.html", "title": "专题会议", "page_type": "article", "published": "2021-05-10",
     "text": "4月28日，副局长林某华主持召开专题会议，要求全体干部再接再励。"},
    {"url": SITE + "xw/2.html", "title": "转发通知", "page_type": "article", "published": "2019-03-01",
     "text": "根据国土资源部的通知，我局开展专项检查。"},
]
LEADERS = [{"name": "林某华", "titles": [{"title": "局长", "since": date(2020, 3, 1)}]}]


def _page(rec: dict) -> dict:
    out = {"status": 200, "is_html": True, "depth": 1, "page_type": "other", "text": "", "title": "",
           "breadcrumb": [], "metadata": {}, "meta": {}, "entries": [], "links": [], "final_url": None}
    return {**out, **rec}


def _run(root: Path, name: str, store) -> tuple[Path, list[dict], dict]:
    run_dir = root / name
    run_dir.mkdir()
    with open(run_dir / "pages.jsonl", "w", encoding="utf-8") as fh:
        for rec in PAGES:
            fh.write(json.dumps(_page(rec), ensure_ascii=False) + "\n")
    catalog = load_catalog()
    catalog.leaders = LEADERS
    judge_run(run_dir, catalog, AS_OF, site=SITE, history=store)
    findings = [json.loads(line) for line in (run_dir / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    run = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    return run_dir, [f for f in findings if f["rule"] == "content.wrong_term"], run


def _by_kind(findings: list[dict]) -> dict[str, dict]:
    return {f["details"]["kind"]: f for f in findings}


@pytest.fixture
def first(tmp_path):
    db = tmp_path / "history.sqlite3"
    store = open_history(str(db))
    run_dir, findings, run = _run(tmp_path, "run1", store)
    return {"root": tmp_path, "db": db, "store": store, "run_dir": run_dir, "findings": findings, "run": run}


def test_only_the_severe_hit_counts_before_review(first):
    kinds = _by_kind(first["findings"])
    assert set(kinds) == {"leader", "typo", "wrong_term"}
    assert kinds["leader"]["details"]["level"] == "严重" and kinds["leader"]["severity"] == "deduct"
    assert kinds["typo"]["severity"] == kinds["wrong_term"]["severity"] == "notice"
    assert kinds["typo"]["details"]["position"] == PAGES[1]["text"].index("再接再励")
    assert first["run"]["breakdown"]["content.wrong_term"]["deducted"] == 1.0


def _numbers(run_dir: Path, capsys) -> dict[str, int]:
    """kind → its number in `netcheck review RUN`'s listing."""
    assert main(["review", str(run_dir)]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    names = {"错别字": "typo", "过时用语": "wrong_term", "领导姓名职务": "leader"}
    return {next(v for k, v in names.items() if k in line): int(line.split(".")[0]) for line in lines}


def test_review_dismisses_and_confirms_by_number(first, capsys, monkeypatch):
    monkeypatch.setenv("NETCHECK_HISTORY", str(first["db"]))
    numbers = _numbers(first["run_dir"], capsys)
    assert sorted(numbers.values()) == [1, 2, 3]
    assert main(["review", str(first["run_dir"]), "--dismiss", str(numbers["typo"]),
                 "--confirm", str(numbers["wrong_term"])]) == 0
    out = capsys.readouterr().out
    assert "记录审核 2 条" in out and "误报（已忽略）" in out and "已确认" in out

    _, findings, run = _run(first["root"], "run2", first["store"])
    kinds = _by_kind(findings)
    assert set(kinds) == {"leader", "wrong_term"}  # the dismissed typo is gone from the next run
    assert kinds["wrong_term"]["severity"] == "deduct" and kinds["wrong_term"]["details"]["review"] == "confirmed"
    assert run["breakdown"]["content.wrong_term"]["deducted"] == 2.0  # the confirmed one counts now
    assert any("误报" in w for w in run["warnings"])
    fixed = (first["root"] / "run2" / "fixed.jsonl").read_text(encoding="utf-8")
    assert "再接再励" not in fixed  # dismissed is not fixed
    kept = [r for r in first["store"].reviews("site.test") if r["decision"] == "dismissed"]
    assert [(r["url"], r["term"]) for r in kept] == [("/xw/1.html", "再接再励")]

    run3, findings, _ = _run(first["root"], "run3", first["store"])  # and never comes back
    assert "typo" not in _by_kind(findings)
    assert main(["review", str(run3)]) == 0
    out = capsys.readouterr().out
    assert "已有 1 处表述问题标记为误报" in out and "「再接再励」" not in out and out.count("已确认") == 1


def test_bad_numbers_are_refused(first, capsys, monkeypatch):
    monkeypatch.setenv("NETCHECK_HISTORY", str(first["db"]))
    assert main(["review", str(first["run_dir"]), "--dismiss", "9"]) == 2
    assert main(["review", str(first["run_dir"]), "--dismiss", "1", "--confirm", "1"]) == 2
    assert first["store"].reviews("site.test") == []


def _fill_in(workbook: Path, statuses: dict[str, str], out: Path) -> None:
    wb = openpyxl.load_workbook(workbook)
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        if ws.title in OWN_SHEETS or "编号" not in header:
            continue
        fp_col, status_col = header.index("编号") + 1, header.index("状态") + 1
        for row in range(2, ws.max_row + 1):
            fp = ws.cell(row=row, column=fp_col).value
            if fp in statuses:
                ws.cell(row=row, column=status_col, value=statuses[fp])
    wb.save(out)


def test_import_status_reads_the_review_of_wording_hits(first, capsys):
    kinds = _by_kind(first["findings"])
    filled = first["root"] / "filled.xlsx"
    _fill_in(first["run_dir"] / "rectification.xlsx",
             {kinds["typo"]["fingerprint"]: "误报", kinds["wrong_term"]["fingerprint"]: "已确认"}, filled)
    assert main(["import-status", str(filled), "--history", str(first["db"]), "--reported-on", "2022-07-01"]) == 0
    out = capsys.readouterr().out
    assert "其中表述问题审核 2 条（已确认 1，误报 1）" in out
    decisions = {r["term"]: r["decision"] for r in first["store"].reviews("site.test")}
    assert decisions == {"再接再励": "dismissed", "国土资源部": "confirmed"}

    _, findings, run = _run(first["root"], "run2", first["store"])
    kinds = _by_kind(findings)
    assert "typo" not in kinds and kinds["wrong_term"]["severity"] == "deduct"
    assert run["breakdown"]["content.wrong_term"]["deducted"] == 2.0
