"""Events on their way into and out of the session file: drafts, inserts, reads, short lock waits."""

from __future__ import annotations

import json
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


_EVENT_COLUMNS = (Event.seq, Event.kind, Event.real_time, Event.elapsed, Event.scenario_time, Event.payload,
                  Event.event_id, Event.actor)


def read_records(conn, after_seq: int) -> list[EventRecord]:
    """Every stored event with a sequence number above ``after_seq``, in commit order."""
    rows = conn.execute(select(*_EVENT_COLUMNS).where(Event.seq > after_seq).order_by(Event.seq)).all()
    loads = json.loads
    return [EventRecord(seq, kind, rt, el, sc, loads(pl), eid, actor) for seq, kind, rt, el, sc, pl, eid, actor in rows]


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
