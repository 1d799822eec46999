"""Courante and evaluation writes not in the file yet: the one place that keeps them.

A write that fails (disk full, file locked past the busy timeout) is kept in memory
and in this window's journal (``journal.py``); the courante writer (``courante.py``)
puts the kept writes in before the next write that succeeds, in the same
transaction, in the order they were made, and ``retry_pending()`` stores them on
demand. The next window that opens the file adopts the journals left beside it.

The observers' panels register here too what was typed and not handed to the
session yet (``hold``), so "what is not saved" has one answer: ``unsaved_ids``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from crisisdesk.session import journal
from crisisdesk.session.errors import SessionError
from crisisdesk.session.journal import Journal, PendingWrite
from crisisdesk.session.store import Draft


class KeptWrites:
    """The writes the file could not take (with their journal), and the writes typed but not sent yet."""

    def __init__(self, session_path: Path):
        self.session_path = session_path
        self._kept: list[PendingWrite] = []
        self._journal = Journal(session_path)
        # event id -> (who typed it, what to send), until stored or refused; "who" is opaque here
        self._held: dict[str, tuple[object, dict[str, Any]]] = {}

    # -- reading ---------------------------------------------------------------------------

    @property
    def writes(self) -> tuple[PendingWrite, ...]:
        """The kept writes, in the order they were made."""
        return tuple(self._kept)

    def __bool__(self) -> bool:
        return bool(self._kept)

    def __len__(self) -> int:
        return len(self._kept)

    def has(self, event_id: str) -> bool:
        return any(p.event_id == event_id for p in self._kept)

    def drafts(self) -> list[Draft]:
        """The kept writes as drafts to insert again (their event ids make a second insert a no-op)."""
        return [Draft(p.kind, p.real_time, p.elapsed, p.scenario_time, p.payload, p.actor, p.event_id)
                for p in self._kept]

    @property
    def journal_path(self) -> Path:
        return self._journal.path

    @property
    def journal_error(self) -> str | None:
        """Why the last write to the journal failed, if it did."""
        return self._journal.error

    def needs_journal(self) -> bool:
        """True if some kept write is in memory only (the journal could not take it)."""
        return any(not p.journaled for p in self._kept)

    # -- typed, not sent yet ---------------------------------------------------------------

    def hold(self, event_id: str, typed: dict[str, Any], owner: object = None) -> None:
        """Note a write typed in a window and not stored yet: ``typed`` is what to send, ``owner`` who typed it."""
        self._held[event_id] = (owner, typed)

    def held(self, event_id: str) -> dict[str, Any] | None:
        """What was typed for a held write (None once stored or refused)."""
        found = self._held.get(event_id)
        return found[1] if found else None

    def release(self, event_id: str) -> dict[str, Any] | None:
        """Forget a held write (stored, or refused and given back to the user); return what was typed."""
        found = self._held.pop(event_id, None)
        return found[1] if found else None

    def held_ids(self, owner: object = None) -> list[str]:
        """The held writes, in the order they were typed (only ``owner``'s if given)."""
        return [i for i, (who, _) in self._held.items() if owner is None or who is owner]

    def unsaved_ids(self) -> set[str]:
        """Every write not in the file: kept, or typed and not stored yet."""
        return {p.event_id for p in self._kept} | set(self._held)

    def all_journaled(self) -> bool:
        """True if every unsaved write is in the journal beside the file (stored at the next open)."""
        kept = {p.event_id for p in self._kept if p.journaled}
        return all(p.journaled for p in self._kept) and set(self._held) <= kept

    # -- keeping ---------------------------------------------------------------------------

    def keep(self, draft: Draft, reason: str) -> bool:
        """Keep a failed write in memory and in the journal; False if the journal could not take it."""
        if self.has(draft.event_id):
            return True  # the same user action again: kept already
        pending = PendingWrite(draft.event_id, draft.kind, draft.real_time, draft.elapsed, draft.scenario_time,
                               draft.actor, draft.payload, reason)
        self._kept.append(pending)
        if self._journal.keep(pending, self._kept):
            return True
        self._kept[-1] = replace(pending, journaled=False)
        return False

    def failed_again(self, reason: str) -> None:
        """Note why the kept writes still could not be stored."""
        self._kept = [replace(p, error=reason) for p in self._kept]

    def stored(self, event_ids: set[str]) -> None:
        """Forget the kept writes now in the file, and write the journal again."""
        self._kept = [p for p in self._kept if p.event_id not in event_ids]
        self.sync()

    def take(self, writes: Iterable[PendingWrite]) -> int:
        """Keep ``writes`` brought back from a file of unsaved writes (those not kept already); return how many.

        They go in the journal too, in the order they were made, before anything tries to store them.
        """
        seen = {p.event_id for p in self._kept}
        taken = 0
        for pending in writes:
            if pending.event_id not in seen:
                seen.add(pending.event_id)
                self._kept.append(replace(pending, journaled=False))
                taken += 1
        self._kept.sort(key=lambda p: p.real_time)  # stable: the order they were made in
        self.sync()
        return taken

    def adopt(self) -> bool:
        """Take in the journals other windows left beside the file; True if anything was found."""
        adopted, found = self._journal.adopt()
        if not adopted and not found:
            return False
        seen = {p.event_id for p in self._kept}
        for pending in adopted:
            if pending.event_id not in seen:
                seen.add(pending.event_id)
                self._kept.append(pending)
        self._kept.sort(key=lambda p: p.real_time)  # stable: the order they were made in
        if self.sync():
            self._journal.discard(found)  # safe in our journal now
        return True

    def sync(self) -> bool:
        """Make this window's journal hold exactly the kept writes; False if it could not be written."""
        if not self._journal.rewrite(self._kept):
            return False
        self._kept = journal.mark_journaled(self._kept)
        return True

    def export(self, path: str | os.PathLike) -> int:
        """Write the kept writes to a JSON file the user picked (e.g. on a USB key); return how many."""
        target = Path(path)
        try:
            journal.export(self._kept, self.session_path, target)
        except OSError as exc:
            raise SessionError(f"{target}: cannot write the unsaved writes there: {exc.strerror or exc}",
                               code="export_failed",
                               params={"path": str(target), "reason": str(exc.strerror or exc)}) from None
        return len(self._kept)
