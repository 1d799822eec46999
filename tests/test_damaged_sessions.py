"""Damaged session files, as data: each damage done to a played file and what must come of it.

One table (``DAMAGES``): a name, SQL run on a copy of a played session file, and the
outcome: ``"anomaly"`` (the file opens, the replay reports the damaged event in
``state.anomalies`` and skips it, export and report work) or a message (every command
says it as a ``SessionError``, one clear line, never a traceback). Every row goes
through opening (read-only and for writing), ``export`` (JSON and CSV) and ``report``.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from crisisdesk.cli import main
from crisisdesk.clock import FakeTime
from crisisdesk.session import Session, SessionError

T0 = 1_780_000_000.0


@dataclass(frozen=True)
class Damage:
    name: str
    sql: str
    outcome: str  # "anomaly", "fine", or a part of the SessionError message
    anomaly: str = ""  # a part of the anomaly the replay reports


ENTRY = "(SELECT seq FROM events WHERE kind = 'entry' ORDER BY seq LIMIT 1)"
FIRE = "(SELECT seq FROM events WHERE kind = 'fire' ORDER BY seq LIMIT 1)"
CHECK = "(SELECT seq FROM events WHERE kind = 'check' ORDER BY seq LIMIT 1)"

DAMAGES = [
    # -- a damaged event: reported and skipped
    Damage("payload is not JSON", f"UPDATE events SET payload = '{{\"text\": \"coupé' WHERE seq = {ENTRY}",
           "anomaly", "not a JSON object"),
    Damage("payload is a list", f"UPDATE events SET payload = '[1, 2]' WHERE seq = {ENTRY}", "anomaly",
           "not a JSON object"),
    Damage("payload of a firing is a list", f"UPDATE events SET payload = '[]' WHERE seq = {FIRE}", "anomaly",
           "not a JSON object"),
    Damage("payload is null", f"UPDATE events SET payload = 'null' WHERE seq = {CHECK}", "anomaly",
           "not a JSON object"),
    Damage("payload is a number", f"UPDATE events SET payload = '1e999' WHERE seq = {ENTRY}", "anomaly",
           "not a JSON object"),
    Damage("payload is binary", f"UPDATE events SET payload = X'FFFE00' WHERE seq = {ENTRY}", "anomaly",
           "not a JSON object"),
    Damage("payload nested 100,000 deep", "UPDATE events SET payload = '{\"a\":' || "
           "replace(hex(zeroblob(100000)), '00', '[') || '}}' WHERE seq = " + ENTRY, "anomaly", "not a JSON object"),
    Damage("entry text is a number", f"UPDATE events SET payload = json_set(payload, '$.text', 42) WHERE seq = {ENTRY}",
           "anomaly", ""),
    Damage("entry without its text (older files wrote none: an empty text)",
           f"UPDATE events SET payload = json_remove(payload, '$.text') WHERE seq = {ENTRY}", "fine"),
    Damage("unknown event kind", f"UPDATE events SET kind = 'teleport' WHERE seq = {ENTRY}", "anomaly",
           "unknown kind"),
    Damage("real time is text", f"UPDATE events SET real_time = 'midi' WHERE seq = {ENTRY}", "anomaly", ""),
    Damage("elapsed is text", f"UPDATE events SET elapsed = 'tard' WHERE seq = {ENTRY}", "anomaly", ""),
    Damage("scenario time is not a date", f"UPDATE events SET scenario_time = 'hier soir' WHERE seq = {ENTRY}",
           "anomaly", ""),
    Damage("real time is astronomical", f"UPDATE events SET real_time = 1e300 WHERE seq = {ENTRY}", "anomaly", ""),
    # -- the stored package
    Damage("a package file outside the package (..)",
           "INSERT INTO package_files (path, data) VALUES ('../../evil.yaml', X'00')", "fine"),
    Damage("an absolute package file path",
           "INSERT INTO package_files (path, data) VALUES ('/tmp/evil.yaml', X'00')", "fine"),
    Damage("msel.yaml missing from the stored package", "DELETE FROM package_files WHERE path = 'msel.yaml'",
           "msel.yaml: file is missing from the stored package"),
    Damage("msel.yaml is not UTF-8", "UPDATE package_files SET data = X'FFFE' WHERE path = 'msel.yaml'",
           "is not UTF-8 text"),
    Damage("msel.yaml is an alias bomb",
           "UPDATE package_files SET data = CAST('a: &a [' || replace(hex(zeroblob(12000)), '00', 'x,') || ']' "
           "AS BLOB) WHERE path = 'msel.yaml'", "holds 12,000 items"),
    Damage("roles.yaml is empty", "UPDATE package_files SET data = X'' WHERE path = 'roles.yaml'",
           "roles.yaml: file is empty"),
    # -- the tables themselves
    Damage("no events table", "DROP TABLE events", "the session file is damaged (no such table: events)"),
    Damage("no package_files table", "DROP TABLE package_files",
           "the session file is damaged (no such table: package_files)"),
    Damage("events table of another shape", "DROP TABLE events; CREATE TABLE events (x TEXT)",
           "the session file is damaged (no such column: seq)"),
]


@pytest.fixture(scope="module")
def played(tmp_path_factory, request) -> Path:
    package = Path(request.config.rootpath) / "tests" / "data" / "mini"
    path = tmp_path_factory.mktemp("played") / "played.crisisdesk"
    clock = FakeTime(T0)
    with Session.create(path, package, time_source=clock) as s:
        s.start()
        clock.advance(130)
        s.fire("I01")
        clock.advance(30)
        s.log_entry(observer="Alice", role="DIR", kind="decision", text="Cellule activée", entry_id="e1")
        s.check_expectation("I01", 0, "met", observer="Alice")
        s.log_entry(observer="Bob", role="PP", kind="observation", text="Point presse", entry_id="e2")
    return path


def damaged(played: Path, tmp_path: Path, damage: Damage) -> Path:
    path = tmp_path / "run.crisisdesk"
    shutil.copy(played, path)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(damage.sql)
        conn.commit()
    finally:
        conn.close()
    return path


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.name for d in DAMAGES])
@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "writable"])
def test_opening_a_damaged_file(played, tmp_path, damage, read_only):
    path = damaged(played, tmp_path, damage)
    if damage.outcome in ("anomaly", "fine"):
        with Session.open(path, read_only=read_only, time_source=FakeTime(T0 + 600)) as session:
            state = session.state
            if damage.outcome == "anomaly":
                assert state.anomalies, "the damaged event is reported"
                assert any(damage.anomaly in text for text in state.anomalies), state.anomalies
            else:
                assert state.anomalies == ()
            assert [e.entry_id for e in state.entries if e.entry_id == "e2"] == ["e2"]  # the rest is there
    else:
        with pytest.raises(SessionError) as caught:
            Session.open(path, read_only=read_only).close()
        assert damage.outcome in str(caught.value)
        assert str(path) in str(caught.value)


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.name for d in DAMAGES])
def test_export_and_report_of_a_damaged_file(played, tmp_path, damage, capsys):
    path = damaged(played, tmp_path, damage)
    status = 0 if damage.outcome in ("anomaly", "fine") else 2
    assert main(["export", str(path), "--format", "json", "-o", str(tmp_path / "e.json")]) == status
    assert main(["export", str(path), "--format", "csv", "-o", str(tmp_path / "csv")]) == status
    assert main(["report", str(path), "-o", str(tmp_path / "r.html")]) == status
    err = capsys.readouterr().err
    if status:
        assert damage.outcome in err
        assert len([line for line in err.splitlines() if line.startswith("crisisdesk ")]) == 3
    else:
        assert (tmp_path / "r.html").exists()
        import json

        exported = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
        if damage.outcome == "anomaly":  # the export says what was skipped, and keeps the rest
            assert exported["anomalies"] and "e2" in {e["entry_id"] for e in exported["main_courante"]}


FOREIGN = {
    "another program's database": "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Alice')",
    "a meta table of another application": "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); "
                                           "INSERT INTO meta VALUES ('application', 'firefox')",
    "an empty database": "PRAGMA user_version = 3",
}


@pytest.mark.parametrize("sql", FOREIGN.values(), ids=FOREIGN.keys())
@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path, sql, read_only):
    from crisisdesk.session import NotASessionFile

    path = tmp_path / "contacts.crisisdesk"
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotASessionFile, match="not a crisisdesk session file"):
        Session.open(path, read_only=read_only)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.crisisdesk"]  # no -wal, no -shm, no backup
    assert path.read_bytes() == before  # still in its own journal mode, byte for byte
