"""report.html of a run that is not complete: a banner above the score, the score labelled as no
verdict, and a 未核实 section listing what was not verified and the earlier findings not checked again."""
import pytest
from lxml import html as lhtml

from reports import write_all
from reports.runrecord import RunRecord


def page(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    return lhtml.fromstring((tmp_path / "report.html").read_text(encoding="utf-8"))


def header_order(doc) -> list[str]:
    """The ids and classes of the header's blocks, top to bottom."""
    return [el.get("id") or el.get("class") or el.tag for el in doc.xpath("//header/*")]


def test_partial_crawl_banner_is_first_and_says_why_and_how_to_resume(tmp_path, findings, run, run_with):
    doc = page(tmp_path, findings, run_with(run, "partial"))
    banner = doc.get_element_by_id("run-status")
    text = banner.text_content()
    assert "抓取未完成：本次结果不完整，得分不作为结论，不参与排名" in text
    assert "抓取未完成（达到页数上限（--max-pages）），以下结果仅覆盖已抓取的页面" in text
    assert "继续抓取：netcheck audit http://fda.example.gov.cn/ --out runs/fda --resume" in text
    assert "partial" in banner.get("class").split()
    assert header_order(doc)[:2] == ["run-status", "h1"]  # first thing on the page, above the score
    assert doc.get_element_by_id("score").text_content() == "得分（未完成，不作排名） 71.5"
    assert doc.xpath("//title")[0].text.startswith("网站检查报告（抓取未完成）")


def test_incomplete_judgement_banner_names_the_rule_and_its_error(tmp_path, findings, run, run_with):
    doc = page(tmp_path, findings, run_with(run, "incomplete"))
    banner = doc.get_element_by_id("run-status")
    assert "incomplete" in banner.get("class").split()
    items = [li.text_content() for li in banner.xpath(".//li")]
    assert items == ["评判未完成：规则 栏目不更新 运行出错（TypeError: unsupported operand type(s) for -: "
                     "'NoneType' and 'datetime.date'），得分不作为结论；可用 netcheck report <运行目录> 重新评判"]
    assert "评判未完成" in banner.xpath(".//p[@class='title']")[0].text_content()
    assert doc.get_element_by_id("score").text_content().startswith("得分（未完成，不作排名）")


def test_unverified_section_lists_rule_category_and_reason(tmp_path, findings, run, run_with):
    doc = page(tmp_path, findings, run_with(run, "partial"))
    section = doc.get_element_by_id("unverified")
    assert "未核实（3 项）" in section.xpath("h2")[0].text_content()
    rows = [[td.text_content() for td in tr.xpath("td")]
            for tr in doc.xpath("//table[@id='unverified-list']/tbody/tr")]
    assert rows == [["栏目缺失", "全站", "未核实", "抓取未完成，已抓取的页面中未见该栏目，无法确认是否缺失"],
                    ["空白栏目", "行政处罚", "未核实", "抓取未完成，栏目信息可能尚未抓全，无法确认是否为空白栏目"]]
    earlier = doc.xpath("//table[@id='not-reverified-list']/tbody/tr")
    assert len(earlier) == 1
    cells = [td.text_content() for td in earlier[0].xpath("td")]
    assert cells[0] == "链接不可用" and cells[2] == "旧通知附件" and cells[-1] == "抓取未完成，本次未抓取该页面"
    assert earlier[0].xpath(".//a/@href") == ["http://fda.example.gov.cn/old/notice.html"]
    assert "仍按未整改计" in section.text_content()
    # the banner points to the section
    assert doc.get_element_by_id("run-status").xpath(".//a/@href") == ["#unverified"]


def test_error_outcomes_are_listed_as_errors(tmp_path, findings, run, run_with):
    doc = page(tmp_path, findings, run_with(run, "incomplete"))
    rows = doc.xpath("//table[@id='unverified-list']/tbody/tr")
    assert [(tr.get("data-rule"), tr.xpath("td")[2].text_content()) for tr in rows] == [("column.stale", "出错")]
    outcomes = doc.get_element_by_id("outcomes").text_content()
    assert "通过 5" in outcomes and "发现问题 6" in outcomes and "未核实 0" in outcomes and "出错 2" in outcomes


def test_with_history_the_not_reverified_count_is_a_card(tmp_path, findings, run, run_with):
    doc = page(tmp_path, findings, run_with(run, "partial", history=True))
    assert doc.get_element_by_id("count-not-reverified").text == "1"


@pytest.mark.parametrize("keys", ["new", "old"])
def test_complete_run_has_no_banner_and_the_plain_score(tmp_path, findings, run, run_with, keys):
    doc = page(tmp_path, findings, run_with(run, "complete") if keys == "new" else run)
    assert not doc.xpath("//*[@id='run-status']") and not doc.xpath("//*[@id='unverified']")
    assert doc.get_element_by_id("score").text_content() == "得分 71.5"
    assert doc.xpath("//title")[0].text.startswith("网站检查报告 · ")
    assert bool(doc.xpath("//*[@id='outcomes']")) == (keys == "new")


def test_partial_run_without_findings_does_not_claim_none_exist(tmp_path, empty, run, run_with):
    doc = page(tmp_path, empty, {**run_with(run, "partial"), "veto": False, "veto_reasons": []})
    text = doc.text_content()
    assert "已检查的部分未发现问题" in text and "已检查部分未触发单项否决" in text and 'class="verdict pass"' not in text


def test_phone_layout_stacks_the_unverified_tables(tmp_path, findings, run, run_with):
    write_all(tmp_path, findings, RunRecord.from_dict(run_with(run, "partial")))
    text = (tmp_path / "report.html").read_text(encoding="utf-8")
    doc = lhtml.fromstring(text)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text
    assert "@media (max-width: 640px)" in text and "table.stack td::before" in text
    for table in ("unverified-list", "not-reverified-list", "findings", "matches-list"):
        el = doc.get_element_by_id(table)
        assert "stack" in el.get("class").split()
        heads = [th.text_content() for th in el.xpath("thead/tr/th")]
        for tr in el.xpath("tbody/tr"):  # each cell carries its column's name, shown before it on a phone
            assert [td.get("data-label") for td in tr.xpath("td")] == heads
    assert not doc.xpath("//link") and not doc.xpath("//*[@src]")  # still self-contained
