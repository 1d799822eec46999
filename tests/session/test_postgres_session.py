"""A session on PostgreSQL in play: several consoles at once, others' writes announced, the server going away."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event

from crisisdesk.clock import FakeTime
from crisisdesk.session import InvalidActionError, Session, WriteFailedError

T0 = 1_780_000_000.0


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime(T0)


def test_two_consoles_firing_the_same_inject_at_once_fire_it_once(postgres_url, mini_package_path, clock):
    consoles = [Session.create(postgres_url, mini_package_path, time_source=clock)]
    consoles += [Session.open(postgres_url, time_source=clock) for _ in range(3)]
    try:
        consoles[0].start()
        clock.advance(30)
        gate = threading.Barrier(len(consoles))
        outcomes: list[str] = []

        def fire(console: Session) -> None:
            gate.wait()
            try:
                console.fire("I02")
                outcomes.append("fired")
            except InvalidActionError as exc:
                outcomes.append(exc.code)

        threads = [threading.Thread(target=fire, args=(c,)) for c in consoles]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["already_fired"] * 3 + ["fired"]
        fires = [e for e in consoles[0].events_since(0) if e.kind == "fire"]
        assert [e.payload["inject_id"] for e in fires] == ["I02"]
        seqs = [e.seq for e in consoles[0].events_since(0)]
        assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    finally:
        for c in consoles:
            c.close()


def test_a_refresh_reads_only_when_another_console_announced_a_commit(postgres_url, mini_package_path, clock):
    here = Session.create(postgres_url, mini_package_path, time_source=clock)
    there = Session.open(postgres_url, time_source=clock)
    queries: list[str] = []
    event.listen(here._engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: queries.append(statement))
    try:
        here.refresh()  # the first look reads, and starts listening
        assert here.wait_for_changes(5)  # listening: the connection's own first mark
        here.refresh()
        queries.clear()
        for _ in range(20):
            assert here.refresh() is False
        assert not any("events" in q for q in queries)  # nothing announced: no query at all
        there.log_entry(observer="Site 2", role="DIR", kind="decision", text="Annoncé", entry_id="e-1")
        assert here.wait_for_changes(1.0)  # announced within the second
        assert here.refresh() is True
        assert here.state.entry("e-1").text == "Annoncé"
        assert sum("FROM events" in q for q in queries) == 1  # one incremental read, not the whole log
    finally:
        here.close()
        there.close()


def test_writes_while_the_server_is_away_are_kept_and_saved_when_it_is_back(tmp_path, mini_package_path, clock,
                                                                           monkeypatch):
    from tests.helpers.pg_server import TestServer

    monkeypatch.setenv("CRISISDESK_DATA_DIR", str(tmp_path / "data"))
    server = TestServer()  # its own server: this test stops it
    server.start()
    try:
        server.create_database("exo")
        url = server.url("exo", session="coupure")
        s = Session.create(url, mini_package_path, time_source=clock)
        try:
            s.start()
            server.stop(remove=False)  # the network or the server goes away mid-exercise
            clock.advance(60)
            with pytest.raises(WriteFailedError) as kept:
                s.log_entry(observer="Bob", role="DIR", kind="decision", text="Pendant la coupure", entry_id="e-cut")
            assert kept.value.pending and kept.value.code in ("connection_lost", "unreachable")
            assert "Traceback" not in str(kept.value)
            assert [p.event_id for p in s.pending_writes] == ["e-cut"]
            assert s.journal_path.exists() and s.journal_path.parent == tmp_path / "data" / "servers"
            with pytest.raises(WriteFailedError) as refused:  # a controller action fails visibly, changes nothing
                s.fire("I01")
            assert not refused.value.pending
            assert s.refresh() is False  # the live view carries on quietly
            server.start()  # back (same port)
            clock.advance(5)
            s.log_entry(observer="Bob", role="DIR", kind="decision", text="Après", entry_id="e-after")
            assert s.pending_writes == () and not s.journal_path.exists()
            assert [e.entry_id for e in s.state.entries] == ["e-cut", "e-after"]
        finally:
            s.close()
        with Session.open(url, time_source=clock) as again:
            assert [e.entry_id for e in again.state.entries] == ["e-cut", "e-after"]
    finally:
        server.stop()


def test_a_server_restart_mid_exercise_costs_nothing(postgres_server, postgres_url, mini_package_path, clock):
    s = Session.create(postgres_url, mini_package_path, time_source=clock)
    try:
        s.start()
        s.log_entry(observer="Bob", role="DIR", kind="decision", text="Avant", entry_id="e-1")
        postgres_server.restart()
        clock.advance(10)
        s.log_entry(observer="Bob", role="DIR", kind="decision", text="Après", entry_id="e-2")  # no error
        assert s.pending_writes == ()
        clock.advance(110)
        assert s.tick() == ["I01"]
    finally:
        s.close()


def test_a_role_that_may_only_read_is_refused_clearly(postgres_server, postgres_url, mini_package_path, clock):
    from crisisdesk.session.engines import parse_location

    Session.create(postgres_url, mini_package_path, time_source=clock).close()
    name = parse_location(postgres_url).session
    postgres_server.sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lecture') THEN "
                        "CREATE ROLE lecture LOGIN PASSWORD 'lecture'; END IF; END $$")
    postgres_server.sql(f"GRANT USAGE ON SCHEMA {name} TO lecture", "exercises")
    postgres_server.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {name} TO lecture", "exercises")
    reader = postgres_server.url("exercises", user="lecture", password="lecture", session=name)
    with Session.open(reader, read_only=True, time_source=clock) as s:
        assert s.state.clock_state.value == "ready"
    with Session.open(reader, time_source=clock) as s:
        with pytest.raises(WriteFailedError) as refused:
            s.start()
        assert refused.value.code == "permission_denied" and "permission denied" in str(refused.value)
        with pytest.raises(WriteFailedError) as kept:
            s.log_entry(observer="Bob", role="DIR", kind="decision", text="Refusé", entry_id="e-ro")
        assert kept.value.pending  # nothing typed is lost: kept in this laptop's journal


def test_a_password_in_pgpass_is_used_and_none_is_ever_written(postgres_server, postgres_url, mini_package_path,
                                                              clock, tmp_path, monkeypatch):
    from crisisdesk.session.engines import parse_location

    Session.create(postgres_url, mini_package_path, time_source=clock).close()
    bare = parse_location(postgres_url).display  # the URL as shown and remembered: no password
    assert postgres_server.password not in bare
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{postgres_server.port}:exercises:postgres:{postgres_server.password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with Session.open(bare, time_source=clock) as s:
        s.start()
        s.log_entry(observer="Bob", role="DIR", kind="decision", text="Par .pgpass")
        assert s.location.url.password is None
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "absent"))
    from crisisdesk.session import SessionError

    with pytest.raises(SessionError) as refused:
        Session.open(bare, time_source=clock)
    assert refused.value.code == "bad_password" and "or none was given" in str(refused.value)
    written = [p for p in (tmp_path / "data").rglob("*") if p.is_file()] if (tmp_path / "data").exists() else []
    assert all(postgres_server.password not in p.read_text(errors="replace") for p in written)
