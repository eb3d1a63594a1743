"""Titles beside a name: which title a page gives a leader, and whether a leader may have it.

A title is read only where it touches the name ("副局长王某某", "王某某副局长", spaces allowed): a name
without a title beside it says nothing about titles. The longest title that touches it counts, so
副市长 is read whole and never as 市长.
"""
from __future__ import annotations

# Titles government pages put beside a name. The leaders list's own titles are added to these.
TITLE_WORDS = (
    "书记", "副书记", "党委书记", "党委副书记", "党组书记", "党组副书记", "党组成员", "党委委员", "纪委书记",
    "纪检组长", "常委", "委员", "主席", "副主席", "省长", "副省长", "市长", "副市长", "常务副市长", "代市长",
    "县长", "副县长", "常务副县长", "代县长", "区长", "副区长", "常务副区长", "代区长", "镇长", "副镇长",
    "乡长", "副乡长", "部长", "副部长", "厅长", "副厅长", "局长", "副局长", "常务副局长", "主任", "副主任",
    "常务副主任", "处长", "副处长", "科长", "副科长", "秘书长", "副秘书长", "总经济师", "总工程师",
    "总会计师", "总督察", "调研员", "巡视员", "一级巡视员", "二级巡视员", "督察长", "署长", "副署长",
    "院长", "副院长", "检察长", "副检察长", "行长", "社长", "台长", "馆长", "所长", "站长", "队长",
    # Longer titles that start or end like one above, read whole so that neither is mistaken for it.
    "市长助理", "县长助理", "区长助理", "局长助理", "主任助理", "主任科员", "副主任科员", "一级主任科员",
    "二级主任科员", "三级主任科员", "四级主任科员", "一级调研员", "二级调研员", "三级调研员", "四级调研员",
)
# What may follow a name that ends there ("王某某同志", "王某某指出"): a name followed by another
# character is perhaps the start of a longer name (王某某 in 王某某东), so a title error there is
# only suspected.
NAME_FOLLOWERS = (
    "同志", "指出", "强调", "主持", "表示", "要求", "出席", "参加", "讲话", "带队", "一行", "介绍", "调研",
    "视察", "看望", "慰问", "会见", "听取", "率", "在", "等", "和", "与", "及", "说", "作", "对", "为",
    "到", "的", "是", "就", "向", "同", "还", "代表", "分别", "一同", "陪同",
)
_SPACES = " \t\u3000\u00a0"


def title_before(text: str, start: int, vocabulary: frozenset[str], longest: int) -> str | None:
    """The longest title ending right before `start` (spaces between allowed)."""
    end = start
    while end > 0 and text[end - 1] in _SPACES:
        end -= 1
    for n in range(min(longest, end), 0, -1):
        if text[end - n:end] in vocabulary:
            return text[end - n:end]
    return None


def title_after(text: str, end: int, vocabulary: frozenset[str], longest: int) -> str | None:
    """The longest title starting right after `end` (spaces between allowed)."""
    while end < len(text) and text[end] in _SPACES:
        end += 1
    for n in range(min(longest, len(text) - end), 0, -1):
        if text[end:end + n] in vocabulary:
            return text[end:end + n]
    return None


def name_ends_here(text: str, end: int) -> bool:
    """The name plainly ends at `end`: the text ends, a non-Chinese character, or a word that
    follows names."""
    if end >= len(text) or not is_cjk(text[end]):
        return True
    return text.startswith(NAME_FOLLOWERS, end)


def is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def compatible(found: str, allowed: str) -> bool:
    """A title written as `found` may stand for `allowed`: the same, or one the other with a
    qualifier before it (书记 for 市委书记, 常务副市长 for 副市长) — never one a 副 (deputy) or
    代 (acting) apart (市长 for 副市长, 副局长 for 局长)."""
    if found == allowed:
        return True
    longer, shorter = (found, allowed) if len(found) > len(allowed) else (allowed, found)
    if not longer.endswith(shorter):
        return False
    qualifier = longer[:-len(shorter)]
    return not qualifier.endswith(("副", "代"))


def allowed(found: str, titles: tuple[str, ...]) -> bool:
    return any(compatible(found, t) for t in titles)
