from pathlib import Path

import pytest
from parsel import Selector

from crawler.extract.metadata import LABELS, label_of, metadata_table

DATA = Path(__file__).resolve().parents[1] / "data"


def table(body: str) -> dict[str, str]:
    return metadata_table(Selector(text=f"<html><body>{body}</body></html>"))


def test_table_layout_with_spaced_labels_and_an_empty_value():
    body = """<table>
      <tr><td>索&nbsp;引&nbsp;号：</td><td>11211100/2016-00123</td><td>主题分类：</td><td>行政处罚</td></tr>
      <tr><td>发文机关：</td><td>盘锦市食品药品监督管理局</td><td>成文日期：</td><td></td></tr>
      <tr><td>标　　题：</td><td colspan="3">行政处罚决定书</td></tr>
      <tr><td>发文字号：</td><td>盘食药监罚〔2016〕3号</td><td>发布日期：</td><td>2016-03-10</td></tr>
    </table>"""
    assert table(body) == {
        "索引号": "11211100/2016-00123", "主题分类": "行政处罚", "发布机构": "盘锦市食品药品监督管理局",
        "成文日期": "", "标题": "行政处罚决定书", "文号": "盘食药监罚〔2016〕3号", "发布日期": "2016-03-10",
    }


def test_dl_layout_maps_label_variants_to_canonical_names():
    body = """<dl><dt>索引号：</dt><dd>001</dd><dt>信息分类：</dt><dd>通知公告</dd>
      <dt>生成日期：</dt><dd>2016-03-14</dd><dt>公开时间：</dt><dd>2016/3/15</dd>
      <dt>效力状态：</dt><dd>有效</dd><dt>关键词：</dt><dd>春季 检查</dd></dl>"""
    assert table(body) == {"索引号": "001", "主题分类": "通知公告", "成文日期": "2016-03-14",
                           "发布日期": "2016/3/15", "有效性": "有效", "主题词": "春季 检查"}


def test_span_layout_in_sibling_divs():
    body = """<div class="xxgk"><div class="row"><span class="l">索引号</span><span class="r">002</span></div>
      <div class="row"><span class="l">发布机构：</span><span class="r">市局</span></div></div>"""
    assert table(body) == {"索引号": "002", "发布机构": "市局"}


def test_label_and_value_in_one_cell_and_several_pairs_in_one_line():
    body = "<table><tr><td>索引号：003　主题分类：公告</td><td>发布日期：2016-03-07</td></tr></table>"
    assert table(body) == {"索引号": "003", "主题分类": "公告", "发布日期": "2016-03-07"}


def test_label_directly_followed_by_a_label_has_an_empty_value():
    body = "<table><tr><td>文号：</td><td>发布日期：</td><td>2016-03-07</td></tr></table>"
    assert table(body) == {"文号": "", "发布日期": "2016-03-07"}


def test_unknown_label_does_not_leak_its_value_to_the_previous_label():
    body = "<table><tr><td>索引号：</td><td>体裁分类：</td><td>公告</td><td>发布日期：</td><td>2016-03-07</td></tr></table>"
    assert table(body) == {"索引号": "", "发布日期": "2016-03-07"}


def test_decision_date_labels_of_penalty_notices():
    body = "<table><tr><td>行政处罚决定书文号：</td><td>x</td></tr><tr><td>处罚决定日期：</td><td>2016年3月7日</td>" \
           "<td>作出处罚决定日期：</td><td>2016年3月8日</td></tr><tr><td>索引号：</td><td>9</td></tr></table>"
    assert table(body)["决定日期"] == "2016年3月7日"


def test_seed_pipe_layout_in_traditional_characters():
    seed = (DATA / "pages" / "seed_header.txt").read_text(encoding="utf-8")
    body = "<p>" + "<br>".join(seed.splitlines()) + "</p>"
    assert table(body) == {
        "索引号": "", "主题分类": "部門政府信息公開工作年度報告", "发布机构": "盤錦市政府", "成文日期": "",
        "标题": "2015年度盤錦市食品藥品監督管理局政府信息公開工作報告", "文号": "", "发布日期": "2016-04-07",
        "主题词": "",
    }


def test_list_header_row_and_single_stray_label_are_not_a_metadata_table():
    assert table("<table><tr><th>标题</th><th>发布日期</th></tr><tr><td><a>x</a></td><td>2016-03-07</td></tr></table>") == {}
    assert table("<p>发布时间：2016-03-07</p><p>正文</p>") == {}


def test_labels_inside_prose_are_not_metadata():
    prose = "本局认为，当事人的行为违法。" * 30 + "发布日期：2016-03-07。"
    assert table(f"<p>{prose}</p><p>索引号：1</p>") == {}


@pytest.mark.parametrize("raw, canonical", [
    ("索 引 號：", "索引号"), ("發文機關:", "发布机构"), ("发文单位", "发布机构"), ("信息来源：", "来源"),
    ("名　称：", "标题"), ("发文文号", "文号"), ("公开日期", "发布日期"), ("时效", "有效性"),
    ("组配分类", "主题分类"), ("信息分类名称", "主题分类"), ("制发日期", "成文日期"), ("许可决定日期", "决定日期"),
    ("作出决定日期", "决定日期"), ("许可日期", "决定日期"),
])
def test_label_variants(raw, canonical):
    assert label_of(raw) == canonical


def test_label_table_maps_onto_a_small_set_of_canonical_labels():
    assert set(LABELS.values()) == {"索引号", "主题分类", "发布机构", "来源", "成文日期", "标题", "文号",
                                    "发布日期", "主题词", "有效性", "内容概述", "决定日期"}


def test_list_items_with_label_elements():
    body = """<ul class="xxgk-meta"><li><label>索引号：</label>11211100/2016-00123</li>
      <li><label>发布机构：</label>盘锦市食品药品监督管理局</li><li><label>成文日期：</label>2016-03-07</li></ul>"""
    assert table(body) == {"索引号": "11211100/2016-00123", "发布机构": "盘锦市食品药品监督管理局", "成文日期": "2016-03-07"}


def test_one_span_per_pair_in_a_div():
    body = """<div class="info"><span>索引号：11211100/2016-00124</span><span>发布日期：2016年03月10日</span>
      <span>文号：盘食药监〔2016〕12号</span></div>"""
    assert table(body) == {"索引号": "11211100/2016-00124", "发布日期": "2016年03月10日", "文号": "盘食药监〔2016〕12号"}
