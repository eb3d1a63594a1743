"""What netcheck reads from real government pages equals what a person reads there.

One test per field, parametrised over every page of tests/data/real/MANIFEST.tsv to which the
field applies. A page listed in known_misses.tsv for a field is an expected failure with its
reason (strict: once it is read right, the listing must go).
"""
from __future__ import annotations

import pytest

from realcorpus import FIELD, known_misses, pages, reading

MISSES = known_misses()


def cases(field_name: str) -> list:
    field = FIELD[field_name]
    params = []
    for page in pages():
        if field.applies(page):
            why = MISSES.get((page.id, field_name))
            marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
            params.append(pytest.param(page, id=page.id, marks=marks))
    return params


def check(field_name: str, page) -> None:
    field = FIELD[field_name]
    assert field.read(reading(page)) == field.truth(page), page.notes


@pytest.mark.parametrize("page", cases("published"))
def test_posting_date_is_the_one_the_page_shows(page):
    check("published", page)


@pytest.mark.parametrize("page", cases("breadcrumb"))
def test_breadcrumb_is_the_trail_the_page_shows(page):
    check("breadcrumb", page)


@pytest.mark.parametrize("page", cases("index_no"))
def test_index_number_is_found_exactly_where_the_page_shows_one(page):
    check("index_no", page)


@pytest.mark.parametrize("page", cases("list_count"))
def test_list_page_dated_entries_are_all_counted(page):
    check("list_count", page)


@pytest.mark.parametrize("page", cases("list_newest"))
def test_list_page_newest_entry_date(page):
    check("list_newest", page)


@pytest.mark.parametrize("page", cases("list_oldest"))
def test_list_page_oldest_entry_date(page):
    check("list_oldest", page)
