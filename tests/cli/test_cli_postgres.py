"""The command line on a PostgreSQL session: new --db, rehearse --db, export, report; clear refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from crisisdesk.session import Session
from tests.conftest import ROOT  # noqa: E402


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CRISISDESK_LANG": "en"}  # the command line's English words are checked here
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=180, env=env)


def test_new_rehearse_export_and_report_take_a_server_url(tmp_path, mini_package_path, postgres_server,
                                                          postgres_url):
    made = run_cli("new", str(mini_package_path), "--db", postgres_url, "--observer", "Alice")
    assert made.returncode == 0, made.stderr
    shown = made.stdout.split(":", 3)
    assert postgres_server.password not in made.stdout  # the URL is shown without its password
    assert "new session of 'Mini-exercice canicule'" in made.stdout and shown
    again = run_cli("new", str(mini_package_path), "--db", postgres_url)
    assert again.returncode == 2 and "already exists" in again.stderr and "Traceback" not in again.stderr

    rehearsal = postgres_url + "_repet"
    played = run_cli("rehearse", str(mini_package_path), "--speed", "100000", "--db", rehearsal)
    assert played.returncode == 0, played.stderr
    with Session.open(rehearsal, read_only=True) as s:
        assert s.state.clock_state.value == "ended"
        fired = sum(1 for e in s.state.events if e.kind == "fire")
    assert fired == 6

    out = tmp_path / "log.json"
    exported = run_cli("export", rehearsal, "--format", "json", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sum(1 for e in data["events"] if e["kind"] == "fire") == 6
    assert data["session"]["file"].startswith("postgresql://postgres@") and postgres_server.password not in out.read_text()

    report = tmp_path / "retex.html"
    done = run_cli("report", rehearsal, "-o", str(report))
    assert done.returncode == 0, done.stderr
    assert "Mini-exercice canicule" in report.read_text(encoding="utf-8")


def test_server_problems_are_one_clear_line(tmp_path, postgres_server, postgres_url):
    from tests.helpers.pg_server import free_port

    cases = [
        (postgres_server.url("exercises", password="faux", session="x"), "password was refused"),
        (postgres_server.url("absente", session="x"), 'database "absente" does not exist'),
        (postgres_url, "no session named"),
        (f"postgresql://anim:x@127.0.0.1:{free_port()}/exo?session=x", "cannot be reached"),
        (postgres_server.url("exercises"), "the URL names no session: add ?session=NAME"),
        (postgres_server.url("exercises", session="Pas-Valide"), "is not valid"),
    ]
    for url, words in cases:
        done = run_cli("report", url, "-o", str(tmp_path / "r.html"))
        assert done.returncode == 2, (url, done.stdout, done.stderr)
        assert words in done.stderr and "Traceback" not in done.stderr
        assert "faux" not in done.stderr and postgres_server.password not in done.stderr
