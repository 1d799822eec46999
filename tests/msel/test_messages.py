"""The import speaks French by default and English on request, from one catalogue; a bad
criterion is reported at its spreadsheet cell."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crisisdesk.msel import messages
from crisisdesk.msel.build import ImportOptions, build_import, guess_mapping
from crisisdesk.msel.export import msel_tables
from crisisdesk.msel.sheets import SheetReadError, read_workbook
from crisisdesk.msel.spreadsheet import write_tables
from crisisdesk.msel.times import TimeFormatError, parse_when
from crisisdesk.package.loader import load_package
from tests.msel.sheets_for_tests import PREFECTURE_ROWS, write_xlsx

MSEL = Path(__file__).resolve().parents[2] / "crisisdesk" / "msel"
# Calls whose text reaches people: each must get it from the catalogue.
SPEAKING = {"problem": 2, "note": 0}  # method name -> index of the message argument
RAISING = {"SheetReadError", "TimeFormatError", "LookupError", "MessageError"}


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_french_and_english_with_the_same_values():
    assert len(messages.CATALOGUE) > 60
    for key, texts in messages.CATALOGUE.items():
        assert len(texts) == 2, key
        french, english = texts
        assert french.strip() and english.strip(), key
        assert _fields(french) == _fields(english), key
        assert french != english or key in {"time.hint"}, f"{key}: the French text is the English one"


def _keys_used() -> set[str]:
    keys = set()
    for path in MSEL.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in {"t", "message", "render"} | RAISING and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.add(first.value)
                elif isinstance(first, ast.JoinedStr):  # f"summary.{kind}" — check every value it can take
                    keys.add(ast.unparse(first))
                elif isinstance(first, ast.IfExp):
                    keys.update(x.value for x in (first.body, first.orelse) if isinstance(x, ast.Constant))
    return keys


def test_the_importer_emits_no_text_outside_the_catalogue():
    """Every problem, note and error of the import goes through a catalogue key."""
    offenders = []
    for path in sorted(MSEL.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SPEAKING and isinstance(node.func, ast.Attribute) and len(node.args) > SPEAKING[name]:
                arg = node.args[SPEAKING[name]]
                ok = isinstance(arg, ast.Call) and (
                    getattr(arg.func, "attr", None) in {"t", "text"})
            elif name in RAISING and node.args:
                arg = node.args[0]
                ok = (isinstance(arg, ast.Constant) and arg.value in messages.CATALOGUE) or (
                    isinstance(arg, ast.Call) and getattr(arg.func, "attr", None) == "t")
            else:
                continue
            if not ok:
                offenders.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert offenders == []
    used = _keys_used()
    plain = {k for k in used if not k.startswith("f'") and not k.startswith('f"')}
    assert plain - set(messages.CATALOGUE) == set()
    # the f-string keys: each family has its members
    for family, members in {"meaning.": ("time", "to"), "kind.": ("roles", "objectives", "phases", "exercise",
                                                                  "indicators"),
                            "summary.skipped_": ("empty", "header", "total"),
                            "summary.": ("within_default", "sender_default", "title_default")}.items():
        assert all(family + m in messages.CATALOGUE for m in members), family


def test_a_bad_sheet_in_french_by_default_and_in_english_on_request(tmp_path):
    rows = [["N°", "T+", "À", "Canal", "Titre"], ["1", "0:05", "DIR", "pigeon", "Un"],
            ["2", "demain", "DIR", "mail", "Deux"], ["3", "0:20", None, "mail", "Trois"]]
    book = read_workbook(write_xlsx(tmp_path / "bad.xlsx", rows, title="Feuil1"))
    french = [str(p) for p in build_import(book, guess_mapping(book)).problems]
    assert "bad.xlsx!Feuil1!D2: le canal « pigeon » n'est pas connu de crisisdesk (phone, email, radio, news, " \
           "social, field, document, face) : ajoutez-le aux canaux de la correspondance" in french
    assert any(p.startswith("bad.xlsx!Feuil1!B3: « demain » n'est pas une heure lisible (par ex. 0:05")
               for p in french), french
    assert "bad.xlsx!Feuil1!C4: pas de destinataire : nommez un rôle, plusieurs, ou Tous" in french
    english = [str(p) for p in build_import(book, guess_mapping(book), ImportOptions(message_language="en")).problems]
    assert "bad.xlsx!Feuil1!D2: channel 'pigeon' is not one crisisdesk knows (phone, email, radio, news, social, " \
           "field, document, face): add it to the mapping's channels" in english
    assert any(p.startswith("bad.xlsx!Feuil1!B3: 'demain' is not a time we can read (e.g. 0:05") for p in english)
    assert "bad.xlsx!Feuil1!C4: no recipient: name a role, several, or Tous" in english
    assert len(french) == len(english) == 3


def test_the_summary_and_warnings_in_both_languages(tmp_path):
    book = read_workbook(write_xlsx(tmp_path / "chrono.xlsx", PREFECTURE_ROWS))
    fr = build_import(book, guess_mapping(book))
    en = build_import(book, guess_mapping(book), ImportOptions(message_language="en"))
    assert fr.ok and en.ok
    assert any(line.startswith("5 rôle(s) créé(s), à revoir : joués ") for line in fr.summary), fr.summary
    assert any(line.startswith("5 role(s) created, to review: played ") for line in en.summary), en.summary
    assert any("ligne(s) d'en-tête répétée(s) ignorée(s)" in line for line in fr.summary)
    assert any("injects hors de l'ordre chronologique (ligne(s) 11)" in line for line in fr.summary), fr.summary
    assert "chrono.xlsx!MSEL!J3: avertissement : la colonne J (Responsable animation) ne correspond à rien : " \
           "ses cellules sont gardées dans les notes des injects" in [str(p) for p in fr.problems]
    assert "chrono.xlsx!MSEL!J3: warning: column J (Responsable animation) maps to nothing: its cells are kept " \
           "in the injects' notes" in [str(p) for p in en.problems]
    assert len(fr.summary) == len(en.summary) and fr.summary != en.summary


def test_file_and_time_errors_carry_both_texts(tmp_path):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    with pytest.raises(SheetReadError) as info:
        read_workbook(tmp_path / "empty.xlsx")
    assert str(info.value) == "est vide (0 octet)" and info.value.text("en") == "is empty (0 bytes)"
    with pytest.raises(TimeFormatError) as info:
        parse_when(-0.5)
    assert info.value.text("fr") == "-0.5 est négatif : ce n'est pas une heure"
    assert info.value.text("en") == "-0.5 is negative: not a time"
    from crisisdesk.msel.output import OutputError, write_imported_package

    (tmp_path / "pkg").mkdir()
    with pytest.raises(OutputError) as info:
        write_imported_package(None, tmp_path / "pkg")
    assert str(info.value).endswith("pkg existe déjà : choisissez un autre dossier, ou remplacez-le (--force)")
    assert info.value.text("en").endswith("pkg already exists: give another folder, or --force to replace it")


def test_a_bad_criterion_is_reported_at_its_spreadsheet_cell(tmp_path, paris_package_path):
    import shutil

    shutil.copytree(paris_package_path / "media", tmp_path / "media")
    paris = load_package(paris_package_path)
    path = write_tables(msel_tables(paris), tmp_path / "paris.xlsx")
    book = load_workbook(path)
    sheet = book["Chronogramme"]
    headers = [c.value for c in sheet[1]]
    column = headers.index("Réactions attendues")
    linked = next(r for r in sheet.iter_rows(min_row=2) if r[column].value and ", O" in str(r[column].value))
    cell = linked[column]
    good = str(cell.value)
    objective = good.split(", ", 1)[1].split(")")[0].rpartition(".")[0]
    cell.value = good.replace(f", {objective}.", f", {objective}.9", 1)  # O2.1 -> O2.91: no such criterion
    book.save(path)
    book = read_workbook(path)
    result = build_import(book, guess_mapping(book))
    located = [str(p) for p in result.errors]
    assert len(located) == 1, located
    assert located[0].startswith(f"paris.xlsx!Chronogramme!{cell.coordinate}: le critère {objective}.9"), located
    assert f"l'objectif {objective} n'a que" in located[0]
    english = build_import(book, guess_mapping(book), ImportOptions(message_language="en"))
    assert f"!{cell.coordinate}: criterion {objective}.9" in str(english.errors[0])


@pytest.mark.parametrize("bad", ["O99.1", "O1.x", "nothing.0"])
def test_a_criterion_that_names_no_objective_or_no_number_is_refused_at_its_cell(tmp_path, bad):
    from crisisdesk.msel import layout

    rows = [["N°", "T+", "À", "Titre", "Réactions attendues"],
            ["1", "0:05", "DIR", "Un", f"DIR (0:10, {bad}) : activer"]]
    path = write_xlsx(tmp_path / "c.xlsx", rows, title="MSEL")
    book = load_workbook(path)
    objectives = book.create_sheet(layout.SHEET_OBJECTIVES)
    objectives.append([h for _, h in layout.OBJECTIVE_COLUMNS])
    objectives.append(["O1", "Alerter", "Alerte donnée\nPublic informé"][:len(layout.OBJECTIVE_COLUMNS)])
    book.save(path)
    result = build_import(read_workbook(path), guess_mapping(read_workbook(path)))
    assert [p.cell for p in result.errors] == ["E2"], [str(p) for p in result.problems]
    assert "critère" in result.errors[0].message
