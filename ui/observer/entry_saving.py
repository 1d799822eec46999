"""The observer's typed entries on their way to the session file: save, keep, retry, refuse.

No widget here: the observer panel hands an entry over, shows the draft this returns at
once ("en cours…"), then shows each ``Saved`` outcome the way it says. The rule it keeps:
an entry counts as saved only once ``session.log_entry`` returned (committed), and until
then it is held in the session's kept writes (``session.kept``), the one place the close
guard (``ui/observer/unsaved.py``) asks what is not saved yet.

Outcomes of one save:
- ``SAVED``: in the file; released from the kept writes.
- ``KEPT``: the file refused the write (locked, disk full): the session keeps it (memory
  and journal), it stays held here and ``retry`` sends it again with the same id, so it is
  stored once.
- ``UNEXPECTED``: a bug, not the file: kept and retried as above; ``report`` is True the
  first time for that entry only, so the error reporter shows it once.
- ``REFUSED``: the session refused it (unknown role, read-only file...): nothing stored,
  nothing will be retried; its text waits in ``refused_ids`` until taken back.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crisisdesk.logsyntax import format_entry_line
from crisisdesk.session.errors import SessionError, WriteFailedError
from crisisdesk.session.state import LogEntry

if TYPE_CHECKING:
    from crisisdesk.session import Session
    from ui.observer.quick_entry import QuickEntry


class Outcome(enum.Enum):
    """What became of one attempt to save an entry."""

    SAVED = "saved"
    KEPT = "kept"  # the file did not take it: kept by the session, retried
    UNEXPECTED = "unexpected"  # a bug: kept and retried too
    REFUSED = "refused"  # refused by the session: never stored, the text is given back


@dataclass(frozen=True)
class Saved:
    """The outcome of one save: what happened, and why if it did not reach the file."""

    entry_id: str
    outcome: Outcome
    error: BaseException | None = None
    report: bool = False  # an unexpected error seen for the first time for this entry

    @property
    def stored(self) -> bool:
        return self.outcome is Outcome.SAVED


class EntrySaving:
    """One panel's typed entries until they are in the session file (or refused and taken back)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._refused: dict[str, dict[str, Any]] = {}  # entry id -> what was typed, until taken back
        self._reported: set[str] = set()  # entries whose unexpected error was reported already

    # -- typing and saving --------------------------------------------------------------------

    def begin(self, observer: str, entry: QuickEntry) -> LogEntry:
        """Hold a typed entry as unsaved (in the session's kept writes) and return its draft to show at once."""
        entry_id = uuid.uuid4().hex
        now = self._session.now()
        state = self._session.state
        stage = state.stage
        elapsed = None if stage == "briefing" else state.clock.elapsed(now)
        scenario = state.clock.scenario_time(now) if stage == "play" else None
        draft = LogEntry(
            entry_id=entry_id, revision=1, supersedes=entry.supersedes, observer=observer, role=entry.role,
            kind=entry.kind, text=entry.text, inject_id=entry.inject_id, tags=entry.tags, real_time=now,
            elapsed=elapsed, scenario_time=scenario, stage=stage,
        )
        # Unsaved from now on, in the one place that counts what is unsaved: the session's kept writes.
        self._session.kept.hold(entry_id, dict(
            observer=observer, role=entry.role, kind=entry.kind, text=entry.text, inject_id=entry.inject_id,
            tags=entry.tags, entry_id=entry_id, supersedes=entry.supersedes,
        ), owner=self)
        return draft

    def save(self, entry_id: str) -> Saved:
        """Send a held entry to the session; an entry no longer held (saved meanwhile) counts as saved."""
        arguments = self._session.kept.held(entry_id)
        if arguments is None:
            return Saved(entry_id, Outcome.SAVED)
        try:
            self._session.log_entry(**arguments)
        except WriteFailedError as exc:
            # Kept by the session (memory and journal beside the file): still held here, retried later.
            return Saved(entry_id, Outcome.KEPT, exc)
        except SessionError as exc:
            # Refused: nothing stored; what was typed waits here to be given back.
            self._refused[entry_id] = self._session.kept.release(entry_id) or arguments
            return Saved(entry_id, Outcome.REFUSED, exc)
        except Exception as exc:  # a bug, not the file: held and retried, reported once per entry
            first = entry_id not in self._reported
            self._reported.add(entry_id)
            return Saved(entry_id, Outcome.UNEXPECTED, exc, report=first)
        self._reported.discard(entry_id)
        self._session.kept.release(entry_id)
        return Saved(entry_id, Outcome.SAVED)

    def retry(self) -> list[Saved]:
        """Try again every held entry (after the session's own kept writes); return each outcome."""
        if self._session.pending_writes:
            try:
                self._session.retry_pending()
            except SessionError:
                pass  # still failing: the entries' own saves below say so
        return [self.save(entry_id) for entry_id in self.pending_ids]

    # -- what is not saved ---------------------------------------------------------------------

    @property
    def pending_ids(self) -> list[str]:
        """Entries typed here not in the file yet (being saved or kept for a retry), in typing order."""
        return self._session.kept.held_ids(owner=self)

    @property
    def refused_ids(self) -> list[str]:
        """Entries the session refused, waiting to be taken back, in the order they were refused."""
        return list(self._refused)

    def take_back(self, entry_id: str) -> str | None:
        """Forget a refused entry and return its text as a quick-entry line (None if not refused)."""
        typed = self._refused.pop(entry_id, None)
        if typed is None:
            return None
        return format_entry_line(role=typed["role"], kind=typed["kind"], text=typed["text"],
                                 inject_id=typed["inject_id"], tags=typed["tags"])
