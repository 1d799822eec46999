"""``crisisdesk new``, ``rehearse`` and ``export`` on real files; user errors exit 2 without a traceback."""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk.cli import main
from crisisdesk.cli import rehearse as rehearse_command
from crisisdesk.clock import FakeTime
from crisisdesk.package.loader import load_package
from crisisdesk.session import InjectStatus, Session
from tests.conftest import ROOT

T0 = 1_780_000_000.0


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


# -- new ---------------------------------------------------------------------------------

def test_new_creates_a_session_file(tmp_path, mini_package_path, capsys):
    out = tmp_path / "exercice.crisisdesk"
    assert main(["new", str(mini_package_path), "-o", str(out), "--observer", "Alice"]) == 0
    assert capsys.readouterr().out == (f"{out}: new session of 'Mini-exercice canicule' (mini-canicule): "
                                       "6 injects, 4 roles, 2 phases\n")
    with Session.open(out, read_only=True) as s:
        assert s.state.clock_state.value == "ready"
        assert s.state.events[0].payload["observer"] == "Alice"


def test_new_refuses_an_existing_file_and_a_bad_package(tmp_path, mini_package_path):
    out = tmp_path / "x.crisisdesk"
    out.write_text("précieux", encoding="utf-8")
    result = run_cli("new", str(mini_package_path), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr == f"crisisdesk new: {out}: already exists; choose another name or delete it first\n"
    assert out.read_text(encoding="utf-8") == "précieux"
    broken = tmp_path / "broken"
    shutil.copytree(mini_package_path, broken)
    (broken / "roles.yaml").write_text("- id: DIR\n", encoding="utf-8")
    result = run_cli("new", str(broken), "-o", str(tmp_path / "y.crisisdesk"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"crisisdesk new: {broken}: not a valid package")
    assert "roles.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "y.crisisdesk").exists()


# -- rehearse ----------------------------------------------------------------------------

class CommittedLines:
    """An output stream that checks, as each inject line arrives, that the firing is already in the file."""

    def __init__(self, db: Path):
        self.db = db
        self.lines: list[str] = []
        self.checked = 0
        self._buffer = ""

    def write(self, text: str) -> None:
        self._buffer += text
        *complete, self._buffer = self._buffer.split("\n")
        for line in complete:
            self.lines.append(line)
            if len(self.lines) > 1 and not line.startswith(("--", "ENDEX", "session kept")):
                inject_id = line.split()[0]
                with Session.open(self.db, read_only=True) as reader:  # another connection: sees commits only
                    assert reader.state.inject(inject_id).status is InjectStatus.FIRED, line
                self.checked += 1

    def flush(self) -> None:
        pass


def test_rehearse_prints_each_inject_after_its_firing_is_committed(tmp_path, mini_package_path):
    db = tmp_path / "rehearsal.crisisdesk"
    out = CommittedLines(db)
    slept: list[float] = []
    args = argparse.Namespace(package=str(mini_package_path), speed=60.0, db=str(db))
    assert rehearse_command.run(args, sleep=slept.append, out=out) == 0
    assert out.checked == 6
    assert out.lines == [
        "Mini-exercice canicule — rehearsal at 60x (1:00 of play, 6 injects)",
        "-- 0:00:00  phase 1: J0 — matin (scenario 2032-06-22 07:00, x6)",
        "I01      0:02:00  2032-06-22 07:12  Bulletin de vigilance orange  -> DIR, PP",
        "I02      0:05:00  2032-06-22 07:30  Appel de la plateforme  -> DSOL",
        "I03      0:10:00  2032-06-22 08:00  Flash info  -> all",
        "I03b     0:20:00  2032-06-22 09:00  Relance de la plateforme  -> DSOL  [contingency for I02]",
        "-- 0:30:00  phase 2: J+1 — après-midi (scenario 2032-06-23 14:00, x4)",
        "I04      0:32:00  2032-06-23 14:08  Vigilance rouge  -> all",
        "I05      0:40:00  2032-06-23 14:40  Réserve — rumeur  -> DIR  [manual]",
        "ENDEX at 1:00:00: 6 inject(s) fired",
        f"session kept in {db}",
    ]
    # One hour of play at 60x: sleeps add up to one minute, cut at each deadline (no drift).
    assert sum(slept) == pytest.approx(60.0)
    assert slept[:3] == pytest.approx([2.0, 3.0, 5.0])
    with Session.open(db, read_only=True) as s:
        assert s.state.clock_state.value == "ended"
        assert all(i.status is InjectStatus.FIRED for i in s.state.injects)


def test_rehearse_without_db_leaves_no_file_and_refuses_a_zero_speed(tmp_path, mini_package_path, monkeypatch,
                                                                    capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["rehearse", str(mini_package_path), "--speed", "100000"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ENDEX at 1:00:00: 6 inject(s) fired"
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit) as refused:
        main(["rehearse", str(mini_package_path), "--speed", "0"])
    assert refused.value.code == 2
    assert "argument --speed: 0 is not between 0.1 and 100000" in capsys.readouterr().err


def test_rehearse_plays_the_whole_paris_package(paris_package_path, tmp_path):
    package = load_package(paris_package_path)
    db = tmp_path / "paris.crisisdesk"
    result = run_cli("rehearse", str(paris_package_path), "--speed", "100000", "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    fired = [line.split()[0] for line in lines if not line.startswith(("--", "ENDEX", "session")) and line != lines[0]]
    assert sorted(fired) == sorted(i.id for i in package.injects)
    assert sum(line.startswith("-- ") for line in lines) == len(package.exercise.phases)
    with Session.open(db, read_only=True) as s:
        state = s.state
        assert state.clock_state.value == "ended"
        assert state.elapsed >= package.exercise.duration
        # every firing stored with its exercise and scenario time, in timeline order
        times = [i.fired_elapsed for i in state.injects]
        assert times == sorted(times)
        assert all(i.fired_scenario is not None for i in state.injects)


# -- export --------------------------------------------------------------------------------

@pytest.fixture
def played(tmp_path, mini_package_path) -> Path:
    path = tmp_path / "joue.crisisdesk"
    clock = FakeTime(T0)
    with Session.create(path, mini_package_path, time_source=clock) as s:
        s.start()
        clock.advance(120)
        s.tick()
        first = s.log_entry(observer="Alice", role="DIR", kind="decision", text="Activer la cellule; tout de suite",
                            inject_id="I01", tags=["strength"])
        s.log_entry(observer="Alice", role="DIR", kind="decision", text="Cellule activée à 7 h 12",
                    supersedes=first.entry_id)
        s.check_expectation("I01", 0, "met", observer="Bob")
    return path


def test_export_csv_writes_the_courante_and_the_event_log(played, capsys):
    assert main(["export", str(played), "--format", "csv"]) == 0
    folder = played.with_name("joue-export")
    assert capsys.readouterr().out == (f"{folder}: main-courante.csv (2 entries), events.csv (6 events)\n")
    with open(folder / "main-courante.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [(r["revision"], r["current"], r["text"]) for r in rows] == [
        ("1", "no", "Activer la cellule; tout de suite"), ("2", "yes", "Cellule activée à 7 h 12")]
    assert rows[0]["superseded_by"] == rows[1]["entry_id"] and rows[0]["elapsed"] == "0:02:00"
    assert rows[0]["scenario_time"] == "2032-06-22T07:12:00" and rows[0]["tags"] == "strength"
    with open(folder / "events.csv", encoding="utf-8-sig", newline="") as handle:
        events = list(csv.DictReader(handle, delimiter=";"))
    assert [e["kind"] for e in events] == ["created", "start", "fire", "entry", "entry", "check"]
    assert json.loads(events[2]["payload"])["inject_id"] == "I01"


def test_export_json_to_a_file(played, tmp_path, capsys):
    out = tmp_path / "export.json"
    assert main(["export", str(played), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["text"] for e in data["main_courante"]] == ["Activer la cellule; tout de suite",
                                                           "Cellule activée à 7 h 12"]
    assert data["expectation_checks"][0]["status"] == "met"
    assert data["expectation_checks"][0]["delay_since_fire"] == "0:00:00"
    assert [e["seq"] for e in data["events"]] == [1, 2, 3, 4, 5, 6]
    assert data["clock"]["state"] == "running" and data["exercise"]["id"] == "mini-canicule"


def test_export_errors_are_one_line_and_exit_2(tmp_path):
    not_a_session = tmp_path / "notes.crisisdesk"
    not_a_session.write_text("rien", encoding="utf-8")
    for target in (not_a_session, tmp_path / "absent.crisisdesk"):
        result = run_cli("export", str(target), "--format", "json")
        assert result.returncode == 2
        assert result.stderr.startswith(f"crisisdesk export: {target}: ")
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_new_without_output_names_the_file_as_the_app_does(tmp_path, mini_package_path, monkeypatch):
    """`crisisdesk new PKG` writes <exercise id>_<YYYY-MM-DD_HHhMM>.crisisdesk here, like the app."""
    import re

    from crisisdesk.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["new", str(mini_package_path)]) == 0
    created = [p.name for p in tmp_path.glob("*.crisisdesk")]
    assert len(created) == 1
    assert re.fullmatch(r"mini-canicule_\d{4}-\d{2}-\d{2}_\d{2}h\d{2}\.crisisdesk", created[0])
