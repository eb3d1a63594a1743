"""load_catalog: a catalog file, by its suffix, through its format's reader to one Catalog.

One reader per format (yamlfile, sheets) turns the file into rows with their places; build.py
checks every value against the field table and assembles the Catalog.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .build import build
from .model import DEFAULT_CATALOG, Catalog, CatalogError
from .sheets import read_csv, read_workbook
from .yamlfile import read_yaml

READERS = {".yaml": read_yaml, ".yml": read_yaml, ".xlsx": read_workbook, ".xlsm": read_workbook, ".csv": read_csv}


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a catalog; the packaged default when path is None."""
    path = Path(path) if path else DEFAULT_CATALOG
    if not path.is_file():
        raise CatalogError(path, "文件不存在")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(path, f"无法读取：{exc.strerror or exc}") from None
    if not raw.strip():
        raise CatalogError(path, "文件是空的" + ("（0 字节）" if not raw else ""))
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CatalogError(path, f"无法识别的目录格式 {path.suffix or '（无扩展名）'}：请用 .xlsx、.csv 或 .yaml")
    catalog = build(reader(path, raw))
    catalog.path = str(path)
    catalog.digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    return catalog
