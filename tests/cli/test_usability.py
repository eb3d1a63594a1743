"""What a new user hits in the first minutes (issue 13), each pinned: dates as people write them, -v
after the command, usage errors in one line, a mistyped host named as such, the placeholder contact
warned about, run times in the machine's time zone."""
import time
from argparse import Namespace
from datetime import date, datetime

import pytest

from clirun import run_netcheck
from netcheck import cli, pipeline
from netcheck.cli import build_parser, parse_date

URL = "http://203.0.113.10/"  # TEST-NET-3: public, and no DNS asked


@pytest.mark.parametrize("text", ["2025-06-20", "2025-6-20", "2025/6/20", "2025.6.20", "2025年6月20日",
                                  "2025 年 6 月 20 日", "20250620", " 2025-6-20 "])
def test_as_of_takes_a_date_as_people_write_it(text):
    assert parse_date(text) == date(2025, 6, 20)
    assert build_parser().parse_args(["audit", URL, "--as-of", text]).as_of == date(2025, 6, 20)
    assert build_parser().parse_args(["report", "run", "--as-of", text]).as_of == date(2025, 6, 20)
    assert build_parser().parse_args(["import-status", "清单.xlsx", "--reported-on", text]).reported_on == \
        date(2025, 6, 20)


@pytest.mark.parametrize("text", ["2025-13-01", "2025-2-30", "6/20/2025", "2025年6月", "明天", ""])
def test_what_is_not_a_date_is_refused_in_one_line(text, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["audit", URL, "--as-of", text])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"不是有效日期：{text!r}" in err and err.endswith("（用法：netcheck audit -h）\n")


@pytest.mark.parametrize("argv, verbose", [
    (["audit", URL], False), (["-v", "audit", URL], True), (["audit", URL, "-v"], True),
    (["audit", "-v", URL], True), (["audit", URL, "--verbose"], True), (["demo", "-v"], True),
    (["report", "run", "-v"], True), (["worker", "--redis", "redis://127.0.0.1:6379/0", "-v"], True),
])
def test_verbose_is_taken_before_or_after_the_command(argv, verbose):
    assert build_parser().parse_args(argv).verbose is verbose


def test_a_usage_error_is_one_line_not_a_page_of_usage(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["audit", URL, "--jobs", "0"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err == \
        "netcheck audit：参数 --jobs：应为不小于 1 的整数，而不是 '0'（用法：netcheck audit -h）\n"


def test_audit_without_a_url_says_what_it_needs(capsys):
    assert cli.main(["audit"]) == 2
    assert capsys.readouterr().err == \
        "netcheck audit：请给出一个网址，或用 --sites FILE 给出网站清单（二者选一；--resume 只与网址同用）\n"


def test_a_mistyped_host_is_said_to_not_resolve(tmp_path):
    out = tmp_path / "run"
    done = run_netcheck("audit", "www.no-such-host.invalid", "--out", out, "--no-history", "-s", "RETRY_TIMES=0",
                        timeout=180)
    assert done.returncode == 1, done.stderr
    assert "netcheck: 网址未写 http:// 或 https://，按 http://www.no-such-host.invalid/ 访问" in done.stderr
    assert done.stdout.splitlines()[0] == \
        "首页无法访问：请求失败（域名无法解析）。请检查网址中的域名 www.no-such-host.invalid 是否写错。"
    assert "得分 0" in done.stdout
    assert done.stderr.count("未设置联系方式") == 1  # a real site, and no contact set


# ---------------------------------------------------------------- the contact sites see in the User-Agent

def warned(capsys) -> bool:
    err = capsys.readouterr().err
    assert err.count("\n") <= 1
    return "未设置联系方式" in err and "NETCHECK_CONTACT" in err


def test_the_placeholder_contact_is_warned_about_for_a_real_site_only(capsys, monkeypatch):
    monkeypatch.delenv("NETCHECK_CONTACT", raising=False)
    cli._contact_warning(Namespace(settings=[]), URL)
    assert warned(capsys)
    cli._contact_warning(Namespace(settings=[]), None)  # the sites of --sites
    assert warned(capsys)
    for own in ("http://127.0.0.1:8000/", "http://[::1]:8000/", "http://localhost:8000/"):
        cli._contact_warning(Namespace(settings=[]), own)
        assert not warned(capsys), own
    cli._contact_warning(Namespace(settings=[("NETCHECK_CONTACT", "mailto:zwgk@example.gov.cn")]), URL)
    assert not warned(capsys)


def test_the_contact_can_be_set_once_in_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("NETCHECK_CONTACT", "mailto:zwgk@example.gov.cn")
    args = Namespace(settings=[("DOWNLOAD_DELAY", "1")])
    cli._contact_warning(args, URL)
    assert not warned(capsys)
    assert args.settings == [("DOWNLOAD_DELAY", "1"), ("NETCHECK_CONTACT", "mailto:zwgk@example.gov.cn")]
    given = Namespace(settings=[("NETCHECK_CONTACT", "mailto:other@example.gov.cn")])  # -s wins
    cli._contact_warning(given, URL)
    assert given.settings == [("NETCHECK_CONTACT", "mailto:other@example.gov.cn")]


# ---------------------------------------------------------------- times

def test_run_times_are_the_machines_clock_time_with_its_offset(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        now = pipeline._now()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert now.endswith("+08:00")
    assert abs(datetime.fromisoformat(now).timestamp() - time.time()) < 5
