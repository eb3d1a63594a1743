"""The crawl plan (crawler.plan) and the settings that choose how a crawl is carried out."""
import re
from pathlib import Path

import pytest
from scrapy.settings import Settings
from scrapy.utils.misc import load_object

from crawler import settings as project_settings
from crawler.plan import CrawlPlan
from crawler.run import crawl_settings

CRAWLER = Path(__file__).resolve().parents[2] / "crawler"


def test_a_plan_travels_as_one_setting_and_comes_back_equal():
    plan = CrawlPlan("www.example.gov.cn", max_pages="50", max_seconds=60, check_external="true",
                     resume_from=Path("/runs/x/pages.jsonl"))
    assert plan.start_url == "http://www.example.gov.cn" and plan.max_pages == 50 and plan.check_external is True
    assert plan.resume_from == "/runs/x/pages.jsonl"
    assert CrawlPlan.from_settings(Settings(plan.as_setting())) == plan
    assert CrawlPlan.from_settings(Settings({"NETCHECK_PLAN": "https://a.gov.cn/"})) == CrawlPlan("https://a.gov.cn/")
    assert plan.bounds() == {"CLOSESPIDER_PAGECOUNT": 50, "CLOSESPIDER_TIMEOUT": 60.0}
    assert CrawlPlan("https://a.gov.cn/").bounds() == {}


def test_a_crawl_without_a_plan_is_refused():
    with pytest.raises(ValueError, match="NETCHECK_PLAN"):
        CrawlPlan.from_settings(crawl_settings())


def test_every_netcheck_setting_the_crawler_reads_is_declared_with_its_default():
    read = set()
    for path in CRAWLER.rglob("*.py"):
        read |= set(re.findall(r"[\"'](NETCHECK_[A-Z_]+)[\"']", path.read_text(encoding="utf-8")))
    declared = {name for name in dir(project_settings) if name.startswith("NETCHECK_")}
    assert read and read <= declared, sorted(read - declared)


def test_the_frontier_and_the_crawl_components_are_chosen_by_settings():
    settings = crawl_settings()
    assert load_object(settings["NETCHECK_FRONTIER"]).__name__ == "LocalFrontier"
    assert "crawler.downloadermiddlewares.bodysize.BodySizeLimit" in settings.getdict("DOWNLOADER_MIDDLEWARES")
    assert "crawler.extensions.certificate.CertificateCheck" in settings.getdict("EXTENSIONS")


def test_the_spider_holds_no_mode_flags():
    source = (CRAWLER / "spiders" / "portal.py").read_text(encoding="utf-8")
    attributes = set(re.findall(r"self\.(\w+)\s*(?::[^=\n]+)?=(?!=)", source))
    assert attributes == {"plan", "frontier", "max_list_pages", "depth_limit"}
