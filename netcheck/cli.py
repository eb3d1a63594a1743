"""The `netcheck` command line (see SPEC.md: commands, options, exit status)."""
from __future__ import annotations

import argparse
import logging
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from checks.catalog import CatalogError, load_catalog

from . import __version__
from .exitcodes import FAIL_ON, Exit

DEMO_AS_OF = date(2016, 6, 30)
# The demo portal is ours and on loopback: no politeness needed, and it should take seconds.
DEMO_SETTINGS = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS": 16,
                 "CONCURRENT_REQUESTS_PER_DOMAIN": 16}


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def _url(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"not an http(s) URL: {text!r}")
    return text if parts.path else text + "/"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="netcheck", description="按“网查”标准审计政府网站，输出整改清单。")
    p.add_argument("--version", action="version", version=f"netcheck {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="show the crawl's log")
    sub = p.add_subparsers(dest="command", required=True)

    def judging(sp):
        sp.add_argument("--catalog", type=Path, help="catalog (YAML, XLSX or CSV); default: the bundled one")
        sp.add_argument("--as-of", type=_iso_date, help="judge as of this date (default: today)")
        sp.add_argument("--fail-on", choices=FAIL_ON, default="veto",
                        help="exit 1 when a finding at or above this level exists (default: veto)")
        sp.add_argument("--history", type=Path, help="SQLite database of past runs (not yet used)")
        sp.add_argument("--no-history", action="store_true", help="do not record or compare with past runs")

    a = sub.add_parser("audit", help="crawl one site and write a run directory")
    a.add_argument("url", type=_url)
    a.add_argument("--out", type=Path, help="run directory (default: ./netcheck-runs/HOST-TIMESTAMP)")
    a.add_argument("--max-pages", type=int, help="stop the crawl after this many fetches")
    a.add_argument("--max-time", type=int, metavar="SECONDS", help="stop the crawl after this long")
    a.add_argument("--resume", action="store_true",
                   help="continue the crawl stored in --out instead of starting again")
    a.add_argument("--check-external", action="store_true",
                   help="also check links to other sites (once each, politely)")
    a.add_argument("--no-cache", action="store_true",
                   help="do not keep or use the HTTP cache that makes re-audits cheap")
    a.add_argument("-s", dest="settings", action="append", type=_setting, default=[], metavar="NAME=VALUE",
                   help="a Scrapy setting for the crawl, as `scrapy crawl -s`")
    judging(a)

    r = sub.add_parser("report", help="re-judge a saved crawl (new catalog, new date) without crawling")
    r.add_argument("run_dir", type=Path)
    judging(r)

    d = sub.add_parser("demo", help="serve the bundled demo portal on 127.0.0.1 and audit it")
    d.add_argument("--out", type=Path, default=Path("netcheck-demo"), help="run directory (default: ./netcheck-demo)")

    c = sub.add_parser("catalog", help="catalog tools")
    csub = c.add_subparsers(dest="catalog_command", required=True)
    cc = csub.add_parser("check", help="validate a catalog and print what was understood")
    cc.add_argument("file", type=Path)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command not in ("audit", "demo"):  # a crawl's log is set up by Scrapy from LOG_LEVEL
        logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return int(COMMANDS[args.command](args))
    except CatalogError as exc:
        print(f"netcheck: bad catalog: {exc}", file=sys.stderr)
        return Exit.USAGE
    except KeyboardInterrupt:
        print("netcheck: interrupted", file=sys.stderr)
        return 130


def _catalog(args):
    return load_catalog(args.catalog)


def cmd_audit(args) -> int:
    from .pipeline import crawl_site, judge_run

    catalog = _catalog(args)  # refuse a bad catalog before spending an hour crawling
    as_of = args.as_of or date.today()
    out = args.out or Path("netcheck-runs") / f"{urlsplit(args.url).hostname}-{datetime.now():%Y%m%d-%H%M%S}"
    if args.resume and not (out / "pages.jsonl").is_file():
        print(f"netcheck: --resume: no crawl to continue in {out}", file=sys.stderr)
        return Exit.USAGE
    settings = {"LOG_LEVEL": "INFO" if args.verbose else "WARNING", **_cache_settings(args), **dict(args.settings)}
    started = datetime.now().astimezone().isoformat(timespec="seconds")
    stats = crawl_site(args.url, out, settings=settings, max_pages=args.max_pages, max_seconds=args.max_time,
                       check_external=args.check_external, resume=args.resume)
    run = judge_run(out, catalog, as_of, fail_on=args.fail_on, site=args.url, crawl_stats=stats, started=started)
    print_summary(run, out)
    return run["exit_status"]


def _cache_settings(args) -> dict:
    if args.no_cache:
        return {"HTTPCACHE_ENABLED": False}
    import os

    from platformdirs import user_cache_dir

    cache = os.environ.get("NETCHECK_CACHE_DIR") or str(Path(user_cache_dir("netcheck")) / "httpcache")
    return {"HTTPCACHE_ENABLED": True, "HTTPCACHE_DIR": cache}


def cmd_report(args) -> int:
    from .pipeline import RunDirError, judge_run

    catalog = _catalog(args)
    try:
        run = judge_run(args.run_dir, catalog, args.as_of or date.today(), fail_on=args.fail_on)
    except RunDirError as exc:
        print(f"netcheck: {exc}", file=sys.stderr)
        return Exit.USAGE
    print_summary(run, args.run_dir)
    return run["exit_status"]


def cmd_demo(args) -> int:
    from .demo.server import serve
    from .pipeline import crawl_site, judge_run

    catalog = load_catalog()
    server, base = serve()
    try:
        print(f"演示网站已启动：{base}/（检查日 {DEMO_AS_OF}）")
        started = datetime.now().astimezone().isoformat(timespec="seconds")
        settings = {**DEMO_SETTINGS, "LOG_LEVEL": "INFO" if args.verbose else "WARNING"}
        stats = crawl_site(base + "/", args.out, settings=settings)
        run = judge_run(args.out, catalog, DEMO_AS_OF, fail_on="never", site=base + "/", crawl_stats=stats,
                        started=started)
    finally:
        server.shutdown()
    print_summary(run, args.out)
    return Exit.OK


def cmd_catalog(args) -> int:
    catalog = load_catalog(args.file)
    print(f"目录：{catalog.name}（{len(catalog.categories)} 个栏目，{catalog.edition} 版指标）")
    print(f"年报：{catalog.annual_category}，截止 {catalog.annual_deadline[0]:02d}-{catalog.annual_deadline[1]:02d}")
    print(f"{'栏目':<14}{'责任科室':<10}{'更新周期':>8}{'时限(工作日)':>12}  级别")
    for c in catalog.categories:
        print(f"{c.name:<14}{c.department or catalog.default_department:<10}"
              f"{c.update_days if c.update_days is not None else '-':>8}"
              f"{c.limit_workdays if c.limit_workdays is not None else '-':>12}  {c.severity or '-'}")
    return Exit.OK


COMMANDS = {"audit": cmd_audit, "report": cmd_report, "demo": cmd_demo, "catalog": cmd_catalog}


def print_summary(run: dict, out: Path) -> None:
    counts = run["counts"]
    sev = counts["by_severity"]
    verdict = "单项否决" if run["veto"] else "未触发单项否决"
    print(f"{run['site']}  检查日 {run['as_of']}  得分 {run['score']:g}  {verdict}")
    print(f"抓取 {counts['pages']} 个地址，发现问题 {counts['findings']} 条"
          f"（否决 {sev.get('veto', 0)}，扣分 {sev.get('deduct', 0)}，提示 {sev.get('notice', 0)}）")
    for rule_id, n in counts["by_rule"].items():
        print(f"  {rule_id:<24}{n:>5}")
    for w in run.get("warnings", []):
        print(f"  注意：{w}")
    print(f"报告：{out / 'report.html'}")
    print(f"整改清单：{out / 'rectification.xlsx'}")


if __name__ == "__main__":
    sys.exit(main())
