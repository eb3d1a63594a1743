"""A small run to render: findings built from Finding objects, as the checks hand them over.

Builders are handed to tests as fixtures (make_finding, to_frame) rather than imported,
so the tests work under any pytest import mode and beside other folders' conftests.
"""
from __future__ import annotations

import pandas as pd
import pytest

from checks.findings import Finding, fingerprint
from reports.table import COLUMNS

SITE = "http://fda.example.gov.cn/"


def finding(rule, severity, department, category=None, url=None, evidence="", points=1.0,
            target=None, **extra) -> Finding:
    return Finding(rule=rule, severity=severity, points=points, site=SITE, department=department,
                   category=category, url=url, target=target, title="标题", evidence=evidence,
                   detected_on="2024-05-06", deadline="2024-05-20",
                   fingerprint=fingerprint(rule, SITE, category, url, target), **extra)


def frame(findings: list[Finding]) -> pd.DataFrame:
    return pd.DataFrame([f.to_dict() for f in findings], columns=COLUMNS)


@pytest.fixture
def site() -> str:
    return SITE


@pytest.fixture
def make_finding():
    return finding


@pytest.fixture
def to_frame():
    return frame


@pytest.fixture
def findings() -> pd.DataFrame:
    return frame([
        finding("item.late", "deduct", "办公室", "行政处罚", SITE + "xzcf/1.html",
                "《行政处罚决定书》成文于2024-03-01，发布于2024-04-10，超过20个工作日。", 2,
                basis="条例第二十六条", details={"delay": 27, "limit": 20}),
        finding("site.homepage_stale", "veto", "信息中心", None, SITE,
                "首页最新信息发布于2024-04-01，已超过14天未更新。", 0),
        finding("link.broken", "deduct", "信息中心", None, SITE + "news/2.html",
                "附件链接返回404。", 0.5, target=SITE + "files/a.pdf"),
        finding("link.unverified", "notice", "信息中心", None, SITE + "news/3.html",
                "链接返回403，无法确认。", 0, target="http://other.example.com/x"),
        finding("column.empty", "deduct", "法规科", "政策法规", SITE + "zcfg/",
                "栏目“政策法规”没有信息。", 2),
        finding("privacy.leak", "veto", "法规科", "行政处罚", "javascript:alert(1)",
                "页面公开了身份证号 2101**********1234 <script>x</script>。", 0),
    ])


@pytest.fixture
def empty() -> pd.DataFrame:
    return pd.DataFrame(columns=COLUMNS)


@pytest.fixture
def run() -> dict:
    """A run as run.json holds it (a test hands a writer RunRecord.from_dict of it, changed as it needs)."""
    return {
        "site": SITE, "as_of": "2024-05-06",
        "started": "2024-05-06T09:00:00", "finished": "2024-05-06T09:02:30",
        "catalog": {"name": "测试目录", "path": "catalog.yaml", "digest": "sha256:abc"},
        "counts": {"pages": 42, "findings": 6, "by_rule": {}, "by_severity": {}, "by_department": {}},
        "score": 71.5, "veto": True, "veto_reasons": ["首页不更新", "泄露个人信息"],
        "fail_on": "veto", "exit_status": 1, "versions": {"netcheck": "0.1"},
        "warnings": ["2027年不在节假日日历中，按周一至周五计算"],
        "matches": [{"category": "行政处罚", "column": "行政处罚决定", "method": "alias",
                     "score": 0.92, "url": SITE + "xzcf/",
                     "near_misses": [{"column": "行政许可", "score": 0.61}]}],
        "rules": {r: {"description": "说明", "severity": "deduct", "basis": None} for r in (
            "site.unreachable", "site.homepage_stale", "column.missing", "column.empty",
            "item.late", "link.broken", "link.unverified", "privacy.leak")},
        "categories": ["行政处罚", "政策法规"],
        "fixed": [],
    }


# --- runs that are not complete (run['status'] and what goes with it) -------------------------

PARTIAL_REASON = "抓取未完成，已抓取的页面中未见该栏目，无法确认是否缺失"
EMPTY_REASON = "抓取未完成，栏目信息可能尚未抓全，无法确认是否为空白栏目"
RESUME = "netcheck audit http://fda.example.gov.cn/ --out runs/fda --resume"
STALE_ERROR = "TypeError: unsupported operand type(s) for -: 'NoneType' and 'datetime.date'"


def outcome(rule, name, outcome, category=None, reason=None, findings=0, scope=None):
    return {"rule": rule, "name": name, "scope": scope or ("category" if category else "site"),
            "category": category, "outcome": outcome, "reason": reason, "findings": findings}


def outcomes(status: str) -> list[dict]:
    """The outcome rows of the `run` fixture's rules and categories, as checks.judge lists them:
    the rule as a whole, then one per category for a rule judged per category."""
    rows = [outcome("site.unreachable", "网站无法访问", "passed"),
            outcome("site.homepage_stale", "首页不更新", "failed", findings=1),
            outcome("link.broken", "链接不可用", "failed", findings=1, scope="page"),
            outcome("link.unverified", "链接无法确认", "failed", findings=1, scope="page"),
            outcome("privacy.leak", "泄露个人信息", "failed", findings=1, scope="page"),
            outcome("item.late", "信息发布超时", "failed", findings=1, scope="item"),
            outcome("item.late", "信息发布超时", "failed", "行政处罚", findings=1, scope="item"),
            outcome("item.late", "信息发布超时", "passed", "政策法规", scope="item")]
    if status == "partial":
        rows += [outcome("column.missing", "栏目缺失", "skipped", reason=PARTIAL_REASON),
                 outcome("column.missing", "栏目缺失", "skipped", "行政处罚", PARTIAL_REASON),
                 outcome("column.missing", "栏目缺失", "skipped", "政策法规", PARTIAL_REASON),
                 outcome("column.empty", "空白栏目", "failed", findings=1),
                 outcome("column.empty", "空白栏目", "skipped", "行政处罚", EMPTY_REASON),
                 outcome("column.empty", "空白栏目", "failed", "政策法规", findings=1)]
    else:
        rows += [outcome("column.missing", "栏目缺失", "passed"),
                 outcome("column.missing", "栏目缺失", "passed", "行政处罚"),
                 outcome("column.missing", "栏目缺失", "passed", "政策法规"),
                 outcome("column.empty", "空白栏目", "failed", findings=1),
                 outcome("column.empty", "空白栏目", "passed", "行政处罚"),
                 outcome("column.empty", "空白栏目", "failed", "政策法规", findings=1)]
    if status == "incomplete":
        reason = f"规则运行出错（{STALE_ERROR}）"
        rows += [outcome("column.stale", "栏目不更新", "error", reason=reason),
                 outcome("column.stale", "栏目不更新", "error", "行政处罚", reason),
                 outcome("column.stale", "栏目不更新", "error", "政策法规", reason)]
    return rows


def unverified(rows: list[dict]) -> list[dict]:
    """What checks.judge's Judgement.unverified() gives: a rule's categories said once when the
    whole rule says the same."""
    whole = {r["rule"]: r for r in rows if r["category"] is None}
    out = []
    for r in rows:
        if r["outcome"] not in ("skipped", "error"):
            continue
        w = whole.get(r["rule"])
        if r["category"] and w and (w["outcome"], w["reason"]) == (r["outcome"], r["reason"]):
            continue
        out.append({k: r[k] for k in ("rule", "name", "category", "outcome", "reason")})
    return out


NOT_REVERIFIED = [{"rule": "link.broken", "category": None, "url": SITE + "old/notice.html",
                   "target": SITE + "files/old.pdf", "title": "旧通知附件", "fingerprint": "f00dfeed",
                   "reason": "抓取未完成，本次未抓取该页面"}]


def with_status(run: dict, status: str, history: bool = False) -> dict:
    """The `run` fixture as the judging now hands it over, with status 'complete', 'partial' or 'incomplete'."""
    rows = outcomes(status)
    out = {**run, "status": status, "outcomes": rows, "unverified": unverified(rows),
           "score_is_verdict": status == "complete",
           "crawl_state": {"complete": True, "reason": "finished", "reason_cn": "抓取完成", "resume": None},
           "judgement_errors": [], "not_reverified": []}
    if status == "partial":
        out["crawl_state"] = {"complete": False, "reason": "closespider_pagecount",
                              "reason_cn": "达到页数上限（--max-pages）", "resume": RESUME}
        out["not_reverified"] = NOT_REVERIFIED
    if status == "incomplete":
        out["judgement_errors"] = [{"rule": "column.stale", "name": "栏目不更新", "error": STALE_ERROR}]
        out["exit_status"] = 3
        out["rules"] = {**run["rules"], "column.stale": {"description": "说明", "severity": "deduct", "basis": None}}
    if history:
        out["history"] = {"previous_run": {"as_of": "2024-04-06", "score": 65.0}, "new": 2, "persisting": 4,
                          "fixed": 0, "unverified": len(out["not_reverified"]), "trend": []}
    return out


@pytest.fixture
def run_with():
    """run_with(run, status, history=False): the run fixture with a completeness status."""
    return with_status
