"""index.html over a directory of runs: one row per run.json, newest first, relative links."""
import json

from lxml import html as lhtml

from netcheck.cli import main
from reports.index_page import find_runs, write_index


def save_run(path, as_of, score, veto=False, findings=3, report=True, **extra):
    path.mkdir(parents=True)
    run = {"site": "http://fda.example.gov.cn/", "as_of": as_of, "finished": as_of + "T09:00:00", "score": score,
           "veto": veto, "counts": {"findings": findings, "by_severity": {"deduct": findings}}, **extra}
    (path / "run.json").write_text(json.dumps(run, ensure_ascii=False), encoding="utf-8")
    if report:
        (path / "report.html").write_text("<html></html>", encoding="utf-8")


def test_runs_newest_first_with_nested_site_runs(tmp_path):
    save_run(tmp_path / "2024-05-01", "2024-05-01", 80)
    save_run(tmp_path / "2024-06-01" / "fda", "2024-06-01", 90.5, veto=True,
             history={"new": 1, "persisting": 2, "fixed": 4})
    save_run(tmp_path / "2024-04-01", "2024-04-01", 70, report=False)
    (tmp_path / "2024-06-01" / "ranking.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "run.json").write_text("{not json", encoding="utf-8")
    runs, skipped = find_runs(tmp_path)
    assert [r["dir"] for r in runs] == ["2024-06-01/fda", "2024-05-01", "2024-04-01"]
    assert skipped == ["broken"]
    doc = lhtml.fromstring(write_index(tmp_path).read_text(encoding="utf-8"))
    rows = doc.xpath("//table[@id='runs']/tbody/tr")
    assert len(rows) == 3
    first = [td.text_content().strip() for td in rows[0].xpath("td")]
    assert first[:6] == ["2024-06-01", "http://fda.example.gov.cn/", "90.5", "检查完成", "是", "3"]
    assert first[-4:-2] == ["1", "4"]  # new, fixed from history
    assert [a.get("href") for a in doc.xpath("//a[text()='查看报告']")] == ["2024-06-01/fda/report.html",
                                                                        "2024-05-01/report.html"]
    assert [a.get("href") for a in doc.xpath("//a[text()='本轮通报']")] == ["2024-06-01/ranking.html"]
    assert "broken" in doc.text_content()
    assert not doc.xpath("//script") and not doc.xpath("//*[@src]")


def test_cli_index_writes_the_page_and_refuses_a_missing_dir(tmp_path, capsys):
    save_run(tmp_path / "r1", "2024-05-01", 80)
    assert main(["index", str(tmp_path)]) == 0
    assert (tmp_path / "index.html").is_file() and "index.html" in capsys.readouterr().out
    assert main(["index", str(tmp_path / "nope")]) == 2


def test_empty_directory_says_so(tmp_path):
    assert "没有检查记录" in write_index(tmp_path).read_text(encoding="utf-8")


def test_status_column_shows_how_complete_each_run_is(tmp_path):
    save_run(tmp_path / "a", "2024-05-03", 80)  # an older run.json: no status, a complete run
    save_run(tmp_path / "b", "2024-05-02", 95, status="partial", score_is_verdict=False,
             crawl_state={"complete": False, "reason_cn": "达到页数上限（--max-pages）", "resume": None})
    save_run(tmp_path / "c", "2024-05-01", 60, status="incomplete", score_is_verdict=False,
             judgement_errors=[{"rule": "column.stale", "name": "栏目不更新", "error": "TypeError: x"}])
    doc = lhtml.fromstring(write_index(tmp_path).read_text(encoding="utf-8"))
    head = [th.text_content() for th in doc.xpath("//table[@id='runs']/thead//th")]
    col = head.index("检查状态")
    assert head[col - 1] == "得分"
    rows = doc.xpath("//table[@id='runs']/tbody/tr")
    badges = [tr.xpath("td")[col].xpath("span")[0] for tr in rows]
    assert [(b.text_content(), b.get("class")) for b in badges] == [
        ("检查完成", "status complete"), ("抓取未完成", "status partial"), ("评判未完成", "status incomplete")]
    assert badges[1].get("title").startswith("抓取未完成（达到页数上限（--max-pages））")
    assert "规则 栏目不更新 运行出错（TypeError: x）" in badges[2].get("title")
    assert [tr.xpath("td")[col - 1].get("class") for tr in rows] == ["n", "n not-verdict", "n not-verdict"]
