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
