"""``crisisdesk import`` and ``crisisdesk export-msel`` from the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from crisisdesk.cli import main
from crisisdesk.msel.mapping import MAPPING_FILE, load_mapping
from crisisdesk.package.loader import load_package, validate_package
from tests.msel.sheets_for_tests import PREFECTURE_ROWS, write_xlsx
from tests.report_sessions import play_known_session

ROOT = Path(__file__).resolve().parents[2]


def test_import_writes_a_valid_package_and_keeps_the_mapping(tmp_path, capsys):
    source = write_xlsx(tmp_path / "chrono.xlsx", PREFECTURE_ROWS)
    out = tmp_path / "canicule"
    assert main(["import", str(source), "-o", str(out), "--start", "2032-06-22 09:00"]) == 0
    printed = capsys.readouterr().out
    assert f"{out}: package written from chrono.xlsx" in printed and "role(s) created, to review" in printed
    package, problems = validate_package(out)
    assert package is not None and package.exercise.id == "canicule"
    assert package.exercise.phases[0].scenario_time.isoformat() == "2032-06-22T09:00:00"
    mapping = load_mapping(out / MAPPING_FILE)
    assert mapping.columns["Objet"] == "title" and mapping.header_row == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["canicule", "chrono.xlsx"]  # no temporary left


def test_import_refuses_an_existing_folder_without_force_and_replaces_it_with(tmp_path, capsys):
    source = write_xlsx(tmp_path / "chrono.xlsx", PREFECTURE_ROWS)
    out = tmp_path / "pkg"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err and (out / "keep.txt").exists()
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert not (out / "keep.txt").exists() and load_package(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chrono.xlsx", "pkg"]


def test_bad_rows_exit_2_with_every_cell_and_write_nothing(tmp_path, capsys):
    rows = [["N°", "T+", "À", "Canal", "Titre"], ["1", "0:05", "DIR", "pigeon", "Un"], ["2", "??", "DIR", "mail", "Deux"]]
    source = write_xlsx(tmp_path / "bad.xlsx", rows, title="Feuil1")
    assert main(["import", str(source), "-o", str(tmp_path / "pkg")]) == 2
    err = capsys.readouterr().err
    # in the CLI's language (English in the tests: conftest), each at its cell
    assert "bad.xlsx!Feuil1!D2: channel 'pigeon'" in err and "bad.xlsx!Feuil1!B3: '??' is not a time" in err
    assert "not imported: 2 problems" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xlsx"]


def test_the_import_speaks_french_with_the_command_line(tmp_path, capsys):
    from crisisdesk.cli.words import set_language

    rows = [["N°", "T+", "À", "Canal", "Titre"], ["1", "0:05", "DIR", "pigeon", "Un"], ["2", "??", "DIR", "mail", "Deux"]]
    source = write_xlsx(tmp_path / "bad.xlsx", rows, title="Feuil1")
    try:
        assert main(["--language", "fr", "import", str(source), "-o", str(tmp_path / "pkg")]) == 2
    finally:
        set_language(None)  # the language is the process's: back to the tests' own
    err = capsys.readouterr().err
    assert "bad.xlsx!Feuil1!D2: le canal « pigeon » n'est pas connu de crisisdesk" in err
    assert "bad.xlsx!Feuil1!B3: « ?? » n'est pas une heure lisible" in err


def test_the_stored_mapping_is_reused_for_the_next_version(tmp_path, capsys):
    source = write_xlsx(tmp_path / "v1.xlsx", [["Quand", "Pour", "Sujet"], ["0:00", "DIR", "Un"]])
    out = tmp_path / "pkg"
    assert main(["import", str(source), "-o", str(out)]) == 2  # "Quand" is not a known header
    capsys.readouterr()
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  Quand: time\n  Pour: to\n  Sujet: title\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out), "--mapping", str(mapping)]) == 0
    newer = write_xlsx(tmp_path / "v2.xlsx", [["Quand", "Pour", "Sujet"], ["0:00", "DIR", "Un"], ["0:10", "DIR", "Deux"]])
    assert main(["import", str(newer), "-o", str(out), "--force"]) == 0
    assert f"mapping: {out / MAPPING_FILE}" in capsys.readouterr().err
    assert [i.title for i in load_package(out).injects] == ["Un", "Deux"]


def test_a_bad_mapping_file_names_its_field(tmp_path, capsys):
    source = write_xlsx(tmp_path / "v1.xlsx", [["Quand", "Pour", "Sujet"], ["0:00", "DIR", "Un"]])
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  Quand: heure\ntime_mode: sometimes\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "pkg"), "--mapping", str(mapping)]) == 2
    err = capsys.readouterr().err
    assert "map.yaml: columns: 'Quand': 'heure' is not one of" in err and "time_mode: 'sometimes'" in err


def test_export_msel_from_a_package_and_from_a_session(tmp_path, paris_package_path, capsys):
    assert main(["export-msel", str(paris_package_path), "-o", str(tmp_path / "paris.ods")]) == 0
    assert f"({len(load_package(paris_package_path).injects)} injects)" in capsys.readouterr().out
    session, _ = play_known_session(tmp_path)
    assert main(["export-msel", str(session), "-o", str(tmp_path / "played.csv")]) == 0
    text = (tmp_path / "played.csv").read_text(encoding="utf-8-sig")
    assert "Statut" in text and "Joué" in text and "Annulé" in text
    assert main(["export-msel", str(paris_package_path), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "write .xlsx, .ods, .csv" in capsys.readouterr().err


def test_import_of_a_corrupt_file_is_one_line_and_no_traceback(tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(bad), "-o", str(tmp_path / "p")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "broken.xlsx: is damaged" in proc.stderr
