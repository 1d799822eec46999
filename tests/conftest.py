"""Shared fixtures: offscreen Qt, paths to the bundled and test packages."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
# The command line speaks French by default; tests read its English unless they choose French
# (tests/cli/test_cli_language.py), so a message reworded in one language breaks one test only.
os.environ.setdefault("CRISISDESK_LANG", "en")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def mini_package_path() -> Path:
    """A small valid package (two phases, four roles, six injects) for tests."""
    return ROOT / "tests" / "data" / "mini"


@pytest.fixture
def paris_package_path() -> Path:
    """The bundled showcase package."""
    return ROOT / "injects" / "paris-50c"


# -- PostgreSQL: one throwaway server for the whole run, started and stopped here ----------

@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server on 127.0.0.1 (tests/helpers/pg_server.py), stopped after the run.

    Skipped, saying why, only where no server can be started; under CI (``CI`` set)
    that is an error instead, so the PostgreSQL tests never vanish silently.
    """
    from tests.helpers.pg_server import ServerUnavailable, TestServer

    server = None
    try:
        server = TestServer()
        server.start()
    except ServerUnavailable as exc:
        if server is not None:
            server.stop()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL test server: {exc}")
        pytest.skip(f"no PostgreSQL test server: {exc}")
    server.create_database("exercises")
    yield server
    server.stop()


_session_names = iter(range(1, 1_000_000))


@pytest.fixture
def postgres_url(postgres_server, monkeypatch, tmp_path) -> str:
    """The URL of a new, not yet created session in the test server's ``exercises`` database."""
    monkeypatch.setenv("CRISISDESK_DATA_DIR", str(tmp_path / "data"))  # journals of kept writes
    return postgres_server.url("exercises", session=f"t{next(_session_names)}_{os.getpid()}")


@pytest.fixture
def machine_in_utc(monkeypatch):
    """The machine's time zone set to UTC for one test (times must follow the exercise's zone, not it)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
