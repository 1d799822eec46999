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
    """Say what is wrong with ``payload`` for an event of ``kind``, or None (unknown kinds are not checked here).

    Runs for every event read (58,000 when a long exercise opens), hence the checks made
    once per kind (``_checks``) and a plain ``isinstance`` per value.
    """
    if not isinstance(payload, dict):
        return "its payload is not a JSON object"
    checks = _checks(kind)
    if checks is None:
        return None
    for key, value in payload.items():
        check = checks.get(key)
        if check is not None and not (isinstance(value, check[0]) and (check[1] is None or check[1](value))):
            return f"field {key!r} is {type(value).__name__}, not {check[2]}"
    return None


# (types isinstance accepts, an extra test or None, the annotation in words)
_Check = tuple[tuple[type, ...], Any, str]


@functools.cache
def _checks(kind: str) -> dict[str, _Check] | None:
    payload_type = PAYLOAD_TYPES.get(kind)
    if payload_type is None:
        return None
    hints = typing.get_type_hints(payload_type)
    stored = {f.name: f.name for f in fields(payload_type)}
    if payload_type is EntryPayload:
        stored["kind"] = "entry_kind"  # stored under "kind"
        del stored["entry_kind"]
    checks = {}
    for key, name in stored.items():
        check = _check_for(hints.get(name, Any))
        if check is not None:
            checks[key] = check
    return checks


def _check_for(annotation: Any) -> _Check | None:
    """The check of one annotation, or None when it is not one we check (Any, a dict...)."""
    options = typing.get_args(annotation) if typing.get_origin(annotation) in (typing.Union, types.UnionType) \
        else (annotation,)
    accepted: list[type] = []
    items: list[tuple[type, ...]] = []
    for option in options:
        origin = typing.get_origin(option)
        if option is type(None):
            accepted.append(type(None))
        elif origin in (list, tuple):
            accepted.append(list)
            inner = typing.get_args(option)
            items.append((_plain(inner[0]),) if inner and isinstance(_plain(inner[0]), type) else (object,))
        elif option in (float, int):  # a whole number written as 120.0 is still a number
            accepted += [int, float]
        elif isinstance(option, type) and origin is None:
            accepted.append(_plain(option))
        else:
            return None
    extra = None
    if bool not in accepted and int in accepted:  # JSON true is no number
        extra = _not_bool
    if items:
        wanted = tuple(t for group in items for t in group)
        extra = _list_of(wanted, extra)
    return tuple(accepted), extra, _words(annotation)


def _words(annotation: Any) -> str:
    if isinstance(annotation, type) and typing.get_origin(annotation) is None:
        return annotation.__name__
    return str(annotation).replace("typing.", "")


def _plain(option: Any) -> Any:
    return str if isinstance(option, type) and issubclass(option, str) else option


def _not_bool(value: Any) -> bool:
    return not isinstance(value, bool)


def _list_of(wanted: tuple[type, ...], before):
    def check(value: Any) -> bool:
        if before is not None and not before(value):
            return False
        return not isinstance(value, list) or all(isinstance(item, wanted) for item in value)
    return check
