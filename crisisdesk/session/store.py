"""Events on their way into and out of the session file: drafts, inserts, reads, short lock waits."""

from __future__ import annotations

import json
import math
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select

from crisisdesk.session.schema import Event
from crisisdesk.session.state import EventRecord


@dataclass(frozen=True)
class Draft:
    """An event about to be written."""

    kind: str
    real_time: float
    elapsed: float | None
    scenario_time: datetime | None
    payload: dict[str, Any] = field(default_factory=dict)
    actor: str | None = None
    event_id: str = field(default_factory=lambda: uuid.uuid4().hex)


class ReadTx:
    """Context manager: a connection in a plain (deferred) read transaction."""

    def __init__(self, engine):
        self._engine = engine

    def __enter__(self):
        self._conn = self._engine.connect().execution_options(read_only=True)
        self._tx = self._conn.begin()
        return self._conn

    def __exit__(self, *exc) -> None:
        try:
            self._tx.rollback()
        finally:
            self._conn.close()


# Read as stored, without SQLAlchemy's type processing: a damaged or hand-edited row (a date
# that is no date, text where a number belongs) must become an anomaly, not an exception.
_SELECT_EVENTS = ("SELECT seq, kind, real_time, elapsed, scenario_time, payload, event_id, actor FROM events "
                  "WHERE seq > ? ORDER BY seq")
# Bounds of a sound row: a wall time before the year 5138, an exercise time under 31 years.
MAX_REAL_TIME = 1e11
MAX_ELAPSED = 1e9


def read_records(conn, after_seq: int) -> list[EventRecord]:
    """Every stored event with a sequence number above ``after_seq``, in commit order.

    A row that cannot be read as an event comes back with ``damage`` saying why and
    neutral values (no payload, time 0): the replay reports it and skips it.
    """
    rows = conn.exec_driver_sql(_SELECT_EVENTS, (int(after_seq),)).all()
    return [_record(*row) for row in rows]


def _record(seq, kind, real_time, elapsed, scenario_time, payload, event_id, actor) -> EventRecord:
    kind = kind if isinstance(kind, str) else str(kind)
    event_id = event_id if isinstance(event_id, str) else ("" if event_id is None else str(event_id))
    actor = actor if actor is None or isinstance(actor, str) else str(actor)
    if isinstance(payload, str | bytes):
        try:
            data = json.loads(payload)
        except (ValueError, RecursionError):
            data = None
    else:
        data = None
    damage = ""
    if not isinstance(data, dict):
        damage = "its payload is not a JSON object"
        data = {}
    if not _number(real_time) or not 0 <= real_time < MAX_REAL_TIME:
        damage = damage or f"its real_time {str(real_time)[:30]!r} is not a time"
        real_time = 0.0
    if elapsed is not None and (not _number(elapsed) or abs(elapsed) > MAX_ELAPSED):
        damage = damage or f"its elapsed time {str(elapsed)[:30]!r} is not a time"
        elapsed = None
    if scenario_time is not None:
        try:
            scenario_time = datetime.fromisoformat(scenario_time)
        except (TypeError, ValueError):
            damage = damage or f"its scenario_time {str(scenario_time)[:30]!r} is not a date"
            scenario_time = None
    return EventRecord(seq, kind, float(real_time), None if elapsed is None else float(elapsed), scenario_time,
                       data, event_id, actor, damage)


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def insert_event(conn, draft: Draft) -> EventRecord | None:
    """Insert one event; None if that event id is already stored (an idempotent retry)."""
    exists = conn.execute(select(Event.seq).where(Event.event_id == draft.event_id)).scalar()
    if exists is not None:
        return None
    kind = str(draft.kind)  # an EventKind is stored (and applied) as its plain string
    text = json.dumps(draft.payload, ensure_ascii=False, separators=(",", ":"))
    seq = conn.execute(insert(Event).values(
        event_id=draft.event_id, kind=kind, real_time=draft.real_time, elapsed=draft.elapsed,
        scenario_time=draft.scenario_time, actor=draft.actor, payload=text,
    )).inserted_primary_key[0]
    # Apply what a re-read would give (JSON turns tuples into lists).
    return EventRecord(seq, kind, draft.real_time, draft.elapsed, draft.scenario_time, json.loads(text),
                       draft.event_id, draft.actor)


@contextmanager
def busy_timeout(conn, ms: int, restore_ms: int):
    """Run the block with another busy timeout on this pooled connection, then restore it."""
    raw = conn.connection.driver_connection  # a PRAGMA through SQLAlchemy would begin a transaction
    raw.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(restore_ms)}")
