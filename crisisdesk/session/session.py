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

import json
import os
import uuid
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError, OperationalError

from crisisdesk import __version__
from crisisdesk.clock import ClockError, ClockState, SystemTime, TimeSource
from crisisdesk.package.loader import load_package
from crisisdesk.package.model import Package
from crisisdesk.package.problems import PackageError
from crisisdesk.session import inject_fields, journal, migrations, scheduler
from crisisdesk.session.db import BUSY_TIMEOUT_MS, backup_sqlite, checkpoint, sqlite_engine
from crisisdesk.session.errors import (
    InvalidActionError,
    NotASessionFile,
    ReadOnlySessionError,
    SessionError,
    SessionLockedError,
    WriteFailedError,
)
from crisisdesk.session.journal import Journal, PendingWrite
from crisisdesk.session.replay import Replayer
from crisisdesk.session.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Event,
    Meta,
    PackageFile,
    create_schema,
)
from crisisdesk.session.snapshot import ExtractedPackage, package_files, safe_relpath
from crisisdesk.session.state import (
    CHECK_STATUSES,
    ENTRY_KINDS,
    ENTRY_TAGS,
    FINDING_KINDS,
    RATINGS,
    EventRecord,
    InjectState,
    InjectStatus,
    LogEntry,
    SessionState,
    stage_of,
)

HEARTBEAT_INTERVAL = 5.0  # seconds between two "controller alive" marks while running
# A heartbeat waits this long at most for the write lock: it runs on the UI thread, and a
# missed one only makes the downtime estimate coarser.
BEAT_BUSY_TIMEOUT_MS = 80
DOWNTIME_GRACE = 15.0  # a gap shorter than this is a restart, not downtime worth reporting
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class _Draft:
    """An event about to be written."""

    kind: str
    real_time: float
    elapsed: float | None
    scenario_time: datetime | None
    payload: dict[str, Any] = field(default_factory=dict)
    actor: str | None = None
    event_id: str = field(default_factory=lambda: uuid.uuid4().hex)


class _AlreadyDone(InvalidActionError):
    """The inject was fired or skipped meanwhile (by another window, or a moment ago)."""


class Session:
    """An open session file: actions append events; ``state`` is rebuilt from them."""

    # -- opening and closing ----------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike, package_path: str | os.PathLike, *,
               time_source: TimeSource | None = None, observer: str | None = None) -> Session:
        """Create a new session file holding a snapshot of the package; raise PackageError if it is invalid."""
        path = Path(path)
        package_root = Path(package_path)
        if path.exists():
            raise SessionError(f"{path}: already exists; choose another name or delete it first",
                               code="file_exists", params={"path": str(path)})
        if not path.parent.is_dir():
            raise SessionError(f"{path.parent}: no such folder", code="no_such_folder",
                               params={"path": str(path.parent)})
        if not os.access(path.parent, os.W_OK):
            raise ReadOnlySessionError(f"{path.parent}: cannot write in this folder", params={"path": str(path.parent)})
        package = load_package(package_root)  # PackageError lists every problem
        try:
            files = package_files(package_root)
        except (OSError, ValueError) as exc:
            raise SessionError(f"{package_root}: cannot read the package files: {exc}", code="package_unreadable",
                               params={"path": str(package_root), "reason": str(exc)}) from None
        clock_source = time_source or SystemTime()
        now = clock_source.now()
        engine = sqlite_engine(path)
        try:
            with engine.begin() as conn:
                create_schema(conn)
                facts = {
                    "application": APPLICATION_ID,
                    "schema_version": str(SCHEMA_VERSION),
                    "created_with": f"crisisdesk {__version__}",
                    "created_at": datetime.fromtimestamp(now).astimezone().isoformat(timespec="seconds"),
                    "package_id": package.exercise.id,
                    "package_title": package.exercise.title,
                    "package_source": str(package_root.resolve()),
                }
                conn.execute(insert(Meta), [{"key": k, "value": v} for k, v in facts.items()])
                conn.execute(insert(PackageFile), [{"path": p, "data": d} for p, d in files])
                payload = {"package_id": package.exercise.id, "package_title": package.exercise.title,
                           "created_with": __version__, "observer": observer}
                conn.execute(insert(Event).values(
                    event_id=uuid.uuid4().hex, kind="created", real_time=now, elapsed=None, scenario_time=None,
                    actor=observer, payload=json.dumps(payload, ensure_ascii=False),
                ))
        except DBAPIError as exc:
            engine.dispose()
            _remove_database(path)
            raise SessionError(f"{path}: could not create the session file: {_reason(exc)}", code="create_failed",
                               params={"path": str(path), "reason": _reason(exc)}) from None
        except BaseException:
            engine.dispose()
            _remove_database(path)
            raise
        engine.dispose()
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
        _check_is_session_file(path)
        if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise ReadOnlySessionError(
                f"{path}: the file or its folder is read-only. Open it read-only to view or export it, "
                "or copy it to a folder where you can write.", params={"path": str(path)},
            )
        engine = sqlite_engine(path, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
        try:
            try:
                engine, version = _prepare(engine, path, read_only, busy_timeout_ms)
                with engine.connect().execution_options(read_only=True) as conn, conn.begin():
                    files = conn.execute(select(PackageFile.path, PackageFile.data)).all()
            except OperationalError as exc:
                raise _open_error(path, exc) from None
            except DBAPIError as exc:
                raise NotASessionFile(f"{path}: not a readable crisisdesk session file ({_reason(exc)})",
                                      params={"path": str(path), "reason": _reason(exc)}) from None
            try:
                extracted = ExtractedPackage(files)
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

    def __init__(self, path: Path, engine, extracted: ExtractedPackage, time_source: TimeSource, *,
                 read_only: bool, observer: str | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms
        self.read_only = read_only
        self.observer = observer
        self._engine = engine
        self._extracted = extracted
        self.package: Package = extracted.package
        self._time = time_source
        self._replayer = Replayer(self.package)
        self._pending: list[PendingWrite] = []
        self._journal = Journal(path)
        self._state: SessionState | None = None
        self._state_key: tuple | None = None
        self._closed = False
        self._is_controller = False
        self._needs_takeover = False
        self._opened_at = time_source.now()
        self._last_beat = 0.0

    def _open(self) -> None:
        try:
            with self._read() as conn:
                self._apply(self._fetch(conn))
        except OperationalError as exc:
            raise _open_error(self.path, exc) from None
        self._needs_takeover = not self.read_only and self._replayer.clock.state is ClockState.RUNNING
        self._opened_at = self._time.now()
        if not self.read_only:
            self._load_journal()

    def close(self) -> None:
        """Close the file (pending writes stay in this window's journal for the next open).

        Writes the journal could not take (``PendingWrite.journaled`` False) are
        tried once more here; if they still fail they are lost when the app quits:
        offer ``export_pending`` first.
        """
        if self._closed:
            return
        if not self.read_only and any(not p.journaled for p in self._pending):
            self._sync_journal()
        if not self.read_only:
            # Into the main file: another window may keep the -wal file open after us.
            checkpoint(self._engine)
        self._closed = True
        self._engine.dispose()
        self._extracted.cleanup()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def attachment_bytes(self, relpath: str) -> bytes:
        """Return the content of a package file (e.g. ``media/plan.pdf``) from the snapshot."""
        try:
            key = safe_relpath(relpath).as_posix()
        except ValueError as exc:
            raise SessionError(str(exc), code="bad_path", params={"path": relpath}) from None
        with self._read() as conn:
            data = conn.execute(select(PackageFile.data).where(PackageFile.path == key)).scalar()
        if data is None:
            raise SessionError(f"{self.path.name}: no file {key} in the stored package", code="no_such_attachment",
                               params={"path": key})
        return bytes(data)

    # -- reading -----------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        """The state derived from the events, as of now (cached; rebuilt when events arrive or a second passes)."""
        now = self._time.now()
        clock = self._replayer.clock
        tick = int(clock.elapsed(now)) if clock.state is ClockState.RUNNING else -1
        key = (self._replayer.version, tick)
        if self._state is None or key != self._state_key:
            self._state = self._replayer.snapshot(now)
            self._state_key = key
        return self._state

    def refresh(self) -> bool:
        """Read the events other processes committed since the last look; True if anything changed.

        Only reads (WAL: never waits for a writer), so the UI may call it often.
        """
        if self._closed:
            return False
        try:
            with self._read() as conn:
                records = self._fetch(conn)
        except OperationalError as exc:
            if _is_locked(exc):
                return False  # try again at the next refresh
            raise SessionError(f"{self.path.name}: cannot read the session file: {_reason(exc)}", code="read_failed",
                               params={"path": str(self.path), "reason": _reason(exc)}) from None
        self._apply(records)
        return bool(records)

    def events_since(self, seq: int = 0) -> list[EventRecord]:
        """Every stored event (controller and courante) with a sequence number above ``seq``."""
        with self._read() as conn:
            return _records(conn, seq)

    def meta(self) -> dict[str, str]:
        """Facts stored with the file (application, schema version, package, creation time...)."""
        with self._read() as conn:
            return dict(conn.execute(select(Meta.key, Meta.value)).all())

    def elapsed(self) -> float:
        """Exercise time now."""
        return self._replayer.clock.elapsed(self._time.now())

    def now(self) -> float:
        """Wall time from the session's time source."""
        return self._time.now()

    # -- controller actions ------------------------------------------------------------

    def start(self) -> None:
        """STARTEX: the exercise clock starts."""
        self._control(lambda now: self._clock_draft("start", now))

    def pause(self) -> None:
        """Pause the exercise clock."""
        self._control(lambda now: self._clock_draft("pause", now))

    def resume(self) -> None:
        """Resume the exercise clock after a pause."""
        self._control(lambda now: self._clock_draft("resume", now))

    def end(self) -> None:
        """ENDEX: the exercise is over (the courante stays open for the hot wash).

        The write-ahead log is then copied into the main file, so the file copied
        alone for the RETEX team holds the whole exercise.
        """
        self._control(lambda now: self._clock_draft("end", now))
        checkpoint(self._engine)

    def fire(self, inject_id: str, *, actor: str | None = None) -> InjectState:
        """Fire an inject now: planned, early, manual or overdue; return its new state."""
        self._control(lambda now: [self._fire_draft(inject_id, now, actor=actor, auto=False)])
        return self.state.inject(inject_id)

    def fire_next(self, *, actor: str | None = None) -> InjectState:
        """Fire the next inject (``scheduler.next_to_fire``, judged on the latest state); return its new state."""
        chosen: list[str] = []

        def build(now: float) -> list[_Draft]:
            target = scheduler.next_to_fire(self._replayer.snapshot(now))
            if target is None:
                self._in_play("fire an inject")
                raise InvalidActionError("no inject left to fire", code="nothing_to_fire")
            chosen[:] = [target.id]
            return [self._fire_draft(target.id, now, actor=actor, auto=False)]
        self._control(build)
        return self.state.inject(chosen[0])

    def skip(self, inject_id: str) -> None:
        """Mark an inject as not played."""
        def build(now: float) -> list[_Draft]:
            self._not_ended("skip an inject")
            self._pending_inject(inject_id)
            return [self._draft("skip", now, {"inject_id": inject_id})]
        self._control(build)

    def delay(self, inject_id: str, minutes: int) -> None:
        """Postpone an inject by ``minutes`` (from its due time, or from now if it is already due).

        A negative delay that brings it to now or earlier holds it (overdue): it then
        waits for the controller and never fires by itself.
        """
        minutes = _whole(minutes, "minutes")
        if minutes == 0:
            raise InvalidActionError("delay by how many minutes? 0 changes nothing", code="zero_minutes",
                                     params={"inject_id": inject_id})

        def build(now: float) -> list[_Draft]:
            self._not_ended("delay an inject")
            inj = self._pending_inject(inject_id)
            base = inj.due_at if minutes < 0 else max(inj.due_at, int(self._replayer.clock.elapsed(now)))
            due_at = max(0, base + minutes * 60)
            return [self._draft("delay", now, {"inject_id": inject_id, "minutes": minutes, "due_at": due_at})]
        self._control(build)

    def edit_inject(self, inject_id: str, **fields: Any) -> InjectState:
        """Change a not-yet-fired inject (title, body, to, channel, sender, at, notes, expected, sets...).

        An ``at`` already past (or now) holds the inject for the controller (overdue).
        """
        if not fields:
            raise InvalidActionError(f"inject {inject_id}: nothing to change", code="nothing_to_change",
                                     params={"inject_id": inject_id})

        def build(now: float) -> list[_Draft]:
            self._not_ended("edit an inject")
            self._pending_inject(inject_id)
            clean = inject_fields.normalize(fields, self.package, subject=f"inject {inject_id}")
            return [self._draft("edit", now, {"inject_id": inject_id, "fields": clean})]
        self._control(build)
        return self.state.inject(inject_id)

    def add_inject(self, *, title: str, body: str, to: Iterable[str] | str, channel: str, sender: str,
                   at: int | str | None = None, expected: Iterable = (), sets: Mapping | None = None,
                   notes: str = "", fire_now: bool = False, manual: bool = False) -> str:
        """Add an ad-hoc inject (at an exercise offset, default now); return its id ("ADHOC-1"...)."""
        new_id: list[str] = []

        def build(now: float) -> list[_Draft]:
            self._not_ended("add an inject")
            when = int(self._replayer.clock.elapsed(now)) if at is None else at
            raw = {"title": title, "body": body, "to": to if isinstance(to, str) else list(to), "channel": channel,
                   "sender": sender, "at": when, "expected": list(expected), "sets": dict(sets or {}),
                   "notes": notes, "manual": manual}
            inject_id = f"ADHOC-{self._replayer.adhoc_count + 1}"
            while inject_id in self._replayer.injects:
                inject_id += "b"
            clean = inject_fields.normalize(raw, self.package, subject=f"new inject {title!r}")
            drafts = [self._draft("add", now, {"inject_id": inject_id, "fields": clean})]
            if fire_now:
                self._in_play("fire an inject")
                drafts.append(self._draft("fire", now, {"inject_id": inject_id, "title": clean["title"],
                                                         "auto": False, "adhoc": True}))
            new_id[:] = [inject_id]
            return drafts
        self._control(build)
        return new_id[0]

    def jump_to_next_phase(self) -> None:
        """Start the next phase now: it and the injects after it move earlier, keeping their offsets.

        Each inject still to come goes with the phase its current time falls in,
        whether planned, ad-hoc, edited or delayed: one in the next phase or later
        keeps its offset from that phase's start; one of the current phase that was
        still to come is held at the jump (overdue) for the controller to fire or skip.
        """
        def build(now: float) -> list[_Draft]:
            self._in_play("jump to the next phase")
            clock = self._replayer.clock
            elapsed = clock.elapsed(now)
            current = clock.phase_index_at(elapsed)
            if current + 1 >= len(clock.phases):
                raise InvalidActionError("already in the last phase", code="last_phase")
            at = max(int(elapsed), clock.phases[current].at)
            return [self._draft("jump", now, {"from_phase": current, "to_phase": current + 1, "at": at,
                                              "title": clock.phases[current + 1].title})]
        self._control(build)

    def shift_timeline(self, minutes: int) -> None:
        """Move every not-yet-fired inject and every phase still to come by ``minutes`` (+ later, - earlier).

        Nothing moves before now. An inject still to come that a negative shift brings
        to now is held (overdue) for the controller: it never fires by itself.
        """
        minutes = _whole(minutes, "minutes")
        if minutes == 0:
            raise InvalidActionError("shift by how many minutes? 0 changes nothing", code="zero_minutes")

        def build(now: float) -> list[_Draft]:
            self._not_ended("shift the timeline")
            origin = int(self._replayer.clock.elapsed(now))
            return [self._draft("shift", now, {"minutes": minutes, "from_elapsed": origin})]
        self._control(build)

    def set_autofire(self, enabled: bool) -> None:
        """Let due injects fire by themselves (on) or wait for the controller (off)."""
        def build(now: float) -> list[_Draft]:
            if self._replayer.autofire == bool(enabled):
                return []
            return [self._draft("autofire", now, {"enabled": bool(enabled)})]
        self._control(build)

    def set_indicator(self, indicator_id: str, value: int | float | str) -> None:
        """Correct a situation figure by hand."""
        known = {i.id for i in self.package.exercise.indicators}
        if indicator_id not in known:
            raise InvalidActionError(f"unknown indicator {indicator_id!r} (known: {', '.join(sorted(known))})",
                                     code="unknown_indicator", params={"indicator_id": indicator_id})
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise InvalidActionError(f"indicator {indicator_id}: expected a number or a text, got {value!r}",
                                     code="bad_value", params={"field": indicator_id, "value": repr(value)})
        self._control(lambda now: [self._draft("indicator", now, {"indicator_id": indicator_id, "value": value})])

    # -- scheduler ---------------------------------------------------------------------

    def due_injects(self) -> list[InjectState]:
        """Injects whose time has come and which are neither fired nor skipped (manual and overdue included)."""
        return scheduler.due(self.state.injects)

    def next_to_fire(self) -> InjectState | None:
        """The inject ``fire_next()`` would fire now (None once ended or when none is left)."""
        return scheduler.next_to_fire(self.state)

    def tick(self) -> list[str]:
        """Fire the due injects that fire by themselves; return their ids (in firing order).

        Nothing fires unless the clock runs and auto-fire is on; manual and overdue
        injects wait for the controller. Call it when ``next_due_at()`` comes.
        """
        if self.read_only:
            return []
        self._is_controller = True
        self._take_over()  # the first tick after reopening dates the downtime and holds what fell due
        self.beat()
        state = self.state
        if state.clock_state is not ClockState.RUNNING:
            return []
        fired = []
        for candidate in scheduler.autofire_candidates(state.injects, autofire=state.autofire):
            try:
                self._control(lambda now, c=candidate: [self._fire_draft(c.id, now, actor=None, auto=True)])
            except _AlreadyDone:
                continue  # fired or skipped by another window a moment ago
            fired.append(candidate.id)
        return fired

    def next_due_at(self) -> float | None:
        """Wall-clock time at which ``tick()`` (or a repaint) is next needed; None if paused, ended or done."""
        clock = self._replayer.clock
        if clock.state is not ClockState.RUNNING:
            return None
        state = self.state
        deadline = scheduler.next_deadline(state.injects, clock.elapsed(self._time.now()), autofire=state.autofire)
        return None if deadline is None else clock.wall_time_at(deadline)

    # -- main courante and evaluation ---------------------------------------------------

    def log_entry(self, *, observer: str, role: str | None, kind: str, text: str, inject_id: str | None = None,
                  tags: Iterable[str] = (), entry_id: str | None = None, supersedes: str | None = None) -> LogEntry:
        """Log a main-courante entry (or a correction of one); return it once committed.

        The same ``entry_id`` twice is a no-op returning the stored entry, so a retry
        after a crash never duplicates. Raises WriteFailedError(pending=True) if the
        file could not take it: the entry is then kept and retried.
        """
        self._writable()
        self._refresh_quietly()
        if entry_id is not None:
            if not isinstance(entry_id, str) or not 0 < len(entry_id) <= 64:
                raise InvalidActionError(f"entry id must be a text of 1 to 64 characters, got {entry_id!r}",
                                         code="bad_id", params={"field": "entry_id", "value": repr(entry_id)})
            stored = self._replayer.find_entry(entry_id)
            if stored is not None:
                return stored
            if any(p.event_id == entry_id for p in self._pending):
                self.retry_pending()
                return self._replayer.find_entry(entry_id)
        observer = _required_text(observer, "observer")
        text = _required_text(text, "entry text")
        if kind not in ENTRY_KINDS:
            raise InvalidActionError(f"entry kind {kind!r} is not one of {', '.join(ENTRY_KINDS)}", code="unknown_kind",
                                     params={"value": kind, "allowed": list(ENTRY_KINDS)})
        if role is not None:
            self._known_role(role)
        if inject_id is not None and inject_id not in self._replayer.injects:
            raise _unknown_inject(inject_id)
        objectives = {o.id for o in self.package.exercise.objectives}
        tags = tuple(dict.fromkeys(tags))
        wrong = [t for t in tags if t not in ENTRY_TAGS and t not in objectives]
        if wrong:
            raise InvalidActionError(f"unknown tag {', '.join(wrong)} (tags: {', '.join(ENTRY_TAGS)} or an objective id)",
                                     code="unknown_tag", params={"value": wrong, "allowed": list(ENTRY_TAGS)})
        entry_id = entry_id or uuid.uuid4().hex

        def make(now: float) -> _Draft:
            revision = 1
            if supersedes is not None:
                previous = self._replayer.current_revision(supersedes)
                if previous is None:
                    raise InvalidActionError(f"cannot correct entry {supersedes}: no such entry", code="unknown_entry",
                                             params={"entry_id": supersedes})
                if previous.entry_id != supersedes:
                    raise InvalidActionError(f"entry {supersedes} was already corrected by {previous.entry_id}; "
                                             "correct the latest revision", code="already_corrected",
                                             params={"entry_id": supersedes, "by": previous.entry_id})
                revision = previous.revision + 1
            clock = self._replayer.clock
            elapsed, scenario = self._times(now)
            payload = {
                "entry_id": entry_id, "revision": revision, "supersedes": supersedes,
                "observer": observer, "role": role, "kind": kind, "text": text, "inject_id": inject_id,
                "tags": list(tags), "stage": stage_of(clock.state),
                "phase_index": None if elapsed is None else clock.phase_index_at(elapsed),
            }
            return _Draft("entry", now, elapsed, scenario, payload, actor=observer, event_id=entry_id)
        self._record(make)
        return self._replayer.find_entry(entry_id)

    def check_expectation(self, inject_id: str, index: int, status: str, *, observer: str, note: str = "",
                          event_id: str | None = None) -> str:
        """Record whether an expected response of a fired inject was met, partly met or missed; return its id.

        The check made last (by the time the user acted) wins. ``event_id`` is the
        client's id for this user action (generated if None): a retry with the same
        id is stored once.
        """
        self._writable()
        event_id = _client_id(event_id)
        self._refresh_quietly()
        if status not in CHECK_STATUSES:
            raise InvalidActionError(f"check status {status!r} is not one of {', '.join(CHECK_STATUSES)}",
                                     code="unknown_status", params={"value": status, "allowed": list(CHECK_STATUSES)})
        inj = self._replayer.injects.get(inject_id)
        if inj is None:
            raise _unknown_inject(inject_id)
        if inj.status is not InjectStatus.FIRED:
            raise InvalidActionError(f"inject {inject_id} has not been fired: nothing to check yet", code="not_fired",
                                     params={"inject_id": inject_id})
        expected = inj.inject.expected
        if not isinstance(index, int) or not 0 <= index < len(expected):
            raise InvalidActionError(f"inject {inject_id} has {len(expected)} expected response(s); no item {index!r}",
                                     code="unknown_item",
                                     params={"inject_id": inject_id, "value": index, "count": len(expected)})
        item = expected[index]
        payload = {"inject_id": inject_id, "index": index, "status": status,
                   "observer": observer or self.observer or "", "note": note or "", "role": item.role,
                   "action": item.action}
        self._record(lambda now: self._draft("check", now, payload, actor=observer, event_id=event_id))
        return event_id

    def rate_objective(self, objective_id: str, rating: str, justification: str, *, observer: str,
                       event_id: str | None = None) -> str:
        """Rate an objective P, S, M or U (HSEEP); return the rating's id.

        The rating made last (by the time the user acted) wins. ``event_id`` as for
        ``check_expectation``.
        """
        self._writable()
        event_id = _client_id(event_id)
        if objective_id not in {o.id for o in self.package.exercise.objectives}:
            raise InvalidActionError(f"unknown objective {objective_id!r}", code="unknown_objective",
                                     params={"objective_id": objective_id})
        if rating not in RATINGS:
            raise InvalidActionError(f"rating {rating!r} is not one of {', '.join(RATINGS)}", code="unknown_rating",
                                     params={"value": rating, "allowed": list(RATINGS)})
        payload = {"objective_id": objective_id, "rating": rating, "justification": justification or "",
                   "observer": observer or self.observer or ""}
        self._record(lambda now: self._draft("rating", now, payload, actor=observer, event_id=event_id))
        return event_id

    def add_improvement(self, *, action: str, owner_role: str | None, priority: str, due_date: date | str | None,
                        objective_id: str | None = None, observer: str | None = None,
                        event_id: str | None = None) -> int:
        """Add a line to the improvement plan; return its number (1, 2, ...).

        ``event_id`` is the client's id for this user action (generated if None; the
        stored line carries it): a retry with the same id is stored once.
        """
        self._writable()
        event_id = _client_id(event_id)
        self._refresh_quietly()
        if owner_role is not None:
            self._known_role(owner_role)
        if objective_id is not None and objective_id not in {o.id for o in self.package.exercise.objectives}:
            raise InvalidActionError(f"unknown objective {objective_id!r}", code="unknown_objective",
                                     params={"objective_id": objective_id})
        payload = {"action": _required_text(action, "improvement action"), "owner_role": owner_role,
                   "priority": _required_text(priority, "priority"), "due_date": _iso_date(due_date),
                   "objective_id": objective_id, "observer": observer or self.observer}
        seq = self._record(lambda now: self._draft("improvement", now, payload, actor=observer, event_id=event_id))
        return next(i.id for i in self.state.improvements if i.seq == seq)

    def add_finding(self, kind: str, text: str, objective_id: str | None = None, *,
                    observer: str | None = None, event_id: str | None = None) -> int:
        """Note a strength or an area for improvement (hot wash); return its number.

        ``event_id`` as for ``add_improvement``: a finding clicked again after a
        failed save is stored once.
        """
        self._writable()
        event_id = _client_id(event_id)
        self._refresh_quietly()
        if kind not in FINDING_KINDS:
            raise InvalidActionError(f"finding kind {kind!r} is not one of {', '.join(FINDING_KINDS)}",
                                     code="unknown_kind", params={"value": kind, "allowed": list(FINDING_KINDS)})
        if objective_id is not None and objective_id not in {o.id for o in self.package.exercise.objectives}:
            raise InvalidActionError(f"unknown objective {objective_id!r}", code="unknown_objective",
                                     params={"objective_id": objective_id})
        payload = {"kind": kind, "text": _required_text(text, "finding text"), "objective_id": objective_id,
                   "observer": observer or self.observer}

        def make(now: float) -> _Draft:
            stage = stage_of(self._replayer.clock.state)
            return self._draft("finding", now, {**payload, "stage": stage}, actor=observer, event_id=event_id)
        seq = self._record(make)
        return next(f.id for f in self.state.findings if f.seq == seq)

    # -- pending writes ----------------------------------------------------------------

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
                records = [r for r in (self._insert(conn, d) for d in drafts) if r is not None]
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

    # -- internals: writing ------------------------------------------------------------

    def _read(self):
        """A read transaction (plain BEGIN: never waits for a writer)."""
        return _ReadTx(self._engine)

    def _fetch(self, conn) -> list[EventRecord]:
        return _records(conn, self._replayer.last_seq)

    def _apply(self, records: list[EventRecord]) -> None:
        for rec in records:
            self._replayer.apply(rec)

    def _insert(self, conn, draft: _Draft) -> EventRecord | None:
        """Insert one event; None if that event id is already stored."""
        exists = conn.execute(select(Event.seq).where(Event.event_id == draft.event_id)).scalar()
        if exists is not None:
            return None
        text = json.dumps(draft.payload, ensure_ascii=False, separators=(",", ":"))
        seq = conn.execute(insert(Event).values(
            event_id=draft.event_id, kind=draft.kind, real_time=draft.real_time, elapsed=draft.elapsed,
            scenario_time=draft.scenario_time, actor=draft.actor, payload=text,
        )).inserted_primary_key[0]
        # Apply what a re-read would give (JSON turns tuples into lists).
        return EventRecord(seq, draft.kind, draft.real_time, draft.elapsed, draft.scenario_time, json.loads(text),
                           draft.event_id, draft.actor)

    def _control(self, build: Callable[[float], list[_Draft]]) -> None:
        """Run one controller action: catch up under the write lock, check, write, apply."""
        self._writable()
        self._is_controller = True
        self._take_over()
        self._commit(build)

    def _commit(self, build: Callable[[float], list[_Draft]]) -> list[EventRecord]:
        try:
            with self._engine.begin() as conn:
                self._apply(self._fetch(conn))
                # Never before the last stored event: the clock must not run backwards.
                now = max(self._time.now(), self._replayer.last_real_time)
                drafts = build(now)
                records = [r for r in (self._insert(conn, d) for d in drafts) if r is not None]
        except (OperationalError, DBAPIError) as exc:
            raise WriteFailedError(f"{self._write_error(exc)} Nothing was changed; try again.", pending=False,
                                   **self._failure(exc)) from None
        except ClockError as exc:
            raise InvalidActionError(str(exc), code=exc.code, params=exc.params) from None
        self._apply(records)
        return records

    def _record(self, make: Callable[[float], _Draft]) -> int:
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
        draft: _Draft | None = None
        try:
            with self._engine.begin() as conn:
                self._apply(self._fetch(conn))
                # Never before the last stored event: the stamp must agree with the replayed clock.
                draft = make(max(acted, self._replayer.last_real_time))
                records = [r for r in (self._insert(conn, d) for d in [*kept, draft]) if r is not None]
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

    def _draft(self, kind: str, now: float, payload: dict[str, Any], actor: str | None = None,
               event_id: str | None = None) -> _Draft:
        elapsed, scenario = self._times(now)
        return _Draft(kind, now, elapsed, scenario, payload, actor, event_id or uuid.uuid4().hex)

    def _times(self, now: float) -> tuple[float | None, datetime | None]:
        clock = self._replayer.clock
        if clock.state is ClockState.READY:
            return None, None
        elapsed = clock.elapsed(now)
        return elapsed, clock.scenario_time_at(elapsed)

    def _clock_draft(self, kind: str, now: float) -> list[_Draft]:
        clock = self._replayer.clock
        if not clock.can(kind):
            getattr(clock, kind)(now)  # raises ClockError with the reason
        if kind == "start":
            return [_Draft("start", now, 0.0, clock.scenario_time_at(0.0))]
        return [self._draft(kind, now, {})]

    def _fire_draft(self, inject_id: str, now: float, *, actor: str | None, auto: bool) -> _Draft:
        inj = self._replayer.injects.get(inject_id)
        if inj is None:
            raise _unknown_inject(inject_id)
        if not inj.pending:
            raise _already_done(inject_id, inj.status)
        self._in_play("fire an inject")
        elapsed, _ = self._times(now)
        if auto and (inj.overdue or inj.inject.manual or not self._replayer.autofire
                     or elapsed is None or inj.due_at > elapsed):
            raise _AlreadyDone(f"inject {inject_id} no longer fires by itself", code="not_automatic",
                               params={"inject_id": inject_id})
        payload = {"inject_id": inject_id, "title": inj.inject.title, "to": list(inj.inject.to), "auto": auto,
                   "overdue": inj.overdue, "due_at": inj.due_at, "sets": dict(inj.inject.sets)}
        return self._draft("fire", now, payload, actor)

    def _pending_inject(self, inject_id: str):
        inj = self._replayer.injects.get(inject_id)
        if inj is None:
            raise _unknown_inject(inject_id)
        if not inj.pending:
            raise _already_done(inject_id, inj.status)
        return inj

    def _in_play(self, what: str) -> None:
        state = self._replayer.clock.state
        if state is ClockState.READY:
            raise InvalidActionError(f"cannot {what}: the exercise has not started", code="not_started",
                                     params={"action": what})
        if state is ClockState.ENDED:
            raise InvalidActionError(f"cannot {what}: the exercise has ended", code="ended", params={"action": what})

    def _not_ended(self, what: str) -> None:
        if self._replayer.clock.state is ClockState.ENDED:
            raise InvalidActionError(f"cannot {what}: the exercise has ended", code="ended", params={"action": what})

    def _known_role(self, role: str) -> None:
        if role not in {r.id for r in self.package.roles}:
            raise InvalidActionError(f"unknown role {role!r}", code="unknown_role", params={"role": role})

    def _writable(self) -> None:
        if self._closed:
            raise SessionError(f"{self.path.name}: the session is closed", code="closed",
                               params={"path": str(self.path)})
        if self.read_only:
            raise ReadOnlySessionError(f"{self.path.name}: opened read-only; nothing can be changed",
                                       params={"path": str(self.path)})

    def _refresh_quietly(self) -> None:
        try:
            self.refresh()
        except SessionError:
            pass  # the write that follows reports the problem, and keeps the entry

    def _write_error(self, exc: Exception) -> str:
        return f"{self.path.name}: could not save ({_reason(exc)})."

    def _failure(self, exc: Exception, **params: Any) -> dict[str, Any]:
        """The ``code`` and ``params`` of a WriteFailedError for a database error."""
        return {"code": _failure_code(exc), "params": {"path": str(self.path), "reason": _reason(exc), **params}}

    # -- internals: crash recovery -------------------------------------------------------

    def beat(self) -> bool:
        """Mark the controller's app alive, to date a downtime after a crash; True if written.

        Writes at most every ``HEARTBEAT_INTERVAL`` seconds, only in the controller's
        window (one that ticked or acted) while the clock runs. It waits at most
        ``BEAT_BUSY_TIMEOUT_MS`` for the write lock, and a failed beat is not retried
        before the next interval: a missed beat only makes the downtime estimate
        coarser. ``tick()`` calls it; the console may also call it on its own timer.
        """
        if (self._closed or not self._is_controller or self._needs_takeover or self.read_only
                or self._replayer.clock.state is not ClockState.RUNNING):
            return False  # before the takeover, the old heartbeat dates the downtime
        now = self._time.now()
        if now - self._last_beat < HEARTBEAT_INTERVAL:
            return False
        self._last_beat = now
        try:
            with self._engine.connect() as conn, _busy_timeout(conn, BEAT_BUSY_TIMEOUT_MS, self._busy_timeout_ms):
                with conn.begin():
                    done = conn.execute(update(Meta).where(Meta.key == "heartbeat").values(value=repr(now))).rowcount
                    if not done:
                        conn.execute(insert(Meta).values(key="heartbeat", value=repr(now)))
        except (OperationalError, DBAPIError):
            return False
        return True

    def _take_over(self) -> None:
        """On the first controller action after reopening a running exercise, flag what fell due meanwhile."""
        if not self._needs_takeover:
            return
        with self._read() as conn:
            beat = conn.execute(select(Meta.value).where(Meta.key == "heartbeat")).scalar()
        opened_at = self._opened_at

        def build(now: float) -> list[_Draft]:
            rep = self._replayer
            if rep.clock.state is not ClockState.RUNNING:
                return []
            elapsed = rep.clock.elapsed(now)
            overdue = [i.inject.id for i in rep.injects.values()
                       if i.pending and not i.inject.manual and not i.overdue and i.due_at <= elapsed]
            alive = max(float(beat) if beat else 0.0, rep.last_controller_time or 0.0)
            down = opened_at - alive > DOWNTIME_GRACE
            if not overdue and not down:
                return []
            payload = {"overdue": overdue, "down_from": alive if down else None, "down_to": opened_at if down else None}
            return [self._draft("recovered", now, payload)]
        self._commit(build)  # if this fails, nothing fires by itself: the next tick tries again
        self._needs_takeover = False

    # -- internals: the journal of pending writes -----------------------------------------

    @property
    def journal_path(self) -> Path:
        """Where this window keeps the writes that could not reach the file (beside it)."""
        return self._journal.path

    def _keep(self, draft: _Draft, reason: str) -> bool:
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


@contextmanager
def _busy_timeout(conn, ms: int, restore_ms: int):
    """Run the block with another busy timeout on this pooled connection, then restore it."""
    raw = conn.connection.driver_connection  # a PRAGMA through SQLAlchemy would begin a transaction
    raw.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(restore_ms)}")


class _ReadTx:
    """Context manager: a connection in a plain (deferred) read transaction."""

    def __init__(self, engine):
        self._engine = engine

    def __enter__(self):
        self._conn = self._engine.connect().execution_options(read_only=True)
        self._tx = self._conn.begin()
        return self._conn

    def __exit__(self, *exc) -> None:
        try:
            self._tx.rollback()
        finally:
            self._conn.close()


_EVENT_COLUMNS = (Event.seq, Event.kind, Event.real_time, Event.elapsed, Event.scenario_time, Event.payload,
                  Event.event_id, Event.actor)


def _records(conn, after_seq: int) -> list[EventRecord]:
    rows = conn.execute(select(*_EVENT_COLUMNS).where(Event.seq > after_seq).order_by(Event.seq)).all()
    loads = json.loads
    return [EventRecord(seq, kind, rt, el, sc, loads(pl), eid, actor) for seq, kind, rt, el, sc, pl, eid, actor in rows]


def _prepare(engine, path: Path, read_only: bool, busy_timeout_ms: int):
    """Check the version (upgrading a writable older file); return the engine to use and the version."""
    if read_only:
        try:
            with engine.connect() as conn, conn.begin():
                version = migrations.read_version(conn, path)
        except OperationalError as exc:
            text = str(exc.orig)
            if "unable to open" not in text and "readonly" not in text:
                raise
            # A WAL file in a folder we cannot write (no shared-memory file can be made):
            # read it as an immutable file, which is right only if no write-ahead log is pending.
            wal = Path(str(path) + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise ReadOnlySessionError(
                    f"{path}: its last changes are still in {wal.name}, which cannot be read from this "
                    "read-only folder; copy both files to a folder where you can write") from None
            engine.dispose()
            engine = sqlite_engine(path, read_only=True, immutable=True, busy_timeout_ms=busy_timeout_ms)
            with engine.connect() as conn, conn.begin():
                version = migrations.read_version(conn, path)
        migrations.check_version(version, path)
        return engine, version
    old = migrations.upgrade(engine, path, backup=lambda target: backup_sqlite(engine, target))
    return engine, old or SCHEMA_VERSION


def _check_is_session_file(path: Path) -> None:
    params = {"path": str(path)}
    if not path.exists():
        raise SessionError(f"{path}: no such file", code="no_such_file", params=params)
    if path.is_dir():
        raise NotASessionFile(f"{path}: is a folder, not a session file", params={**params, "reason": "folder"})
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise ReadOnlySessionError(f"{path}: permission denied", params=params) from None
    except OSError as exc:
        raise SessionError(f"{path}: cannot read: {exc.strerror or exc}", code="read_failed",
                           params={**params, "reason": str(exc.strerror or exc)}) from None
    if head != SQLITE_MAGIC:
        raise NotASessionFile(f"{path}: not a crisisdesk session file", params=params)


def _is_locked(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "locked" in text or "busy" in text


def _failure_code(exc: BaseException) -> str:
    """The stable code for why a write failed (see errors.py)."""
    low = str(getattr(exc, "orig", exc)).lower()
    if "locked" in low or "busy" in low:
        return "locked"
    if "full" in low:
        return "disk_full"
    if "readonly" in low or "read-only" in low:
        return "read_only"
    if "disk i/o" in low:
        return "io_error"
    return "write_failed"


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc))
    low = text.lower()
    if "locked" in low or "busy" in low:
        return "the file is locked by another program"
    if "full" in low:
        return "the disk is full"
    if "readonly" in low or "read-only" in low:
        return "the file is read-only"
    if "disk i/o" in low:
        return "disk input/output error"
    return text


def _open_error(path: Path, exc: OperationalError) -> SessionError:
    params = {"path": str(path)}
    if _is_locked(exc):
        return SessionLockedError(f"{path}: locked by another program; close it there, or try again in a moment",
                                  params=params)
    low = str(exc.orig).lower()
    if "readonly" in low or "unable to open" in low:
        return ReadOnlySessionError(f"{path}: cannot be opened for writing ({exc.orig}); open it read-only "
                                    "or copy it to a folder where you can write", params=params)
    return SessionError(f"{path}: cannot open the session file: {_reason(exc)}", code="open_failed",
                        params={**params, "reason": _reason(exc)})


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _unknown_inject(inject_id: str) -> InvalidActionError:
    return InvalidActionError(f"unknown inject {inject_id!r}", code="unknown_inject", params={"inject_id": inject_id})


def _already_done(inject_id: str, status: InjectStatus) -> _AlreadyDone:
    code = "already_fired" if status is InjectStatus.FIRED else "already_skipped"
    return _AlreadyDone(f"inject {inject_id} is already {status.value}", code=code, params={"inject_id": inject_id})


def _whole(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidActionError(f"{what}: expected a whole number, got {value!r}", code="bad_value",
                                 params={"field": what, "value": repr(value)})
    return value


def _required_text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidActionError(f"{what} must not be empty", code="empty", params={"field": what})
    return value


def _iso_date(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InvalidActionError(f"due date {value!r} is not a date (YYYY-MM-DD)", code="bad_date",
                                 params={"field": "due_date", "value": str(value)}) from None


def _client_id(event_id: str | None) -> str:
    """Return the client's id for a user action, or a new one."""
    if event_id is None:
        return uuid.uuid4().hex
    if not isinstance(event_id, str) or not 0 < len(event_id) <= 64:
        raise InvalidActionError(f"event id must be a text of 1 to 64 characters, got {event_id!r}", code="bad_id",
                                 params={"field": "event_id", "value": repr(event_id)})
    return event_id


def _draft_of(pending: PendingWrite) -> _Draft:
    return _Draft(pending.kind, pending.real_time, pending.elapsed, pending.scenario_time, pending.payload,
                  pending.actor, pending.event_id)


def _with_error(pending: PendingWrite, reason: str) -> PendingWrite:
    return replace(pending, error=reason)
