"""Schema upgrades: a file written by schema version 1 opens, is upgraded after a backup, and reads right."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session, SessionError, migrations
from crisisdesk.session.schema import SCHEMA_VERSION

T0 = 1_780_000_000.0

# The DDL of schema version 1 exactly as that version wrote it. Frozen: never edit.
V1_DDL = """
CREATE TABLE meta (
    "key" VARCHAR(64) NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
);
CREATE TABLE package_files (
    path VARCHAR(500) NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (path)
);
CREATE TABLE events (
    seq INTEGER NOT NULL,
    event_id VARCHAR(64) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    real_time FLOAT NOT NULL,
    elapsed FLOAT,
    scenario_time DATETIME,
    actor VARCHAR(200),
    payload TEXT NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE (event_id)
);
CREATE INDEX ix_events_kind ON events (kind);
"""


def write_v1_file(path: Path, package_root: Path) -> None:
    """Write a session file as schema version 1 did: created, started, two entries (one corrected), a fire."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(V1_DDL)
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("application", "crisisdesk-session"), ("schema_version", "1"), ("package_id", "mini-canicule"),
    ])
    for file in sorted(package_root.rglob("*")):
        if file.is_file():
            conn.execute("INSERT INTO package_files VALUES (?, ?)", (file.relative_to(package_root).as_posix(),
                                                                     file.read_bytes()))

    def event(kind, real, elapsed, scenario, payload, event_id=None):
        conn.execute(
            "INSERT INTO events (event_id, kind, real_time, elapsed, scenario_time, actor, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event_id or uuid.uuid4().hex, kind, real, elapsed, scenario, None, json.dumps(payload)))

    event("created", T0, None, None, {"package_id": "mini-canicule"})
    event("start", T0 + 10, 0.0, "2032-06-22 07:00:00.000000", {})
    event("fire", T0 + 130, 120.0, "2032-06-22 07:12:00.000000", {"inject_id": "I01", "auto": True})
    entry = {"entry_id": "v1-a", "revision": 1, "supersedes": None, "observer": "Alice", "role": "DIR",
             "kind": "decision", "text": "Cellule activée", "inject_id": "I01", "tags": ["strength"], "stage": "play"}
    event("entry", T0 + 200, 190.0, "2032-06-22 07:19:00.000000", entry, "v1-a")
    fixed = {**entry, "entry_id": "v1-b", "revision": 2, "supersedes": "v1-a", "text": "Cellule activée à 7h19"}
    event("entry", T0 + 260, 250.0, "2032-06-22 07:25:00.000000", fixed, "v1-b")
    conn.commit()
    conn.close()


def _schema(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {t: [tuple(c[1:]) for c in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
        out["indexes"] = sorted(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND name NOT LIKE 'sqlite_autoindex%'"))
        out["views"] = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='view' ORDER BY name").fetchall()
    return out


def test_a_version_1_file_opens_upgraded_with_a_backup(tmp_path, mini_package_path):
    path = tmp_path / "old.crisisdesk"
    write_v1_file(path, mini_package_path)
    with Session.open(path, time_source=FakeTime(T0 + 300)) as session:
        state = session.state
        assert session.meta()["schema_version"] == str(SCHEMA_VERSION)
        assert [e.text for e in state.entries] == ["Cellule activée à 7h19"]
        assert [e.entry_id for e in state.entry_history] == ["v1-a", "v1-b"]
        assert state.inject("I01").status.value == "fired"
        assert state.elapsed == 290.0
        session.log_entry(observer="Bob", role="DSOL", kind="action", text="Après la mise à jour")
    backup = tmp_path / "old.crisisdesk.bak-v1"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (5,)
    with sqlite3.connect(path) as conn:  # the courante query view shows the old entries and the new one
        rows = conn.execute("SELECT entry_id, revision, supersedes, text, tags FROM log_entries ORDER BY event_seq").fetchall()
    assert rows == [("v1-a", 1, None, "Cellule activée", '["strength"]'),
                    ("v1-b", 2, "v1-a", "Cellule activée à 7h19", '["strength"]'),
                    (rows[2][0], 1, None, "Après la mise à jour", "[]")]


def test_an_upgraded_file_has_the_schema_of_a_new_file(tmp_path, mini_package_path):
    old, new = tmp_path / "old.crisisdesk", tmp_path / "new.crisisdesk"
    write_v1_file(old, mini_package_path)
    Session.open(old).close()
    Session.create(new, mini_package_path).close()
    assert _schema(old) == _schema(new)


def test_a_failed_upgrade_leaves_the_file_as_it_was(tmp_path, mini_package_path, monkeypatch):
    path = tmp_path / "old.crisisdesk"
    write_v1_file(path, mini_package_path)

    def broken_step(conn):
        migrations.V2_LOG_ENTRIES.create(conn)
        raise RuntimeError("simulated failure half-way")
    monkeypatch.setitem(migrations.STEPS, 1, broken_step)
    with pytest.raises(SessionError, match="could not upgrade the session file from schema 1: simulated"):
        Session.open(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
        assert conn.execute("SELECT name FROM sqlite_master WHERE name='log_entries'").fetchone() is None
    monkeypatch.undo()
    with Session.open(path) as session:  # and the real step still works afterwards
        assert len(session.state.entry_history) == 2


def test_a_current_file_is_not_backed_up_again(tmp_path, mini_package_path):
    path = tmp_path / "s.crisisdesk"
    Session.create(path, mini_package_path).close()
    Session.open(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.crisisdesk"]


def test_read_only_open_reads_an_old_file_without_upgrading_it(tmp_path, mini_package_path):
    path = tmp_path / "old.crisisdesk"
    write_v1_file(path, mini_package_path)
    with Session.open(path, read_only=True) as session:
        assert len(session.state.entries) == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)


def write_v2_file(path: Path, package_root: Path) -> None:
    """A file as schema version 2 left it: version 1 plus the ``log_entries`` table its step filled."""
    write_v1_file(path, package_root)
    with sqlite3.connect(path) as conn:
        conn.executescript(V2_DDL)
        conn.execute("INSERT INTO log_entries SELECT json_extract(payload, '$.entry_id'), seq, "
                     "json_extract(payload, '$.revision'), json_extract(payload, '$.supersedes'), "
                     "json_extract(payload, '$.observer'), json_extract(payload, '$.role'), "
                     "json_extract(payload, '$.kind'), json_extract(payload, '$.text'), "
                     "json_extract(payload, '$.inject_id'), json_extract(payload, '$.tags'), real_time, elapsed, "
                     "scenario_time, json_extract(payload, '$.stage') FROM events WHERE kind = 'entry'")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


# The table schema version 2 added, exactly as that version wrote it. Frozen: never edit.
V2_DDL = """
CREATE TABLE log_entries (
    entry_id VARCHAR(64) NOT NULL,
    event_seq INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    supersedes VARCHAR(64),
    observer VARCHAR(200) NOT NULL,
    role VARCHAR(100),
    kind VARCHAR(32) NOT NULL,
    text TEXT NOT NULL,
    inject_id VARCHAR(100),
    tags TEXT NOT NULL,
    real_time FLOAT NOT NULL,
    elapsed FLOAT,
    scenario_time DATETIME,
    stage VARCHAR(16) NOT NULL,
    PRIMARY KEY (entry_id),
    FOREIGN KEY(event_seq) REFERENCES events (seq),
    UNIQUE (event_seq)
);
CREATE INDEX ix_log_entries_role ON log_entries (role);
CREATE INDEX ix_log_entries_inject ON log_entries (inject_id);
CREATE INDEX ix_log_entries_supersedes ON log_entries (supersedes);
"""


def _courante_rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT entry_id, event_seq, revision, supersedes, observer, role, kind, text, inject_id, "
                            "tags, real_time, elapsed, scenario_time, stage FROM log_entries ORDER BY event_seq").fetchall()


def test_the_courante_query_table_is_a_view_of_the_events_nothing_is_written_twice(tmp_path, mini_package_path):
    path = tmp_path / "s.crisisdesk"
    with Session.create(path, mini_package_path, time_source=FakeTime(T0)) as session:
        first = session.log_entry(observer="Alice", role="DIR", kind="decision", text="Cellule activée",
                                  tags=["strength"])
        session.log_entry(observer="Alice", role="DIR", kind="decision", text="Cellule activée à 7h",
                          supersedes=first.entry_id)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'log_entries'").fetchone() == ("view",)
    rows = _courante_rows(path)
    assert [(r[0], r[2], r[3], r[7], r[9], r[13]) for r in rows] == [
        (first.entry_id, 1, None, "Cellule activée", '["strength"]', "briefing"),
        (rows[1][0], 2, first.entry_id, "Cellule activée à 7h", "[]", "briefing")]


def test_a_version_2_file_opens_upgraded_and_its_courante_reads_the_same(tmp_path, mini_package_path):
    path = tmp_path / "v2.crisisdesk"
    write_v2_file(path, mini_package_path)
    before = _courante_rows(path)
    assert len(before) == 2
    with Session.open(path, time_source=FakeTime(T0 + 300)) as session:
        assert session.meta()["schema_version"] == str(SCHEMA_VERSION)
        assert [e.text for e in session.state.entries] == ["Cellule activée à 7h19"]
    assert _courante_rows(path) == before
    with sqlite3.connect(tmp_path / "v2.crisisdesk.bak-v2") as conn:
        assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'log_entries'").fetchone() == ("table",)
    new = tmp_path / "new.crisisdesk"
    Session.create(new, mini_package_path).close()
    assert _schema(path) == _schema(new)
