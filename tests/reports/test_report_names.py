from reports.names import (OUTCOME_NAMES, RULE_NAMES, RUN_STATUS_NAMES, outcome_name, rule_name,
                           run_status_name)

SPEC_RULES = ["site.unreachable", "site.homepage_stale", "column.missing", "column.empty",
              "column.stale", "item.late", "item.metadata_missing", "link.broken",
              "link.unverified", "privacy.leak", "report.annual_late", "content.wrong_term"]


def test_every_spec_rule_has_a_chinese_name():
    assert set(SPEC_RULES) <= set(RULE_NAMES)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in rule_name(r)) for r in SPEC_RULES)


def test_unknown_rule_falls_back_to_its_id():
    assert rule_name("some.new_rule") == "some.new_rule"


def test_run_statuses_and_outcomes_have_chinese_names():
    assert RUN_STATUS_NAMES == {"complete": "检查完成", "partial": "抓取未完成", "incomplete": "评判未完成"}
    assert OUTCOME_NAMES == {"passed": "通过", "failed": "发现问题", "skipped": "未核实", "error": "出错"}
    assert run_status_name(None) == "检查完成"  # an older run.json has no status: it is complete
    assert run_status_name("partial") == "抓取未完成" and outcome_name("skipped") == "未核实"
    assert outcome_name("later") == "later"
