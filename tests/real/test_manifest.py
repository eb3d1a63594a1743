"""The real-page corpus is what its manifest says: exact bytes of pages from public repositories,
each with its source and a ground truth in the agreed form."""
from __future__ import annotations

import hashlib
import re

from realcorpus import CMS_FAMILIES, COLUMNS, ISO_DATE, MANIFEST, PAGE_KINDS, REAL, pages

MIN_PAGES, MIN_SITES = 60, 25
DATE_FIELDS = ("published", "formed", "list_newest", "list_oldest")


def test_manifest_has_the_agreed_columns():
    header = MANIFEST.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert tuple(header) == COLUMNS


def test_every_listed_page_is_there_with_its_exact_bytes():
    for page in pages():
        actual = hashlib.sha256((REAL / page.file).read_bytes()).hexdigest()
        assert actual == page.sha256, f"{page.file}: its bytes have sha256 {actual}"


def test_every_saved_page_is_listed_once():
    listed = [page.file for page in pages()]
    assert len(listed) == len(set(listed))
    saved = {f"pages/{p.name}" for p in (REAL / "pages").iterdir()}
    assert saved == set(listed)


def test_every_page_names_its_source():
    for page in pages():
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", page.repository), page.file
        assert page.path and re.fullmatch(r"[0-9a-f]{40}", page.commit), page.file
        assert page.url.startswith(("http://", "https://")) and page.site in page.url, page.file


def test_ground_truth_is_in_the_agreed_form():
    for page in pages():
        assert page.page_kind in PAGE_KINDS and page.cms in CMS_FAMILIES, page.file
        assert page.index_no_present in {"yes", "no"}, page.file
        for name in DATE_FIELDS:
            assert not page.row[name] or ISO_DATE.fullmatch(page.row[name]), (page.file, name)
        if page.list_count:
            assert int(page.list_count) >= 0
            assert (page.list_newest and page.list_oldest) or page.list_count == "0", page.file
            assert page.list_oldest <= page.list_newest, page.file
        if page.page_kind == "list":
            assert page.list_count, f"{page.file}: a list page gives its entry count"



def test_corpus_is_large_and_varied_enough_to_measure_on():
    rows = pages()
    assert len(rows) >= MIN_PAGES
    assert len({page.site for page in rows}) >= MIN_SITES
