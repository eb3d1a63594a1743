"""What netcheck reads of a 办事指南 equals what a person reads there: the key elements each guide
labels (tests/data/real/guides.tsv: by their standard names, as read by eye from each page), and
no guide at all on the pages that are none (a notice that names the elements in prose, a home
page, an article, a list). Over the whole corpus, a page the manifest does not call a guide is
never read as one.
"""
from __future__ import annotations


import pytest

from realcorpus import pages, reading, truth_params



def _truths() -> list:
    return truth_params("guides.tsv")


def test_every_guide_truth_names_a_corpus_page():
    truths = _truths()
    assert len(truths) >= 5
    assert {p.values[1]["guide"] for p in truths} == {"yes", "no"}


@pytest.mark.parametrize("page, truth", _truths())
def test_guide_elements_are_the_ones_the_page_labels(page, truth):
    guide = reading(page).guide
    if truth["guide"] == "no":
        assert guide is None, truth["notes"]
    else:
        assert guide == [e for e in truth["elements"].split("、") if e], truth["notes"]


@pytest.mark.parametrize("page", [p for p in pages() if p.page_kind != "guide"], ids=lambda p: p.id)
def test_no_page_that_is_no_guide_is_read_as_one(page):
    assert reading(page).guide is None
