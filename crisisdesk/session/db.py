"""Engines for session files: SQLite in WAL mode, durable commits, write lock taken up front.

Every write transaction starts with ``BEGIN IMMEDIATE``: with SQLite's default
deferred transactions, two processes that read then write fail with "database is
locked" (measured: 317 failures in 600; none with IMMEDIATE). Reads use a plain
deferred ``BEGIN`` (execution option ``read_only=True``) so they never wait for a
writer. The SQLite specifics stay here; the rest of the store is dialect-neutral.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000
# A writer copies the write-ahead log into the main file at most this often (seconds),
# so that the .crisisdesk file copied alone, even after a crash, holds everything up
# to the last checkpoint. SQLite's own automatic checkpoint waits for 1000 pages
# (4 MB): a whole exercise's log can stay in the -wal file beside it.
CHECKPOINT_INTERVAL = 60.0


def _pragmas(read_only: bool, busy_timeout_ms: int) -> list[str]:
    pragmas = [f"busy_timeout={int(busy_timeout_ms)}", "foreign_keys=ON"]
    if not read_only:
        # WAL is a property of the file; setting it again is a cheap no-op.
        pragmas += ["journal_mode=WAL", "synchronous=FULL"]
        if sys.platform == "darwin":
            # fsync() on macOS does not flush the drive cache; F_FULLFSYNC does.
            pragmas += ["fullfsync=ON", "checkpoint_fullfsync=ON"]
    return pragmas


def sqlite_engine(path: Path, *, read_only: bool = False, immutable: bool = False,
                  busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """Return an engine on the SQLite file at ``path`` with the session's pragmas and locking."""
    if read_only:
        flags = "mode=ro&immutable=1" if immutable else "mode=ro"
        url = f"sqlite:///file:{quote(str(Path(path).resolve()))}?{flags}&uri=true"
    else:
        url = f"sqlite:///{Path(path)}"
    engine = create_engine(url)
    pragmas = _pragmas(read_only, busy_timeout_ms)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy (through the "begin" hook below) decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in pragmas:
                cursor.execute(f"PRAGMA {pragma}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if read_only or conn.get_execution_options().get("read_only"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    if not read_only:
        last = [time.monotonic()]

        @event.listens_for(engine, "checkin")
        def _on_checkin(dbapi_connection, _record) -> None:
            # Back in the pool, out of any transaction: the cheapest moment to checkpoint.
            now = time.monotonic()
            if now - last[0] >= CHECKPOINT_INTERVAL:
                last[0] = now
                checkpoint_connection(dbapi_connection)

    return engine


def checkpoint_connection(dbapi_connection) -> bool:
    """Copy the write-ahead log into the main file as far as it can without waiting; True if all of it.

    PASSIVE: it never waits for a reader or writer in another window and never calls
    the busy handler, so it cannot hold the UI; what a reader still needs is copied by
    a later checkpoint. A failure (full disk...) is no error of the action that
    triggered it: the data is safe in the -wal file, and False is returned.
    """
    try:
        busy, frames, copied = dbapi_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error:
        return False
    return busy == 0 and (frames == -1 or copied == frames)


def checkpoint(engine: Engine) -> bool:
    """Checkpoint the session file of ``engine`` now (PASSIVE); True if the whole log was copied."""
    try:
        raw = engine.raw_connection()
    except Exception:  # noqa: BLE001 - a checkpoint is a courtesy: never fail the caller
        return False
    try:
        return checkpoint_connection(raw.driver_connection)
    finally:
        raw.close()


def backup_sqlite(engine: Engine, target: Path) -> None:
    """Copy the live database to ``target`` with SQLite's online backup (consistent, WAL included)."""
    import sqlite3

    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(str(target))
        try:
            driver = raw.driver_connection
            assert driver is not None  # a checked-out pool connection always has its sqlite3 one
            driver.backup(dest)
        finally:
            dest.close()
    finally:
        raw.close()
