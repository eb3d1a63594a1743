"""The one search the crawl makes (crawler.spidermiddlewares.searchprobe): a GBK portal's GET
search form is sent, as a browser sends it, with a home-page item's title; a POST form is never
sent. Whole crawls of small portals on 127.0.0.1."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from crawler.spidermiddlewares.searchprobe import form_get_url

TITLE = "关于开展春季食品安全检查的通知"
ARTICLE = "/art/2016/3/7/art_1.html"


def home(method: str) -> str:
    return ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'><title>示范市局</title></head>"
            f"<body><form action='/jrobot/search.do' method='{method}'><input type='hidden' name='webid' value='7'>"
            "<input type='text' name='q' value='请输入关键字'><input type='submit' value='搜索'></form>"
            f"<ul class='list'><li><a href='{ARTICLE}'>{TITLE}</a><span>2016-03-07</span></li></ul></body></html>")


class Portal(BaseHTTPRequestHandler):
    method = "get"
    asked: list = []

    def do_GET(self):
        path, query = urlsplit(self.path).path, parse_qs(urlsplit(self.path).query, encoding="gbk")
        if path == "/":
            self._send(home(self.method))
        elif path == "/jrobot/search.do":
            type(self).asked.append(("GET", query))
            found = f"<a href='{ARTICLE}'>{TITLE}</a>" if TITLE.startswith(query.get("q", [""])[0] or "×") else "没有结果"
            self._send(f"<html><body>{found}<a href='/jrobot/search.do?page=2'>下一页</a></body></html>")
        elif path == ARTICLE:
            self._send(f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><p>发布日期：2016-03-07</p></body></html>")
        else:
            self.send_error(404)

    def do_POST(self):
        type(self).asked.append(("POST", self.path))
        self.send_error(405)

    def _send(self, text: str):
        body = text.encode("gbk")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=gbk")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(method: str):
    handler = type("Handler", (Portal,), {"method": method, "asked": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, handler, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(params=["get", "post"])
def crawled(request, tmp_path, crawl_runner):
    server, handler, url = serve(request.param)
    try:
        _, records = crawl_runner(url, tmp_path / "pages.jsonl")
    finally:
        server.shutdown()
        server.server_close()
    return request.param, handler.asked, {r["url"].replace(url, "/"): r for r in records}


def test_a_get_search_form_is_sent_once_in_the_pages_charset_and_its_answer_recorded(crawled):
    method, asked, pages = crawled
    if method == "post":
        assert asked == [] and not any(r.get("search_probe") for r in pages.values())
        assert pages["/"]["search"]["method"] == "post"
        return
    assert asked == [("GET", {"webid": ["7"], "q": [TITLE]})]  # GBK, as a browser sends it, hidden field kept
    [(path, answer)] = [(p, r) for p, r in pages.items() if r.get("search_probe")]
    assert path.startswith("/jrobot/search.do?") and answer["status"] == 200
    assert answer["search_probe"] == {"query": TITLE, "expects": pages["/"]["url"].rstrip("/") + ARTICLE, "title": TITLE}
    assert any(link["url"].endswith(ARTICLE) for link in answer["links"])
    assert not any("page=2" in p for p in pages)  # the search's own pages are not followed
