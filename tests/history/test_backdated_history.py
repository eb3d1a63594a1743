"""疑似倒签 across audits (content.backdated): round 2's 通知公告 list shows an item dated before
round 1's audit that round 1's list did not have, and one that round 1 saw on page 2 and that a
re-sort brought to page 1. Only the first is suspected; round 3 still suspects it while it keeps
its date, and stops once the office gives it the day it really went online.

The rounds are saved crawls (pages.jsonl written here) judged with `netcheck report --history`, as
a scheduled audit re-judges: the pipeline finds round 1 in history and reads round 1's lists from
its run directory.
"""
import json

import pytest
from historyrun import read_jsonl, run_netcheck

SITE = "http://site.test"
LIST = f"{SITE}/tzgg/index.html"
OLD_ITEMS = [("通知三", "c", "2016-06-20"), ("通知二", "b", "2016-06-10"), ("通知一", "a", "2016-06-01")]
PAGE_2 = [("五月的通知", "m", "2016-05-20")]  # on page 2 in round 1
BACKDATED = ("补发的通知", "x", "2016-06-15")  # never on round 1's list, dated before it
NEW = ("七月的通知", "n", "2016-07-08")  # posted after round 1: an ordinary new item


def page(url, fetched, **fields):
    return {"url": url, "status": 200, "is_html": True, "depth": 0 if url == f"{SITE}/" else 1,
            "fetched_at": f"{fetched}T02:00:00+00:00", "title": fields.pop("title", ""), "breadcrumb": [],
            "metadata": {}, "meta": {}, "entries": [], "links": [], "text": "", "page_type": "other", **fields}


def entries(items):
    return [{"title": t, "url": f"{SITE}/tzgg/{slug}.html", "date": d} for t, slug, d in items]


def crawl(run_dir, fetched, first_page, second_page=()):
    run_dir.mkdir(parents=True)
    records = [page(f"{SITE}/", fetched, title="某某局"),
               page(LIST, fetched, page_type="list", column="通知公告", breadcrumb=["首页", "通知公告"],
                    entries=entries(first_page))]
    if second_page:
        records.append(page(f"{SITE}/tzgg/index_1.html", fetched, page_type="list", list_of=LIST,
                            entries=entries(second_page)))
    records += [page(e["url"], fetched, title=e["title"], page_type="article", published=e["date"],
                     published_source="table") for e in entries([*first_page, *second_page])]
    with open(run_dir / "pages.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def judge(run_dir, as_of, db):
    done = run_netcheck("report", run_dir, "--as-of", as_of, "--history", db, "--fail-on", "never", timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return [f for f in read_jsonl(run_dir / "findings.jsonl") if f["rule"] == "content.backdated"]


@pytest.fixture(scope="module")
def rounds(tmp_path_factory):
    base = tmp_path_factory.mktemp("backdated")
    db = base / "history.sqlite3"
    crawl(base / "run1", "2016-06-30", OLD_ITEMS, PAGE_2)
    first = judge(base / "run1", "2016-06-30", db)
    # Round 2: the list re-sorted (page 2's item now on page 1) and carrying an item never seen.
    crawl(base / "run2", "2016-07-15", [NEW, *PAGE_2, OLD_ITEMS[0], BACKDATED, *OLD_ITEMS[1:]])
    second = judge(base / "run2", "2016-07-15", db)
    crawl(base / "run3", "2016-07-30", [NEW, OLD_ITEMS[0], BACKDATED, *OLD_ITEMS[1:], *PAGE_2])
    third = judge(base / "run3", "2016-07-30", db)
    corrected = (BACKDATED[0], BACKDATED[1], "2016-07-12")
    crawl(base / "run4", "2016-08-15", [NEW, corrected, *OLD_ITEMS, *PAGE_2])
    fourth = judge(base / "run4", "2016-08-15", db)
    return {"base": base, "first": first, "second": second, "third": third, "fourth": fourth}


def test_round_1_has_nothing_to_compare_with(rounds):
    assert rounds["first"] == []


def test_round_2_suspects_the_item_round_1s_list_lacked_and_not_the_re_sorted_one(rounds):
    (f,) = rounds["second"]
    assert f["url"] == f"{SITE}/tzgg/x.html" and f["severity"] == "notice" and f["status"] == "new"
    assert f["details"] == {"kind": "backdated", "date": "2016-06-15", "list": LIST, "column": "通知公告",
                            "seen_on": "2016-06-30", "oldest": "2016-05-20", "previous_as_of": "2016-06-30"}
    assert "疑似倒签" in f["evidence"] and "2016-06-30" in f["evidence"]


def test_round_3_still_suspects_it_while_it_keeps_its_date(rounds):
    (f,) = rounds["third"]
    (before,) = rounds["second"]
    assert (f["fingerprint"], f["status"], f["first_seen"]) == (before["fingerprint"], "persisting", "2016-07-15")
    assert f["evidence"] == before["evidence"]


def test_round_4_re_dated_to_the_day_it_went_online_closes_it(rounds):
    assert rounds["fourth"] == []
    fixed = read_jsonl(rounds["base"] / "run4" / "fixed.jsonl")
    assert [f["rule"] for f in fixed if f["rule"] == "content.backdated"] == ["content.backdated"]


def test_without_round_1s_crawl_files_nothing_is_suspected(tmp_path):
    db = tmp_path / "history.sqlite3"
    crawl(tmp_path / "run1", "2016-06-30", OLD_ITEMS, PAGE_2)
    judge(tmp_path / "run1", "2016-06-30", db)
    (tmp_path / "run1" / "pages.jsonl").unlink()
    crawl(tmp_path / "run2", "2016-07-15", [NEW, *PAGE_2, OLD_ITEMS[0], BACKDATED, *OLD_ITEMS[1:]])
    assert judge(tmp_path / "run2", "2016-07-15", db) == []
    run = json.loads((tmp_path / "run2" / "run.json").read_text(encoding="utf-8"))
    assert not [u for u in run["unverified"] if u["rule"] == "content.backdated"]  # silent, as a first audit
