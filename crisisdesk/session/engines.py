"""Where a session lives: a ``*.crisisdesk`` file (SQLite) or a PostgreSQL server, behind one store.

A session is named by a path, as always, or by a URL::

    postgresql://USER@HOST[:PORT]/DATABASE?session=NAME

One database may hold several sessions: each is a PostgreSQL schema named NAME
holding the same tables as a file (``meta``, ``package_files``, ``events`` and the
``log_entries`` view); connections set ``search_path`` to it, so every query of the
store is the same on both engines. The password is never part of what is shown or
remembered: libpq takes it from ``PGPASSWORD``, ``~/.pgpass`` or the caller.

The promises of the event log hold on both (see ``docs/postgresql.md``):

- one writer at a time per session: ``BEGIN IMMEDIATE`` on SQLite, a transaction-level
  advisory lock on PostgreSQL, taken as the write transaction begins. A write then
  reads what others committed before it, so two consoles firing the same inject fire
  it once; and ``seq`` (one sequence) is allocated in commit order, so a reader that
  asks for "events after N" never skips one committed late;
- the lock wait is bounded (``busy_timeout`` / ``lock_timeout``): a write that cannot
  get it fails as "locked" and courante writes are kept and retried;
- every write returns only after its commit (synchronous commit, the server's default).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from crisisdesk.session.errors import SessionError
from crisisdesk.session.naming import is_server_url

__all__ = ["SessionLocation", "engine_for", "is_server_url", "parse_location", "postgres_engine"]

SESSION_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
CONNECT_TIMEOUT_S = 5
# Idle connections are probed so a server that went away (network cut, restart) is noticed
# within ~15 s, not at the next write after the operating system's two-hour default.
_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3}


@dataclass(frozen=True)
class SessionLocation:
    """A session file (``path``) or a session on a server (``url`` without password, plus ``session``)."""

    path: Path | None = None
    url: URL | None = None
    session: str | None = None

    @property
    def on_server(self) -> bool:
        return self.url is not None

    @property
    def file(self) -> Path:
        """The session file; only for a file location (``on_server`` is False)."""
        if self.path is None:
            raise ValueError("a server session has no file")
        return self.path

    @property
    def server(self) -> URL:
        """The server's URL (no password); only for a server location."""
        if self.url is None:
            raise ValueError("a session file has no server")
        return self.url

    @property
    def session_name(self) -> str:
        """The session's name on its server (its schema); '' when there is none yet."""
        return self.session or ""

    @property
    def dialect(self) -> str:
        return "postgresql" if self.on_server else "sqlite"

    @property
    def name(self) -> str:
        """Short name for messages: the file name, or the session and its database."""
        if not self.on_server:
            return self.file.name
        return f"{self.session} ({self.server.database} on {self.host})"

    @property
    def host(self) -> str:
        url = self.server
        host = url.host or url.query.get("host") or "localhost"
        return f"{host}:{url.port}" if url.port else str(host)

    @property
    def display(self) -> str:
        """The full name to show and remember: the path, or the URL without any password."""
        if not self.on_server:
            return str(self.path)
        url = self.server
        user = f"{quote(url.username, safe='')}@" if url.username else ""
        host = url.host or ""
        port = f":{url.port}" if url.port else ""
        query = ([f"session={self.session}"] if self.session else []) + [
            f"{k}={quote(str(v), safe='')}" for k, v in sorted(url.query.items())]
        tail = "?" + "&".join(query) if query else ""
        return f"postgresql://{user}{host}{port}/{url.database}{tail}"

    def __str__(self) -> str:
        return self.display

    @property
    def key(self) -> str:
        """A name safe for a local file, unique per session: where a server session keeps local things."""
        if not self.on_server:
            return self.file.name
        digest = hashlib.sha256(self.display.encode()).hexdigest()[:10]
        return f"{self.session}-{digest}"

    def local_stand_in(self) -> Path:
        """The local path a session's journal of kept writes hangs from: beside the file, or in the data folder."""
        if not self.on_server:
            return self.file
        return data_dir() / "servers" / self.key

    def with_password(self, password: str | None) -> SessionLocation:
        """The same location with a password to connect with (kept in memory only)."""
        if not self.on_server:
            return self
        return replace(self, url=self.server.set(password=password or None))


def parse_location(text: str | os.PathLike | SessionLocation) -> SessionLocation:
    """Return the location named by a path or a ``postgresql://...?session=NAME`` URL.

    Raise SessionError (``bad_url``) naming what is wrong in a URL.
    """
    if isinstance(text, SessionLocation):
        return text
    if not is_server_url(text):
        return SessionLocation(path=Path(text))
    shown = _without_password(str(text))
    try:
        url = make_url(str(text))
    except (ArgumentError, ValueError) as exc:
        raise SessionError(f"{shown}: not a valid server URL ({exc})", code="bad_url",
                           params={"url": shown, "reason": str(exc)}) from None
    query = dict(url.query)
    session = query.pop("session", None)
    if isinstance(session, tuple):
        session = session[-1]
    if not url.database:
        raise SessionError(f"{shown}: the URL names no database (postgresql://USER@HOST/DATABASE?session=NAME)",
                           code="bad_url", params={"url": shown, "reason": "no database"})
    if session is not None and not SESSION_NAME.fullmatch(session):
        raise SessionError(
            f"{shown}: session name {session!r} is not valid: lower-case letters, digits and _, "
            "starting with a letter, 40 characters at most", code="bad_url",
            params={"url": shown, "reason": "bad session name"})
    url = url.set(drivername="postgresql+psycopg", query=query)
    return SessionLocation(url=url, session=session)


def require_session_name(location: SessionLocation) -> None:
    if location.on_server and not location.session:
        raise SessionError(f"{location.display}: the URL names no session: add ?session=NAME",
                           code="bad_url", params={"url": location.display, "reason": "no session"})


def _without_password(text: str) -> str:
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1@", text)


def data_dir() -> Path:
    """The user's data folder for crisisdesk (the app's log lives there too); ``CRISISDESK_DATA_DIR`` overrides."""
    if os.environ.get("CRISISDESK_DATA_DIR"):
        return Path(os.environ["CRISISDESK_DATA_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "crisisdesk" / "crisisdesk"


def engine_for(location: SessionLocation, *, read_only: bool = False, busy_timeout_ms: int = 5000) -> Engine:
    """An engine on the session, whichever engine holds it (no checks: ``Session.open`` makes those)."""
    if location.on_server:
        return postgres_engine(location, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
    from crisisdesk.session.db import sqlite_engine

    return sqlite_engine(location.file, read_only=read_only, busy_timeout_ms=busy_timeout_ms)


# -- PostgreSQL engines --------------------------------------------------------------------

def lock_key(session: str) -> int:
    """The advisory-lock key of a session's writers (a signed 64-bit number from its name)."""
    digest = hashlib.sha256(f"crisisdesk:{session}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def notify_channel(session: str) -> str:
    """The LISTEN/NOTIFY channel on which a session's writers announce their commits."""
    return f"crisisdesk.{session}"


def postgres_engine(location: SessionLocation, *, read_only: bool = False, busy_timeout_ms: int = 5000,
                    connect_timeout: int = CONNECT_TIMEOUT_S) -> Engine:
    """An engine on a server session: ``search_path`` set to it, writers serialised, dead connections replaced.

    ``pool_pre_ping`` tests a pooled connection before use, so a server restarted
    during the exercise costs one reconnection, not a failed write.
    """
    require_session_name(location)
    options = [f"-c search_path={location.session}", f"-c lock_timeout={int(busy_timeout_ms)}",
               "-c idle_in_transaction_session_timeout=60000"]
    if read_only:
        options.append("-c default_transaction_read_only=on")
    connect_args = {"connect_timeout": connect_timeout, "application_name": "crisisdesk",
                    "options": " ".join(options), **_KEEPALIVES}
    if sys.platform.startswith("linux"):
        connect_args["tcp_user_timeout"] = 15000  # a write to a server that vanished fails in 15 s, not minutes
    engine = create_engine(location.server, pool_pre_ping=True, pool_size=2, max_overflow=6,
                           connect_args=connect_args)
    key = lock_key(location.session_name)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        opts = conn.get_execution_options()
        if read_only or opts.get("read_only"):
            return  # READ COMMITTED: each read is one statement and sees a consistent log
        wait = opts.get("lock_wait_ms")
        if wait is not None:
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(wait)}")
        # One writer at a time per session, as BEGIN IMMEDIATE does on a file; released at commit.
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({key})")

    return engine


def connect_listener(location: SessionLocation, connect_timeout: int = CONNECT_TIMEOUT_S):
    """A plain psycopg connection (autocommit) for LISTEN, with the engine's keepalives."""
    import psycopg

    url = location.server
    params: dict[str, Any] = {k: v for k, v in url.query.items() if isinstance(v, str)}
    params.update(_KEEPALIVES)
    params["host"] = url.host or params.get("host")
    return psycopg.connect(
        port=url.port, dbname=url.database, user=url.username, password=url.password, autocommit=True,
        connect_timeout=connect_timeout, application_name="crisisdesk-listen", **params,
    )
