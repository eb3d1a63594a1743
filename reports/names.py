"""The Chinese names the reports show for rule ids, severities, run statuses and rule outcomes.

Kept in one place so that the spreadsheet, the HTML page, the JUnit file and the
Markdown summary call a problem by the same name. Rule names come from the rules'
declarations; an id no rule declares (a finding from a newer netcheck) is shown as its id
rather than hidden.
"""
from __future__ import annotations

import re

from checks import SPECS

# Each rule's name as its declaration gives it (checks.registry): the reports never keep their own.
RULE_NAMES = {rule_id: spec.name for rule_id, spec in SPECS.items()}

# The one word for a veto in everything an office reads (the 2019 indicators' 单项否决; never 一票否决
# or a bare 否决 beside it). Catalogs still accept every spelling (checks.catalog.SEVERITY_WORDS).
VETO = "单项否决"
NO_VETO = "未触发单项否决"
SEVERITY_NAMES = {"veto": VETO, "deduct": "扣分", "notice": "提示"}

# How complete a run is (RunRecord.status); a run.json without it is a complete one.
RUN_STATUS_NAMES = {"complete": "检查完成", "partial": "抓取未完成", "incomplete": "评判未完成"}

# What one rule (or one rule × category) came to (RunRecord.outcomes[i].outcome).
OUTCOME_NAMES = {"passed": "通过", "failed": "发现问题", "skipped": "未核实", "error": "出错"}

# Rules judged per catalog category; the others are judged once for the whole site.
CATEGORY_RULES = frozenset(rule_id for rule_id, spec in SPECS.items() if spec.per_category)

NO_DEPARTMENT = "未指定科室"
# A rule id standing alone in text (not inside a URL, path or longer name).
_IDS = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, sorted(RULE_NAMES, key=len, reverse=True)))
                  + r")(?![\w/-])")


# Families of rules counted as one kind where counts are tabled (the 通报's columns, the 汇总's kinds): id
# prefix → the family's name. Nine a11y.* checks as nine rows or columns would crowd out the rest.
RULE_FAMILIES = {"a11y.": "无障碍与适老化"}


def family_of(rule: str) -> str:
    """The key a rule is counted under in a table of counts: its family's ('a11y.*'), else its own id."""
    return next((f"{prefix}*" for prefix in RULE_FAMILIES if rule.startswith(prefix)), rule)


def rule_name(rule: str) -> str:
    """A rule's name; a family key's ('a11y.*'), the family's."""
    if rule.endswith("*") and rule[:-1] in RULE_FAMILIES:
        return RULE_FAMILIES[rule[:-1]]
    return RULE_NAMES.get(rule, rule)


def veto_reason(text) -> str:
    """A veto reason as an office reads it. Scoring words a finding's reason `rule id：evidence`
    (run.json keeps it so, for machines); the reports show the rule's name in place of its id."""
    rule, sep, rest = str(text).partition("：")
    return f"{RULE_NAMES[rule]}：{rest}" if sep and rule in RULE_NAMES else str(text)


def without_ids(text) -> str:
    """Free text the run carries (its warnings) as an office reads it: "栏目不更新（column.stale）"
    becomes "栏目不更新", and any other rule id standing alone becomes its rule's name."""
    text = str(text)
    for rule, name in RULE_NAMES.items():
        text = text.replace(f"{name}（{rule}）", name)
    return _IDS.sub(lambda m: RULE_NAMES[m.group(1)], text)


def severity_name(severity: str) -> str:
    return SEVERITY_NAMES.get(severity, severity)


def run_status_name(status: str | None) -> str:
    """None (an older run.json) is a complete run."""
    return RUN_STATUS_NAMES.get(status or "complete", status)


def outcome_name(outcome: str) -> str:
    return OUTCOME_NAMES.get(outcome, outcome)


__all__ = ["VETO", "NO_VETO", "RULE_NAMES", "SEVERITY_NAMES", "RUN_STATUS_NAMES", "OUTCOME_NAMES", "CATEGORY_RULES",
           "NO_DEPARTMENT", "rule_name", "veto_reason", "without_ids", "severity_name", "run_status_name", "outcome_name"]
