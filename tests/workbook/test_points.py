"""The workbook's numbers agree with the score: 扣分 shows points only where a finding deducts (a
提示 or a 单项否决 takes nothing off), each kind's 扣分值 on 汇总 is what the score took (a cap
applied, and said), and 100 − 扣分合计 is the 得分."""
import openpyxl
import pytest
from workbookread import office_rows, office_sheets, rows_of

from reports import write_all
from reports.runrecord import RunRecord
from reports.xlsx_summary import DEDUCTED


def summary_facts(book) -> dict:
    return {r[0]: r[1] for r in book["汇总"].iter_rows(values_only=True) if r[0]}


def per_kind(book) -> dict:
    """汇总's per-kind table: rule name → (单项否决, 扣分, 提示, 合计, 扣分值)."""
    ws = book["汇总"]
    lines = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(lines) if r[6] == "问题类型")
    assert lines[head][6:12] == ("问题类型", "单项否决", "扣分", "提示", "合计", "扣分值")
    return {r[6]: r[7:12] for r in lines[head + 1:] if r[6]}


def test_points_only_on_deducting_rows(book, rounds):
    severity = {f["fingerprint"]: f["severity"] for f in rounds["second"]}
    assert {"notice", "veto", "deduct"} <= set(severity.values())
    for fp, row in office_rows(book).items():
        points = row["扣分"].value
        if severity[fp] == "deduct":
            assert isinstance(points, (int, float))
        else:
            assert points is None, (row["问题类型"].value, row["严重程度"].value)


def test_the_workbook_adds_up_to_the_score(book, rounds):
    run = rounds["run"]
    total = sum(row["扣分"].value or 0 for ws in office_sheets(book) for row in rows_of(ws))
    facts = summary_facts(book)
    kinds = per_kind(book)
    assert facts["得分"] == run["score"]
    assert round(100 - total, 2) == run["score"]  # no cap bites in the demo
    assert facts[DEDUCTED] == round(total, 2) == kinds["合计"][4]
    notes = [r[0] for r in book["汇总"].iter_rows(values_only=True) if r[0] and str(r[0]).startswith("注：")]
    assert f"注：得分 = 100 − {DEDUCTED} {facts[DEDUCTED]:g} = {run['score']:g}；提示不扣分，单项否决不按分值计。" in notes


@pytest.fixture
def capped(tmp_path, make_finding, to_frame, run):
    """Twelve dead links at 1 point each, the rule capped at 10 (the catalog's scoring.caps)."""
    findings = [make_finding("link.broken", "deduct", "信息中心", None, f"http://fda.example.gov.cn/p{i}.html",
                             "链接返回404。", 1.0, target=f"http://fda.example.gov.cn/f{i}.pdf") for i in range(12)]
    findings.append(make_finding("item.metadata_missing", "notice", "办公室", "通知公告",
                                 "http://fda.example.gov.cn/n.html", "缺少索引号。", 0.2))
    result = {**run, "score": 90.0, "veto": False, "veto_reasons": [],
              "breakdown": {"link.broken": {"count": 12, "points": 12.0, "deducted": 10.0},
                            "item.metadata_missing": {"count": 1, "points": 0.0, "deducted": 0.0}}}
    write_all(tmp_path, to_frame(findings), RunRecord.from_dict(result))
    return openpyxl.load_workbook(tmp_path / "rectification.xlsx")


def test_a_capped_rule_says_so_and_the_totals_still_agree(capped):
    facts = summary_facts(capped)
    kinds = per_kind(capped)
    assert kinds["链接不可用"] == (0, 12, 0, 12, 10)
    assert kinds["元数据缺失"] == (0, 0, 1, 1, 0)
    assert facts[DEDUCTED] == kinds["合计"][4] == 10 and facts["得分"] == 90
    assert sum(r["扣分"].value or 0 for r in rows_of(capped["信息中心"])) == 12  # each finding's own points
    assert [r["扣分"].value for r in rows_of(capped["办公室"])] == [None]  # a 提示 takes nothing off
    notes = [r[0] for r in capped["汇总"].iter_rows(values_only=True) if r[0] and str(r[0]).startswith("注：")]
    assert notes == ["注：链接不可用各项扣分合计 12 分，封顶按 10 分计。",
                     f"注：得分 = 100 − {DEDUCTED} 10 = 90；提示不扣分，单项否决不按分值计。"]
