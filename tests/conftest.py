"""Every test's netcheck runs (in-process or in a subprocess, which inherits the environment) keep
their run history in a temporary database, never in the real user's data directory; and speak
Chinese, the default, whatever the developer's locale (tests/cli/test_i18n.py sets its own).

And three small sites with their single-site audits, made once for the session: the many-site tests
(tests/sites, tests/scrapyd) each hold their sites' findings against these."""
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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


@pytest.fixture(scope="session")
def small_sites():
    """{'mixed': url, 'demo': url, 'closed': url}: the mixed test site (TRS/Hanweb columns, a soft-404), the
    demo portal (its planted defects) and a port nothing listens on, for the whole session."""
    sys.path.append(str(ROOT / "tests" / "e2e"))
    from mixed_site import MixedSite

    from netcheck.demo.server import serve

    mixed = MixedSite().start()
    demo, demo_url = serve()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    yield {"mixed": mixed.url, "demo": demo_url + "/", "closed": f"http://127.0.0.1:{closed}/"}
    mixed.stop()
    demo.shutdown()


@pytest.fixture(scope="session")
def single_site_audit(tmp_path_factory):
    """audit(url, *options): the run directory of `netcheck audit url --out DIR *options`, run once per session
    for each URL and options alike."""
    tmp = tmp_path_factory.mktemp("single-site-audits")
    made: dict[tuple, Path] = {}

    def audit(url: str, *options) -> Path:
        key = (url, *map(str, options))
        if key not in made:
            out = tmp / f"{len(made):02d}"
            env = {**os.environ, "PYTHONPATH": str(ROOT), "NETCHECK_CACHE_DIR": str(tmp / "cache")}
            done = subprocess.run([sys.executable, "-m", "netcheck", "audit", url, "--out", str(out), *key[1:]],
                                  capture_output=True, text=True, timeout=120, cwd=tmp, env=env)
            assert done.returncode == 0, done.stderr
            made[key] = out
        return made[key]
    return audit
