"""`netcheck history`: a site's runs as a table with a score trend, or as JSON."""
from __future__ import annotations

from datetime import date

from reports.table import display_width, format_score

BARS = "▁▂▃▄▅▆▇█"  # eight heights; GBK terminals have them too


def sparkline(scores: list[float | None]) -> str:
    """One bar per run, scaled between the lowest and highest score; a run without a score is ' '."""
    known = [s for s in scores if s is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = (high - low) or 1
    top = len(BARS) - 1
    return "".join(" " if s is None else BARS[round((s - low) / span * top) if high > low else top]
                   for s in scores)


def run_record(row: dict) -> dict:
    """A runs-table row as `history --json` prints it."""
    counts = row.get("counts") or {}
    return {"as_of": _iso(row["as_of"]), "score": row["score"], "veto": bool(row["veto"]),
            "findings": counts.get("findings"), "by_severity": counts.get("by_severity") or {},
            "new": row["new"], "persisting": row["persisting"], "fixed": row["fixed"],
            "run_dir": row["run_dir"], "site_url": row["site_url"], "run_id": row["run_key"],
            "started": row["started"], "finished": row["finished"], "status": row.get("status") or "complete"}


# How `netcheck history` names a run that is not a whole verdict (a complete run says nothing).
STATUS_CN = {"partial": "抓取未完成", "incomplete": "评判未完成", "unreachable": "无法访问"}


def render_runs(site: str, runs: list[dict]) -> str:
    records = [run_record(r) for r in runs]
    head = ["检查日", "得分", "否决", "问题", "新增", "持续", "已整改", "运行目录"]
    table = [[r["as_of"], format_score(r["score"]) + ("（" + STATUS_CN[r["status"]] + "）" if r["status"] in STATUS_CN
                                                      else ""), "是" if r["veto"] else "否", _n(r["findings"]),
              _n(r["new"]), _n(r["persisting"]), _n(r["fixed"]), r["run_dir"] or ""] for r in records]
    lines = [f"{site}：{len(records)} 次检查"] + _columns([head] + table)
    scores = [r["score"] for r in records]
    line = sparkline(scores)
    if line:
        known = [s for s in scores if s is not None]
        lines.append(f"得分趋势 {line}  {format_score(known[0])} → {format_score(known[-1])}"
                     f"（最低 {format_score(min(known))}，最高 {format_score(max(known))}）")
    return "\n".join(lines)


def render_sites(sites: list[dict]) -> str:
    if not sites:
        return "历史记录为空。"
    rows = [["站点", "检查次数", "最近检查日"]] + [[s["site"], str(s["runs"]), _iso(s["latest"])] for s in sites]
    return "\n".join(_columns(rows))


def _columns(rows: list[list[str]]) -> list[str]:
    """Left-aligned columns measured in display width, so Chinese headers line up."""
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (w - display_width(cell)) for cell, w in zip(r, widths)).rstrip()
            for r in rows]


def _n(value) -> str:
    return "—" if value is None else str(value)


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value
