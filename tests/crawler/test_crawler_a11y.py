"""crawler.extract.a11y: the accessibility facts of a page as fetched, counted element by element."""
from __future__ import annotations

import pytest

from crawler.extract.page import parse_page

PAGE = """<!DOCTYPE html><html {lang}><head><meta charset="utf-8"><title> 某某市 人民政府 </title></head><body>
<h1>标题</h1><h2>栏目</h2><h4>跳级</h4><h2>下一节</h2><h3>小节</h3>
<img src="/logo.png"><img src="/deco.png" alt=""><img src="/x.png" alt="市徽"><img src="/y.png" aria-hidden="true">
<form><label for="kw">关键词</label><input id="kw" name="kw"><input name="q2"><input name="q3" placeholder="请输入">
<label>姓名 <input name="name"></label><input type="hidden" name="t"><input type="submit" value="搜索">
<select name="year"></select><textarea title="内容"></textarea></form>
<a href="/a.html">文字</a><a href="/b.html"><img src="/b.png"></a><a href="/c.html"><img src="/c.png" alt="更多"></a>
<a href="/d.html" aria-label="下一页"></a><a href="/e.html"> </a><a name="top"></a>
<iframe src="/map.html"></iframe><iframe src="/v.html" title="视频"></iframe>
<video src="/intro.mp4" autoplay></video><video src="/quiet.mp4" autoplay muted></video><audio src="/a.mp3"></audio>
{entry}
</body></html>"""


def _facts(lang='lang="zh-CN"', entry=""):
    return parse_page(PAGE.format(lang=lang, entry=entry), "http://site.test/p.html")["a11y"]


def test_each_check_counts_its_elements_and_names_a_few():
    facts = _facts()
    assert facts["lang"] == "zh-CN" and facts["title"] == "某某市 人民政府"
    assert facts["img"] == [5, 2]  # missing: /logo.png, and /b.png inside a link; alt="" is decorative, aria-hidden skipped
    assert facts["examples"]["img"] == ["/logo.png", "/b.png"]
    assert facts["field"] == [6, 2] and facts["examples"]["field"] == ["q2", "year"]
    assert facts["link"] == [5, 2] and facts["examples"]["link"] == ["/b.html", "/e.html"]
    assert facts["iframe"] == [2, 1] and facts["examples"]["iframe"] == ["/map.html"]
    assert facts["heading_skips"] == 1 and facts["examples"]["heading_skips"] == ["h2→h4"]
    assert facts["autoplay"] == 1 and facts["examples"]["autoplay"] == ["/intro.mp4"]
    assert facts["entry"] == []


def test_no_lang_is_recorded_empty():
    assert _facts(lang="")["lang"] == ""


@pytest.mark.parametrize("entry, marker", [
    ('<a href="/zzb/">长者版</a>', "text:长者版"),
    ('<a href="javascript:;" onclick="aria.oldFixedStart()">关怀版</a>', "control:aria.oldFixedStart()"),
    ('<a id="toolbarSwitch" href="javascript:;">打开</a>', "control:toolbarSwitch"),
    ('<script src="//gov.govwza.cn/dist/aria.js?appid=1"></script>', "script://gov.govwza.cn/dist/aria.js?appid=1"),
])
def test_an_elder_mode_entry_is_recorded(entry, marker):
    assert _facts(entry=entry)["entry"] == [marker]


@pytest.mark.parametrize("entry", [
    '<a href="/art/1.html">我市推进无障碍环境建设工作取得新进展</a>',  # an article's title
    '<a href="/wzasm.html">无障碍声明</a>',
    '<!-- <a href="javascript:;" onclick="aria.start()">无障碍</a> -->',
])
def test_words_that_are_no_entry_are_not_one(entry):
    assert _facts(entry=entry)["entry"] == []
