"""Session files on disk: creating one, the checks before opening one, and what SQLite errors mean.

Every problem becomes a ``SessionError`` (or subclass) with a clear English message
naming the file and a stable ``code``; nothing here keeps a file open.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import DBAPIError, OperationalError

from crisisdesk import __version__
from crisisdesk.package.model import Package
from crisisdesk.session import migrations
from crisisdesk.session.db import backup_sqlite, sqlite_engine
from crisisdesk.session.errors import (
    NotASessionFile,
    ReadOnlySessionError,
    SessionError,
    SessionLockedError,
)
from crisisdesk.session.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Event,
    Meta,
    PackageFile,
    create_schema,
)
from crisisdesk.session.snapshot import PACKAGE_FILES, Member, StoredFiles, read_member
from crisisdesk.vocabulary import EventKind

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_new_file(path: Path) -> None:
    """Refuse to create a session file where one exists or where nothing can be written."""
    if path.exists():
        raise SessionError(f"{path}: already exists; choose another name or delete it first",
                           code="file_exists", params={"path": str(path)})
    if not path.parent.is_dir():
        raise SessionError(f"{path.parent}: no such folder", code="no_such_folder",
                           params={"path": str(path.parent)})
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlySessionError(f"{path.parent}: cannot write in this folder", params={"path": str(path.parent)})


def write_new_file(path: Path, package: Package, package_root: Path, members: list[Member],
                   now: float, observer: str | None) -> None:
    """Write a new session file: the schema, the facts, the package snapshot and the ``created`` event.

    ``members`` are the package files to keep (``package_members``), copied in chunks.
    Nothing is left behind if it fails.
    """
    engine = sqlite_engine(path)
    try:
        with engine.begin() as conn:
            create_schema(conn)
            facts = {
                "application": APPLICATION_ID,
                "schema_version": str(SCHEMA_VERSION),
                "created_with": f"crisisdesk {__version__}",
                "created_at": datetime.fromtimestamp(now).astimezone().isoformat(timespec="seconds"),
                "package_id": package.exercise.id,
                "package_title": package.exercise.title,
                "package_source": str(package_root.resolve()),
            }
            conn.execute(insert(Meta), [{"key": k, "value": v} for k, v in facts.items()])
            _store_members(conn, members)
            payload = {"package_id": package.exercise.id, "package_title": package.exercise.title,
                       "created_with": __version__, "observer": observer}
            conn.execute(insert(Event).values(
                event_id=uuid.uuid4().hex, kind=EventKind.CREATED.value, real_time=now, elapsed=None, scenario_time=None,
                actor=observer, payload=json.dumps(payload, ensure_ascii=False),
            ))
    except DBAPIError as exc:
        engine.dispose()
        _remove_database(path)
        raise SessionError(f"{path}: could not create the session file: {reason(exc)}", code="create_failed",
                           params={"path": str(path), "reason": reason(exc)}) from None
    except BaseException:
        engine.dispose()
        _remove_database(path)
        raise
    engine.dispose()


def _store_members(conn, members: list[Member]) -> None:
    """Insert each package file in chunks: a zero-filled blob of its size, then written through it.

    A 150 MB attachment thus never sits whole in memory (it did: 2.6 GB peak for eight of them).
    """
    raw = conn.connection.driver_connection  # the sqlite3 connection, in this same transaction
    for member in members:
        cursor = raw.execute("INSERT INTO package_files (path, data) VALUES (?, zeroblob(?))",
                             (member.relpath, member.size))
        if member.size == 0:
            continue
        with raw.blobopen("package_files", "data", cursor.lastrowid) as blob:
            for chunk in read_member(member):
                blob.write(chunk)


def open_engine(path: Path, *, read_only: bool, busy_timeout_ms: int) -> tuple[Engine, StoredFiles]:
    """Check, upgrade if older and open a session file; return its engine and the stored package files.

    ``read_only`` opens an archived or unwritable copy without changing it. An older
    file opened for writing is upgraded in place (after a backup copy beside it); a
    newer one is refused.
    """
    _check_is_session_file(path)
    if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise ReadOnlySessionError(
            f"{path}: the file or its folder is read-only. Open it read-only to view or export it, "
            "or copy it to a folder where you can write.", params={"path": str(path)},
        )
    if not read_only:
        _check_is_crisisdesk_database(path, busy_timeout_ms)
    engine = sqlite_engine(path, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
    try:
        engine, _version = _prepare(engine, path, read_only, busy_timeout_ms)
        with engine.connect().execution_options(read_only=True) as conn, conn.begin():
            # Every path, but the bytes of the three YAML files only: attachments are read when shown.
            paths = list(conn.execute(select(PackageFile.path)).scalars())
            texts = dict(conn.execute(select(PackageFile.path, PackageFile.data)
                                      .where(PackageFile.path.in_(PACKAGE_FILES))).all())
            stored = StoredFiles(paths, texts)
    except OperationalError as exc:
        engine.dispose()
        raise open_error(path, exc) from None
    except DBAPIError as exc:
        engine.dispose()
        raise NotASessionFile(f"{path}: not a readable crisisdesk session file ({reason(exc)})",
                              params={"path": str(path), "reason": reason(exc)}) from None
    except BaseException:
        engine.dispose()
        raise
    return engine, stored


def _check_is_crisisdesk_database(path: Path, busy_timeout_ms: int) -> None:
    """Refuse another program's SQLite database before the write engine touches it.

    Opening for writing switches the file to WAL (and leaves -wal and -shm files beside
    it): that must only ever happen to a session file. Read through a read-only
    connection, which changes nothing; if that look is impossible (locked, a read-only
    folder) the normal open says why.
    """
    engine = sqlite_engine(path, read_only=True, busy_timeout_ms=busy_timeout_ms)
    try:
        with engine.connect() as conn, conn.begin():
            migrations.read_version(conn, path)  # NotASessionFile if it is not one of ours
    except (OperationalError, DBAPIError):
        pass  # not readable this way: the open that follows gives the reason
    finally:
        engine.dispose()


def _prepare(engine, path: Path, read_only: bool, busy_timeout_ms: int):
    """Check the version (upgrading a writable older file); return the engine to use and the version."""
    if read_only:
        try:
            with engine.connect() as conn, conn.begin():
                version = migrations.read_version(conn, path)
        except OperationalError as exc:
            if cause(exc) not in ("read_only", "cant_open"):
                raise
            # A WAL file in a folder we cannot write (no shared-memory file can be made):
            # read it as an immutable file, which is right only if no write-ahead log is pending.
            wal = Path(str(path) + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise ReadOnlySessionError(
                    f"{path}: its last changes are still in {wal.name}, which cannot be read from this "
                    "read-only folder; copy both files to a folder where you can write") from None
            engine.dispose()
            engine = sqlite_engine(path, read_only=True, immutable=True, busy_timeout_ms=busy_timeout_ms)
            with engine.connect() as conn, conn.begin():
                version = migrations.read_version(conn, path)
        migrations.check_version(version, path)
        return engine, version
    old = migrations.upgrade(engine, path, backup=lambda target: backup_sqlite(engine, target))
    return engine, old or SCHEMA_VERSION


def _check_is_session_file(path: Path) -> None:
    params = {"path": str(path)}
    if not path.exists():
        raise SessionError(f"{path}: no such file", code="no_such_file", params=params)
    if path.is_dir():
        raise NotASessionFile(f"{path}: is a folder, not a session file", params={**params, "reason": "folder"})
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise ReadOnlySessionError(f"{path}: permission denied", params=params) from None
    except OSError as exc:
        raise SessionError(f"{path}: cannot read: {exc.strerror or exc}", code="read_failed",
                           params={**params, "reason": str(exc.strerror or exc)}) from None
    if head != SQLITE_MAGIC:
        raise NotASessionFile(f"{path}: not a crisisdesk session file", params=params)


# SQLite's primary result codes we tell apart (extended codes such as SQLITE_IOERR_FSYNC
# or SQLITE_BUSY_SNAPSHOT fold into their primary one).
_CAUSES = {
    "SQLITE_BUSY": "locked",
    "SQLITE_LOCKED": "locked",
    "SQLITE_FULL": "disk_full",
    "SQLITE_READONLY": "read_only",
    "SQLITE_IOERR": "io_error",
    "SQLITE_CANTOPEN": "cant_open",
}
_REASONS = {
    "locked": "the file is locked by another program",
    "disk_full": "the disk is full",
    "read_only": "the file is read-only",
    "io_error": "disk input/output error",
}


def sqlite_errorname(exc: BaseException) -> str | None:
    """The primary SQLite result name of a database error ("SQLITE_BUSY"...), None if it carries none."""
    name = getattr(getattr(exc, "orig", exc), "sqlite_errorname", None)
    if not isinstance(name, str) or not name.startswith("SQLITE_"):
        return None
    return "_".join(name.split("_")[:2])


def cause(exc: BaseException) -> str | None:
    """Why a database call failed: "locked", "disk_full", "read_only", "io_error", "cant_open" or None.

    Classified by SQLite's result code (``sqlite_errorname``), not by the wording of its
    message, which SQLite does not promise to keep. An error that carries no code (not
    raised by sqlite3) falls back to its message.
    """
    name = sqlite_errorname(exc)
    if name is not None:
        return _CAUSES.get(name)
    low = str(getattr(exc, "orig", exc)).lower()
    if "locked" in low or "busy" in low:
        return "locked"
    if "full" in low:
        return "disk_full"
    if "readonly" in low or "read-only" in low:
        return "read_only"
    if "disk i/o" in low:
        return "io_error"
    if "unable to open" in low:
        return "cant_open"
    return None


def is_locked(exc: BaseException) -> bool:
    """True if a database error says another program holds the file."""
    return cause(exc) == "locked"


def failure_code(exc: BaseException) -> str:
    """The stable code for why a write failed (see errors.py)."""
    found = cause(exc)
    return found if found in _REASONS else "write_failed"


def reason(exc: BaseException) -> str:
    """Return a database error in words a user understands."""
    found = cause(exc)
    return _REASONS[found] if found in _REASONS else str(getattr(exc, "orig", exc))


def open_error(path: Path, exc: OperationalError) -> SessionError:
    """Return the error to raise when opening ``path`` failed with ``exc``."""
    params = {"path": str(path)}
    if is_locked(exc):
        return SessionLockedError(f"{path}: locked by another program; close it there, or try again in a moment",
                                  params=params)
    detail = str(getattr(exc, "orig", exc))
    if detail.startswith(("no such table", "no such column")):
        return SessionError(f"{path}: the session file is damaged ({detail}); open a backup copy "
                            "of it if there is one", code="damaged",
                            params={**params, "reason": detail})
    if cause(exc) in ("read_only", "cant_open"):
        return ReadOnlySessionError(f"{path}: cannot be opened for writing ({exc.orig}); open it read-only "
                                    "or copy it to a folder where you can write", params=params)
    return SessionError(f"{path}: cannot open the session file: {reason(exc)}", code="open_failed",
                        params={**params, "reason": reason(exc)})


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
