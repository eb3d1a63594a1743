"""What reading attachments costs: per attachment (PDF, DOCX, XLSX) and per audit of the demo portal.

    python bench/attachment_bench.py [--repeat 5] [--audits 3]

Per attachment: crawler.extract.attachments.read_file on files written here (a PDF with a text layer of
N pages, a Word file of N paragraphs, an Excel sheet of N rows × 6 cells, and a one-page scan), the
median wall and CPU time of --repeat reads. Per audit: `netcheck audit` of the bundled demo portal
(served here on 127.0.0.1, fast local settings) with attachment reading on (the default) and off
(-s NETCHECK_ATTACHMENT_MAX_BYTES=0: a HEAD per file, as before), the median of --audits runs, with the
audit process's CPU time (its children's rusage). Prints Markdown tables.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.extract.attachments import read_file  # noqa: E402
from netcheck.demo.attachments import _pdf, docx, scanned_pdf  # noqa: E402

FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
        "-s", "NETCHECK_PROGRESS_INTERVAL=0"]
LINE = "Party Zhang Mou, penalty decision 2016-19, fine 10000 yuan, ID 211102198203150020, tel 13840271234"


def pdf_pages(pages: int, lines: int = 40) -> bytes:
    """A PDF of `pages` pages, each `lines` lines of text (Helvetica)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for _ in range(pages):
        shown = b" 0 -16 Td ".join(b"(%s) Tj" % LINE.encode() for _ in range(lines))
        stream = b"BT /F1 10 Tf 40 800 Td " + shown + b" ET"
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages)
    return _pdf(objects)


def xlsx_rows(rows: int) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for n in range(rows):
        sheet.append([n, "张某某", "211102198203150020", 13840271234, "柳溪县城关镇解放路18号", "2016-06-15"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def files() -> list[tuple[str, str, bytes]]:
    return [
        ("PDF, 1 page", "pdf", pdf_pages(1)),
        ("PDF, 10 pages", "pdf", pdf_pages(10)),
        ("PDF, 100 pages", "pdf", pdf_pages(100)),
        ("PDF, scanned (1 page, image only)", "pdf", scanned_pdf()),
        ("DOCX, 20 paragraphs", "docx", docx([LINE] * 20)),
        ("DOCX, 2,000 paragraphs", "docx", docx([LINE] * 2000)),
        ("XLSX, 100 rows", "xlsx", xlsx_rows(100)),
        ("XLSX, 10,000 rows", "xlsx", xlsx_rows(10_000)),
    ]


def per_file(repeat: int) -> list[str]:
    rows = ["| file | bytes | characters read | wall ms (median) | CPU ms (median) |", "|---|---:|---:|---:|---:|"]
    for name, ext, body in files():
        walls, cpus, found = [], [], None
        for _ in range(repeat):
            w, c = time.perf_counter(), time.process_time()
            found = read_file(body, ext)
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        chars = f"{len(found.text):,}" if found.read else f"not read: {found.why}"
        rows.append(f"| {name} | {len(body):,} | {chars} | {statistics.median(walls) * 1000:.1f} | "
                    f"{statistics.median(cpus) * 1000:.1f} |")
    return rows


def audit(base_url: str, out: Path, reading: bool) -> tuple[float, float, dict]:
    settings = [] if reading else ["-s", "NETCHECK_ATTACHMENT_MAX_BYTES=0"]
    cmd = [sys.executable, "-m", "netcheck", "audit", base_url + "/", "--allow-private", "--no-history", "--no-cache",
           "--as-of", "2016-06-30", "--out", str(out), "--fail-on", "never", *FAST, *settings]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    pages = [json.loads(line) for line in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    files = [p for p in pages if p.get("attachment")]
    facts = {"records": len(pages), "read": sum(p["attachment"]["read"] for p in files),
             "unread": sum(not p["attachment"]["read"] for p in files),
             "bytes": sum(len(p.get("text") or "") for p in files)}
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, facts


def per_audit(runs: int) -> list[str]:
    from netcheck.demo import site as demo_site
    from netcheck.demo.server import DemoServer
    import threading

    server = DemoServer(("127.0.0.1", 0), demo_site.build())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows = ["| demo audit | records | attachments read / unread | wall s (median) | CPU s (median) |",
            "|---|---:|---:|---:|---:|"]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for reading in (False, True):
                walls, cpus, facts = [], [], {}
                for n in range(runs):
                    wall, cpu, facts = audit(server.base_url, Path(tmp) / f"{reading}{n}", reading)
                    walls.append(wall)
                    cpus.append(cpu)
                label = "attachments read (default)" if reading else "HEAD only (`NETCHECK_ATTACHMENT_MAX_BYTES=0`)"
                rows.append(f"| {label} | {facts['records']} | {facts['read']} / {facts['unread']} | "
                            f"{statistics.median(walls):.2f} | {statistics.median(cpus):.2f} |")
    finally:
        server.shutdown()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--audits", type=int, default=3)
    args = parser.parse_args()
    print("\n".join(per_file(args.repeat)))
    print()
    print("\n".join(per_audit(args.audits)))


if __name__ == "__main__":
    main()
