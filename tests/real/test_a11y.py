"""The elder-mode / accessibility entry netcheck finds on real pages is the one a person finds there:
tests/data/real/a11y.tsv says for every corpus page, read by eye from its source, whether it offers
a 无障碍 / 长者模式 / 关怀版 / 适老版 entry (a link or control, or a known toolbar script that draws one),
and how. An entry commented out of the markup is no entry; 关怀 or 老年人 in an article's words is none.
"""
from __future__ import annotations

import pytest

from realcorpus import reading, truth_params


def _truths() -> list:
    return truth_params("a11y.tsv")


def test_every_corpus_page_has_an_a11y_truth_and_both_answers_occur():
    answers = [param.values[1]["elder_entry"] for param in _truths()]
    assert len(answers) >= 70 and {"yes", "no"} <= set(answers)


@pytest.mark.parametrize("page, truth", _truths())
def test_the_elder_mode_entry_is_found_where_the_page_has_one(page, truth):
    facts = reading(page).a11y
    assert ("yes" if facts["entry"] else "no") == truth["elder_entry"], (facts["entry"], truth["notes"])


@pytest.mark.parametrize("page, truth", _truths())
def test_the_page_facts_are_small(page, truth):
    facts = reading(page).a11y
    assert len(repr(facts)) < 2500
    assert all(len(v) <= 3 for v in facts["examples"].values()) and len(facts["entry"]) <= 5
