"""What netcheck reads in real footers equals what a person reads there: the identity items of
tests/data/real/footers.tsv (网站标识码, ICP备案编号, 公安机关备案号, 党政机关网站标识, 主办单位, the
找错 entry and its sitecode, the SiteIDCode tag, a footer drawn in a frame), read by eye from each
page's source. Codes, numbers and names must match exactly; the badge and the entry, yes or no.
"""
from __future__ import annotations


import pytest

from realcorpus import pages, reading, truth_params

VALUES = ("site_code", "icp", "police", "sponsor", "error_sitecode", "meta_site_code", "footer_frame")
PRESENCE = ("conac", "error_entry")


def _truths() -> list:
    return truth_params("footers.tsv")


def test_every_footer_truth_names_a_corpus_page():
    assert len(_truths()) >= 20


@pytest.mark.parametrize("page, truth", _truths())
def test_footer_identity_items_are_the_ones_the_page_shows(page, truth):
    identity = reading(page).identity
    read = {key: identity.get(key, "") for key in VALUES}
    read.update({key: "yes" if identity.get(key) else "no" for key in PRESENCE})
    assert read == {key: truth[key] for key in (*VALUES, *PRESENCE)}, truth["notes"]
