"""The catalog's wording lists (typos, phrases, leaders) as a YAML catalog writes them, and the
refusals of ones that cannot be read, at their entry and line."""
from datetime import date

import pytest

from checks.catalog import CatalogError, load_catalog

HEAD = "categories:\n  - category: 行政处罚\n"


def _load(tmp_path, text: str):
    path = tmp_path / "c.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    return load_catalog(path)


def test_the_lists_are_read(tmp_path):
    c = _load(tmp_path, "typos:\n  - {term: 再接再励, correct: 再接再厉}\n"
                        "phrases:\n  - {term: 中华民族伟大振兴, correct: 中华民族伟大复兴, basis: 十九大报告}\n"
                        "leaders:\n  - name: 林某华\n    titles:\n      - 局长\n"
                        "      - {title: 副局长, since: 2015-01-01, until: 2019-12-31}\n")
    assert [(t.term, t.correct) for t in c.typos] == [("再接再励", "再接再厉")]
    assert c.phrases[0].basis == "十九大报告"
    (leader,) = c.leaders
    assert leader.titles_on(date(2018, 1, 1)) == ("局长", "副局长") and leader.titles_on(date(2021, 1, 1)) == ("局长",)


def test_the_bundled_catalog_has_starter_lists_and_no_leaders():
    c = load_catalog()
    assert c.typos and c.phrases and c.leaders == []
    reform = {t.term: t for t in c.wrong_terms}
    for old, new in (("国土资源部", "自然资源部"), ("环境保护部", "生态环境部"), ("农业部", "农业农村部"),
                     ("国家旅游局", "文化和旅游部"), ("监察部", "国家监察委员会"),
                     ("国家卫生和计划生育委员会", "国家卫生健康委员会")):
        assert reform[old].correct == new and reform[old].since.year == 2018 and "2018" in reform[old].basis
    assert len(reform) == len(c.wrong_terms)  # no term listed twice


@pytest.mark.parametrize("text, where", [
    ("typos:\n  - {term: 再接再励}\n", "第 1 个错别字"),
    ("phrases: 中华民族伟大复兴\n", "phrases"),
    ("leaders:\n  - {name: 林某华}\n", "titles"),
    ("leaders:\n  - name: 林某华\n    titles: [{title: 局长, since: 2020-01-01, until: 2019-01-01}]\n", "早于"),
    ("typos:\n  - {term: 再接再励, correct: 再接再厉, note: x}\n", "note"),
])
def test_a_bad_entry_is_refused_where_it_is(tmp_path, text, where):
    with pytest.raises(CatalogError) as exc:
        _load(tmp_path, text)
    assert where in str(exc.value)
