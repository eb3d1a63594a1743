"""The same site when its script-drawn lists are not rendered: rendering turned off, no browser where
NETCHECK_BROWSER points, a "browser" that does not start, a budget too small for every page. The
audit completes every time; the columns it could not see are 未核实 with the reason, never 空白栏目 or
栏目不更新; the run says, in one line, why pages were left unrendered."""
import pytest

from audits import audit, column_findings, needs_browser, records, unverified
from rendered_site import POLICIES

SCRIPT_DRAWN = ("行政处罚", "行政许可")


def _not_rendered_is_unverified(run):
    assert column_findings(run, *SCRIPT_DRAWN) == []
    reasons = unverified(run)
    for category in SCRIPT_DRAWN:
        assert reasons[("column.empty", category)] == f"「{category}」栏目列表由脚本生成，本次未渲染，无法统计信息条数"
        assert reasons[("column.stale", category)].startswith(f"「{category}」栏目列表由脚本生成，本次未渲染")
    # The list whose JSON is named plainly is read all the same, and judged (fresh: nothing to say).
    assert column_findings(run, "政策文件", "通知公告") == [] and ("column.empty", "政策文件") not in reasons
    (answer,) = records(run, "/api/zcwj/list.json")
    assert len(answer["entries"]) == len(POLICIES)
    assert not [p for p in run["pages"] if p["rendered"]]
    assert not [path for _, path in run["site"].requested if path.startswith(("/api/xzcf/", "/api/xzxk/"))]


def test_with_rendering_off_the_drawn_lists_are_unverified_and_no_browser_is_started(tmp_path):
    run = audit(tmp_path / "run", "--no-render")
    _not_rendered_is_unverified(run)
    render = run["crawl"]["render"]
    assert (render["budget"], render["rendered"], render["unrendered"], render["why"]) == (0, 0, 2, {"off": 2})
    assert run["run"]["warnings"] == ["2 个由脚本生成列表的页面未经浏览器渲染：渲染已关闭（--no-render 或 --render 0）（2 页）。"
                                      "相关栏目记为未核实"]
    assert not [k for k in run["run"]["crawl"]["stats"] if k.startswith("playwright/")]


def test_with_the_browser_missing_the_audit_completes_with_a_notice(tmp_path):
    missing = tmp_path / "no-such-chromium"
    run = audit(tmp_path / "run", "-s", f"NETCHECK_BROWSER={missing}")
    _not_rendered_is_unverified(run)
    render = run["crawl"]["render"]
    assert render["unavailable"] == f"浏览器不存在或不可执行：{missing}" and render["why"] == {"unavailable": 2}
    assert run["run"]["warnings"] == [f"2 个由脚本生成列表的页面未经浏览器渲染：浏览器不存在或不可执行：{missing}（2 页）。"
                                      "相关栏目记为未核实"]
    assert f"无法用浏览器渲染（浏览器不存在或不可执行：{missing}）" in run["done"].stderr
    assert "Traceback" not in run["done"].stderr


def test_with_a_browser_that_does_not_start_the_audit_completes_with_a_notice(tmp_path):
    needs_browser()  # scrapy-playwright, to try
    run = audit(tmp_path / "run", "-s", "NETCHECK_BROWSER=/bin/false")
    _not_rendered_is_unverified(run)
    render = run["crawl"]["render"]
    assert render["unavailable"].startswith("浏览器无法启动：") and render["why"] == {"unavailable": 2}
    assert run["run"]["warnings"][0].startswith("2 个由脚本生成列表的页面未经浏览器渲染：浏览器无法启动：")
    assert run["done"].stderr.count("浏览器无法启动") == 1 and "Traceback" not in run["done"].stderr
    # The first records stand: no error record replaced a page that answered.
    assert all(r["status"] == 200 and r["scripted"] for path in ("/xzcf/", "/xzxk/") for r in records(run, path))


def test_past_the_render_budget_the_rest_stays_unverified_never_flagged(tmp_path):
    needs_browser()
    run = audit(tmp_path / "run", "--render", "1")
    render = run["crawl"]["render"]
    assert (render["budget"], render["rendered"]) == (1, 1) and render["why"].get("over_budget", 0) >= 1
    assert len([p for p in run["pages"] if p["rendered"]]) == 1
    # The column rendered first may be seen whole (行政许可) or in part (行政处罚, its further pages not
    # drawn): either way nothing is flagged, and what is not seen whole is 未核实.
    assert column_findings(run, *SCRIPT_DRAWN) == []
    assert "渲染页数达到上限 1 页（可用 --render N 调整）" in run["run"]["warnings"][0]
    assert {category for _, category in unverified(run)} & set(SCRIPT_DRAWN)
