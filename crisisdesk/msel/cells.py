"""One cell of a chronogramme read as what it holds: text, lines, a number, a delay, an id.

Pure functions, no problems reported: the callers know the cell and say what is wrong.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from crisisdesk.msel.times import normalise
from crisisdesk.package.ids import ITEM_ID, ROLE_ID
from crisisdesk.timefmt import parse_offset


def cell_text(value: object) -> str:
    """A cell as text: 12.0 -> "12", a date -> ISO, None -> ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def long_text(value: str) -> str:
    """Body, notes, summary: trimmed, ending with one newline like a YAML block."""
    value = "\n".join(line.rstrip() for line in value.strip().split("\n"))
    return value + "\n" if value else ""


def lines(value: object) -> tuple[str, ...]:
    """The non-empty lines of a cell (a role's decisions, an objective's criteria)."""
    return tuple(line.strip() for line in cell_text(value).split("\n") if line.strip())


def whole(value: float) -> int | float:
    """12.0 -> 12: a spreadsheet gives every number as a float."""
    return int(value) if float(value).is_integer() else value


def typed(text: str) -> int | float | str:
    """``42`` -> 42, ``41.5`` -> 41.5, ``orange`` -> "orange", ``"42"`` (quoted) -> "42"."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text


def offset_of(value: object) -> int:
    """Seconds since STARTEX of a cell our export wrote: "1:05", an Excel time or a fraction of a day."""
    if isinstance(value, time):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, timedelta):
        return round(value.total_seconds())
    if isinstance(value, float) and 0 <= value < 10:
        return round(value * 86400)
    return parse_offset(cell_text(value))


def clean_id(text: str) -> str:
    """An inject or objective id from a cell: "12.0" -> "12", "Phase 1" -> "phase-1"."""
    text = text.strip()
    if re.fullmatch(r"\d+\.0", text):
        text = text[:-2]
    text = re.sub(r"\s+", "-", normalise(text) if not ITEM_ID.match(text) else text)
    return re.sub(r"[^A-Za-z0-9_.-]", "", text).lstrip("_.-")


def role_id(name: str, taken: set[str]) -> str:
    """A role code for a name: kept if it is one (``DSOL``), else made from its words."""
    text = name.strip()
    if ROLE_ID.match(text) and len(text) <= 24:
        ident = text
    else:
        words = re.sub(r"[^A-Z0-9]+", " ", normalise(text).upper()).split()
        ident = ""
        for word in words:
            if len(ident) + len(word) + 1 > 24:
                break
            ident = f"{ident}-{word}" if ident else word
        ident = ident or (words[0][:24] if words else "ROLE")
    base, n = ident, 2
    while ident in taken:
        ident = f"{base}-{n}"
        n += 1
    return ident


def slug(text: str) -> str:
    """A package id from a file or folder name."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")
    return slug[:60].strip("-") or "chronogramme"
