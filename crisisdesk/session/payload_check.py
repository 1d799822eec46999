"""Whether a stored event's payload holds what its kind's payload type says: the replay's guard.

The payload types (``crisisdesk.vocabulary``) are read leniently: unknown keys are ignored
and optional ones may be missing (older files). What they cannot catch alone is a value of
the wrong type in a damaged or hand-edited file (an entry whose text is a number, a list
where a role id is expected), which would stop a report or an export far from the cause.
``payload_problem`` checks each known key against the annotation of its field, so the
replay reports such an event as an anomaly and skips it.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import fields
from typing import Any

from crisisdesk.vocabulary import PAYLOAD_TYPES, EntryPayload


def payload_problem(kind: str, payload: Any) -> str | None:
    """Say what is wrong with ``payload`` for an event of ``kind``, or None (unknown kinds are not checked here)."""
    if not isinstance(payload, dict):
        return "its payload is not a JSON object"
    hints = _field_types(kind)
    if hints is None:
        return None
    for key, value in payload.items():
        expected = hints.get(key)
        if expected is not None and not _matches(value, expected):
            return f"field {key!r} is {type(value).__name__}, not {_describe(expected)}"
    return None


@functools.cache
def _field_types(kind: str) -> dict[str, Any] | None:
    payload_type = PAYLOAD_TYPES.get(kind)
    if payload_type is None:
        return None
    hints = typing.get_type_hints(payload_type)
    names = {f.name: f.name for f in fields(payload_type)}
    if payload_type is EntryPayload:
        names["kind"] = "entry_kind"  # stored under "kind"
        del names["entry_kind"]
    return {stored: hints[name] for stored, name in names.items() if name in hints}


def _matches(value: Any, expected: Any) -> bool:
    if expected is Any:
        return True
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, option) for option in typing.get_args(expected))
    if expected is type(None):
        return value is None
    if origin in (list, tuple):
        args = typing.get_args(expected)
        inner = args[0] if args else Any
        return isinstance(value, list) and all(_matches(item, inner) for item in value)
    if origin is dict:
        return isinstance(value, dict)
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(expected, type):
        return isinstance(value, expected)
    return True  # an annotation we do not check


def _describe(expected: Any) -> str:
    return str(expected).replace("typing.", "")
