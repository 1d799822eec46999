"""The ``Session`` facade: one exercise run stored in one ``*.crisisdesk`` file.

Every action is an event, committed in its own short transaction before the call
returns; the state is the replay of the events (see ``replay.py``). Each write first
reads the events other processes committed since our last look, under the write
lock, so an action is checked against the latest state (two windows on one file
cannot both fire the same inject). ``refresh()`` reads those events without writing.

Controller actions that fail to reach the file raise ``WriteFailedError`` and change
nothing (the controller sees it at once and can try again). Main-courante and
evaluation writes (entries, checks, ratings, improvements, findings) are never lost:
if the file cannot take them they are kept in ``pending_writes`` and in a journal
beside the file, and ``retry_pending()`` (also run on the next open) stores them.

After a crash: the clock counts wall time, so the minutes the app was down are
exercise time. The injects that fell due meanwhile are not fired by themselves: the
first controller action or ``tick()`` after reopening a running exercise records a
``recovered`` event that flags them overdue (and the downtime, from the controller's
heartbeat), and they wait for the controller to fire or skip them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from crisisdesk import collector
from crisisdesk.clock import SystemTime, TimeSource
from crisisdesk.package.loader import load_package
from crisisdesk.package.model import Package
from crisisdesk.package.problems import PackageError
from crisisdesk.session import files, server_store
from crisisdesk.session.actions import ControllerActions
from crisisdesk.session.core import EventStore
from crisisdesk.session.courante import CouranteWrites, ImportResult
from crisisdesk.session.db import BUSY_TIMEOUT_MS
from crisisdesk.session.engines import SessionLocation, parse_location, require_session_name
from crisisdesk.session.errors import SessionError, WriteFailedError
from crisisdesk.session.journal import PendingWrite
from crisisdesk.session.pending import KeptWrites
from crisisdesk.session.recovery import Recovery
from crisisdesk.session.snapshot import PackageContentsError, StoredPackage, package_members
from crisisdesk.session.state import InjectState, LogEntry, SessionState, UndoableAction

__all__ = ["ImportResult", "PendingWrite", "Session"]


class Session:
    """An open session file: actions append events; ``state`` is rebuilt from them.

    Composed of parts, each holding the ones it needs: ``store`` (``core.py``: the file,
    the state, reads, the one way to write events), ``kept`` (``pending.py``: every
    write not in the file yet), ``recovery`` (``recovery.py``: heartbeat and takeover
    after a crash), ``controller`` (``actions.py``) and ``courante`` (``courante.py``:
    observers and evaluators). This class opens and closes the file and forwards the
    public calls; ``files.py`` creates and opens files.
    """

    def __init__(self, path: Path, engine, extracted: StoredPackage, time_source: TimeSource, *,
                 read_only: bool, observer: str | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS,
                 location: SessionLocation | None = None):
        # A server session has no file: its journal of kept writes lives in the user's data folder.
        self.store = EventStore(path, engine, extracted, time_source, read_only=read_only, observer=observer,
                                busy_timeout_ms=busy_timeout_ms, location=location)
        self.kept = KeptWrites(path)
        self.recovery = Recovery(self.store)
        self.controller = ControllerActions(self.store, self.recovery)
        # Late-bound: a write catches up through this session's ``refresh`` (replaceable in tests).
        self.courante = CouranteWrites(self.store, self.kept, lambda: self.refresh())

    @classmethod
    def create(cls, path: str | os.PathLike, package_path: str | os.PathLike, *,
               time_source: TimeSource | None = None, observer: str | None = None,
               package: Package | None = None) -> Session:
        """Create a new session file holding a snapshot of the package; raise PackageError if it is invalid.

        ``package`` is the package already loaded from ``package_path`` by the caller, if it has it
        (the app and ``crisisdesk new`` read it to name the file): it is not read a second time.
        """
        location = parse_location(path)
        package_root = Path(package_path)
        if location.on_server:
            require_session_name(location)
        else:
            files.check_new_file(location.file)
        if package is None:
            package = load_package(package_root)  # PackageError lists every problem
        clock_source = time_source or SystemTime()
        now = clock_source.now()
        try:
            # Only what the package uses (its three files, the attachments its injects list), checked.
            members = package_members(package_root, package)
            if location.on_server:
                server_store.write_new(location, lambda conn: files.fill_new_session(
                    conn, package, package_root, files.member_rows(members), now, observer))
            else:
                files.write_new_file(location.file, package, package_root, members, now, observer)
        except PackageContentsError as exc:
            raise SessionError(f"cannot keep the package in the session: {exc}", code="package_unreadable",
                               params={"path": str(package_root), "reason": str(exc)}) from None
        return cls.open(location, time_source=clock_source, observer=observer)

    @classmethod
    def open(cls, path: str | os.PathLike | SessionLocation, *, time_source: TimeSource | None = None, read_only: bool = False,
             observer: str | None = None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Session:
        """Open a session file and rebuild its state from the stored events.

        ``read_only=True`` opens an archived or unwritable copy for viewing and export
        (actions then raise ReadOnlySessionError). An older file is upgraded in place
        (after a backup copy beside it); a newer one is refused.
        """
        location = parse_location(path)
        with collector.paused():  # reading back a long exercise: see crisisdesk/collector.py
            return cls._open_file(location, time_source, read_only, observer, busy_timeout_ms)

    @classmethod
    def _open_file(cls, location: SessionLocation, time_source: TimeSource | None, read_only: bool,
                   observer: str | None, busy_timeout_ms: int) -> Session:
        if location.on_server:
            engine, stored = server_store.open_engine(location, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
            path = location.local_stand_in()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                pass  # then a write the server refuses is kept in memory only, and the message says so
        else:
            path = location.file
            engine, stored = files.open_engine(path, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
        try:
            try:
                extracted = StoredPackage(stored, path)
            except PackageError as exc:
                raise SessionError(f"{path}: the package stored in this session cannot be loaded:\n{exc}",
                                   code="package_invalid", params={"path": str(path), "reason": str(exc)}) from None
            session = cls(path, engine, extracted, time_source or SystemTime(), read_only=read_only,
                          observer=observer, busy_timeout_ms=busy_timeout_ms, location=location)
        except BaseException:
            engine.dispose()
            raise
        try:
            session._open()
        except BaseException:
            session.close()
            raise
        return session

    def _open(self) -> None:
        try:
            self.store.load()
        except OperationalError as exc:
            if self.location.on_server:
                raise server_store.server_error(self.location, exc, "open the session") from None
            raise files.open_error(self.path, exc) from None
        self.recovery.opened()
        if not self.read_only and self.kept.adopt():
            try:
                self.courante.retry_pending()
            except WriteFailedError:
                pass  # still kept; the UI shows them as not saved

    # -- the file ------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The session file; for a server session, the local stand-in its journal hangs from (see ``location``)."""
        return self.store.path

    @property
    def location(self) -> SessionLocation:
        """Where the session lives: a file, or a server URL (``display`` shows it without any password)."""
        return self.store.location

    @property
    def name(self) -> str:
        """What to call the session in a title or message: the file name, or the session and its database."""
        return self.store.name

    @property
    def package(self) -> Package:
        return self.store.package

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def observer(self) -> str | None:
        return self.store.observer

    @property
    def _engine(self):
        return self.store.engine

    def close(self) -> None:
        """Close the file (kept writes stay in this window's journal for the next open).

        Kept writes the journal could not take (``PendingWrite.journaled`` False) are
        tried once more here; if they still fail they are lost when the app quits:
        offer ``export_pending`` first.
        """
        if not self.store.closed and not self.read_only and self.kept.needs_journal():
            self.kept.sync()
        self.store.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        """The state derived from the events, as of now (cached; rebuilt when events arrive or a second passes)."""
        return self.store.state

    def refresh(self) -> bool:
        """Read the events other processes committed since the last look; True if anything changed."""
        return self.store.refresh()

    def wait_for_changes(self, timeout: float) -> bool:
        """Block until another window's commit may be there for ``refresh`` (at once for a file); True if so."""
        return self.store.wait_for_changes(timeout)

    def events_since(self, seq: int = 0):
        """Every stored event (controller and courante) with a sequence number above ``seq``."""
        return self.store.events_since(seq)

    def meta(self) -> dict[str, str]:
        """Facts stored with the file (application, schema version, package, creation time...)."""
        return self.store.meta()

    def attachment_bytes(self, relpath: str) -> bytes:
        """Return the content of a package file (e.g. ``media/plan.pdf``) from the snapshot."""
        return self.store.attachment_bytes(relpath)

    def elapsed(self) -> float:
        """Exercise time now."""
        return self.store.replayer.clock.elapsed(self.store.time.now())

    def now(self) -> float:
        """Wall time from the session's time source."""
        return self.store.time.now()

    # -- the controller (actions.py, recovery.py): see ControllerActions for each action ---

    def start(self) -> None:
        self.controller.start()

    def pause(self) -> None:
        self.controller.pause()

    def resume(self) -> None:
        self.controller.resume()

    def end(self) -> None:
        self.controller.end()

    def fire(self, inject_id: str, *, actor: str | None = None) -> InjectState:
        return self.controller.fire(inject_id, actor=actor)

    def fire_next(self, *, actor: str | None = None) -> InjectState:
        return self.controller.fire_next(actor=actor)

    def skip(self, inject_id: str) -> None:
        self.controller.skip(inject_id)

    def delay(self, inject_id: str, minutes: int) -> None:
        self.controller.delay(inject_id, minutes)

    def edit_inject(self, inject_id: str, **fields: Any) -> InjectState:
        return self.controller.edit_inject(inject_id, **fields)

    def add_inject(self, *, title: str, body: str, to: Iterable[str] | str, channel: str, sender: str,
                   at: int | str | None = None, expected: Iterable = (), sets: Mapping | None = None,
                   notes: str = "", fire_now: bool = False, manual: bool = False) -> str:
        return self.controller.add_inject(title=title, body=body, to=to, channel=channel, sender=sender, at=at,
                                          expected=expected, sets=sets, notes=notes, fire_now=fire_now,
                                          manual=manual)

    def jump_to_next_phase(self) -> None:
        self.controller.jump_to_next_phase()

    def shift_timeline(self, minutes: int) -> None:
        self.controller.shift_timeline(minutes)

    def set_autofire(self, enabled: bool) -> None:
        self.controller.set_autofire(enabled)

    def set_indicator(self, indicator_id: str, value: int | float | str) -> None:
        self.controller.set_indicator(indicator_id, value)

    def undo_last(self, expected: UndoableAction | None = None) -> UndoableAction:
        return self.controller.undo_last(expected)

    def unskip(self, inject_id: str) -> None:
        self.controller.unskip(inject_id)

    def mark_misfired(self, inject_id: str) -> None:
        self.controller.mark_misfired(inject_id)

    def due_injects(self) -> list[InjectState]:
        return self.controller.due_injects()

    def next_to_fire(self) -> InjectState | None:
        return self.controller.next_to_fire()

    def tick(self) -> list[str]:
        return self.controller.tick()

    def next_due_at(self) -> float | None:
        return self.controller.next_due_at()

    def beat(self) -> bool:
        return self.recovery.beat()

    # -- observers and evaluators (courante.py, pending.py): see CouranteWrites ----------

    def log_entry(self, *, observer: str, role: str | None, kind: str, text: str, inject_id: str | None = None,
                  tags: Iterable[str] = (), entry_id: str | None = None, supersedes: str | None = None) -> LogEntry:
        return self.courante.log_entry(observer=observer, role=role, kind=kind, text=text, inject_id=inject_id,
                                       tags=tags, entry_id=entry_id, supersedes=supersedes)

    def check_expectation(self, inject_id: str, index: int, status: str, *, observer: str, note: str = "",
                          event_id: str | None = None) -> str:
        return self.courante.check_expectation(inject_id, index, status, observer=observer, note=note,
                                               event_id=event_id)

    def rate_objective(self, objective_id: str, rating: str, justification: str, *, observer: str,
                       event_id: str | None = None) -> str:
        return self.courante.rate_objective(objective_id, rating, justification, observer=observer,
                                            event_id=event_id)

    def add_improvement(self, *, action: str, owner_role: str | None, priority: str, due_date: date | str | None,
                        objective_id: str | None = None, observer: str | None = None,
                        event_id: str | None = None, domain: str = "", organisation: str = "", contact: str = "",
                        start_date: date | str | None = None, status: str = "",
                        finding_id: int | None = None) -> int:
        return self.courante.add_improvement(action=action, owner_role=owner_role, priority=priority,
                                             due_date=due_date, objective_id=objective_id, observer=observer,
                                             event_id=event_id, domain=domain, organisation=organisation,
                                             contact=contact, start_date=start_date, status=status,
                                             finding_id=finding_id)

    def edit_improvement(self, number: int, *, action: str, owner_role: str | None, priority: str,
                         due_date: date | str | None, objective_id: str | None = None, observer: str | None = None,
                         event_id: str | None = None, domain: str = "", organisation: str = "", contact: str = "",
                         start_date: date | str | None = None, status: str = "",
                         finding_id: int | None = None) -> int:
        return self.courante.edit_improvement(number, action=action, owner_role=owner_role, priority=priority,
                                              due_date=due_date, objective_id=objective_id, observer=observer,
                                              event_id=event_id, domain=domain, organisation=organisation,
                                              contact=contact, start_date=start_date, status=status,
                                              finding_id=finding_id)

    def delete_improvement(self, number: int, *, observer: str | None = None, event_id: str | None = None) -> None:
        self.courante.delete_improvement(number, observer=observer, event_id=event_id)

    def add_finding(self, kind: str, text: str, objective_id: str | None = None, *,
                    observer: str | None = None, event_id: str | None = None, reference: str = "",
                    cause: str = "", recommendation: str = "") -> int:
        return self.courante.add_finding(kind, text, objective_id, observer=observer, event_id=event_id,
                                         reference=reference, cause=cause, recommendation=recommendation)

    def edit_finding(self, number: int, kind: str, text: str, objective_id: str | None = None, *,
                     observer: str | None = None, event_id: str | None = None, reference: str = "",
                     cause: str = "", recommendation: str = "") -> int:
        return self.courante.edit_finding(number, kind, text, objective_id, observer=observer, event_id=event_id,
                                          reference=reference, cause=cause, recommendation=recommendation)

    def delete_finding(self, number: int, *, observer: str | None = None, event_id: str | None = None) -> None:
        self.courante.delete_finding(number, observer=observer, event_id=event_id)

    def withdraw_rating(self, objective_id: str, *, observer: str, event_id: str | None = None) -> str:
        return self.courante.withdraw_rating(objective_id, observer=observer, event_id=event_id)

    def set_retex(self, fields: dict[str, str], *, observer: str | None = None, event_id: str | None = None) -> str:
        return self.courante.set_retex(fields, observer=observer, event_id=event_id)

    def mark_delivered(self, inject_id: str, *, animator: str, event_id: str | None = None) -> str:
        return self.courante.mark_delivered(inject_id, animator=animator, event_id=event_id)

    def retry_pending(self) -> int:
        """Store the kept writes; return how many were saved. Raise WriteFailedError if some still fail."""
        return self.courante.retry_pending()

    @property
    def pending_writes(self) -> tuple[PendingWrite, ...]:
        """Writes kept because the file could not take them, in the order they were made.

        ``journaled`` False marks those that even the journal beside the file could not
        take (full disk). ``unsaved_ids()`` adds what was typed and not sent yet.
        """
        return self.kept.writes

    def unsaved_ids(self) -> set[str]:
        """Every write not in the file: kept, or typed in a window and not stored yet (``kept.hold``)."""
        return self.kept.unsaved_ids()

    def import_pending(self, path: str | os.PathLike) -> ImportResult:
        """Store the writes of a file ``export_pending`` wrote (when the disk was full); see CouranteWrites."""
        return self.courante.import_pending(path)

    def export_pending(self, path: str | os.PathLike) -> int:
        """Write the kept writes to a JSON file the user picked (e.g. on a USB key); return how many."""
        return self.kept.export(path)

    @property
    def journal_path(self) -> Path:
        """Where this window keeps the writes that could not reach the file (beside it)."""
        return self.kept.journal_path
