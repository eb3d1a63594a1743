"""The rendering components one at a time, without a crawl: the plan's budget, finding the browser,
the add-on's settings, which records get a render request, failed renders, and what the run says."""
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from crawler.items import Entry, PageRecord
from crawler.plan import DEFAULT_RENDER_BUDGET, CrawlPlan
from crawler.render.addon import HANDLER, Rendering
from crawler.render.browser import find_browser
from crawler.render.downloadermiddleware import RenderFailures
from crawler.render.spidermiddleware import RenderScripted
from crawler.run import crawl_settings
from netcheck import crawlstate
from netcheck.cli import build_parser, render_budget
from reports.runrecord import RunRecord

SITE = "http://127.0.0.1:8000/"


def test_rendering_is_components_chosen_by_settings_and_the_spider_knows_nothing_of_it():
    settings = crawl_settings()
    assert "crawler.render.addon.Rendering" in settings.getdict("ADDONS")
    assert "crawler.render.spidermiddleware.RenderScripted" in settings.getdict("SPIDER_MIDDLEWARES")
    assert "crawler.render.downloadermiddleware.RenderFailures" in settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert "http" not in settings.getdict("DOWNLOAD_HANDLERS")  # until the add-on finds the crawl can render
    spider = (Path(__file__).resolve().parents[2] / "crawler" / "spiders" / "portal.py").read_text(encoding="utf-8")
    assert "render" not in spider.lower() and "playwright" not in spider.lower()


def test_the_render_budget_is_a_plan_field_with_its_default():
    assert CrawlPlan(SITE).render_budget == DEFAULT_RENDER_BUDGET == 50
    assert CrawlPlan(SITE).to_json() == json.dumps({"start_url": SITE})
    plan = CrawlPlan(SITE, render_budget="3")
    assert plan.render_budget == 3 and CrawlPlan.from_json(plan.to_json()) == plan
    assert CrawlPlan(SITE, render_budget=None).render_budget == CrawlPlan(SITE, render_budget=-1).render_budget == 0


@pytest.mark.parametrize("argv, budget", [([], 50), (["--render", "7"], 7), (["--render", "0"], 0), (["--no-render"], 0)])
def test_render_and_no_render_set_the_budget(argv, budget):
    assert render_budget(build_parser().parse_args(["audit", SITE, *argv])) == budget


def test_render_and_no_render_together_are_refused():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["audit", SITE, "--render", "5", "--no-render"])


def test_the_browser_is_the_one_named_or_the_first_on_path(tmp_path, monkeypatch):
    fake = tmp_path / "chromium-browser"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_browser(None) == (str(fake), None)
    assert find_browser(str(fake)) == (str(fake), None)
    assert find_browser("chromium-browser") == (str(fake), None)
    assert find_browser(str(tmp_path / "nope")) == (None, f"浏览器不存在或不可执行：{tmp_path / 'nope'}")
    fake.chmod(0o644)  # there, but not executable
    assert find_browser(str(fake))[0] is None
    assert find_browser(None) == (None, "未找到浏览器（chromium、chromium-browser、google-chrome、google-chrome-stable，"
                                        "可用 NETCHECK_BROWSER 指定）")


def _settings(budget: int, browser: str | None) -> Settings:
    settings = crawl_settings({"NETCHECK_BROWSER": browser} if browser else {})
    settings.setdict(CrawlPlan(SITE, render_budget=budget).as_setting(), priority="cmdline")
    return settings


def test_the_addon_installs_the_handler_only_when_the_crawl_can_render():
    pytest.importorskip("scrapy_playwright")
    settings = _settings(5, "/bin/sh")
    Rendering().update_settings(settings)
    assert {settings.getdict("DOWNLOAD_HANDLERS")[s] for s in ("http", "https")} == {HANDLER}
    options = settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
    assert options["executable_path"] == "/bin/sh" and options["headless"] is True
    assert "--no-sandbox" in options["args"] and "--disable-quic" in options["args"]
    for budget, browser in ((0, "/bin/sh"), (5, "/no/such/browser")):
        settings = _settings(budget, browser)
        Rendering().update_settings(settings)
        assert "http" not in settings.getdict("DOWNLOAD_HANDLERS")


def _middleware(budget: int = 5, browser: str = "/bin/sh", crawled: list | None = None):
    crawler = get_crawler(settings_dict={"NETCHECK_BROWSER": browser, **CrawlPlan(SITE, render_budget=budget).as_setting()})
    crawler.spider = SimpleNamespace(frontier=SimpleNamespace(site=SimpleNamespace(url=SITE)))
    crawler.engine = SimpleNamespace(crawl=(crawled if crawled is not None else []).append)
    return RenderScripted.from_crawler(crawler), crawler.stats


def _response(url: str, **meta) -> HtmlResponse:
    def callback(response):  # the spider's
        return None
    request = Request(url, callback=callback, meta={"depth": 1, "netcheck_referer": SITE, **meta})
    return HtmlResponse(url, body=b"<html></html>", request=request)


def _scripted(url: str, data_urls=()) -> PageRecord:
    return PageRecord(url=url, final_url=url, status=200, is_html=True, page_type="other", scripted=True,
                      data_urls=list(data_urls))


def _out(middleware, response, *outputs):
    return list(middleware.process_spider_output(response, iter(outputs)))


def test_a_scripted_page_without_a_readable_data_url_is_asked_for_again_in_the_browser():
    pytest.importorskip("scrapy_playwright")
    middleware, stats = _middleware()
    page = SITE + "xzcf/"
    response = _response(page)
    record = _scripted(page)
    record.certificate_error = "self-signed certificate"  # a fact of the fetch, kept by the rendered record
    out = _out(middleware, response, record)
    assert out[0] is record and not record.rendered  # the page's record goes out as read
    render = out[1]
    assert (render.url, render.dont_filter, render.callback, render.errback) == (page, True, response.request.callback, None)
    assert render.meta["playwright"] is True and render.meta["dont_cache"] is True and render.meta["depth"] == 1
    assert render.meta["netcheck_referer"] == SITE
    # Once per page; its rendered response's record is marked.
    assert _out(middleware, response, _scripted(page)) == [_scripted(page)]
    drawn = PageRecord(url=page, status=200, is_html=True, page_type="list", entries=[Entry("x", page + "a.html", None)])
    assert _out(middleware, _response(page, netcheck_render=render.meta["netcheck_render"]), drawn) == [drawn]
    assert drawn.rendered and drawn.certificate_error == "self-signed certificate"
    assert stats.get_value("netcheck/render/rendered") == 1 and stats.get_value("netcheck/render/requested") == 1


def test_a_scripted_page_waits_for_its_data_and_is_rendered_only_when_that_is_unreadable():
    pytest.importorskip("scrapy_playwright")
    middleware, stats = _middleware()
    read, unread = SITE + "zcwj/", SITE + "xzxk/"
    for page in (read, unread):
        data = page + "list.json"
        out = _out(middleware, _response(page), _scripted(page, [data]), Request(data, meta={"netcheck_list": {"url": page}}))
        assert not [o for o in out if isinstance(o, Request) and o.meta.get("playwright")]
    listed = PageRecord(url=read + "list.json", status=200, is_html=True, page_type="list", list_of=read,
                        entries=[Entry("x", read + "a.html", None)])
    assert _out(middleware, _response(read + "list.json"), listed) == [listed]
    failed = PageRecord(url=unread + "list.json", status=404, list_of=unread)
    out = _out(middleware, _response(unread + "list.json"), failed)
    assert [o.url for o in out if isinstance(o, Request) and o.meta.get("playwright")] == [unread]
    assert stats.get_value("netcheck/render/read_from_data") == 1 and stats.get_value("netcheck/render/requested") == 1


def test_pages_whose_data_never_answers_are_rendered_when_the_crawl_is_idle_and_counted_if_it_ends_first():
    pytest.importorskip("scrapy_playwright")
    crawled = []
    middleware, stats = _middleware(crawled=crawled)
    waiting, asked = SITE + "a/", SITE + "b/"
    _out(middleware, _response(waiting), _scripted(waiting, [waiting + "x.json"]),
         Request(waiting + "x.json", meta={"netcheck_list": {"url": waiting}}))  # its answer fails: no record
    assert _out(middleware, _response(asked), _scripted(asked))[1].meta["playwright"]  # asked for, never drawn
    with pytest.raises(DontCloseSpider):
        middleware.spider_idle()
    assert [r.url for r in crawled] == [waiting]
    middleware.spider_idle()  # nothing left to wait for: the crawl may close
    middleware.spider_closed()  # before either render came back
    assert stats.get_value("netcheck/render/requested") == 2
    assert stats.get_value("netcheck/render/unrendered/crawl_ended") == 2


@pytest.mark.parametrize("budget, browser, why", [(0, "/bin/sh", "off"), (5, "/no/such/browser", "unavailable"),
                                                  (1, "/bin/sh", "over_budget")])
def test_no_render_request_when_rendering_is_off_unavailable_or_over_budget(budget, browser, why):
    pytest.importorskip("scrapy_playwright")
    middleware, stats = _middleware(budget, browser)
    renders = [o for page in ("a/", "b/") for o in _out(middleware, _response(SITE + page), _scripted(SITE + page))
               if isinstance(o, Request)]
    assert len(renders) == (1 if why == "over_budget" else 0)
    assert stats.get_value(f"netcheck/render/unrendered/{why}") == (1 if why == "over_budget" else 2)


def test_a_failed_render_is_dropped_and_a_browser_that_does_not_start_stops_rendering():
    crawler = get_crawler()
    failures = RenderFailures.from_crawler(crawler)
    render = Request(SITE, meta={"netcheck_render": {}, "playwright": True})
    # No browser started yet (scrapy-playwright counts them): the failure is the browser's, once and for all.
    with pytest.raises(IgnoreRequest):
        failures.process_exception(render, Exception("BrowserType.launch: Executable doesn't exist at /x\nmore"))
    assert crawler.stats.get_value("netcheck/render/unavailable") == "浏览器无法启动：BrowserType.launch: Executable doesn't exist at /x"
    assert crawler.stats.get_value("netcheck/render/unrendered/unavailable") == 1
    # A browser is running: the failure is the page's.
    crawler.stats.set_value("playwright/browser_count", 1)
    with pytest.raises(IgnoreRequest):
        failures.process_exception(render, TimeoutError("Timeout 15000ms exceeded."))
    with pytest.raises(IgnoreRequest):
        failures.process_response(render, HtmlResponse(SITE, status=500, body=b""))
    assert crawler.stats.get_value("netcheck/render/failed") == 2
    plain = Request(SITE)
    assert failures.process_exception(plain, TimeoutError()) is None
    response = HtmlResponse(SITE, status=404, body=b"")
    assert failures.process_response(plain, response) is response


def test_crawl_json_keeps_what_was_rendered_and_the_run_says_why_pages_were_not(tmp_path):
    stats = {"finish_reason": "finished", "stats": {
        "netcheck/render/budget": 2, "netcheck/render/browser": "/usr/bin/chromium", "netcheck/render/rendered": 2,
        "netcheck/render/unrendered/over_budget": 3, "netcheck/render/failed": 1}}
    state = crawlstate.from_stats(stats)
    assert state["render"]["unrendered"] == 4 and state["render"]["why"] == {"over_budget": 3, "failed": 1}
    assert state["render"]["note_cn"] == ("4 个由脚本生成列表的页面未经浏览器渲染：渲染页数达到上限 2 页（可用 --render N 调整）（3 页）；"
                                          "浏览器渲染失败或超时（1 页）。相关栏目记为未核实")
    crawlstate.write(tmp_path, state)
    assert crawlstate.read(tmp_path, RunRecord())["render"] == state["render"]
    assert "render" not in crawlstate.from_stats({"finish_reason": "finished", "stats": {}})
    assert crawlstate.render_note({"unrendered": 0}) is None
