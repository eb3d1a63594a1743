"""link.hijacked end to end: a site on 127.0.0.1 whose 友情链接 lead to "another site" on 127.0.0.2
(another host, so external): one target now parked for sale, one a casino, one a normal site, one
a long page cut off at NETCHECK_EXTERNAL_MAXSIZE. With check_external each target is fetched once
with GET and only its title, tags, the start of its text and its hosts are kept; without it
nothing is fetched and nothing is flagged."""
from __future__ import annotations

import threading
from collections import Counter
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import checks
from checks.catalog import load_catalog
from checks.crawl import Crawl

PAGE = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>{body}</body></html>"
EXTERNAL = {
    "/parked.html": PAGE.format(title="lyxh-old.test", head="<script src='https://img.sedoparking.com/js/park.js'></script>",
                                body="<p>This domain may be for sale!</p><a href='https://dan.com/buy-domain/lyxh'>Buy this domain</a>"),
    "/casino.html": PAGE.format(title="澳门新葡京娱乐城", head="<meta name='keywords' content='百家乐,真人娱乐'>",
                                body="<p>注册即送彩金 客服 13812345678</p>"),
    "/normal.html": PAGE.format(title="中国政府网_中央人民政府门户网站", head="",
                                body="<p>国务院常务会议 部署推进政务公开</p>"),
    "/long.html": PAGE.format(title="长页面", head="", body="<p>" + "正文" * 400_000 + "</p>"),
}
HOME = PAGE.format(title="示范市文化和旅游局", head="", body=(
    "<p>友情链接：<a href='{ext}/parked.html'>市旅游协会</a> <a href='{ext}/casino.html'>市老年大学</a>"
    " <a href='{ext}/normal.html'>中国政府网</a> <a href='{ext}/long.html'>市图书馆</a></p>"))


def _server(host: str, pages: dict, hits: Counter):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits[(self.command, self.path)] += 1
            body = pages.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = body.format(ext=pages.get("ext", "")).encode("utf-8") if self.path == "/" else body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the crawl stops reading a long page
                pass

        do_HEAD = do_GET

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def sites():
    """(site URL, hits on the external server) with both servers up."""
    hits: Counter = Counter()
    external = _server("127.0.0.2", EXTERNAL, hits)
    ext_url = f"http://127.0.0.2:{external.server_address[1]}"
    site = _server("127.0.0.1", {"/": HOME, "ext": ext_url}, Counter())
    yield f"http://127.0.0.1:{site.server_address[1]}/", ext_url, hits
    for server in (site, external):
        server.shutdown()
        server.server_close()


def _judge(site_url: str, records: list[dict]) -> list:
    crawl = Crawl.from_records(site_url, records)
    judgement = checks.judge(crawl, load_catalog(), date(2024, 6, 30), rules=[_rule()])
    assert judgement.errors == []
    return judgement.findings


def _rule():
    return next(r for r in checks.RULES if r.rule_id == "link.hijacked")


@pytest.fixture(scope="module")
def checked(sites, crawl_runner, tmp_path_factory):
    site_url, ext_url, hits = sites
    hits.clear()
    out = tmp_path_factory.mktemp("external") / "pages.jsonl"
    _, records = crawl_runner(site_url, out, check_external=True, settings={"NETCHECK_EXTERNAL_MAXSIZE": 65536})
    return site_url, ext_url, Counter(hits), records, out


def test_each_external_target_is_fetched_once_with_get_and_kept_short(checked):
    _, ext_url, hits, records, out = checked
    assert {path: n for (method, path), n in hits.items()} == {  # robots.txt asked first, as of any site
        "/robots.txt": 1, "/parked.html": 1, "/casino.html": 1, "/normal.html": 1, "/long.html": 1}
    assert all(method == "GET" for method, _ in hits)
    by_url = {r["url"]: r for r in records}
    casino = by_url[f"{ext_url}/casino.html"]
    assert (casino["method"], casino["status"], casino["is_html"], casino["links"], casino["text"]) == \
        ("GET", 200, False, [], "")  # another site's page: never read as the site's own
    assert casino["external"]["title"] == "澳门新葡京娱乐城"
    assert "百家乐" in casino["external"]["description"]
    assert "13812345678" not in out.read_text(encoding="utf-8")  # masked as every page's text is
    parked = by_url[f"{ext_url}/parked.html"]["external"]
    assert {"img.sedoparking.com", "dan.com"} <= set(parked["hosts"])
    long = by_url[f"{ext_url}/long.html"]
    assert long["status"] == 200 and long["error"] is None  # cut off, not 'too large'
    assert long["external"]["title"] == "长页面" and len(long["external"]["text"]) <= 2000


def test_the_parked_and_the_casino_page_are_flagged_the_normal_site_is_not(checked):
    site_url, ext_url, _, records, _ = checked
    found = {f.target: f for f in _judge(site_url, records)}
    assert set(found) == {f"{ext_url}/parked.html", f"{ext_url}/casino.html"}
    casino, parked = found[f"{ext_url}/casino.html"], found[f"{ext_url}/parked.html"]
    assert (casino.severity, casino.url, casino.details["kind"], casino.details["link_text"]) == \
        ("veto", site_url, "gambling", "市老年大学")
    assert (parked.severity, parked.details["kind"], parked.details["link_text"]) == ("deduct", "parked", "市旅游协会")
    assert "市旅游协会" in parked.evidence and f"{ext_url}/parked.html" in parked.evidence


def test_without_check_external_nothing_is_fetched_and_nothing_flagged(sites, crawl_runner, tmp_path):
    site_url, _, hits = sites
    hits.clear()
    _, records = crawl_runner(site_url, tmp_path / "pages.jsonl")
    assert not hits
    assert _judge(site_url, records) == []  # (it says it could not verify: checks.rules.hijacked)
