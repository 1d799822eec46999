"""Reading back a file of unsaved writes (``export_pending``), checked as anything a user hands us.

When the disk is full the writes the session file and the journal beside it could not
take are written to a JSON file the user picks (on a USB key, say). ``read_pending_file``
reads such a file back, so the session can store its writes (``import_pending``) and
nobody types them again. The file may have been edited, cut short or be something
else entirely: it is bounded in size and every write is checked (an observer or
evaluator write, with fields of the right types); the problems are listed all at once
as ``file: write N: message``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisdesk.session.errors import SessionError
from crisisdesk.session.journal import PendingWrite
from crisisdesk.session.payload_check import payload_problem

APPLICATION = "crisisdesk-pending-writes"
# A long exercise's writes are a few megabytes; a file much bigger is not one of ours.
MAX_PENDING_FILE_BYTES = 64 * 1024 * 1024
_EVENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class PendingFile:
    """The writes of an unsaved-writes file, and the session file they were made on."""

    path: Path
    session: str
    writes: tuple[PendingWrite, ...]


def read_pending_file(path: str | Path, observer_kinds: frozenset[str]) -> PendingFile:
    """Read and check an unsaved-writes file; raise SessionError (code ``pending_file_invalid``) listing every problem.

    ``observer_kinds`` are the event kinds such a file may hold (main courante and evaluation).
    """
    path = Path(path)
    params = {"path": str(path)}

    def refuse(reason: str) -> SessionError:
        return SessionError(f"{path}: {reason}", code="pending_file_invalid", params={**params, "reason": reason})

    try:
        if not path.is_file():
            raise refuse("no such file" if not path.exists() else "is not a file")
        size = path.stat().st_size
        if size > MAX_PENDING_FILE_BYTES:
            raise refuse(f"is too big ({size / 1_048_576:.0f} MB) to be a file of unsaved writes")
        raw = path.read_bytes()
    except OSError as exc:
        raise refuse(f"cannot be read: {exc.strerror or exc}") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise refuse("is not a file of unsaved writes written by crisisdesk (not JSON)") from None
    if not isinstance(document, dict) or document.get("application") != APPLICATION:
        raise refuse("is not a file of unsaved writes written by crisisdesk")
    items = document.get("writes")
    if not isinstance(items, list):
        raise refuse("holds no list of writes")
    writes: list[PendingWrite] = []
    problems: list[str] = []
    for number, item in enumerate(items, start=1):
        write, why = _write(item, observer_kinds)
        if write is None:
            problems.append(f"write {number}: {why}")
        else:
            writes.append(write)
    if problems:
        shown = "; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise refuse(f"{len(problems)} damaged write(s), nothing imported: {shown}")
    session = document.get("session")
    return PendingFile(path, session if isinstance(session, str) else "", tuple(writes))


def _write(item: Any, observer_kinds: frozenset[str]) -> tuple[PendingWrite | None, str]:
    """The write in ``item``, or why it is not one."""
    if not isinstance(item, dict):
        return None, "is not a write (a JSON object)"
    event_id, kind = item.get("event_id"), item.get("kind")
    if not isinstance(event_id, str) or not _EVENT_ID.match(event_id):
        return None, "has no valid event_id"
    if kind not in observer_kinds:
        return None, f"kind {str(kind)[:30]!r} is not a main-courante or evaluation write"
    real_time, elapsed = item.get("real_time"), item.get("elapsed")
    if not _finite(real_time) or not 0 <= float(real_time or 0) < 1e11:  # up to the year 5138
        return None, "has no valid real_time"
    if elapsed is not None and (not _finite(elapsed) or abs(float(elapsed)) > 1e9):
        return None, "has an invalid elapsed time"
    scenario = item.get("scenario_time")
    if scenario is not None:
        try:
            scenario = datetime.fromisoformat(scenario) if isinstance(scenario, str) else None
        except ValueError:
            scenario = None
        if scenario is None:
            return None, "has an invalid scenario_time"
    actor, payload, error = item.get("actor"), item.get("payload"), item.get("error", "")
    if actor is not None and not isinstance(actor, str):
        return None, "has an invalid actor"
    if not isinstance(payload, dict):
        return None, "has no payload object"
    wrong = payload_problem(kind, payload)
    if wrong:
        return None, wrong
    if not isinstance(error, str):
        error = ""
    return PendingWrite(event_id, kind, float(real_time or 0), None if elapsed is None else float(elapsed), scenario,
                        actor, payload, error), ""


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
