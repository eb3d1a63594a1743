"""依据 is clean legal text: the research marks the bundled catalog's basis texts carry (status tags in
brackets, rules-table row ids, unverified notes, English notes) are stripped for display in one
place (reports/basis.py); findings.jsonl keeps the text as written."""
import re
from pathlib import Path

import pytest
import yaml
from workbookread import office_rows

import checks
from reports.basis import display_basis

CASES = [
    # (written in the catalog, shown to the office)
    ("W1 国办发〔2015〕15号 普查评分表：站点无法访问（单项否决）；访问超过15秒计为失败",
     "国办发〔2015〕15号 普查评分表：站点无法访问（单项否决）；访问超过15秒计为失败"),
    ("W3/W4/W6 普查评分表：栏目不更新（动态要闻2周）", "普查评分表：栏目不更新（动态要闻2周）"),
    ("W7 普查评分表 严重错误；W7' 2019 严重表述错误", "普查评分表 严重错误；2019 严重表述错误"),
    ("条例2008 每年3月31日前 [V text]；条例2019 第四十九条/第五十条 [V]",
     "条例2008 每年3月31日前；条例2019 第四十九条/第五十条"),
    ("中办发〔2015〕21号 权力清单 指导意见 [U]", "中办发〔2015〕21号 权力清单 指导意见"),
    ("条例2019 第二十三条/第二十四条 (政府网站为主渠道)；条例2008 第十五条 [U art no.]",
     "条例2019 第二十三条/第二十四条（政府网站为主渠道）；条例2008 第十五条"),
    ("国办秘函〔2019〕19号 互动回应差 (must have an effective online 咨询建言 channel)", "国办秘函〔2019〕19号 互动回应差"),
    ("国办秘函〔2019〕19号 发布解读 (扣分; points U)", "国办秘函〔2019〕19号 发布解读（扣分）"),
    ("条例2019 第十二条 (应当及时更新; 指南 contents listed)", "条例2019 第十二条（应当及时更新）"),
    ("食品安全法 第八十七条 (公布检验结果; no day count)；标准目录 (20 WD)",
     "食品安全法 第八十七条（公布检验结果）；标准目录（20个工作日）"),
    ("证书无效时浏览器拦截访问，按站点无法访问对待（U：普查评分表未单列此项）", "证书无效时浏览器拦截访问，按站点无法访问对待"),
    ("预算法(2018) 第十四条；条例2019 第二十条(七)", "预算法（2018）第十四条；条例2019 第二十条（七）"),
    # what an office writes is left alone
    ("《中华人民共和国政府信息公开条例》第二十条", "《中华人民共和国政府信息公开条例》第二十条"),
    ("个人信息安全规范 (GB/T 35273-2020) 第5.4条", "个人信息安全规范（GB/T 35273-2020）第5.4条"),
    ("W3C 无障碍指南 WCAG 2.0", "W3C 无障碍指南 WCAG 2.0"),
    ("普查评分表 (404、5xx计为不可用)", "普查评分表（404、5xx计为不可用）"),
    (None, ""),
    ("[U]", ""),
]
# Research marks: a bracket, a rules-table row id, an English note in parentheses, an unverified note.
MARKS = re.compile(r"\[|\]|(?<![A-Za-z0-9])[WLF]\d|[(（][^)）]*[a-z]{3,}[^)）]*[)）]|[（(]\s*[UV]\d?\s*[：:)）]|\bWD\b")


@pytest.mark.parametrize("written, shown", CASES)
def test_display_basis(written, shown):
    assert display_basis(written) == shown


def bundled_bases() -> list[str]:
    out = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "basis" and isinstance(value, str):
                    out.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(Path(checks.__file__).parent.glob("default_catalog*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def test_every_basis_of_the_bundled_catalog_shows_without_marks():
    bases = bundled_bases()
    assert len(bases) > 40 and any(MARKS.search(b) for b in bases)  # the marks are there to strip
    for basis in bases:
        shown = display_basis(basis)
        assert shown and not MARKS.search(shown), (basis, shown)


def test_the_workbook_shows_the_clean_basis_and_findings_keep_theirs(book, rounds):
    rows = office_rows(book)
    written = {f["fingerprint"]: f.get("basis") for f in rounds["second"]}
    assert any(MARKS.search(b or "") for b in written.values())  # findings.jsonl: as the catalog says
    for fp, row in rows.items():
        assert row["依据"].value == (display_basis(written[fp]) or None)
        assert not MARKS.search(row["依据"].value or "")
