"""The disclosure catalog (一览表): which categories a site must have, how fresh, by whom, and the
rules' settings. Loaded from a workbook (XLSX), CSV or YAML; a bad one is refused in one Chinese
line naming the file, the sheet, row and column (or the YAML line) and the reason.

- model.py     the Catalog the rules read, and CatalogError
- fields.py    every field once: name, Chinese header, type, range, default, help
- values.py    a value's meaning by its field's type
- yamlfile.py  the YAML reader; sheets.py the XLSX and CSV reader
- build.py     rows to a Catalog, every value checked against its field
- rules.py     rules' settings and scoring completed from the bundled catalog
- load.py      load_catalog: a file by its suffix through its reader
"""
from __future__ import annotations

from .fields import CATEGORY_FIELDS, KINDS, SEVERITY_LABELS, SEVERITY_WORDS
from .load import load_catalog
from .model import DEFAULT_CATALOG, RULE_SETTINGS, Catalog, CatalogError, Category, RuleSetting, WrongTerm, \
    default_severity
from .yamlfile import TOP_LEVEL

# The SPEC's columns, then the optional ones this project adds.
SPEC_COLUMNS = ("category", "aliases", "department", "update_days", "limit_workdays", "min_items", "severity",
                "points", "basis")
EXTRA_COLUMNS = tuple(f.name for f in CATEGORY_FIELDS if f.name not in SPEC_COLUMNS and f.type != "info")

__all__ = ["Catalog", "CatalogError", "Category", "DEFAULT_CATALOG", "EXTRA_COLUMNS", "KINDS", "RULE_SETTINGS",
           "RuleSetting", "SEVERITY_LABELS", "SEVERITY_WORDS", "SPEC_COLUMNS", "TOP_LEVEL", "WrongTerm",
           "default_severity", "load_catalog"]
