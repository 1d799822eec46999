"""The heart of a ``Session``: the open file, the replayed state, reading, and one committed write.

``SessionCore`` holds the engine, the package and the ``Replayer``. Every write goes
through ``_commit``: under the write lock it first applies the events other windows
committed, then builds the new events from that latest state, inserts them and
applies them. The controller actions, the courante writes, the kept writes and the
crash recovery build on it (``actions.py``, ``courante.py``, ``pending.py``,
``recovery.py``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Self

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
from crisisdesk.session.snapshot import ExtractedPackage, safe_relpath
from crisisdesk.session.state import EventRecord, SessionState
from crisisdesk.session.store import Draft, ReadTx, insert_event, read_records


class SessionCore:
    """An open session file: the replayed state, reads, and the one way to commit events."""

    def __init__(self, path: Path, engine, extracted: ExtractedPackage, time_source: TimeSource, *,
                 read_only: bool, observer: str | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms
        self.read_only = read_only
        self.observer = observer
        self._engine = engine
        self._extracted = extracted
        self.package: Package = extracted.package
        self._time = time_source
        self._replayer = Replayer(self.package)
        self._state: SessionState | None = None
        self._state_key: tuple | None = None
        self._closed = False

    def close(self) -> None:
        """Close the file, its write-ahead log copied into the main file."""
        if self._closed:
            return
        if not self.read_only:
            # Into the main file: another window may keep the -wal file open after us.
            checkpoint(self._engine)
        self._closed = True
        self._engine.dispose()
        self._extracted.cleanup()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def attachment_bytes(self, relpath: str) -> bytes:
        """Return the content of a package file (e.g. ``media/plan.pdf``) from the snapshot."""
        try:
            key = safe_relpath(relpath).as_posix()
        except ValueError as exc:
            raise SessionError(str(exc), code="bad_path", params={"path": relpath}) from None
        with self._read() as conn:
            data = conn.execute(select(PackageFile.data).where(PackageFile.path == key)).scalar()
        if data is None:
            raise SessionError(f"{self.path.name}: no file {key} in the stored package", code="no_such_attachment",
                               params={"path": key})
        return bytes(data)

    @property
    def state(self) -> SessionState:
        """The state derived from the events, as of now (cached; rebuilt when events arrive or a second passes)."""
        now = self._time.now()
        clock = self._replayer.clock
        tick = int(clock.elapsed(now)) if clock.state is ClockState.RUNNING else -1
        key = (self._replayer.version, tick)
        if self._state is None or key != self._state_key:
            self._state = self._replayer.snapshot(now)
            self._state_key = key
        return self._state

    def refresh(self) -> bool:
        """Read the events other processes committed since the last look; True if anything changed.

        Only reads (WAL: never waits for a writer), so the UI may call it often.
        """
        if self._closed:
            return False
        try:
            with self._read() as conn:
                records = self._fetch(conn)
        except OperationalError as exc:
            if files.is_locked(exc):
                return False  # try again at the next refresh
            raise SessionError(f"{self.path.name}: cannot read the session file: {files.reason(exc)}", code="read_failed",
                               params={"path": str(self.path), "reason": files.reason(exc)}) from None
        self._apply(records)
        return bool(records)

    def events_since(self, seq: int = 0) -> list[EventRecord]:
        """Every stored event (controller and courante) with a sequence number above ``seq``."""
        with self._read() as conn:
            return read_records(conn, seq)

    def meta(self) -> dict[str, str]:
        """Facts stored with the file (application, schema version, package, creation time...)."""
        with self._read() as conn:
            return dict(conn.execute(select(Meta.key, Meta.value)).all())

    def elapsed(self) -> float:
        """Exercise time now."""
        return self._replayer.clock.elapsed(self._time.now())

    def now(self) -> float:
        """Wall time from the session's time source."""
        return self._time.now()


    # -- internals ---------------------------------------------------------------------

    def _read(self):
        """A read transaction (plain BEGIN: never waits for a writer)."""
        return ReadTx(self._engine)

    def _fetch(self, conn) -> list[EventRecord]:
        return read_records(conn, self._replayer.last_seq)

    def _apply(self, records: list[EventRecord]) -> None:
        for rec in records:
            self._replayer.apply(rec)

    def _commit(self, build: Callable[[float], list[Draft]]) -> list[EventRecord]:
        try:
            with self._engine.begin() as conn:
                self._apply(self._fetch(conn))
                # Never before the last stored event: the clock must not run backwards.
                now = max(self._time.now(), self._replayer.last_real_time)
                drafts = build(now)
                records = [r for r in (insert_event(conn, d) for d in drafts) if r is not None]
        except (OperationalError, DBAPIError) as exc:
            raise WriteFailedError(f"{self._write_error(exc)} Nothing was changed; try again.", pending=False,
                                   **self._failure(exc)) from None
        except ClockError as exc:
            raise InvalidActionError(str(exc), code=exc.code, params=exc.params) from None
        self._apply(records)
        return records

    def _draft(self, kind: str, now: float, payload: dict[str, Any], actor: str | None = None,
               event_id: str | None = None) -> Draft:
        elapsed, scenario = self._times(now)
        return Draft(kind, now, elapsed, scenario, payload, actor, event_id or uuid.uuid4().hex)

    def _times(self, now: float) -> tuple[float | None, datetime | None]:
        clock = self._replayer.clock
        if clock.state is ClockState.READY:
            return None, None
        elapsed = clock.elapsed(now)
        return elapsed, clock.scenario_time_at(elapsed)

    def _in_play(self, what: str) -> None:
        state = self._replayer.clock.state
        if state is ClockState.READY:
            raise InvalidActionError(f"cannot {what}: the exercise has not started", code="not_started",
                                     params={"action": what})
        if state is ClockState.ENDED:
            raise InvalidActionError(f"cannot {what}: the exercise has ended", code="ended", params={"action": what})

    def _not_ended(self, what: str) -> None:
        if self._replayer.clock.state is ClockState.ENDED:
            raise InvalidActionError(f"cannot {what}: the exercise has ended", code="ended", params={"action": what})

    def _known_role(self, role: str) -> None:
        if role not in {r.id for r in self.package.roles}:
            raise InvalidActionError(f"unknown role {role!r}", code="unknown_role", params={"role": role})

    def _writable(self) -> None:
        if self._closed:
            raise SessionError(f"{self.path.name}: the session is closed", code="closed",
                               params={"path": str(self.path)})
        if self.read_only:
            raise ReadOnlySessionError(f"{self.path.name}: opened read-only; nothing can be changed",
                                       params={"path": str(self.path)})

    def _refresh_quietly(self) -> None:
        try:
            self.refresh()
        except SessionError:
            pass  # the write that follows reports the problem, and keeps the entry

    def _write_error(self, exc: Exception) -> str:
        return f"{self.path.name}: could not save ({files.reason(exc)})."

    def _failure(self, exc: Exception, **params: Any) -> dict[str, Any]:
        """The ``code`` and ``params`` of a WriteFailedError for a database error."""
        return {"code": files.failure_code(exc), "params": {"path": str(self.path), "reason": files.reason(exc), **params}}
