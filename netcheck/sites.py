"""The list of sites for `netcheck audit --sites FILE`: read it, and refuse a bad one clearly.

Offices keep this list as a spreadsheet (部门, 网站, 首页, 目录) as often as YAML, so both
are read, with Chinese or English column names. The whole list is checked before anything
is crawled: a typo in row 40 must not surface an hour into the run. A refusal names the
file, the row (the entry's position in YAML; the spreadsheet row for sheets) and the reason.
"""
from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .i18n import _

# Each column under its English name, and the names offices write in the sheet's header.
COLUMNS = {
    "department": ("department", "部门"),
    "name": ("name", "网站", "网站名称"),
    "url": ("url", "首页", "网址"),
    "catalog": ("catalog", "目录"),
}
_ALIASES = {alias: column for column, names in COLUMNS.items() for alias in names}


class SitesError(ValueError):
    """A sites file that cannot be used. str() is the one-line message shown to the user."""

    def __init__(self, path, reason: str, row: int | None = None):
        self.path, self.row = str(path), row
        where = self.path if row is None else _("{path} 第 {row} 行").format(path=self.path, row=row)
        super().__init__(_("{where}：{reason}").format(where=where, reason=reason))


@dataclass(frozen=True)
class Site:
    """One department's site, as listed."""

    department: str
    name: str
    url: str  # http(s), with a path ('/' added when bare)
    catalog: Path | None  # resolved against the sites file's folder; None: the run's catalog
    row: int  # where it was listed, for messages

    @property
    def site_id(self) -> str:
        """What history knows the site by: its department, or its name when no department is given."""
        return self.department or self.name

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.department, self.name) if p) or self.url


def load_sites(path: str | Path) -> list[Site]:
    """Read and validate a sites file (.yaml/.yml, .xlsx or .csv)."""
    path = Path(path)
    if not path.is_file():
        raise SitesError(path, _("文件不存在，请检查路径"))
    suffix = path.suffix.lower()
    readers = {".yaml": _yaml_rows, ".yml": _yaml_rows, ".xlsx": _sheet_rows, ".xlsm": _sheet_rows,
               ".csv": _csv_rows}
    if suffix not in readers:
        raise SitesError(path, _("无法识别的文件格式 {suffix}：请用 .yaml、.xlsx 或 .csv").format(
            suffix=suffix or _("（无扩展名）")))
    rows = readers[suffix](path)
    if not rows:
        raise SitesError(path, _("清单中没有网站：请每行列出一个网站"))
    sites, seen_url, seen_id = [], {}, {}
    for row, item in rows:
        site = _site(path, row, item)
        if site.url in seen_url:
            raise SitesError(path, _("{url} 已列在第 {other} 行：请删去重复的一行").format(
                url=site.url, other=seen_url[site.url]), row)
        if site.site_id in seen_id:
            raise SitesError(path, _("{site!r} 已列在第 {other} 行（历史按部门区分网站）：请给每个网站写上各自的部门或网站名称")
                            .format(site=site.site_id, other=seen_id[site.site_id]), row)
        seen_url[site.url], seen_id[site.site_id] = row, row
        sites.append(site)
    return sites


def _site(path: Path, row: int, item: dict) -> Site:
    fields = {}
    for key, value in item.items():
        column = _ALIASES.get(str(key).strip())
        if column is None:
            raise _unknown_column(path, key, row)
        fields[column] = _text(value)
    url = fields.get("url", "")
    if not url:
        raise SitesError(path, _("未填首页网址（url / 首页）"), row)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise SitesError(path, _("不是 http(s) 网址：{url!r}（应以 http:// 或 https:// 开头）").format(url=url), row)
    if not parts.path:
        url += "/"
    department, name = fields.get("department", ""), fields.get("name", "")
    if not (department or name):
        raise SitesError(path, _("部门（department / 部门）和网站名称（name / 网站）都未填：请至少填一项"), row)
    catalog = None
    if fields.get("catalog"):
        catalog = (path.parent / fields["catalog"]).resolve()
        if not catalog.is_file():
            raise SitesError(path, _("找不到目录 {catalog!r}（查找的是 {path}）：请检查文件名，相对路径从清单所在文件夹算起")
                            .format(catalog=fields["catalog"], path=catalog), row)
    return Site(department=department, name=name, url=url, catalog=catalog, row=row)


def _unknown_column(path: Path, key, row: int) -> SitesError:
    known = ", ".join(f"{column} ({'/'.join(names[1:])})" for column, names in COLUMNS.items())
    return SitesError(path, _("未知的列 {column!r}（可用的列：{known}）").format(column=str(key).strip(), known=known), row)


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return re.sub(r"\s+", " ", str(value)).strip()


# --- readers: each returns [(row number, {column: value})] -------------------------------------

def _yaml_rows(path: Path) -> list[tuple[int, dict]]:
    try:
        doc = yaml.safe_load(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SitesError(path, _("不是 UTF-8 编码的文本：请另存为 UTF-8")) from None
    except yaml.YAMLError as exc:
        raise SitesError(path, _("YAML 格式有误：{problem}").format(problem=getattr(exc, "problem", exc))) from None
    if isinstance(doc, dict) and set(doc) == {"sites"}:  # a `sites:` key at the top reads the same
        doc = doc["sites"]
    if not isinstance(doc, list):
        raise SitesError(path, _("须为网站列表（每项写 department、name、url、catalog）"))
    rows = []
    for i, item in enumerate(doc, start=1):
        if not isinstance(item, dict):
            raise SitesError(path, _("每个网站须为映射（department、name、url、catalog）"), i)
        rows.append((i, item))
    return rows


def _sheet_rows(path: Path) -> list[tuple[int, dict]]:
    import pandas as pd

    try:
        frame = pd.read_excel(path, dtype=str, sheet_name=0)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise SitesError(path, _("无法读取工作簿：{error}").format(error=exc)) from None
    return _frame_rows(path, frame)


def _csv_rows(path: Path) -> list[tuple[int, dict]]:
    import pandas as pd

    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # offices save CSV from Excel in GBK as often as UTF-8
        try:
            frame = pd.read_csv(io.BytesIO(raw), dtype=str, encoding=encoding)
        except UnicodeDecodeError:
            continue
        except pd.errors.EmptyDataError:
            return []
        except Exception as exc:
            raise SitesError(path, _("无法读取 CSV 文件：{error}").format(error=exc)) from None
        return _frame_rows(path, frame)
    raise SitesError(path, _("CSV 文件既不是 UTF-8 也不是 GB18030（GBK）编码：请另存为“CSV UTF-8”"))


def _frame_rows(path: Path, frame) -> list[tuple[int, dict]]:
    headers = [str(c).strip() for c in frame.columns]
    for header in headers:  # the header is row 1
        if header not in _ALIASES and not header.startswith("Unnamed"):
            raise _unknown_column(path, header, 1)
    frame.columns = headers
    rows = []
    for i, rec in enumerate(frame.to_dict("records")):
        item = {k: v for k, v in rec.items() if not k.startswith("Unnamed") and _text(v)}
        if item:  # blank lines between groups of departments are common in office sheets
            rows.append((i + 2, item))  # row 1 is the header
    return rows
