"""What netcheck says besides help and usage errors, in the language LANG names: a bad sites file, a bad
baseline, a catalog refusal (raised in checks/catalog, translated by the CLI), history and import-status
refusals, `catalog check` and the lines after a run. Chinese by default, English from the catalog."""
import os
import subprocess
import sys

import pytest

from clirun import ROOT

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
LANGS = [("zh_CN.UTF-8", "zh"), ("en_US.UTF-8", "en")]


def netcheck_in(env_lang, *args, cwd=None, timeout=120):
    """`python -m netcheck ARGS` in a shell whose only locale setting is LANG=env_lang."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(PYTHONPATH=str(ROOT), LANG=env_lang, NETCHECK_CONTACT="mailto:test@example.gov.cn")
    return subprocess.run([sys.executable, "-m", "netcheck", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd or ROOT, env=env)


@pytest.mark.parametrize("env_lang, lang", LANGS)
def test_a_bad_sites_file(tmp_path, env_lang, lang):
    sites = tmp_path / "sites.yaml"
    sites.write_text("- {department: 甲, url: 'ftp://czj.example/'}\n", encoding="utf-8")
    done = netcheck_in(env_lang, "audit", "--sites", sites, "--out", tmp_path / "out")
    said = {"zh": f"netcheck: 网站清单有误：{sites} 第 1 行：不是 http(s) 网址：'ftp://czj.example/'"
                  "（应以 http:// 或 https:// 开头）\n",
            "en": f"netcheck: bad sites file: {sites}, row 1: not an http(s) URL: 'ftp://czj.example/' "
                  "(it must begin with http:// or https://)\n"}
    assert (done.returncode, done.stderr) == (2, said[lang])


@pytest.mark.parametrize("env_lang, lang", LANGS)
def test_a_bad_baseline(tmp_path, env_lang, lang):
    nope = tmp_path / "nope"
    done = netcheck_in(env_lang, "audit", "http://127.0.0.1:9/", "--allow-private", "--out", tmp_path / "run",
                       "--baseline", nope)
    said = {"zh": f"netcheck: 基线有误：--baseline {nope}：没有这个文件夹：请给出一次 netcheck 运行的运行目录\n",
            "en": f"netcheck: bad baseline: --baseline {nope}: no such directory: give a netcheck run directory\n"}
    assert done.returncode == 2 and done.stderr.endswith(said[lang]), done.stderr


CATALOGS = {
    # a sheet's cell: the where (row, category, column) and the why are each translated
    "c.csv": ("栏目,级别\n行政处罚,严重\n", {
        "zh": "，第 2 行（行政处罚），B 列「级别」：「严重」无法识别：请填 单项否决、扣分、提示"
              "（或 veto、deduct、notice；一票否决、否决同单项否决）\n",
        "en": ", row 2 (行政处罚), column B 「级别」: 「严重」 is not recognised: write 单项否决、扣分、提示 "
              "(or veto、deduct、notice; 一票否决 and 否决 mean 单项否决)\n"}),
    # a YAML list's item, with a value quoted in the message (不能是…)
    "c.yaml": ("categories:\n  - category: 行政处罚\n    update_days: 三十\n  - category: 行政许可\n"
               "    update_days: [30]\n", {
        "zh": "，第 1 个栏目（行政处罚），第 2 行，「update_days」：须为数字，不能是「三十」\n",
        "en": ", category 1 (行政处罚), line 2, 「update_days」: must be a number, not 「三十」\n"}),
    "c.txt": ("行政处罚\n", {
        "zh": "：无法识别的目录格式 .txt：请用 .xlsx、.csv 或 .yaml\n",
        "en": ": unknown catalog format .txt: use .xlsx, .csv or .yaml\n"}),
}


@pytest.mark.parametrize("name", CATALOGS)
@pytest.mark.parametrize("env_lang, lang", LANGS)
def test_a_catalog_refusal(tmp_path, env_lang, lang, name):
    text, said = CATALOGS[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    done = netcheck_in(env_lang, "catalog", "check", path)
    head = {"zh": "netcheck: 目录有误：", "en": "netcheck: bad catalog: "}[lang]
    assert (done.returncode, done.stdout, done.stderr) == (2, "", head + str(path) + said[lang])


@pytest.mark.parametrize("env_lang, lang", LANGS)
def test_catalog_check_output(env_lang, lang):
    done = netcheck_in(env_lang, "catalog", "check", "checks/default_catalog.yaml")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    if lang == "zh":
        assert lines[0].startswith("目录：") and "个栏目" in lines[0] and lines[1].startswith("年报：")
        assert "规则设置（目录未设置的取内置目录的全国检查默认值）：" in lines
    else:
        assert lines[0].startswith("catalog: ") and " categories, " in lines[0]
        assert lines[1].startswith("annual report: ") and ", due 03-31" in lines[1]
        assert "rule settings (what the catalog does not set is the bundled catalog's national default):" in lines
        assert not any(line.startswith(("目录：", "年报：", "规则设置")) for line in lines)


@pytest.mark.parametrize("env_lang, lang", LANGS)
def test_history_of_an_unknown_site(tmp_path, env_lang, lang):
    done = netcheck_in(env_lang, "history", "nosuch.gov.cn", "--history", tmp_path / "h.sqlite3")
    said = {"zh": "netcheck history：历史中没有 'nosuch.gov.cn' 的检查记录（运行 `netcheck history` 列出已有的网站）\n",
            "en": "netcheck history: no runs of 'nosuch.gov.cn' (`netcheck history` lists the sites known)\n"}
    assert (done.returncode, done.stderr) == (2, said[lang])


@pytest.mark.parametrize("env_lang, lang", LANGS)
def test_import_status_refuses_a_sheet_without_its_numbers(tmp_path, env_lang, lang):
    sheet = tmp_path / "反馈.csv"
    sheet.write_text("问题,状态\n链接不可用,已整改\n", encoding="utf-8")
    done = netcheck_in(env_lang, "import-status", sheet, "--history", tmp_path / "h.sqlite3")
    said = {"zh": f"netcheck: {sheet}：工作表“反馈”有“状态”列但没有“编号”列",
            "en": f"netcheck: {sheet}: sheet \"反馈\" has a \"状态\" column but no \"编号\" column"}
    assert done.returncode == 2 and done.stderr.startswith(said[lang]), done.stderr


# ---------------------------------------------------------------- the lines after a run

@pytest.fixture(scope="module")
def demo_in_english(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-en") / "run"
    done = netcheck_in("en_US.UTF-8", "demo", "--out", out, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    return out, done


def test_the_summary_after_the_demo_is_english_under_an_english_locale(demo_in_english):
    out, done = demo_in_english
    lines = done.stdout.splitlines()
    assert any("  as of 2016-06-30  score " in line for line in lines)
    assert any(" addresses crawled, " in line and " findings (veto " in line for line in lines)
    assert any(line.startswith("first audit: ") and " new, " in line and " fixed " in line for line in lines)
    assert f"report: {out / 'report.html'}" in lines and f"rectification list: {out / 'rectification.xlsx'}" in lines
    for chinese in ("检查日", "发现问题", "报告：", "整改清单：", "首次检查"):
        assert chinese not in done.stdout, chinese
    # the reports stay Chinese for the offices whatever the console's language
    assert "整改" in (out / "summary.md").read_text(encoding="utf-8")


def test_the_same_run_rejudged_under_a_chinese_locale_says_it_in_chinese(demo_in_english, tmp_path):
    out, _ = demo_in_english
    done = netcheck_in("zh_CN.UTF-8", "report", out, "--as-of", "2016-06-30", "--out", tmp_path / "again")
    assert done.returncode in (0, 1), done.stderr
    lines = done.stdout.splitlines()
    assert any("  检查日 2016-06-30  得分 " in line for line in lines)
    assert any(line.startswith("抓取 ") and " 个地址，发现问题 " in line for line in lines)
    assert f"报告：{tmp_path / 'again' / 'report.html'}" in lines
    assert " score " not in done.stdout and "report: " not in done.stdout


# ---------------------------------------------------------------- in process: LANGUAGE decides at each message

def test_the_ranking_lines_of_audit_sites_follow_the_language(monkeypatch):
    from netcheck.multisite import summary_line

    entry = {"rank": 1, "department": "市交通局", "name": "", "status": "ok", "veto": True, "unreachable": False,
             "score": 80, "score_is_verdict": True, "findings": 3, "report": "01-jtj/report.html"}
    assert summary_line(entry) == "  1  市交通局  得分 80  单项否决  问题 3  01-jtj/report.html"
    monkeypatch.setenv("LANGUAGE", "en")
    assert summary_line(entry) == "  1  市交通局  score 80  veto  findings 3  01-jtj/report.html"
