"""The command line speaks Chinese by default and English from the gettext catalogs (netcheck/i18n.py):
help and errors in each language, as a shell with LANG set sees them; and the catalogs themselves,
compiled and complete."""
import argparse
import gettext
import importlib.metadata
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from clirun import ROOT
from netcheck.i18n import DOMAIN, LOCALE_DIR, LOCALES, display_width, language, wrap

babel_pofile = pytest.importorskip("babel.messages.pofile")
from babel.messages.extract import extract_from_dir, extract_from_file  # noqa: E402
from babel.messages.mofile import write_mo  # noqa: E402

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def netcheck_in(env_lang, *args):
    """`python -m netcheck ARGS` in a shell whose only locale setting is LANG=env_lang."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(PYTHONPATH=str(ROOT), **({"LANG": env_lang} if env_lang else {}))
    return subprocess.run([sys.executable, "-m", "netcheck", *args], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env=env)


BAD_DATE = ["audit", "http://www.example.gov.cn/", "--as-of", "2016-13-01"]
HELP = {"zh": ["用法：netcheck audit", "选项", "显示帮助并退出", "显示抓取日志", "按此日期评判"],
        "en": ["usage: netcheck audit", "options", "show this help message and exit", "show the crawl's log",
               "judge as of this date"]}
ERROR = {"zh": "netcheck audit：参数 --as-of：不是有效日期：'2016-13-01'（可写 2016-06-30、2016/6/30 或 2016年6月30日）"
               "（用法：netcheck audit -h）\n",
         "en": "netcheck audit: error: argument --as-of: not a date: '2016-13-01' (write 2016-06-30, 2016/6/30 or "
               "2016年6月30日) (usage: netcheck audit -h)\n"}
REFUSAL = {"zh": "netcheck audit: 不是网站网址：'ftp://www.example.gov.cn/'（应以 http:// 或 https:// 开头，"
                 "如 https://www.example.gov.cn/）\n",
           "en": "netcheck audit: not a web site's address: 'ftp://www.example.gov.cn/' (an http:// or https:// URL, "
                 "e.g. https://www.example.gov.cn/)\n"}


@pytest.mark.parametrize("env_lang, lang", [("zh_CN.UTF-8", "zh"), ("en_US.UTF-8", "en")])
def test_help_and_errors_in_the_language_lang_names(env_lang, lang):
    shown = netcheck_in(env_lang, "audit", "--help")
    assert shown.returncode == 0, shown.stderr
    for text in HELP[lang]:
        assert text in shown.stdout, text
    other = HELP["en" if lang == "zh" else "zh"]
    assert not any(text in shown.stdout for text in other[1:])
    bad_date = netcheck_in(env_lang, *BAD_DATE)
    assert (bad_date.returncode, bad_date.stdout, bad_date.stderr) == (2, "", ERROR[lang])
    bad_url = netcheck_in(env_lang, "audit", "ftp://www.example.gov.cn/")
    assert (bad_url.returncode, bad_url.stderr) == (2, REFUSAL[lang])


@pytest.mark.parametrize("env_lang, argv, lang", [
    ("en_US.UTF-8", ["--lang", "zh", *BAD_DATE], "zh"),
    ("zh_CN.UTF-8", ["--lang=en", *BAD_DATE], "en"),
    ("zh_CN.UTF-8", [*BAD_DATE, "--lang", "en"], "en"),  # after the command too
])
def test_lang_option_wins_over_the_environment(env_lang, argv, lang):
    assert netcheck_in(env_lang, *argv).stderr == ERROR[lang]


@pytest.mark.parametrize("env_lang", [None, "C.UTF-8", "POSIX", "fr_FR.UTF-8"])
def test_chinese_is_the_default(env_lang):
    shown = netcheck_in(env_lang, "--help")
    assert "用法：netcheck" in shown.stdout and "审计一个网站" in shown.stdout


@pytest.mark.parametrize("environ, lang", [
    ({}, "zh"), ({"LANG": "C"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "en"}, "en"),
    ({"LANG": "zh_TW.Big5"}, "zh"), ({"LANG": "de_DE.UTF-8"}, "zh"),
    ({"LANGUAGE": "fr:en", "LANG": "zh_CN.UTF-8"}, "en"),  # LANGUAGE is a list, and comes first
    ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),  # LC_ALL before LANG, as gettext reads them
    ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
])
def test_language_follows_gettext_order(environ, lang):
    assert language(None, environ) == lang
    assert language("en", environ) == "en" and language("zh", environ) == "zh"


def test_no_arguments_shows_the_help_in_chinese():
    shown = netcheck_in("C.UTF-8")
    assert shown.returncode == 2 and "用法：netcheck" in shown.stdout and "demo" in shown.stdout


# ---------------------------------------------------------------- the catalogs

PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/netcheck.po"))
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sdr]|%[sdr]")


def read_po(path: Path):
    with path.open("rb") as fh:
        return babel_pofile.read_po(fh)


def test_there_is_a_catalog_per_language_but_chinese_the_source():
    assert {p.parents[1].name for p in PO_FILES} == set(LOCALES.values())


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.parents[1].name)
def test_each_mo_file_is_its_po_file_compiled(po):
    """What pybabel compile makes of the .po now is what is committed (and installed) as the .mo."""
    compiled = io.BytesIO()
    write_mo(compiled, read_po(po))
    compiled.seek(0)
    with po.with_suffix(".mo").open("rb") as fh:
        committed = gettext.GNUTranslations(fh)
    # The header entry ("") names the Babel that compiled it; the messages are what must agree.
    messages = {k: v for k, v in committed._catalog.items() if k != ""}
    assert messages == {k: v for k, v in gettext.GNUTranslations(compiled)._catalog.items() if k != ""}, \
        f"{po.with_suffix('.mo')} is out of date: run `pybabel compile -D netcheck -d netcheck/locale`"


# What the pybabel extract command in netcheck/i18n.py reads (besides argparse): the application, and the
# catalog refusals checks/catalog raises (N_-marked templates the CLI translates: checks.catalog.messages).
EXTRACTED = ("netcheck", "checks/catalog")


def marked_messages() -> dict[str, str]:
    """Every message the code marks for translation (Babel's default keywords: _, N_ …), with where."""
    found = {}
    for folder in EXTRACTED:
        for filename, _lineno, message, _comments, _context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")]):
            for msgid in (message if isinstance(message, tuple) else (message,)):
                found.setdefault(msgid, f"{folder}/{filename}")
    return found


def test_the_extraction_the_docstring_gives_reads_what_the_test_checks():
    import netcheck.i18n

    command = netcheck.i18n.__doc__.split("pybabel extract", 1)[1].split("pybabel update", 1)[0]
    assert all(f" {folder} " in command.replace("\\\n", " ") for folder in EXTRACTED), command


def test_every_marked_message_has_english_with_the_same_placeholders():
    catalog = read_po(LOCALE_DIR / "en" / "LC_MESSAGES" / "netcheck.po")
    missing, mismatched = [], []
    for msgid, where in marked_messages().items():
        message = catalog.get(msgid)
        if message is None or not message.string:
            missing.append((where, msgid))
        elif sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(message.string)):
            mismatched.append((msgid, message.string))
    assert missing == [], "extract and update the catalogs (netcheck/i18n.py), then translate these"
    assert mismatched == []


ARGPARSE_WORDS = ("usage: ", "options", "positional arguments", "show this help message and exit",
                  "argument %(argument_name)s: %(message)s", "the following arguments are required: %s",
                  "unrecognized arguments: %s", "invalid choice: %(value)r (choose from %(choices)s)",
                  "expected one argument", "invalid %(type)s value: %(value)r", "not allowed with argument %s")


def test_the_words_argparse_says_are_chinese():
    """argparse's own messages, as this Python's argparse.py has them, are in the Chinese catalog."""
    said = {m if isinstance(m, str) else m[0]
            for _line, m, _comments, _context in extract_from_file("python", argparse.__file__)}
    catalog = read_po(LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "netcheck.po")
    untranslated = [w for w in ARGPARSE_WORDS if w in said and not (catalog.get(w) and catalog.get(w).string)]
    assert untranslated == []
    assert sum(w in said for w in ARGPARSE_WORDS) >= len(ARGPARSE_WORDS) - 2  # this Python still says them


def test_the_installed_package_carries_the_compiled_catalogs():
    """A pip user gets the .mo files (package data), not only the checkout."""
    try:
        files = {str(f) for f in importlib.metadata.files("netcheck") or ()}
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("netcheck is not installed")
    if not any(f.startswith("netcheck/") for f in files):
        pytest.skip("netcheck is installed in editable mode")
    for lang in LOCALES.values():
        assert f"netcheck/locale/{lang}/LC_MESSAGES/{DOMAIN}.mo" in files


# ---------------------------------------------------------------- help that fits a terminal

@pytest.mark.parametrize("width", [20, 37, 60])
def test_chinese_help_wraps_by_display_width_and_not_before_punctuation(width):
    text = "用无界面 Chromium 渲染至多 N 个由脚本生成列表（且数据无法直接读取）的页面；0 为不渲染，-s NETCHECK_BROWSER=路径 指定浏览器。"
    lines = wrap(text, width)
    assert all(display_width(line) <= width + 2 for line in lines)  # + one closing punctuation mark
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line[0] in "，。；：）" for line in lines)
    assert any("NETCHECK_BROWSER=路径" in line or "-s" in line for line in lines)
