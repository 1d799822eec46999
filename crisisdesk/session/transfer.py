"""Moving a session between a file and a server: the same facts, package snapshot and events, seq for seq.

``copy_session(source, target)`` reads a session (file or server, opened read-only:
a running multi-site exercise can be archived while the consoles write) and writes
a new one at ``target``: the events keep their ``seq``, ``event_id`` and times, so
the copy replays to the same state and every tool (report, export, the console)
opens it as it would the original. The copy is all or nothing: a failure leaves no
half-written file or schema behind. Two facts are added to ``meta``: ``copied_from``
(the source, without any password) and ``copied_at``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import DBAPIError

from crisisdesk.session import files, migrations, server_store
from crisisdesk.session.db import sqlite_engine
from crisisdesk.session.engines import SessionLocation, parse_location
from crisisdesk.session.errors import SessionError
from crisisdesk.session.schema import SCHEMA_VERSION, Event, Meta, PackageFile, create_schema

_EVENT_FIELDS = ("seq", "event_id", "kind", "real_time", "elapsed", "scenario_time", "actor", "payload")
_BATCH = 2000


@dataclass(frozen=True)
class CopyResult:
    events: int
    files: int
    target: str


def copy_session(source: str | os.PathLike | SessionLocation, target: str | os.PathLike | SessionLocation,
                 *, now: float | None = None) -> CopyResult:
    """Copy the session at ``source`` into a new session at ``target``; raise SessionError saying what failed."""
    src = parse_location(source)
    dst = parse_location(target)
    engine = _open_source(src)
    try:
        with engine.connect().execution_options(read_only=True) as conn, conn.begin():
            version = migrations.read_version(conn, src.display)
            if version != SCHEMA_VERSION:
                raise SessionError(f"{src.display}: session schema {version}; open it once with this crisisdesk "
                                   "(which upgrades it) before copying it", code="upgrade_failed",
                                   params={"path": src.display, "reason": f"schema {version}"})
            meta = dict(conn.execute(select(Meta.key, Meta.value)).all())
            stored = [(p, bytes(d)) for p, d in conn.execute(select(PackageFile.path, PackageFile.data)).all()]
            events = [dict(zip(_EVENT_FIELDS, row, strict=True)) for row in conn.execute(
                select(*(getattr(Event, f) for f in _EVENT_FIELDS)).order_by(Event.seq)).all()]
    except DBAPIError as exc:
        raise _read_error(src, exc) from None
    finally:
        engine.dispose()
    stamp = datetime.fromtimestamp(now) if now is not None else datetime.now()
    meta.pop("heartbeat", None)  # the controller's heartbeat belongs to the running original
    meta["copied_from"] = src.display
    meta["copied_at"] = stamp.astimezone().isoformat(timespec="seconds")

    def fill(conn) -> None:
        create_schema(conn)
        conn.execute(insert(Meta), [{"key": k, "value": v} for k, v in meta.items()])
        if stored:
            conn.execute(insert(PackageFile), [{"path": p, "data": d} for p, d in stored])
        for start in range(0, len(events), _BATCH):
            conn.execute(insert(Event), events[start:start + _BATCH])
        if conn.dialect.name == "postgresql":
            # Explicit seqs do not move the sequence: the next write must follow the last copied one.
            top = conn.execute(select(func.max(Event.seq))).scalar() or 0
            if top:
                conn.execute(text("SELECT setval(pg_get_serial_sequence('events', 'seq'), :top)"), {"top": top})

    if dst.on_server:
        server_store.write_new(dst, fill)
    else:
        _write_file(dst, fill)
    return CopyResult(events=len(events), files=len(stored), target=dst.display)


def _open_source(src: SessionLocation):
    if src.on_server:
        engine, _stored = server_store.open_engine(src, read_only=True, busy_timeout_ms=5000)
        return engine
    engine, _stored = files.open_engine(src.file, read_only=True, busy_timeout_ms=5000)
    return engine


def _write_file(dst: SessionLocation, fill) -> None:
    path = dst.file
    files.check_new_file(path)
    engine = sqlite_engine(path)
    try:
        with engine.begin() as conn:
            fill(conn)
    except DBAPIError as exc:
        engine.dispose()
        files._remove_database(path)
        raise SessionError(f"{path}: could not write the copy: {files.reason(exc)}", code="create_failed",
                           params={"path": str(path), "reason": files.reason(exc)}) from None
    except BaseException:
        engine.dispose()
        files._remove_database(path)
        raise
    engine.dispose()


def _read_error(src: SessionLocation, exc: DBAPIError) -> SessionError:
    if src.on_server:
        return server_store.server_error(src, exc, "read the session")
    return SessionError(f"{src.path}: cannot read the session: {files.reason(exc)}", code="read_failed",
                        params={"path": str(src.path), "reason": files.reason(exc)})
