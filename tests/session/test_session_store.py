"""The session file under stress: wrong files, newer versions, read-only, locks, full disk, two processes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import event

from crisisdesk.clock import FakeTime
from crisisdesk.session import (
    InvalidActionError,
    NewerSchemaError,
    NotASessionFile,
    ReadOnlySessionError,
    Session,
    SessionError,
    SessionLockedError,
    WriteFailedError,
)
from crisisdesk.session.db import BUSY_TIMEOUT_MS
from crisisdesk.session.recovery import HEARTBEAT_INTERVAL
from crisisdesk.session.schema import SCHEMA_VERSION
from tests.conftest import ROOT

HELPERS = ROOT / "tests" / "helpers"
T0 = 1_780_000_000.0


@pytest.fixture
def session_file(tmp_path, mini_package_path) -> Path:
    path = tmp_path / "run.crisisdesk"
    Session.create(path, mini_package_path, time_source=FakeTime(T0 - 3600)).close()
    return path


# -- files that are not (usable) session files ---------------------------------------------

def test_a_text_file_is_not_a_session_file(tmp_path):
    path = tmp_path / "notes.crisisdesk"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(NotASessionFile, match="not a crisisdesk session file"):
        Session.open(path)
    assert path.read_text(encoding="utf-8") == "hello"  # untouched


def test_an_empty_file_is_not_a_session_file(tmp_path):
    path = tmp_path / "empty.crisisdesk"
    path.touch()
    with pytest.raises(NotASessionFile):
        Session.open(path)
    assert path.stat().st_size == 0


def test_another_programs_database_is_not_a_session_file(tmp_path):
    path = tmp_path / "other.crisisdesk"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(NotASessionFile, match="no meta table"):
        Session.open(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SessionError, match="no such file"):
        Session.open(tmp_path / "absent.crisisdesk")
    with pytest.raises(NotASessionFile, match="is a folder"):
        Session.open(tmp_path)


def test_a_file_from_a_newer_crisisdesk_is_refused(session_file):
    with sqlite3.connect(session_file) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(NewerSchemaError, match="newer crisisdesk .*schema 99"):
        Session.open(session_file)
    with pytest.raises(NewerSchemaError):
        Session.open(session_file, read_only=True)


# -- read-only ------------------------------------------------------------------------------

# Linux capabilities that let root ignore file modes (capabilities(7)).
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3
PR_CAPBSET_DROP = 24


def _without_file_privileges():
    """preexec_fn for a child that obeys file modes even when run by root.

    Root stays root (so it still reaches the interpreter and the clone wherever they
    sit, even in a folder of mode 0700) but loses the capabilities that bypass file
    modes: from its next exec it cannot write a file of mode 0444 nor create one in a
    folder of mode 0555, exactly like any user.
    """
    if os.geteuid() != 0:
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
            if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")
    return drop


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_read_only_file_is_refused_for_writing_but_opens_read_only(mini_package_path, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    path = folder / "archive.crisisdesk"
    with Session.create(path, mini_package_path) as s:
        s.log_entry(observer="Alice", role="DIR", kind="decision", text="Archivée")
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        try:
            out = subprocess.run(
                [sys.executable, str(HELPERS / "readonly_probe.py"), str(path)],
                capture_output=True, text=True, timeout=60, cwd=ROOT, preexec_fn=_without_file_privileges(),
            )
        except subprocess.SubprocessError as exc:  # the drop itself failed: no CAP_SETPCAP in this container
            pytest.skip(f"cannot drop root's file capabilities here: {exc}")
        assert out.returncode == 0, out.stderr
        result = json.loads(out.stdout)
        assert result["open"].startswith("ReadOnlySessionError: ") and "read-only" in result["open"]
        assert result["entries"] == ["Archivée"]
        assert result["write"].startswith("ReadOnlySessionError: ")
        assert sorted(p.name for p in folder.iterdir()) == ["archive.crisisdesk"]  # nothing written beside it
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_read_only_open_refuses_every_action(session_file):
    with Session.open(session_file, read_only=True) as s:
        for action in (s.start, lambda: s.fire("I01"),
                       lambda: s.log_entry(observer="a", role=None, kind="decision", text="x")):
            with pytest.raises(ReadOnlySessionError, match="opened read-only"):
                action()


# -- locks --------------------------------------------------------------------------------

def test_a_file_locked_exclusively_by_another_program(session_file):
    holder = sqlite3.connect(session_file, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE meta SET value = value WHERE key = 'application'")
        holder.execute("COMMIT")  # the exclusive lock stays until the connection closes
        with pytest.raises(SessionLockedError, match="locked by another program"):
            Session.open(session_file, busy_timeout_ms=100)
    finally:
        holder.close()
    Session.open(session_file).close()  # fine once released


def test_writes_while_another_writer_holds_the_lock(session_file):
    clock = FakeTime(T0)
    s = Session.open(session_file, time_source=clock, busy_timeout_ms=100)
    try:
        s.start()
        holder = sqlite3.connect(session_file, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        clock.advance(130)
        # An observer's entry is kept and retried...
        with pytest.raises(WriteFailedError, match="locked by another program") as failure:
            s.log_entry(observer="Bob", role="DIR", kind="decision", text="Pendant le verrou", entry_id="e-lock")
        assert failure.value.pending
        assert [p.event_id for p in s.pending_writes] == ["e-lock"]
        assert s.journal_path.exists()
        # ...a controller action fails visibly and changes nothing.
        with pytest.raises(WriteFailedError, match="Nothing was changed") as refused:
            s.fire("I01")
        assert not refused.value.pending
        assert s.state.inject("I01").status.value == "due"
        holder.execute("ROLLBACK")
        holder.close()
        assert s.retry_pending() == 1
        assert s.pending_writes == ()
        assert not s.journal_path.exists()
        entry = s.state.entry("e-lock")
        assert (entry.text, entry.real_time, entry.elapsed) == ("Pendant le verrou", T0 + 130, 130.0)
    finally:
        s.close()


# -- full disk ------------------------------------------------------------------------------

def _fill_the_disk(session: Session) -> None:
    """Cap the database at its current size: the next page it needs fails as SQLITE_FULL would."""
    with session._engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")


def test_an_entry_that_meets_a_full_disk_is_kept_and_saved_later(session_file):
    s = Session.open(session_file)
    _fill_the_disk(s)
    big = "Compte rendu détaillé. " * 2000
    with pytest.raises(WriteFailedError, match="disk is full"):
        s.log_entry(observer="Bob", role="DSOL", kind="information", text=big, entry_id="e-full")
    assert [p.payload["text"] for p in s.pending_writes] == [big]
    assert s.state.entries == ()
    with pytest.raises(WriteFailedError, match="still kept"):
        s.retry_pending()
    s._engine.dispose()  # the app dies with the entry unsaved: only the journal has it
    with Session.open(session_file) as again:  # reopening stores what the journal kept
        assert again.pending_writes == ()
        assert again.state.entry("e-full").text == big
        assert not again.journal_path.exists()
        assert len(again.state.entry_history) == 1


def test_a_torn_journal_line_is_ignored(session_file):
    journal = session_file.with_name(session_file.name + "-pending")
    journal.write_text('{"event_id": "abc", "kind": "ent', encoding="utf-8")  # cut by a crash mid-write
    with Session.open(session_file) as s:
        assert s.pending_writes == ()
        assert s.state.entries == ()


# -- two processes ----------------------------------------------------------------------------

def test_two_processes_write_at_once_and_see_each_other(session_file, tmp_path):
    with Session.open(session_file) as s:
        s.start()
    go = tmp_path / "go"
    count = 150
    procs = [
        subprocess.Popen([sys.executable, str(HELPERS / "session_writer.py"), str(session_file), name, str(count),
                          str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for name in ("controleur", "observateur")
    ]
    go.touch()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    with Session.open(session_file) as s:
        state = s.state
        stored = {e.entry_id for e in state.entries}
        for result in results:
            assert set(result["written"]) <= stored
            assert result["seen_end"] == count  # each saw all of the other's entries after refresh()
        assert len(state.entries) == 2 * count
        seqs = [e.seq for e in s.events_since(0)]
        assert seqs == sorted(set(seqs))
        fired = [e.payload["inject_id"] for e in state.events if e.kind == "fire"]
        assert len(fired) == len(set(fired))  # never fired twice
        assert sorted(fired) == sorted(results[0]["fired"] + results[1]["fired"])
    assert any(r["seen_during"] > 0 for r in results)  # they really overlapped


def test_a_write_checks_the_latest_state_from_other_windows(session_file):
    clock = FakeTime(T0)
    a = Session.open(session_file, time_source=clock)
    b = Session.open(session_file, time_source=clock)
    try:
        a.start()
        b.skip("I02")  # b has not refreshed, but its write catches up under the lock first
        with pytest.raises(InvalidActionError, match="already skipped"):
            a.fire("I02")
        assert b.state.clock_state.value == "running"
    finally:
        a.close()
        b.close()


def test_a_takeover_that_cannot_be_saved_fires_nothing_and_is_tried_again(session_file):
    clock = FakeTime(T0)
    with Session.open(session_file, time_source=clock) as s:
        s.start()
    clock.advance(400)  # the app was down while I01 and I02 fell due
    s = Session.open(session_file, time_source=clock, busy_timeout_ms=100)
    try:
        holder = sqlite3.connect(session_file, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(WriteFailedError, match="locked"):
            s.tick()
        holder.execute("ROLLBACK")
        holder.close()
        assert s.tick() == []
        assert [i.id for i in s.state.injects if i.overdue] == ["I01", "I02"]
    finally:
        s.close()


# -- heartbeat: never blocks the UI thread ------------------------------------------------------

class _LockHolder:
    """Another program holding the write lock; a timer frees it after a while if the test does not."""

    def __init__(self, path: Path, seconds: float = 3.0):
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")
        self._lock = threading.Lock()
        self._held = True
        self._timer = threading.Timer(seconds, self.release)
        self._timer.start()

    def release(self) -> None:
        with self._lock:
            if self._held:
                self._held = False
                self.conn.execute("ROLLBACK")
        self._timer.cancel()

    def close(self) -> None:
        self.release()
        self.conn.close()


def _heartbeat(path: Path) -> str | None:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'heartbeat'").fetchone()
    return row[0] if row else None


def _running_controller(path: Path, clock: FakeTime, **options) -> Session:
    s = Session.open(path, time_source=clock, **options)
    s.start()
    s.tick()  # the controller's timer: this window is the controller; its first heartbeat is written
    return s


def test_refresh_only_reads_even_while_another_program_writes(session_file):
    clock = FakeTime(T0)
    s = _running_controller(session_file, clock)  # the default 5-second busy timeout
    try:
        before = _heartbeat(session_file)
        assert before is not None
        clock.advance(30)
        holder = _LockHolder(session_file)
        try:
            assert s.refresh() is False
        finally:
            holder.close()
        assert _heartbeat(session_file) == before  # a refresh did not wait for the lock to write a heartbeat
    finally:
        s.close()


def test_beat_does_not_wait_for_the_lock_and_a_missed_beat_is_not_retried_at_once(session_file):
    clock = FakeTime(T0)
    s = _running_controller(session_file, clock)
    try:
        clock.advance(30)
        holder = _LockHolder(session_file)  # freed after 3 s: a beat waiting 5 s would then succeed
        try:
            assert s.beat() is False
        finally:
            holder.close()
        assert _heartbeat(session_file) == repr(T0)
        assert s.beat() is False  # the missed beat counts as one: the next comes after the interval
        clock.advance(HEARTBEAT_INTERVAL)
        assert s.beat() is True
        assert _heartbeat(session_file) == repr(T0 + 30 + HEARTBEAT_INTERVAL)
        with s._engine.connect().execution_options(read_only=True) as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS  # restored
    finally:
        s.close()


def test_a_locked_entry_waits_for_the_lock_once_not_for_a_heartbeat_too(session_file):
    clock = FakeTime(T0)
    s = _running_controller(session_file, clock, busy_timeout_ms=100)
    attempts = []
    event.listen(s._engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: attempts.append(statement) if "IMMEDIATE" in statement else None)
    try:
        clock.advance(30)
        holder = sqlite3.connect(session_file, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(WriteFailedError, match="locked"):
                s.log_entry(observer="Bob", role="DIR", kind="decision", text="Sous verrou")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert attempts == ["BEGIN IMMEDIATE"]
    finally:
        s.close()


# -- kept writes come back in the order the user made them ------------------------------------

def _locked_write(path: Path, write):
    """Run ``write`` while another program holds the write lock; return the WriteFailedError it raised."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(WriteFailedError) as failure:
            write()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert failure.value.pending
    return failure.value


def test_a_kept_rating_never_overrides_a_later_one(session_file):
    clock = FakeTime(T0)
    s = Session.open(session_file, time_source=clock, busy_timeout_ms=100)
    try:
        _locked_write(session_file, lambda: s.rate_objective("O1", "U", "Première impression", observer="Eva"))
        clock.advance(60)
        s.rate_objective("O1", "P", "Après revue en équipe", observer="Eva")
        assert s.pending_writes == ()  # the kept one went in first, in the same transaction
        assert [r.rating for r in s.state.ratings] == ["P"]
    finally:
        s.close()
    with Session.open(session_file, time_source=clock) as again:
        assert [r.rating for r in again.state.ratings] == ["P"]
        assert [r.rating for r in again.state.rating_history] == ["U", "P"]


def test_a_kept_check_never_overrides_a_later_one(session_file):
    clock = FakeTime(T0)
    s = Session.open(session_file, time_source=clock, busy_timeout_ms=100)
    try:
        s.start()
        clock.advance(120)
        assert s.tick() == ["I01"]
        _locked_write(session_file, lambda: s.check_expectation("I01", 0, "missed", observer="Bob"))
        clock.advance(60)
        s.check_expectation("I01", 0, "met", observer="Bob")
        assert s.state.check_for("I01", 0).status == "met"
    finally:
        s.close()
    with Session.open(session_file, time_source=clock) as again:
        assert again.state.check_for("I01", 0).status == "met"
        assert [c.status for c in again.state.check_history] == ["missed", "met"]


def test_the_latest_check_and_rating_by_the_time_the_user_acted_wins_across_windows(session_file):
    clock = FakeTime(T0)
    a = Session.open(session_file, time_source=clock, busy_timeout_ms=100)
    b = Session.open(session_file, time_source=clock)
    try:
        _locked_write(session_file, lambda: a.rate_objective("O2", "M", "Vu tôt", observer="Eva"))  # kept by a
        clock.advance(60)
        b.rate_objective("O2", "S", "Vu plus tard", observer="Marc")  # stored first by the other window
        clock.advance(60)
        assert a.retry_pending() == 1  # stored after it, but made before it
        for window in (a, b):
            window.refresh()
            assert [(r.rating, r.observer) for r in window.state.ratings] == [("S", "Marc")]
    finally:
        a.close()
        b.close()


def test_a_finding_retried_with_its_id_is_stored_once(session_file):
    clock = FakeTime(T0)
    s = Session.open(session_file, time_source=clock, busy_timeout_ms=100)
    try:
        failure = _locked_write(session_file, lambda: s.add_finding(
            "strength", "Bonne coordination DIR-DSOL", "O2", observer="Eva", event_id="finding-1"))
        assert failure.event_id == "finding-1"
        clock.advance(5)
        # The user clicks again: same action, same id.
        assert s.add_finding("strength", "Bonne coordination DIR-DSOL", "O2", observer="Eva",
                             event_id="finding-1") == 1
        assert s.add_finding("strength", "Bonne coordination DIR-DSOL", "O2", observer="Eva",
                             event_id="finding-1") == 1
        assert [f.event_id for f in s.state.findings] == ["finding-1"]
        assert s.state.findings[0].real_time == T0  # when the user first acted
        number = s.add_improvement(action="Former les suppléants", owner_role="DIR", priority="haute",
                                   due_date="2033-01-31", event_id="plan-1")
        assert s.add_improvement(action="Former les suppléants", owner_role="DIR", priority="haute",
                                 due_date="2033-01-31", event_id="plan-1") == number == 1
    finally:
        s.close()
    with Session.open(session_file) as again:
        assert len(again.state.findings) == 1 and len(again.state.improvements) == 1


def test_checks_and_ratings_return_their_id_and_accept_the_clients(session_file):
    clock = FakeTime(T0)
    with Session.open(session_file, time_source=clock) as s:
        made = s.rate_objective("O1", "S", "Correct", observer="Eva")
        assert isinstance(made, str) and s.state.ratings[0].event_id == made
        assert s.rate_objective("O1", "S", "Correct", observer="Eva", event_id="r-1") == "r-1"
        assert s.rate_objective("O1", "S", "Correct", observer="Eva", event_id="r-1") == "r-1"
        assert len(s.state.rating_history) == 2
        s.start()
        clock.advance(120)
        s.tick()
        assert s.check_expectation("I01", 0, "met", observer="Bob", event_id="c-1") == "c-1"
        assert s.check_expectation("I01", 0, "met", observer="Bob", event_id="c-1") == "c-1"
        assert [c.event_id for c in s.state.check_history] == ["c-1"]
        with pytest.raises(InvalidActionError, match="id must be"):
            s.rate_objective("O1", "S", "x", observer="Eva", event_id="")


# -- one journal per window ----------------------------------------------------------------------

def test_each_window_keeps_its_writes_in_its_own_journal(session_file):
    clock = FakeTime(T0)
    a = Session.open(session_file, time_source=clock, busy_timeout_ms=100)
    b = Session.open(session_file, time_source=clock, busy_timeout_ms=100)
    try:
        _locked_write(session_file, lambda: a.log_entry(observer="Ana", role="DIR", kind="decision", text="A",
                                                        entry_id="e-a"))
        _locked_write(session_file, lambda: b.log_entry(observer="Bob", role="DIR", kind="decision", text="B",
                                                        entry_id="e-b"))
        assert a.journal_path != b.journal_path
        assert session_file.name in a.journal_path.name and a.journal_path.parent == session_file.parent
        assert a.retry_pending() == 1
        assert not a.journal_path.exists()  # a rewrote (removed) only its own journal...
        assert [json.loads(line)["event_id"] for line in b.journal_path.read_text(encoding="utf-8").splitlines()] \
            == ["e-b"]  # ...never the other window's
    finally:
        a.close()
        b._engine.dispose()  # b dies with its write kept in its journal only
    with Session.open(session_file, time_source=clock) as again:  # any window picks up every journal
        assert again.state.entry("e-b").text == "B"
        assert again.pending_writes == ()
    assert sorted(p.name for p in session_file.parent.iterdir() if "-pending" in p.name) == []


def test_journals_of_several_dead_windows_and_the_old_single_journal_are_all_picked_up(session_file):
    clock = FakeTime(T0)
    windows = [Session.open(session_file, time_source=clock, busy_timeout_ms=100) for _ in range(2)]
    for n, window in enumerate(windows):
        clock.advance(10)
        _locked_write(session_file, lambda w=window, n=n: w.log_entry(
            observer="Ana", role=None, kind="observation", text=f"fenêtre {n}", entry_id=f"w{n}"))
        window._engine.dispose()
    legacy = session_file.with_name(session_file.name + "-pending")  # written by an older crisisdesk
    legacy.write_text(json.dumps({
        "event_id": "old", "kind": "entry", "real_time": T0 + 1, "elapsed": None, "scenario_time": None,
        "actor": "Zoé", "payload": {"entry_id": "old", "observer": "Zoé", "role": None, "kind": "observation",
                                    "text": "ancienne version", "stage": "briefing", "tags": []}}) + "\n",
        encoding="utf-8")
    with Session.open(session_file, time_source=clock) as again:
        assert [e.entry_id for e in again.state.entries] == ["old", "w0", "w1"]  # in the order they were made
    assert not any("-pending" in p.name for p in session_file.parent.iterdir())


def test_a_write_the_journal_cannot_take_stays_in_memory_and_can_be_exported(session_file, tmp_path):
    s = Session.open(session_file)
    try:
        s.journal_path.mkdir()  # the journal cannot be written (as on a full disk)
        _fill_the_disk(s)
        with pytest.raises(WriteFailedError, match="not in the journal") as failure:
            s.log_entry(observer="Bob", role="DSOL", kind="information", text="Rien n'est écrit " * 400,
                        entry_id="e-lost")
        assert failure.value.pending
        [kept] = s.pending_writes
        assert kept.event_id == "e-lost" and not kept.journaled
        out = tmp_path / "non-enregistre.json"
        assert s.export_pending(out) == 1
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["session"] == str(session_file)
        assert [w["payload"]["text"] for w in data["writes"]] == ["Rien n'est écrit " * 400]
        with pytest.raises(SessionError, match="cannot write"):
            s.export_pending(tmp_path / "absent" / "x.json")
    finally:
        s.journal_path.rmdir()
        s.close()


def test_file_and_write_failures_carry_a_stable_code(session_file, tmp_path):
    text = tmp_path / "notes.crisisdesk"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(NotASessionFile) as wrong:
        Session.open(text)
    assert (wrong.value.code, wrong.value.params) == ("not_a_session", {"path": str(text)})
    with pytest.raises(SessionError) as missing:
        Session.open(tmp_path / "absent.crisisdesk")
    assert missing.value.code == "no_such_file"
    with Session.open(session_file, read_only=True) as s:
        with pytest.raises(ReadOnlySessionError) as read_only:
            s.start()
        assert read_only.value.code == "read_only"
    clock = FakeTime(T0)
    with Session.open(session_file, time_source=clock, busy_timeout_ms=100) as s:
        locked = _locked_write(session_file, lambda: s.log_entry(observer="Bob", role=None, kind="decision",
                                                                 text="x", entry_id="e-1"))
        assert (locked.code, locked.params["path"], locked.event_id) == ("locked", str(session_file), "e-1")
        s.retry_pending()
        _fill_the_disk(s)
        with pytest.raises(WriteFailedError) as full:
            s.log_entry(observer="Bob", role=None, kind="decision", text="y" * 20000)
        assert full.value.code == "disk_full" and full.value.params["journaled"] is True
    with sqlite3.connect(session_file) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(NewerSchemaError) as newer:
        Session.open(session_file)
    assert (newer.value.code, newer.value.params["version"], newer.value.params["supported"]) == (
        "newer_version", 99, SCHEMA_VERSION)
