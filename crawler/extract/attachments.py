"""An attachment's text: the bytes of a downloaded file → its words, or why they could not be read.

Penalty decisions, lists of licensees and budget tables are published as PDF, Word and Excel files,
and a resident ID number inside one is as much a leak as one on a page. What a file is comes from
how it begins (SIGNATURES), its name only where the bytes leave a choice (an OLE file is a Word or an
Excel one; a .wps/.et is WPS Office's, read as its Word/Excel kin). Each type has one reader:

    pdf   pdfminer.six, the text layer (a scan has none: 'scanned', never "clean")
    docx  python-docx: paragraphs, then table cells
    xlsx  openpyxl: every sheet's cells, row by row
    xls   xlrd: the same, for the binary Excel (BIFF) format
    doc   Debian's antiword, for the binary Word format ('no reader' when it is not installed)
    rtf   a Word file saved as RTF under a .doc name, as many CMSs of the 2010s served
    markup  an HTML or SpreadsheetML 2003 file under a .doc/.xls name: its text nodes

Nothing is judged here: the words go into the record (masked by crawler.pipelines like a page's
text) and checks/ looks for personal data in them.
"""
from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

# File types whose text is read (link extensions; .wps and .et are WPS Office's Word and Excel files).
READABLE_EXTENSIONS = frozenset({"pdf", "doc", "docx", "xls", "xlsx", "wps", "et"})
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# How files begin → their type (checked in this order; a PDF header may follow a few junk bytes).
SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),  # docx or xlsx, told apart by their parts
    (OLE, "ole"),  # doc or xls, told apart by their streams or the name
    (b"{\\rtf", "rtf"),
)
PDF_HEADER_WITHIN = 1024  # bytes: readers accept a %PDF- header this far in
ZIP_PARTS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"))
OLE_STREAMS = ((b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00", "doc"),
               (b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00", "xls"), (b"B\x00o\x00o\x00k\x00", "xls"))
OLE_BY_EXTENSION = {"doc": "doc", "wps": "doc", "xls": "xls", "et": "xls"}
# A password-protected .docx/.xlsx is an OLE file holding the encrypted zip under this stream name.
OLE_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Why a file's text could not be read (PageRecord.attachment['why']).
TOO_LARGE = "too large"  # over NETCHECK_ATTACHMENT_MAX_BYTES: not downloaded whole (set by the spider)
SCANNED = "scanned"  # a PDF with no text layer (a scan): its words are pictures
ENCRYPTED = "encrypted"  # a password is needed to open it
BROKEN = "broken"  # the reader failed on it: damaged, cut off, or not what its header says
NO_READER = "no reader"  # a legacy .doc and antiword is not installed
UNKNOWN = "unknown format"  # bytes of none of the types above (a zip, an image, an OFD …)
# A PDF whose pages hold fewer letters and digits than this each is a scan (a stamped page number or
# a "第1页" footer is all the text layer some scanners add).
SCANNED_CHARS_PER_PAGE = 10
PDF_MAX_PAGES = 500  # a 5 MB PDF of more pages is a scanned archive or a report read far enough
ANTIWORD_SECONDS = 30
XLS_MAX_CELLS = 200_000  # a sheet of a million empty formatted cells is read this far
_WORD = re.compile(r"\w")
_SPACES = re.compile(r"[ \t\r\f\v\u3000\xa0]+")


@dataclass
class FileText:
    """What reading one file gave: its type, its text and, when the text could not be read, why."""

    type: str | None  # 'pdf' 'docx' 'xlsx' 'xls' 'doc' 'rtf' 'markup'; None when the bytes are none of these
    text: str = ""
    why: str | None = None  # None: read (the text may still be empty: a blank sheet); else a reason above

    @property
    def read(self) -> bool:
        return self.why is None


def sniff(body: bytes, extension: str = "") -> str | None:
    """The file's type from its first bytes; its extension only decides what the bytes leave open."""
    head = body[:PDF_HEADER_WITHIN]
    if b"%PDF-" in head:
        return "pdf"
    stripped = body[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    kind = next((name for magic, name in SIGNATURES[1:] if stripped.startswith(magic)), None)
    if kind == "zip":
        try:
            names = set(zipfile.ZipFile(io.BytesIO(body)).namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        return next((name for part, name in ZIP_PARTS if part in names), None)
    if kind == "ole":
        if extension in OLE_BY_EXTENSION:
            return OLE_BY_EXTENSION[extension]
        return next((name for stream, name in OLE_STREAMS if stream in body[:1 << 20] or stream in body[-(1 << 16):]),
                    None)
    if kind:
        return kind
    if stripped[:1] == b"<" and re.search(rb"(?i)<(html|\?xml|workbook|table|body)", body[:4096]):
        return "markup"
    return None


def read_file(body: bytes, extension: str = "") -> FileText:
    """Read one downloaded attachment. Never raises: a file that cannot be read says why."""
    extension = extension.lower()
    if body.startswith(OLE) and OLE_ENCRYPTED_PACKAGE in body:
        return FileText(extension if extension in ("docx", "xlsx") else None, why=ENCRYPTED)
    kind = sniff(body, extension)
    if kind is None:
        return FileText(None, why=UNKNOWN)
    try:
        text, why = READERS[kind](body)
    except Exception:  # noqa: BLE001 — a reader failing on a damaged file is a fact about the file
        text, why = "", BROKEN
    return FileText(kind, tidy(text) if why is None else "", why)


def tidy(text: str) -> str:
    """Runs of spaces collapsed, blank lines dropped: the words as the checks read them."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# -- one reader per type: bytes → (text, None) or ("", why) ---------------------------------------

def _pdf(body: bytes) -> tuple[str, str | None]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # pdfminer logs every content-stream operator at DEBUG, text operands included: with a crawl's
    # LOG_LEVEL=DEBUG an ID number would reach the log unmasked.
    logging.getLogger("pdfminer").setLevel(logging.WARNING)
    try:
        text = extract_text(io.BytesIO(body), maxpages=PDF_MAX_PAGES)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return "", ENCRYPTED
    pages = text.count("\f")  # pdfminer ends each page with a form feed
    if not pages:
        return "", BROKEN  # no page at all: nothing a reader could show
    if len(_WORD.findall(text)) < SCANNED_CHARS_PER_PAGE * pages:
        return "", SCANNED
    return text, None


def _docx(body: bytes) -> tuple[str, str | None]:
    import docx

    document = docx.Document(io.BytesIO(body))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(dict.fromkeys(cell.text for cell in row.cells)))  # merged cells repeat
    return "\n".join(lines), None


def _cell(value) -> str:
    """A cell as shown: 13904275678.0 (a number typed into Excel) is 13904275678."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _xlsx(body: bytes) -> tuple[str, str | None]:
    import warnings

    import openpyxl

    lines, cells = [], 0
    with warnings.catch_warnings():  # "Unknown extension is not supported": said of most real workbooks
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
        try:
            for sheet in book.worksheets:
                for row in sheet.iter_rows(values_only=True):
                    cells += len(row)
                    if cells > XLS_MAX_CELLS:
                        break
                    lines.append(" ".join(_cell(v) for v in row if v is not None))
        finally:
            book.close()
    return "\n".join(lines), None


def _xls(body: bytes) -> tuple[str, str | None]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=body, on_demand=True)
    except xlrd.biffh.XLRDError as error:
        return "", ENCRYPTED if "encrypt" in str(error).lower() else BROKEN
    lines, cells = [], 0
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        for r in range(sheet.nrows):
            row = sheet.row_values(r)
            cells += len(row)
            if cells > XLS_MAX_CELLS:
                break
            lines.append(" ".join(_cell(v) for v in row if v not in ("", None)))
    return "\n".join(lines), None


def _doc(body: bytes) -> tuple[str, str | None]:
    antiword = shutil.which("antiword")
    if antiword is None:
        return "", NO_READER
    with tempfile.NamedTemporaryFile(suffix=".doc") as file:
        file.write(body)
        file.flush()
        done = subprocess.run([antiword, "-m", "UTF-8.txt", "-w", "0", file.name], capture_output=True,
                              timeout=ANTIWORD_SECONDS)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").lower()
        return "", ENCRYPTED if "encrypt" in message or "password" in message else BROKEN
    return done.stdout.decode("utf-8", "replace"), None


_RTF_TOKEN = re.compile(rb"\\u(-?\d+) ?\??|\\'([0-9a-fA-F]{2})|\\([a-zA-Z]+)(-?\d+)? ?|\\([{}\\])|([{}])"
                        rb"|\\(\*)|\\[^a-zA-Z]|[\r\n]|([^\\{}\r\n]+)")
# Groups whose words are not the document's (fonts, styles, pictures, field instructions …).
_RTF_SKIP = frozenset({b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header", b"footer",
                       b"fldinst", b"listtable", b"listoverridetable", b"themedata", b"datastore", b"latentstyles"})


def _rtf(body: bytes) -> tuple[str, str | None]:
    out: list[str] = []
    skip_depth = None  # the group depth at which a skipped group began
    depth, pending = 0, bytearray()  # \'hh bytes of one multi-byte (GBK) character

    def flush():
        if pending:
            out.append(pending.decode("gbk", "replace"))
            pending.clear()

    for m in _RTF_TOKEN.finditer(body):
        unicode_char, hex_byte, word, _arg, escaped, brace, star, plain = m.groups()
        if brace:
            flush()
            depth += 1 if brace == b"{" else -1
            if skip_depth is not None and depth < skip_depth:
                skip_depth = None
            continue
        if skip_depth is not None:
            continue
        if star:  # {\*\destination …}: a group a reader that does not know it skips
            skip_depth = depth
            continue
        if hex_byte:
            pending.append(int(hex_byte, 16))
            continue
        flush()
        if unicode_char:
            out.append(chr(int(unicode_char) % 65536))
        elif word:
            if word in _RTF_SKIP:
                skip_depth = depth
            elif word in (b"par", b"line", b"row", b"cell", b"tab"):
                out.append("\n" if word in (b"par", b"line", b"row") else " ")
        elif escaped:
            out.append(escaped.decode())
        elif plain:
            out.append(plain.decode("latin-1"))
    flush()
    return "".join(out), None


def _markup(body: bytes) -> tuple[str, str | None]:
    import lxml.html

    root = lxml.html.document_fromstring(body)
    for node in root.xpath("//script | //style"):
        node.drop_tree()
    return "\n".join(t for t in root.xpath("//text()") if t.strip()), None


READERS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "xls": _xls, "doc": _doc, "rtf": _rtf, "markup": _markup}
