"""Each fault behind a link: the home page /start/<fault> links to /f/<fault>.html, and the audit
must end in a finding or a recorded "could not verify" — never a crash, never a hang.

One row per fault: what the record of the faulty URL says (status, error) and which finding
the audit makes about it. The audits run three at a time in the background (each in its own
process, each with its own hard timeout); every test waits for its own.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from faultrun import SHORT, run_audit


@dataclass(frozen=True)
class Fault:
    name: str
    status: int | None
    error: str | None
    rules: tuple[str, ...]  # findings about the faulty URL
    bound: float = 45  # seconds the whole audit may take, start-up included
    extra: tuple[str, ...] = ()


FAULTS = [
    # No answer at all.
    Fault("refused", None, "refused", ("link.broken",), extra=("--check-external",)),  # an external link to a closed port
    Fault("reset", None, "reset", ("link.broken",)),  # RST after 1 kB of a promised 100 kB
    Fault("drop", None, "reset", ("link.broken",)),  # closed without a byte
    Fault("garbage", None, "bad response", ("link.broken",)),  # bytes that are not HTTP
    # Too slow: DOWNLOAD_TIMEOUT=2, one retry, so about 4 s; the run must not wait for the server.
    Fault("hang", None, "timeout", ("link.broken",), bound=30),
    Fault("trickle", None, "timeout", ("link.broken",), bound=30),  # a 10 s body
    # Transient errors that clear: retried, then recorded as the 200 they became.
    Fault("flaky500", 200, None, ()),
    Fault("busy429", 200, None, ()),  # Retry-After: 1, then 200
    Fault("busy503", 200, None, ()),
    # A rate limit that never lifts: not a broken link, a notice to check by hand.
    Fault("limit429", 429, None, ("link.unverified",)),
    # A redirect loop: Scrapy gives up after REDIRECT_MAX_TIMES (20), as browsers do: broken.
    Fault("loop", None, "too many redirects", ("link.broken",)),
    # Too big: cut off at DOWNLOAD_MAXSIZE (20 MB) with the status kept; the link answers, so no finding.
    Fault("huge", 200, "too large", ()),  # 50 MB, Content-Length announced
    Fault("endless", 200, "too large", ()),  # chunked, never ends
    # 100 MB of zeros in 100 kB of gzip: stopped while inflating, no status kept: could not verify.
    Fault("gzip-bomb", None, "too large", ("link.unverified",)),
    Fault("bad-gzip", None, "decoding", ("link.broken",)),  # Content-Encoding: gzip over a body that is not
    # Bodies that are not what the URL promises: recorded, not parsed, not judged.
    Fault("pdf", 200, None, ()),  # application/pdf at an .html URL
    Fault("pdf-as-html", 200, None, ()),  # a PDF served as text/html
    Fault("empty", 200, None, ()),
    # Markup and encodings as broken as real portals have them: parsed best effort.
    Fault("gbk-stray", 200, None, ()),
    Fault("utf8-gbk", 200, None, ()),
    Fault("malformed", 200, None, ()),
]
BY_NAME = {f.name: f for f in FAULTS}


@pytest.fixture(scope="module")
def audits(fault_server, tmp_path_factory):
    """name → Future of its Audit; all started at once, three at a time."""
    tmp = tmp_path_factory.mktemp("faults")
    pool = ThreadPoolExecutor(max_workers=3)
    futures = {f.name: pool.submit(run_audit, f"{fault_server.url}start/{f.name}", tmp / f.name, *SHORT, *f.extra,
                                   timeout=f.bound + 60)  # the hard stop, beyond the asserted bound
               for f in FAULTS}
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


def target(fault: Fault, server) -> str:
    return f"127.0.0.1:{server.closed_port}/gone.html" if fault.name == "refused" else f"/f/{fault.name}.html"


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_fault_ends_in_a_record_and_its_finding_within_bounds(fault, audits, fault_server):
    audit = audits[fault.name].result()
    assert audit.returncode == 0, audit.stderr[-3000:]
    assert "Traceback" not in audit.stderr, audit.stderr[-3000:]
    assert audit.elapsed < fault.bound, f"{fault.name} took {audit.elapsed:.1f} s"
    record = audit.page(target(fault, fault_server))
    assert (record["status"], record["error"]) == (fault.status, fault.error), record
    assert audit.rules_for(target(fault, fault_server)) == list(fault.rules)
    assert "site.unreachable" not in audit.rules_for("/start/" + fault.name)  # the home page itself answers


def test_a_retried_500_and_a_waited_429_are_asked_twice(audits, fault_server):
    for name in ("flaky500", "busy429", "busy503"):
        audits[name].result()
        assert fault_server.hits[f"/f/{name}.html"] == 2, name
    busy = fault_server.times("/f/busy429.html")
    assert busy[1] - busy[0] >= 0.9  # Retry-After: 1 was waited


def test_a_rate_limit_that_never_lifts_is_asked_retry_times_plus_one(audits, fault_server):
    audits["limit429"].result()
    assert fault_server.hits["/f/limit429.html"] == 2  # RETRY_TIMES=1


def test_a_redirect_loop_keeps_its_chain(audits):
    record = audits["loop"].result().page("/f/loop.html")
    assert len(record["redirects"]) == 20 and record["redirects"][0].endswith("/f/loop.html")
    assert record["redirects"][1].endswith("/f/loop-b.html")


def test_too_large_bodies_are_neither_kept_nor_parsed(audits):
    for name in ("huge", "endless"):
        record = audits[name].result().page(f"/f/{name}.html")
        assert (record["is_html"], record["title"], record["text"], record["content_type"]) == \
            (False, "", "", "text/html")


def test_evidence_says_why_in_chinese(audits):
    evidence = {name: [f["evidence"] for f in audits[name].result().findings if f["rule"].startswith("link.")]
                for name in ("loop", "gzip-bomb", "garbage", "hang", "refused")}
    assert "循环重定向" in evidence["loop"][0]
    assert "超过下载上限" in evidence["gzip-bomb"][0]
    assert "不是有效的HTTP响应" in evidence["garbage"][0]
    assert "超过15秒无响应" in evidence["hang"][0]  # the production bound, whatever the test's timeout
    assert "连接被拒绝" in evidence["refused"][0]


def test_files_at_html_urls_are_recorded_with_their_content_type_and_not_parsed(audits):
    pdf = audits["pdf"].result().page("/f/pdf.html")
    assert (pdf["content_type"], pdf["is_html"], pdf["text"]) == ("application/pdf", False, "")
    disguised = audits["pdf-as-html"].result().page("/f/pdf-as-html.html")
    assert (disguised["content_type"], disguised["is_html"], disguised["text"]) == ("text/html", False, "")


def test_a_gbk_page_with_stray_bytes_reads_as_chinese(audits):
    record = audits["gbk-stray"].result().page("/f/gbk-stray.html")
    assert record["title"] == "行政处罚决定书"
    assert "盘锦市食品药品监督管理局依法作出行政处罚决定。" in record["text"] and "特此公告。" in record["text"]


def test_a_utf8_page_with_a_gbk_section_reads_as_chinese_throughout(audits):
    record = audits["utf8-gbk"].result().page("/f/utf8-gbk.html")
    assert record["title"] == "政务公开年报"
    for line in ("本机关2015年政府信息公开工作年度报告。", "转载：行政许可事项目录", "联系电话见下。"):
        assert line in record["text"]


def test_malformed_markup_keeps_its_title_table_and_links(audits):
    audit = audits["malformed"].result()
    record = audit.page("/f/malformed.html")
    assert record["title"] == "通知公告"  # the first <title>, not the one in the body
    assert "\x00" not in record["text"] and "第二段正文" in record["text"]
    assert record["metadata"].get("索引号") == "11211100/2016-00077"
    assert {link["url"].rsplit("/", 2)[-2:][1] for link in record["links"]} >= {"a.html", "b.html"}
    assert audit.page("/site/b.html")["status"] == 200  # the link inside an unclosed <a> was followed
