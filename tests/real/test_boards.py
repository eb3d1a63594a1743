"""What netcheck reads of a message board equals what a person reads there
(tests/data/real/boards.tsv, read by eye from each page's markup): on a list of messages, each
row's 留言时间 and state in page order; on one message's page, its 留言时间, 回复时间, replying
office and state; nothing on a page of reply articles. Over the whole corpus, no page the
manifest does not call a board shows a message.
"""
from __future__ import annotations


import pytest

from realcorpus import pages, reading, truth_params



def _truths() -> list:
    return truth_params("boards.tsv")


def test_every_board_truth_names_a_corpus_page():
    truths = _truths()
    assert {p.values[1]["shape"] for p in truths} == {"list", "message", "none"}
    assert {p.values[0].file for p in truths} == {p.file for p in pages() if p.page_kind == "board"}


@pytest.mark.parametrize("page, truth", _truths())
def test_board_facts_are_the_ones_the_page_shows(page, truth):
    record = reading(page)
    if truth["shape"] == "list":
        want = [tuple(pair.split(":")) for pair in truth["messages"].split(";")]
        assert [(m["asked"], m["state"]) for m in record.messages or []] == want, truth["notes"]
        assert all(m["url"] for m in record.messages), "every row links to its message's page"
        assert record.message is None
    elif truth["shape"] == "message":
        got = record.message or {}
        assert (got.get("asked"), got.get("answered"), got.get("replier"), got.get("state")) == \
            (truth["asked"], truth["answered"] or None, truth["replier"] or None, truth["state"]), truth["notes"]
        assert record.messages is None
    else:
        assert record.messages is None and record.message is None, truth["notes"]


@pytest.mark.parametrize("page", [p for p in pages() if p.page_kind != "board"], ids=lambda p: p.id)
def test_no_page_that_is_no_board_shows_a_message(page):
    record = reading(page)
    assert record.messages is None and record.message is None
