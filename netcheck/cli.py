"""The `netcheck` command line (see SPEC.md: commands, options, exit status)."""
from __future__ import annotations

import argparse
import logging
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from checks.catalog import CatalogError, load_catalog

from . import __version__, crawlstate
from .exitcodes import FAIL_ON, Exit
from .targets import private_address
from .gating import BaselineError, load_baseline
from .history import HistoryError
from .history.commands import add_history_options, add_parsers as add_history_parsers, cmd_history, \
    cmd_import_status, open_for
from .history.workbook import WorkbookError
from .scrapyd import add_audit_options as add_scrapyd_audit_options
from .summary import print_summary  # re-exported: netcheck.cli.print_summary
from .worker import add_audit_options as add_worker_audit_options, add_parser as add_worker_parser, cmd_worker

DEMO_AS_OF = date(2016, 6, 30)
DEMO_SITE_ID = "demo"  # its port changes every run; its history must not
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


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number (0 or more), got {text!r}")
    return int(text)


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
        sp.add_argument("--catalog", type=Path, help="catalog (YAML, XLSX or CSV); default: the bundled one (for "
                        "report: the copy the audit kept in the run directory)")
        sp.add_argument("--as-of", type=_iso_date, help="judge as of this date (default: today)")
        sp.add_argument("--fail-on", choices=FAIL_ON, default="veto",
                        help="exit 1 when a finding at or above this level exists (default: veto)")
        sp.add_argument("--baseline", type=Path, metavar="RUN_DIR",
                        help="for the exit status, count only findings not in this earlier run")
        add_history_options(sp)

    a = sub.add_parser("audit", help="crawl one site (or, with --sites, many) and write a run directory")
    a.add_argument("url", type=_url, nargs="?", help="the site's home page (not with --sites)")
    a.add_argument("--sites", type=Path, metavar="FILE",
                   help="audit every site listed (YAML, XLSX or CSV: 部门, 网站, 首页, 目录) and rank them")
    a.add_argument("--jobs", type=_positive, default=2, metavar="N",
                   help="with --sites: audit this many sites at once (default: 2)")
    a.add_argument("--out", type=Path, help="run directory (default: ./netcheck-runs/HOST-TIMESTAMP); "
                   "with --sites, the folder for every site's run and the ranking")
    a.add_argument("--max-pages", type=int, help="stop the crawl after this many fetches")
    a.add_argument("--max-time", type=int, metavar="SECONDS", help="stop the crawl after this long")
    a.add_argument("--resume", action="store_true",
                   help="continue the crawl stored in --out instead of starting again")
    a.add_argument("--check-external", action="store_true",
                   help="also check links to other sites (once each, politely)")
    rendering = a.add_mutually_exclusive_group()
    rendering.add_argument("--render", type=_count, metavar="N",
                           help="render at most N pages whose list a script draws (and whose data cannot be read "
                                "directly) in headless Chromium; 0 = never (default: 50, when a browser is found; "
                                "-s NETCHECK_BROWSER=PATH names it)")
    rendering.add_argument("--no-render", action="store_true",
                           help="never render: such pages' columns are 未核实 (could not verify)")
    a.add_argument("--no-cache", action="store_true",
                   help="do not keep or use the HTTP cache that makes re-audits cheap")
    a.add_argument("--allow-private", action="store_true",
                   help="audit a loopback, private or link-local address (refused otherwise: an intranet "
                        "portal, a test server)")
    a.add_argument("--allow-invalid-tls", action="store_true",
                   help="do not check the home page's https certificate (one known and accepted, e.g. a "
                        "private CA): no site.tls_invalid finding")
    a.add_argument("-s", dest="settings", action="append", type=_setting, default=[], metavar="NAME=VALUE",
                   help="a Scrapy setting for the crawl, as `scrapy crawl -s`")
    add_worker_audit_options(a)
    add_scrapyd_audit_options(a)
    judging(a)

    r = sub.add_parser("report", help="re-judge a saved crawl (new catalog, new date) without crawling")
    r.add_argument("run_dir", type=Path)
    r.add_argument("--out", type=Path, metavar="DIR",
                   help="write the re-judgement into DIR (its own run directory) and leave RUN_DIR as it is; "
                        "not recorded in history")
    judging(r)

    d = sub.add_parser("demo", help="serve the bundled demo portal on 127.0.0.1 and audit it")
    d.add_argument("--out", type=Path, default=Path("netcheck-demo"), help="run directory (default: ./netcheck-demo)")
    d.add_argument("--fixed", action="store_true",
                   help="serve the portal with some defects fixed, to try 整改销号 (audited as of 2016-07-15)")
    d.add_argument("--max-pages", type=int, help="stop the crawl after this many fetches (a partial audit)")
    d.add_argument("--resume", action="store_true",
                   help="continue the demo crawl stored in --out (served again on the port it was crawled on)")
    add_history_options(d, site_id=False)

    c = sub.add_parser("catalog", help="catalog tools")
    csub = c.add_subparsers(dest="catalog_command", required=True)
    cc = csub.add_parser("check", help="validate a catalog and print what was understood")
    cc.add_argument("file", type=Path)

    i = sub.add_parser("index", help="write index.html listing the run directories under DIR, newest first")
    i.add_argument("dir", type=Path)

    add_worker_parser(sub, _setting)
    add_history_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command not in ("audit", "demo", "worker"):  # a crawl's log is set up by Scrapy from LOG_LEVEL
        logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return int(COMMANDS[args.command](args))
    except CatalogError as exc:
        print(f"netcheck: bad catalog: {exc}", file=sys.stderr)
        return Exit.USAGE
    except BaselineError as exc:
        print(f"netcheck: bad baseline: {exc}", file=sys.stderr)
        return Exit.USAGE
    except (HistoryError, WorkbookError) as exc:
        print(f"netcheck: {exc}", file=sys.stderr)
        return Exit.USAGE
    except KeyboardInterrupt:
        print("netcheck: interrupted", file=sys.stderr)
        return 130


def _catalog(args):
    return load_catalog(args.catalog)


def _baseline(args):
    # Read up front, like the catalog: a bad --baseline is refused before any crawling.
    return load_baseline(args.baseline) if args.baseline else None


def cmd_audit(args) -> int:
    from crawler.plan import CrawlPlan

    from .pipeline import crawl_site, judge_run, keep_catalog

    if (args.url is None) == (args.sites is None) or (args.sites and args.resume):
        print("netcheck: audit takes a URL or --sites FILE (one of them; --resume only with a URL)",
              file=sys.stderr)
        return Exit.USAGE
    if args.sites and args.baseline:  # silently gating nothing would be worse than refusing
        print("netcheck: --baseline gates one site; with --sites, gate each site's run directory with "
              "`netcheck report RUN_DIR --baseline OLD_RUN_DIR`", file=sys.stderr)
        return Exit.USAGE
    if args.sites and args.redis:
        print("netcheck: --redis shares one site's crawl; audit each site of --sites on its own", file=sys.stderr)
        return Exit.USAGE
    if args.scrapyd and (args.sites or args.redis or args.resume):
        print("netcheck: --scrapyd runs one site's crawl as one Scrapyd job: not with --sites, --redis or --resume",
              file=sys.stderr)
        return Exit.USAGE
    if args.sites:
        from .multisite import cmd_audit_sites

        return cmd_audit_sites(args)
    refusal = None if args.allow_private else private_address(args.url)
    if refusal:  # an audit must not become a probe of the office's own network (netcheck.targets)
        print(f"netcheck: refusing to audit {args.url}: {refusal}; pass --allow-private if you mean it",
              file=sys.stderr)
        return Exit.USAGE
    catalog = _catalog(args)  # refuse a bad catalog before spending an hour crawling
    baseline = _baseline(args)
    history = open_for(args)  # and an unusable --history
    as_of = args.as_of or date.today()
    out = args.out or Path("netcheck-runs") / f"{urlsplit(args.url).hostname}-{datetime.now():%Y%m%d-%H%M%S}"
    if args.resume and not (out / "pages.jsonl").is_file():
        print(f"netcheck: --resume: no crawl to continue in {out}", file=sys.stderr)
        return Exit.USAGE
    settings = {"LOG_LEVEL": "INFO" if args.verbose else "WARNING", **_cache_settings(args),
                **({"NETCHECK_CHECK_TLS": False} if args.allow_invalid_tls else {}), **dict(args.settings)}
    started = datetime.now().astimezone().isoformat(timespec="seconds")
    keep_catalog(catalog, out)  # before the crawl: a run killed mid-crawl is re-judged with it too
    # What to crawl, the same for every way of crawling it (crawler.plan).
    plan = CrawlPlan(start_url=args.url, max_pages=args.max_pages, max_seconds=args.max_time,
                     check_external=args.check_external, resume_from=out / "pages.jsonl" if args.resume else None,
                     render_budget=render_budget(args))
    if args.redis:  # a crawl shared with `netcheck worker` processes (netcheck.worker)
        from .worker import crawl_coordinated

        crawlstate.started(out)
        stats = crawl_coordinated(args.redis, plan, out, settings, idle_wait=args.workers_only_wait)
        crawlstate.write(out, crawlstate.from_stats(stats))
    elif args.scrapyd:  # the crawl runs as a Scrapyd job, the judging here (netcheck.scrapyd)
        from .scrapyd import crawl as crawl_on_scrapyd

        crawlstate.started(out)
        stats = crawl_on_scrapyd(args, plan, out)
        crawlstate.write(out, crawlstate.from_stats(stats))
    else:
        stats = crawl_site(plan, out, settings=settings)
    run = judged(out, lambda: judge_run(out, catalog, as_of, fail_on=args.fail_on, site=args.url, crawl_stats=stats,
                                        started=started, baseline=baseline, history=history, site_id=args.site_id))
    if run is None:
        return Exit.INCOMPLETE
    print_summary(run, out)
    return Exit.INTERRUPTED if interrupted(stats) else run["exit_status"]


def render_budget(args) -> int:
    """The plan's render_budget from --render N / --no-render (crawler.plan.DEFAULT_RENDER_BUDGET when neither)."""
    from crawler.plan import DEFAULT_RENDER_BUDGET

    if args.no_render:
        return 0
    return DEFAULT_RENDER_BUDGET if args.render is None else args.render


def judged(run_dir: Path, judge):
    """The run judge() returns; None after telling the user, in one line, that an unexpected error
    stopped the judging (the traceback goes to the run directory's judge-error.log, the crawl stays
    where it is to be judged again). Never a traceback and exit 1: CI would read that as a verdict."""
    import traceback

    from .pipeline import RunDirError

    try:
        return judge()
    except (CatalogError, BaselineError, HistoryError, RunDirError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - whatever it is, the crawl must not be lost with it
        log_file = Path(run_dir) / "judge-error.log"
        try:
            log_file.write_text(traceback.format_exc(), encoding="utf-8")
        except OSError:
            log_file = None
        print(f"netcheck: 评判出错，未得出结论（{type(exc).__name__}: {exc}）。抓取结果保存在 {run_dir}，"
              f"修复后可用 `netcheck report {run_dir}` 重新评判" + (f"；详情见 {log_file}" if log_file else ""),
              file=sys.stderr)
        return None


def interrupted(stats: dict | None) -> bool:
    return (stats or {}).get("finish_reason") == crawlstate.INTERRUPTED


def _cache_settings(args) -> dict:
    if args.no_cache:
        return {"HTTPCACHE_ENABLED": False}
    import os

    from platformdirs import user_cache_dir

    cache = os.environ.get("NETCHECK_CACHE_DIR") or str(Path(user_cache_dir("netcheck")) / "httpcache")
    return {"HTTPCACHE_ENABLED": True, "HTTPCACHE_DIR": cache}


def cmd_report(args) -> int:
    from .pipeline import RunDirError, judge_run

    out = args.out or args.run_dir
    try:
        catalog = _catalog(args) if args.catalog else run_catalog(args.run_dir)
        baseline = _baseline(args)
        # A re-judgement written elsewhere is a comparison (another catalog, another date), not a run.
        history = None if args.out else open_for(args)
        run = judged(out, lambda: judge_run(args.run_dir, catalog, args.as_of or date.today(), fail_on=args.fail_on,
                                            baseline=baseline, history=history, site_id=args.site_id,
                                            out_dir=args.out))
    except RunDirError as exc:
        print(f"netcheck: {exc}", file=sys.stderr)
        return Exit.USAGE
    if run is None:
        return Exit.INCOMPLETE
    print_summary(run, out)
    return run["exit_status"]


def run_catalog(run_dir: Path):
    """The catalog a saved run was judged with: the copy its audit kept, else the one its run.json
    names (when that file is still the same), else the bundled one when that is what it used."""
    import json

    from checks.catalog import DEFAULT_CATALOG

    from .pipeline import RunDirError, saved_catalog

    copy = saved_catalog(run_dir)
    if copy is not None:
        return load_catalog(copy)
    try:
        recorded = json.loads((Path(run_dir) / "run.json").read_text(encoding="utf-8")).get("catalog") or {}
    except (OSError, ValueError):
        recorded = None
    if recorded is None:  # nothing says which catalog (a crawl killed before it was judged, by an old netcheck)
        print(f"netcheck: {run_dir} 未记录所用目录，按内置默认目录评判（可用 --catalog 指定）", file=sys.stderr)
        return load_catalog()
    for candidate in (recorded.get("path"), DEFAULT_CATALOG):
        if candidate and Path(candidate).is_file():
            catalog = load_catalog(candidate)
            if catalog.digest == recorded.get("digest"):
                return catalog
    raise RunDirError(f"{run_dir}: 此运行未保存所用目录（{recorded.get('name') or recorded.get('path')}）的副本，"
                      f"原文件已改动或不在：请用 --catalog 指定目录文件")


def cmd_demo(args) -> int:
    from .demo import fixes
    from .demo.server import serve
    from .demo.site import build
    from crawler.plan import CrawlPlan

    from .pipeline import crawl_site, judge_run, keep_catalog

    catalog = load_catalog()
    history = open_for(args)
    as_of = fixes.AS_OF if args.fixed else DEMO_AS_OF
    port = 0
    if args.resume:  # the crawl's URLs carry the port it was served on: serve it there again
        port = _demo_port(args.out)
        if port is None:
            print(f"netcheck: demo --resume: no demo crawl to continue in {args.out}", file=sys.stderr)
            return Exit.USAGE
    try:
        server, base = serve(port=port, site=build(tuple(fixes.FIXES)) if args.fixed else None)
    except OSError as exc:
        print(f"netcheck: demo: cannot serve the demo portal on 127.0.0.1:{port} ({exc.strerror or exc})",
              file=sys.stderr)
        return Exit.USAGE
    try:
        print(f"演示网站已启动：{base}/（检查日 {as_of}{'，已整改部分问题' if args.fixed else ''}）")
        started = datetime.now().astimezone().isoformat(timespec="seconds")
        settings = {**DEMO_SETTINGS, "LOG_LEVEL": "INFO" if args.verbose else "WARNING"}
        keep_catalog(catalog, args.out)
        plan = CrawlPlan(start_url=base + "/", max_pages=args.max_pages,
                         resume_from=args.out / "pages.jsonl" if args.resume else None)
        stats = crawl_site(plan, args.out, settings=settings)
        run = judged(args.out, lambda: judge_run(args.out, catalog, as_of, fail_on="never", site=base + "/",
                                                 crawl_stats=stats, started=started, history=history,
                                                 site_id=DEMO_SITE_ID,
                                                 resume_hint=f"netcheck demo --out {args.out} --resume"))
    finally:
        server.shutdown()
    if run is None:
        return Exit.INCOMPLETE
    print_summary(run, args.out)
    return Exit.INTERRUPTED if interrupted(stats) else Exit.INCOMPLETE if run["status"] == "incomplete" else Exit.OK


def _demo_port(run_dir: Path) -> int | None:
    """The port of the demo crawl stored in run_dir (its first record's URL), or None."""
    import json

    try:
        with open(run_dir / "pages.jsonl", encoding="utf-8") as fh:
            return urlsplit(json.loads(fh.readline())["url"]).port
    except (OSError, ValueError, KeyError, TypeError):
        return None


def cmd_catalog(args) -> int:
    from .catalog_check import check_catalog  # here, like cmd_index's: only this command needs it

    return check_catalog(args)


def cmd_index(args) -> int:
    from reports.index_page import write_index

    if not args.dir.is_dir():
        print(f"netcheck: index: {args.dir} is not a directory", file=sys.stderr)
        return Exit.USAGE
    print(f"索引：{write_index(args.dir)}")
    return Exit.OK


COMMANDS = {"audit": cmd_audit, "worker": cmd_worker, "report": cmd_report, "demo": cmd_demo, "catalog": cmd_catalog,
            "index": cmd_index,
            "history": cmd_history, "import-status": cmd_import_status}


if __name__ == "__main__":
    sys.exit(main())
