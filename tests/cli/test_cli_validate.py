"""``crisisdesk validate``: summary and exit 0 for a usable package, every problem and exit 2 otherwise."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk.cli import main
from tests.conftest import ROOT


@pytest.fixture
def package(tmp_path, mini_package_path, monkeypatch) -> Path:
    """A copy of the mini package at ./pkg, with the working directory set to its parent."""
    shutil.copytree(mini_package_path, tmp_path / "pkg")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "pkg"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_valid_package_prints_its_summary(package, capsys):
    assert main(["validate", "pkg"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "pkg: valid crisisdesk/1 package"
    rows = {line.split()[0]: line.split(None, 1)[1] for line in out[1:]}
    assert rows == {
        "title": "Mini-exercice canicule",
        "id": "mini-canicule (fr)",
        "roles": "4: 3 played (2 directorates, 1 partner), 1 simulated",
        "injects": "6: 4 on the timeline, 2 manual, 1 contingency",
        "objectives": "2",
        "indicators": "2",
        "attachments": "0",
        "duration": "1:00 in 2 phases",
        # I01 at 0:02 with scale 6 -> 07:12; I05 at 0:40 in phase 2 (0:30, x4) -> J+1 14:40
        "scenario": "2032-06-22 07:12 → 2032-06-23 14:40 (first to last inject)",
    }


def test_broken_package_lists_every_problem_and_exits_2(package, capsys):
    replace(package / "msel.yaml", 'at: "0:05"', "at: 65")
    replace(package / "msel.yaml", "to: [DSOL]\n  channel: phone\n  body: 420", "to: [DSOLL]\n  channel: phone\n  body: 420")
    replace(package / "roles.yaml", "kind: partner", "kind: partenaire")
    assert main(["validate", "pkg"]) == 2
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.splitlines() == [
        "pkg/roles.yaml:20: role PP field 'kind': \"partenaire\" is not one of: directorate, partner, simulated "
        "(did you mean 'partner'?)",
        "pkg/msel.yaml:17: inject I02 field 'at': 65 is not a time; write it \"H:MM\" or \"H:MM:SS\" in quotes, "
        "e.g. \"0:10\" for ten minutes",
        "pkg/msel.yaml:20: inject I02 field 'to': no role \"DSOLL\" in roles.yaml (did you mean 'DSOL'?)",
        "pkg: not a valid package: 3 errors, 0 warnings",
    ]


def test_warnings_only_still_exit_0(package, capsys):
    replace(package / "msel.yaml", "to: [DIR]\n  channel: social", "to: [METEO]\n  channel: social")
    assert main(["validate", "pkg"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "pkg/msel.yaml:58: warning: inject I05 field 'to': METEO is a simulated role: nobody at the table receives this"
    )
    assert out[1] == ""
    assert out[2] == "pkg: valid crisisdesk/1 package (1 warning)"


def test_a_file_of_the_package_means_its_folder(package, capsys):
    assert main(["validate", "pkg/msel.yaml"]) == 0
    assert capsys.readouterr().out.startswith("pkg: valid crisisdesk/1 package")


def test_missing_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "nowhere"]) == 2
    assert capsys.readouterr().out.splitlines() == [
        "nowhere: no such package folder",
        "nowhere: not a valid package: 1 error, 0 warnings",
    ]


def test_installed_command_reports_without_traceback(package):
    (package / "roles.yaml").write_bytes(b"- id: DIR\n  name: Direction \xe9\n")
    (package / "exercise.yaml").write_text("format: crisisdesk/1\nid: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "validate", "pkg"],
        capture_output=True, text=True, timeout=60, cwd=package.parent,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "pkg/exercise.yaml:3: YAML syntax error: while parsing a flow node, did not find expected node content",
        "pkg/roles.yaml:2: is not UTF-8 text (byte 0xE9 cannot be read); save the file with the UTF-8 encoding",
        "pkg: not a valid package: 2 errors, 0 warnings",
    ]
