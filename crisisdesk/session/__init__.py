"""The exercise engine: a session file (SQLite) holding the package snapshot and an event log.

Importing this package is light; ``Session`` (which needs SQLAlchemy, ~0.5 s to
import) is loaded on first use, so the UI can show its window first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crisisdesk.clock import ClockState, ExerciseClock, FakeTime, SystemTime, TimeSource
from crisisdesk.session.errors import (
    InvalidActionError,
    NewerSchemaError,
    NotASessionFile,
    ReadOnlySessionError,
    SessionError,
    SessionLockedError,
    WriteFailedError,
)
from crisisdesk.session.journal import PendingWrite
from crisisdesk.session.naming import SESSION_SUFFIX
from crisisdesk.session.state import (
    CHECK_STATUSES,
    ENTRY_KINDS,
    ENTRY_TAGS,
    FINDING_KINDS,
    RATINGS,
    EventRecord,
    ExpectationCheck,
    Finding,
    Improvement,
    IndicatorChange,
    InjectState,
    InjectStatus,
    LogEntry,
    ObjectiveRating,
    SessionState,
)

if TYPE_CHECKING:
    from crisisdesk.session.session import Session


__all__ = [
    "CHECK_STATUSES",
    "ENTRY_KINDS",
    "ENTRY_TAGS",
    "FINDING_KINDS",
    "RATINGS",
    "SESSION_SUFFIX",
    "ClockState",
    "EventRecord",
    "ExerciseClock",
    "ExpectationCheck",
    "FakeTime",
    "Finding",
    "Improvement",
    "IndicatorChange",
    "InjectState",
    "InjectStatus",
    "InvalidActionError",
    "LogEntry",
    "NewerSchemaError",
    "NotASessionFile",
    "ObjectiveRating",
    "PendingWrite",
    "ReadOnlySessionError",
    "Session",
    "SessionError",
    "SessionLockedError",
    "SessionState",
    "SystemTime",
    "TimeSource",
    "WriteFailedError",
]


def __getattr__(name: str):
    # Lazy: the facade pulls in SQLAlchemy.
    if name == "Session":
        from crisisdesk.session import session as _module

        return getattr(_module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
