"""Checking and applying the inject fields a controller may edit or give to an ad-hoc inject.

Fields travel in events as plain JSON (``normalize`` checks and converts them);
``apply`` turns them back into an ``Inject``. Both sides live here so an edit reads
back exactly as it was written.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from crisisdesk.package.model import CHANNELS, Expected, Inject, Package
from crisisdesk.session.errors import InvalidActionError
from crisisdesk.timefmt import parse_offset

EDITABLE = ("title", "body", "to", "channel", "sender", "at", "notes", "expected", "sets", "objectives",
            "attachments", "manual")


def _offset(value: Any, what: str) -> int:
    if isinstance(value, bool):
        raise _bad(what, value, f"{what}: expected seconds or H:MM, got {value!r}")
    if isinstance(value, int | float):
        seconds = int(round(value))
    elif isinstance(value, str):
        try:
            seconds = parse_offset(value)
        except ValueError as exc:
            raise _bad(what, value, f"{what}: {exc}") from None
    else:
        raise _bad(what, value, f"{what}: expected seconds or H:MM, got {value!r}")
    if seconds < 0:
        raise _bad(what, value, f"{what}: must not be negative")
    return seconds


def _text(value: Any, what: str, *, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _bad(what, value, f"{what}: expected text, got {value!r}")
    if required and not value.strip():
        raise InvalidActionError(f"{what} must not be empty", code="empty", params={"field": what})
    return value


def _bad(field: str, value: Any, message: str) -> InvalidActionError:
    return InvalidActionError(message, code="bad_value", params={"field": field, "value": repr(value)})


def _role_ids(package: Package) -> set[str]:
    return {role.id for role in package.roles}


def normalize(fields: dict[str, Any], package: Package, *, subject: str) -> dict[str, Any]:
    """Check ``fields`` against the package and return them as JSON-ready values."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise InvalidActionError(f"{subject}: cannot edit {', '.join(unknown)} (editable: {', '.join(EDITABLE)})",
                                 code="not_editable", params={"field": unknown, "allowed": list(EDITABLE)})
    roles = _role_ids(package)
    out: dict[str, Any] = {}
    for name, value in fields.items():
        what = f"{subject}: {name}"
        if name in ("title", "sender"):
            out[name] = _text(value, what, required=True)
        elif name in ("body", "notes"):
            out[name] = _text(value, what, required=False)
        elif name == "channel":
            if value not in CHANNELS:
                raise InvalidActionError(f"{what}: {value!r} is not a channel ({', '.join(CHANNELS)})",
                                         code="bad_value", params={"field": what, "value": value,
                                                                   "allowed": list(CHANNELS)})
            out[name] = value
        elif name == "at":
            out[name] = _offset(value, what)
        elif name == "to":
            if value == "all":
                out[name] = "all"
                continue
            if isinstance(value, str):
                value = [value]
            to = [str(v) for v in value]
            if not to:
                raise InvalidActionError(f"{what}: name at least one recipient role, or 'all'", code="empty",
                                         params={"field": what})
            missing = [r for r in to if r not in roles]
            if missing:
                raise InvalidActionError(f"{what}: unknown role {', '.join(missing)}", code="unknown_role",
                                         params={"field": what, "role": missing})
            out[name] = to
        elif name == "expected":
            items = []
            for i, item in enumerate(value or ()):
                if isinstance(item, Expected):
                    item = {"role": item.role, "action": item.action, "within": item.within,
                            **({"criterion": item.criterion} if item.criterion else {})}
                if not isinstance(item, dict) or not {"role", "action", "within"} <= set(item):
                    raise _bad(f"{what}[{i}]", item, f"{what}[{i}]: expected role, action and within")
                if item["role"] not in roles:
                    raise InvalidActionError(f"{what}[{i}]: unknown role {item['role']}", code="unknown_role",
                                             params={"field": f"{what}[{i}]", "role": item["role"]})
                normalized = {"role": item["role"], "action": _text(item["action"], f"{what}[{i}].action", required=True),
                              "within": _offset(item["within"], f"{what}[{i}].within")}
                if item.get("criterion"):  # the package's link to an objective criterion is kept
                    normalized["criterion"] = str(item["criterion"])
                items.append(normalized)
            out[name] = items
        elif name == "sets":
            known = {ind.id for ind in package.exercise.indicators}
            sets = dict(value or {})
            missing = [k for k in sets if k not in known]
            if missing:
                raise InvalidActionError(f"{what}: unknown indicator {', '.join(missing)}", code="unknown_indicator",
                                         params={"field": what, "indicator_id": missing})
            for key, v in sets.items():
                if isinstance(v, bool) or not isinstance(v, int | float | str):
                    raise _bad(f"{what}.{key}", v, f"{what}.{key}: expected a number or a text, got {v!r}")
            out[name] = sets
        elif name == "objectives":
            known = {obj.id for obj in package.exercise.objectives}
            objectives = [str(v) for v in value or ()]
            missing = [o for o in objectives if o not in known]
            if missing:
                raise InvalidActionError(f"{what}: unknown objective {', '.join(missing)}", code="unknown_objective",
                                         params={"field": what, "objective_id": missing})
            out[name] = objectives
        elif name == "attachments":
            out[name] = [str(v) for v in value or ()]
        elif name == "manual":
            out[name] = bool(value)
    return out


def apply(inject: Inject, fields: dict[str, Any], package: Package) -> Inject:
    """Return ``inject`` with the normalized ``fields`` applied."""
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "to":
            if value == "all":
                changes["to"] = tuple(r.id for r in package.roles if r.played)
                changes["to_all"] = True
            else:
                changes["to"] = tuple(value)
                changes["to_all"] = False
        elif name == "expected":
            changes["expected"] = tuple(
                Expected(e["role"], e["action"], int(e["within"]), e.get("criterion")) for e in value
            )
        elif name in ("objectives", "attachments"):
            changes[name] = tuple(value)
        elif name == "sets":
            changes["sets"] = dict(value)
        elif name in EDITABLE:
            changes[name] = value
    return replace(inject, **changes)


def new_inject(inject_id: str, fields: dict[str, Any], package: Package) -> Inject:
    """Build an ad-hoc inject from normalized ``fields`` (which include ``at``)."""
    blank = Inject(id=inject_id, at=int(fields.get("at", 0)), title="", sender="", to=(), channel="face", body="")
    return apply(blank, fields, package)
