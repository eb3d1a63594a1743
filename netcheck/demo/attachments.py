"""Small but real attachment files, so that a HEAD or GET of an attachment gets honest bytes.

.doc files are RTF and .xls files are SpreadsheetML 2003, both of which Word and Excel open under
those names (and many CMSs of the time served exactly that); a true OLE file would need a writer
for nothing the audit looks at. Text stays ASCII/RTF-escaped so no font is needed.
"""
from __future__ import annotations

from html import escape

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def pdf(label: str) -> bytes:
    """A one-page PDF 1.4 with a correct xref table."""
    return pdf_text(["Panjin FDA attachment"])


def _pdf_escape(line: str) -> bytes:
    return line.encode("ascii").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds these ASCII lines (Helvetica, one line each)."""
    shown = b" 0 -16 Td ".join(b"(%s) Tj" % _pdf_escape(line) for line in lines)
    stream = b"BT /F1 12 Tf 72 720 Td " + shown + b" ET"
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def scanned_pdf() -> bytes:
    """A one-page PDF that is only a picture, as a scanner makes it: no text layer at all."""
    side = 16
    pixels = bytes((x * 16 + y * 7) % 256 for y in range(side) for x in range(side))  # a grey "scan"
    stream = b"q 451 0 0 698 72 72 cm /Im1 Do Q"
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length %d >>\nstream\n%s\nendstream" % (side, side, len(pixels), pixels),
    ])


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx(paragraphs: list[str]) -> bytes:
    """A Word (.docx) file of these paragraphs, written by python-docx; the same bytes every time (its
    dates and the zip's are fixed)."""
    import io
    import zipfile
    from datetime import datetime

    import docx as python_docx

    document = python_docx.Document()
    when = datetime(2016, 6, 15, 9, 30)
    document.core_properties.created = document.core_properties.modified = when
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(zipfile.ZipInfo(name, date_time=when.timetuple()[:6]), source.read(name),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _rtf_text(text: str) -> str:
    return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?" for ch in text)


def doc(label: str) -> bytes:
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\\fs24 "
            + _rtf_text(label) + "\\par }\n").encode("ascii")


def xls(label: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
            f'<Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">{escape(label)}</Data></Cell></Row>'
            '</Table></Worksheet></Workbook>\n').encode("utf-8")


MAKERS = {"pdf": pdf, "doc": doc, "xls": xls}
# Personal data in attachments (privacy.leak: answer_key.yaml), numbers not on any page: a PDF with
# a text layer and a Word file, each a resident ID (valid GB 11643 check digit) and a mobile, and a
# scan of the inspection record, whose words are a picture (could not read, no finding).
PDF_LEAKED_ID, PDF_LEAKED_MOBILE = "211102198203150020", "13840271234"
DOCX_LEAKED_ID, DOCX_LEAKED_MOBILE = "211103196907120046", "15904276543"
PLANTED = {
    "行政处罚决定书.pdf": lambda: pdf_text([
        "Panjin Food and Drug Administration", "Administrative penalty decision 2016-19",
        f"Party: Zhang, ID number {PDF_LEAKED_ID}, telephone {PDF_LEAKED_MOBILE}",
        "Fine: 10000 yuan"]),
    "当事人陈述申辩笔录.docx": lambda: docx([
        "当事人陈述申辩笔录", f"当事人：张某某，公民身份号码：{DOCX_LEAKED_ID}", f"联系电话：{DOCX_LEAKED_MOBILE}",
        "当事人对违法事实无异议，放弃陈述申辩。"]),
    "现场检查笔录（扫描件）.pdf": lambda: scanned_pdf(),
}


def make(ext: str, label: str) -> tuple[bytes, str]:
    """The file's bytes and content type."""
    if label in PLANTED:
        return PLANTED[label](), CONTENT_TYPES[ext]
    return MAKERS[ext](label), CONTENT_TYPES[ext]
