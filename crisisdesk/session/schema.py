"""Tables of a session file (current schema version), as SQLAlchemy typed ORM classes.

The event log is the single source of truth: every action is one row of ``events``
and the state of the exercise is replayed from it. ``log_entries`` is a view of the
``entry`` events (one row per revision) so the courante can be searched with plain
SQL by anyone who opens the file; the app never reads it, and nothing is written
twice. Table types are dialect-neutral (no SQLite-only types; JSON payloads as
text); the view has one form per engine: SQLite's ``json_extract``, PostgreSQL's
``jsonb`` operators (same columns, same values, ``tags`` as JSON text on both).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, DateTime, Float, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 3
APPLICATION_ID = "crisisdesk-session"


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the file: application id, schema version, package, heartbeat."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PackageFile(Base):
    """One file of the package snapshot taken at creation (YAML files and attachments)."""

    __tablename__ = "package_files"

    path: Mapped[str] = mapped_column(String(500), primary_key=True)  # POSIX, relative to the package root
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Event(Base):
    """One action, in commit order (``seq``); ``event_id`` is made by the client so a retry is a no-op."""

    __tablename__ = "events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    real_time: Mapped[float] = mapped_column(Float)
    elapsed: Mapped[float | None] = mapped_column(Float)
    scenario_time: Mapped[datetime | None] = mapped_column(DateTime)
    actor: Mapped[str | None] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)  # JSON object


# The main courante for plain SQL queries: one row per revision, read from the events.
LOG_ENTRIES_VIEW = """CREATE VIEW log_entries AS SELECT
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


# The same view on PostgreSQL (a session there is a schema; ``payload`` is JSON text).
LOG_ENTRIES_VIEW_POSTGRESQL = """CREATE VIEW log_entries AS SELECT
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


def log_entries_view(dialect: str) -> str:
    """The ``CREATE VIEW log_entries`` statement for an engine (``sqlite`` or ``postgresql``)."""
    return LOG_ENTRIES_VIEW_POSTGRESQL if dialect == "postgresql" else LOG_ENTRIES_VIEW


def create_schema(conn: Connection) -> None:
    """Create the tables and views of a new session (current version), in a file or a server schema."""
    Base.metadata.create_all(conn)
    conn.exec_driver_sql(log_entries_view(conn.dialect.name))
