"""Every test's netcheck runs (in-process or in a subprocess, which inherits the environment) keep
their run history in a temporary database, never in the real user's data directory; and speak
Chinese, the default, whatever the developer's locale (tests/cli/test_i18n.py sets its own)."""
import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def _history_in_tmp(tmp_path_factory):
    old = os.environ.get("NETCHECK_HISTORY")
    os.environ["NETCHECK_HISTORY"] = str(tmp_path_factory.mktemp("history") / "history.sqlite3")
    yield
    if old is None:
        os.environ.pop("NETCHECK_HISTORY", None)
    else:
        os.environ["NETCHECK_HISTORY"] = old


@pytest.fixture(scope="session", autouse=True)
def _chinese_messages():
    old = os.environ.get("LANGUAGE")
    os.environ["LANGUAGE"] = "zh_CN"  # netcheck.i18n: LANGUAGE comes first
    yield
    if old is None:
        os.environ.pop("LANGUAGE", None)
    else:
        os.environ["LANGUAGE"] = old
