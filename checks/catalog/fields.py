"""Every field a catalog has, once: its name (the YAML key and English column header), its Chinese
header, its type and range, its default and what to write in it.

Validation, the workbook `netcheck catalog template` writes (headers, comments, drop-downs, the
说明 sheet), the Chinese headers a sheet may use and the README's catalog section all read these
tables, so a new column is one line here (and an attribute of the model for it to land in).

A header is recognised however a clerk spells it: the name, the Chinese header or one of `also`,
with full-width and half-width brackets alike, spaces and case ignored, and a unit in brackets
optional (更新周期（天）, 更新周期(天) and 更新周期 are one column).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The words a catalog may write for a severity, the ids first; the first Chinese word is the one
# shown (单项否决, as in reports.names.VETO: never 一票否决 beside it).
SEVERITY_WORDS = {
    "veto": ("单项否决", "一票否决", "否决"),
    "deduct": ("扣分",),
    "notice": ("提示",),
}
SEVERITY_LABELS = {severity: words[0] for severity, words in SEVERITY_WORDS.items()}

# A category's class in the national check's counting rules (checks.scoring), and its words.
KIND_WORDS = {
    "dynamics": ("动态要闻", "动态", "动态类"),
    "notices": ("通知公告", "通知公告类"),
    "policy": ("政策文件", "政策文件类"),
    "personnel": ("人事", "人事信息", "人事类"),
    "plan": ("规划计划", "规划计划类"),
    "other": ("其他", "其它"),
}
KIND_LABELS = {kind: words[0] for kind, words in KIND_WORDS.items()}
KINDS = tuple(KIND_WORDS)

YES_WORDS = ("是", "true", "yes", "y", "1", "√", "需要")
NO_WORDS = ("否", "false", "no", "n", "0", "×", "不需要")

EDITIONS = (2015, 2019)

# What a clerk types between several names in one cell: ; ； , ， 、 and line breaks.
LIST_SEPARATORS = r"[;；,，、\r\n]"

# How each type reads to a clerk (the 取值 column of the 说明 sheet and the README).
TYPE_TEXT = {
    "text": "文字",
    "list": "多个名称，用、；，或换行分隔",
    "int": "整数",
    "number": "数字（可有小数）",
    "severity": "、".join(SEVERITY_LABELS.values()),
    "kind": "、".join(KIND_LABELS.values()),
    "bool": "是 或 否",
    "date": "日期，如 2016-06-30",
    "dates": "多个日期，用、分隔",
    "monthday": "月-日，如 03-31",
    "edition": " 或 ".join(map(str, EDITIONS)),
    "rule": "规则名称或规则编号",
    "info": "仅供阅读，不读入",
    "any": "按设置项",
}


@dataclass(frozen=True)
class Field:
    name: str  # the YAML key (dotted for a nested setting) and the English column header
    header: str  # the Chinese column header: what the template writes
    type: str  # a key of TYPE_TEXT
    help: str  # what to write, in Chinese: the header's comment, the 说明 sheet, the README
    default: object = None  # the value an empty cell stands for (None: none)
    minimum: float | None = None
    maximum: float | None = None
    also: tuple[str, ...] = ()  # further headers accepted
    required: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.header, self.name, *self.also)

    @property
    def range_text(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum:g}–{self.maximum:g}"
        if self.minimum is not None:
            return f"≥ {self.minimum:g}"
        return ""

    @property
    def default_text(self) -> str:
        if self.default is None or self.default == "":
            return ""
        if self.type == "bool":
            return "是" if self.default else "否"
        if self.type == "kind":
            return KIND_LABELS[self.default]
        return str(self.default)


# --- the categories sheet (栏目): one row per category the site must have ----------------------
CATEGORY_FIELDS = (
    Field("category", "栏目", "text", "栏目名称，如 行政处罚。每个栏目一行，不能重复", required=True, also=("栏目名称",)),
    Field("aliases", "别名", "list", "网站上这一栏目的其他叫法，如 处罚公示、案件查处；繁体不必另列",
          also=("栏目别名", "其他名称")),
    Field("department", "责任科室", "text", "负责这一栏目、整改其问题的科室；留空：默认责任科室",
          also=("责任部门", "科室")),
    Field("update_days", "更新周期（天）", "int", "最新一条信息距检查日最多几天，超过即栏目不更新；留空：不查更新",
          minimum=0, also=("更新周期",)),
    Field("limit_workdays", "公开时限（工作日）", "int",
          "信息自形成（成文日期）起几个工作日内须公开，超过即公开不及时；留空：不查时限", minimum=0, also=("公开时限",)),
    Field("min_items", "最少条数", "int", "栏目内至少应有几条信息，少于即空白栏目", default=1, minimum=0),
    Field("severity", "级别", "severity", "栏目缺失、空白或不更新的问题级别；留空：按规则表", also=("严重程度", "问题级别")),
    Field("points", "扣分", "number", "栏目缺失、空白或不更新时每个问题扣几分；留空：按规则表", minimum=0, also=("分值",)),
    Field("basis", "依据", "text", "法规或检查指标依据，随问题列在整改清单中", also=("法规依据",)),
    Field("kind", "栏目类型", "kind", "普查计数的栏目分类：动态要闻、通知公告、政策文件类栏目不更新达到一定个数即单项否决",
          default="other", also=("类型",)),
    Field("disclosure", "须标注索引号", "bool", "是：栏目内每条信息须标注索引号和发布日期", default=False),
    Field("parent", "上级栏目", "text", "所属的上级栏目名称（仅作记录）"),
    Field("note", "备注", "info", "科室自己的备注（仅供阅读）"),
)

# --- the rules sheet (规则): one row per rule, its settings ------------------------------------
# `rule` and `name` both take a rule's id or its name; a row needs one of them, and two must agree.
# `cap` is the YAML file's scoring.caps; `description` is written for reading and never read.
RULE_FIELDS = (
    Field("name", "规则名称", "rule", "规则名称，如 链接不可用（也可只填规则编号）"),
    Field("rule", "规则编号", "rule", "规则编号，如 link.broken（也可只填规则名称）", also=("规则",)),
    Field("severity", "级别", "severity", "这一规则的问题级别", also=("严重程度", "问题级别")),
    Field("points", "扣分", "number", "每个问题扣几分", minimum=0, also=("分值",)),
    Field("cap", "最多扣分", "number", "这一规则合计最多扣几分（单项封顶）；留空：按内置目录", minimum=0,
          also=("扣分上限", "封顶分")),
    Field("days", "天数", "int", "规则的天数限度（首页不更新：14 天）", minimum=0),
    Field("items", "要求项目", "list", "规则要求具备的项目（页面底部标识：网站标识码、ICP备案编号…）；留空：按内置目录",
          also=("项目",)),
    Field("exclude", "排除项目", "list", "规则不适用的名称（互动回应：信访、纪检、举报、访谈、征集、调查类栏目）；留空：按内置目录",
          also=("排除",)),
    Field("basis", "依据", "text", "法规或检查指标依据，随问题列在整改清单中", also=("法规依据",)),
    Field("description", "说明", "info", "规则检查什么（仅供阅读）", also=("规则说明",)),
    Field("note", "备注", "info", "科室自己的备注（仅供阅读）"),
)

# --- the settings sheet (设置): one row per setting, the YAML file's top-level keys -------------
SETTING_FIELDS = (
    Field("name", "目录名称", "text", "目录的名称，写在报告中；留空：文件名"),
    Field("edition", "指标版本", "edition",
          "按哪一版全国检查指标评分：2015（国办发〔2015〕15号 普查评分表）或 2019（国办秘函〔2019〕19号 检查指标）",
          default=2015),
    Field("default_department", "默认责任科室", "text", "不属于任何栏目的问题（链接、首页、全站）由哪个科室整改",
          default="网站管理"),
    Field("annual_report.category", "年报栏目", "text", "政府信息公开年度报告所在的栏目", default="政府信息公开年报"),
    Field("annual_report.deadline", "年报截止日期", "monthday", "每年几月几日前须公布上一年度的年报", default="03-31"),
    Field("annual_report.basis", "年报依据", "text", "年报时限的依据，随问题列在整改清单中"),
    Field("match_threshold", "栏目匹配度", "number", "网站栏目名称与目录栏目名称或别名相似到多少（满分 100）算同一栏目",
          default=80, minimum=1, maximum=100),
    Field("rectification_workdays.veto", "整改时限：单项否决（工作日）", "int", "单项否决问题发现后几个工作日内须整改",
          default=5, minimum=0),
    Field("rectification_workdays.deduct", "整改时限：扣分（工作日）", "int", "扣分问题发现后几个工作日内须整改",
          default=10, minimum=0),
    Field("rectification_workdays.notice", "整改时限：提示（工作日）", "int", "提示问题发现后几个工作日内须整改",
          default=20, minimum=0),
    Field("calendar.holidays", "补充节假日", "dates", "官方日历尚未收录的放假日（如新公布的年份、本地安排）"),
    Field("calendar.workdays", "补充调休上班日", "dates", "官方日历尚未收录的调休上班日"),
    Field("scoring.veto.key_columns_stale", "单项否决：重点栏目不更新个数", "int",
          "动态要闻、通知公告、政策文件类栏目不更新达到几个即单项否决", default=5, minimum=0),
    Field("scoring.veto.should_update_stale", "单项否决：应更新栏目不更新个数", "int",
          "应更新栏目（含人事、规划计划类）不更新或空白达到几个即单项否决", default=10, minimum=0),
    Field("scoring.veto.blank_columns", "单项否决：空白栏目个数", "int", "空白栏目达到几个即单项否决", default=5, minimum=0),
    Field("scoring.early_warning.homepage_days", "预警：首页未更新天数", "int", "首页超过几天未更新即预警", default=10,
          minimum=0),
    Field("scoring.early_warning.blank_columns", "预警：空白栏目个数", "int", "空白栏目超过几个即预警", default=2,
          minimum=0),
    Field("scoring.early_warning.should_update_stale", "预警：应更新栏目不更新个数", "int",
          "应更新栏目不更新超过几个即预警", default=6, minimum=0),
)
# scoring.caps (rule id → most points) is the rules sheet's `cap` column.
CAPS = "scoring.caps"

# --- the wrong-terms sheet (错误用语): one row per wrong or outdated name -----------------------
WRONG_TERM_FIELDS = (
    Field("term", "错误用语", "text", "不应再出现的用语，如已更名机构的旧称", required=True),
    Field("correct", "正确用语", "text", "应使用的用语，写在整改清单中"),
    Field("since", "起始日期", "date", "只查这一天及以后发布的页面（此前这一用语是对的）"),
    Field("not_before", "前字例外", "text", "用语前一个字是其中之一时不算错，如 原（原国家食品药品监督管理局）"),
    Field("not_after", "后字例外", "text", "用语后一个字是其中之一时不算错"),
    Field("basis", "依据", "text", "更名或规范的依据"),
    Field("note", "备注", "info", "科室自己的备注（仅供阅读）"),
)

# --- the settings sheet's own layout: a setting per row, named in its first column -------------
SETTING_ROW_FIELDS = (
    Field("setting", "设置项", "text", "设置项名称（见下表）", required=True),
    Field("value", "值", "any", "设置的值；留空：默认值"),
    Field("help", "说明", "info", "设置项的说明（仅供阅读）"),
)


@dataclass(frozen=True)
class Sheet:
    role: str
    title: str  # the name the template gives the sheet
    names: tuple[str, ...]  # the names it is recognised by
    fields: tuple[Field, ...]
    help: str


SHEETS = (
    Sheet("categories", "栏目", ("栏目", "一览表", "categories"), CATEGORY_FIELDS,
          "须有的栏目，每个栏目一行（没有名为“栏目”的工作表时，读第一个工作表）"),
    Sheet("rules", "规则", ("规则", "rules"), RULE_FIELDS, "各规则的级别、扣分和依据，每条规则一行；未列出的规则按内置目录"),
    Sheet("settings", "设置", ("设置", "settings"), SETTING_ROW_FIELDS, "全目录的设置，每项一行；未列出的按默认值"),
    Sheet("wrong_terms", "错误用语", ("错误用语", "wrong_terms"), WRONG_TERM_FIELDS,
          "严重表述错误：不应再出现的用语，每个一行"),
)
INSTRUCTIONS = ("说明", "填表说明", "instructions")  # a sheet for people: never read


def sheet(role: str) -> Sheet:
    return next(s for s in SHEETS if s.role == role)


def header_key(text) -> str:
    """A header as compared: NFKC (full-width brackets and letters as half-width), no spaces or
    trailing *, lower case."""
    text = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", "", text).rstrip("*").lower()


def _without_unit(key: str) -> str:
    return re.sub(r"\([^()]*\)$", "", key)


def header_index(fields: tuple[Field, ...]) -> dict[str, Field]:
    """Every accepted spelling of the fields' headers (as header_key gives it) → its field; a
    header with a unit in brackets is also known without it."""
    out: dict[str, Field] = {}
    for f in fields:
        for header in f.headers:
            key = header_key(header)
            out.setdefault(key, f)
            out.setdefault(_without_unit(key), f)
    return out


def find_field(fields: tuple[Field, ...], header) -> Field | None:
    index = header_index(fields)
    key = header_key(header)
    return index.get(key) or index.get(_without_unit(key))


def defaults(fields: tuple[Field, ...], prefix: str) -> dict:
    """{key: default} of the settings under `prefix.` (rectification_workdays → {veto: 5, …})."""
    return {f.name[len(prefix) + 1:]: f.default for f in fields if f.name.startswith(prefix + ".")}
