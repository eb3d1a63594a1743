"""A site that needs no browser never gets one: with rendering on, the same portal with every list
printed in its HTML is crawled without launching Chromium, and judged as the rendered one is."""
from audits import audit, column_findings, needs_browser


def test_pages_that_need_no_browser_never_start_one(tmp_path):
    needs_browser()  # rendering is on and could happen: it must not
    run = audit(tmp_path / "run", plain=True)
    stats = run["run"]["crawl"]["stats"]
    assert "playwright/browser_count" not in stats and "playwright/page_count" not in stats
    assert run["crawl"]["render"]["rendered"] == 0 and run["crawl"]["render"]["unrendered"] == 0
    assert not [p for p in run["pages"] if p["scripted"] or p["rendered"]]
    assert column_findings(run, "行政处罚", "行政许可", "政策文件", "通知公告") == []
    assert {m["category"]: m["items"] for m in run["run"]["matches"]}["行政处罚"] == 12
