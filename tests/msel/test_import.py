"""Importing chronogrammes as people write them: guessing, inferring, and refusing clearly."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from openpyxl.comments import Comment

from crisisdesk.msel.build import ImportOptions, build_import, guess_mapping
from crisisdesk.msel.columns import UNMAPPED
from crisisdesk.msel.mapping import Mapping
from crisisdesk.msel.sheets import SheetReadError, read_workbook
from tests.msel.sheets_for_tests import PREFECTURE_ROWS, write_csv, write_xlsx

TODAY = date(2032, 6, 22)


def _import(path, mapping=None, **options):
    book = read_workbook(path)
    mapping = mapping or guess_mapping(book)
    return build_import(book, mapping, ImportOptions(today=TODAY, **{"message_language": "en", **options}))


def test_prefecture_sheet_guessed_and_imported(tmp_path):
    result = _import(write_xlsx(tmp_path / "chrono.xlsx", PREFECTURE_ROWS))
    assert result.ok, [str(p) for p in result.problems]
    assert result.mapping.header_row == 2  # below a title and an empty row
    assert result.meanings[:9] == ["id", "time", "sender", "to", "channel", "title", "body", "expected", "notes"]
    assert result.meanings[9] == UNMAPPED
    package = result.package
    # times of day counted from the first row (09h00 = STARTEX), sorted, the late row reported
    assert [(i.id, i.at) for i in package.injects] == [("1", 0), ("2", 1200), ("4", 2400), ("3", 3900)]
    assert any("out of time order" in line and "11" in line for line in result.summary)
    assert package.exercise.phases[0].scenario_time == datetime(2032, 6, 22, 9, 0)
    # section rows name the phases
    first, second, late, third = package.injects
    assert package.phase_at(first.at).title == "PHASE 1 — Montée en puissance"
    # recipients become played roles, senders that never receive simulated ones
    roles = {r.id: r for r in package.roles}
    assert roles["DSOL"].played and roles["DIRECTION-DE-CRISE"].played
    assert roles["DIRECTION-DE-CRISE"].name == "Direction de crise"
    assert roles["METEO-FRANCE"].kind == "simulated" and first.sender == "METEO-FRANCE"
    assert second.to == ("DSOL", "DIRECTION-DE-CRISE")
    assert third.to_all and set(third.to) == {"DSOL", "DIRECTION-DE-CRISE"}
    # channels by word
    assert [i.channel for i in package.injects] == ["email", "phone", "phone", "social"]
    # expected responses: the named role and delay, or the first recipient and 0:15
    assert first.expected[0].role == "DIRECTION-DE-CRISE" and first.expected[0].within == 600
    assert second.expected[0].role == "DSOL" and second.expected[0].within == 900
    # HTML became Markdown: no tag, no script, no style, text kept
    assert "<" not in second.body and "alert" not in second.body and "color" not in second.body
    assert "**préfecture**" in second.body and "- Nombre de sites" in second.body
    # the unmapped column is kept in notes, and reported
    assert "Responsable animation : Paul" in first.notes
    assert "À jouer calmement" in second.notes
    assert any("column J (Responsable animation) maps to nothing" in str(p) for p in result.problems)
    assert any("repeated header" in line for line in result.summary)
    assert any("total" in line for line in result.summary)


def test_hseep_csv_with_scenario_days_becomes_phases(tmp_path):
    rows = [
        ["Event Number", "Delivery Time", "Simulated Time", "From", "To", "Inject Mode", "Subject", "Details",
         "Expected Participant Response", "Exercise Objective"],
        ["E1", "0:00", "Monday 9:30", "NWS", "EOC", "E-mail", "Heat advisory", "<p>Advisory issued</p>",
         "EOC [0:10]: activate", "Alert the public"],
        ["E2", "0:20", "Monday 11:30", "Hospital", "EOC, PIO", "Phone", "ER saturation", "ERs are full", "", ""],
        ["E3", "0:40", "Tuesday 14:00", "Media", "PIO", "Social media", "Viral post", "A post spreads", "", "O-2"],
        ["E4", "1:00", "Tuesday 16:00", "Media", "PIO", "Press", "TV crew", "Crew at the door", "", ""],
    ]
    result = _import(write_csv(tmp_path / "msel.csv", rows, delimiter=","),
                     start=datetime(2032, 6, 21, 9, 0))  # a Monday
    assert result.ok, [str(p) for p in result.problems]
    phases = result.package.exercise.phases
    assert [(p.at, p.scenario_time, p.scale) for p in phases] == [
        (0, datetime(2032, 6, 21, 9, 30), 6.0),
        (2400, datetime(2032, 6, 22, 14, 0), 6.0),
    ]
    assert any("2 phases found" in line for line in result.summary)
    e1 = result.package.injects[0]
    assert e1.body == "Advisory issued\n" and e1.expected[0].within == 600
    objectives = {o.id: o.title for o in result.package.exercise.objectives}
    assert objectives["O1"] == "Alert the public" and "O-2" in objectives


def test_every_problem_at_once_with_its_cell(tmp_path):
    rows = [
        ["N°", "T+", "De", "À", "Canal", "Titre", "Message"],
        ["A1", "0:05", "ANIM", "DIR", "pigeon voyageur", "Un", "x"],
        ["A2", "demain", "ANIM", "DIR", "mail", "Deux", "x"],
        ["A1", "0:10", "ANIM", None, "mail", "Trois", "x"],
    ]
    result = _import(write_xlsx(tmp_path / "bad.xlsx", rows, title="Feuil1"))
    assert not result.ok
    messages = [str(p) for p in result.errors]
    assert any(m.startswith("bad.xlsx!Feuil1!E2: channel 'pigeon voyageur'") for m in messages), messages
    assert any(m.startswith("bad.xlsx!Feuil1!B3: 'demain' is not a time") for m in messages), messages
    assert any(m.startswith("bad.xlsx!Feuil1!D4: no recipient") for m in messages), messages
    assert any(m.startswith("bad.xlsx!Feuil1!A4: inject number A1 is used twice") for m in messages), messages


def test_a_channel_word_of_the_mapping_settles_an_unknown_one(tmp_path):
    rows = [["N°", "T+", "De", "À", "Canal", "Titre"], ["1", "0:05", "ANIM", "DIR", "pigeon voyageur", "Un"]]
    path = write_xlsx(tmp_path / "c.xlsx", rows)
    mapping = guess_mapping(read_workbook(path))
    mapping.channels = {"Pigeon voyageur": "document"}
    result = _import(path, mapping)
    assert result.ok and result.package.injects[0].channel == "document"


def test_sheet_without_header_needs_a_mapping_by_letter(tmp_path):
    rows = [["0:00", "ANIM", "DIR", "Alerte", "Texte"], ["0:10", "ANIM", "DIR", "Suite", "Texte 2"]]
    path = write_xlsx(tmp_path / "noheader.xlsx", rows)
    guessed = guess_mapping(read_workbook(path))
    assert guessed.header_row is None
    refused = _import(path, guessed)
    assert not refused.ok and "no column is mapped to time" in str(refused.errors[0])
    mapping = Mapping(header_row=None, columns={"A": "time", "B": "sender", "C": "to", "D": "title", "E": "body"})
    result = _import(path, mapping)
    assert result.ok and [i.title for i in result.package.injects] == ["Alerte", "Suite"]


def test_bad_files_get_a_clear_answer(tmp_path):
    cases = {
        "empty.xlsx": b"",
        "corrupt.xlsx": b"PK\x03\x04 not really a zip",
        "notes.txt": b"hello",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    with pytest.raises(SheetReadError, match="est vide"):
        read_workbook(tmp_path / "empty.xlsx")
    with pytest.raises(SheetReadError, match="endommagé"):
        read_workbook(tmp_path / "corrupt.xlsx")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(SheetReadError, match="n'est pas un tableur"):
        read_workbook(tmp_path / "image.png")
    with pytest.raises(SheetReadError, match="introuvable"):
        read_workbook(tmp_path / "missing.ods")
    blank = write_xlsx(tmp_path / "blank.xlsx", [[None, None]])
    with pytest.raises(SheetReadError, match="aucune donnée"):
        read_workbook(blank)


def test_a_huge_sheet_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("N°;T+;À;Titre\n" + "".join(f"{n};0:01;DIR;x\n" for n in range(100_000)), encoding="utf-8")
    with pytest.raises(SheetReadError, match="100000 lignes|plus de 20000 lignes"):
        read_workbook(path)


def test_a_password_protected_file_is_named_as_such(tmp_path):
    msoffcrypto = pytest.importorskip("msoffcrypto.format.ooxml", reason="msoffcrypto-tool encrypts the test file")
    plain = write_xlsx(tmp_path / "plain.xlsx", PREFECTURE_ROWS)
    with open(plain, "rb") as source, open(tmp_path / "locked.xlsx", "wb") as target:
        msoffcrypto.OOXMLFile(source).encrypt("secret", target)
    with pytest.raises(SheetReadError, match="protégé par un mot de passe"):
        read_workbook(tmp_path / "locked.xlsx")


def test_formulas_merged_hidden_rows_and_comments_are_reported(tmp_path):
    rows = [["N°", "T+", "De", "À", "Titre"], ["1", "0:05", "ANIM", "DIR", "Un"], ["2", "0:10", "ANIM", "DIR", "Deux"],
            ["3", "0:15", "ANIM", "DIR", "Trois"]]

    def decorate(sheet):
        sheet["F2"] = "=1+1"
        sheet.merge_cells("E3:F3")
        sheet.row_dimensions[4].hidden = True
        sheet["E2"].comment = Comment("à relire", "moi")

    result = _import(write_xlsx(tmp_path / "rich.xlsx", rows, extra=decorate))
    assert result.ok
    warnings = [str(p) for p in result.problems if p.warning]
    assert any("rich.xlsx!MSEL!F2: warning: a formula" in w for w in warnings), warnings
    assert any("rich.xlsx!MSEL!E3: warning: merged cells" in w for w in warnings), warnings
    assert any("MSEL!4:4: warning: this row is hidden" in w for w in warnings), warnings
    assert any("MSEL!E2: warning: a comment" in w and "à relire" in w for w in warnings), warnings


def test_excel_time_cells_and_datetimes(tmp_path):
    rows = [["N°", "Heure", "À", "Titre"], ["1", time(8, 30), "DIR", "Un"], ["2", time(9, 15), "DIR", "Deux"],
            ["3", datetime(2032, 6, 23, 8, 0), "DIR", "Lendemain"]]
    result = _import(write_xlsx(tmp_path / "t.xlsx", rows), start=datetime(2032, 6, 22, 8, 30))
    assert result.ok, [str(p) for p in result.problems]
    assert [i.at for i in result.package.injects] == [0, 45 * 60, 23 * 3600 + 30 * 60]


def test_a_mapping_is_reused_on_a_new_version_with_moved_columns(tmp_path):
    first = write_xlsx(tmp_path / "v1.xlsx", [["N°", "T+", "À", "Titre", "Qui joue"],
                                               ["1", "0:05", "DIR", "Un", "Paul"]])
    mapping = guess_mapping(read_workbook(first))
    mapping.columns["Qui joue"] = "notes"  # the user's correction
    second = write_xlsx(tmp_path / "v2.xlsx", [["Qui joue", "Nouveau", "N°", "T+", "À", "Titre"],
                                                ["Lina", "z", "1", "0:05", "DIR", "Un"]])
    result = _import(second, mapping)
    assert result.ok
    assert result.meanings == ["notes", UNMAPPED, "id", "time", "to", "title"]
    assert result.package.injects[0].notes.startswith("Lina")


def test_a_date_column_beside_a_time_column_makes_one_moment(tmp_path):
    rows = [["N°", "Date", "Heure", "Destinataire", "Objet"],
            ["1", "22/06/2032", "09h00", "DIR", "Ouverture"],
            ["2", "22/06/2032", "11h30", "DIR", "Point"],
            ["3", datetime(2032, 6, 23), "08h00", "DIR", "Lendemain"]]
    result = _import(write_xlsx(tmp_path / "dates.xlsx", rows))
    assert result.ok, [str(p) for p in result.problems]
    assert [i.at for i in result.package.injects] == [0, 9000, 23 * 3600]
    assert result.package.exercise.phases[0].scenario_time == datetime(2032, 6, 22, 9, 0)
    assert any("read together" in line for line in result.summary)


def _write_ods(path, rows, decorate):
    """An ODS written with odfpy, as LibreOffice lays one out: ``decorate(r, c, cell, row)`` adds the rest."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="MSEL")
    for r, values in enumerate(rows):
        row = TableRow()
        for c, value in enumerate(values):
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            decorate(r, c, cell, row)
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_formulas_hidden_rows_and_comments_are_reported_in_an_ods_too(tmp_path):
    from odf.office import Annotation
    from odf.text import P

    rows = [["N°", "T+", "De", "À", "Titre"], ["1", "0:05", "ANIM", "DIR", "Un"], ["2", "0:10", "ANIM", "DIR", "Deux"],
            ["3", "0:15", "ANIM", "DIR", "Trois"]]

    def decorate(r, c, cell, row):
        if (r, c) == (1, 0):
            cell.setAttribute("formula", "of:=0+1")
        if (r, c) == (2, 4):
            note = Annotation()
            note.addElement(P(text="à relire"))
            cell.addElement(note)
        if (r, c) == (3, 0):
            row.setAttribute("visibility", "collapse")

    result = _import(_write_ods(tmp_path / "rich.ods", rows, decorate))
    assert result.ok, [str(p) for p in result.problems]
    warnings = [str(p) for p in result.problems if p.warning]
    assert any("rich.ods!MSEL!A2: warning: a formula" in w for w in warnings), warnings
    assert any("rich.ods!MSEL!E3: warning: a comment" in w and "à relire" in w for w in warnings), warnings
    assert any("rich.ods!MSEL!4:4: warning: this row is hidden" in w for w in warnings), warnings
    assert len(warnings) == 3, warnings


def test_a_plain_ods_gets_no_warning(tmp_path):
    rows = [["N°", "T+", "De", "À", "Titre"], ["1", "0:05", "ANIM", "DIR", "Un"]]
    result = _import(_write_ods(tmp_path / "plain.ods", rows, lambda *a: None))
    assert result.ok and [str(p) for p in result.problems if p.warning] == []
