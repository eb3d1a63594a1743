"""Lists and trails a page carries as data for the browser to draw: read, not judged empty."""
from crawler.extract.page import parse_page

URL = "http://www.example.gov.cn/col/col42150/index.html"


def test_a_list_inside_an_html_comment_that_a_script_shows_is_read():
    rows = "".join(f'<li><a href="/c1/2025{m:02d}/{m}.shtml" title="通知{m}">通知{m}</a><b>2025-{m:02d}-03</b></li>'
                   for m in range(3, 9))
    page = parse_page(f'<html><body><h2>文件通知</h2><ul class="xxgklist"><!--{rows}--></ul>'
                      '<div id="page_div"></div></body></html>', URL)
    assert page["page_type"] == "list" and not page["scripted"]
    assert [e.date for e in page["entries"]] == [f"2025-{m:02d}-03" for m in range(3, 9)]


def test_a_commented_out_pair_of_links_is_not_a_list():
    page = parse_page('<html><body><p>正文</p><!-- <li><a href="/a.html">旧链接</a></li> --></body></html>', URL)
    assert page["entries"] == []


def test_the_inline_json_array_a_template_draws_is_read_and_menus_beside_it_are_not():
    html = """<html><head><script>
      var channel = {"crumbs": [{"urls": {"pc": "/col/col1/index.html"}, "name": "政务公开"}]};
      var listData = { articleList: [
        {"title": "解读一", "pubDate": "2025-07-29 16:59", "urls": "{\\"pc\\": \\"/col/col42150/content/1.html\\"}"},
        {"title": "解读二", "pubDate": "2024-01-02 09:00", "urls": "{\\"pc\\": \\"/col/col42150/content/2.html\\"}"}
      ] };
    </script></head><body><div id="list"></div></body></html>"""
    page = parse_page(html, URL)
    assert [(e.title, e.url, e.date) for e in page["entries"]] == [
        ("解读一", "http://www.example.gov.cn/col/col42150/content/1.html", "2025-07-29"),
        ("解读二", "http://www.example.gov.cn/col/col42150/content/2.html", "2024-01-02"),
    ]


def test_the_rest_of_the_trail_comes_from_the_channels_inline_crumbs():
    html = """<html><head><script>
      var channelsTagSelf = {"code": "col42150", "crumbs": [{"name": "政务公开"}, {"name": "<p>政策解读</p>"}]};
    </script></head><body><table><tr><td><a href="/index.html">首页</a></td></tr></table><p>正文</p></body></html>"""
    assert parse_page(html, URL)["breadcrumb"] == ["政务公开", "政策解读"]
