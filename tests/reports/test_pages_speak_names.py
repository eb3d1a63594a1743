"""What an office reads on the pages names rules, never by their ids, and says 单项否决 for a veto.

Ids stay where machines read them: data-rule attributes, the rule filter's option values,
ranking.json. Checked on the text a reader sees (no script, no style, no attributes).
"""
import json
import re

import openpyxl
import pytest
from lxml import html as lhtml

from netcheck.multisite import SiteRun, ranking, run_dirs
from netcheck.sites import Site
from reports import write_all
from reports.index_page import write_index
from reports.names import RULE_NAMES
from reports.ranking import columns, write_ranking
from reports.runrecord import Counts, RunRecord

ID = re.compile("|".join(re.escape(rule) for rule in RULE_NAMES))
VETO_WORDS = ("一票否决",)


def visible_text(path) -> str:
    doc = lhtml.fromstring(path.read_text(encoding="utf-8"))
    for el in doc.xpath("//script | //style | //head"):
        el.drop_tree()
    return doc.text_content()


@pytest.mark.parametrize("status", ["complete", "partial", "incomplete"])
def test_report_page_shows_rule_names_only(tmp_path, findings, run, run_with, status):
    r = run_with(run, status, history=True)
    r["veto_reasons"] = ["site.homepage_stale：首页最新信息发布于2024-04-01，已超过14天未更新。",
                         "privacy.leak：页面公开了身份证号"]
    r["warnings"] = r["warnings"] + ["栏目不更新（column.stale） 运行出错：TypeError: x"]
    write_all(tmp_path, findings, RunRecord.from_dict(r))
    text = visible_text(tmp_path / "report.html")
    assert not ID.findall(text), ID.findall(text)
    assert "首页不更新：首页最新信息发布于2024-04-01" in text and "泄露个人信息：页面公开了身份证号" in text
    assert "栏目不更新 运行出错" in text
    assert not any(word in text for word in VETO_WORDS)
    doc = lhtml.fromstring((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert not doc.xpath("//*[@title and contains(@title, '.')][not(self::a)]")  # no id in a tooltip either
    assert "item.late" in doc.xpath("//select[@id='filter-rule']/option/@value")  # machines still get ids


def test_ranking_page_and_sheet_show_rule_names_only(tmp_path):
    sites = [Site(department="市交通运输局", name="", url="http://jt.example.gov.cn/", catalog=None, row=1),
             Site(department="市住房和城乡建设局（市人民防空办公室）", name="", url="http://zj.example.gov.cn/",
                  catalog=None, row=2)]
    dirs = run_dirs(sites, tmp_path)
    runs = [SiteRun(sites[0], dirs[0], 1, RunRecord(score=80, veto=True,
                                                    veto_reasons=("site.homepage_stale：首页已超过14天未更新。",),
                                                    counts=Counts(findings=3, by_rule={"site.homepage_stale": 1,
                                                                                       "link.broken": 2}))),
            SiteRun(sites[1], dirs[1], 0, RunRecord(score=95, counts=Counts(findings=1,
                                                                            by_rule={"column.stale": 1})))]
    write_ranking(tmp_path, ranking(runs, tmp_path, as_of="2016-06-30"))
    text = visible_text(tmp_path / "ranking.html")
    assert not ID.findall(text), ID.findall(text)
    assert "是：首页不更新：首页已超过14天未更新。" in text
    doc = lhtml.fromstring((tmp_path / "ranking.html").read_text(encoding="utf-8"))
    heads = [th.text_content() for th in doc.xpath("//table[@id='ranking']/thead//th")]
    shown = [name for name, _ in columns(RULE_NAMES).values()]  # the a11y.* family is one column
    assert heads[5:5 + len(shown)] == shown
    assert not doc.xpath("//th/@title")
    sheet = openpyxl.load_workbook(tmp_path / "ranking.xlsx").active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c for c in cells if ID.search(c)] and "首页不更新：首页已超过14天未更新。" in cells
    saved = json.loads((tmp_path / "ranking.json").read_text(encoding="utf-8"))
    vetoed = next(e for e in saved["sites"] if e["department"] == "市交通运输局")
    assert vetoed["veto_reasons"] == ["site.homepage_stale：首页已超过14天未更新。"]  # machines: as judged


def test_index_page_has_one_veto_column(tmp_path):
    run_dir = tmp_path / "2024-06-01"
    run_dir.mkdir()
    run = {"site": "http://fda.example.gov.cn/", "as_of": "2024-06-01", "score": 80, "veto": True,
           "counts": {"findings": 4, "by_severity": {"veto": 2, "deduct": 1, "notice": 1}}}
    (run_dir / "run.json").write_text(json.dumps(run), encoding="utf-8")
    (tmp_path / "2024-05-01").mkdir()
    (tmp_path / "2024-05-01" / "run.json").write_text(json.dumps({**run, "as_of": "2024-05-01", "veto": False,
                                                                   "counts": {"findings": 0}}), encoding="utf-8")
    doc = lhtml.fromstring(write_index(tmp_path).read_text(encoding="utf-8"))
    heads = [th.text_content() for th in doc.xpath("//table[@id='runs']/thead//th")]
    assert [h for h in heads if "否决" in h] == ["单项否决"]
    assert heads[heads.index("单项否决") + 1:heads.index("单项否决") + 4] == ["问题数", "扣分", "提示"]
    col = heads.index("单项否决")
    cells = [tr.xpath("td")[col].text_content() for tr in doc.xpath("//table[@id='runs']/tbody/tr")]
    assert cells == ["是（2 项）", "否"]
    text = visible_text(tmp_path / "index.html")
    assert not any(word in text for word in VETO_WORDS)
