import subprocess
import sys
from pathlib import Path

import pytest

import reports
from reports import WRITERS, write_all
from reports.runrecord import RunRecord

EXPECTED = {"findings.jsonl", "rectification.xlsx", "report.html", "junit.xml", "summary.md",
            "run.json", "fixed.jsonl"}


def test_write_all_writes_every_report_and_returns_paths(tmp_path, findings, run):
    paths = write_all(tmp_path, findings, RunRecord.from_dict(run))
    assert set(WRITERS) == EXPECTED
    assert [p.name for p in paths] == list(WRITERS)
    assert all(p.parent == tmp_path and p.stat().st_size > 0 for p in paths if p.name != "fixed.jsonl")


def test_atomic_write_leaves_no_temp_files(tmp_path, findings, run):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    write_all(tmp_path, findings, RunRecord.from_dict(run))  # overwriting goes through os.replace too
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(EXPECTED)


def test_failing_writer_keeps_old_file_and_removes_its_temp(tmp_path, findings, run, monkeypatch):
    write_all(tmp_path, findings, RunRecord.from_dict(run))
    before = (tmp_path / "report.html").read_bytes()

    def broken(path: Path, df, r):
        path.write_text("half")
        raise ValueError("boom")

    monkeypatch.setitem(WRITERS, "report.html", broken)
    with pytest.raises(reports.ReportError, match="report.html"):
        write_all(tmp_path, findings, RunRecord.from_dict(run))
    assert (tmp_path / "report.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(EXPECTED)


def test_reports_do_not_import_scrapy():
    code = "import sys, reports; assert not any(m.split('.')[0] == 'scrapy' for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True,
                   cwd=Path(reports.__file__).parent.parent)
