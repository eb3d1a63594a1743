"""The Chinese names the reports show for rule ids and severities.

Kept in one place so that the spreadsheet, the HTML page, the JUnit file and the
Markdown summary call a problem by the same name. An id missing here (a new
rule) is shown as its id rather than hidden.
"""
from __future__ import annotations

RULE_NAMES = {
    "site.unreachable": "网站无法访问",
    "site.tls_invalid": "网站证书无效",
    "site.homepage_stale": "首页不更新",
    "column.missing": "栏目缺失",
    "column.empty": "空白栏目",
    "column.stale": "栏目不更新",
    "item.late": "信息发布超时",
    "item.metadata_missing": "元数据缺失",
    "link.broken": "链接不可用",
    "link.unverified": "链接无法确认",
    "privacy.leak": "泄露个人信息",
    "report.annual_late": "年报逾期或缺失",
    "content.wrong_term": "表述错误",
}

SEVERITY_NAMES = {"veto": "一票否决", "deduct": "扣分", "notice": "提示"}

# Rules judged per catalog category; the others are judged once for the whole site.
CATEGORY_RULES = frozenset({
    "column.missing", "column.empty", "column.stale",
    "item.late", "item.metadata_missing", "report.annual_late",
})

NO_DEPARTMENT = "未指定科室"


def rule_name(rule: str) -> str:
    return RULE_NAMES.get(rule, rule)


def severity_name(severity: str) -> str:
    return SEVERITY_NAMES.get(severity, severity)


__all__ = ["RULE_NAMES", "SEVERITY_NAMES", "CATEGORY_RULES", "NO_DEPARTMENT", "rule_name",
           "severity_name"]
