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
}


def pdf(label: str) -> bytes:
    """A one-page PDF 1.4 with a correct xref table."""
    stream = b"BT /F1 12 Tf 72 720 Td (Panjin FDA attachment) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
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


def make(ext: str, label: str) -> tuple[bytes, str]:
    """The file's bytes and content type."""
    return MAKERS[ext](label), CONTENT_TYPES[ext]
