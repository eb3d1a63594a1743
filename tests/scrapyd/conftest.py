"""A real Scrapyd on 127.0.0.1 and the project deployed to it with scrapyd-deploy, as README says.

Scrapyd runs from a directory of its own (its scrapyd.conf, eggs, logs, items) and without the
repo on PYTHONPATH, so its jobs run the deployed egg. scrapyd-deploy builds the egg in a copy of
the project, so that its build/ and *.egg-info stay out of the working tree; the deploy target
comes from a user-level scrapy.cfg ($XDG_CONFIG_HOME), the way a user adds a server.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))  # e2erun, mixed_site

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# Not part of the project a user deploys: tests, benchmarks, build output, local runs.
NOT_DEPLOYED = shutil.ignore_patterns(".git", ".venv", "tests", "bench", "build", "dist", "*.egg-info",
                                      "__pycache__", ".pytest_cache", ".scrapy", "netcheck-runs", "runs",
                                      "netcheck-demo")
SCRAPYD_CONF = """[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {home}/eggs
logs_dir = {home}/logs
items_dir = {home}/items
dbs_dir = {home}/dbs
max_proc = 2
poll_interval = 0.2
jobs_to_keep = 50
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on."""
    return _free_port()


def _tool(name: str, module: str) -> list[str]:
    """The console script installed next to this Python, or its module."""
    script = BIN / name
    return [str(script)] if script.exists() else [sys.executable, "-m", module]


def _require(module: str) -> None:
    """Skip unless `module` is installed: tests/ is on sys.path, where this folder would pass for `scrapyd`."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        pytest.skip(f"{module} is not installed (pip install '.[test]')")


def _env_without_repo() -> dict:
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def start_scrapyd(home: Path):
    """A Scrapyd running from `home` on a free loopback port: (its process, its base URL)."""
    _require("scrapyd")
    port = _free_port()
    (home / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=port, home=home), encoding="utf-8")
    with (home / "scrapyd.out").open("wb") as out:
        proc = subprocess.Popen(_tool("scrapyd", "scrapyd"), cwd=home, env=_env_without_repo(), stdout=out,
                                stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urlopen(url + "daemonstatus.json", timeout=2) as response:
                assert json.load(response)["status"] == "ok"
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("Scrapyd did not start:\n" + (home / "scrapyd.out").read_text(errors="replace")[-3000:])
            time.sleep(0.1)


def stop_scrapyd(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def deploy(url: str, tmp: Path) -> subprocess.CompletedProcess:
    """`scrapyd-deploy test` run in a copy of the project, the target `test` being `url`."""
    _require("scrapyd_client")
    project = tmp / "netcheck"
    shutil.copytree(ROOT, project, ignore=NOT_DEPLOYED)
    config = tmp / "config"
    config.mkdir()
    (config / "scrapy.cfg").write_text(f"[deploy:test]\nurl = {url}\n", encoding="utf-8")
    # HOME too: a developer's own ~/.scrapy.cfg or ~/.netrc must not change where this goes.
    env = {**_env_without_repo(), "XDG_CONFIG_HOME": str(config), "HOME": str(tmp)}
    return subprocess.run([*_tool("scrapyd-deploy", "scrapyd_client.deploy"), "test"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def scrapyd_url(tmp_path_factory):
    proc, url = start_scrapyd(tmp_path_factory.mktemp("scrapyd"))
    yield url
    stop_scrapyd(proc)


@pytest.fixture(scope="session")
def deployed(scrapyd_url, tmp_path_factory):
    """`scrapyd-deploy test` run in the project: its stdout (Scrapyd's answer) and stderr."""
    done = deploy(scrapyd_url, tmp_path_factory.mktemp("deploy"))
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="session")
def second_scrapyd_url(tmp_path_factory):
    """Another Scrapyd node, netcheck deployed to it too (for --sites over several nodes)."""
    proc, url = start_scrapyd(tmp_path_factory.mktemp("scrapyd2"))
    done = deploy(url, tmp_path_factory.mktemp("deploy2"))
    assert done.returncode == 0, done.stdout + done.stderr
    yield url
    stop_scrapyd(proc)


@pytest.fixture
def bare_scrapyd_url(tmp_path_factory):
    """A Scrapyd node that netcheck was never deployed to: it refuses our jobs."""
    proc, url = start_scrapyd(tmp_path_factory.mktemp("scrapyd-bare"))
    yield url
    stop_scrapyd(proc)


@pytest.fixture
def own_scrapyd(tmp_path_factory):
    """A Scrapyd node of the test's own, netcheck deployed to it, for a test that kills it: (process, URL)."""
    proc, url = start_scrapyd(tmp_path_factory.mktemp("scrapyd-own"))
    done = deploy(url, tmp_path_factory.mktemp("deploy-own"))
    assert done.returncode == 0, done.stdout + done.stderr
    yield proc, url
    if proc.poll() is None:
        stop_scrapyd(proc)
