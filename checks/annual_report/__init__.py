"""The annual disclosure report's statistics tables: parsed into the national form's schema
(form.py, parse.py) and checked against the form's identities (identities.py). Used by
report.inconsistent (checks/rules/report.py)."""
from __future__ import annotations

from .identities import IDENTITIES, check
from .parse import Report, parse_report

__all__ = ["IDENTITIES", "Report", "check", "parse_report"]
