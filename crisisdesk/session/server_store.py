"""Sessions on a PostgreSQL server: creating one (a schema), the checks before opening one, what errors mean.

The counterpart of ``files.py`` for a ``postgresql://...?session=NAME`` location.
Every problem becomes a ``SessionError`` with a clear English message naming the
session and its server and a stable ``code`` (``server_errors.py``); the engine is
disposed of before raising, so nothing is left connected.

Upgrading an older session runs the same steps as a file, in one transaction:
PostgreSQL's DDL is transactional, so a failed upgrade leaves the session as it
was. There is no backup copy beside it as for a file: the server's own backups
(``pg_dump``, see ``docs/postgresql.md``) are the place for that.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from crisisdesk.session import migrations
from crisisdesk.session.engines import SessionLocation, postgres_engine, require_session_name
from crisisdesk.session.errors import ReadOnlySessionError, SessionError, SessionLockedError
from crisisdesk.session.schema import SCHEMA_VERSION, PackageFile
from crisisdesk.session.server_errors import classify
from crisisdesk.session.snapshot import PACKAGE_FILES, StoredFiles


def server_error(location: SessionLocation, exc: BaseException, doing: str) -> SessionError:
    """The SessionError to raise when ``doing`` (e.g. "open the session") failed on the server with ``exc``."""
    problem = classify(exc, location.host)
    params = {"path": location.display}
    if problem is None:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
        return SessionError(f"{location.display}: cannot {doing}: {reason}", code="open_failed",
                            params={**params, "reason": reason})
    message = f"{location.display}: cannot {doing}: {problem.words}"
    hint = {
        "unreachable": "check the address and port, that the server runs and that the network lets you through",
        "bad_password": "check the user name and the password (or your ~/.pgpass)",
        "no_such_database": "create it first (see docs/postgresql.md) or correct the URL",
        "permission_denied": "ask the server's administrator to grant this role its rights on the database",
        "connection_lost": "the server may have restarted: try again",
    }.get(problem.code)
    if hint:
        message += f"; {hint}"
    params["reason"] = problem.words
    if problem.code == "locked":
        return SessionLockedError(message, params=params)
    if problem.code == "read_only":
        return ReadOnlySessionError(message, params=params)
    return SessionError(message, code=problem.code, params=params)


def _session_exists(conn, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :n"),
                        {"n": name}).scalar() is not None


def write_new(location: SessionLocation, fill: Callable[[object], None], *, busy_timeout_ms: int = 5000) -> None:
    """Create the session's schema and let ``fill(conn)`` write its tables, facts and first event: all or nothing."""
    require_session_name(location)
    engine = postgres_engine(location, busy_timeout_ms=busy_timeout_ms)
    try:
        with engine.begin() as conn:
            if _session_exists(conn, location.session_name):
                raise SessionError(f"{location.display}: a session named {location.session!r} already exists in "
                                   "this database; choose another name", code="file_exists",
                                   params={"path": location.display})
            conn.exec_driver_sql(f'CREATE SCHEMA "{location.session}"')
            fill(conn)
    except DBAPIError as exc:
        raise server_error(location, exc, "create the session") from None
    finally:
        engine.dispose()


def open_engine(location: SessionLocation, *, read_only: bool,
                busy_timeout_ms: int) -> tuple[Engine, StoredFiles]:
    """Check, upgrade if older and open a server session; return its engine and the stored package files."""
    require_session_name(location)
    engine = postgres_engine(location, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
    try:
        with engine.connect().execution_options(read_only=True) as conn, conn.begin():
            if not _session_exists(conn, location.session_name):
                raise SessionError(f"{location.display}: no session named {location.session!r} in database "
                                   f"{location.server.database!r}", code="no_such_session",
                                   params={"path": location.display})
            version = migrations.read_version(conn, location.display)
        migrations.check_version(version, location.display)
        if not read_only and version < SCHEMA_VERSION:
            migrations.upgrade(engine, location.display, backup=None)
        with engine.connect().execution_options(read_only=True) as conn, conn.begin():
            # As for a file: every path, the bytes of the three YAML files only; attachments are read when shown.
            paths: list[object] = list(conn.execute(select(PackageFile.path)).scalars())
            texts: dict[object, object] = dict(conn.execute(select(PackageFile.path, PackageFile.data)
                                      .where(PackageFile.path.in_(PACKAGE_FILES))).all())
            stored = StoredFiles(paths, texts)
    except DBAPIError as exc:
        engine.dispose()
        raise server_error(location, exc, "open the session") from None
    except BaseException:
        engine.dispose()
        raise
    return engine, stored


def list_sessions(location: SessionLocation) -> list[str]:
    """The crisisdesk sessions in the location's database (schemas holding a crisisdesk ``meta`` table)."""
    from dataclasses import replace

    probe = replace(location, session=location.session or "public")
    engine = postgres_engine(probe, read_only=True)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT table_schema FROM information_schema.tables WHERE table_name = 'meta' "
                "ORDER BY table_schema")).scalars().all()
            names = []
            for schema in rows:
                app = conn.execute(text(f'SELECT value FROM "{schema}".meta WHERE key = \'application\'')).scalar()
                if app == "crisisdesk-session":
                    names.append(schema)
            return names
    except DBAPIError as exc:
        raise server_error(location, exc, "list the sessions") from None
    finally:
        engine.dispose()
