"""A whole site as real portals are built — TRS and Hanweb columns, a GBK section, a Big5
section, a calendar trap, a soft-404, a 429 that clears — crawled over real HTTP."""
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from e2erun import env_with_cache, run_audit
from mixed_site import MixedSite


def records(out: Path) -> list[dict]:
    return [json.loads(l) for l in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]


def findings(out: Path) -> list[dict]:
    return [json.loads(l) for l in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mixed")
    env = env_with_cache(tmp / "cache")
    site = MixedSite().start()
    first = run_audit(site.url, tmp / "first", env)
    assert first.returncode == 0, first.stderr
    first_bytes = site.body_bytes
    second = run_audit(site.url, tmp / "second", env)
    assert second.returncode == 0, second.stderr
    yield {"site": site, "out": tmp / "first", "again": tmp / "second", "first_bytes": first_bytes,
           "second_bytes": site.body_bytes - first_bytes}
    site.stop()


def test_every_column_is_read_whole_with_its_newest_item(crawl):
    run = json.loads((crawl["out"] / "run.json").read_text(encoding="utf-8"))
    got = {m["category"]: (m["column"], m["items"], m["newest"]) for m in run["matches"]}
    assert got == {
        "行政处罚": ("行政处罚", 9, "2016-06-24"),  # TRS: pages 2 and 3 only in createPageHTML
        "监督抽检": ("监督抽检", 6, "2016-06-22"),  # Hanweb: 3 in the datastore, 3 from the data proxy
        "新闻动态": ("工作动态", 2, "2016-06-27"),  # GBK section, dates in table cells
        "通知公告": ("通知公告", 2, "2016-06-20"),  # Big5 section, [06-20] with the year from the page
    }


def test_soft_404_is_broken_and_the_429_that_cleared_is_not(crawl):
    found = findings(crawl["out"])
    broken = {urlsplit(f["target"]).path for f in found if f["rule"] == "link.broken"}
    assert broken == {"/about/old.html"}
    assert not [f for f in found if f["target"] and f["target"].endswith("/busy.html")]
    busy = [r for r in records(crawl["out"]) if r["url"].endswith("/busy.html")]
    assert [r["status"] for r in busy] == [200]


def test_the_calendar_trap_does_not_keep_the_crawl_going(crawl):
    calendar = [r for r in records(crawl["out"]) if "/calendar.jsp" in r["url"]]
    assert 1 <= len(calendar) <= 60
    run = json.loads((crawl["out"] / "run.json").read_text(encoding="utf-8"))
    assert run["crawl"]["finish_reason"] == "finished"


def test_gbk_and_big5_pages_are_read_as_chinese(crawl):
    by_path = {urlsplit(r["url"]).path: r for r in records(crawl["out"])}
    gbk = by_path["/gbk/gzdt/201606/t20160615_2.html"]  # GBK bytes, no charset declared
    assert gbk["title"] == "市局开展端午节前食品安全检查" and gbk["published"] == "2016-06-15"
    big5 = by_path["/big5/tzgg/t20160620_1.html"]
    assert big5["title"] == "關於開展食品安全宣傳週活動的通知"
    assert big5["breadcrumb"][:2] == ["首頁", "通知公告"] and big5["formed"] == "2016-06-20"


def test_a_second_run_of_the_unchanged_site_downloads_a_small_fraction_of_the_bytes(crawl):
    assert crawl["second_bytes"] < 0.2 * crawl["first_bytes"], (crawl["first_bytes"], crawl["second_bytes"])
    first = sorted(f["fingerprint"] for f in findings(crawl["out"]))
    assert sorted(f["fingerprint"] for f in findings(crawl["again"])) == first
    print(f"first run {crawl['first_bytes']} body bytes, second run {crawl['second_bytes']}")
