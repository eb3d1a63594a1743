"""summary.md as GitHub shows it: rendered by cmark-gfm (GitHub's own CommonMark + GFM parser, with its
table, autolink, strikethrough and tagfilter extensions), then read back as HTML.

GFM links a bare URL up to the next space, so a URL written inside Chinese text takes the words
after it into the link; only explicit autolinks (<…>) are safe. A raw renderer, not string
matching, is what shows that.
"""
import re
from urllib.parse import unquote

import cmarkgfm
import pytest
from lxml import html as lhtml

from reports import write_all
from reports.names import RULE_NAMES
from reports.runrecord import RunRecord

SITE = "http://fda.example.gov.cn/"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]")
# Evidence as the rules word it, with URLs inside Chinese text; the words after each URL must stay text.
URL_EVIDENCE = [
    ("link.broken", "deduct", f"链接「办件进度查询」（{SITE}cgi/search.jsp）重试后仍返回 HTTP 500（服务器错误）。", "重试后仍返回"),
    ("link.broken", "deduct", f"附件 {SITE}files/a_b.pdf 返回404，请更正", "返回404"),
    ("link.broken", "deduct", f"链接 {SITE}x?a=1&b=2|3，已失效", "已失效"),
    ("site.homepage_stale", "veto", "网站 www.fda.example.gov.cn的首页最新信息发布于2024-04-01，已超过14天未更新。", "的首页最新信息"),
    ("content.wrong_term", "deduct", f"页面（{SITE}news/1.html）使用了「食品药品监督管理局」，应为「市场监督管理局」", "使用了"),
]


def render(markdown: str):
    return lhtml.fromstring(f"<div>{cmarkgfm.github_flavored_markdown_to_html(markdown)}</div>")


@pytest.fixture
def url_findings(make_finding, to_frame):
    return to_frame([make_finding(rule, severity, "信息中心", None, f"{SITE}page/{i}.html", evidence)
                     for i, (rule, severity, evidence, _) in enumerate(URL_EVIDENCE)])


def summary(tmp_path, findings, run) -> str:
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return (tmp_path / "summary.md").read_text(encoding="utf-8")


def test_links_end_where_the_url_ends(tmp_path, url_findings, run):
    run = {**run, "veto_reasons": [f"site.homepage_stale：{URL_EVIDENCE[3][2]}"]}
    doc = render(summary(tmp_path, url_findings, run))
    links = doc.xpath("//a")
    assert len(links) >= 2 * len(URL_EVIDENCE)  # the evidence's URL and the page link of each finding
    for a in links:
        href = unquote(a.get("href"))
        assert href.startswith("http") and not CJK.search(href), href
        assert not CJK.search(a.text_content()), a.text_content()
    outside = doc.text_content()
    for _, _, _, after in URL_EVIDENCE:
        assert after in outside and not any(after in a.text_content() for a in links), after
    hrefs = {unquote(a.get("href")) for a in links}
    assert {f"{SITE}cgi/search.jsp", f"{SITE}files/a_b.pdf", f"{SITE}x?a=1&b=2|3", f"{SITE}news/1.html"} <= hrefs


def test_a_bare_www_host_stays_text(tmp_path, url_findings, run):
    doc = render(summary(tmp_path, url_findings, run))
    assert not [a for a in doc.xpath("//a") if "www." in a.get("href")]
    assert "网站 www.fda.example.gov.cn的首页最新信息" in doc.text_content()


def test_tables_keep_their_columns(tmp_path, url_findings, run):
    doc = render(summary(tmp_path, url_findings, run))
    counts, top = doc.xpath("//table")
    head = [th.text_content() for th in counts.xpath(".//th")]
    assert head == ["问题类型", "规则编号", "单项否决", "扣分", "提示", "合计"]
    assert all(len(tr.xpath("td")) == len(head) for tr in counts.xpath(".//tbody/tr"))
    head = [th.text_content() for th in top.xpath(".//th")]
    assert head == ["严重程度", "问题类型", "问题描述", "页面链接"]
    rows = top.xpath(".//tbody/tr")
    assert len(rows) == len(URL_EVIDENCE)
    assert all(len(tr.xpath("td")) == len(head) for tr in rows)  # a | in a URL or text does not split a cell
    cell = next(tr.xpath("td")[2] for tr in rows if "已失效" in tr.text_content())
    assert [unquote(a.get("href")) for a in cell.xpath("a")] == [f"{SITE}x?a=1&b=2|3"]
    assert cell.text_content().endswith("，已失效")


def test_rule_ids_only_in_the_code_column(tmp_path, findings, run, run_with):
    for r in (run, run_with(run, "partial", history=True), run_with(run, "incomplete")):
        doc = render(summary(tmp_path, findings, {**r, "veto_reasons": ["site.homepage_stale：首页已超过14天未更新。"]}))
        codes = {c.text_content() for c in doc.xpath("//code")}
        for code in doc.xpath("//code"):
            code.drop_tree()
        prose = doc.text_content()
        assert not [rule for rule in RULE_NAMES if rule in prose], prose
        assert {"site.homepage_stale", "link.broken"} <= codes  # the counts table's machine column
        assert "首页不更新：首页已超过14天未更新。" in prose


def test_heading_verdict_and_banner_render_as_such(tmp_path, findings, run, run_with):
    doc = render(summary(tmp_path, findings, run_with(run, "partial")))
    banner = doc.xpath("//blockquote")[0]
    assert banner.xpath(".//strong")[0].text_content() == "抓取未完成"
    assert "netcheck audit http://fda.example.gov.cn/ --out runs/fda --resume" in \
        [c.text_content() for c in banner.xpath(".//code")]
    heading = doc.xpath("//h2")[0].text_content()
    assert heading.startswith("netcheck ❌ 不通过（退出状态 1；抓取未完成）：http://fda.example.gov.cn/")
    verdict = doc.xpath("//h2/following-sibling::p[1]")[0]
    assert verdict.xpath("strong")[0].text_content() == "得分（未完成，不作排名） 71.5 · 单项否决"


def test_page_text_cannot_inject_markup(tmp_path, make_finding, to_frame, run):
    df = to_frame([make_finding("content.wrong_term", "deduct", "办公室", None, f"{SITE}a",
                                "<img src=x onerror=alert(1)> **粗体** [链接](javascript:alert(1)) `代码` www.evil.example")])
    doc = render(summary(tmp_path, df, run))
    assert not doc.xpath("//img | //script | //strong[text()='粗体'] | //a[starts-with(@href, 'javascript')]")
    assert "<img src=x onerror=alert(1)> **粗体** [链接](javascript:alert(1)) `代码` www.evil.example" in doc.text_content()
