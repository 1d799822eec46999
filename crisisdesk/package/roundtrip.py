"""Write edited package data back into YAML text the way a person would have written it.

ruamel.yaml is the round-trip library: it loads a file into mappings and lists that
remember their comments, key order, quoting and block styles, and dumps them back
unchanged where nothing changed. PyYAML (which the loader uses) throws all of that away.

The editor works on plain data (str, list, dict: the text as written, as the loader
reads it). :func:`merge_into` carries the differences between the data as loaded and as
edited into the ruamel tree of the same text, key by key, so every untouched value keeps
its original form; :func:`fresh_value` gives a new value the form the format documents
(times and colours quoted, numbers bare, several-line texts as ``|`` blocks, id lists in
``[A, B]`` flow style).
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

# The order the format documents for each kind of record; new keys are put in place.
KEY_ORDER: dict[str, tuple[str, ...]] = {
    "exercise": ("format", "id", "title", "language", "summary", "duration", "timezone", "issuer", "distribution",
                 "phases", "indicators", "objectives", "readiness"),
    "phase": ("at", "title", "scenario_time", "scale"),
    "indicator": ("id", "label", "unit", "initial"),
    "objective": ("id", "title", "criteria"),
    "role": ("id", "name", "kind", "mission", "decisions", "resources", "contacts", "color"),
    "inject": (
        "id", "at", "title", "from", "to", "channel", "body", "expected", "objectives",
        "attachments", "sets", "notes", "manual", "contingency_for",
    ),
    "expected": ("role", "action", "within", "criterion"),
    "readiness": (
        "window", "max_responses_due", "max_injects_received", "max_dead_time", "max_quiet",
        "min_injects_per_objective", "briefings",
    ),
}
# Kind of the records a list field holds.
ITEM_KIND = {
    "phases": "phase", "indicators": "indicator", "objectives": "objective", "expected": "expected",
    "readiness": "readiness",  # a mapping, not a list: its own key order
}
QUOTED = frozenset({"at", "duration", "within", "scenario_time", "color", "window", "max_dead_time", "max_quiet"})
NUMERIC = frozenset({"scale", "initial", "max_responses_due", "max_injects_received", "min_injects_per_objective"})
FLOW_LISTS = frozenset({"to", "attachments", "briefings"})  # ids and paths: short, one line
FLOW_LIST_IN_INJECT = frozenset({"objectives"})  # in an exercise, objectives are records
BOOLEAN = frozenset({"manual"})

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


def make_yaml() -> YAML:
    """The one ruamel configuration: the house layout (2-space maps, lists indented under their key)."""
    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the author wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dedent_root_list(text: str) -> str:
    """ruamel indents a top-level list like a nested one; our files start items at column 0."""
    return "".join(line[2:] if line.startswith("  ") else line for line in text.splitlines(True))


def load(text: str) -> Any:
    return make_yaml().load(text)


def dump(data: Any) -> str:
    out = io.StringIO()
    if isinstance(data, list):
        make_yaml().dump(data, out, transform=dedent_root_list)
    else:
        make_yaml().dump(data, out)
    return out.getvalue()


def as_number(text: Any) -> Any:
    """A number written as text becomes the number; anything else stays as it is."""
    if isinstance(text, str):
        stripped = text.strip()
        if _INT.match(stripped):
            return int(stripped)
        if _FLOAT.match(stripped):
            return float(stripped)
    return text


def fresh_value(key: str | None, value: Any, kind: str) -> Any:
    """Give a new value of field ``key`` (in a record of ``kind``) its documented YAML form."""
    if isinstance(value, dict):
        if key == "sets":
            out = CommentedMap()
            for k, v in value.items():
                out[k] = as_number(v)
            return out
        return fresh_record(value, ITEM_KIND.get(key or "", kind))
    if isinstance(value, list):
        seq = CommentedSeq()
        item_kind = ITEM_KIND.get(key or "", "")
        if key == "objectives" and kind == "inject":
            item_kind = ""
        for item in value:
            seq.append(fresh_value(None, item, item_kind) if isinstance(item, dict) else fresh_text(None, item))
        if key in FLOW_LISTS or (key in FLOW_LIST_IN_INJECT and kind == "inject"):
            seq.fa.set_flow_style()
        return seq
    if key in BOOLEAN:
        if isinstance(value, str):
            return value.strip().lower() in ("true", "yes", "on", "1")
        return bool(value)
    if key in NUMERIC:
        return as_number(value)
    return fresh_text(key, value)


def fresh_text(key: str | None, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in QUOTED:
        return DoubleQuotedScalarString(value)
    if "\n" in value.rstrip("\n"):
        return LiteralScalarString(value if value.endswith("\n") else value + "\n")
    return value


def fresh_record(data: dict, kind: str) -> CommentedMap:
    out = CommentedMap()
    for key in ordered_keys(data, kind):
        out[key] = fresh_value(key, data[key], kind)
    return out


def ordered_keys(data: dict, kind: str) -> list[str]:
    order = KEY_ORDER.get(kind, ())
    known = [k for k in order if k in data]
    return known + [k for k in data if k not in order]


def child_kind(key: str, kind: str) -> str:
    """Kind of what field ``key`` of a ``kind`` record holds ("" for plain texts)."""
    if key == "sets":
        return "sets"
    if key == "objectives" and kind == "inject":
        return ""
    return ITEM_KIND.get(key, "")


def merge_into(target: Any, old: Any, new: Any, kind: str) -> Any:
    """Carry the change from ``old`` to ``new`` into ``target`` (the ruamel form of ``old``).

    Returns the updated target (a new object when it could not be updated in place).
    Untouched values keep their ruamel objects, hence their comments and styles.
    """
    if old == new:
        return target
    if isinstance(new, dict) and isinstance(old, dict) and isinstance(target, CommentedMap):
        for key in [k for k in target if k not in new]:
            del target[key]
        order = KEY_ORDER.get(kind, ())
        for key, value in new.items():
            if key in target and key in old:
                if old[key] == value:
                    continue
                if isinstance(value, list | dict) and isinstance(old[key], list | dict):
                    target[key] = merge_into(target[key], old[key], value, child_kind(key, kind))
                else:
                    target[key] = changed_scalar(key, target[key], value, kind)
                continue
            fresh = fresh_value(key, value, kind)
            if key in target:
                target[key] = fresh
            else:
                target.insert(_insert_position(target, key, order), key, fresh)
        return target
    if kind == "sets":
        if isinstance(new, dict) and isinstance(target, CommentedMap):
            for key in [k for k in target if k not in new]:
                del target[key]
            for key, value in new.items():
                if key not in target or old.get(key) != value:
                    target[key] = as_number(value)
            return target
        return fresh_value("sets", new, "inject")
    if isinstance(new, list) and isinstance(old, list) and isinstance(target, CommentedSeq) and len(old) == len(target):
        if not kind or not all(isinstance(x, dict) for x in new):
            return _merge_scalar_list(target, old, new)
        common = min(len(old), len(new))
        for index in range(common):
            target[index] = merge_into(target[index], old[index], new[index], kind)
        del target[common:]
        for item in new[common:]:
            target.append(fresh_value(None, item, kind) if isinstance(item, dict) else fresh_text(None, item))
        return target
    if isinstance(new, list | dict):
        return fresh_value(None, new, kind)
    return changed_scalar(None, target, new, kind)


def changed_scalar(key: str | None, target: Any, new: Any, kind: str) -> Any:
    """A changed single value keeps the quoting or block style its author gave it."""
    if isinstance(new, str):
        if isinstance(target, DoubleQuotedScalarString):
            return DoubleQuotedScalarString(new)
        if isinstance(target, SingleQuotedScalarString):
            return SingleQuotedScalarString(new)
        if isinstance(target, FoldedScalarString) and "\n" not in new.strip():
            return folded(new, target.endswith("\n"))
    if key is None:
        if isinstance(target, bool):
            return fresh_value("manual", new, kind)
        if isinstance(target, int | float):
            return as_number(new)
    return fresh_value(key, new, kind)


def folded(text: str, final_newline: bool, width: int = 88) -> FoldedScalarString:
    """A ``>`` text folded near ``width`` columns, as its author had it."""
    text = text.strip() + ("\n" if final_newline else "")
    value = FoldedScalarString(text)
    folds: list[int] = []
    line_start, last_space = 0, None
    for match in re.finditer(" ", text):
        if match.start() - line_start > width and last_space is not None and last_space > line_start:
            folds.append(last_space)
            line_start = last_space + 1
        last_space = match.start()
    value.fold_pos = folds
    return value


def _merge_scalar_list(target: CommentedSeq, old: list, new: list) -> CommentedSeq:
    """A list of texts: keep the items that stayed, in the new order, and the list's style."""
    kept: dict[str, Any] = {}
    for original, item in zip(old, target, strict=True):
        kept.setdefault(repr(original), item)
    flow = target.fa.flow_style()
    seq = CommentedSeq()
    for value in new:
        original = kept.pop(repr(value), None)
        seq.append(original if original is not None else fresh_text(None, value))
    if flow:
        seq.fa.set_flow_style()
    else:
        seq.fa.set_block_style()
    if target.ca.comment:  # a comment right after the key stays there
        seq.ca.comment = target.ca.comment
    return seq


def _insert_position(target: CommentedMap, key: str, order: tuple[str, ...]) -> int:
    """Where ``key`` goes among ``target``'s keys: after the last one that comes before it in the format."""
    if key not in order:
        return len(target)
    rank = order.index(key)
    position = 0
    for index, existing in enumerate(target):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    return position
