"""Category matching explains itself: method, score and near misses."""
from checks.catalog import load_catalog
from checks.crawl import Crawl
from checks.matching import match_categories


def crawl_with_columns(*names):
    pages = [{"url": "http://s.test/", "status": 200, "is_html": True, "depth": 0,
              "links": [{"url": f"http://s.test/c{i}/", "text": n, "kind": "internal"} for i, n in enumerate(names)]}]
    pages += [{"url": f"http://s.test/c{i}/", "status": 200, "is_html": True, "depth": 1, "page_type": "list",
               "breadcrumb": ["首页", n]} for i, n in enumerate(names)]
    return Crawl.from_records("http://s.test/", pages)


def test_match_records_method_and_score():
    matches, _ = match_categories(crawl_with_columns("行政處罰", "产品召回", "监督抽检信息公示"), load_catalog())
    assert (matches["行政处罚"].method, matches["行政处罚"].score) == ("name", 100.0)
    assert matches["责令召回"].method == "alias" and matches["责令召回"].column == "产品召回"
    assert matches["监督抽检"].method == "suffix"
    assert matches["行政处罚"].source == "breadcrumb"


def test_unmatched_category_keeps_its_near_misses():
    matches, _ = match_categories(crawl_with_columns("在线访问"), load_catalog())
    m = matches["在线访谈"]
    assert not m.found
    assert m.near_misses and m.near_misses[0]["column"] == "在线访问" and 50 <= m.near_misses[0]["score"] < 80
