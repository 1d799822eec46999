"""The heart of a ``Session``: the open file, the replayed state, reading, and the one way to write events.

``EventStore`` holds the engine, the package and the ``Replayer``. Every event of an
open session goes in through ``write`` (only ``created`` is written with the new file,
by ``files.py``): under the write lock it first applies the events other windows
committed, then builds the new events from that latest state, inserts them and
applies them. The other parts of a session hold the store as a collaborator: the
controller actions (``actions.py``), the courante writes (``courante.py``, with the
kept writes of ``pending.py``) and the crash recovery (``recovery.py``, whose
heartbeat writes a fact in the meta table, not an event).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError

from crisisdesk.clock import ClockError, ClockState, TimeSource
from crisisdesk.package.model import Package
from crisisdesk.session import files
from crisisdesk.session.db import BUSY_TIMEOUT_MS, checkpoint
from crisisdesk.session.errors import (
    InvalidActionError,
    ReadOnlySessionError,
    SessionError,
    WriteFailedError,
)
from crisisdesk.session.replay import Replayer
from crisisdesk.session.schema import Meta, PackageFile
from crisisdesk.session.snapshot import StoredPackage, safe_relpath
from crisisdesk.session.state import EventRecord, SessionState
from crisisdesk.session.store import Draft, ReadTx, insert_event, read_records
from crisisdesk.vocabulary import Payload


class EventStore:
    """An open session file: the replayed state, reads, and the one way to write events (``write``).

    What the other parts of a session use: ``path``, ``package``, ``read_only``,
    ``observer``, ``engine``, ``time``, ``closed``, ``busy_timeout_ms``; ``replayer``
    (read it: only the store applies events); ``write``/``commit``; ``draft``/``times``;
    the ``require_*`` checks; ``write_error``/``failure`` to describe a database error.
    """

    def __init__(self, path: Path, engine, extracted: StoredPackage, time_source: TimeSource, *,
                 read_only: bool, observer: str | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self.read_only = read_only
        self.observer = observer
        self.engine = engine
        self._extracted = extracted
        self.package: Package = extracted.package
        self.time = time_source
        self.replayer = Replayer(self.package)
        self._state: SessionState | None = None
        self._state_key: tuple | None = None
        self.closed = False

    def close(self) -> None:
        """Close the file, its write-ahead log copied into the main file."""
        if self.closed:
            return
        if not self.read_only:
            # Into the main file: another window may keep the -wal file open after us.
            checkpoint(self.engine)
        self.closed = True
        self.engine.dispose()
        self._extracted.cleanup()

    def attachment_bytes(self, relpath: str) -> bytes:
        """Return the content of a package file (e.g. ``media/plan.pdf``) from the snapshot."""
        try:
            key = safe_relpath(relpath).as_posix()
        except ValueError as exc:
            raise SessionError(str(exc), code="bad_path", params={"path": relpath}) from None
        with self.read() as conn:
            data = conn.execute(select(PackageFile.data).where(PackageFile.path == key)).scalar()
        if data is None:
            raise SessionError(f"{self.path.name}: no file {key} in the stored package", code="no_such_attachment",
                               params={"path": key})
        return bytes(data)

    @property
    def state(self) -> SessionState:
        """The state derived from the events, as of now (cached; rebuilt when events arrive or a second passes)."""
        now = self.time.now()
        clock = self.replayer.clock
        tick = int(clock.elapsed(now)) if clock.state is ClockState.RUNNING else -1
        key = (self.replayer.version, tick)
        if self._state is None or key != self._state_key:
            self._state = self.replayer.snapshot(now)
            self._state_key = key
        return self._state

    def refresh(self) -> bool:
        """Read the events other processes committed since the last look; True if anything changed.

        Only reads (WAL: never waits for a writer), so the UI may call it often.
        """
        if self.closed:
            return False
        try:
            with self.read() as conn:
                records = self.fetch(conn)
        except OperationalError as exc:
            if files.is_locked(exc):
                return False  # try again at the next refresh
            raise SessionError(f"{self.path.name}: cannot read the session file: {files.reason(exc)}", code="read_failed",
                               params={"path": str(self.path), "reason": files.reason(exc)}) from None
        self.apply(records)
        return bool(records)

    def events_since(self, seq: int = 0) -> list[EventRecord]:
        """Every stored event (controller and courante) with a sequence number above ``seq``."""
        with self.read() as conn:
            return read_records(conn, seq)

    def meta(self) -> dict[str, str]:
        """Facts stored with the file (application, schema version, package, creation time...)."""
        with self.read() as conn:
            return dict(conn.execute(select(Meta.key, Meta.value)).all())

    def load(self) -> None:
        """Read and apply every stored event (at open)."""
        with self.read() as conn:
            self.apply(self.fetch(conn))

    # -- reading and writing -------------------------------------------------------------

    def read(self):
        """A read transaction (plain BEGIN: never waits for a writer)."""
        return ReadTx(self.engine)

    def fetch(self, conn) -> list[EventRecord]:
        return read_records(conn, self.replayer.last_seq)

    def apply(self, records: list[EventRecord]) -> None:
        for rec in records:
            self.replayer.apply(rec)

    def write(self, build: Callable[[float], list[Draft]], *, at: float | None = None,
              after: Callable[[Any, list[EventRecord]], None] | None = None) -> list[EventRecord]:
        """Write events: the one way events go into the file. Return the records stored.

        In one transaction, under the write lock: apply what other windows committed,
        call ``build(now)`` on that latest state (``now`` is ``at``, default the time
        source's now, never before the last stored event), insert its drafts (a draft
        whose event id is stored already is skipped: an idempotent retry), call
        ``after(conn, records)`` if given, commit, then apply. Database errors propagate: the
        caller says what became of the write.
        """
        with self.engine.begin() as conn:
            self.apply(self.fetch(conn))
            # Never before the last stored event: the clock must not run backwards.
            now = max(self.time.now() if at is None else at, self.replayer.last_real_time)
            drafts = build(now)
            records = [r for r in (insert_event(conn, d) for d in drafts) if r is not None]
            if after is not None:
                after(conn, records)
        self.apply(records)
        return records

    def commit(self, build: Callable[[float], list[Draft]]) -> list[EventRecord]:
        """``write`` for a controller action: a failure changes nothing and says so (WriteFailedError, pending=False)."""
        try:
            return self.write(build)
        except (OperationalError, DBAPIError) as exc:
            raise WriteFailedError(f"{self.write_error(exc)} Nothing was changed; try again.", pending=False,
                                   **self.failure(exc)) from None
        except ClockError as exc:
            raise InvalidActionError(str(exc), code=exc.code, params=exc.params) from None

    def draft(self, payload: Payload, now: float, actor: str | None = None, event_id: str | None = None) -> Draft:
        """The event carrying ``payload`` (its kind is the payload's), stamped with the times at ``now``."""
        elapsed, scenario = self.times(now)
        return Draft(payload.kind, now, elapsed, scenario, payload.to_payload(), actor, event_id or uuid.uuid4().hex)

    def times(self, now: float) -> tuple[float | None, datetime | None]:
        clock = self.replayer.clock
        if clock.state is ClockState.READY:
            return None, None
        elapsed = clock.elapsed(now)
        return elapsed, clock.scenario_time_at(elapsed)

    # -- checks --------------------------------------------------------------------------

    def require_in_play(self, what: str) -> None:
        state = self.replayer.clock.state
        if state is ClockState.READY:
            raise InvalidActionError(f"cannot {what}: the exercise has not started", code="not_started",
                                     params={"action": what})
        if state is ClockState.ENDED:
            raise InvalidActionError(f"cannot {what}: the exercise has ended", code="ended", params={"action": what})

    def require_not_ended(self, what: str) -> None:
        if self.replayer.clock.state is ClockState.ENDED:
            raise InvalidActionError(f"cannot {what}: the exercise has ended", code="ended", params={"action": what})

    def require_role(self, role: str) -> None:
        if role not in {r.id for r in self.package.roles}:
            raise InvalidActionError(f"unknown role {role!r}", code="unknown_role", params={"role": role})

    def require_objective(self, objective_id: str) -> None:
        if objective_id not in {o.id for o in self.package.exercise.objectives}:
            raise InvalidActionError(f"unknown objective {objective_id!r}", code="unknown_objective",
                                     params={"objective_id": objective_id})

    def require_writable(self) -> None:
        if self.closed:
            raise SessionError(f"{self.path.name}: the session is closed", code="closed",
                               params={"path": str(self.path)})
        if self.read_only:
            raise ReadOnlySessionError(f"{self.path.name}: opened read-only; nothing can be changed",
                                       params={"path": str(self.path)})

    # -- describing a database error -----------------------------------------------------

    def write_error(self, exc: Exception) -> str:
        return f"{self.path.name}: could not save ({files.reason(exc)})."

    def failure(self, exc: Exception, **params: Any) -> dict[str, Any]:
        """The ``code`` and ``params`` of a WriteFailedError for a database error."""
        return {"code": files.failure_code(exc), "params": {"path": str(self.path), "reason": files.reason(exc), **params}}
