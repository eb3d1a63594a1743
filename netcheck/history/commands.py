"""The command line's history parts: --history/--no-history/--site-id, `netcheck history` and
`netcheck import-status`. cli.py wires them in; they live here to keep cli.py about auditing."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import date
from pathlib import Path

from .listing import render_runs, render_sites, run_record
from .location import site_key
from .store import HistoryStore, open_history

HISTORY_HELP = ("database of past runs: a file (SQLite) or a SQLAlchemy URL such as postgresql://…; "
                "default: $NETCHECK_HISTORY, else history.sqlite3 in the user's data directory")


def add_history_options(sp: argparse.ArgumentParser, site_id: bool = True) -> None:
    sp.add_argument("--history", metavar="FILE|URL", help=HISTORY_HELP)
    sp.add_argument("--no-history", action="store_true", help="do not record or compare with past runs")
    if site_id:
        sp.add_argument("--site-id", type=_site_id, metavar="NAME",
                        help="file the run's history under NAME (default: the start URL without scheme)")


def open_for(args) -> HistoryStore | None:
    """The store the options name, or None with --no-history. Raises HistoryError."""
    return None if getattr(args, "no_history", False) else open_history(args.history)


def add_parsers(sub) -> None:
    h = sub.add_parser("history", help="list a site's past runs and score trend, or prune old runs",
                       description="List a site's runs (no SITE: every site) or, with --prune, keep only the "
                                   "newest runs per site. For scheduled audits run e.g. "
                                   "`netcheck history --prune 24 --prune-dirs` after each round.")
    h.add_argument("site", nargs="?", type=_site_id, help="site key (e.g. www.pjfda.gov.cn or demo) or start URL")
    h.add_argument("--json", action="store_true", help="print JSON instead of a table")
    h.add_argument("--prune", type=_keep, metavar="KEEP", help="keep the newest KEEP runs per site, delete the rest")
    h.add_argument("--prune-dirs", action="store_true", help="with --prune: also delete the pruned runs' directories")
    h.add_argument("--history", metavar="FILE|URL", help=HISTORY_HELP)

    i = sub.add_parser("import-status", help="read the 状态 an office filled into rectification.xlsx (or one sheet saved as .csv) into history")
    i.add_argument("workbook", type=Path)
    i.add_argument("--history", metavar="FILE|URL", help=HISTORY_HELP)
    i.add_argument("--site-id", type=_site_id, metavar="NAME",
                   help="the site the workbook is about (default: found from its findings' 编号)")
    i.add_argument("--reported-on", type=date.fromisoformat, metavar="DATE",
                   help="when the office reported (default: today)")


def cmd_history(args) -> int:
    if args.prune_dirs and args.prune is None:
        print("netcheck: history: --prune-dirs needs --prune KEEP", file=sys.stderr)
        return 2
    store = open_history(args.history)
    if args.prune is not None:
        return _prune(store, args)
    if args.site is None:
        sites = store.sites()
        print(json.dumps([{**s, "latest": s["latest"].isoformat()} for s in sites], ensure_ascii=False, indent=2)
              if args.json else render_sites(sites))
        return 0
    runs = store.runs(args.site)
    if not runs:
        print(f"netcheck: history: no runs of {args.site!r} (see `netcheck history` for the sites known)",
              file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"site": args.site, "runs": [run_record(r) for r in runs]}, ensure_ascii=False, indent=2))
    else:
        print(render_runs(args.site, runs))
    return 0


def _prune(store: HistoryStore, args) -> int:
    removed, kept = store.prune(args.prune, args.site)
    print(f"删除 {len(removed)} 次检查记录，保留 {len(kept)} 次")
    if args.prune_dirs:
        in_use = {r["run_dir"] for r in kept}
        for row in removed:
            why = _why_not_delete(row, in_use)
            if why:
                print(f"  保留目录 {row['run_dir']}：{why}")
            else:
                shutil.rmtree(row["run_dir"])
                print(f"  已删除目录 {row['run_dir']}")
    return 0


def _why_not_delete(row: dict, in_use: set) -> str | None:
    """Only a directory that is the pruned run itself is deleted, never anything else."""
    path = Path(row["run_dir"]) if row["run_dir"] else None
    if path is None or not path.is_dir():
        return "不存在"
    if row["run_dir"] in in_use:
        return "仍被保留的检查使用"
    try:
        run_id = json.loads((path / "run.json").read_text(encoding="utf-8")).get("run_id")
    except (OSError, ValueError):
        run_id = None
    if run_id != row["run_key"]:
        return "目录中不是这次检查（run.json 的 run_id 不符）"
    return None


def cmd_import_status(args) -> int:
    from .workbook import read_statuses

    reported = read_statuses(args.workbook)  # WorkbookError: handled by cli.main
    store = open_history(args.history)
    sites = ({s["fingerprint"]: args.site_id for s in reported.statuses} if args.site_id
             else store.sites_of(s["fingerprint"] for s in reported.statuses))
    on = args.reported_on or date.today()
    rows, unknown = [], []
    for s in reported.statuses:
        if s["fingerprint"] not in sites:
            unknown.append(s)
            continue
        rows.append({"site": sites[s["fingerprint"]], "fingerprint": s["fingerprint"], "status": s["status"],
                     "note": s["note"], "reported_on": on, "source_file": str(args.workbook.resolve())})
    stored = store.add_statuses(rows)
    print(f"读取 {reported.rows} 行，填写状态 {len(reported.statuses)} 行，记录 {stored} 条"
          f"（与上次相同 {len(rows) - stored} 条），未知编号 {len(unknown)} 条")
    for s in unknown[:20]:
        print(f"  未知编号 {s['fingerprint']}（{s['sheet']} 第 {s['row']} 行）：历史中没有这个问题")
    for title in reported.skipped_sheets:
        print(f"  跳过工作表 {title}：没有“编号”和“状态”列，不是科室的问题清单")
    for r in reported.unnumbered[:20]:
        print(f"  未读取 {r['sheet']} 第 {r['row']} 行：填写了状态但没有编号，无法对应到问题")
    if len(reported.unnumbered) > 20:
        print(f"  ……另有 {len(reported.unnumbered) - 20} 行填写了状态但没有编号")
    return 0


def _site_id(text: str) -> str:
    key = site_key(text)
    if not key:
        raise argparse.ArgumentTypeError("a site key cannot be empty")
    return key


def _keep(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"KEEP must be a whole number of at least 1, got {text!r}")
    return int(text)
