"""A saved run re-judges with the catalog it was judged with (the copy its audit kept), not the
bundled one; `report --out` writes the re-judgement elsewhere and leaves the run untouched."""
import hashlib

from verdictrun import ROOT, audit, read_jsonl, run_json, run_netcheck

CATALOG = ROOT / "tests" / "data" / "catalog_mixed.yaml"
DATED = {"column.stale", "site.homepage_stale", "report.annual_late"}  # what a later date may change


def digests(run_dir):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(run_dir.iterdir()) if p.is_file()}


def key(f):
    return f["rule"], f["category"], f["url"], f["target"]


def test_report_as_of_reuses_the_runs_catalog_and_out_leaves_the_run_untouched(demo_site, tmp_path):
    _, url = demo_site
    run_dir = tmp_path / "run"
    done = audit(url, run_dir, "--no-history", "--catalog", CATALOG)
    assert done.returncode == 0, done.stderr
    assert (run_dir / "catalog.yaml").read_bytes() == CATALOG.read_bytes()
    before = digests(run_dir)
    first = read_jsonl(run_dir / "findings.jsonl")
    later = run_netcheck("report", run_dir, "--as-of", "2016-07-15", "--out", tmp_path / "later", "--fail-on", "never")
    assert later.returncode == 0, later.stderr
    assert digests(run_dir) == before
    rejudged = read_jsonl(tmp_path / "later" / "findings.jsonl")
    assert run_json(tmp_path / "later")["catalog"]["digest"] == run_json(run_dir)["catalog"]["digest"]
    assert {key(f) for f in rejudged if f["rule"] not in DATED} == {key(f) for f in first if f["rule"] not in DATED}
    # the later run is a run directory of its own: it can be re-judged again
    again = run_netcheck("report", tmp_path / "later", "--as-of", "2016-07-15", "--no-history", "--fail-on", "never")
    assert again.returncode == 0, again.stderr
    assert {key(f) for f in read_jsonl(tmp_path / "later" / "findings.jsonl")} == {key(f) for f in rejudged}
