"""pages.jsonl lines from crawler.exporters are exactly what Scrapy's jsonlines exporter writes."""
import io
from pathlib import Path

import pytest
from scrapy.exporters import JsonLinesItemExporter

from crawler.exporters import PageRecordLinesExporter, record_line
from crawler.extract.page import build_record
from crawler.items import PageRecord

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
SAVED_PAGES = sorted(p.name for p in PAGES.glob("*.html"))


def _scrapy_line(item) -> bytes:
    out = io.BytesIO()
    JsonLinesItemExporter(out, encoding="utf-8").export_item(item)
    return out.getvalue()


@pytest.mark.parametrize("name", SAVED_PAGES)
def test_record_line_is_byte_for_byte_scrapys_jsonlines(name, saved_page):
    record = build_record(saved_page(name, f"http://www.pjfda.gov.cn/zwgk/{name}"))
    # A real page, not an empty record (a framework root that was not rendered has nothing but `scripted`).
    assert record.links or record.entries or record.text or record.scripted
    assert (record_line(record) + "\n").encode("utf-8") == _scrapy_line(record)


def test_failed_fetch_record_is_written_like_scrapys():
    record = PageRecord(url="http://www.pjfda.gov.cn/gone.html", error="timeout", redirects=["http://a/"],
                        certificate_error="self-signed certificate")
    out = io.BytesIO()
    PageRecordLinesExporter(out, encoding="utf-8").export_item(record)
    assert out.getvalue() == _scrapy_line(record)
