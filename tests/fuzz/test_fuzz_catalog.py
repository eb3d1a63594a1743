"""Property tests of the catalog loader (checks/catalog: yamlfile.py, sheets.py, build.py).

Whatever a file holds, loading it gives a Catalog or a CatalogError naming the file on one
line: never a KeyError, TypeError or a parser's own exception. The structured strategies
build catalogs column by column with values of every YAML type, so the examples reach the
validation of each column and setting, not only the parsers. A valid catalog written as
YAML, CSV or XLSX loads back as the categories it was written from.
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest
import yaml
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from checks import RULES
from checks.catalog import EXTRA_COLUMNS, KINDS, SPEC_COLUMNS, TOP_LEVEL, Catalog, CatalogError, Category, load_catalog
from checks.findings import SEVERITIES
from fuzz_strategies import noisy_text

COLUMNS = SPEC_COLUMNS + EXTRA_COLUMNS
RULE_IDS = tuple(r.rule_id for r in RULES)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("catalogs")


def load_or_refuse(folder, name: str, content: bytes) -> Catalog | None:
    """The loaded catalog, or None when it was refused the way the CLI expects."""
    path = folder / name
    path.write_bytes(content)
    try:
        catalog = load_catalog(path)
    except CatalogError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return None
    assert catalog.categories and all(isinstance(c, Category) and c.name for c in catalog.categories)
    return catalog


# --- values of every type a YAML file or a sheet can give -------------------------------------

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-400, 400).map(lambda n: (1 if n >= 0 else -1) * 10 ** abs(n)),
    st.floats(), st.text(max_size=12), st.dates(), st.datetimes(),
    st.sampled_from(["", " ", "30", "-1", "1.5", "nan", "yes", "是", "否", "veto", "deduct", "dynamics",
                     "03-31", "02-29", "13-01", "2016-02-30", "行政处罚", "a;b；c"]),
)
KEYS = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(KEYS, inner, max_size=3)), max_leaves=8)


def maybe(strategy, other=VALUES):
    """Usually the well-formed thing, sometimes any value at all."""
    return st.one_of(strategy, strategy, other)


CATEGORY = st.fixed_dictionaries(
    {"category": maybe(st.sampled_from(["行政处罚", "行政许可", "人事信息", "财政预算", " ", ""]))},
    optional={column: VALUES for column in COLUMNS if column != "category"} | {"kind": maybe(st.sampled_from(KINDS)),
                                                      "severity": maybe(st.sampled_from(SEVERITIES))},
).flatmap(lambda row: st.one_of(st.just(row), st.dictionaries(KEYS, VALUES, max_size=2).map(lambda extra: {**extra, **row})))

RULE_SETTING = maybe(st.fixed_dictionaries({}, optional={
    "severity": maybe(st.sampled_from(SEVERITIES)), "points": VALUES, "days": VALUES, "basis": VALUES}))
DOCUMENT = st.fixed_dictionaries(
    {"categories": maybe(st.lists(maybe(CATEGORY), max_size=4))},
    optional={
        "name": VALUES, "edition": maybe(st.sampled_from([2015, 2019, "2019"])), "default_department": VALUES,
        "annual_report": maybe(st.fixed_dictionaries({}, optional={
            "category": VALUES, "basis": VALUES,
            "deadline": maybe(st.sampled_from(["03-31", "02-29", "13-01", "3-1", "03/31"]))})),
        "rules": maybe(st.dictionaries(maybe(st.sampled_from(RULE_IDS), KEYS), RULE_SETTING, max_size=3)),
        "rectification_workdays": maybe(st.dictionaries(maybe(st.sampled_from(SEVERITIES), KEYS), VALUES, max_size=3)),
        "match_threshold": VALUES,
        "calendar": maybe(st.fixed_dictionaries({}, optional={"holidays": maybe(st.lists(maybe(st.dates()))),
                                                              "workdays": VALUES})),
        "wrong_terms": maybe(st.lists(maybe(st.fixed_dictionaries({"term": VALUES}, optional={
            "correct": VALUES, "since": maybe(st.dates()), "not_before": VALUES, "basis": VALUES})), max_size=3)),
        "scoring": maybe(st.dictionaries(maybe(st.sampled_from(["veto", "early_warning", "caps"]), KEYS), maybe(
            st.dictionaries(maybe(st.sampled_from(["blank_columns", "homepage_days", "key_columns_stale"]), KEYS),
                            VALUES, max_size=2)), max_size=2)),
        "meta": VALUES,
    },
).flatmap(lambda doc: st.one_of(st.just(doc), st.dictionaries(KEYS, VALUES, max_size=2).map(lambda extra: {**extra, **doc})))


def dump(doc) -> bytes:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


# Lines a hand-edited YAML file may hold, well-formed or not.
YAML_LINES = st.sampled_from([
    "categories:", "  - category: 行政处罚", "    update_days: 30", "    limit_workdays: 2016-02-30",
    "    aliases: [a, b", "calendar:", "  holidays: [2016-02-30]", "  holidays:", "    - 2016-13-01",
    "    - 2001-12-14t21:59:43.10+99:00", "x: &a [*a]", "y: *nope", "<<: {a: 1}", "? [a, b]", ": :", "\t- x",
    "!!python/object/apply:os.system ['true']", "--- ", "...", "'unterminated", "name: \"\\uZZZZ\"",
    "1: number key", "rules: {site.unreachable: {severity: veto, 1: x}}", "scoring: {caps: {1: 2}}",
    "edition: 2019", "wrong_terms: [{term: x, since: 2016-02-30}]", "update_days: 0x" + "F" * 40,
    "name: " + "9" * 5000, "name: 0x" + "F" * 4000, "categories: " + "[" * 3000 + "]" * 3000, "categories: [{category: a}, {category: a}]",
])
YAML_TEXT = st.lists(st.one_of(YAML_LINES, noisy_text(max_size=20)), max_size=8).map("\n".join)


# --- no exception but CatalogError ------------------------------------------------------------

@given(st.binary(max_size=300), st.sampled_from(["c.yaml", "c.yml", "c.csv", "c.xlsx", "c.txt"]))
def test_any_bytes_load_or_are_refused(folder, content, name):
    load_or_refuse(folder, name, content)


@settings(max_examples=settings.default.max_examples // 2)  # PyYAML reads each file twice, in pure Python
@given(YAML_TEXT)
@example("a: 2016-02-30\ncategories: [{category: x}]")  # PyYAML builds a date that does not exist
@example("categories: " + "[" * 3000 + "]" * 3000)  # nesting deeper than Python's recursion limit
@example("categories: [{category: 0x" + "F" * 4000 + "}]")  # a number Python will not print
@example("categories: [{category: a}]\n1: x\nb: y")  # unknown keys of two types: no order between them
@example("categories: [{category: a}]\nrules: {site.unreachable: {1: x, b: y}}")
def test_any_yaml_text_loads_or_is_refused(folder, text):
    load_or_refuse(folder, "c.yaml", text.encode("utf-8"))


@settings(max_examples=settings.default.max_examples // 2)  # PyYAML reads each file twice, in pure Python
@given(DOCUMENT)
def test_any_yaml_document_loads_or_is_refused(folder, doc):
    load_or_refuse(folder, "c.yaml", dump(doc))


@given(st.lists(st.lists(st.one_of(st.sampled_from(COLUMNS), noisy_text(max_size=8), st.just("")), max_size=6),
                max_size=5),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
@example([["category"] + [""] * 18279 + ["x"]], "utf-8")  # wider than a spreadsheet's columns (XFD)
def test_any_csv_table_loads_or_is_refused(folder, rows, encoding):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    load_or_refuse(folder, "c.csv", out.getvalue().encode(encoding, "replace"))


@given(noisy_text(max_size=200))
def test_any_csv_text_loads_or_is_refused(folder, text):
    load_or_refuse(folder, "c.csv", text.encode("utf-8"))


CELL = st.one_of(st.none(), st.booleans(), st.integers(-(10**15), 10**15), st.floats(allow_nan=False, allow_infinity=False),
                 st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=8), st.dates(),
                 st.datetimes(min_value=datetime(1900, 1, 2)), st.sampled_from(COLUMNS), st.sampled_from(SEVERITIES))


@settings(max_examples=settings.default.max_examples // 4)  # openpyxl writes and reads a workbook per example
@given(st.lists(st.lists(CELL, max_size=6), max_size=5),
       st.lists(st.tuples(st.integers(1, 5), st.integers(1, 6), st.integers(0, 2), st.integers(0, 2)), max_size=2))
def test_any_spreadsheet_loads_or_is_refused(folder, rows, merges):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([v.replace("=", "") if isinstance(v, str) else v for v in row])  # '=…' is a formula
    for top, left, down, across in merges:
        if down or across:
            book.active.merge_cells(start_row=top, start_column=left, end_row=top + down, end_column=left + across)
    buffer = io.BytesIO()
    book.save(buffer)
    load_or_refuse(folder, "c.xlsx", buffer.getvalue())


# --- valid catalogs round-trip ----------------------------------------------------------------

NAME = st.text(st.sampled_from("行政许可处罚公开年报财政预算人事信息规划计划通知公告 abcXYZ-（）"), min_size=1, max_size=8).map(str.strip).filter(bool)
TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="="), max_size=12).map(str.strip)
DAYS = st.one_of(st.none(), st.integers(0, 3650))


@st.composite
def valid_catalogs(draw) -> list[Category]:
    names = draw(st.lists(NAME, min_size=1, max_size=10, unique=True))
    count = draw(st.integers(1, len(names)))
    categories, spare = names[:count], names[count:]
    out = []
    for i, name in enumerate(categories):
        out.append(Category(
            name=name,
            aliases=tuple(draw(st.lists(st.sampled_from(spare), max_size=3, unique=True))) if spare else (),
            department=draw(TEXT), update_days=draw(DAYS), limit_workdays=draw(DAYS),
            min_items=draw(st.integers(0, 50)), severity=draw(st.sampled_from((None, *SEVERITIES))),
            points=draw(st.one_of(st.none(), st.integers(0, 100).map(float), st.sampled_from([0.5, 1.25, 2.0]))),
            basis=draw(TEXT), kind=draw(st.sampled_from(KINDS)), disclosure=draw(st.booleans()),
            parent=draw(st.sampled_from((None, *categories[:i]))),
        ))
    return out


def as_row(category: Category) -> dict:
    return {"category": category.name, "aliases": list(category.aliases), "department": category.department,
            "update_days": category.update_days, "limit_workdays": category.limit_workdays,
            "min_items": category.min_items, "severity": category.severity, "points": category.points,
            "basis": category.basis, "kind": category.kind, "disclosure": category.disclosure,
            "parent": category.parent}


def is_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def as_cell(value):
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


@settings(max_examples=settings.default.max_examples // 2)  # PyYAML reads each file twice, in pure Python
@given(valid_catalogs(), st.sampled_from([2015, 2019]))
def test_a_valid_yaml_catalog_loads_back_as_written(folder, categories, edition):
    doc = {"name": "测试目录", "edition": edition, "categories": [as_row(c) for c in categories]}
    catalog = load_or_refuse(folder, "c.yaml", dump(doc))
    assert catalog is not None and (catalog.name, catalog.edition) == ("测试目录", edition)
    assert catalog.categories == categories


@given(valid_catalogs(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_a_valid_csv_catalog_loads_back_as_written(folder, categories, encoding):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([as_cell(v) for v in as_row(c).values()] for c in categories)
    content = out.getvalue().encode(encoding)
    # UTF-8 is tried first: GB18030 bytes that also read as UTF-8 (息 is CF A2, which UTF-8 reads
    # as Ϣ) are read as UTF-8. Only a file of a few Chinese characters can be both.
    assume(encoding != "gb18030" or not is_utf8(content))
    catalog = load_or_refuse(folder, "c.csv", content)
    assert catalog is not None and catalog.categories == categories


@settings(max_examples=settings.default.max_examples // 4)  # openpyxl writes and reads a workbook per example
@given(valid_catalogs())
def test_a_valid_spreadsheet_catalog_loads_back_as_written(folder, categories):
    book = openpyxl.Workbook()
    book.active.append(COLUMNS)
    for category in categories:
        book.active.append([None if v is None or v == [] or v == "" else as_cell(v) for v in as_row(category).values()])
    buffer = io.BytesIO()
    book.save(buffer)
    catalog = load_or_refuse(folder, "c.xlsx", buffer.getvalue())
    assert catalog is not None and catalog.categories == categories


@given(st.lists(st.dates(date(2000, 1, 1), date(2099, 12, 31)), max_size=5), st.sampled_from(["03-31", "01-31", "02-29"]))
def test_calendar_days_and_the_report_deadline_load_back_as_written(folder, holidays, deadline):
    doc = {"categories": [{"category": "行政处罚"}], "calendar": {"holidays": holidays},
           "annual_report": {"deadline": deadline}}
    catalog = load_or_refuse(folder, "c.yaml", dump(doc))
    assert catalog is not None and list(catalog.extra_holidays) == holidays
    assert catalog.annual_deadline == tuple(int(part) for part in deadline.split("-"))
