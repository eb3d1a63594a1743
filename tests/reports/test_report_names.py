from reports.names import RULE_NAMES, rule_name

SPEC_RULES = ["site.unreachable", "site.homepage_stale", "column.missing", "column.empty",
              "column.stale", "item.late", "item.metadata_missing", "link.broken",
              "link.unverified", "privacy.leak", "report.annual_late", "content.wrong_term"]


def test_every_spec_rule_has_a_chinese_name():
    assert set(SPEC_RULES) <= set(RULE_NAMES)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in rule_name(r)) for r in SPEC_RULES)


def test_unknown_rule_falls_back_to_its_id():
    assert rule_name("some.new_rule") == "some.new_rule"
