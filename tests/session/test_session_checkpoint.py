"""The main .crisisdesk file holds the exercise without its -wal file: after ENDEX, on close, and periodically."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session, db
from tests.conftest import ROOT

T0 = 1_780_000_000.0


def copy_main_file_alone(path: Path, folder: Path) -> Path:
    """Copy only the .crisisdesk file, as someone sending it to the RETEX team would."""
    folder.mkdir()
    return Path(shutil.copy(path, folder / path.name))


def entry_texts(path: Path) -> list[str]:
    with Session.open(path, time_source=FakeTime(T0 + 7200), read_only=True) as session:
        return [e.text for e in session.state.entries]


@pytest.fixture
def no_periodic_checkpoint(monkeypatch):
    monkeypatch.setattr(db, "CHECKPOINT_INTERVAL", 10**9)


def play(session: Session, clock: FakeTime, texts: list[str]) -> None:
    session.start()
    for i, text in enumerate(texts):
        clock.set(T0 + 60 * (i + 1))
        session.log_entry(observer="Claire", role="DIR", kind="decision", text=text)


def test_after_endex_the_main_file_copied_alone_holds_every_entry(tmp_path, mini_package_path,
                                                                 no_periodic_checkpoint):
    clock = FakeTime(T0)
    path = tmp_path / "run.crisisdesk"
    session = Session.create(path, mini_package_path, time_source=clock)
    try:
        play(session, clock, ["Cellule activée", "Plan canicule niveau 3"])
        before_end = copy_main_file_alone(path, tmp_path / "before")
        session.end()
        # The app is still open (or crashed right after ENDEX): the file is copied alone.
        after_end = copy_main_file_alone(path, tmp_path / "after")
    finally:
        session.close()
    assert entry_texts(before_end) == []  # the point of the fix: without a checkpoint, all of it is in -wal
    assert entry_texts(after_end) == ["Cellule activée", "Plan canicule niveau 3"]


def test_closing_copies_the_log_even_while_another_window_keeps_the_file_open(tmp_path, mini_package_path,
                                                                              no_periodic_checkpoint):
    clock = FakeTime(T0)
    path = tmp_path / "run.crisisdesk"
    Session.create(path, mini_package_path, time_source=clock).close()
    observer = Session.open(path, time_source=clock)  # keeps the -wal file alive after the controller closes
    try:
        controller = Session.open(path, time_source=clock)
        play(controller, clock, ["Point de situation"])
        controller.close()
        copy = copy_main_file_alone(path, tmp_path / "copy")
    finally:
        observer.close()
    assert entry_texts(copy) == ["Point de situation"]


CRASHING_WRITER = """
import os, signal, sys
from crisisdesk.clock import FakeTime
from crisisdesk.session import Session, db
db.CHECKPOINT_INTERVAL = float(sys.argv[2])
clock = FakeTime({t0})
session = Session.open(sys.argv[1], time_source=clock)
session.start()
for i in range(5):
    clock.advance(60)
    session.log_entry(observer="Claire", role="DIR", kind="decision", text=f"décision {{i}}")
os.kill(os.getpid(), signal.SIGKILL)  # a crash: no ENDEX, no close
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_crashed_writer_leaves_what_it_checkpointed_in_the_main_file(tmp_path, mini_package_path):
    path = tmp_path / "run.crisisdesk"
    Session.create(path, mini_package_path, time_source=FakeTime(T0)).close()
    # Interval 0: the writer checkpoints after every transaction (the app does it at most every minute).
    result = subprocess.run([sys.executable, "-c", CRASHING_WRITER.format(t0=T0), str(path), "0"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == -9, result.stderr
    copy = copy_main_file_alone(path, tmp_path / "copy")
    assert entry_texts(copy) == [f"décision {i}" for i in range(5)]
    # The file itself, with its -wal, has them too, of course.
    assert entry_texts(path) == [f"décision {i}" for i in range(5)]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_before_any_checkpoint_a_crashed_writer_left_its_entries_in_the_wal_only(tmp_path, mini_package_path):
    """Why the docs say: copy a running (or crashed) session with its -wal file, or export it."""
    path = tmp_path / "run.crisisdesk"
    Session.create(path, mini_package_path, time_source=FakeTime(T0)).close()
    result = subprocess.run([sys.executable, "-c", CRASHING_WRITER.format(t0=T0), str(path), "1e9"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == -9, result.stderr
    assert entry_texts(copy_main_file_alone(path, tmp_path / "alone")) == []
    folder = tmp_path / "with-wal"
    folder.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(str(path) + suffix, folder)
    assert entry_texts(folder / path.name) == [f"décision {i}" for i in range(5)]


def test_a_checkpoint_that_fails_is_no_error_of_the_action():
    """A full disk during a checkpoint: the data is safe in the -wal file; the action that triggered it succeeds."""
    import sqlite3

    class FullDisk:
        def execute(self, sql):
            raise sqlite3.OperationalError("database or disk is full")

    assert db.checkpoint_connection(FullDisk()) is False
