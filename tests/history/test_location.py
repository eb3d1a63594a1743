"""--history takes a file (SQLite) or a SQLAlchemy URL, passed through unchanged (nothing here
connects); runs are filed under a site key that ignores scheme, default port and trailing slash."""
from pathlib import Path

import pytest
import sqlalchemy as sa

from netcheck.history import history_url, site_key
from netcheck.history.location import default_path


@pytest.mark.parametrize("url", [
    "postgresql://netcheck:s3cret@db.example.gov.cn:5432/netcheck",
    "postgresql+psycopg://netcheck@localhost/netcheck?sslmode=require",
    "postgresql+psycopg2://u:p@10.0.0.5/audits",
    "sqlite:////var/lib/netcheck/history.sqlite3",
    "mysql+pymysql://u:p@h/db",
])
def test_a_database_url_is_passed_to_sqlalchemy_unchanged(url):
    assert history_url(url) == url
    parsed = sa.engine.make_url(history_url(url))
    assert parsed.render_as_string(hide_password=False) == url


def test_postgresql_url_names_the_postgresql_dialect():
    assert sa.engine.make_url(history_url("postgresql://u:p@h/db")).get_backend_name() == "postgresql"


def test_a_path_becomes_an_absolute_sqlite_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert history_url("runs/h.db") == f"sqlite:///{tmp_path / 'runs' / 'h.db'}"
    assert history_url(tmp_path / "h.db") == f"sqlite:///{tmp_path / 'h.db'}"


def test_default_is_the_environment_variable_else_the_user_data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("NETCHECK_HISTORY", str(tmp_path / "env.sqlite3"))
    assert history_url() == f"sqlite:///{tmp_path / 'env.sqlite3'}"
    monkeypatch.setenv("NETCHECK_HISTORY", "postgresql://u@h/db")
    assert history_url() == "postgresql://u@h/db"
    monkeypatch.delenv("NETCHECK_HISTORY")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # platformdirs on Linux
    assert default_path() == Path(tmp_path / "data" / "netcheck" / "history.sqlite3")
    assert history_url() == f"sqlite:///{default_path()}"


@pytest.mark.parametrize("given, key", [
    ("http://www.pjfda.gov.cn/", "www.pjfda.gov.cn"),
    ("https://www.pjfda.gov.cn", "www.pjfda.gov.cn"),
    ("https://WWW.PJFDA.GOV.CN:443/", "www.pjfda.gov.cn"),
    ("http://www.pjfda.gov.cn:80/", "www.pjfda.gov.cn"),
    ("http://127.0.0.1:8080/", "127.0.0.1:8080"),
    ("http://www.panjin.gov.cn/spyj/", "www.panjin.gov.cn/spyj"),
    ("www.pjfda.gov.cn/", "www.pjfda.gov.cn"),  # a key typed back with its slash
    ("demo", "demo"),
    ("盘锦市食品药品监督管理局", "盘锦市食品药品监督管理局"),
])
def test_site_key(given, key):
    assert site_key(given) == key
