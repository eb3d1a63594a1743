"""The 通报 across sites: its order, ranks and score changes, and the three files that show it."""
import json

import openpyxl
import pytest

from netcheck.multisite import SiteRun, rank, ranking, run_dirs, summary_line
from netcheck.sites import Site
from reports.names import RULE_NAMES
from reports.ranking import columns, write_ranking
from reports.runrecord import RunRecord


def site(department, url=None, name=""):
    return Site(department=department, name=name, url=url or f"http://{abs(hash(department)) % 10**6}.example/",
                catalog=None, row=1)


def run(score, veto=False, by_rule=None, previous=None, **extra) -> RunRecord:
    by_rule = by_rule or {}
    out = {"score": score, "veto": veto, "veto_reasons": ["网站无法访问"] if veto else [],
           "counts": {"findings": sum(by_rule.values()), "by_rule": by_rule}, **extra}
    if previous is not None:
        out["history"] = {"previous_run": {"score": previous}}
    return RunRecord.from_dict(out)


def entry(department, score, veto=False, status="ok", unreachable=False, **extra):
    return {"department": department, "name": "", "url": f"http://{department}.example/", "score": score,
            "veto": veto, "status": status, "unreachable": unreachable, **extra}


PARTIAL = {"run_status": "partial", "score_is_verdict": False}
INCOMPLETE = {"run_status": "incomplete", "score_is_verdict": False}


@pytest.mark.parametrize("entries, order, ranks", [
    # no veto first by score, then vetoed by score, failed last and unranked
    ([entry("甲", 70, veto=True), entry("乙", 60), entry("丙", 90), entry("丁", None, status="failed"),
      entry("戊", 80, veto=True)], ["丙", "乙", "戊", "甲", "丁"], [1, 2, 3, 4, None]),
    # equal scores share a rank and are ordered by department name; the next rank skips
    ([entry("b", 80), entry("a", 80), entry("c", 70)], ["a", "b", "c"], [1, 1, 3]),
    # a vetoed site never shares a rank with an unvetoed one of the same score
    ([entry("a", 80, veto=True), entry("b", 80)], ["b", "a"], [1, 2]),
    # an unreachable site was not checked: its 100 (nothing deducted) ranks after every checked site
    ([entry("a", 100, veto=True, unreachable=True), entry("b", 30, veto=True), entry("c", 50)],
     ["c", "b", "a"], [1, 2, 3]),
    # a run not complete is no verdict: after every ranked site (even an unreachable one), unranked,
    # by department whatever its score; failed audits still last
    ([entry("z", 99, **PARTIAL), entry("a", 60), entry("y", 20, **INCOMPLETE), entry("b", 100, veto=True,
                                                                                   unreachable=True),
      entry("c", None, status="failed"), entry("d", 70, veto=True), entry("x", 100, **INCOMPLETE)],
     ["a", "d", "b", "x", "y", "z", "c"], [1, 2, 3, None, None, None, None]),
    # a complete run (the key, or an older entry without it) is ranked as before
    ([entry("a", 80, run_status="complete", score_is_verdict=True), entry("b", 90)], ["b", "a"], [1, 2]),
])
def test_ranking_order(entries, order, ranks):
    ranked = rank(entries)
    assert [e["department"] for e in ranked] == order
    assert [e["rank"] for e in ranked] == ranks


def test_run_dirs_are_numbered_in_list_order_and_named_for_the_host(tmp_path):
    sites = [site("甲", "http://www.fda.example.gov.cn/"), site("乙", "https://127.0.0.1:8443/index.html")]
    assert [d.name for d in run_dirs(sites, tmp_path)] == ["01-www.fda.example.gov.cn", "02-127.0.0.1-8443"]


@pytest.fixture
def table(tmp_path):
    sites = [site("市交通局", name="交通局网站"), site("市财政局"), site("市档案局"), site("市林业局")]
    dirs = run_dirs(sites, tmp_path)
    for d in dirs:
        d.mkdir()
        (d / "report.html").write_text("<html></html>", encoding="utf-8")
    runs = [
        SiteRun(sites[0], dirs[0], 0, run(92.5, by_rule={"column.stale": 2, "link.broken": 1}, previous=90)),
        SiteRun(sites[1], dirs[1], 1, run(40, veto=True, by_rule={"site.unreachable": 1})),
        SiteRun(sites[2], dirs[2], -9, None, "Traceback (most recent call last):\nMemoryError\n(exit status -9)"),
        SiteRun(sites[3], dirs[3], 0, run(95, by_rule={"column.stale": 1}, previous=97)),
    ]
    data = ranking(runs, tmp_path, as_of="2016-06-30", sites_file="sites.yaml")
    write_ranking(tmp_path, data)
    return data


def test_ranking_json_holds_order_scores_changes_and_links(table, tmp_path):
    saved = json.loads((tmp_path / "ranking.json").read_text(encoding="utf-8"))
    got = [(e["rank"], e["department"], e["score"], e["veto"], e["change"], e["report"], e["status"])
           for e in saved["sites"]]
    assert got == [
        (1, "市林业局", 95, False, -2, "04-" + got[0][5][3:], "ok"),
        (2, "市交通局", 92.5, False, 2.5, "01-" + got[1][5][3:], "ok"),
        (3, "市财政局", 40, True, None, "02-" + got[2][5][3:], "ok"),
        (None, "市档案局", None, False, None, None, "failed"),
    ]
    assert all(e["report"].endswith("/report.html") for e in saved["sites"][:3])
    assert "MemoryError" in saved["sites"][3]["error"]
    assert saved["rules"]["column.stale"] == "栏目不更新" and len(saved["rules"]) == len(RULE_NAMES)


def test_ranking_xlsx_has_one_column_per_rule_and_the_notice_columns(table, tmp_path):
    ws = openpyxl.load_workbook(tmp_path / "ranking.xlsx").active
    head = [c.value for c in ws[1]]
    assert head[:6] == ["排名", "部门", "网站", "得分", "单项否决", "单项否决原因"]
    assert head[-4:] == ["问题总数", "较上次", "报告", "说明"]
    # A column per rule (the a11y.* family: one), under its name, never its id.
    assert head[6:-4] == [name for name, _ in columns(RULE_NAMES).values()]
    assert "无障碍与适老化" in head and not any(name in head for rule, name in RULE_NAMES.items() if rule.startswith("a11y."))
    assert not any(rule in h for h in head for rule in RULE_NAMES)
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    col = {**{h: i for i, h in enumerate(head)},
           **{rule: head.index(name) for name, rules in columns(RULE_NAMES).values() for rule in rules}}
    assert [(r[0], r[1], r[3], r[4], r[col["问题总数"]], r[col["较上次"]]) for r in rows] == [
        (1, "市林业局", 95, "否", 1, "-2"),
        (2, "市交通局", 92.5, "否", 3, "+2.5"),
        (3, "市财政局", 40, "是", 1, "—"),
        ("—", "市档案局", "失败", "—", "—", "—"),
    ]
    assert rows[1][col["column.stale"]] == 2 and rows[1][col["link.broken"]] == 1 and rows[1][col["privacy.leak"]] == 0
    assert rows[2][5] == "网站无法访问"
    assert "MemoryError" in rows[3][col["说明"]]
    report = ws.cell(row=2, column=col["报告"] + 1)
    assert report.hyperlink.target == table["sites"][0]["report"]


def test_ranking_html_lists_the_sites_in_order_with_links_to_their_reports(table, tmp_path):
    html = (tmp_path / "ranking.html").read_text(encoding="utf-8")
    positions = [html.index(f'data-department="{d}"') for d in ("市林业局", "市交通局", "市财政局", "市档案局")]
    assert positions == sorted(positions)
    for e in table["sites"][:3]:
        assert f'href="{e["report"]}"' in html
    assert "失败" in html and "MemoryError" in html and "+2.5" in html


@pytest.fixture
def mixed(tmp_path):
    """Three sites: one complete, one whose crawl was cut short (higher score), one whose judging broke."""
    sites = [site("市交通局"), site("市财政局"), site("市档案局")]
    dirs = run_dirs(sites, tmp_path)
    crawl = {"complete": False, "reason": "closespider_pagecount", "reason_cn": "达到页数上限（--max-pages）",
             "resume": "netcheck audit http://x/ --out 02 --resume"}
    errors = [{"rule": "column.stale", "name": "栏目不更新", "error": "TypeError: boom"}]
    runs = [
        SiteRun(sites[0], dirs[0], 0, run(80, by_rule={"column.stale": 1}, status="complete", score_is_verdict=True)),
        SiteRun(sites[1], dirs[1], 0, run(99, status="partial", score_is_verdict=False, crawl_state=crawl,
                                         unverified=[{"rule": "column.missing", "name": "栏目缺失", "category": None,
                                                      "reason": "抓取未完成"}])),
        SiteRun(sites[2], dirs[2], 3, run(95, status="incomplete", score_is_verdict=False, judgement_errors=errors)),
    ]
    data = ranking(runs, tmp_path, as_of="2016-06-30")
    write_ranking(tmp_path, data)
    return data


def test_ranking_json_lists_runs_not_complete_after_the_ranked_ones_unranked(mixed, tmp_path):
    saved = json.loads((tmp_path / "ranking.json").read_text(encoding="utf-8"))["sites"]
    assert [(e["rank"], e["department"], e["score"], e["run_status"], e["score_is_verdict"]) for e in saved] == [
        (1, "市交通局", 80, "complete", True),
        (None, "市档案局", 95, "incomplete", False),
        (None, "市财政局", 99, "partial", False)]
    assert saved[2]["unverified"] == 1
    assert saved[2]["status_note"].startswith("抓取未完成（达到页数上限（--max-pages））")


def test_ranking_xlsx_shows_a_dash_for_rank_and_the_status_beside_the_score(mixed, tmp_path):
    ws = openpyxl.load_workbook(tmp_path / "ranking.xlsx").active
    head = [c.value for c in ws[1]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [(r[0], r[1], r[3]) for r in rows] == [
        (1, "市交通局", 80),  # a number: sorting the column sorts the ranked sites
        ("—", "市档案局", "95（评判未完成，不作排名）"),
        ("—", "市财政局", "99（抓取未完成，不作排名）")]
    note = rows[2][head.index("说明")]
    assert note.startswith("抓取未完成（达到页数上限（--max-pages）），以下结果仅覆盖已抓取的页面") and "未核实 1 项" in note
    assert "规则 栏目不更新 运行出错（TypeError: boom）" in rows[1][head.index("说明")]
    assert rows[0][head.index("说明")] in ("", None)


def test_ranking_html_marks_unranked_sites_beside_their_score(mixed, tmp_path):
    from lxml import html as lhtml

    doc = lhtml.fromstring((tmp_path / "ranking.html").read_text(encoding="utf-8"))
    rows = doc.xpath("//table[@id='ranking']/tbody/tr")
    assert [tr.get("data-department") for tr in rows] == ["市交通局", "市档案局", "市财政局"]
    assert [tr.xpath("td")[0].text_content() for tr in rows] == ["1", "—", "—"]
    scores = [tr.xpath("td[contains(@class,'score')]")[0].text_content() for tr in rows]
    assert scores == ["80", "95评判未完成", "99抓取未完成"]
    assert [tr.get("class") for tr in rows] == ["pass", "unranked", "unranked"]
    assert "检查未完成（不作排名）2 个" in doc.xpath("//header")[0].text_content()


def test_console_lines_say_the_score_is_not_ranked(mixed):
    lines = [summary_line(e) for e in mixed["sites"]]
    assert lines[0].lstrip().startswith("1  市交通局  得分 80  ")
    assert lines[2].lstrip().startswith("—  市财政局  得分 99（抓取未完成，不作排名）")


@pytest.mark.parametrize("code, ranked_as", [(3, "incomplete"), (130, "partial"), (1, "complete"), (None, None)])
def test_a_run_judged_incomplete_or_partial_is_ranked_as_not_complete(tmp_path, code, ranked_as):
    from reports.runrecord import read_run

    status = ranked_as or "complete"
    (tmp_path / "01").mkdir()
    (tmp_path / "01" / "run.json").write_text(json.dumps(run(90, status=status, score_is_verdict=status == "complete")
                                                         .to_dict()), encoding="utf-8")
    judged = read_run(tmp_path / "01" / "run.json") if code is not None else None  # None: its crawl failed
    result = SiteRun(site("甲"), tmp_path / "01", code, judged, None if judged else "抓取失败")
    entry = ranking([result], tmp_path)["sites"][0]
    if ranked_as is None:
        assert (entry["status"], entry["rank"]) == ("failed", None)
    else:
        assert (entry["status"], entry["run_status"]) == ("ok", ranked_as)
        assert entry["rank"] == (1 if ranked_as == "complete" else None)
