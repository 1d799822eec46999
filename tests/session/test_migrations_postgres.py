"""Schema upgrades on PostgreSQL: a server session of schema 1 or 2 opens upgraded, in one transaction."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

import pytest
from sqlalchemy import text

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session, SessionError, migrations
from crisisdesk.session.engines import parse_location, postgres_engine
from crisisdesk.session.schema import SCHEMA_VERSION

T0 = 1_780_000_000.0


def write_old_session(url: str, package_root, version: int) -> None:
    """A server session as schema ``version`` (1 or 2) had it: created, started, a fire, an entry and its correction."""
    loc = parse_location(url)
    engine = postgres_engine(loc)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{loc.session}"')
            migrations.V1.create_all(conn)
            conn.execute(migrations.V1_META.insert(), [
                {"key": "application", "value": "crisisdesk-session"}, {"key": "schema_version", "value": str(version)},
                {"key": "package_id", "value": "mini-canicule"}])
            conn.execute(migrations.V1_PACKAGE_FILES.insert(), [
                {"path": f.relative_to(package_root).as_posix(), "data": f.read_bytes()}
                for f in sorted(package_root.rglob("*")) if f.is_file()])
            rows = []

            def event(kind, real, elapsed, scenario, payload, event_id=None):
                rows.append({"event_id": event_id or uuid.uuid4().hex, "kind": kind, "real_time": real,
                             "elapsed": elapsed, "scenario_time": scenario, "actor": None,
                             "payload": json.dumps(payload)})

            event("created", T0, None, None, {"package_id": "mini-canicule"})
            event("start", T0 + 10, 0.0, datetime(2032, 6, 22, 7, 0), {})
            event("fire", T0 + 130, 120.0, datetime(2032, 6, 22, 7, 12), {"inject_id": "I01", "auto": True})
            entry = {"entry_id": "v1-a", "revision": 1, "supersedes": None, "observer": "Alice", "role": "DIR",
                     "kind": "decision", "text": "Cellule activée", "inject_id": "I01", "tags": ["strength"],
                     "stage": "play"}
            event("entry", T0 + 200, 190.0, datetime(2032, 6, 22, 7, 19), entry, "v1-a")
            fixed = {**entry, "entry_id": "v1-b", "revision": 2, "supersedes": "v1-a", "text": "Cellule activée à 7h19"}
            event("entry", T0 + 260, 250.0, datetime(2032, 6, 22, 7, 25), fixed, "v1-b")
            conn.execute(migrations.V1_EVENTS.insert(), rows)
            if version == 2:
                migrations.V2_LOG_ENTRIES.create(conn)
                seqs = conn.execute(text("SELECT seq, payload, real_time, elapsed, scenario_time FROM events "
                                         "WHERE kind = 'entry' ORDER BY seq")).all()
                conn.execute(migrations.V2_LOG_ENTRIES.insert(), [
                    migrations.entry_row(seq, json.loads(p), rt, el, sc) for seq, p, rt, el, sc in seqs])
    finally:
        engine.dispose()


@pytest.mark.parametrize("version", [1, 2])
def test_an_old_server_session_opens_upgraded(postgres_url, mini_package_path, version):
    write_old_session(postgres_url, mini_package_path, version)
    with Session.open(postgres_url, time_source=FakeTime(T0 + 300)) as s:
        assert s.meta()["schema_version"] == str(SCHEMA_VERSION)
        assert [e.text for e in s.state.entries] == ["Cellule activée à 7h19"]
        assert s.state.inject("I01").status.value == "fired"
        with s._engine.connect() as conn:
            view = conn.execute(text("SELECT entry_id, revision, supersedes, tags FROM log_entries "
                                     "ORDER BY event_seq")).all()
            kind = conn.execute(text("SELECT table_type FROM information_schema.tables WHERE table_name = "
                                     "'log_entries' AND table_schema = current_schema()")).scalar()
        assert view == [("v1-a", 1, None, '["strength"]'), ("v1-b", 2, "v1-a", '["strength"]')]
        assert kind == "VIEW"
        s.log_entry(observer="Bob", role="DIR", kind="decision", text="Après la mise à jour")  # writable


def test_a_failed_upgrade_on_the_server_leaves_the_session_as_it_was(postgres_url, mini_package_path, monkeypatch):
    write_old_session(postgres_url, mini_package_path, 1)

    def broken(conn):
        raise RuntimeError("disque plein au milieu")

    monkeypatch.setitem(migrations.STEPS, 2, broken)
    with pytest.raises(SessionError, match="could not upgrade the session file from schema 2") as failed:
        Session.open(postgres_url)
    assert failed.value.code == "upgrade_failed"
    monkeypatch.undo()
    loc = parse_location(postgres_url)
    engine = postgres_engine(loc, read_only=True)
    try:
        with engine.connect() as conn:  # step 1 -> 2 rolled back with the failed 2 -> 3: DDL is transactional
            assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar() == "1"
            assert conn.execute(text("SELECT count(*) FROM information_schema.tables WHERE table_name = "
                                     "'log_entries' AND table_schema = current_schema()")).scalar() == 0
    finally:
        engine.dispose()
    with Session.open(postgres_url) as s:  # and a working crisisdesk upgrades it
        assert s.meta()["schema_version"] == str(SCHEMA_VERSION)
