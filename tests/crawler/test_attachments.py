"""Reading attachments (crawler.extract.attachments): bytes → words, or why they could not be read.
Real files made by Word, Excel, a PDF printer and a scanner (tests/data/attachments, SOURCES.md), and
small ones written here by the libraries (python-docx, openpyxl) or by hand (a PDF's text layer)."""
import io
from pathlib import Path

import openpyxl
import pytest

from crawler.extract import attachments
from crawler.extract.attachments import OLE, read_file, sniff
from netcheck.demo.attachments import doc as rtf_doc, docx, pdf_text, scanned_pdf, xls as spreadsheetml

ID, MOBILE = "211102198203150020", "13840271234"
REAL = Path(__file__).resolve().parents[1] / "data" / "attachments"


@pytest.mark.parametrize("name, kind", [
    ("standardized_text.doc", "doc"),  # Word 97-2003, through antiword
    ("standardized_text.docx", "docx"), ("standardized_text.pdf", "pdf"),
    ("standardized_text.xls", "xls"), ("standardized_text.xlsx", "xlsx"),
])
def test_real_office_files_are_read(name, kind):
    found = read_file((REAL / name).read_bytes(), name.rsplit(".", 1)[1])
    assert (found.type, found.why) == (kind, None)
    # every word, in the order its layout gives (the PDF's text boxes come out in another order)
    assert sorted(found.text.split()) == sorted("the quick brown fox jumps over the lazy dog".split())


def test_a_real_binary_excel_file_shows_its_cells_as_shown():
    found = read_file((REAL / "xlrd_Formate.xls").read_bytes(), "xls")
    assert found.type == "xls" and "Huber 2741" in found.text and "Äcker 38406" in found.text


def test_a_real_scan_is_could_not_read():
    found = read_file((REAL / "ocr_text.pdf").read_bytes(), "pdf")
    assert (found.type, found.read, found.why) == ("pdf", False, "scanned")


def xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("body, name, kind, words", [
    (pdf_text([f"ID {ID}", f"Mobile {MOBILE}"]), "pdf", "pdf", [ID, MOBILE]),
    (docx(["当事人陈述申辩笔录", f"身份证号码：{ID}"]), "docx", "docx", ["当事人陈述申辩笔录", ID]),
    # a mobile typed into Excel as a number is shown as the number, not 13840271234.0
    (xlsx([["姓名", "手机"], ["张某某", int(MOBILE)], ["李某某", ID]]), "xlsx", "xlsx", ["张某某 " + MOBILE, ID]),
    (rtf_doc(f"罚款决定 {ID}"), "doc", "rtf", ["罚款决定 " + ID]),  # a .doc that is RTF, as CMSs served them
    (spreadsheetml(f"名单 {MOBILE}"), "xls", "markup", ["名单 " + MOBILE]),  # SpreadsheetML 2003 under .xls
    # what it is comes from its bytes: a PDF published under a .doc name is read as a PDF
    (pdf_text([f"ID {ID}"]), "doc", "pdf", [ID]),
])
def test_files_are_read_by_what_their_bytes_are(body, name, kind, words):
    found = read_file(body, name)
    assert (found.type, found.read, found.why) == (kind, True, None)
    for word in words:
        assert word in found.text


def test_a_scanned_pdf_could_not_be_read_and_is_never_clean():
    found = read_file(scanned_pdf(), "pdf")
    assert (found.type, found.read, found.why, found.text) == ("pdf", False, "scanned", "")


@pytest.mark.parametrize("body, name, why", [
    (b"%PDF-1.4\nnothing of a PDF after its header", "pdf", "broken"),
    (b"PK\x03\x04 not a zip at all", "docx", "unknown format"),
    (b"\x89PNG\r\n\x1a\n an image named .pdf", "pdf", "unknown format"),
    (OLE + b"\x00" * 600, "doc", "broken"),  # an OLE header and nothing antiword can read
    (OLE + b"\x00" * 600, "xls", "broken"),
])
def test_damaged_or_unknown_files_say_why(body, name, why):
    found = read_file(body, name)
    assert (found.read, found.why, found.text) == (False, why, "")


def test_a_pdf_that_needs_a_password_is_encrypted():
    """A user password (its /U entry matches no empty password): the words are not there to read."""
    body = pdf_text([f"ID {ID}"])
    encrypt = (b"/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >> "
               b"/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
    body = body.replace(b"/Root 1 0 R >>", b"/Root 1 0 R " + encrypt + b" >>")
    found = read_file(body, "pdf")
    assert (found.type, found.read, found.why, found.text) == ("pdf", False, "encrypted", "")


def test_a_word_file_with_a_password_is_encrypted():
    """Office keeps a password-protected .docx as an OLE file with an EncryptedPackage stream."""
    body = OLE + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    assert (read_file(body, "docx").why, read_file(body, "docx").type) == ("encrypted", "docx")


def test_a_legacy_word_file_without_antiword_could_not_be_read(monkeypatch):
    monkeypatch.setattr(attachments.shutil, "which", lambda name: None)
    assert read_file(OLE + b"\x00" * 600, "wps").why == "no reader"


def test_sniff_tells_word_from_excel_inside_zip_and_ole():
    assert sniff(docx(["x"])) == "docx" and sniff(xlsx([["x"]])) == "xlsx"
    assert sniff(OLE + b"\x00" * 64, "et") == "xls" and sniff(OLE + b"\x00" * 64, "wps") == "doc"
    word_stream = OLE + b"\x00" * 64 + "WordDocument".encode("utf-16-le")
    assert sniff(word_stream, "") == "doc"


def test_pdfminer_never_logs_the_words_it_reads(caplog):
    """pdfminer logs each content-stream operator at DEBUG, text operands included."""
    import logging

    with caplog.at_level(logging.DEBUG):
        read_file(pdf_text([f"ID {ID}"]), "pdf")
    assert ID not in caplog.text


# ---------------------------------------------------------------- in a crawl (tests/data/site_small)

def _files(records, base):
    return {r["url"].replace(base, "/"): r for r in records if r["url"].endswith(".pdf")}


def test_a_crawl_reads_internal_attachments_with_get(small_crawl):
    base, _, records = small_crawl
    files = _files(records, base)
    report = files["/files/report2015.pdf"]  # a PDF header and no page: nothing to read, said so
    assert (report["method"], report["status"], report["error"]) == ("GET", 200, None)
    assert report["attachment"]["type"] == "pdf" and report["attachment"]["read"] is False
    assert report["attachment"]["why"] in ("broken", "scanned") and report["text"] == ""
    assert all(r.get("attachment") is None for r in records if r["url"].endswith((".png", ".html", "/")))


@pytest.mark.parametrize("limit, method, why", [(40, "GET", "too large"), (0, "HEAD", None)])
def test_attachment_size_limit_and_switch(site_url, crawl_runner, tmp_path, limit, method, why):
    """Over NETCHECK_ATTACHMENT_MAX_BYTES: not read ('too large'), the link still answered 200 (no error);
    0: attachments get their HEAD, as before."""
    _, records = crawl_runner(site_url, tmp_path / "pages.jsonl", settings={"NETCHECK_ATTACHMENT_MAX_BYTES": limit})
    report = _files(records, site_url)["/files/report2015.pdf"]
    assert (report["method"], report["status"], report["error"]) == (method, 200, None)
    assert (report["attachment"] or {}).get("why") == why


def test_the_middleware_reads_internal_documents_and_caps_their_text():
    from types import SimpleNamespace

    from scrapy.http import HtmlResponse, Request

    from crawler.items import PageRecord
    from crawler.spidermiddlewares.attachments import ReadAttachments

    spider = SimpleNamespace(parse_attachment=lambda response: None)
    middleware = ReadAttachments(SimpleNamespace(spider=spider), max_bytes=1000, max_chars=5)
    page = HtmlResponse("http://site.test/xzcf/1.html", body=b"<html></html>")
    asked = [Request("http://site.test/a.pdf", method="HEAD"), Request("http://site.test/b.png", method="HEAD"),
             Request("http://other.test/c.pdf", method="HEAD"), Request("http://site.test/d.doc")]
    out = list(middleware.process_spider_output(page, asked))
    assert [(r.method, r.meta.get("netcheck_attachment", False)) for r in out] == [
        ("GET", True), ("HEAD", False), ("HEAD", False), ("GET", False)]
    assert out[0].callback is spider.parse_attachment
    record = PageRecord(url="http://site.test/a.pdf", text="0123456789",
                        attachment={"type": "pdf", "read": True, "why": None, "chars": 10, "cut": False})
    read = HtmlResponse("http://site.test/a.pdf", body=b"", request=out[0])
    (capped,) = middleware.process_spider_output(read, [record])
    assert (capped.text, capped.attachment["cut"]) == ("01234", True)
    off = ReadAttachments(SimpleNamespace(spider=spider), max_bytes=0, max_chars=5)
    assert next(iter(off.process_spider_output(page, asked[:1]))).method == "HEAD"
