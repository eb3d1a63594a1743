"""整改销号 on the demo portal: audit, the bureau fixes some defects, audit again two weeks later.

The fixed portal (netcheck/demo/fixes.py) unlinks the news article's dead citation, uploads the
missing PDF, masks the leaked ID and mobile number, and posts a new 通知公告. Those findings,
and only those, must be in the second run's fixed.jsonl; everything else persists from the first
run. Meanwhile it posted its news and a policy document as usual, so the later date makes no
column stale, nothing is new, and the score goes up.
"""
import json
from urllib.parse import urlsplit

from historyrun import FIRST_AS_OF, SECOND_AS_OF, read_jsonl

# The planted defects (netcheck/demo/answer_key.yaml) the fixes remove: (rule, page, target).
FIXED = sorted([
    ("link.broken", "/xwdt/xwjx/201603/t20160315_5250.html", "/xxgk/zcwj/201512/t20151201_999.html"),
    ("link.broken", "/xxgk/zcwj/201512/t20151228_5105.html", "/xxgk/zcwj/201512/P020160105000001.pdf"),
    ("privacy.leak", "/xxgk/xzcf/201606/t20160615_5342.html", None),  # the ID number
    ("privacy.leak", "/xxgk/xzcf/201606/t20160615_5342.html", None),  # the mobile number
    ("column.stale", "/tzgg/index.html", None),
])
# Without the two weeks' posts (fixes.keeps_posting) policy documents (newest 2016-01-02: exactly
# 180 days on 06-30, 195 on 07-15) and news (newest 2016-06-28: 17 days on 07-15, over its 14)
# would be stale for the first time, and the fixed portal would score lower than before.
NEW = 0


def path(url):
    return urlsplit(url).path if url else None


def key(f):
    return f["rule"], path(f["url"]), path(f["target"])


def test_fixed_jsonl_holds_exactly_the_findings_of_the_defects_that_were_fixed(demo_history):
    first = read_jsonl(demo_history["run1"] / "findings.jsonl")
    fixed = read_jsonl(demo_history["run2"] / "fixed.jsonl")
    planted_fixed = [f for f in first if key(f) in FIXED]
    assert sorted(key(f) for f in planted_fixed) == FIXED
    assert sorted(f["fingerprint"] for f in fixed) == sorted(f["fingerprint"] for f in planted_fixed)
    assert {(f["status"], f["first_seen"], f["last_seen"], f["fixed_on"]) for f in fixed} == {
        ("fixed", FIRST_AS_OF, FIRST_AS_OF, SECOND_AS_OF)}
    # A fixed finding is the first run's finding whole: the office can see what it fixed.
    by_fp = {f["fingerprint"]: f for f in first}
    for f in fixed:
        assert (f["evidence"], f["department"], f["deadline"]) == (
            by_fp[f["fingerprint"]]["evidence"], by_fp[f["fingerprint"]]["department"],
            by_fp[f["fingerprint"]]["deadline"])


def test_every_other_finding_persists_since_the_first_audit_and_none_is_new(demo_history):
    first = {f["fingerprint"]: f for f in read_jsonl(demo_history["run1"] / "findings.jsonl")}
    second = read_jsonl(demo_history["run2"] / "findings.jsonl")
    fixed = {f["fingerprint"] for f in read_jsonl(demo_history["run2"] / "fixed.jsonl")}
    new = [f for f in second if f["status"] == "new"]
    persisting = [f for f in second if f["status"] == "persisting"]
    assert len(new) + len(persisting) == len(second)
    assert [(f["rule"], f["category"]) for f in new] == []
    assert {f["fingerprint"] for f in persisting} == first.keys() - fixed
    assert {f["first_seen"] for f in persisting} == {FIRST_AS_OF}
    assert all(f["status"] == "new" and f["first_seen"] == FIRST_AS_OF for f in first.values())


def test_a_persisting_finding_past_its_first_deadline_is_overdue(demo_history):
    first = {f["fingerprint"]: f for f in read_jsonl(demo_history["run1"] / "findings.jsonl")}
    persisting = [f for f in read_jsonl(demo_history["run2"] / "findings.jsonl") if f["status"] == "persisting"]
    overdue = {f["fingerprint"] for f in persisting if f["details"].get("overdue")}
    assert overdue == {f["fingerprint"] for f in persisting if first[f["fingerprint"]]["deadline"] < SECOND_AS_OF}
    assert overdue and len(overdue) < len(persisting)  # notices have 20 working days: not yet due
    for f in persisting:
        if f["fingerprint"] in overdue:
            assert f["details"]["previous_deadline"] == first[f["fingerprint"]]["deadline"]


def test_run_json_names_the_previous_run_the_counts_and_the_score_trend(demo_history):
    run1 = json.loads((demo_history["run1"] / "run.json").read_text(encoding="utf-8"))
    run2 = json.loads((demo_history["run2"] / "run.json").read_text(encoding="utf-8"))
    assert run1["site_id"] == run2["site_id"] == "demo" and run1["site"] != run2["site"]  # a new port each time
    assert run1["history"]["previous_run"] is None and run1["history"]["new"] == run1["counts"]["findings"]
    h = run2["history"]
    assert h["previous_run"]["as_of"] == FIRST_AS_OF and h["previous_run"]["score"] == run1["score"]
    assert (h["new"], h["persisting"], h["fixed"]) == (NEW, run2["counts"]["findings"] - NEW, len(FIXED))
    assert h["trend"] == [
        {"as_of": FIRST_AS_OF, "score": run1["score"], "veto": run1["veto"], "findings": run1["counts"]["findings"],
         "status": "complete"},
        {"as_of": SECOND_AS_OF, "score": run2["score"], "veto": run2["veto"], "findings": run2["counts"]["findings"],
         "status": "complete"},
    ]
    assert "fixed" not in run2  # fixed findings live in fixed.jsonl only
    assert f"新增 {NEW} 条" in demo_history["second"].stdout and f"已整改 {len(FIXED)} 条" in demo_history["second"].stdout


def test_the_fixed_portal_scores_higher_than_before(demo_history):
    run1 = json.loads((demo_history["run1"] / "run.json").read_text(encoding="utf-8"))
    run2 = json.loads((demo_history["run2"] / "run.json").read_text(encoding="utf-8"))
    assert run2["score"] > run1["score"]
    assert run2["counts"]["findings"] < run1["counts"]["findings"]


def test_history_command_lists_both_runs_with_their_scores_and_a_trend(demo_history, netcheck):
    run1 = json.loads((demo_history["run1"] / "run.json").read_text(encoding="utf-8"))
    run2 = json.loads((demo_history["run2"] / "run.json").read_text(encoding="utf-8"))
    table = netcheck("history", "demo", "--history", demo_history["db"])
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    row1 = next(line for line in lines if line.startswith(FIRST_AS_OF))
    row2 = next(line for line in lines if line.startswith(SECOND_AS_OF))
    assert f"{run1['score']:g}" in row1 and str(demo_history["run1"]) in row1
    assert f"{run2['score']:g}" in row2 and str(demo_history["run2"]) in row2
    assert any(line.startswith("得分趋势 ") for line in lines)
    as_json = netcheck("history", "http://demo/", "--json", "--history", demo_history["db"])  # a URL works too
    assert as_json.returncode == 0, as_json.stderr
    runs = json.loads(as_json.stdout)["runs"]
    assert [(r["as_of"], r["score"], r["new"], r["persisting"], r["fixed"]) for r in runs] == [
        (FIRST_AS_OF, run1["score"], run1["counts"]["findings"], 0, 0),
        (SECOND_AS_OF, run2["score"], NEW, run2["counts"]["findings"] - NEW, len(FIXED))]
