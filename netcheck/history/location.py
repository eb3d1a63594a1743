"""Where the history lives (a database URL) and whose history a run is (the site key)."""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

ENV = "NETCHECK_HISTORY"  # overrides the default database; tests point it into a tmp dir
DEFAULT_NAME = "history.sqlite3"
DEFAULT_PORTS = {"http": 80, "https": 443}
# "postgresql://", "postgresql+psycopg://", "sqlite:///": a URL SQLAlchemy reads. A Windows path
# such as C:\runs\h.db has no "//" after its colon, so it stays a path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def history_url(where: str | os.PathLike | None = None) -> str:
    """The SQLAlchemy URL for --history: a URL passes through unchanged, a path becomes SQLite.

    None means the default: $NETCHECK_HISTORY, else history.sqlite3 in the user's data directory.
    """
    if where is None:
        where = os.environ.get(ENV) or default_path()
    text = os.fspath(where)
    if _URL.match(text):
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def default_path() -> Path:
    from platformdirs import user_data_dir  # only needed when no database is named

    return Path(user_data_dir("netcheck")) / DEFAULT_NAME


def site_key(url_or_key: str) -> str:
    """The key a site's runs are filed under: the start URL without scheme, default port and
    trailing slash (http://www.pjfda.gov.cn/ → www.pjfda.gov.cn), so http and https, or a
    start URL typed with or without its slash, share one history. A key that is not a URL
    (an explicit --site-id, or a key typed back to `netcheck history`) keeps its spelling
    but for the trailing slash."""
    text = url_or_key.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in DEFAULT_PORTS or not parts.netloc:
        return text.rstrip("/") or text
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a malformed port: keep the text as typed
        port = None
    if port and port != DEFAULT_PORTS[parts.scheme.lower()]:
        host = f"{host}:{port}"
    key = host + parts.path.rstrip("/")
    return key + (f"?{parts.query}" if parts.query else "")
