"""The command line's language: Chinese by default, English through gettext catalogs.

What netcheck says to a person on the command line (help, usage errors, one-line errors, console
messages) is written in Chinese in the source: the Chinese text is the gettext msgid, marked with
`_()` (or `N_()` where it is data, translated where it is shown). A catalog's refusal is raised in
checks/catalog, which does not import netcheck: it is a CatalogError made of N_-marked templates
(checks.catalog.messages), and the command line shows `exc.render(_)`. English comes from the catalog
`locale/en/LC_MESSAGES/netcheck.po`. argparse's own words (usage:, options, error: …) are English
msgids of the standard library; `locale/zh_CN/LC_MESSAGES/netcheck.po` gives them in Chinese, so
that argparse, which asks gettext's global domain, speaks the same language as netcheck.

The language: `--lang zh|en`, else the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set
(as gettext reads them), when it names English or Chinese; anything else (C, POSIX, unset, a
language with no catalog) is Chinese. `use()` puts the choice into LANGUAGE, for argparse and for
the `netcheck audit` processes that `audit --sites` starts.

Reports (report.html, the workbook, summary.md) are Chinese whatever the language: they are read
by the offices. Run data (run.json, findings.jsonl) keeps its ids and ISO dates.

The catalogs, with Babel (`pip install Babel`), from the checkout's root:

    pybabel extract --no-location --sort-output -o netcheck/locale/netcheck.pot \\
        netcheck checks/catalog "$(python -c 'import argparse; print(argparse.__file__)')"
    pybabel update -D netcheck -i netcheck/locale/netcheck.pot -d netcheck/locale --no-fuzzy-matching
    # translate the new entries in both .po files, then
    pybabel compile -D netcheck -d netcheck/locale

The .po and the .mo files are committed and installed as package data; tests/cli/test_i18n.py
fails when a .mo is not the compiled .po or a marked message has no English.
"""
from __future__ import annotations

import argparse
import gettext
import os
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

DOMAIN = "netcheck"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT = "zh"
# --lang value → the catalog's locale directory name
LOCALES = {"zh": "zh_CN", "en": "en"}
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order


def language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """'zh' or 'en': `explicit` (--lang) if given, else what the locale variables name, else Chinese."""
    if explicit in LOCALES:
        return explicit
    environ = os.environ if environ is None else environ
    for variable in LANGUAGE_VARIABLES:
        value = environ.get(variable)
        if value:  # the first one set decides, as in gettext
            for part in value.split(":"):
                code = part.split(".")[0].split("@")[0].lower()
                for lang in LOCALES:
                    if code == lang or code.startswith(lang + "_") or code.startswith(lang + "-"):
                        return lang
            break
    return DEFAULT


def use(lang: str) -> None:
    """Speak `lang` from now on, in this process and the netcheck processes it starts (LANGUAGE),
    and give argparse the catalog for its own words (gettext's global domain)."""
    os.environ["LANGUAGE"] = LOCALES[lang]
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)


@lru_cache(maxsize=None)
def translation(lang: str | None = None) -> gettext.NullTranslations:
    """The catalog for `lang`; Chinese, the source language, needs none (its catalog is argparse's)."""
    return gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[LOCALES[lang or DEFAULT]], fallback=True)


def _(message: str) -> str:
    """`message` (Chinese, as written in the source) in the current language."""
    return translation(language()).gettext(message)


def N_(message: str) -> str:
    """Marks `message` for extraction where it is data; translate it with _() where it is shown."""
    return message


# ---------------------------------------------------------------- help text that fits a terminal

# Punctuation that must not begin a line (and so goes with the character before it).
NO_LINE_START = frozenset("，。、；：？！）》」』”’,.;:?!)]")


def display_width(text: str) -> int:
    """Terminal columns: a Chinese character (East Asian wide or full-width) takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns: Latin words kept whole, Chinese broken between any two
    characters but never before closing punctuation."""
    tokens = re.findall(r"\s+|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|.", text.strip())
    lines, line = [], ""
    for token in tokens:
        if token.isspace() and not line:
            continue
        if line and display_width(line + token.rstrip()) > width and not token.isspace() \
                and token[0] not in NO_LINE_START:
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help with Chinese wrapped by display width, and the line breaks of a description kept."""

    def _split_lines(self, text, width):
        return wrap(self._whitespace_matcher.sub(" ", text), width)

    def _fill_text(self, text, width, indent):
        return "\n".join(indent + line for paragraph in text.splitlines() for line in wrap(paragraph, width - len(indent)))


__all__ = ["DOMAIN", "LOCALE_DIR", "LOCALES", "HelpFormatter", "N_", "_", "display_width", "language", "translation",
           "use", "wrap"]
