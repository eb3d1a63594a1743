"""The sheets' layout as openpyxl reads it back: rows as high as their wrapped text, columns that fit
an A4 landscape page at full size, and every sheet set to print so (one page wide, the header row on
every page, 汇总 on one page). tests/workbook/test_print.py checks the same on paper."""
import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from reports import write_all
from reports.runrecord import RunRecord
from reports.xlsx_layout import A4, LINE_HEIGHT, PAGE_WIDTH, line_count, shown, text_width


@pytest.mark.parametrize("text, width, lines", [
    ("栏目", 10, 1),
    ("测" * 4, 10, 1),  # 4 CJK = 8.4 units: one line in a 10-wide cell (8.8 usable)
    ("测" * 5, 10, 2),  # the fifth goes to a second line: CJK counts double
    ("a" * 8, 10, 1),
    ("第一行\n第二行", 30, 2),  # the text's own line breaks count
    ("http://www.example.gov.cn/xxgk/zcwj/201606/t20160612_12345.html", 20, 4),  # breaks after /
    ("1" * 40, 10, 5),  # a word wider than the cell breaks anywhere
    ("首页最新信息发布于 2016-06-12，距检查日 18 天。", 60, 1),
])
def test_line_count(text, width, lines):
    assert line_count(text, width) == lines


def test_wide_characters_are_about_twice_a_digit():
    assert text_width("测试") == pytest.approx(2 * text_width("12"), rel=0.05)


def sheets(book):
    return [(ws.title, ws) for ws in book.worksheets]


def test_every_row_is_as_high_as_its_wrapped_text(book):
    for title, ws in sheets(book):
        merged = {(r.min_row, r.min_col): r for r in ws.merged_cells.ranges}
        for line in ws.iter_rows():
            height = ws.row_dimensions[line[0].row].height or 15
            for cell in line:
                if cell.value is None or not (cell.alignment and cell.alignment.wrap_text):
                    continue
                span = merged.get((cell.row, cell.column))
                cols = range(span.min_col, span.max_col + 1) if span else [cell.column]
                width = sum(ws.column_dimensions[get_column_letter(c)].width for c in cols)
                size = (cell.font.sz or 11) / 11
                lines = line_count(shown(cell), width / size, bool(cell.font.b))
                if lines == 1 and size <= 1 and ws.row_dimensions[cell.row].height is None:
                    continue  # one line of 11 pt text: the default height holds it
                assert height >= lines * LINE_HEIGHT * size, (title, cell.coordinate, shown(cell), height)


def test_lists_have_a_height_on_every_row_and_wrap_long_text(book):
    ws = book["办公室"]
    heights = [ws.row_dimensions[r].height for r in range(2, ws.max_row + 1)]
    assert all(heights) and max(heights) >= 4 * LINE_HEIGHT  # the longest texts take several lines
    *shown_cells, fingerprint = ws[2]
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in shown_cells)
    assert not fingerprint.alignment.wrap_text  # hidden: wrapped, a zero-width column spills down the page


def test_columns_fit_an_a4_landscape_page_and_the_fingerprint_stays_hidden(book):
    for title, ws in sheets(book):
        visible = [d.width for k, d in ws.column_dimensions.items() if not d.hidden and d.width]
        assert sum(visible) <= PAGE_WIDTH, (title, sum(visible))
        if title not in ("汇总", "已整改（销号）", "本网站抓取统计", "未核实"):
            assert ws.column_dimensions["L"].hidden and ws["L1"].value == "编号"


def test_every_sheet_prints_on_a4_landscape_one_page_wide(book):
    for title, ws in sheets(book):
        setup = ws.page_setup
        assert (int(setup.paperSize), setup.orientation) == (A4, "landscape"), title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and int(setup.fitToWidth) == 1
        assert "&A" in ws.oddHeader.center.text and "&P" in ws.oddHeader.right.text
        if title == "汇总":
            assert int(setup.fitToHeight) == 1  # on one page
        else:
            assert int(setup.fitToHeight) == 0  # as many pages as it takes, never shrunk to fit them
            # 本网站抓取统计: its caption above the header row, both repeated on every page
            heads = 2 if title == "本网站抓取统计" else 1
            assert ws.print_title_rows == f"$1:${heads}" and ws.freeze_panes == f"A{heads + 1}"


def test_a_long_list_still_fits_the_page_width(tmp_path, make_finding, to_frame, run):
    long = "页面内容" * 80
    rows = [make_finding("item.late", "deduct", "办公室", "通知公告", f"http://fda.example.gov.cn/{'a/' * 60}{i}",
                         long, 0.5, basis="条例" * 100) for i in range(30)]
    write_all(tmp_path, to_frame(rows), RunRecord.from_dict(run))
    ws = openpyxl.load_workbook(tmp_path / "rectification.xlsx")["办公室"]
    widths = {ws.cell(row=1, column=c).value: ws.column_dimensions[get_column_letter(c)].width for c in range(1, 12)}
    assert sum(widths.values()) <= PAGE_WIDTH
    assert widths["发现日期"] >= 11 and widths["状态"] >= 12 and widths["问题描述"] >= 18
    assert ws.row_dimensions[2].height >= 10 * LINE_HEIGHT
