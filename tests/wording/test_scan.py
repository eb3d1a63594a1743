"""checks.wording: positions in the page's own text, traditional characters, titles and pinyin."""
from datetime import date

import pytest

from checks.catalog import load_catalog
from checks.wording import build, scan
from checks.wording.scan import SNIPPET, simplified, sounds_like
from checks.wording.titles import compatible

DAY = date(2022, 6, 30)


@pytest.fixture(scope="module")
def matcher():
    catalog = load_catalog()
    catalog.leaders = [{"name": "林某华", "titles": [{"title": "局长"}, {"title": "党组书记"}]}]
    return build(catalog)


def test_a_traditional_page_is_searched_simplified_at_the_same_positions(matcher):
    text = "前言" * 30 + "據國土資源部通知，要求再接再勵。"
    hits = scan(matcher, text, DAY)
    assert [(h.term, text[h.position:h.end]) for h in hits] == [("国土资源部", "國土資源部"), ("再接再励", "再接再勵")]
    assert all(len(h.snippet) <= 2 * SNIPPET + len(h.term) for h in hits)


def test_simplified_keeps_the_length_of_the_text():
    for text in ("頭髮", "乾燥的天氣", "於是", "理髮店裡"):
        assert len(simplified(text)) == len(text)


@pytest.mark.parametrize("found, allowed, ok", [
    ("局长", "局长", True), ("书记", "党组书记", True), ("常务副市长", "副市长", True),
    ("市长", "副市长", False), ("副局长", "局长", False), ("代市长", "市长", False), ("副书记", "党组书记", False),
])
def test_titles_a_qualifier_apart_agree_a_deputy_apart_do_not(found, allowed, ok):
    assert compatible(found, allowed) is ok


def test_a_near_miss_is_read_alike_and_one_character_off():
    assert sounds_like("林谋华", "林某华") and not sounds_like("林某华", "林某华") and not sounds_like("林谋画", "林某华")
    assert not sounds_like("林某", "林某华") and not sounds_like("杨某华", "林某华")


def test_title_of_another_leader_list_is_read_whole(matcher):
    assert [h.level for h in scan(matcher, "党组书记、局长林某华出席", DAY)] == []
    assert [(h.level, h.title) for h in scan(matcher, "副局长林某华出席", DAY)] == [("严重", "副局长")]
    assert scan(matcher, "林某华出席", DAY) == []


def test_a_longer_title_is_read_whole_after_the_name(matcher):
    assert [h.title for h in scan(matcher, "林某华局长助理出席", DAY)] == ["局长助理"]
    assert [h.title for h in scan(matcher, "林某华局长出席", DAY)] == []
