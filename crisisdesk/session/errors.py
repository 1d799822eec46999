"""Errors a session raises, each with a message a user can act on (str() is shown as is)."""

from __future__ import annotations


class SessionError(Exception):
    """Something the user must know about a session file or an action (clear message in str())."""


class NotASessionFile(SessionError):
    """The file is not a crisisdesk session (or is damaged beyond reading)."""


class NewerSchemaError(SessionError):
    """The file was written by a newer crisisdesk than this one."""


class ReadOnlySessionError(SessionError):
    """The file (or its folder) cannot be written."""


class SessionLockedError(SessionError):
    """Another program holds the file locked past the busy timeout."""


class InvalidActionError(SessionError):
    """An action that makes no sense now (fire an inject already fired, pause when not running...)."""


class WriteFailedError(SessionError):
    """A write did not reach the file (disk full, locked...).

    For main-courante data the write is kept in ``Session.pending_writes`` (and in a
    journal beside the file) and retried by ``Session.retry_pending()``; ``pending``
    says whether that happened, and ``event_id`` names the kept write.
    """

    def __init__(self, message: str, *, pending: bool, event_id: str | None = None):
        super().__init__(message)
        self.pending = pending
        self.event_id = event_id
