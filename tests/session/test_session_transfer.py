"""Moving a session between a file and a PostgreSQL server: `import-session`, `export-session`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session
from crisisdesk.session.transfer import copy_session
from tests.conftest import ROOT  # noqa: E402

T0 = 1_780_000_000.0


def _played(path: Path, package: Path) -> Path:
    clock = FakeTime(T0)
    with Session.create(path, package, time_source=clock, observer="Alice") as s:
        s.start()
        clock.advance(90)
        s.log_entry(observer="Bob", role="DIR", kind="decision", text="Ouverture des salles rafraîchies",
                    tags=["strength"], entry_id="e1")
        s.fire("I01")
        clock.advance(30)
        s.log_entry(observer="Bob", role="DIR", kind="decision", text="Salles ouvertes à 14 h", supersedes="e1",
                    entry_id="e2")
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CRISISDESK_LANG": "en"}  # the command line's English words are checked here
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env=env)


def test_a_file_goes_to_the_server_and_back_event_for_event(tmp_path, mini_package_path, postgres_url):
    original = _played(tmp_path / "salle.crisisdesk", mini_package_path)
    there = copy_session(original, postgres_url)
    back = copy_session(postgres_url, tmp_path / "archive.crisisdesk")
    assert there.events == back.events and there.files == back.files > 0
    end = FakeTime(T0 + 600)
    with Session.open(original, read_only=True, time_source=end) as a, \
            Session.open(tmp_path / "archive.crisisdesk", read_only=True, time_source=end) as b:
        assert b.events_since(0) == a.events_since(0)
        assert b.state == a.state
        meta = b.meta()
        assert meta["copied_from"].startswith("postgresql://postgres@127.0.0.1:")
        assert "?session=" in meta["copied_from"]


def test_the_commands_copy_both_ways_and_say_what_they_did(tmp_path, mini_package_path, postgres_url):
    original = _played(tmp_path / "salle.crisisdesk", mini_package_path)
    done = _cli("import-session", str(original), "--db", postgres_url)
    assert done.returncode == 0, done.stderr
    assert "events and" in done.stdout and "copied from" in done.stdout
    assert _cli("import-session", str(original), "--db", postgres_url).stderr.count("already exists") == 1
    out = tmp_path / "archive.crisisdesk"
    done = _cli("export-session", postgres_url, "-o", str(out))
    assert done.returncode == 0, done.stderr
    refused = _cli("export-session", postgres_url, "-o", str(out))
    assert refused.returncode == 2 and "already exists" in refused.stderr and "Traceback" not in refused.stderr
    with Session.open(out, read_only=True) as s:
        assert [e.entry_id for e in s.state.entries] == ["e2"]


def test_a_copy_that_fails_leaves_nothing_behind(tmp_path, postgres_server):
    missing = _cli("export-session", postgres_server.url("exercises", session="absent"), "-o",
                   str(tmp_path / "x.crisisdesk"))
    assert missing.returncode == 2 and "no session named 'absent'" in missing.stderr
    assert not (tmp_path / "x.crisisdesk").exists()


@pytest.mark.parametrize("args", [
    ("import-session", "nowhere.crisisdesk", "--db", "postgresql://u@127.0.0.1/db?session=s"),
    ("import-session", "tests", "--db", "postgresql://u@127.0.0.1/db?session=s"),
])
def test_import_refuses_what_is_not_a_session_file(args):
    done = _cli(*args)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.strip()
