"""The `netcheck` command line (see SPEC.md: commands, options, exit status)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from checks.catalog import CatalogError, load_catalog

from . import __version__, crawlstate
from .dateargs import parse_date
from .exitcodes import FAIL_ON, Exit
from .i18n import LOCALES, HelpFormatter, N_, _, language, use as use_language
from .targets import is_loopback, private_address, start_url
from .gating import BaselineError, load_baseline
from .history import HistoryError
from .history.commands import add_history_options, add_parsers as add_history_parsers, cmd_history, \
    cmd_import_status, open_for
from .history.store import open_history
from .history.workbook import WorkbookError
from .review import add_parser as add_review_parser, cmd_review
from .scrapyd import add_audit_options as add_scrapyd_audit_options
from .summary import print_summary  # re-exported: netcheck.cli.print_summary
from .worker import add_audit_options as add_worker_audit_options, add_parser as add_worker_parser, cmd_worker

DEMO_AS_OF = date(2016, 6, 30)
DEMO_SITE_ID = "demo"  # its port changes every run; its history must not
# The demo portal is ours and on loopback: no politeness needed, and it should take seconds.
DEMO_SETTINGS = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS": 16,
                 "CONCURRENT_REQUESTS_PER_DOMAIN": 16}


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(_("应写成 NAME=VALUE，而不是 {text!r}").format(text=text))
    return name.strip(), value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("应为不小于 1 的整数，而不是 {text!r}").format(text=text))
    return int(text)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(_("应为整数（0 或更大），而不是 {text!r}").format(text=text))
    return int(text)


class Parser(argparse.ArgumentParser):
    """argparse, with the options every command takes wherever they are written (`netcheck -v audit URL`
    and `netcheck audit URL -v`), and a usage error in one line that says where help is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{"formatter_class": HelpFormatter, **kwargs})
        # SUPPRESS: a subcommand that was not given the option leaves the top level's value alone.
        self.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                          help=_("显示抓取日志"))
        self.add_argument("--lang", choices=tuple(LOCALES), default=argparse.SUPPRESS,
                          help=_("界面语言：zh 中文、en 英文（默认按 LANG 等环境变量，未指明时为中文）"))

    def error(self, message):
        self.exit(Exit.USAGE, _("{prog}：{message}（用法：{prog} -h）").format(prog=self.prog, message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="netcheck", description=_("按“网查”标准审计政府网站，写出整改清单。"),
               epilog=_("试用：          netcheck demo\n"
                        "审计一个网站：  netcheck audit https://www.example.gov.cn/\n"
                        "各命令的用法：  netcheck 命令 -h（如 netcheck audit -h）"))
    p.add_argument("--version", action="version", version=f"netcheck {__version__}", help=_("显示版本号并退出"))
    p.set_defaults(verbose=False, lang=None)
    sub = p.add_subparsers(dest="command", required=True, metavar=_("命令"))

    def judging(sp):
        sp.add_argument("--catalog", type=Path, help=_("目录（一览表）文件：YAML、XLSX 或 CSV；默认用内置目录"
                                                       "（report 默认用运行目录中保存的副本）"))
        sp.add_argument("--as-of", type=parse_date, metavar="DATE",
                        help=_("按此日期评判，如 2016-06-30、2016/6/30 或 2016年6月30日（默认今天）"))
        sp.add_argument("--fail-on", choices=FAIL_ON, default="veto",
                        help=_("有此级别或更高级别的问题时退出状态为 1：veto 单项否决（默认）、deduct 扣分、"
                               "notice 提示、never 从不"))
        sp.add_argument("--baseline", type=Path, metavar="RUN_DIR",
                        help=_("计算退出状态时只算这次早先运行中没有的问题（基线）"))
        add_history_options(sp)

    a = sub.add_parser("audit", help=_("抓取一个网站（或用 --sites 抓取多个）并写出运行目录"))
    a.add_argument("url", nargs="?", metavar="URL",
                   help=_("网站首页，如 https://www.example.gov.cn/（未写 http:// 时按 http:// 访问；不与 --sites 同用）"))
    a.add_argument("--sites", type=Path, metavar="FILE",
                   help=_("审计清单中的每个网站（YAML、XLSX 或 CSV：部门、网站、首页、目录）并排名"))
    a.add_argument("--jobs", type=_positive, default=8, metavar="N",
                   help=_("与 --sites 同用：同时抓取几个网站（默认 8；每个网站仍按自己的访问频率限制抓取）"))
    a.add_argument("--crawl-processes", type=_positive, metavar="N",
                   help=_("与 --sites 同用：分几个抓取进程（默认每个 CPU 核一个）"))
    a.add_argument("--out", type=Path, metavar="DIR", help=_("运行目录（默认 ./netcheck-runs/主机名-时间）；与 --sites 同用时，"
                                              "是各网站运行目录和排名所在的文件夹"))
    a.add_argument("--max-pages", type=int, metavar="N", help=_("抓取这么多个地址后结束"))
    a.add_argument("--max-time", type=int, metavar="SECONDS", help=_("抓取这么多秒后结束"))
    a.add_argument("--resume", action="store_true", help=_("继续 --out 中保存的抓取，而不是重新开始"))
    a.add_argument("--check-external", action="store_true", help=_("也检查指向其他网站的链接（每个只查一次，控制频率）"))
    rendering = a.add_mutually_exclusive_group()
    rendering.add_argument("--render", type=_count, metavar="N",
                           help=_("用无界面 Chromium 渲染至多 N 个由脚本生成列表（且数据无法直接读取）的页面；"
                                  "0 为不渲染（默认 50，找到浏览器时；-s NETCHECK_BROWSER=路径 指定浏览器）"))
    rendering.add_argument("--no-render", action="store_true", help=_("不渲染：这类页面所在栏目记为未核实"))
    a.add_argument("--no-cache", action="store_true", help=_("不保存也不使用 HTTP 缓存（缓存使重复审计更省）"))
    a.add_argument("--allow-private", action="store_true",
                   help=_("允许审计本机、内网或链路本地地址（否则拒绝）：内网门户、测试服务器"))
    a.add_argument("--allow-invalid-tls", action="store_true",
                   help=_("不检查首页的 https 证书（已知并接受的证书，如私有 CA 签发的）：不报证书无效"))
    a.add_argument("-s", dest="settings", action="append", type=_setting, default=[], metavar="NAME=VALUE",
                   help=_("抓取用的 Scrapy 设置，同 `scrapy crawl -s`（如 -s NETCHECK_CONTACT=mailto:zwgk@example.gov.cn）"))
    add_worker_audit_options(a)
    add_scrapyd_audit_options(a)
    judging(a)

    r = sub.add_parser("report", help=_("重新评判保存的抓取（换目录、换日期），不再抓取"))
    r.add_argument("run_dir", type=Path, metavar="RUN_DIR", help=_("运行目录（含 pages.jsonl）"))
    r.add_argument("--out", type=Path, metavar="DIR",
                   help=_("把重新评判的结果写入 DIR（独立的运行目录），RUN_DIR 保持不变；不记入历史"))
    judging(r)

    d = sub.add_parser("demo", help=_("在 127.0.0.1 启动内置演示网站并审计：无需准备即可试用全部功能"))
    d.add_argument("--out", type=Path, default=DEMO_OUT, metavar="DIR", help=_("运行目录（默认 ./netcheck-demo）"))
    d.add_argument("--fixed", action="store_true",
                   help=_("启动已整改部分问题的演示网站，体验整改销号（按 2016-07-15 检查）"))
    d.add_argument("--max-pages", type=int, metavar="N", help=_("抓取这么多个地址后结束（看看部分审计的样子）"))
    d.add_argument("--resume", action="store_true",
                   help=_("继续 --out 中保存的演示抓取（演示网站在原端口重新启动）"))
    d.add_argument("--history", metavar="FILE|URL",
                   help=_("检查历史数据库（默认 运行目录/history.sqlite3：演示的历史与真实检查的历史分开）"))
    d.add_argument("--no-history", action="store_true", help=_("不记录也不对比历史"))

    c = sub.add_parser("catalog", help=_("目录（一览表）工具"))
    csub = c.add_subparsers(dest="catalog_command", required=True, metavar=_("命令"))
    cc = csub.add_parser("check", help=_("检查目录文件，列出读到的内容"))
    cc.add_argument("file", type=Path, metavar="FILE", help=_("目录文件（YAML、XLSX 或 CSV）"))
    ct = csub.add_parser("template", help=_("把内置目录写成 Excel 工作簿（含填写说明），改成本单位的目录后用 --catalog 指定"))
    ct.add_argument("file", type=Path, nargs="?", metavar="FILE.xlsx",
                    help=_("写到哪个文件（默认：当前目录下的 信息公开目录模板.xlsx）"))
    ct.add_argument("--force", action="store_true", help=_("文件已存在时覆盖"))

    i = sub.add_parser("index", help=_("在 DIR 中写出 index.html：其下每个运行目录，最新的在前"))
    i.add_argument("dir", type=Path, metavar="DIR", help=_("存放运行目录的文件夹"))

    add_worker_parser(sub, _setting)
    add_history_parsers(sub)
    add_review_parser(sub)  # netcheck review (issue 16: wording review queue)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    use_language(language(_lang_option(argv)))  # before the parser: its help is in that language
    parser = build_parser()
    if not argv:  # `netcheck` alone: what it can do, not a usage error in one line
        parser.print_help()
        return Exit.USAGE
    args = parser.parse_args(argv)
    if args.command not in ("audit", "demo", "worker"):  # a crawl's log is set up by Scrapy from LOG_LEVEL
        logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return int(COMMANDS[args.command](args))
    except CatalogError as exc:
        print(_("netcheck: 目录有误：{reason}").format(reason=exc.render(_)), file=sys.stderr)
        return Exit.USAGE
    except BaselineError as exc:
        print(_("netcheck: 基线有误：{reason}").format(reason=exc), file=sys.stderr)
        return Exit.USAGE
    except (HistoryError, WorkbookError) as exc:
        print(f"netcheck: {exc}", file=sys.stderr)
        return Exit.USAGE
    except KeyboardInterrupt:
        print(_("netcheck: 已中断"), file=sys.stderr)
        return 130


def _lang_option(argv: list[str]) -> str | None:
    """The --lang value on the command line, wherever it is (the parser checks it again)."""
    for k, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and k + 1 < len(argv):
            return argv[k + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _catalog(args):
    return load_catalog(args.catalog)


def _baseline(args):
    # Read up front, like the catalog: a bad --baseline is refused before any crawling.
    return load_baseline(args.baseline) if args.baseline else None


def cmd_audit(args) -> int:
    from crawler.plan import CrawlPlan

    from .pipeline import crawl_site, judge_run, keep_catalog

    if (args.url is None) == (args.sites is None) or (args.sites and args.resume):
        print(_("netcheck audit：请给出一个网址，或用 --sites FILE 给出网站清单（二者选一；--resume 只与网址同用）"),
              file=sys.stderr)
        return Exit.USAGE
    if args.sites and args.baseline:  # silently gating nothing would be worse than refusing
        print(_("netcheck: --baseline 只对一个网站把关；用 --sites 时，请对各网站的运行目录分别执行 "
                "`netcheck report RUN_DIR --baseline OLD_RUN_DIR`"), file=sys.stderr)
        return Exit.USAGE
    if args.sites and args.redis:
        print(_("netcheck: --redis 让多个进程共同抓取一个网站；--sites 中的网站请分别审计"), file=sys.stderr)
        return Exit.USAGE
    if args.scrapyd and (args.redis or args.resume):
        print(_("netcheck: --scrapyd 把网站的抓取作为 Scrapyd 任务运行：不能与 --redis 或 --resume 同用"), file=sys.stderr)
        return Exit.USAGE
    if args.scrapyd and not args.sites and "," in args.scrapyd:  # several nodes share the sites of --sites
        print(_("netcheck: 审计一个网址时 --scrapyd 只能给一个 Scrapyd 地址；以逗号分隔的多个地址用于 --sites"),
              file=sys.stderr)
        return Exit.USAGE
    if args.sites:
        from .multisite import cmd_audit_sites

        _contact_warning(args, None)
        return cmd_audit_sites(args)
    try:
        url = start_url(args.url)
    except ValueError as exc:
        print(f"netcheck audit: {exc}", file=sys.stderr)
        return Exit.USAGE
    if "://" not in args.url:
        print(_("netcheck: 网址未写 http:// 或 https://，按 {url} 访问").format(url=url), file=sys.stderr)
    args.url = url
    refusal = None if args.allow_private else private_address(args.url)
    if refusal:  # an audit must not become a probe of the office's own network (netcheck.targets)
        print(_("netcheck: 拒绝审计 {url}：{reason}；确要审计本机或内网网站，请加 --allow-private")
              .format(url=args.url, reason=refusal), file=sys.stderr)
        return Exit.USAGE
    catalog = _catalog(args)  # refuse a bad catalog before spending an hour crawling
    baseline = _baseline(args)
    history = open_for(args)  # and an unusable --history
    as_of = args.as_of or date.today()
    out = args.out or Path("netcheck-runs") / f"{urlsplit(args.url).hostname}-{datetime.now():%Y%m%d-%H%M%S}"
    if args.resume and not (out / "pages.jsonl").is_file():
        print(_("netcheck: --resume：{out} 中没有可继续的抓取").format(out=out), file=sys.stderr)
        return Exit.USAGE
    _contact_warning(args, args.url)
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
    unreachable = unreachable_reason(out)
    if unreachable:
        print(unreachable)
    print_summary(run, out)
    return Exit.INTERRUPTED if interrupted(stats) else run.exit_status


DEFAULT_CONTACT_MARK = "example.invalid"  # in crawler.settings.NETCHECK_CONTACT until the office sets its own


def _contact_warning(args, url: str | None) -> None:
    """Take NETCHECK_CONTACT from the environment unless -s gives it, and say once, on one line, when
    a site that is not on this machine (url None: the sites of --sites) would get the placeholder."""
    given = dict(args.settings).get("NETCHECK_CONTACT")
    if given is None and os.environ.get("NETCHECK_CONTACT"):
        given = os.environ["NETCHECK_CONTACT"]
        args.settings.append(("NETCHECK_CONTACT", given))  # also for workers, Scrapyd and --sites' audits
    if given is None:
        from crawler import settings as defaults

        given = defaults.NETCHECK_CONTACT
    if DEFAULT_CONTACT_MARK in given and not (url and is_loopback(url)):
        print(_("netcheck: 提示：未设置联系方式，被审计网站看到的是占位地址 {contact}；请用 "
                "-s NETCHECK_CONTACT=mailto:您的邮箱 或环境变量 NETCHECK_CONTACT 设置，以便网站运维人员联系您")
              .format(contact=given), file=sys.stderr)


# Why a home page could not be fetched (crawler.fetch_errors), when the user can do something about it.
UNREACHABLE_HINTS = {
    "dns": N_("请检查网址中的域名 {host} 是否写错。"),
    "refused": N_("请检查网址中的端口，或网站是否已启动。"),
    "tls": N_("请检查网址应是 http:// 还是 https://。"),
}


def unreachable_reason(run_dir: Path) -> str | None:
    """One line saying why the site could not be reached (site.unreachable's evidence), and what to check."""
    import json

    try:
        with open(Path(run_dir) / "findings.jsonl", encoding="utf-8") as fh:
            finding = next((f for f in map(json.loads, fh) if f.get("rule") == "site.unreachable"), None)
    except (OSError, ValueError):
        return None
    if finding is None:
        return None
    hint = UNREACHABLE_HINTS.get((finding.get("details") or {}).get("error"))
    hint = _(hint).format(host=urlsplit(finding.get("url") or "").hostname) if hint else ""
    return finding["evidence"] + hint


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
        print(_("netcheck: 评判出错，未得出结论（{error}）。抓取结果保存在 {run_dir}，"
                "修复后可用 `netcheck report {run_dir}` 重新评判").format(error=f"{type(exc).__name__}: {exc}",
                                                                         run_dir=run_dir)
              + (_("；详情见 {log}").format(log=log_file) if log_file else ""), file=sys.stderr)
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
    return run.exit_status


def run_catalog(run_dir: Path):
    """The catalog a saved run was judged with: the copy its audit kept, else the one its run.json
    names (when that file is still the same), else the bundled one when that is what it used."""
    from checks.catalog import DEFAULT_CATALOG
    from reports.runrecord import read_run

    from .pipeline import RunDirError, saved_catalog

    copy = saved_catalog(run_dir)
    if copy is not None:
        return load_catalog(copy)
    run = read_run(Path(run_dir) / "run.json")
    recorded = run.catalog if run else None
    if recorded is None:  # nothing says which catalog (a crawl killed before it was judged, by an old netcheck)
        print(_("netcheck: {run_dir} 未记录所用目录，按内置默认目录评判（可用 --catalog 指定）").format(run_dir=run_dir),
              file=sys.stderr)
        return load_catalog()
    for candidate in (recorded.path, DEFAULT_CATALOG):
        if candidate and Path(candidate).is_file():
            catalog = load_catalog(candidate)
            if catalog.digest == recorded.digest:
                return catalog
    raise RunDirError(_("{run_dir}：此运行未保存所用目录（{catalog}）的副本，原文件已改动或不在：请用 --catalog 指定目录文件")
                      .format(run_dir=run_dir, catalog=recorded.name or recorded.path))


def cmd_demo(args) -> int:
    from .demo import fixes
    from .demo.server import serve
    from .demo.site import build
    from crawler.plan import CrawlPlan

    from .pipeline import crawl_site, judge_run, keep_catalog

    catalog = load_catalog()
    own_history = demo_history(args)
    history = None if args.no_history else open_history(args.history or own_history)
    as_of = fixes.AS_OF if args.fixed else DEMO_AS_OF
    port = 0
    if args.resume:  # the crawl's URLs carry the port it was served on: serve it there again
        port = _demo_port(args.out)
        if port is None:
            print(_("netcheck: demo --resume：{out} 中没有可继续的演示抓取").format(out=args.out), file=sys.stderr)
            return Exit.USAGE
    try:
        server, base = serve(port=port, site=build(tuple(fixes.FIXES)) if args.fixed else None)
    except OSError as exc:
        print(_("netcheck: demo：无法在 127.0.0.1:{port} 启动演示网站（{reason}）").format(
            port=port, reason=exc.strerror or exc), file=sys.stderr)
        return Exit.USAGE
    try:
        print((_("演示网站已启动：{url}（检查日 {as_of}，已整改部分问题）") if args.fixed else
               _("演示网站已启动：{url}（检查日 {as_of}）")).format(url=base + "/", as_of=as_of))
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
    if history is not None and not args.history:
        print(_("演示的检查历史单独保存在 {db}，不进入真实检查的历史（查看：netcheck history demo --history {db}）")
              .format(db=own_history))
    if history is not None and not args.fixed and run.status == "complete":
        again = " ".join(["netcheck demo --fixed", *(["--out", str(args.out)] if args.out != DEMO_OUT else []),
                          *(["--history", args.history] if args.history else [])])
        print(_("下一步：{command} 审计整改了部分问题的演示网站，看整改销号").format(command=again))
    return Exit.INTERRUPTED if interrupted(stats) else Exit.INCOMPLETE if run.status == "incomplete" else Exit.OK


DEMO_OUT = Path("netcheck-demo")
DEMO_HISTORY = "history.sqlite3"


def demo_history(args) -> Path:
    """Where the demo keeps its runs unless --history names a database: in its run directory, apart
    from the user's real history (and $NETCHECK_HISTORY), so `demo` then `demo --fixed` show 整改销号."""
    return args.out / DEMO_HISTORY


def _demo_port(run_dir: Path) -> int | None:
    """The port of the demo crawl stored in run_dir (its first record's URL), or None."""
    import json

    try:
        with open(run_dir / "pages.jsonl", encoding="utf-8") as fh:
            return urlsplit(json.loads(fh.readline())["url"]).port
    except (OSError, ValueError, KeyError, TypeError):
        return None


def cmd_catalog(args) -> int:
    if args.catalog_command == "template":
        from .catalog_template import cmd_template

        return cmd_template(args)
    from .catalog_check import check_catalog  # here, like cmd_index's: only this command needs it

    return check_catalog(args)


def cmd_index(args) -> int:
    from reports.index_page import write_index

    if not args.dir.is_dir():
        print(_("netcheck: index：{dir} 不是文件夹").format(dir=args.dir), file=sys.stderr)
        return Exit.USAGE
    print(_("索引：{path}").format(path=write_index(args.dir)))
    return Exit.OK


COMMANDS = {"audit": cmd_audit, "worker": cmd_worker, "report": cmd_report, "demo": cmd_demo, "catalog": cmd_catalog,
            "index": cmd_index,
            "history": cmd_history, "import-status": cmd_import_status,
            "review": cmd_review}


if __name__ == "__main__":
    sys.exit(main())
