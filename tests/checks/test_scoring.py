"""Scoring as the national check: counting vetoes, early warnings, capped deductions."""
import pytest

from checks.catalog import load_catalog
from checks.findings import Finding
from checks.scoring import score


def finding(rule, category=None, severity="deduct", points=2.0):
    return Finding(rule=rule, severity=severity, points=points, site="http://s.test/", department="办公室",
                   category=category, url=None, target=None, title="", evidence="…", detected_on="2016-06-30",
                   deadline="2016-07-14", fingerprint=rule + (category or ""))


CATALOG = load_catalog()
KEY = ["新闻动态", "通知公告", "政策文件"]
BLANK = ["人事信息", "规划计划", "机构职能", "领导信息", "权力清单", "行政许可"]


@pytest.mark.parametrize("n_blank, veto, warned", [(2, False, False), (3, False, True), (4, False, True),
                                                   (5, True, False)])
def test_blank_columns_veto_at_five_and_warn_above_two(n_blank, veto, warned):
    result = score([finding("column.empty", c) for c in BLANK[:n_blank]], CATALOG, {})
    assert result["veto"] is veto
    assert any("空白栏目" in w for w in result["early_warnings"]) is warned
    assert result["counters"]["blank_columns"] == n_blank


def test_five_stale_key_columns_veto_though_each_is_only_a_deduction():
    cats = ["新闻动态", "通知公告", "政策文件", "新闻动态", "通知公告"]
    result = score([finding("column.stale", c) for c in cats], CATALOG, {})
    assert result["veto"] and "栏目不更新" in result["veto_reasons"][0]
    result = score([finding("column.stale", c) for c in cats[:4]], CATALOG, {})
    assert not result["veto"]


def test_2019_counts_notices_and_policy_columns_only_at_the_first_level():
    import dataclasses

    catalog = dataclasses.replace(CATALOG, edition=2019)
    cats = ["新闻动态", "新闻动态", "通知公告", "政策文件", "通知公告"]
    facts = {"first_level": {"通知公告": False, "政策文件": False}}
    assert score([finding("column.stale", c) for c in cats], catalog, facts)["counters"]["key_columns_stale"] == 2
    assert score([finding("column.stale", c) for c in cats], CATALOG, facts)["counters"]["key_columns_stale"] == 5


def test_homepage_early_warning_between_10_and_14_days():
    assert score([], CATALOG, {"homepage_age_days": 12, "homepage_limit_days": 14})["early_warnings"]
    assert not score([], CATALOG, {"homepage_age_days": 9, "homepage_limit_days": 14})["early_warnings"]


def test_deductions_add_up_from_100_and_stop_at_the_rules_cap():
    many = [finding("link.broken", points=0.1) for _ in range(300)]  # 30 points, capped at 10
    result = score(many + [finding("column.stale", "通知公告", points=2)], CATALOG, {})
    assert result["breakdown"]["link.broken"] == {"count": 300, "points": 30.0, "deducted": 10.0}
    assert result["score"] == 88.0
    assert score([finding("link.unverified", severity="notice", points=5)], CATALOG, {})["score"] == 100.0


def test_a_veto_finding_fails_the_site():
    result = score([finding("site.homepage_stale", severity="veto", points=0)], CATALOG, {})
    assert result["veto"] and result["veto_reasons"][0].startswith("site.homepage_stale")


def test_an_unreachable_site_scores_zero_not_a_clean_hundred():
    result = score([finding("site.unreachable", severity="veto", points=0)], CATALOG, {})
    assert result["score"] == 0.0 and result["veto"]
