"""Rule cases as data: tests/rules/cases/<rule id>.yaml holds cases that must flag and cases that
must not. Adding a case needs no new test code.

A case lists page records (the crawl, in pages.jsonl's shape, defaults filled in), an as-of
date, optional catalog settings laid over the default catalog (`catalog: {rules: {id: {items: …}}}`
lays settings over a rule's), and what must be found:
`flags: N`, or `flags: [{url:…, target:…, category:…, severity:…, details:{…}}]` for exact findings.
`previous: {as_of, pages, findings}` is the site's previous audit (checks.previous), for the rules
that compare with it.
The rule runs through checks.judge, as an audit runs it: `crawl_complete: false` judges the
crawl as one that ended early, and `unverified: [category or null, …]` lists exactly what the
rule must report it could not verify (未核实) instead of passing or flagging.
"""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
import yaml

import checks
from checks.catalog import load_catalog
from checks.crawl import Crawl
from checks.previous import PreviousAudit

CASES = Path(__file__).with_name("cases")
RULES = {r.rule_id: r for r in checks.RULES}


def _load():
    for path in sorted(CASES.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            yield pytest.param(doc["rule"], case, id=f"{doc['rule']}: {case['name']}")


def _page(rec: dict, i: int) -> dict:
    out = {"status": 200, "is_html": True, "depth": 0 if i == 0 else 1, "page_type": "other", "text": "",
           "title": "", "breadcrumb": [], "metadata": {}, "meta": {}, "entries": [], "links": []}
    out.update(rec)
    for key in ("published", "formed", "fetched_at"):
        if isinstance(out.get(key), date):  # a datetime too (fetched_at)
            out[key] = out[key].isoformat()
    for e in out["entries"]:
        if isinstance(e.get("date"), date):
            e["date"] = e["date"].isoformat()
    out["links"] = [{"text": "", "kind": "internal", **link} if isinstance(link, dict) else
                    {"url": link, "text": "", "kind": "internal"} for link in out["links"]]
    return out


def _previous(case: dict, pages: list[dict]) -> PreviousAudit | None:
    """The site's previous audit, as the pipeline hands it to the judge: `previous: {as_of, pages,
    findings}` (its crawl's records, defaults filled in, and its findings); none without the key."""
    given = case.get("previous")
    if given is None:
        return None
    records = [_page(p, i) for i, p in enumerate(given.get("pages") or [])]
    site = given.get("start_url") or (records[0]["url"] if records else pages[0]["url"])
    return PreviousAudit.from_records(records, given["as_of"], site, given.get("findings") or [])


def _catalog(overrides: dict | None):
    catalog = load_catalog()
    for name, changes in (overrides or {}).get("categories", {}).items():
        i = next(i for i, c in enumerate(catalog.categories) if c.name == name)
        catalog.categories[i] = dataclasses.replace(catalog.categories[i], **changes)
    if (overrides or {}).get("only_categories"):
        keep = set(overrides["only_categories"])
        catalog.categories = [c for c in catalog.categories if c.name in keep]
    for rule_id, changes in (overrides or {}).get("rules", {}).items():  # laid over the rule's settings
        catalog.rules[rule_id] = dataclasses.replace(catalog.rule(rule_id), **{
            k: tuple(v) if isinstance(v, list) else v for k, v in changes.items()})
    for key, value in (overrides or {}).items():
        if key not in ("categories", "only_categories", "rules"):
            setattr(catalog, key, value)
    return catalog


@pytest.mark.parametrize("rule_id, case", list(_load()))
def test_rule_case(rule_id, case):
    pages = [_page(p, i) for i, p in enumerate(case["pages"])]
    crawl = Crawl.from_records(case.get("start_url", pages[0]["url"]), pages)
    judgement = checks.judge(crawl, _catalog(case.get("catalog")), case["as_of"], rules=[RULES[rule_id]],
                             crawl_complete=case.get("crawl_complete", True), previous=_previous(case, pages))
    assert judgement.errors == []
    found = judgement.findings
    unverified = sorted((u["category"] or "") for u in judgement.unverified())
    assert unverified == sorted(c or "" for c in case.get("unverified", [])), judgement.unverified()
    expected = case["flags"]
    if isinstance(expected, int):
        assert len(found) == expected, [f.evidence for f in found]
        return
    assert len(found) == len(expected), [f.evidence for f in found]
    left = list(found)  # the judge orders findings by rule, category, page and target: match in any order
    for want in expected:
        hit = next((got for got in left if _matches(want, got)), None)
        assert hit is not None, (want, [(f.url, f.target, f.category, f.details) for f in left])
        left.remove(hit)


def _matches(want: dict, got) -> bool:
    for key, value in want.items():
        if key == "details":
            if any(got.details.get(k) != v for k, v in value.items()):
                return False
        elif key == "evidence_contains":
            if value not in got.evidence:
                return False
        elif getattr(got, key) != value:
            return False
    return True


def test_every_rule_has_cases_that_flag_and_cases_that_do_not():
    seen: dict[str, set] = {r: set() for r in RULES}
    for path in CASES.glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            n = case["flags"] if isinstance(case["flags"], int) else len(case["flags"])
            seen[doc["rule"]].add(n > 0)
    assert {r: s for r, s in seen.items() if s != {True, False}} == {}
