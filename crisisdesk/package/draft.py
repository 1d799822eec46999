"""Reading a package being edited, leniently: what the editor shows while the data is half-typed.

The loader is strict (a package is usable or not); the editor must draw the table and the
timeline at every keystroke, so these helpers read what they can and skip the rest.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from crisisdesk.package.model import Phase, scenario_time_at
from crisisdesk.timefmt import format_offset, parse_offset

QUARTER = 15 * 60


def offset(text: Any) -> int | None:
    """Seconds of an ``H:MM[:SS]`` text, or None if it is not one."""
    if not isinstance(text, str):
        return None
    try:
        return parse_offset(text)
    except ValueError:
        return None


def offset_text(seconds: int) -> str:
    """The text the format wants for ``seconds`` (seconds shown only when there are some)."""
    return format_offset(max(0, seconds), with_seconds=bool(seconds % 60))


def phases(exercise: dict) -> list[Phase]:
    """The readable phases of an exercise mapping, in time order."""
    found = []
    for item in exercise.get("phases") or []:
        if not isinstance(item, dict):
            continue
        at = offset(item.get("at"))
        try:
            when = datetime.fromisoformat(str(item.get("scenario_time", "")).strip())
            scale = float(item.get("scale") or 1)
        except ValueError:
            continue
        if at is None or when.tzinfo is not None or scale <= 0:
            continue
        found.append(Phase(at=at, title=str(item.get("title", "")), scenario_time=when, scale=scale))
    return sorted(found, key=lambda p: p.at)


def scenario_time(found_phases: list[Phase], seconds: int | None) -> datetime | None:
    if seconds is None or not found_phases:
        return None
    return scenario_time_at(found_phases, seconds)


def played_roles(roles: list) -> list[str]:
    return [r["id"] for r in roles if isinstance(r, dict) and isinstance(r.get("id"), str)
            and r.get("kind") != "simulated"]


def recipients(inject: dict, roles: list) -> list[str]:
    """Role ids an inject goes to (``all``: every played role)."""
    to = inject.get("to")
    if isinstance(to, str):
        return played_roles(roles) if to.strip() == "all" else []
    if isinstance(to, list):
        return [r for r in to if isinstance(r, str)]
    return []


def expected_of(inject: dict) -> list[tuple[str, str, int]]:
    """(role, action, within seconds) of each readable expected response."""
    out = []
    for item in inject.get("expected") or []:
        if isinstance(item, dict):
            within = offset(item.get("within"))
            if within and isinstance(item.get("role"), str):
                out.append((item["role"], str(item.get("action", "")), within))
    return out


def is_manual(inject: dict) -> bool:
    """Manual as the loader reads it: written true, or a contingency that does not say false."""
    value = inject.get("manual")
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip():
        return value.strip().lower() in ("true", "yes", "on")
    return bool(str(inject.get("contingency_for") or "").strip())

