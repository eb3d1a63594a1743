"""A 办事指南's labelled elements as crawler.extract.guide reads them, in the shapes guides take:
a table, <dt>/<dd>, numbered headings over paragraphs, tabs whose panels are hidden, labels with
a colon; and the look-alikes that are no guide (element names in prose, an office's 机构职能 page,
a list of guides, a footer's phone number)."""
from __future__ import annotations

import pytest

from crawler.extract.guide import ELEMENTS, label_of, page_guide
from crawler.extract.page import _parse_html


def guide(body: str, *, title: str = "", trail: list[str] | None = None, meta: dict | None = None,
          has_entries: bool = False) -> list[str] | None:
    root = _parse_html(f"<html><head></head><body>{body}</body></html>")
    return page_guide(root, title=title, meta=meta, trail=trail or [], has_entries=has_entries)


TABLE = ("<table><tr><th>事项名称</th><td>食品经营许可</td></tr><tr><th>设定依据</th><td>《食品安全法》第三十五条</td></tr>"
         "<tr><td>受理条件</td><td>有与经营的食品品种相适应的场所</td></tr><tr><td>申请材料</td><td>1.申请书</td></tr>"
         "<tr><td>办理地点</td><td>市民中心三楼</td></tr><tr><td>咨询电话</td><td>0571-1234567</td></tr></table>")


def test_a_guide_table_is_read_by_its_label_cells():
    assert guide(TABLE) == ["事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "联系电话"]


def test_a_guide_that_says_shenbao_tiaojian_has_its_application_conditions():
    body = TABLE.replace("受理条件", "申报条件")
    assert "申请条件" in guide(body)


def test_dt_dd_and_numbered_headings_with_colons_are_labels():
    body = ("<h1>个体工商户设立登记办事指南</h1><dl><dt>事项名称：</dt><dd>个体工商户设立登记</dd>"
            "<dt>法律依据：</dt><dd>《个体工商户条例》</dd></dl>"
            "<h3>三、申请条件</h3><p>有经营能力的公民</p><p>四、所需材料：身份证、经营场所证明</p>"
            "<p>五、办理时间：工作日上午9:00-12:00</p><p>六、办理流程</p><p>申请→受理→决定</p>")
    assert guide(body, title="个体工商户设立登记办事指南") == ["事项名称", "设定依据", "申请条件", "办理材料",
                                                     "办理时间", "办理流程"]


def test_labels_in_hidden_tab_panels_count():
    body = ('<ul class="tabs"><li><a>基本信息</a></li><li><a>申请材料</a></li><li><a>设定依据</a></li>'
            '<li><a>受理条件</a></li><li><a>办事流程</a></li></ul>'
            '<div style="display:none"><h4>收费标准</h4><p>不收费</p></div>')
    assert guide(body) == ["设定依据", "申请条件", "办理材料", "办理流程", "收费标准"]


def test_element_names_in_running_prose_are_no_labels():
    body = ("<div class='content'><p>行政审批事项要在政府网站、办事场所发布服务指南，列明设定依据、申请条件、申请材料、"
            "办理地点及时间、联系电话、基本流程等内容。</p></div>")
    assert guide(body, title="关于推进重点领域政府信息公开工作的通知") is None


def test_an_offices_address_time_and_phone_make_no_guide():
    body = "<p>办公地点：市府大楼</p><p>办公时间：工作日</p><p>联系电话：0571-1</p><p>主要职责：…</p>"
    assert guide(body, title="机构职能") is None


def test_a_list_of_guides_is_no_guide():
    body = "<ul><li><a href='/a.html'>食品经营许可办事指南</a><span>2024-01-02</span></li></ul>"
    assert guide(body, title="办事指南", trail=["首页", "办事服务", "办事指南"], has_entries=True) is None


def test_a_page_named_a_guide_that_labels_nothing_reads_empty():
    body = "<div class='content'><p><img src='/guide.png'></p><p>附件：办事指南.doc</p></div>"
    assert guide(body, trail=["首页", "政务服务", "办事指南"]) == []


def test_a_footers_phone_is_not_the_guides():
    body = TABLE.replace("<tr><td>咨询电话</td><td>0571-1234567</td></tr>", "") + \
        '<div class="footer"><p>联系电话：0571-7654321</p></div>'
    assert "联系电话" not in guide(body)


@pytest.mark.parametrize("text, name", [
    ("受理条件", "申请条件"), ("（一）职权依据：《档案法》第四十八条", "设定依据"), ("二、行政强制措施流程图", "办理流程"),
    ("所需材料（必要）", "办理材料"), ("【咨询电话】0591-1", "联系电话"), ("承诺办结时限：5个工作日", "办理时限"),
    ("监督电话：86177878", None), ("依据《行政许可法》第三十条规定", None), ("小程序", None),
])
def test_a_label_names_its_standard_element(text, name):
    assert label_of(text) == name


def test_every_element_names_itself():
    assert all(label_of(name) == name for name in ELEMENTS)
