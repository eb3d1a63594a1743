"""New, persisting and fixed, judged on plain rows: first_seen travels along an unbroken chain of
runs, a gap starts a new chain, overdue means past the previous run's deadline, and a reported
status is shown only if it was reported during the finding's current chain."""
from datetime import date

import pytest

from checks.findings import Finding
from netcheck.history import compare

SITE = "http://www.pjfda.gov.cn/"


def finding(fp: str, deadline="2016-07-29") -> Finding:
    return Finding(rule="item.late", severity="deduct", points=1, site=SITE, department="办公室",
                   category="行政处罚", url=f"{SITE}{fp}.html", target=None, title="t", evidence="e",
                   detected_on="2016-07-15", deadline=deadline, fingerprint=fp)


def previous(as_of=date(2016, 6, 30)):
    return {"as_of": as_of, "site_url": "http://old.example/", "score": 90.0, "veto": False, "run_dir": None,
            "run_key": "r1", "counts": {"findings": 2}}


def row(fp: str, first_seen=None, deadline=date(2016, 7, 14)):
    return {"id": 7, "run_id": 1, "fingerprint": fp, "rule": "item.late", "severity": "deduct", "points": 1.0,
            "category": "行政处罚", "department": "办公室", "url": f"{SITE}{fp}.html", "target": None,
            "title": "t", "evidence": "e", "basis": None, "detected_on": date(2016, 6, 30), "deadline": deadline,
            "first_seen": first_seen, "status": "new", "details": {"delay": 9}}


def test_first_run_makes_every_finding_new_as_of_today():
    found = [finding("a"), finding("b")]
    result = compare(found, None, [], date(2016, 6, 30))
    assert [(f.status, f.first_seen) for f in found] == [("new", "2016-06-30")] * 2
    assert (result.new, result.persisting, result.fixed) == (2, 0, [])


def test_first_seen_is_carried_along_the_chain_and_gone_findings_are_fixed():
    found = [finding("a"), finding("c")]
    result = compare(found, previous(), [row("a", first_seen=date(2016, 5, 31)), row("b")], date(2016, 7, 15))
    a, c = found
    assert (a.status, a.first_seen) == ("persisting", "2016-05-31")  # from the run before last
    assert (c.status, c.first_seen) == ("new", "2016-07-15")
    [fixed] = result.fixed
    assert (fixed["fingerprint"], fixed["status"], fixed["fixed_on"], fixed["last_seen"]) == (
        "b", "fixed", "2016-07-15", "2016-06-30")
    assert fixed["first_seen"] == "2016-06-30" and fixed["site"] == "http://old.example/"
    assert fixed["deadline"] == "2016-07-14" and fixed["details"] == {"delay": 9}
    assert "id" not in fixed and "run_id" not in fixed


def test_a_finding_that_went_away_and_came_back_starts_a_new_chain():
    # The run in between did not have it, so the previous run's rows do not either.
    found = [finding("a")]
    compare(found, previous(date(2016, 7, 15)), [row("b")], date(2016, 7, 31))
    assert (found[0].status, found[0].first_seen) == ("new", "2016-07-31")


@pytest.mark.parametrize("as_of, overdue", [
    (date(2016, 7, 13), False),
    (date(2016, 7, 14), False),  # due that day: still in time
    (date(2016, 7, 15), True),
])
def test_persisting_past_the_previous_deadline_is_overdue(as_of, overdue):
    found = [finding("a")]
    compare(found, previous(), [row("a", deadline=date(2016, 7, 14))], as_of)
    assert found[0].details.get("overdue", False) is overdue
    assert found[0].details.get("previous_deadline") == ("2016-07-14" if overdue else None)


@pytest.mark.parametrize("status, flagged", [("已整改", True), (" 已整改完毕 ", True), ("整改中", False),
                                             ("暂无法整改", False), ("已联系厂商，下周修复", False)])
def test_reported_status_is_shown_and_already_fixed_but_found_is_flagged(status, flagged):
    found = [finding("a")]
    reported = {"a": {"status": status, "note": "说明", "reported_on": date(2016, 7, 5)}}
    compare(found, previous(), [row("a")], date(2016, 7, 15), reported)
    d = found[0].details
    assert (d["reported_status"], d["reported_note"], d["reported_on"]) == (status, "说明", "2016-07-05")
    assert d.get("reported_fixed_but_found", False) is flagged


def test_a_status_reported_before_the_current_chain_began_is_not_shown():
    found = [finding("a")]
    reported = {"a": {"status": "已整改", "note": None, "reported_on": date(2016, 6, 1)}}
    compare(found, previous(), [row("a", first_seen=date(2016, 6, 20))], date(2016, 7, 15), reported)
    assert "reported_status" not in found[0].details


def test_new_findings_never_get_a_reported_status():
    found = [finding("a")]
    compare(found, previous(), [], date(2016, 7, 15), {"a": {"status": "已整改", "reported_on": date(2016, 7, 1)}})
    assert found[0].status == "new" and found[0].details == {}


def test_a_wording_finding_under_its_earlier_fingerprint_key_persists_and_is_not_listed_fixed():
    """netcheck before issue 16 keyed a content.wrong_term finding by its term; now by term and snippet.
    The first audit after the change must carry the chain on, not say the term was fixed and found anew."""
    from checks.findings import fingerprint

    url, term = f"{SITE}xwdt/1.html", "国家食品药品监督管理总局"
    old_fp = fingerprint("content.wrong_term", SITE, "新闻动态", url, None, term)
    new_fp = fingerprint("content.wrong_term", SITE, "新闻动态", url, None, f"{term}\x1f…据国家食品药品监督管理总局通报…")
    now = Finding(rule="content.wrong_term", severity="notice", points=1, site=SITE, department="办公室",
                  category="新闻动态", url=url, target=None, title="t", evidence="e", detected_on="2016-07-15",
                  deadline="2016-07-29", fingerprint=new_fp, details={"term": term, "snippet": "…"})
    earlier = {**row(old_fp, first_seen=date(2016, 5, 31)), "rule": "content.wrong_term", "category": "新闻动态",
               "url": url, "details": {"term": term, "count": 1}}
    result = compare([now], previous(), [earlier], date(2016, 7, 15))
    assert (now.status, now.first_seen, now.deadline) == ("persisting", "2016-05-31", "2016-07-14")
    assert result.fixed == [] and (result.new, result.persisting) == (0, 1)
