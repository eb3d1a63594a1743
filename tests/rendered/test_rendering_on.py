"""An audit with rendering on, against real headless Chromium: the lists only a browser can see are
drawn, every item is found, each drawn page is recorded `rendered` after the page as sent, and the
columns are judged from what was drawn (all fresh: no 空白栏目, no 栏目不更新, nothing 未核实). The
list whose JSON the page names plainly is read with GET instead, never rendered."""
import pytest

from audits import audit, column_findings, needs_browser, records, unverified
from rendered_site import LICENCES, PENALTIES, POLICIES

DRAWN = ["/xzcf/", "/xzcf/index_1.html", "/xzcf/index_2.html", "/xzxk/"]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    needs_browser()
    return audit(tmp_path_factory.mktemp("rendered") / "run")


def test_every_item_of_the_drawn_lists_is_found(run):
    site = run["site"].url
    drawn = [r for path in DRAWN for r in records(run, path) if r["rendered"]]
    assert sorted(e["url"] for r in drawn for e in r["entries"]) == sorted(
        [site + "xzcf/" + f for f, _, _ in PENALTIES] + [site + "xzxk/" + f for f, _, _ in LICENCES])
    assert {e["date"] for r in drawn for e in r["entries"]} >= {d for _, _, d in PENALTIES}
    fetched = {p["url"] for p in run["pages"] if p["status"] == 200}
    assert {e["url"] for r in drawn for e in r["entries"]} <= fetched  # their articles are crawled too
    matches = {m["category"]: m for m in run["run"]["matches"]}
    assert (matches["行政处罚"]["items"], matches["行政许可"]["items"]) == (len(PENALTIES), len(LICENCES))


def test_a_drawn_page_is_recorded_once_as_sent_then_once_rendered(run):
    for path in DRAWN:
        first, second = records(run, path)
        assert (first["scripted"], first["rendered"], first["entries"]) == (True, False, [])
        assert (second["scripted"], second["rendered"], second["status"]) == (False, True, 200)
        assert second["entries"] and second["column"] in ("行政处罚", "行政许可")
    # The framework page drew its 当前位置 trail as well.
    assert records(run, "/xzxk/")[1]["breadcrumb"] == ["首页", "行政许可"]
    # The stored crawl counts each URL once: the rendered record replaced the first.
    assert run["run"]["counts"]["pages"] == len({p["url"] for p in run["pages"]})


def test_the_columns_are_judged_from_the_drawn_lists_and_none_is_flagged(run):
    assert column_findings(run, "行政处罚", "行政许可", "政策文件", "通知公告") == []
    assert not [key for key in unverified(run) if key[1] in ("行政处罚", "行政许可", "政策文件", "通知公告")]
    assert run["run"]["warnings"] == []


def test_the_list_whose_json_is_named_plainly_is_read_with_get_not_rendered(run):
    site = run["site"].url
    (page,) = records(run, "/zcwj/")
    assert (page["scripted"], page["rendered"]) == (True, False)
    (answer,) = records(run, "/api/zcwj/list.json")
    assert (answer["list_of"], answer["rendered"]) == (site + "zcwj/", False)
    assert sorted(e["url"] for e in answer["entries"]) == sorted(site + "zcwj/" + f for f, _, _ in POLICIES)


def test_the_crawl_says_what_it_rendered(run):
    render = run["crawl"]["render"]
    assert (render["rendered"], render["unrendered"], render["read_from_data"]) == (len(DRAWN), 0, 1)
    assert render["budget"] == 50 and render["browser"] and render["note_cn"] is None
    stats = run["run"]["crawl"]["stats"]
    assert stats["playwright/browser_count"] == 1 and stats["playwright/page_count"] == len(DRAWN)
    # The JSON behind the drawn lists was asked for by the browser alone: no GET of the crawl names it.
    assert ("GET", "/api/xzcf/page_3.json") in run["site"].requested
    assert not [p for p in run["pages"] if "/api/xzcf/" in p["url"] or "/api/xzxk/" in p["url"]]
