"""The PostgreSQL engine layer on a real server: locations, schema, the writers' lock, NOTIFY, clear errors."""

from __future__ import annotations

import json
import threading
import time

import pytest
from sqlalchemy import insert, select, text

from crisisdesk.session.engines import (
    SessionLocation,
    is_server_url,
    parse_location,
    postgres_engine,
)
from crisisdesk.session.errors import SessionError
from crisisdesk.session.listener import ChangeListener
from crisisdesk.session.schema import Event, create_schema
from crisisdesk.session.server_errors import classify
from crisisdesk.session.server_store import server_error

# -- naming a session -------------------------------------------------------------------------


def test_a_path_and_a_url_name_different_engines(tmp_path):
    assert parse_location(tmp_path / "a.crisisdesk") == SessionLocation(path=tmp_path / "a.crisisdesk")
    assert parse_location(str(tmp_path / "a.crisisdesk")).dialect == "sqlite"
    loc = parse_location("postgresql://anim:s3cret@db.example:5433/exo?session=paris_2026&sslmode=require")
    assert (loc.dialect, loc.session, loc.url.database, loc.url.password) == ("postgresql", "paris_2026", "exo",
                                                                              "s3cret")
    assert loc.url.drivername == "postgresql+psycopg"
    # shown and remembered without the password
    assert loc.display == "postgresql://anim@db.example:5433/exo?session=paris_2026&sslmode=require"
    assert "s3cret" not in loc.name and "s3cret" not in str(loc)
    assert is_server_url("postgres://h/db?session=x") and not is_server_url("C:/x.crisisdesk")


@pytest.mark.parametrize(("url", "words"), [
    ("postgresql://anim:pw@host/?session=a", "names no database"),
    ("postgresql://anim:pw@host/db?session=Paris-2026", "session name 'Paris-2026' is not valid"),
    ("postgresql://anim:pw@host/db?session=" + "a" * 41, "is not valid"),
])
def test_a_bad_url_is_refused_saying_why_without_the_password(url, words):
    with pytest.raises(SessionError, match=words) as refused:
        parse_location(url)
    assert refused.value.code == "bad_url"
    assert "pw" not in str(refused.value).replace("postgresql", "")


# -- schema and log on a real server ----------------------------------------------------------

def _created(url: str):
    loc = parse_location(url)
    engine = postgres_engine(loc, busy_timeout_ms=300)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{loc.session}"')
        create_schema(conn)
    return loc, engine


def _event(n: int, kind: str = "entry", **payload) -> dict:
    return {"event_id": f"e{n}", "kind": kind, "real_time": 1000.0 + n, "elapsed": float(n), "scenario_time": None,
            "actor": None, "payload": json.dumps(payload, ensure_ascii=False)}


def test_the_courante_view_reads_the_same_on_postgresql(postgres_url):
    loc, engine = _created(postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(insert(Event), [
                _event(1, entry_id="a", text="Fermeture des parcs", role="DIR", tags=["décision"], observer="Léa"),
                _event(2, entry_id="b", revision=2, supersedes="a", text="Parcs fermés à 14 h"),
                _event(3, kind="fire", inject_id="I01"),
            ])
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT entry_id, revision, supersedes, observer, role, kind, text, tags, stage "
                                     "FROM log_entries ORDER BY event_seq")).all()
        assert rows == [
            ("a", 1, None, "Léa", "DIR", "observation", "Fermeture des parcs", '["décision"]', "play"),
            ("b", 2, "a", "", None, "observation", "Parcs fermés à 14 h", "[]", "play"),
        ]
    finally:
        engine.dispose()


def test_each_session_is_its_own_schema_in_one_database(postgres_server, postgres_url):
    loc_a, a = _created(postgres_url)
    loc_b, b = _created(postgres_server.url("exercises", session=loc_a.session + "_b"))
    try:
        with a.begin() as conn:
            conn.execute(insert(Event), [_event(1)])
        with b.connect() as conn:
            assert conn.execute(select(Event.event_id)).all() == []
    finally:
        a.dispose()
        b.dispose()


def test_writers_take_turns_and_a_blocked_one_fails_as_locked(postgres_url):
    loc, engine = _created(postgres_url)
    other = postgres_engine(loc, busy_timeout_ms=200)
    try:
        with engine.begin() as conn:  # holds the session's write lock
            conn.execute(insert(Event), [_event(1)])
            with pytest.raises(Exception) as blocked:
                with other.begin() as conn2:
                    conn2.execute(insert(Event), [_event(2)])
            assert classify(blocked.value).code == "locked"
            # readers are never blocked by a writer
            with other.connect().execution_options(read_only=True) as reader, reader.begin():
                assert reader.execute(select(Event.event_id)).all() == []
        with other.begin() as conn2:
            conn2.execute(insert(Event), [_event(2)])
        with other.connect() as conn:
            assert [s for (s,) in conn.execute(select(Event.seq).order_by(Event.seq))] == [1, 2]
    finally:
        engine.dispose()
        other.dispose()


def test_a_commit_is_announced_to_a_listener_and_a_rollback_is_not(postgres_url):
    loc, engine = _created(postgres_url)
    listener = ChangeListener(loc)
    try:
        deadline = time.monotonic() + 10
        while not listener.healthy and time.monotonic() < deadline:
            time.sleep(0.01)
        assert listener.healthy
        assert listener.take()  # the first look always reads
        assert not listener.take()
        with pytest.raises(RuntimeError), engine.begin() as conn:
            conn.execute(text("SELECT pg_notify('crisisdesk.' || current_schema(), '1')"))
            raise RuntimeError("rolled back")
        assert not listener.wait(0.3)
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_notify('crisisdesk.' || current_schema(), '1')"))
        assert listener.wait(5)
        assert listener.take() and listener.notifications == 1
    finally:
        listener.close()
        engine.dispose()


# -- errors a user meets ------------------------------------------------------------------------

def _open_error(url: str) -> SessionError:
    loc = parse_location(url)
    engine = postgres_engine(loc, connect_timeout=2)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001
        return server_error(loc, exc, "open the session")
    finally:
        engine.dispose()
    raise AssertionError("no error")


def test_connection_problems_are_named_clearly(postgres_server):
    from tests.helpers.pg_server import free_port

    unreachable = _open_error(f"postgresql://anim:x@127.0.0.1:{free_port()}/exercises?session=s")
    assert unreachable.code == "unreachable" and "cannot be reached" in str(unreachable)
    wrong = _open_error(postgres_server.url("exercises", password="wrong", session="s"))
    assert wrong.code == "bad_password" and "password was refused" in str(wrong)
    assert "wrong" not in str(wrong)
    missing = _open_error(postgres_server.url("nowhere", session="s"))
    assert missing.code == "no_such_database" and 'database "nowhere" does not exist' in str(missing)
    postgres_server.create_role("visitor", "visitor")
    postgres_server.sql("REVOKE CONNECT ON DATABASE exercises FROM PUBLIC")
    try:
        denied = _open_error(postgres_server.url("exercises", user="visitor", password="visitor", session="s"))
    finally:
        postgres_server.sql("GRANT CONNECT ON DATABASE exercises TO PUBLIC")
    assert denied.code == "permission_denied" and "grant" in str(denied)


def test_a_lost_connection_is_named_and_the_next_use_reconnects(postgres_url, postgres_server):
    loc, engine = _created(postgres_url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            postgres_server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE application_name = 'crisisdesk' AND pid <> pg_backend_pid()")
            with pytest.raises(Exception) as lost:
                conn.execute(text("SELECT 1"))
        assert classify(lost.value).code == "connection_lost"
        with engine.begin() as conn:  # the pool's pre-ping replaced the dead connection
            conn.execute(insert(Event), [_event(1)])
    finally:
        engine.dispose()


def test_listening_resumes_after_the_server_restarts(postgres_url, postgres_server):
    loc, engine = _created(postgres_url)
    listener = ChangeListener(loc)
    try:
        _wait(lambda: listener.healthy)
        listener.take()
        postgres_server.restart()
        _wait(lambda: listener.healthy, seconds=20)
        assert listener.take()  # whatever happened meanwhile is read
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_notify('crisisdesk.' || current_schema(), '1')"))
        assert listener.wait(5)
    finally:
        listener.close()
        engine.dispose()


def _wait(condition, seconds: float = 10) -> None:
    done = threading.Event()
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        done.wait(0.02)


def test_engine_for_picks_the_engine_of_the_location(tmp_path, postgres_url):
    from crisisdesk.session.engines import engine_for

    for where, dialect in ((tmp_path / "a.crisisdesk", "sqlite"), (postgres_url, "postgresql")):
        engine = engine_for(parse_location(where))
        try:
            assert engine.dialect.name == dialect
        finally:
            engine.dispose()
