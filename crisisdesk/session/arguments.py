"""Checking the arguments of session actions: ids, whole numbers, texts, dates (each refusal with its code)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from crisisdesk.session.errors import InvalidActionError
from crisisdesk.session.state import InjectStatus


class AlreadyDone(InvalidActionError):
    """The inject was fired or skipped meanwhile (by another window, or a moment ago)."""


def unknown_inject(inject_id: str) -> InvalidActionError:
    """Return the refusal for an inject id the session does not know."""
    return InvalidActionError(f"unknown inject {inject_id!r}", code="unknown_inject", params={"inject_id": inject_id})


def already_done(inject_id: str, status: InjectStatus) -> AlreadyDone:
    """Return the refusal for an inject already fired or skipped."""
    code = "already_fired" if status is InjectStatus.FIRED else "already_skipped"
    return AlreadyDone(f"inject {inject_id} is already {status.value}", code=code, params={"inject_id": inject_id})


def whole(value: Any, what: str) -> int:
    """Return ``value`` if it is a whole number (not a bool); refuse it otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidActionError(f"{what}: expected a whole number, got {value!r}", code="bad_value",
                                 params={"field": what, "value": repr(value)})
    return value


def required_text(value: Any, what: str) -> str:
    """Return ``value`` if it is a text with something in it; refuse it otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidActionError(f"{what} must not be empty", code="empty", params={"field": what})
    return value


def iso_date(value: date | str | None) -> str | None:
    """Return a date (or YYYY-MM-DD text) as ISO text, None if empty; refuse anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InvalidActionError(f"due date {value!r} is not a date (YYYY-MM-DD)", code="bad_date",
                                 params={"field": "due_date", "value": str(value)}) from None


def client_id(event_id: str | None) -> str:
    """Return the client's id for a user action, or a new one."""
    if event_id is None:
        return uuid.uuid4().hex
    if not isinstance(event_id, str) or not 0 < len(event_id) <= 64:
        raise InvalidActionError(f"event id must be a text of 1 to 64 characters, got {event_id!r}", code="bad_id",
                                 params={"field": "event_id", "value": repr(event_id)})
    return event_id


def indicator_value(text: str, initial: Any, unit: str = "", label: str = "value") -> int | float | str:
    """Return the value a controller typed for an indicator, as the kind its package value has.

    A figure stays a figure (``"48"`` → 48, ``"47,6"`` → 47.6: the French decimal comma too; a
    trailing unit as the package writes it, ``"48 °C"``, is accepted), so the report can follow it;
    a level such as ``rouge`` stays text. Empty text is refused; ``label`` names the indicator.
    """
    text = required_text(text, label).strip()
    if isinstance(initial, int | float) and not isinstance(initial, bool):
        number = text[: -len(unit)] if unit and text.endswith(unit) else text
        number = number.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            value = float(number)
        except ValueError:
            raise InvalidActionError(f"indicator value {text!r}: a number was expected", code="bad_value",
                                     params={"field": label, "value": text}) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidActionError(f"indicator value {text!r}: not a finite number", code="bad_value",
                                     params={"field": label, "value": text})
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return text
