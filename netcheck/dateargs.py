"""Dates typed on the command line (--as-of, --reported-on) in the forms a clerk writes them."""
from __future__ import annotations

import argparse
import re
from datetime import date

from .i18n import _

# Dates as people write them: 2016-06-30, 2016-6-30, 2016/6/30, 2016.6.30, 2016年6月30日, 20160630.
DATE_FORMS = (re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"),
              re.compile(r"(\d{4})(\d{2})(\d{2})"))


def parse_date(text: str) -> date:
    """A date in any of DATE_FORMS; argparse.ArgumentTypeError (a sentence for the user) otherwise."""
    for form in DATE_FORMS:
        match = form.fullmatch(text.strip())
        if match:
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                break
    raise argparse.ArgumentTypeError(
        _("不是有效日期：{text!r}（可写 2016-06-30、2016/6/30 或 2016年6月30日）").format(text=text))
