"""`netcheck audit --sites`: three departments' sites on 127.0.0.1 audited in one run, each into
its own run directory, and ranked across them (ranking.json, .xlsx, .html agree with each run)."""
import json
import shutil

import openpyxl
import pytest
from sitesrun import FAST, ROOT, run_netcheck

from netcheck.multisite import rank

DEPARTMENTS = {"mixed": "市场监督管理局", "demo": "市食品药品监督管理局", "closed": "市档案局"}


@pytest.fixture(scope="module")
def audit(three_sites, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sites")
    (tmp / "catalogs").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "catalog_mixed.yaml", tmp / "catalogs" / "mixed.yaml")
    sites = tmp / "sites.yaml"
    sites.write_text(
        f"- 部门: {DEPARTMENTS['mixed']}\n  网站: 市场监管网\n  首页: {three_sites['mixed']}\n"
        f"  目录: catalogs/mixed.yaml\n"  # relative to the sites file
        f"- department: {DEPARTMENTS['demo']}\n  name: 食药监局网站\n  url: {three_sites['demo']}\n"
        f"- department: {DEPARTMENTS['closed']}\n  name: 档案信息网\n  url: {three_sites['closed']}\n",
        encoding="utf-8")
    out = tmp / "out"
    result = run_netcheck("audit", "--sites", sites, "--out", out, "--as-of", "2016-06-30", "--no-history",
                          "--no-cache", "--jobs", "3", *FAST, cwd=tmp)
    return out, result


def read_run(out, entry):
    return json.loads((out / entry["run_dir"] / "run.json").read_text(encoding="utf-8"))


def test_every_site_gets_a_run_directory_with_its_findings(audit, three_sites):
    out, result = audit
    assert result.returncode == 1, result.stdout + result.stderr  # vetoes fail at the default --fail-on veto
    ranking = json.loads((out / "ranking.json").read_text(encoding="utf-8"))
    assert {e["department"]: e["url"] for e in ranking["sites"]} == {DEPARTMENTS[k]: v for k, v in three_sites.items()}
    for e in ranking["sites"]:
        assert e["status"] == "ok", e["error"]
        findings = out / e["run_dir"] / "findings.jsonl"
        assert findings.is_file() and (out / e["report"]).is_file()
        run = read_run(out, e)
        assert run["site"] == e["url"] and run["as_of"] == "2016-06-30"
        rules = [json.loads(line)["rule"] for line in findings.read_text(encoding="utf-8").splitlines()]
        assert len(rules) == e["findings"] == run["counts"]["findings"]
    by_department = {e["department"]: e for e in ranking["sites"]}
    # each site was judged with its own catalog: the mixed site's lists four categories
    assert len(read_run(out, by_department[DEPARTMENTS["mixed"]])["categories"]) == 4
    assert len(read_run(out, by_department[DEPARTMENTS["demo"]])["categories"]) == 33


def test_ranking_follows_the_runs_scores_and_the_veto_rule(audit):
    out, _ = audit
    ranking = json.loads((out / "ranking.json").read_text(encoding="utf-8"))
    entries = ranking["sites"]
    for e in entries:
        run = read_run(out, e)
        assert (e["score"], e["veto"], e["veto_reasons"]) == (run["score"], run["veto"], run["veto_reasons"])
        assert e["by_rule"] == run["counts"]["by_rule"]
    expected = rank([{**e, "rank": None} for e in entries])
    assert [e["department"] for e in entries] == [e["department"] for e in expected]
    assert [e["veto"] for e in entries] == sorted(e["veto"] for e in entries)  # unvetoed first
    last = entries[-1]
    assert last["department"] == DEPARTMENTS["closed"] and last["veto"] and last["rank"] == 3
    assert last["by_rule"] == {"site.unreachable": 1}


def test_ranking_xlsx_and_summary_agree_with_ranking_json(audit):
    out, result = audit
    entries = json.loads((out / "ranking.json").read_text(encoding="utf-8"))["sites"]
    ws = openpyxl.load_workbook(out / "ranking.xlsx").active
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        (e["rank"], e["department"], e["score"], "是" if e["veto"] else "否") for e in entries]
    assert rows[-1][5] and "无法访问" in rows[-1][5]
    assert all(r[-3] == "—" for r in rows)  # --no-history: no previous score
    lines = [line for line in result.stdout.splitlines() if any(d in line for d in DEPARTMENTS.values())]
    assert [next(d for d in DEPARTMENTS.values() if d in line) for line in lines[-3:]] == [
        e["department"] for e in entries]
    assert str(out / "ranking.html") in result.stdout and str(out / "ranking.xlsx") in result.stdout


def test_a_bad_sites_file_is_refused_before_anything_runs(netcheck, tmp_path):
    sites = tmp_path / "sites.yaml"
    sites.write_text("- {department: 甲, url: 'http://127.0.0.1:9/'}\n- {department: 乙, url: 'ftp://127.0.0.1/'}\n",
                     encoding="utf-8")
    result = netcheck("audit", "--sites", sites, "--out", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{sites} 第 2 行：不是 http(s) 网址：'ftp://127.0.0.1/'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_sites_sheet_with_an_unknown_column_is_refused(netcheck, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["部门", "首页", "联系电话"])
    wb.active.append(["甲", "http://127.0.0.1:9/", "12345"])
    sites = tmp_path / "sites.xlsx"
    wb.save(sites)
    result = netcheck("audit", "--sites", sites, cwd=tmp_path)
    assert result.returncode == 2 and f"{sites} 第 1 行：未知的列 '联系电话'" in result.stderr


def test_a_private_address_is_refused_up_front_without_allow_private(netcheck, tmp_path):
    sites = tmp_path / "sites.yaml"
    sites.write_text("- {department: 甲, url: 'http://127.0.0.1:9/'}\n", encoding="utf-8")
    result = netcheck("audit", "--sites", sites, "--out", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{sites} 第 1 行：拒绝审计 http://127.0.0.1:9/" in result.stderr
    assert "--allow-private" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [[], ["http://127.0.0.1:9/", "--sites", "sites.yaml"]])
def test_audit_takes_a_url_or_a_sites_file(netcheck, tmp_path, args):
    result = netcheck("audit", *args, cwd=tmp_path)
    assert result.returncode == 2 and "--sites" in result.stderr


def test_with_history_the_ranking_shows_the_change_since_each_sites_previous_run(three_sites, tmp_path):
    sites = tmp_path / "sites.csv"
    sites.write_text(f"部门,网站,首页\n市档案局,档案信息网,{three_sites['closed']}\n", encoding="utf-8")
    history = tmp_path / "history.sqlite"
    for out in ("first", "second"):
        result = run_netcheck("audit", "--sites", sites, "--out", tmp_path / out, "--as-of", "2016-06-30",
                              "--history", history, "--no-cache", *FAST, cwd=tmp_path)
        assert result.returncode == 1, result.stdout + result.stderr
    first, second = (json.loads((tmp_path / out / "ranking.json").read_text(encoding="utf-8"))["sites"][0]
                     for out in ("first", "second"))
    assert (first["previous_score"], first["change"]) == (None, None)
    assert second["previous_score"] == first["score"] and second["change"] == 0
    run = read_run(tmp_path / "second", second)
    assert run["site_id"] == "市档案局"  # filed under its department, whatever its URL
