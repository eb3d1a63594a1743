"""load_catalog: a catalog file, by its suffix, through its format's reader to one Catalog.

One reader per format (yamlfile, sheets) turns the file into rows with their places; build.py
checks every value against the field table and assembles the Catalog.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .build import build
from .messages import N_, msg
from .model import DEFAULT_CATALOG, Catalog, CatalogError
from .sheets import read_csv, read_workbook
from .yamlfile import read_yaml

READERS = {".yaml": read_yaml, ".yml": read_yaml, ".xlsx": read_workbook, ".xlsm": read_workbook, ".csv": read_csv}


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a catalog; the packaged default when path is None."""
    path = Path(path) if path else DEFAULT_CATALOG
    if not path.is_file():
        raise CatalogError(path, msg(N_("文件不存在，请检查路径")))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(path, msg(N_("无法读取：{error}"), error=exc.strerror or exc)) from None
    if not raw.strip():
        raise CatalogError(path, msg(N_("文件是空的（0 字节）")) if not raw else msg(N_("文件是空的")))
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise CatalogError(path, msg(N_("无法识别的目录格式 {suffix}：请用 .xlsx、.csv 或 .yaml"),
                                     suffix=path.suffix or msg(N_("（无扩展名）"))))
    catalog = build(reader(path, raw))
    catalog.path = str(path)
    catalog.digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    return catalog
