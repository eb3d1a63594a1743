"""Personal data found on an audited site is masked in every output of the run: the crawl
record, the findings, the workbook, the report page, junit, the summary, run.json and the
log. The leak is still reported, and still found when the stored crawl is re-judged. So is
personal data inside the attachments the pages link (a PDF, a Word file): read, masked, flagged."""
import json
import os
import re
import subprocess
import sys
import threading
import shutil
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "tests" / "data" / "site_pii"
# The numbers the page publishes in full, with and without separators.
LEAKED = ["211102197508162319", "110101199003078873", "13904275678", "18612345678", "37010219800501091X",
          "6222021234567890128"]
# ... and those inside its attachments (written into a copy of the site by the test).
ATTACHED = {"xzcf/jds.pdf": ("211102198203150020", "13840271234"), "xzcf/bl.docx": ("211103196907120046", "15904276543")}


def site_with_attachments(root: Path) -> Path:
    """The site, with a PDF and a Word file that each publish an ID and a mobile, linked from the home page."""
    from netcheck.demo.attachments import docx, pdf_text

    site = root / "site"
    shutil.copytree(SITE, site)
    (pid, pmobile), (did, dmobile) = ATTACHED.values()
    (site / "xzcf" / "jds.pdf").write_bytes(pdf_text([f"ID {pid}", f"Mobile {pmobile}"]))
    (site / "xzcf" / "bl.docx").write_bytes(docx([f"身份证号码：{did}", f"手机：{dmobile}"]))
    home = site / "index.html"
    links = '<p><a href="/xzcf/jds.pdf">处罚决定书.pdf</a> <a href="/xzcf/bl.docx">笔录.docx</a></p>'
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", links + "</body>"), encoding="utf-8")
    return site


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def every_output(run: Path, log: str) -> str:
    texts = [log]
    for path in run.rglob("*"):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                texts += [z.read(n).decode("utf-8", "ignore") for n in z.namelist()]
        elif path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="ignore"))
    # Separators inside a number must not hide it either.
    return "\n".join(texts) + "\n" + re.sub(r"[\s+-]", "", "\n".join(texts))


def test_no_output_of_a_run_shows_a_personal_number_in_full(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site_with_attachments(tmp_path))))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NETCHECK_HISTORY": str(tmp_path / "h.sqlite3")}
    run = tmp_path / "run"
    try:
        result = subprocess.run(
            [sys.executable, "-m", "netcheck", "-v", "audit", f"http://127.0.0.1:{server.server_address[1]}/",
             "--out", str(run), "--as-of", "2016-06-30", "--allow-private", "--no-cache", "--fail-on", "never",
             "-s", "LOG_LEVEL=DEBUG", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"],
            capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr[-2000:]
    findings = [json.loads(l) for l in (run / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    leaks = {f["details"]["masked"] for f in findings if f["rule"] == "privacy.leak"}
    assert leaks == {"211102********2319", "110101********8873", "139****5678", "186****5678",
                     "370102********091X", "6222***********0128",
                     "211102********0020", "138****1234", "211103********0046", "159****6543"}
    in_files = {f["details"]["masked"]: f["url"].rsplit("/", 2)[-2:] for f in findings
                if f["rule"] == "privacy.leak" and f["details"].get("attachment")}
    assert in_files == {"211102********0020": ["xzcf", "jds.pdf"], "138****1234": ["xzcf", "jds.pdf"],
                        "211103********0046": ["xzcf", "bl.docx"], "159****6543": ["xzcf", "bl.docx"]}
    pages = [json.loads(l) for l in (run / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(p["attachment"]["type"] for p in pages if p.get("attachment")) == ["docx", "pdf"]
    everything = every_output(run, result.stdout + result.stderr)
    assert [n for n in LEAKED + [n for pair in ATTACHED.values() for n in pair] if n in everything] == []

    again = subprocess.run([sys.executable, "-m", "netcheck", "report", str(run), "--as-of", "2016-06-30",
                            "--fail-on", "never", "--no-history"], capture_output=True, text=True, timeout=120,
                           env=env, cwd=ROOT)
    assert again.returncode == 0, again.stderr[-2000:]
    rejudged = [json.loads(l) for l in (run / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {f["details"]["masked"] for f in rejudged if f["rule"] == "privacy.leak"} == leaks
