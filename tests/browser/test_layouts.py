"""report.html, ranking.html and index.html fit the screen: a 390 px phone and a 1,400 px desktop.

Each page is opened in Chromium with the screen emulated (the phone as a phone: its viewport meta
honoured), and must be no wider than the screen: a table too wide for it scrolls inside its own
wrapper or becomes cards. Cells that hold a URL or a department's name must keep room for several
characters a line. Full-page screenshots of every page at both widths go to tests/browser/artifacts/.
"""
from __future__ import annotations

import json
import shutil

import pytest
from browserrun import ARTIFACTS, read_jsonl, rerender

PHONE, DESKTOP = 390, 1400
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
# Cells whose text must never stand one character per line, per page (CSS selectors).
NAME_CELLS = {
    "report": "#findings td.url, #findings td.office, #findings td.ev, #fixed-list td.url",
    "report-partial": "#findings td.url, #not-reverified-list td.url, #unverified-list td",
    "ranking": "#ranking td.dept, #ranking td.site",
    "index": "#runs td.site, #runs td.dir",
}
MIN_CHARS = 5  # at least this many CJK characters (font-size wide) fit on a line of such a cell
# Department names as long as real ones, and site URLs longer than the cells they sit in.
DEPARTMENTS = ["盘锦市食品药品监督管理局", "盘锦市人力资源和社会保障局", "盘锦市住房和城乡建设局（市人民防空办公室）",
               "市交通运输局", "盘锦市市场监督管理局", "辽河口生态经济区管理委员会办公室"]

GEOMETRY = """
const doc = document.documentElement;
const cells = Array.from(document.querySelectorAll(arguments[0] || ':not(*)'))
  .filter(el => el.getClientRects().length > 0 && el.textContent.trim().length > 1);
const chars = cells.map(el => {
  const style = getComputedStyle(el);
  const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return inner / parseFloat(style.fontSize);
});
return {scrollWidth: Math.max(doc.scrollWidth, document.body.scrollWidth), clientWidth: doc.clientWidth,
        innerWidth: window.innerWidth, scrollHeight: doc.scrollHeight, cells: cells.length,
        narrowest: chars.length ? Math.min(...chars) : null};
"""


def emulate(browser, width: int, height: int = 900) -> None:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def open_at(browser, page, width: int) -> dict:
    emulate(browser, width)
    browser.get(page.as_uri())
    return browser.execute_script(GEOMETRY, NAME_CELLS.get(page.stem, ""))


def screenshot(browser, name: str, width: int, height: int) -> None:
    """The whole page at this width, into tests/browser/artifacts/NAME-WIDTH.png."""
    emulate(browser, width, min(int(height), 8000))
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}-{width}.png"
    try:
        assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    finally:
        emulate(browser, width)


@pytest.fixture(scope="module")
def partial_dir(demo_dir, tmp_path_factory):
    """The demo run as a crawl cut short renders it: a banner with a long command, 未核实 tables."""
    run = json.loads((demo_dir / "run.json").read_text(encoding="utf-8"))
    long_out = "/srv/netcheck/runs/2016-06-30/01-www.panjin-food-and-drug-administration.gov.cn"
    run.update(status="partial", score_is_verdict=False, history=None, fixed=[],
               crawl_state={"complete": False, "reason": "closespider_pagecount",
                            "reason_cn": "达到页数上限（--max-pages）",
                            "resume": f"netcheck audit {run['site']} --out {long_out} --resume"},
               unverified=[{"rule": "column.missing", "name": "栏目缺失", "category": "人事信息", "outcome": "skipped",
                            "reason": "抓取未完成，已抓取的页面中未见该栏目，无法确认是否缺失"}],
               not_reverified=[{"rule": "link.broken", "category": "政策文件", "title": "关于印发《盘锦市食品生产经营风险分级管理工作方案》的通知",
                                "url": run["site"] + "xxgk/zcwj/201512/P020160105000001_very_long_attachment_name.pdf",
                                "reason": "抓取未完成，本次未抓取该页面"}])
    rows = [{**row, "status": None, "first_seen": None} for row in read_jsonl(demo_dir / "findings.jsonl")]
    out = rerender(demo_dir, tmp_path_factory.mktemp("partial") / "run", rows, run)
    (out / "report.html").rename(out / "report-partial.html")
    return out


@pytest.fixture(scope="module")
def round_dir(demo_dir, tmp_path_factory):
    """A directory of runs as scheduled audits leave it: a round of six departments' sites with its
    ranking (one cut short, one failed), and a single run beside it; index.html over all of it."""
    from netcheck.multisite import SiteRun, ranking
    from netcheck.sites import Site
    from reports.index_page import write_index
    from reports.names import RULE_NAMES
    from reports.ranking import write_ranking
    from reports.runrecord import RunRecord

    root = tmp_path_factory.mktemp("share")
    day = root / "2016-06-30"
    run = json.loads((demo_dir / "run.json").read_text(encoding="utf-8"))
    runs = []
    for i, department in enumerate(DEPARTMENTS):
        url = f"http://www.{'a-rather-long-subdomain-name-' * (i % 2)}site{i}.panjin.gov.cn/zwgk/index.html"
        site = Site(department=department, name=f"{department}门户网站" if i % 3 == 1 else "", url=url, catalog=None,
                    row=i + 1)
        run_dir = day / f"{i + 1:02d}-site{i}"
        shutil.copytree(demo_dir, run_dir)
        data = {**run, "site": url, "score": 92 - 7.5 * i,
                "counts": {**run["counts"], "by_rule": {rule: (i + j) % 4 for j, rule in enumerate(RULE_NAMES)}}}
        if i == 4:
            data.update(status="partial", score_is_verdict=False, crawl_state={
                "complete": False, "reason": "closespider_pagecount", "reason_cn": "达到页数上限（--max-pages）",
                "resume": f"netcheck audit {url} --out {run_dir} --resume"})
        (run_dir / "run.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        failed = i == len(DEPARTMENTS) - 1
        runs.append(SiteRun(site, run_dir, -9 if failed else 1, None if failed else RunRecord.from_dict(data),
                            "Traceback (most recent call last):\nMemoryError: " + "x" * 200 if failed else None))
    write_ranking(day, ranking(runs, day, as_of="2016-06-30"))
    shutil.copytree(demo_dir, root / "2016-07-15-a-single-run-kept-under-a-long-folder-name")
    write_index(root)
    return root


@pytest.fixture(scope="module")
def pages(history_dir, partial_dir, round_dir) -> dict:
    return {"report": history_dir / "report.html", "report-partial": partial_dir / "report-partial.html",
            "ranking": round_dir / "2016-06-30" / "ranking.html", "index": round_dir / "index.html"}


@pytest.mark.parametrize("screen", WIDTHS)
@pytest.mark.parametrize("name", ["report", "report-partial", "ranking", "index"])
def test_page_is_no_wider_than_the_screen(browser, pages, name, screen):
    width = WIDTHS[screen]
    got = open_at(browser, pages[name], width)
    try:
        # No horizontal scrolling of the page: not wider than the screen, nor than the room left
        # beside a vertical scrollbar; on the phone the layout viewport did not grow either.
        assert got["scrollWidth"] <= width and got["scrollWidth"] <= got["clientWidth"], got
        assert got["innerWidth"] == width, got
        assert got["cells"], f"no {NAME_CELLS[name]} on {name}"
        assert got["narrowest"] >= MIN_CHARS, f"a name or URL cell holds {got['narrowest']:.1f} characters a line: {got}"
        screenshot(browser, name, width, got["scrollHeight"])
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_phone_gets_cards_and_the_filters_still_hide_rows(browser, pages):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    open_at(browser, pages["report"], PHONE)
    try:
        first = browser.find_element(By.CSS_SELECTOR, "#findings tbody tr")
        assert first.value_of_css_property("display") == "block"  # a card, not a table row
        assert not browser.find_element(By.CSS_SELECTOR, "#findings thead").is_displayed()
        label = browser.execute_script(
            "return getComputedStyle(arguments[0], '::before').content", first.find_element(By.TAG_NAME, "td"))
        assert label == '"问题类型："'
        findings = read_jsonl(pages["report"].parent / "findings.jsonl")
        rule = findings[0]["rule"]
        Select(browser.find_element(By.ID, "filter-rule")).select_by_value(rule)
        shown = [tr for tr in browser.find_elements(By.CSS_SELECTOR, "#findings tbody tr") if tr.is_displayed()]
        assert len(shown) == sum(f["rule"] == rule for f in findings)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_ranking_on_a_phone_lists_only_the_rules_a_site_has(browser, pages):
    from selenium.webdriver.common.by import By

    open_at(browser, pages["ranking"], PHONE)
    try:
        card = browser.find_element(By.CSS_SELECTOR, "#ranking tbody tr")
        counts = [td for td in card.find_elements(By.CSS_SELECTOR, "td.count") if td.is_displayed()]
        assert counts and all(td.text.strip() != "0" for td in counts)
        assert card.find_element(By.CSS_SELECTOR, "td.dept").text.strip() in DEPARTMENTS
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
