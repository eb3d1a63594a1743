"""The wording lists beside `wrong_terms` (content.wrong_term): typos, political phrases in their
fixed form, and leaders with the titles they may be given. YAML only: a workbook catalog has no
sheets for them (its wrong terms are its 错误用语 sheet), and then has none of them.

    typos:    [{term: 按装, correct: 安装, basis: …}]                 a wrong word → the right one
    phrases:  [{term: 四个全面战略布局, correct: 四个全面战略布局, …}]      a wrong variant → the fixed form
    leaders:  [{name: 王某某, titles: [{title: 局长, since: 2020-01-01, until: 2023-06-30}], basis: …}]

Each value is read through its field (checks.catalog.values), and refused at its YAML entry.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .fields import Field
from .messages import N_, msg
from .model import Where
from .values import read

TEXT_FIELDS = (
    Field("term", "错误用语", "text", "页面上不应出现的写法", required=True),
    Field("correct", "正确用语", "text", "应使用的写法", required=True),
    Field("basis", "依据", "text", "依据（可选）"),
)
LEADER_FIELDS = (
    Field("name", "姓名", "text", "领导姓名", required=True),
    Field("titles", "职务", "any", "职务列表：title、since、until"),
    Field("basis", "依据", "text", "任免依据（可选）"),
)
TITLE_FIELDS = (
    Field("title", "职务", "text", "职务名称，如 局长、党组书记", required=True),
    Field("since", "任职起始", "date", "任职起始日期（空：不限）"),
    Field("until", "任职截止", "date", "任职截止日期（空：至今）"),
)
LISTS = {"typos": N_("错别字"), "phrases": N_("规范表述"), "leaders": N_("领导姓名")}


@dataclass(frozen=True)
class Typo:
    term: str
    correct: str
    basis: str = ""


@dataclass(frozen=True)
class Phrase:
    term: str  # the wrong variant
    correct: str  # the fixed form
    basis: str = ""


@dataclass(frozen=True)
class LeaderTitle:
    title: str
    since: date | None = None
    until: date | None = None

    def holds_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Leader:
    name: str
    titles: tuple[LeaderTitle, ...] = ()
    basis: str = ""

    def titles_on(self, day: date) -> tuple[str, ...]:
        return tuple(t.title for t in self.titles if t.holds_on(day))


def _values(fields, item: dict, where: Where) -> dict:
    out = {}
    for f in fields:
        value = read(f, item.get(f.name), lambda reason, f=f: where.error(reason, f.name))
        if f.required and not value:
            raise where.error(msg(N_("未填{what}"), what=f.header), f.name)
        out[f.name] = "" if value is None and f.type == "text" else value
    return out


def text_entry(kind: str, where: Where, item: dict) -> Typo | Phrase:
    values = _values(TEXT_FIELDS, item, where)
    return (Typo if kind == "typos" else Phrase)(**values)


def leader_entry(where: Where, item: dict) -> Leader:
    values = _values([f for f in LEADER_FIELDS if f.name != "titles"], item, where)
    titles = item.get("titles") or []
    if isinstance(titles, str):
        titles = [titles]
    if not isinstance(titles, list) or not titles:
        raise where.error(msg(N_("须为职务列表（每项有 title，可有 since、until）")), "titles")
    keys = tuple(f.name for f in TITLE_FIELDS)
    out = []
    for t in titles:
        t = {"title": t} if isinstance(t, str) else t
        if not isinstance(t, dict) or any(k not in keys for k in t):
            raise where.error(msg(N_("每个职务须为映射（可用：{known}）"), known="、".join(keys)), "titles")
        v = _values(TITLE_FIELDS, t, where)
        if v["since"] and v["until"] and v["until"] < v["since"]:
            raise where.error(msg(N_("任职截止日期早于起始日期")), "titles")
        out.append(LeaderTitle(**v))
    return Leader(name=values["name"], titles=tuple(out), basis=values["basis"])
