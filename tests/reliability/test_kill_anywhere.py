"""Nothing lost: an audit killed at any moment (SIGKILL: no handler runs, nothing is flushed) leaves
either the previous run's whole report or the new one's, never a half-written file or a mix of the
two, a history database that holds only whole runs, and a crawl that `--resume` finishes with the
findings an uninterrupted audit has.

Two chains run side by side (one core each), each in its own run directory with its own history:
one clean audit first, then, again and again, an audit into the same directory is killed at a point
drawn from a seeded plan that covers every phase (a moment anywhere in the run, a number of pages
into the crawl, a moment while judging, while writing the reports, while committing to history:
each window measured on the chain's clean run and opened by what the watcher sees happen in the
directory). After each kill the directory and the database are held to the contract, and `--resume`
must finish the run. Where each kill landed is read back from the evidence and printed.
"""
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import reports

from e2erun import FAST, ROOT
from killpoints import KillPoint, landing, plan, run_and_kill, run_to_end, stat
from mixed_site import MixedSite
from rundir import CRAWL, REPORTS, assert_one_run, history, identity, jsonl, read_reports, stray

SEED = 20160630
KILLS = {"launch": 1, "crawl": 2, "judge": 2, "reports": 3, "history": 2}
CHAINS = 2


def audit_cmd(url, out, db, *extra):
    # The bundled catalog: 30 findings over ten offices' sheets, so every report has something to lose.
    return [sys.executable, "-m", "netcheck", "audit", url, "--out", str(out), "--history", str(db),
            "--as-of", "2016-06-30", "--fail-on", "never", *FAST, *extra]


def fingerprints(reports_read: dict) -> list[str]:
    return sorted(f["fingerprint"] for f in reports_read["findings"])


def test_an_audit_killed_anywhere_leaves_a_whole_report_and_resumes_to_the_same_findings(tmp_path, netcheck_env):
    started = time.monotonic()
    points = plan(SEED, KILLS)
    site = MixedSite().start()
    try:
        with ThreadPoolExecutor(CHAINS) as pool:
            chains = [pool.submit(kill_chain, "ab"[i], points[i::CHAINS], site.url, tmp_path / f"chain{i}",
                                  netcheck_env, cold_cache=i == 1) for i in range(CHAINS)]
            results = [c.result() for c in chains]
    finally:
        site.stop()
    landed = Counter(phase for lines, _ in results for phase, _ in lines)
    print("", *(line for lines, _ in results for _, line in lines), *(clean for _, clean in results), sep="\n")
    cpu = {who: resource.getrusage(who) for who in (resource.RUSAGE_CHILDREN, resource.RUSAGE_SELF)}
    cpu = {who: use.ru_utime + use.ru_stime for who, use in cpu.items()}
    print(f"{sum(landed.values())} kills, {CHAINS} chains, {time.monotonic() - started:.1f}s "
          f"(CPU: audits {cpu[resource.RUSAGE_CHILDREN]:.1f}s, this process {cpu[resource.RUSAGE_SELF]:.1f}s); "
          f"landed: {dict(sorted(landed.items()))}")
    # The plan covers the run end to end; timing decides where each kill lands, but these always get some.
    assert {"crawl", "judge", "reports"} <= set(landed), landed


def kill_chain(name: str, points: list[KillPoint], url: str, root, env, cold_cache: bool
               ) -> tuple[list[tuple[str, str]], str]:
    """One clean audit, then each kill point in turn: kill an audit there, check, resume, check.

    With `cold_cache` every killed audit starts without its HTTP cache, so it stores every page
    again and a kill in the crawl can land in the middle of a cache entry; otherwise each page is
    revalidated (304) from the cache the clean run left."""
    root.mkdir()
    out, db, cache = root / "run", root / "history.sqlite3", root / "cache"
    env = {**env, "NETCHECK_CACHE_DIR": str(cache)}
    status, whole = run_to_end(audit_cmd(url, out, db), env, out, db)
    assert status == 0
    clean = read_reports(out)
    assert_one_run(clean)
    expected = fingerprints(clean)
    assert len(expected) >= 20 and len(clean["sheet_fingerprints"]) == len(expected)
    whole.lines = len(jsonl(out / CRAWL))
    whole_urls = {r["url"] for r in jsonl(out / CRAWL) if "calendar.jsp" not in r["url"]}  # the trap is cut anew
    assert None not in (whole.crawl, whole.crawled, whole.reports, whole.reported, whole.recorded), whole
    known_runs = {clean["run"]["run_id"]}
    log = []
    for n, point in enumerate(points, start=1):
        kill = f"kill {name}{n} ({point.trigger} {point.fraction:.2f})"
        before, previous, pages_before, runs_before = identity(out), read_reports(out), stat(out / CRAWL), history(db)
        if cold_cache:
            shutil.rmtree(cache, ignore_errors=True)
        t = time.monotonic()
        killed = run_and_kill(audit_cmd(url, out, db), env, out, db, point, whole)
        killed_after = time.monotonic() - t

        # What the kill left: the previous run's whole set of reports or the new one's, and whole runs in history.
        crawl = (out / CRAWL).read_bytes()
        left = [what for what, there in (("torn last line", crawl and not crawl.endswith(b"\n")),
                                         ("hot journal", db.with_name(db.name + "-journal").exists()))
                if there]
        temporaries = stray(out)
        assert all(entry.startswith(".") for entry in temporaries), f"{kill}: {temporaries} look like reports"
        if list(out.glob(".reports-*.commit")):
            # Killed in the instant of moving a whole set into place: the set waits in its .commit
            # folder and the next write into the directory finishes the move first. Do just that.
            left.append("set half moved in")
            reports.recover(out)
        now = read_reports(out)
        runs_after = history(db)  # PRAGMA integrity_check passes; every run has all its findings
        phase = landing(out, before, pages_before, whole.lines, {r["run_id"] for r in runs_after},
                        now["run"]["run_id"]) if killed else "finished"
        kill += f" -> {phase}"
        changed = {f for f in REPORTS if identity(out).get(f) != before.get(f)}
        assert changed in (set(), set(REPORTS)), \
            f"{kill}: new {sorted(changed)} beside the previous run's {sorted(set(REPORTS) - changed)}"
        assert_one_run(now)
        if not changed:
            assert now["run"] == previous["run"] and now["findings"] == previous["findings"], kill
        else:
            assert now["run"]["run_id"] not in known_runs and fingerprints(now) == expected, kill
        new_runs = {r["run_id"] for r in runs_after} - {r["run_id"] for r in runs_before}
        assert new_runs <= {now["run"]["run_id"]}, f"{kill}: history holds a run whose reports are not here"
        assert len(runs_after) == len(runs_before) + len(new_runs)

        # --resume finishes the run: the same findings, persisting, no leftovers, its run in history.
        t = time.monotonic()
        resumed = subprocess.run(audit_cmd(url, out, db, "--resume"), env=env, capture_output=True, text=True,
                                 timeout=120, cwd=ROOT)
        assert resumed.returncode == 0, f"{kill}: --resume failed\n{resumed.stderr}"
        after = read_reports(out)
        assert_one_run(after)
        assert fingerprints(after) == expected, f"{kill}: other findings after --resume"
        assert {f["status"] for f in after["findings"]} == {"persisting"} and after["fixed"] == [], kill
        assert stray(out) == [], f"{kill}: --resume left {stray(out)}"
        urls = [r["url"] for r in jsonl(out / CRAWL)]
        assert len(urls) == len(set(urls)) and whole_urls <= set(urls), f"{kill}: pages lost or recorded twice"
        runs = history(db)
        assert runs[-1]["run_id"] == after["run"]["run_id"] and runs[-1]["rows"] == len(expected), kill
        known_runs |= {now["run"]["run_id"], after["run"]["run_id"]}
        log.append((phase, f"{kill:42} killed at {killed_after:5.2f}s, resumed in {time.monotonic() - t:5.2f}s"
                           + "".join(f", {what}" for what in left + temporaries)))
    clean_line = (f"chain {name} clean run: crawl {whole.crawl:.2f}-{whole.crawled:.2f}s, reports "
                  f"{whole.reports:.3f}-{whole.reported:.3f}s, history by {whole.recorded:.3f}s, exit "
                  f"{whole.exited:.2f}s, {whole.lines} pages")
    return log, clean_line
