"""The score as the national check scores (rules.md §1, W1–W12).

Deductions add up from 100, each rule capped where the catalog says (W10: one item cannot
lose more than its own points). Veto items (单项否决) fail the site outright: a veto-level
finding (站点无法访问, 首页不更新 …) and the counting rules of the 2015 普查 / 2019 检查
indicators — stale 动态/通知/政策 columns (W3), should-update columns stale or blank (W4),
blank columns (W5). Below those thresholds the commercial monitors' early warnings are
reported as notices in the run, so an office can act before the municipal check does.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .catalog.fields import SETTING_FIELDS
from .findings import Finding

KEY_KINDS = ("dynamics", "notices", "policy")  # W3: 动态要闻, 通知公告, 政策文件
SHOULD_UPDATE_KINDS = KEY_KINDS + ("personnel", "plan")  # W4 adds 人事, 规划计划
FIRST_LEVEL_ONLY_2019 = ("notices", "policy")  # W3b: 2019 counts these as 一级栏目 only


# The catalog's scoring settings ("veto.blank_columns" → its default), from the catalog's field table.
SCORING_KEYS = {f.name.split(".", 1)[1]: f.default for f in SETTING_FIELDS if f.name.startswith("scoring.")}


@dataclass(frozen=True)
class ScoringSettings:
    key_columns_stale: int = 5  # W3 (V): this many stale 动态/通知/政策 columns veto
    should_update_stale: int = 10  # W4 (V): this many should-update columns stale or blank veto
    blank_columns: int = 5  # W5 (V): this many blank columns veto
    warn_homepage_days: int = 10  # Ucap early warning (V2): home page not updated for more days
    warn_blank_columns: int = 2  # Ucap (V2): more blank columns than this
    warn_should_update_stale: int = 6  # Ucap (V2): more stale basic-information columns than this
    caps: dict = field(default_factory=dict)  # rule id → most points it can take (U: set your own)

    @classmethod
    def from_catalog(cls, raw: dict) -> "ScoringSettings":
        """From a catalog's `scoring`: each of SCORING_KEYS (early_warning.X is the attribute warn_X)."""
        values = {}
        for key, default in SCORING_KEYS.items():
            section, name = key.split(".")
            values[name if section == "veto" else f"warn_{name}"] = int((raw.get(section) or {}).get(name, default))
        return cls(**values, caps={k: float(v) for k, v in (raw.get("caps") or {}).items()})


def score(findings: list[Finding], catalog=None, facts: dict | None = None) -> dict:
    """Score, veto and its reasons, early warnings, counters and the per-rule breakdown."""
    settings = ScoringSettings.from_catalog(catalog.scoring if catalog else {})
    edition = catalog.edition if catalog else 2015
    facts = facts or {}
    kinds = {c.name: c.kind for c in catalog.categories} if catalog else {}
    first_level = facts.get("first_level", {})

    stale = [f for f in findings if f.rule == "column.stale"]
    blank = [f for f in findings if f.rule == "column.empty"]
    key_stale = [f for f in stale if kinds.get(f.category) in KEY_KINDS
                 and not (edition == 2019 and kinds.get(f.category) in FIRST_LEVEL_ONLY_2019
                          and first_level.get(f.category) is False)]
    should_stale = [f for f in stale if kinds.get(f.category) in SHOULD_UPDATE_KINDS] + blank
    counters = {"key_columns_stale": len(key_stale), "should_update_stale": len(should_stale),
                "blank_columns": len(blank)}

    reasons: list[str] = []
    for f in findings:
        if f.severity == "veto":
            reason = f"{f.rule}：{f.evidence}"
            if reason not in reasons:
                reasons.append(reason)
    if counters["key_columns_stale"] >= settings.key_columns_stale:
        reasons.append(f"栏目不更新：动态要闻、通知公告、政策文件类栏目 {counters['key_columns_stale']} 个未按期更新"
                       f"（达到 {settings.key_columns_stale} 个，单项否决）")
    if counters["should_update_stale"] >= settings.should_update_stale:
        reasons.append(f"应更新但长期未更新的栏目（含空白栏目）{counters['should_update_stale']} 个"
                       f"（达到 {settings.should_update_stale} 个，单项否决）")
    if counters["blank_columns"] >= settings.blank_columns:
        reasons.append(f"空白栏目 {counters['blank_columns']} 个（达到 {settings.blank_columns} 个，单项否决）")

    warnings: list[str] = []
    if settings.warn_blank_columns < counters["blank_columns"] < settings.blank_columns:
        warnings.append(f"预警：空白栏目 {counters['blank_columns']} 个，超过 {settings.warn_blank_columns} 个"
                        f"（{settings.blank_columns} 个即单项否决）")
    if settings.warn_should_update_stale < counters["should_update_stale"] < settings.should_update_stale:
        warnings.append(f"预警：应更新未更新栏目 {counters['should_update_stale']} 个"
                        f"（{settings.should_update_stale} 个即单项否决）")
    age = facts.get("homepage_age_days")
    if age is not None and settings.warn_homepage_days < age <= facts.get("homepage_limit_days", 14):
        warnings.append(f"预警：首页已 {age} 天未更新（超过 {facts.get('homepage_limit_days', 14)} 天即单项否决）")
    near = facts.get("messages_near_limit")
    if near:  # interaction.unanswered's early warning: open messages past 60 days, not yet past the limit
        warnings.append(f"预警：{near} 条留言已超过 {facts.get('message_warn_days', 60)} 天未回复"
                        f"（超过 {facts.get('message_limit_days', 90)} 天即互动回应差）")

    breakdown: dict[str, dict] = {}
    for f in findings:
        row = breakdown.setdefault(f.rule, {"count": 0, "points": 0.0, "deducted": 0.0})
        row["count"] += 1
        if f.severity == "deduct":
            row["points"] += f.points
    for rule, row in breakdown.items():
        cap = settings.caps.get(rule)
        row["points"] = round(row["points"], 2)
        row["deducted"] = round(min(row["points"], cap) if cap is not None else row["points"], 2)
    deducted = sum(row["deducted"] for row in breakdown.values())
    # A site that could not be fetched was not checked at all: it scores nothing, not a clean 100.
    unreachable = any(f.rule == "site.unreachable" for f in findings)
    total = 0.0 if unreachable else round(max(0.0, 100.0 - deducted), 2)
    return {"score": total, "veto": bool(reasons), "veto_reasons": reasons[:30],
            "early_warnings": warnings, "edition": edition, "counters": counters,
            "breakdown": dict(sorted(breakdown.items()))}
