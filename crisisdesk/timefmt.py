"""Exercise-time offsets: parsing and formatting ``H:MM`` / ``H:MM:SS``.

Offsets are whole seconds since STARTEX everywhere in the core; strings only exist
at the edges (package files, command line, display). Wall-clock moments (epoch
seconds) are shown in the exercise's time zone, never the machine's: a laptop set to
UTC in a Paris room must print the times the room lived, as the report does.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

# The zone of an exercise that names none (the loader checks any name given is a real zone).
DEFAULT_TIMEZONE = "Europe/Paris"

_OFFSET = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d))?$")


def parse_offset(text: str) -> int:
    """Return the seconds in ``"H:MM"`` or ``"H:MM:SS"``; raise ValueError otherwise."""
    match = _OFFSET.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a time of the form H:MM or H:MM:SS")
    hours, minutes, seconds = match.groups()
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0)


def format_offset(seconds: float, *, with_seconds: bool = True, sign: bool = False) -> str:
    """Format seconds as ``H:MM:SS`` (or ``H:MM``); negative values get a minus sign."""
    total = int(round(seconds))
    prefix = "-" if total < 0 else ("+" if sign else "")
    total = abs(total)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if with_seconds:
        return f"{prefix}{hours}:{minutes:02d}:{secs:02d}"
    return f"{prefix}{hours}:{minutes:02d}"


def exercise_timezone(exercise: Any) -> tzinfo:
    """The time zone an exercise's wall-clock times are shown in (Europe/Paris when it names none)."""
    return ZoneInfo(getattr(exercise, "timezone", None) or DEFAULT_TIMEZONE)


def wall_clock(epoch: float, zone: tzinfo) -> datetime:
    """The moment ``epoch`` (seconds since 1970, UTC) as a date and time in ``zone``."""
    return datetime.fromtimestamp(epoch, zone)


def clock_text(epoch: float, zone: tzinfo | None, *, seconds: bool = True) -> str:
    """``HH:MM:SS`` (or ``HH:MM``) of the moment ``epoch`` in ``zone`` (the machine's when None)."""
    return datetime.fromtimestamp(epoch, zone).strftime("%H:%M:%S" if seconds else "%H:%M")
