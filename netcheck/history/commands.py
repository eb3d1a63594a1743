"""The command line's history parts: --history/--no-history/--site-id, `netcheck history` and
`netcheck import-status`. cli.py wires them in; they live here to keep cli.py about auditing."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import date
from pathlib import Path

from reports.runrecord import read_run

from ..dateargs import parse_date
from ..i18n import N_, _
from .listing import render_runs, render_sites, run_record
from .location import site_key
from .store import HistoryStore, open_history

HISTORY_HELP = N_("检查历史数据库：一个文件（SQLite）或 SQLAlchemy 网址（如 postgresql://…）；"
                  "默认 $NETCHECK_HISTORY，否则为用户数据目录中的 history.sqlite3")


def add_history_options(sp: argparse.ArgumentParser, site_id: bool = True) -> None:
    sp.add_argument("--history", metavar="FILE|URL", help=_(HISTORY_HELP))
    sp.add_argument("--no-history", action="store_true", help=_("不记录也不对比历史"))
    if site_id:
        sp.add_argument("--site-id", type=_site_id, metavar="NAME",
                        help=_("把这次运行的历史记在 NAME 名下（默认：去掉协议的首页网址）"))


def open_for(args) -> HistoryStore | None:
    """The store the options name, or None with --no-history. Raises HistoryError."""
    return None if getattr(args, "no_history", False) else open_history(args.history)


def add_parsers(sub) -> None:
    h = sub.add_parser("history", help=_("列出一个网站的历次检查和得分趋势，或清理旧记录"),
                       description=_("列出一个网站的历次检查（不给 SITE：列出所有网站），或用 --prune 每个网站只保留"
                                     "最近几次。定期检查时，每轮之后可运行 `netcheck history --prune 24 --prune-dirs`。"))
    h.add_argument("site", nargs="?", type=_site_id, metavar="SITE",
                   help=_("网站标识（如 www.pjfda.gov.cn 或 demo）或首页网址"))
    h.add_argument("--json", action="store_true", help=_("输出 JSON 而不是表格"))
    h.add_argument("--prune", type=_keep, metavar="KEEP", help=_("每个网站只保留最近 KEEP 次检查，删除其余记录"))
    h.add_argument("--prune-dirs", action="store_true", help=_("与 --prune 同用：同时删除被清理记录的运行目录"))
    h.add_argument("--history", metavar="FILE|URL", help=_(HISTORY_HELP))

    i = sub.add_parser("import-status", help=_("把各科室在 rectification.xlsx（或另存为 .csv 的一张表）中填写的状态读入历史"))
    i.add_argument("workbook", type=Path, metavar="WORKBOOK", help=_("科室反馈的整改清单（.xlsx 或 .csv）"))
    i.add_argument("--history", metavar="FILE|URL", help=_(HISTORY_HELP))
    i.add_argument("--site-id", type=_site_id, metavar="NAME",
                   help=_("清单所属的网站（默认：按清单中问题的编号查找）"))
    i.add_argument("--reported-on", type=parse_date, metavar="DATE",
                   help=_("科室反馈的日期（默认今天）"))


def cmd_history(args) -> int:
    if args.prune_dirs and args.prune is None:
        print(_("netcheck history：--prune-dirs 须与 --prune KEEP 同用"), file=sys.stderr)
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
        print(_("netcheck history：历史中没有 {site!r} 的检查记录（运行 `netcheck history` 列出已有的网站）").format(
            site=args.site), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"site": args.site, "runs": [run_record(r) for r in runs]}, ensure_ascii=False, indent=2))
    else:
        print(render_runs(args.site, runs))
    return 0


def _prune(store: HistoryStore, args) -> int:
    removed, kept = store.prune(args.prune, args.site)
    print(_("删除 {removed} 次检查记录，保留 {kept} 次").format(removed=len(removed), kept=len(kept)))
    if args.prune_dirs:
        in_use = {r["run_dir"] for r in kept}
        for row in removed:
            why = _why_not_delete(row, in_use)
            if why:
                print("  " + _("保留目录 {dir}：{reason}").format(dir=row["run_dir"], reason=why))
            else:
                shutil.rmtree(row["run_dir"])
                print("  " + _("已删除目录 {dir}").format(dir=row["run_dir"]))
    return 0


def _why_not_delete(row: dict, in_use: set) -> str | None:
    """Only a directory that is the pruned run itself is deleted, never anything else."""
    path = Path(row["run_dir"]) if row["run_dir"] else None
    if path is None or not path.is_dir():
        return _("不存在")
    if row["run_dir"] in in_use:
        return _("仍被保留的检查使用")
    run = read_run(path / "run.json")
    if (run.run_id if run else None) != row["run_key"]:
        return _("目录中不是这次检查（run.json 的 run_id 不符）")
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
    # A wording hit's 已确认 / 已忽略 (误报) is also the office's review of it (netcheck review).
    from ..review import rows_from_statuses

    reviewed = rows_from_statuses(store, reported.statuses, sites, on, str(args.workbook.resolve()))
    reviews_stored = store.add_reviews(reviewed) if reviewed else 0
    print(_("读取 {rows} 行，填写状态 {filled} 行，记录 {stored} 条（与上次相同 {same} 条），未知编号 {unknown} 条").format(
        rows=reported.rows, filled=len(reported.statuses), stored=stored, same=len(rows) - stored, unknown=len(unknown)))
    if reviewed:
        print("  " + _("其中表述问题审核 {count} 条（已确认 {confirmed}，误报 {dismissed}），新记录 {stored} 条").format(
            count=len(reviewed), confirmed=sum(r["decision"] == "confirmed" for r in reviewed),
            dismissed=sum(r["decision"] == "dismissed" for r in reviewed), stored=reviews_stored))
    for s in unknown[:20]:
        print("  " + _("未知编号 {number}（{sheet} 第 {row} 行）：历史中没有这个问题").format(
            number=s["fingerprint"], sheet=s["sheet"], row=s["row"]))
    for title in reported.skipped_sheets:
        print("  " + _("跳过工作表 {sheet}：没有“编号”和“状态”列，不是科室的问题清单").format(sheet=title))
    for r in reported.unnumbered[:20]:
        print("  " + _("未读取 {sheet} 第 {row} 行：填写了状态但没有编号，无法对应到问题").format(sheet=r["sheet"], row=r["row"]))
    if len(reported.unnumbered) > 20:
        print("  " + _("……另有 {count} 行填写了状态但没有编号").format(count=len(reported.unnumbered) - 20))
    return 0


def _site_id(text: str) -> str:
    key = site_key(text)
    if not key:
        raise argparse.ArgumentTypeError(_("网站标识不能为空"))
    return key


def _keep(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("应为不小于 1 的整数，而不是 {text!r}").format(text=text))
    return int(text)
