"""The footer's identity items as crawler.extract.identity reads them, in the shapes real footers
take (each seen on a page of tests/data/real; tests/real/test_footers.py checks those pages)."""
from __future__ import annotations

from crawler.extract.identity import page_identity
from crawler.extract.page import _parse_html

URL = "http://www.example.gov.cn/art/1.html"


def identity(body: str, meta: dict | None = None) -> dict:
    return page_identity(_parse_html(f"<html><head></head><body>{body}</body></html>"), URL, meta)


def test_a_site_code_only_in_an_images_alt_text_is_read():
    got = identity('<div class="footer"><img src="/bsm.gif" alt="网站标识码：2111000012"></div>')
    assert got == {"site_code": "2111000012"}


def test_items_run_together_without_colons_or_the_final_hao_are_read():
    got = identity('<div class="copyRight">保定市人民政府办公室主办 保定市人民政府办公室版权所有<br>'
                   '<a>冀ICP备19036546号-1 </a><a>冀公网安备 13060202000885号</a> 政府网站标识码1306000033</div>'
                   '<div id="foot">蒙ICP备 05006530　京公网安备11010202000010</div>')
    assert got["site_code"] == "1306000033" and got["icp"] == "冀ICP备19036546号-1"
    assert got["police"] == "13060202000885" and got["sponsor"] == "保定市人民政府办公室"


def test_a_province_written_with_its_older_short_name_is_an_icp_number():
    assert identity('<footer>备案编号：陇ICP备05003927号-4</footer>')["icp"] == "陇ICP备05003927号-4"


def test_badges_written_by_document_write_are_read_with_their_sitecode():
    script = ("document.write(unescape(\"%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='//dcs.conac.cn/js/"
              "28/000/0000/60619479/CA280000000606194790001.js' type='text/javascript'%3E%3C/script%3E\"));"
              "document.write(unescape(\"%3Cspan id='_jiucuo_' sitecode='1306000033' %3E%3C/span%3E%3Cscript "
              "src='http://pucha.kaipuyun.cn/exposure/jiucuo.js' type='text/javascript'%3E%3C/script%3E\"));")
    got = identity(f'<div class="footer">主办：某某局<script>{script}</script></div>')
    assert got["conac"].startswith("http://dcs.conac.cn/js/")
    assert got["error_entry"] and got["error_sitecode"] == "1306000033"


def test_the_entry_scripts_sitecode_is_taken_over_the_image_before_it():
    got = identity('<div class="footer"><span id="_span_jiucuo"><img src="https://zfwzgl.www.gov.cn/exposure/images/'
                   'jiucuo.png?v=bm55000001"></span><script id="_jiucuo_" sitecode="bm55000001" '
                   'src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></div>')
    assert got["error_sitecode"] == "bm55000001"


def test_a_footer_drawn_in_a_frame_names_the_frame_and_nothing_commented_out_counts():
    got = identity('<div id="foot"><div class="footer"><iframe src="/qt_88992/xbdb/"></iframe></div>'
                   '<!-- <p>吉ICP备05001602号</p><script id="_jiucuo_" sitecode="2200000019" src="jiucuo.js"></script> -->'
                   '</div>', meta={"SiteIDCode": "2200000019"})
    assert got == {"meta_site_code": "2200000019", "footer_frame": "http://www.example.gov.cn/qt_88992/xbdb/"}


def test_an_articles_jointly_organised_event_is_no_sponsor():
    got = identity('<div class="content"><p>由国务院新闻办公室与中国驻意大利大使馆共同主办的音乐会在罗马举行。</p></div>'
                   '<div class="bottom">京ICP备14055996号 版权所有：中华人民共和国国务院新闻办公室</div>')
    assert "sponsor" not in got and got["icp"] == "京ICP备14055996号"


def test_a_header_bar_called_bottom_does_not_hide_the_real_footer():
    got = identity('<div class="top-bottom">联系我们 网站地图</div><div class="main">正文</div>'
                   '<table><tr><td>版权所有：国家统计局 京ICP备05034670号 网站标识码bm36000002</td></tr></table>')
    assert got["site_code"] == "bm36000002"
