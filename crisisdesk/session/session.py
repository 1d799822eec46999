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
from pathlib import Path

from sqlalchemy.exc import OperationalError

from crisisdesk import collector
from crisisdesk.clock import ClockState, SystemTime, TimeSource
from crisisdesk.package.loader import load_package
from crisisdesk.package.model import Package
from crisisdesk.package.problems import PackageError
from crisisdesk.session import files
from crisisdesk.session.actions import ControllerActions
from crisisdesk.session.courante import CouranteWrites
from crisisdesk.session.db import BUSY_TIMEOUT_MS
from crisisdesk.session.errors import SessionError
from crisisdesk.session.journal import PendingWrite
from crisisdesk.session.snapshot import ExtractedPackage, package_files

__all__ = ["PendingWrite", "Session"]


class Session(ControllerActions, CouranteWrites):
    """An open session file: actions append events; ``state`` is rebuilt from them.

    The parts: ``core.py`` (file, state, reads, commits), ``actions.py`` (controller),
    ``courante.py`` (observers and evaluators), ``pending.py`` (kept writes),
    ``recovery.py`` (heartbeat and takeover after a crash), ``files.py`` (creating
    and opening files).
    """

    @classmethod
    def create(cls, path: str | os.PathLike, package_path: str | os.PathLike, *,
               time_source: TimeSource | None = None, observer: str | None = None,
               package: Package | None = None) -> Session:
        """Create a new session file holding a snapshot of the package; raise PackageError if it is invalid.

        ``package`` is the package already loaded from ``package_path`` by the caller, if it has it
        (the app and ``crisisdesk new`` read it to name the file): it is not read a second time.
        """
        path = Path(path)
        package_root = Path(package_path)
        files.check_new_file(path)
        if package is None:
            package = load_package(package_root)  # PackageError lists every problem
        try:
            snapshot = package_files(package_root)
        except (OSError, ValueError) as exc:
            raise SessionError(f"{package_root}: cannot read the package files: {exc}", code="package_unreadable",
                               params={"path": str(package_root), "reason": str(exc)}) from None
        clock_source = time_source or SystemTime()
        files.write_new_file(path, package, package_root, snapshot, clock_source.now(), observer)
        return cls.open(path, time_source=clock_source, observer=observer)

    @classmethod
    def open(cls, path: str | os.PathLike, *, time_source: TimeSource | None = None, read_only: bool = False,
             observer: str | None = None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Session:
        """Open a session file and rebuild its state from the stored events.

        ``read_only=True`` opens an archived or unwritable copy for viewing and export
        (actions then raise ReadOnlySessionError). An older file is upgraded in place
        (after a backup copy beside it); a newer one is refused.
        """
        path = Path(path)
        with collector.paused():  # reading back a long exercise: see crisisdesk/collector.py
            return cls._open_file(path, time_source, read_only, observer, busy_timeout_ms)

    @classmethod
    def _open_file(cls, path: Path, time_source: TimeSource | None, read_only: bool, observer: str | None,
                   busy_timeout_ms: int) -> Session:
        engine, stored = files.open_engine(path, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
        try:
            try:
                extracted = ExtractedPackage(stored)
            except PackageError as exc:
                raise SessionError(f"{path}: the package stored in this session cannot be loaded:\n{exc}",
                                   code="package_invalid", params={"path": str(path), "reason": str(exc)}) from None
            session = cls(path, engine, extracted, time_source or SystemTime(), read_only=read_only,
                          observer=observer, busy_timeout_ms=busy_timeout_ms)
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
            with self._read() as conn:
                self._apply(self._fetch(conn))
        except OperationalError as exc:
            raise files.open_error(self.path, exc) from None
        self._needs_takeover = not self.read_only and self._replayer.clock.state is ClockState.RUNNING
        self._opened_at = self._time.now()
        if not self.read_only:
            self._load_journal()
