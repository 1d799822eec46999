"""Courante and evaluation writes that must never be lost: kept when the file cannot take them, retried.

A write that fails (disk full, file locked past the busy timeout) is kept in memory
and in this window's journal (``journal.py``) and raises ``WriteFailedError``
(``pending=True``). The kept writes go in before the next write that succeeds, in
the same transaction, in the order they were made; ``retry_pending()`` stores them
on demand, and the next window that opens the file adopts the journals left beside it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError

from crisisdesk.session import journal
from crisisdesk.session.core import SessionCore
from crisisdesk.session.errors import SessionError, WriteFailedError
from crisisdesk.session.journal import Journal, PendingWrite
from crisisdesk.session.schema import Event
from crisisdesk.session.store import Draft, insert_event


class PendingWrites(SessionCore):
    """The kept writes: the list the UI shows, their journal, their retry and their export."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pending: list[PendingWrite] = []
        self._journal = Journal(self.path)

    def close(self) -> None:
        """Close the file (pending writes stay in this window's journal for the next open).

        Writes the journal could not take (``PendingWrite.journaled`` False) are
        tried once more here; if they still fail they are lost when the app quits:
        offer ``export_pending`` first.
        """
        if not self._closed and not self.read_only and any(not p.journaled for p in self._pending):
            self._sync_journal()
        super().close()

    @property
    def pending_writes(self) -> tuple[PendingWrite, ...]:
        """Writes kept because the file could not take them, in the order they were made.

        The UI's source of truth for "not saved yet"; ``journaled`` False marks those
        that even the journal beside the file could not take (full disk).
        """
        return tuple(self._pending)

    def export_pending(self, path: str | os.PathLike) -> int:
        """Write the kept writes to a JSON file the user picked (e.g. on a USB key); return how many."""
        target = Path(path)
        try:
            journal.export(self._pending, self.path, target)
        except OSError as exc:
            raise SessionError(f"{target}: cannot write the unsaved writes there: {exc.strerror or exc}",
                               code="export_failed",
                               params={"path": str(target), "reason": str(exc.strerror or exc)}) from None
        return len(self._pending)

    def retry_pending(self) -> int:
        """Store the kept writes; return how many were saved. Raise WriteFailedError if some still fail."""
        if not self._pending:
            return 0
        self._writable()
        drafts = [_draft_of(p) for p in self._pending]
        try:
            with self._engine.begin() as conn:
                self._apply(self._fetch(conn))
                records = [r for r in (insert_event(conn, d) for d in drafts) if r is not None]
        except (OperationalError, DBAPIError) as exc:
            reason = self._write_error(exc)
            self._pending = [_with_error(p, reason) for p in self._pending]
            raise WriteFailedError(f"{reason} {len(self._pending)} write(s) still kept, not saved yet.",
                                   pending=True, **self._failure(exc, count=len(self._pending))) from None
        self._apply(records)
        saved = len(self._pending)
        self._pending.clear()
        self._sync_journal()
        return saved

    def _record(self, make: Callable[[float], Draft]) -> int:
        """Write one courante/evaluation event and return its seq; keep it pending if the file cannot take it.

        ``make(now)`` stamps the event (exercise time, stage, phase) once the events of
        other windows are applied, under the write lock: an entry made just after
        another window's ENDEX says "hotwash". If the lock cannot be had, it is stamped
        with what this window knows and kept. The writes kept earlier go in first, in
        the order they were made and in the same transaction, so a later write is
        never stored before an earlier one.
        """
        self._writable()
        acted = self._time.now()
        kept = [_draft_of(p) for p in self._pending]
        draft: Draft | None = None
        try:
            with self._engine.begin() as conn:
                self._apply(self._fetch(conn))
                # Never before the last stored event: the stamp must agree with the replayed clock.
                draft = make(max(acted, self._replayer.last_real_time))
                records = [r for r in (insert_event(conn, d) for d in [*kept, draft]) if r is not None]
                mine = next((r for r in records if r.event_id == draft.event_id), None)
                # None: stored before (an idempotent retry), and the catch-up applied it.
                seq = mine.seq if mine else conn.execute(
                    select(Event.seq).where(Event.event_id == draft.event_id)).scalar_one()
        except (OperationalError, DBAPIError) as exc:
            if draft is None:  # the write lock could not be had
                draft = make(acted)
            reason = self._write_error(exc)
            if self._keep(draft, reason):
                message = f"{reason} Kept: it will be saved when the file can take it."
            else:
                message = (f"{reason} Kept in memory only, not in the journal beside the file "
                           f"({self._journal.error}): export the unsaved writes before closing.")
            raise WriteFailedError(message, pending=True, event_id=draft.event_id,
                                   **self._failure(exc, journaled=self._journal.error is None)) from None
        self._apply(records)
        if kept:
            saved = {d.event_id for d in kept}
            self._pending = [p for p in self._pending if p.event_id not in saved]
            self._sync_journal()
        return seq

    @property
    def journal_path(self) -> Path:
        """Where this window keeps the writes that could not reach the file (beside it)."""
        return self._journal.path

    def _keep(self, draft: Draft, reason: str) -> bool:
        """Keep a failed write in memory and in the journal; False if the journal could not take it."""
        pending = PendingWrite(draft.event_id, draft.kind, draft.real_time, draft.elapsed, draft.scenario_time,
                               draft.actor, draft.payload, reason)
        if any(p.event_id == draft.event_id for p in self._pending):
            return True  # the same user action again: kept already
        self._pending.append(pending)
        if self._journal.keep(pending, self._pending):
            return True
        self._pending[-1] = replace(pending, journaled=False)
        return False

    def _load_journal(self) -> None:
        """Adopt the journals left beside the file (by any window) and store their writes."""
        adopted, files = self._journal.adopt()
        if not adopted and not files:
            return
        seen = {p.event_id for p in self._pending}
        for pending in adopted:
            if pending.event_id not in seen:
                seen.add(pending.event_id)
                self._pending.append(pending)
        self._pending.sort(key=lambda p: p.real_time)  # stable: the order they were made in
        if self._sync_journal():
            self._journal.discard(files)  # safe in our journal now
        try:
            self.retry_pending()
        except WriteFailedError:
            pass  # still kept; the UI shows them as not saved

    def _sync_journal(self) -> bool:
        """Make this window's journal hold exactly the kept writes; False if it could not be written."""
        if not self._journal.rewrite(self._pending):
            return False
        self._pending = journal.mark_journaled(self._pending)
        return True


def _draft_of(pending: PendingWrite) -> Draft:
    return Draft(pending.kind, pending.real_time, pending.elapsed, pending.scenario_time, pending.payload,
                  pending.actor, pending.event_id)


def _with_error(pending: PendingWrite, reason: str) -> PendingWrite:
    return replace(pending, error=reason)
