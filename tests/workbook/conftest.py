"""Two rounds of the demo audit with history, the office's statuses imported between them, as a
department lives through 整改: round 1 (2016-06-30), the office fills in 状态 and it is imported,
round 2 on the fixed portal (2016-07-15). Its workbook is what these tests read back and print.

Audits run as subprocesses (the Twisted reactor runs once per process), with their own history
database under tmp.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_netcheck(*args, timeout=300):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "netcheck", *map(str, args)], capture_output=True, text=True,
                            timeout=timeout, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fill_in(workbook: Path, statuses: dict[str, str], out: Path) -> None:
    """Write 状态 by 编号 into the office sheets, as a clerk does in Excel."""
    wb = openpyxl.load_workbook(workbook)
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        if "编号" not in header or "状态" not in header:
            continue
        fp_col, status_col = header.index("编号") + 1, header.index("状态") + 1
        for row in range(2, ws.max_row + 1):
            fp = ws.cell(row=row, column=fp_col).value
            if fp in statuses:
                ws.cell(row=row, column=status_col, value=statuses[fp])
    wb.save(out)


@pytest.fixture(scope="session")
def rounds(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("workbook-rounds")
    db, run1, run2 = base / "history.sqlite3", base / "run1", base / "run2"
    run_netcheck("demo", "--out", run1, "--history", db, timeout=180)
    first = {(f["rule"], f["category"]): f for f in read_jsonl(run1 / "findings.jsonl")}
    reported = {
        first[("item.late", "行政处罚")]["fingerprint"]: "已整改",  # said fixed; round 2 still finds it
        first[("column.empty", "人事信息")]["fingerprint"]: "整改中",
        next(f["fingerprint"] for f in first.values() if f["rule"] == "privacy.leak"): "已整改",  # and it is
    }
    filled = base / "反馈.xlsx"
    fill_in(run1 / "rectification.xlsx", reported, filled)
    run_netcheck("import-status", filled, "--history", db)
    run_netcheck("demo", "--fixed", "--out", run2, "--history", db, timeout=180)
    return {"run1": run1, "run2": run2, "reported": reported, "base": base,
            "first": read_jsonl(run1 / "findings.jsonl"), "second": read_jsonl(run2 / "findings.jsonl"),
            "fixed": read_jsonl(run2 / "fixed.jsonl"),
            "run": json.loads((run2 / "run.json").read_text(encoding="utf-8"))}


@pytest.fixture(scope="session")
def book(rounds):
    """Round 2's 整改清单 as openpyxl reads it."""
    return openpyxl.load_workbook(rounds["run2"] / "rectification.xlsx")


# --- findings built in-process, for workbooks of a chosen shape ------------------------------------

SITE = "http://fda.example.gov.cn/"


def finding(rule, severity, department, category=None, url=None, evidence="", points=1.0, target=None,
            detected_on="2024-05-06", deadline="2024-05-20", **extra) -> dict:
    from checks.findings import Finding, fingerprint

    return Finding(rule=rule, severity=severity, points=points, site=SITE, department=department,
                   category=category, url=url, target=target, title="标题", evidence=evidence,
                   detected_on=detected_on, deadline=deadline,
                   fingerprint=fingerprint(rule, SITE, category, url, target), **extra).to_dict()


@pytest.fixture
def make_finding():
    return finding


@pytest.fixture
def to_frame():
    import pandas as pd

    from reports.table import COLUMNS

    return lambda rows: pd.DataFrame(rows, columns=COLUMNS)


@pytest.fixture
def run() -> dict:
    return {"site": SITE, "as_of": "2024-05-06", "status": "complete",
            "catalog": {"name": "测试目录", "path": "catalog.yaml", "digest": "sha256:abc"},
            "counts": {"pages": 42, "findings": 0, "by_rule": {}}, "score": 100.0, "veto": False,
            "veto_reasons": [], "fixed": []}


OFFICES = ["办公室", "政策法规科", "行政审批科", "稽查支队", "食品安全监管科", "药品化妆品监管科", "医疗器械监管科",
           "人事科", "信息中心", "财务科", "应急管理科", "宣传科"]
LONG_BASIS = "条例2019 第二十条(二)；普查评分表 基本信息 (准确性) [V2]；W12 普查评分表：链接不可用（访问超过15秒、404、5xx计为不可用）"


@pytest.fixture(scope="session")
def long_workbook(tmp_path_factory) -> Path:
    """A partial run with a long list: one office with forty findings of long text and long links, eleven
    more offices, a rule whose points are capped, what was not verified and an earlier finding not
    checked again; the 汇总 has its banners and both tables full."""
    import pandas as pd

    from reports import write_all
    from reports.runrecord import RunRecord
    from reports.table import COLUMNS

    rows = []
    dates = {"detected_on": "2016-06-30", "deadline": "2016-07-14"}
    rules = [("item.late", "deduct", 0.5), ("link.broken", "deduct", 1.5), ("item.metadata_missing", "notice", 0.2),
             ("column.stale", "deduct", 2.0), ("link.unverified", "notice", 0.0), ("content.wrong_term", "deduct", 1.0)]
    for i in range(40):
        rule, severity, points = rules[i % len(rules)]
        url = f"{SITE}xxgk/zcwj/2016{i % 12 + 1:02d}/t2016{i:04d}_{i * 7919 % 100000}.html?channel=zwgk&id={i}"
        evidence = (f"《关于开展2016年第{i + 1}批食品安全监督抽检工作的通知》成文于2016-03-07，发布于2016-04-07，"
                    f"间隔 22 个工作日，超过规定的 20 个工作日（{url}）。" * (2 if i % 5 == 0 else 1))
        rows.append(finding(rule, severity, "办公室", "通知公告" if i % 2 else "政策文件", url, evidence, points,
                            target=f"{SITE}files/{i}.pdf" if rule.startswith("link") else None, basis=LONG_BASIS,
                            **dates))
    for n, office in enumerate(OFFICES[1:]):
        for k in range(1 + n % 3):
            rule, severity, points = rules[(n + k) % len(rules)]
            rows.append(finding(rule, severity, office, "行政许可", f"{SITE}{office}/{k}.html",
                                f"栏目“行政许可”最新信息发布于 2016-01-0{k + 1}，超过规定的更新周期 90 天。", points,
                                target=f"{SITE}files/{office}{k}.pdf" if rule.startswith("link") else None,
                                basis="政府信息公开条例（2019）第二十条", **dates))
    rows.append(finding("site.homepage_stale", "veto", "信息中心", None, SITE, "首页最新信息发布于 2016-06-01，超过 14 天未更新。",
                        0, **dates))
    breakdown = {}
    for f in rows:
        row = breakdown.setdefault(f["rule"], {"count": 0, "points": 0.0, "deducted": 0.0})
        row["count"] += 1
        row["points"] += f["points"] if f["severity"] == "deduct" else 0
    for rule, row in breakdown.items():
        row["deducted"] = min(row["points"], 10.0) if rule == "link.broken" else row["points"]
    score = round(100 - sum(r["deducted"] for r in breakdown.values()), 2)
    reason = "抓取未完成，已抓取的页面中未见该栏目，无法确认是否缺失"
    run = {"site": SITE, "as_of": "2016-06-30", "status": "partial", "score_is_verdict": False,
           "crawl_state": {"complete": False, "reason": "closespider_pagecount", "reason_cn": "达到页数上限（--max-pages）",
                           "resume": f"netcheck audit {SITE} --out runs/fda --resume"},
           "catalog": {"name": "市食品药品监督管理局政务公开内容一览表（默认）"}, "counts": {"pages": 500, "by_rule": {}},
           "score": score, "veto": True, "veto_reasons": ["site.homepage_stale：首页最新信息发布于 2016-06-01，超过 14 天未更新。"],
           "breakdown": breakdown, "judgement_errors": [],
           "outcomes": [{"rule": "column.missing", "name": "栏目缺失", "scope": "category", "category": c,
                         "outcome": "skipped", "reason": reason, "findings": 0} for c in ("行政许可", "人事信息", "财政预决算")],
           "unverified": [{"rule": "column.missing", "name": "栏目缺失", "category": c, "outcome": "skipped", "reason": reason}
                          for c in ("行政许可", "人事信息", "财政预决算")],
           "not_reverified": [{"rule": "link.broken", "category": None, "url": f"{SITE}old/notice.html",
                               "target": f"{SITE}files/old.pdf", "title": "旧通知附件", "fingerprint": "f00dfeed",
                               "reason": "抓取未完成，本次未抓取该页面"}],
           "fixed": []}
    out = tmp_path_factory.mktemp("long-workbook")
    write_all(out, pd.DataFrame(rows, columns=COLUMNS), RunRecord.from_dict(run))
    return out / "rectification.xlsx"
