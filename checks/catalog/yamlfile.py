"""A catalog written as YAML: the keys are the fields' names (checks.catalog.fields), top-level
settings nested as the names' dots say (`annual_report: {deadline: "03-31"}`).

This reader checks the file's shape — a mapping at the top, a list of categories, known keys
only, mappings where settings nest — and refuses at the YAML line; build.py checks the values.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .build import Parsed
from .fields import CATEGORY_FIELDS, RULE_FIELDS, SETTING_FIELDS, WRONG_TERM_FIELDS, find_field
from .messages import N_, msg
from .model import RULE_SETTINGS, CatalogError, Where
from .wording import LEADER_FIELDS, TEXT_FIELDS
from .wording import LISTS as WORDING_LISTS

LISTS = ("categories", "rules", "wrong_terms", *WORDING_LISTS)
# Top-level keys: the settings' first parts, the lists, and `meta` (free notes, never read).
TOP_LEVEL = tuple(dict.fromkeys(["name", "categories", *(f.name.split(".")[0] for f in SETTING_FIELDS),
                                 "rules", "wrong_terms", *WORDING_LISTS, "scoring", "meta"]))
_SETTINGS = tuple(f.name for f in SETTING_FIELDS)
# Where settings nest: annual_report, scoring, scoring.veto …
_NESTED = {".".join(f.name.split(".")[:i]) for f in SETTING_FIELDS for i in range(1, f.name.count(".") + 1)}
CAPS_SECTION = "scoring.caps"
_CATEGORY_KEYS = tuple(f.name for f in CATEGORY_FIELDS)
_TERM_KEYS = tuple(f.name for f in WRONG_TERM_FIELDS)
assert set(RULE_SETTINGS) <= {f.name for f in RULE_FIELDS}


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys without a word; a catalog edited by hand then
    silently loses the first value (two update_days in one row). YAML forbids it: so do we."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if key is not None and key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, msg(N_("键「{key}」在同一处出现两次（第一次在第 {line} 行）：请删去一个"), key=key,
                                        line=seen[key]), key_node.start_mark)
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _printable_int(loader, node):
    """PyYAML's int, refused at its line when Python will not read or print it (past 4300 digits,
    or 0x and 4000 hex digits): every message that quotes the value would fail instead."""
    try:
        value = yaml.SafeLoader.construct_yaml_int(loader, node)
        str(value)
    except ValueError:
        raise yaml.constructor.ConstructorError(None, None, msg(N_("数字太长，无法读取")), node.start_mark) from None
    return value


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:int", _printable_int)


def read_yaml(path: Path, raw: bytes) -> Parsed:
    try:
        text = raw.decode("utf-8-sig")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        doc = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader
    except UnicodeDecodeError:
        raise CatalogError(path, msg(N_("不是 UTF-8 编码的文本：请另存为 UTF-8"))) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CatalogError(path, msg(N_("YAML 格式有误：{problem}"), problem=getattr(exc, "problem", None) or exc),
                           line=mark.line + 1 if mark else None) from None
    except ValueError as exc:  # PyYAML builds the values too: a date 2016-02-30, a 5000-digit number
        raise CatalogError(path, msg(N_("YAML 格式有误：有无法读取的值（{error}）"), error=exc)) from None
    except RecursionError:
        raise CatalogError(path, msg(N_("YAML 格式有误：嵌套过深"))) from None
    return _parsed(path, node, doc)


def _parsed(path: Path, node, doc) -> Parsed:
    at = lambda *keys: Where(str(path), line=_line(node, *keys))  # noqa: E731
    if not isinstance(doc, dict):
        raise CatalogError(path, msg(N_("顶层须为映射（键: 值），其中有 categories 栏目列表")))
    unknown = sorted((k for k in doc if k not in TOP_LEVEL), key=str)
    if unknown:
        raise at(unknown[0]).error(msg(N_("未知的顶层键「{key}」（可用：{known}）"), key=unknown[0],
                                       known="、".join(TOP_LEVEL)), unknown[0])
    cats = doc.get("categories")
    if not isinstance(cats, list) or not cats:
        raise at("categories").error(msg(N_("须为非空的栏目列表（每个栏目一项，以 - 开头）")), "categories")
    cats = [_by_name(item, CATEGORY_FIELDS) for item in cats]
    parsed = Parsed(path, [(_row(path, node, "categories", i, item, _CATEGORY_KEYS), item)
                           for i, item in enumerate(cats)])
    _top_settings(parsed, node, doc)
    rules = doc.get("rules")
    if rules is not None:
        if not isinstance(rules, dict):
            raise at("rules").error(msg(N_("须为映射（规则编号: 设置）")), "rules")
        for rule_id, spec in rules.items():
            where = Where(str(path), line=_line(node, "rules", rule_id), name=str(rule_id),
                          columns={"rule": f"「rules.{rule_id}」",
                                   **{key: f"「rules.{rule_id}.{key}」" for key in RULE_SETTINGS}})
            if not isinstance(spec, dict):
                raise where.error(msg(N_("须为映射（{keys}）"), keys="、".join(RULE_SETTINGS)), "rule")
            unknown = sorted((k for k in spec if k not in RULE_SETTINGS), key=str)
            if unknown:
                raise where.error(msg(N_("未知的设置「{key}」（可用：{known}）"), key=unknown[0],
                                      known="、".join(RULE_SETTINGS)), "rule")
            parsed.rules.append((where, {"rule": rule_id, **spec}))
    terms = doc.get("wrong_terms")
    if terms is not None:
        if not isinstance(terms, list):
            raise at("wrong_terms").error(msg(N_("须为列表（每个用语一项，以 - 开头）")), "wrong_terms")
        for i, term in enumerate(terms):
            item = {"term": term} if isinstance(term, str) else _by_name(term, WRONG_TERM_FIELDS)
            parsed.wrong_terms.append((_row(path, node, "wrong_terms", i, item, _TERM_KEYS, what=N_("错误用语")), item))
    for kind, what in WORDING_LISTS.items():
        entries = doc.get(kind)
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise at(kind).error(msg(N_("须为列表（每项一个，以 - 开头）")), kind)
        keys = tuple(f.name for f in (LEADER_FIELDS if kind == "leaders" else TEXT_FIELDS))
        parsed.wording[kind] = [(_row(path, node, kind, i, item, keys, what=what), item) for i, item in enumerate(entries)]
    return parsed


def _by_name(item, fields):
    """A row whose keys are written as the workbook's headers (栏目名称, 更新周期（天）…) read by the
    fields' names, so a clerk's YAML may use the words of the template; unknown keys stay to be refused."""
    if not isinstance(item, dict):
        return item
    named = {}
    for key, value in item.items():
        field = find_field(fields, key) if isinstance(key, str) else None
        named[field.name if field else key] = value
    return named


def _row(path, node, section: str, i: int, item, keys: tuple[str, ...], what: str = N_("栏目")) -> Where:
    name = item.get(keys[0]) if isinstance(item, dict) else None
    where = Where(str(path), entry=i + 1, what=what, line=_line(node, section, i),
                  name=str(name).strip() or None if isinstance(name, (str, int, float)) and not isinstance(name, bool)
                  else None)
    if not isinstance(item, dict):
        raise where.error(msg(N_("每个{what}须为映射（键: 值）"), what=msg(what)))
    unknown = sorted((k for k in item if k not in keys), key=str)
    if unknown:
        raise where.error(msg(N_("未知的键「{key}」（可用：{known}）"), key=unknown[0], known="、".join(keys)),
                          column=f"「{unknown[0]}」")
    return where


def _top_settings(parsed: Parsed, node, doc: dict) -> None:
    """The settings, flattened to their dotted names; the nesting checked on the way."""
    path = str(parsed.path)

    def walk(prefix: str, value, keys: tuple):
        for key, sub in value.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            where = Where(path, line=_line(node, *keys, key))
            if name == CAPS_SECTION:
                if not isinstance(sub, dict):
                    raise where.error(msg(N_("须为映射（规则编号: 最多扣分）")), column=f"「{name}」")
                for rule, most in sub.items():
                    parsed.caps.append((Where(path, line=_line(node, *keys, key, rule)), rule, most))
            elif name in _NESTED:
                if not isinstance(sub, dict):
                    raise where.error(msg(N_("须为映射（键: 值）")), column=f"「{name}」")
                walk(name, sub, (*keys, key))
            elif name in _SETTINGS:
                where.columns[name] = f"「{name}」"
                parsed.settings[name] = (sub, where)
            elif prefix:
                known = [n[len(prefix) + 1:].split(".")[0] for n in (*_SETTINGS, CAPS_SECTION)
                         if n.startswith(prefix + ".")]
                raise where.error(msg(N_("未知的设置「{key}」（可用：{known}）"), key=key,
                                      known="、".join(dict.fromkeys(known))), column=f"「{prefix}」")

    settings = {k: v for k, v in doc.items() if k not in ("categories", "rules", "wrong_terms", *WORDING_LISTS, "meta")}
    walk("", settings, ())


def _line(node, *keys) -> int | None:
    """The YAML line of the value at keys (a mapping key's line; a list item's), or None."""
    line = None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                    line, node = k.start_mark.line + 1, v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line
