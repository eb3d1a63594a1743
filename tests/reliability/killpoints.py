"""Where to kill an audit: a seeded plan of kill points over every phase of a run, a watcher that
fires each one by what it sees happen in the run directory, and where a kill landed, read back
from what the run directory and the history hold afterwards.

An audit's phases, as they show on disk:
  startup  the process imports and opens history; nothing written yet
  crawl    pages.jsonl started again and growing
  judge    every page recorded, no report touched yet
  reports  report files being written (the hidden .reports-* staging folder in the run directory)
  history  the new reports in place, the run not yet committed to the history database
  exit     the run committed; the process is printing its summary and exiting
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from rundir import CRAWL, identity

# The set of reports is staged in hidden folders of this prefix (reports.write_all). Other hidden
# entries come and go all through a run (the crawl state's atomic writes) and mark no phase.
STAGE = ".reports-"
POLL = 0.002  # seconds; the shortest window aimed at (the history transaction) lasts a few times that


def stat(path: Path) -> tuple[int, int, int] | None:
    """(inode, mtime, size): a file moved into place or started again is a new inode."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


@dataclass(frozen=True)
class KillPoint:
    trigger: str  # the event that opens the window: launch, crawl, judge, reports or history
    fraction: float  # how far into that window to kill (0..1)


def plan(seed: int, counts: dict[str, int]) -> list[KillPoint]:
    rng = random.Random(seed)
    points = [KillPoint(trigger, rng.random()) for trigger, n in counts.items() for _ in range(n)]
    rng.shuffle(points)
    return points


@dataclass
class Timeline:
    """When each phase began, in seconds after launch, as the watcher saw it."""
    crawl: float | None = None  # pages.jsonl started again
    crawled: float | None = None  # pages.jsonl holds every page
    reports: float | None = None  # the first temporary report entry appeared
    reported: float | None = None  # run.json replaced
    recorded: float | None = None  # the history database last changed
    committing: float | None = None  # after the reports, SQLite's rollback journal: the run's transaction
    exited: float | None = None
    lines: int = 0  # complete lines in pages.jsonl


@dataclass
class Watcher:
    """Polls the run directory of one audit process every POLL seconds and notes its phases."""
    run_dir: Path
    db: Path
    pages: int | None  # a whole crawl's lines; None while measuring the clean run
    seen: Timeline = field(default_factory=Timeline)

    def __post_init__(self):
        self._pages0 = stat(self.run_dir / CRAWL)
        self._pages_now = self._pages0
        self._run0 = stat(self.run_dir / "run.json")
        self._db0 = stat(self.db)

    def poll(self, t: float) -> None:
        s = self.seen
        pages = stat(self.run_dir / CRAWL)
        if pages != self._pages_now:
            self._pages_now = pages
            if s.crawl is None and pages is not None and (self._pages0 is None or pages[0] != self._pages0[0]
                                                          or pages[2] < self._pages0[2]):
                s.crawl = t
            if s.crawl is not None:
                try:
                    s.lines = (self.run_dir / CRAWL).read_bytes().count(b"\n")
                except FileNotFoundError:
                    s.lines = 0
                if self.pages is None or (s.crawled is None and s.lines >= self.pages):
                    s.crawled = t  # measuring the clean run: its last growth
        if s.reports is None and self.run_dir.is_dir() and any(n.startswith(STAGE) for n in os.listdir(self.run_dir)):
            s.reports = t
        if s.reported is None and stat(self.run_dir / "run.json") != self._run0:
            s.reported = t
        db = stat(self.db)
        if db != self._db0:
            self._db0, s.recorded = db, t
        if s.reported is not None and s.committing is None and self.db.with_name(self.db.name + "-journal").exists():
            s.committing = t

    def window(self, point: KillPoint, whole: Timeline) -> tuple[float | None, float]:
        """(when the point's window opened, how long it lasts), from the clean run's timeline."""
        s = self.seen
        if point.trigger == "launch":
            return 0.0, whole.recorded
        if point.trigger == "judge":
            return s.crawled, whole.reports - whole.crawled
        if point.trigger == "reports":
            return s.reports, whole.reported - whole.reports
        if point.trigger == "history":  # the run's transaction lasts milliseconds: kill inside it when seen
            return (s.committing, 0.0) if s.committing is not None else (s.reported, whole.recorded - whole.reported)
        raise ValueError(point.trigger)


def run_to_end(cmd, env, run_dir: Path, db: Path, timeout: float = 120) -> tuple[int, Timeline]:
    """Run an audit through, noting when each phase began: the timeline kill points are drawn on."""
    watcher = Watcher(run_dir, db, pages=None)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None:
        if time.monotonic() - t0 > timeout:
            proc.kill()
            raise AssertionError("the clean audit did not finish")
        watcher.poll(time.monotonic() - t0)
        time.sleep(POLL)
    watcher.seen.exited = time.monotonic() - t0
    return proc.returncode, watcher.seen


def run_and_kill(cmd, env, run_dir: Path, db: Path, point: KillPoint, whole: Timeline,
                 timeout: float = 120) -> bool:
    """Start an audit and SIGKILL it at the kill point; False when it finished before the point came."""
    watcher = Watcher(run_dir, db, pages=whole.lines)
    crawl_target = max(1, round(point.fraction * (whole.lines - 1)))
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None:
        t = time.monotonic() - t0
        if t > timeout:
            proc.kill()
            raise AssertionError("the audit hung")
        watcher.poll(t)
        if point.trigger == "crawl":
            due = watcher.seen.crawl is not None and watcher.seen.lines >= crawl_target
        else:
            opened, length = watcher.window(point, whole)
            due = opened is not None and t >= opened + point.fraction * length
        if due:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(POLL)
    return False


def landing(run_dir: Path, before: dict, pages_before, pages_whole: int, history_keys: set[str],
            new_run_id: str | None) -> str:
    """Which phase the kill stopped, from the evidence the run left behind."""
    now = identity(run_dir)
    changed = {name for name in set(before) | set(now) if before.get(name) != now.get(name)}
    temporaries = [name for name in os.listdir(run_dir) if name.startswith(STAGE)]
    if temporaries or (changed and changed != set(before)):
        return "reports"
    if changed:
        return "exit" if new_run_id in history_keys else "history"
    pages = stat(run_dir / CRAWL)
    if pages == pages_before:
        return "startup"
    lines = (run_dir / CRAWL).read_bytes().count(b"\n")
    return "crawl" if lines < pages_whole else "judge"
