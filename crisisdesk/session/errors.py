"""Errors a session raises: an English message for the command line and logs, a stable code for the UI.

``str(error)`` is a complete English sentence naming the file, inject or field
(shown as is by the command line and written to logs). ``error.code`` is a stable
identifier the interface translates, and ``error.params`` holds the values the
message names. The codes:

| code | raised when | params |
|---|---|---|
| ``not_a_session`` | the file is not a crisisdesk session (or is damaged beyond reading) | path, reason |
| ``damaged`` | the file is a session file whose tables are damaged (a damaged *event* is an anomaly of the replay instead) | path, reason |
| ``pending_file_invalid`` | ``import_pending`` was given a file that is not, or no longer, a file of unsaved writes | path, reason |
| ``newer_version`` | the file was written by a newer crisisdesk | path, version, supported |
| ``no_such_file``, ``no_such_folder``, ``file_exists`` | creating or opening | path |
| ``read_only`` | the file or folder cannot be written, or the session was opened read-only | path |
| ``locked`` | another program holds the file past the busy timeout | path |
| ``disk_full``, ``io_error``, ``write_failed`` | a write did not reach the file (``WriteFailedError``) | path, reason |
| ``open_failed``, ``read_failed``, ``create_failed``, ``upgrade_failed`` | the file could not be opened, read, created or upgraded | path, reason |
| ``package_unreadable``, ``package_invalid`` | the package (folder or stored copy) cannot be read or loaded | path, reason |
| ``bad_path``, ``no_such_attachment`` | ``attachment_bytes`` | path |
| ``export_failed`` | ``export_pending`` could not write its file | path, reason |
| ``closed`` | the session was closed | path |
| ``not_started``, ``ended`` | an action needs the exercise in play | action |
| ``already_started``, ``not_running``, ``not_paused`` | a clock transition that does not fit | action, state |
| ``already_fired``, ``already_skipped`` | the inject was fired or skipped already (maybe by another window) | inject_id |
| ``nothing_to_fire`` | ``fire_next`` with no inject left | |
| ``last_phase`` | jump to the next phase from the last one | |
| ``zero_minutes``, ``nothing_to_change`` | a delay, shift or edit that changes nothing | inject_id |
| ``unknown_inject``, ``unknown_role``, ``unknown_indicator``, ``unknown_objective``, ``unknown_entry`` | an id the package or the log does not know | the id |
| ``unknown_kind``, ``unknown_tag``, ``unknown_status``, ``unknown_rating``, ``unknown_item`` | a value outside its list | value, allowed |
| ``not_fired`` | checking an expected response of an inject not fired yet | inject_id |
| ``already_corrected`` | correcting an entry that has a newer revision | entry_id, by |
| ``bad_id``, ``bad_value``, ``bad_date``, ``empty``, ``not_editable`` | a field with a wrong value | field, value |
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class SessionError(Exception):
    """Something the user must know about a session file or an action (English message in str())."""

    default_code = "error"

    def __init__(self, message: str = "", *, code: str | None = None, params: Mapping[str, Any] | None = None):
        super().__init__(message)
        self.code = code or self.default_code
        self.params: dict[str, Any] = dict(params or {})


class NotASessionFile(SessionError):
    """The file is not a crisisdesk session (or is damaged beyond reading)."""

    default_code = "not_a_session"


class NewerSchemaError(SessionError):
    """The file was written by a newer crisisdesk than this one."""

    default_code = "newer_version"


class ReadOnlySessionError(SessionError):
    """The file (or its folder) cannot be written."""

    default_code = "read_only"


class SessionLockedError(SessionError):
    """Another program holds the file locked past the busy timeout."""

    default_code = "locked"


class InvalidActionError(SessionError):
    """An action that makes no sense now (fire an inject already fired, pause when not running...)."""

    default_code = "invalid_action"


class WriteFailedError(SessionError):
    """A write did not reach the file (disk full, locked...): ``code`` says why.

    For main-courante data the write is kept in ``Session.pending_writes`` (and in a
    journal beside the file) and retried by ``Session.retry_pending()``; ``pending``
    says whether that happened, and ``event_id`` names the kept write.
    """

    default_code = "write_failed"

    def __init__(self, message: str, *, pending: bool, event_id: str | None = None, code: str | None = None,
                 params: Mapping[str, Any] | None = None):
        super().__init__(message, code=code, params=params)
        self.pending = pending
        self.event_id = event_id
