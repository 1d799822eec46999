"""Tables of a session file (current schema version), as SQLAlchemy typed ORM classes.

The event log is the single source of truth: every action is one row of ``events``
and the state of the exercise is replayed from it. ``log_entries`` is a query
table for the main courante (one row per revision, written in the same transaction
as its event) so the courante can be searched with plain SQL without a replay.
Types are dialect-neutral (no SQLite-only types; JSON payloads as text) so a
session could live on PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 2
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


class LogEntryRow(Base):
    """One revision of a main-courante entry (schema 2): a query table fed with the ``entry`` events."""

    __tablename__ = "log_entries"
    __table_args__ = (
        Index("ix_log_entries_role", "role"),
        Index("ix_log_entries_inject", "inject_id"),
        Index("ix_log_entries_supersedes", "supersedes"),
    )

    entry_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_seq: Mapped[int] = mapped_column(ForeignKey("events.seq"), unique=True)
    revision: Mapped[int] = mapped_column(Integer)
    supersedes: Mapped[str | None] = mapped_column(String(64))
    observer: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    inject_id: Mapped[str | None] = mapped_column(String(100))
    tags: Mapped[str] = mapped_column(Text)  # JSON list
    real_time: Mapped[float] = mapped_column(Float)
    elapsed: Mapped[float | None] = mapped_column(Float)
    scenario_time: Mapped[datetime | None] = mapped_column(DateTime)
    stage: Mapped[str] = mapped_column(String(16))
