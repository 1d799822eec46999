"""A session file at a glance, read without changing anything in or beside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session
from crisisdesk.session.summary import latest_unfinished, read_summary


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_summary_follows_the_clock_and_touches_nothing(tmp_path, mini_package_path):
    time = FakeTime(1_780_000_000.0)
    path = tmp_path / "run.crisisdesk"
    session = Session.create(path, mini_package_path, time_source=time)
    assert read_summary(path).state == "ready"
    session.start()
    time.advance(60)
    assert read_summary(path).state == "running"  # while the console holds the file open
    session.pause()
    assert read_summary(path).state == "paused"
    session.resume()
    session.end()
    session.close()
    before = _files(tmp_path)
    summary = read_summary(path)
    assert _files(tmp_path) == before  # no -wal, -shm or journal left by the read
    assert summary.state == "ended" and summary.finished
    assert summary.title == session.package.exercise.title
    assert summary.package_id == session.package.exercise.id
    assert summary.created_at is not None and summary.last_activity == time.now()


def test_not_a_session_is_none_and_left_alone(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('application', 'something-else')")
    before = other.read_bytes()
    assert read_summary(other) is None
    assert other.read_bytes() == before
    (tmp_path / "text.crisisdesk").write_text("not a database")
    assert read_summary(tmp_path / "text.crisisdesk") is None
    assert read_summary(tmp_path / "missing.crisisdesk") is None


def test_latest_unfinished_skips_ended_and_other_exercises(tmp_path, mini_package_path):
    time = FakeTime(1_780_000_000.0)
    ended = Session.create(tmp_path / "a.crisisdesk", mini_package_path, time_source=time)
    ended.start()
    ended.end()
    ended.close()
    time.advance(100)
    older = Session.create(tmp_path / "b.crisisdesk", mini_package_path, time_source=time)
    older.start()
    older.close()
    time.advance(100)
    newer = Session.create(tmp_path / "c.crisisdesk", mini_package_path, time_source=time)
    newer.close()
    paths = sorted(tmp_path.glob("*.crisisdesk"))
    package_id = newer.package.exercise.id
    assert latest_unfinished(paths, package_id).path.name == "c.crisisdesk"
    assert latest_unfinished(paths[:2], package_id).path.name == "b.crisisdesk"
    assert latest_unfinished(paths[:1], package_id) is None
    assert latest_unfinished(paths, "another-exercise") is None


def test_an_older_edition_of_the_package_is_not_resumed(tmp_path, mini_package_path):
    import shutil

    from crisisdesk.session.summary import folder_digest

    time = FakeTime(1_780_000_000.0)
    edition = tmp_path / "mini"
    shutil.copytree(mini_package_path, edition)
    first = Session.create(tmp_path / "first.crisisdesk", edition, time_source=time)
    first.close()
    paths = [tmp_path / "first.crisisdesk"]
    assert latest_unfinished(paths, first.package.exercise.id, folder_digest(edition)) is not None
    msel = edition / "msel.yaml"
    msel.write_text(msel.read_text(encoding="utf-8") + "\n# second edition\n", encoding="utf-8")
    assert latest_unfinished(paths, first.package.exercise.id, folder_digest(edition)) is None
