"""Bad catalogs are refused — by `netcheck catalog check FILE` and by `netcheck audit … --catalog
FILE` alike — with exit 2 and ONE line naming the file, the row/column (or line) and the reason,
before any crawling. Adding a bad catalog to badfiles.BAD_CATALOGS needs no new test code."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from badfiles import BAD_CATALOGS
from checks.catalog import CatalogError, SPEC_COLUMNS, load_catalog
from netcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
CASES = [pytest.param(write, where, why, id=name) for name, write, where, why in BAD_CATALOGS]


@pytest.fixture(scope="module")
def closed_url():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/"


def refusal(capsys) -> str:
    err = capsys.readouterr().err
    assert err.endswith("\n") and err.count("\n") == 1, err  # one line
    assert err.startswith("netcheck: 目录有误："), err
    return err


def says(err: str, path, where: str, why: str) -> bool:
    """The refusal names the file, then where, then why: `netcheck: 目录有误：FILE，WHERE：WHY…`."""
    return err.startswith(f"netcheck: 目录有误：{path}{'，' + where if where else ''}：{why}")


@pytest.mark.parametrize("write, where, why", CASES)
def test_catalog_check_refuses_it_on_one_line(tmp_path, capsys, write, where, why):
    path = write(tmp_path)
    assert main(["catalog", "check", str(path)]) == 2
    assert says(refusal(capsys), path, where, why)


@pytest.mark.parametrize("write, where, why", CASES)
def test_audit_refuses_it_before_crawling(tmp_path, capsys, closed_url, write, where, why):
    path = write(tmp_path)
    out = tmp_path / "run"
    assert main(["audit", closed_url, "--allow-private", "--catalog", str(path), "--out", str(out),
                 "--no-history", "-s", "RETRY_TIMES=0"]) == 2
    assert says(refusal(capsys), path, where, why)
    assert not out.exists()  # refused before anything was crawled or written


def test_the_real_command_exits_2_with_the_message_on_stderr(tmp_path):
    """Once through a real process: the exit status and stderr a shell or CI sees."""
    _, write, where, why = next(c for c in BAD_CATALOGS if c[0] == "a title row merged above the header")
    path = write(tmp_path)
    done = subprocess.run([sys.executable, "-m", "netcheck", "catalog", "check", str(path)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and done.stdout == ""
    assert says(done.stderr, path, where, why)
    assert done.stderr.count("\n") == 1


# Every column and top-level setting given a value of every wrong kind: refused with a
# CatalogError or accepted, never another exception (a crash with a traceback).
WRONG_VALUES = [None, True, 0, -1, 1.5, float("inf"), 10 ** 30, "", "三十", [], [1, [2]], {}, {"a": {"b": 1}},
                date(2016, 1, 1)]
GOOD = {"name": "t", "categories": [{"category": "行政处罚", "department": "法规科", "update_days": 30}]}
TOP = ["name", "annual_report", "edition", "default_department", "rules", "rectification_workdays",
       "match_threshold", "calendar", "wrong_terms", "scoring"]


@pytest.mark.parametrize("value", WRONG_VALUES, ids=repr)
def test_no_wrong_value_in_any_column_or_setting_crashes(tmp_path, value):
    docs = [{**GOOD, "categories": [{**GOOD["categories"][0], column: value}]} for column in SPEC_COLUMNS]
    docs += [{**GOOD, key: value} for key in TOP]
    docs += [{**GOOD, "categories": [{**GOOD["categories"][0]}, value]}]
    for i, doc in enumerate(docs):
        path = tmp_path / f"c{i}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        try:
            load_catalog(path)
        except CatalogError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)
