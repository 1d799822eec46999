"""Database errors are told apart by SQLite's result code, not by the wording of the message."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from crisisdesk.session import files


def _wrapped(orig: BaseException) -> OperationalError:
    return OperationalError("INSERT ...", {}, orig)


def test_a_real_lock_is_locked(tmp_path):
    path = tmp_path / "x.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("INSERT INTO t VALUES (1)")
    except sqlite3.OperationalError as exc:
        error = _wrapped(exc)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        other.close()
    assert files.sqlite_errorname(error) == "SQLITE_BUSY"
    assert files.is_locked(error)
    assert files.failure_code(error) == "locked"
    assert files.reason(error) == "the file is locked by another program"


def test_the_code_wins_over_the_words():
    orig = sqlite3.OperationalError("the table 'busy_full_readonly' is locked")
    orig.sqlite_errorname = "SQLITE_ERROR"  # a plain SQL error whose message merely says those words
    error = _wrapped(orig)
    assert not files.is_locked(error)
    assert files.failure_code(error) == "write_failed"
    assert files.reason(error) == "the table 'busy_full_readonly' is locked"


def test_extended_codes_fold_into_their_primary_code():
    for name, code in (("SQLITE_IOERR_FSYNC", "io_error"), ("SQLITE_READONLY_DBMOVED", "read_only"),
                       ("SQLITE_FULL", "disk_full"), ("SQLITE_BUSY_SNAPSHOT", "locked")):
        orig = sqlite3.OperationalError("whatever the words")
        orig.sqlite_errorname = name
        assert files.failure_code(_wrapped(orig)) == code, name


def test_an_error_without_a_code_falls_back_to_its_message():
    assert files.failure_code(_wrapped(RuntimeError("database or disk is full"))) == "disk_full"
