"""Schema versions of the session file and the steps that upgrade an older file.

The version lives in the ``meta`` table (``schema_version``), readable with plain
SQL on any database. Opening a file written by an older crisisdesk runs the steps
N -> N+1 in order, inside one write transaction, after an online backup copy
(``<file>.bak-v<N>``). A file from a newer crisisdesk is refused with a clear
message. Each step carries its own frozen table definitions: never import the
current ORM classes here, they describe only the latest version. (So a frozen table
here looks like its current one in ``schema.py`` on purpose: the two must be free to
differ as soon as the schema moves on, and a copy tool pairing them is not a cue to merge.)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.exc import DatabaseError, OperationalError, ProgrammingError

from crisisdesk.session.errors import NewerSchemaError, NotASessionFile, SessionError
from crisisdesk.session.schema import APPLICATION_ID, SCHEMA_VERSION

# -- version 1 (frozen): meta, package snapshot, event log -------------------------------

V1 = MetaData()
V1_META = Table("meta", V1, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))
V1_PACKAGE_FILES = Table(
    "package_files", V1,
    Column("path", String(500), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
V1_EVENTS = Table(
    "events", V1,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("kind", String(32), nullable=False, index=True),
    Column("real_time", Float, nullable=False),
    Column("elapsed", Float),
    Column("scenario_time", DateTime),
    Column("actor", String(200)),
    Column("payload", Text, nullable=False),
)

# -- version 2 (frozen): the main courante gets its own query table ----------------------

V2_ADDED = MetaData()
Table("events", V2_ADDED, Column("seq", Integer, primary_key=True))  # for the foreign key only
V2_LOG_ENTRIES = Table(
    "log_entries", V2_ADDED,
    Column("entry_id", String(64), primary_key=True),
    Column("event_seq", Integer, ForeignKey("events.seq"), nullable=False, unique=True),
    Column("revision", Integer, nullable=False),
    Column("supersedes", String(64)),
    Column("observer", String(200), nullable=False),
    Column("role", String(100)),
    Column("kind", String(32), nullable=False),
    Column("text", Text, nullable=False),
    Column("inject_id", String(100)),
    Column("tags", Text, nullable=False),
    Column("real_time", Float, nullable=False),
    Column("elapsed", Float),
    Column("scenario_time", DateTime),
    Column("stage", String(16), nullable=False),
    Index("ix_log_entries_role", "role"),
    Index("ix_log_entries_inject", "inject_id"),
    Index("ix_log_entries_supersedes", "supersedes"),
)


def entry_row(event_seq: int, payload: dict, real_time: float, elapsed, scenario_time) -> dict:
    """Return the version-2 ``log_entries`` row for an ``entry`` event."""
    return {
        "entry_id": payload["entry_id"],
        "event_seq": event_seq,
        "revision": int(payload.get("revision", 1)),
        "supersedes": payload.get("supersedes"),
        "observer": payload.get("observer") or "",
        "role": payload.get("role"),
        "kind": payload.get("kind") or "observation",
        "text": payload.get("text") or "",
        "inject_id": payload.get("inject_id"),
        "tags": json.dumps(list(payload.get("tags") or []), ensure_ascii=False),
        "real_time": real_time,
        "elapsed": elapsed,
        "scenario_time": scenario_time,
        "stage": payload.get("stage") or "play",
    }


def _v1_to_v2(conn: Connection) -> None:
    """Add ``log_entries`` and fill it from the ``entry`` events already logged."""
    V2_LOG_ENTRIES.create(conn)
    rows = conn.execute(
        select(V1_EVENTS.c.seq, V1_EVENTS.c.payload, V1_EVENTS.c.real_time, V1_EVENTS.c.elapsed,
               V1_EVENTS.c.scenario_time)
        .where(V1_EVENTS.c.kind == "entry").order_by(V1_EVENTS.c.seq)
    ).all()
    batch = [entry_row(seq, json.loads(payload), rt, el, sc) for seq, payload, rt, el, sc in rows]
    if batch:
        conn.execute(V2_LOG_ENTRIES.insert(), batch)


# -- version 3 (frozen): the courante query table becomes a view of the events ------------

V3_LOG_ENTRIES_VIEW = """CREATE VIEW log_entries AS SELECT
    json_extract(payload, '$.entry_id') AS entry_id,
    seq AS event_seq,
    COALESCE(json_extract(payload, '$.revision'), 1) AS revision,
    json_extract(payload, '$.supersedes') AS supersedes,
    COALESCE(json_extract(payload, '$.observer'), '') AS observer,
    json_extract(payload, '$.role') AS role,
    COALESCE(json_extract(payload, '$.kind'), 'observation') AS kind,
    COALESCE(json_extract(payload, '$.text'), '') AS text,
    json_extract(payload, '$.inject_id') AS inject_id,
    COALESCE(json_extract(payload, '$.tags'), '[]') AS tags,
    real_time,
    elapsed,
    scenario_time,
    COALESCE(json_extract(payload, '$.stage'), 'play') AS stage
FROM events WHERE kind = 'entry'"""


V3_LOG_ENTRIES_VIEW_POSTGRESQL = """CREATE VIEW log_entries AS SELECT
    payload::jsonb ->> 'entry_id' AS entry_id,
    seq AS event_seq,
    COALESCE((payload::jsonb ->> 'revision')::integer, 1) AS revision,
    payload::jsonb ->> 'supersedes' AS supersedes,
    COALESCE(payload::jsonb ->> 'observer', '') AS observer,
    payload::jsonb ->> 'role' AS role,
    COALESCE(payload::jsonb ->> 'kind', 'observation') AS kind,
    COALESCE(payload::jsonb ->> 'text', '') AS text,
    payload::jsonb ->> 'inject_id' AS inject_id,
    COALESCE((payload::jsonb -> 'tags')::text, '[]') AS tags,
    real_time,
    elapsed,
    scenario_time,
    COALESCE(payload::jsonb ->> 'stage', 'play') AS stage
FROM events WHERE kind = 'entry'"""


def _v2_to_v3(conn: Connection) -> None:
    """Replace the ``log_entries`` table (written twice, read by no one in the app) with a view of the events."""
    conn.exec_driver_sql("DROP TABLE log_entries")  # its indexes go with it
    postgres = conn.dialect.name == "postgresql"
    conn.exec_driver_sql(V3_LOG_ENTRIES_VIEW_POSTGRESQL if postgres else V3_LOG_ENTRIES_VIEW)


# version N -> the step that turns a version-N file into version N+1
STEPS: dict[int, Callable[[Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
}
assert sorted(STEPS) == list(range(1, SCHEMA_VERSION)), "one step per older version"


def read_version(conn: Connection, path: Path | str) -> int:
    """Return the file's schema version; raise NotASessionFile if it is not a session file."""
    try:
        rows = dict(conn.execute(select(V1_META.c.key, V1_META.c.value)
                                 .where(V1_META.c.key.in_(("application", "schema_version")))).all())
    except (OperationalError, ProgrammingError) as exc:
        # SQLite: "no such table"; PostgreSQL: relation "meta" does not exist (UndefinedTable)
        missing = "no such table" in str(exc.orig) or getattr(exc.orig, "sqlstate", None) == "42P01"
        if not missing:
            raise  # locked, unreadable...: the caller says which
        raise NotASessionFile(f"{path}: not a crisisdesk session file (no meta table)",
                              params={"path": str(path), "reason": "no meta table"}) from None
    except DatabaseError:
        raise NotASessionFile(f"{path}: not a crisisdesk session file (not an SQLite database)",
                              params={"path": str(path), "reason": "not an SQLite database"}) from None
    if rows.get("application") != APPLICATION_ID or not str(rows.get("schema_version", "")).isdigit():
        raise NotASessionFile(f"{path}: not a crisisdesk session file (an SQLite database of another program)",
                              params={"path": str(path), "reason": "another program's database"})
    return int(rows["schema_version"])


def check_version(version: int, path: Path | str) -> None:
    """Refuse files written by a newer crisisdesk."""
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path}: written by a newer crisisdesk (session schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}). Update crisisdesk to open it.",
            params={"path": str(path), "version": version, "supported": SCHEMA_VERSION},
        )


def backup_path(path: Path, version: int) -> Path:
    """Return a free name for the backup taken before upgrading from ``version``."""
    candidate = path.with_name(f"{path.name}.bak-v{version}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak-v{version}-{n}")
        n += 1
    return candidate


def upgrade(engine: Engine, path: Path | str, backup: Callable[[Path], None] | None) -> int | None:
    """Bring the file to the current schema; return the old version if it was upgraded, else None.

    ``backup`` is None for a server session: no copy beside it (see ``server_store.py``).
    """
    with engine.connect().execution_options(read_only=True) as conn:
        with conn.begin():
            version = read_version(conn, path)
    check_version(version, path)
    if version == SCHEMA_VERSION:
        return None
    if backup is not None:
        backup(backup_path(Path(path), version))
    with engine.begin() as conn:  # BEGIN IMMEDIATE: one upgrader at a time
        version = read_version(conn, path)  # another process may have upgraded meanwhile
        if version == SCHEMA_VERSION:
            return None
        old = version
        while version < SCHEMA_VERSION:
            try:
                STEPS[version](conn)
            except Exception as exc:  # the transaction rolls back; the file stays at ``old``
                raise SessionError(f"{path}: could not upgrade the session file from schema {version}: {exc}",
                                   code="upgrade_failed",
                                   params={"path": str(path), "version": version, "reason": str(exc)}) from exc
            version += 1
        conn.execute(V1_META.update().where(V1_META.c.key == "schema_version").values(value=str(version)))
    return old
