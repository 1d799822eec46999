"""The exported chronogramme is a real, formatted spreadsheet, and a played session adds what happened."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import time, timedelta

import python_calamine
from odf.opendocument import load as load_ods
from odf.table import DatabaseRange, TableHeaderRows
from openpyxl import load_workbook

from crisisdesk.msel.build import build_import, guess_mapping
from crisisdesk.msel.csvsafe import neutralise, restore
from crisisdesk.msel.export import msel_tables
from crisisdesk.msel.sheets import read_workbook
from crisisdesk.msel.spreadsheet import write_tables
from crisisdesk.package.loader import load_package
from crisisdesk.session import Session
from tests.report_sessions import play_known_session


def test_xlsx_is_formatted_for_printing_and_filtering(tmp_path, paris_package_path):
    paris = load_package(paris_package_path)
    path = write_tables(msel_tables(paris), tmp_path / "paris.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Chronogramme", "Rôles", "Objectifs", "Phases", "Indicateurs", "Exercice"]
    sheet = book["Chronogramme"]
    last = len(paris.injects) + 1  # header + one row per inject
    assert sheet.max_row == last
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:P{last}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.print_area == f"'Chronogramme'!$A$1:$L${last}"  # the printout: N° to Notes
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet["A1"].font.bold and sheet.column_dimensions["I"].width == 60
    # real times, not text
    second = paris.injects[1]
    t_plus, scenario = sheet["B3"], sheet["C3"]
    assert t_plus.value == timedelta(seconds=second.at) and t_plus.number_format == "[h]:mm"
    assert scenario.value == paris.scenario_time_at(second.at) and scenario.number_format == "dd/mm/yyyy hh:mm"
    assert sheet["I3"].alignment.wrap_text
    # a band colour per phase: the first and second phases differ
    second_phase = next(r for r in range(2, last + 1) if sheet.cell(r, 4).value != sheet["D2"].value)
    assert sheet.cell(second_phase, 1).fill.fgColor.rgb != sheet["A2"].fill.fgColor.rgb


def test_ods_has_real_times_header_rows_and_filters(tmp_path, paris_package_path):
    paris = load_package(paris_package_path)
    path = write_tables(msel_tables(paris), tmp_path / "paris.ods")
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Chronogramme").to_python()
    assert rows[0][:3] == ["N°", "T+", "Date et heure scénario"]
    second = paris.injects[1]
    assert rows[2][1] in (timedelta(seconds=second.at), time(0, second.at // 60))  # a time value, not text
    assert rows[2][2] == paris.scenario_time_at(second.at)
    doc = load_ods(str(path))
    assert len(doc.getElementsByType(TableHeaderRows)) == 6  # repeated on every printed page, every sheet
    assert any(r.getAttribute("displayfilterbuttons") == "true" for r in doc.getElementsByType(DatabaseRange))


def test_csv_cells_cannot_run_as_formulas_and_come_back_unchanged(tmp_path, mini_package_path):
    mini = load_package(mini_package_path)
    first = mini.injects[0]
    hostile = replace(first, title="=HYPERLINK(\"http://x\";\"clic\")", notes="@SUM(A1)\n",
                      body="-1 degré\n+2 degrés\n")
    mini = replace(mini, injects=(hostile, *mini.injects[1:]))
    path = write_tables(msel_tables(mini), tmp_path / "mini.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.reader(handle, delimiter=";") if r[0] == first.id)
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in row), row
    assert row[7].startswith("'=HYPERLINK")
    book = read_workbook(path)
    back = build_import(book, guess_mapping(book)).package.inject(first.id)
    assert (back.title, back.notes, back.body) == (hostile.title, hostile.notes, hostile.body)


def test_neutralise_and_restore():
    for text in ("=1+1", "+33 1 23", "-5+cmd|' /C calc'!A0", "@x", "\tTab"):
        assert neutralise(text).startswith("'") and restore(neutralise(text)) == text
    # A plain number cannot be a formula: left as it is, as in every CSV crisisdesk writes.
    assert neutralise("-5") == "-5" and restore(neutralise("-5")) == "-5"
    assert neutralise("Bonjour") == "Bonjour" and restore("'quoted") == "'quoted"


def test_played_session_export_has_planned_and_actual_times_status_and_verdicts(tmp_path):
    path, _ = play_known_session(tmp_path)
    with Session.open(path, read_only=True) as session:
        out = write_tables(msel_tables(session.package, session.state), tmp_path / "played.xlsx")
    sheet = load_workbook(out)["Chronogramme"]
    headers = [c.value for c in sheet[1]]
    assert headers[-5:] == ["Prévu (T+)", "Réel (T+)", "Heure scénario réelle", "Statut",
                            "Verdicts des observateurs"]
    rows = {r[0].value: [c.value for c in r] for r in sheet.iter_rows(min_row=2)}
    a, b, c = rows["A"], rows["B"], rows["C"]
    col = headers.index
    assert a[col("Statut")] == "Joué" and a[col("Réel (T+)")] == timedelta(minutes=5)
    assert b[col("Prévu (T+)")] == timedelta(minutes=10) and b[col("Réel (T+)")] == timedelta(minutes=15)
    assert c[col("Statut")] == "Annulé" and c[col("Réel (T+)")] is None
    assert a[col("Verdicts des observateurs")] == "DIR : atteint (Claire) en 0:02"
    assert b[col("Verdicts des observateurs")].split("\n") == [
        "DSOL : partiel (Marc) en 0:05 — Trop tard", "DIR : manqué (Marc) en 0:05"]


def test_ods_rows_made_cheaply_serialise_as_odfpy_makes_them():
    """The export's light row elements write exactly what odfpy's own classes write."""
    import io

    from odf import style, table, text
    from odf.element import Element

    from crisisdesk.msel.spreadsheet import _Rows, style_name

    band = style.Style(name="C0text", family="table-cell")
    other = style.Style(name="C1duration", family="table-cell")
    table.TableRow()  # odfpy registers the table and text namespaces, as the header row does in the export
    text.P()
    rows = _Rows(style_name)
    light = rows.row()
    rows.cell(light, band, "string", None, ["Première ligne & <suite>", "", "« fin »"])
    rows.empty_cells(light, other, 3)
    rows.cell(light, other, "time", ("time-value", "PT01H30M00S"), ["1:30"])
    rows.cell(light, band, "date", ("date-value", "2032-06-22T07:00:00"), ["22/06/2032 07:00"])
    rows.cell(light, band, "float", ("value", "42"), ["42"])
    rows.empty_cells(light, band, 1)

    odfpy = table.TableRow()
    cell = table.TableCell(valuetype="string", stylename=band)
    for line in ("Première ligne & <suite>", "", "« fin »"):
        cell.addElement(text.P(text=line))
    odfpy.addElement(cell)
    odfpy.addElement(table.TableCell(stylename=other, numbercolumnsrepeated=3))
    cell = table.TableCell(valuetype="time", timevalue="PT01H30M00S", stylename=other)
    cell.addElement(text.P(text="1:30"))
    odfpy.addElement(cell)
    cell = table.TableCell(valuetype="date", datevalue="2032-06-22T07:00:00", stylename=band)
    cell.addElement(text.P(text="22/06/2032 07:00"))
    odfpy.addElement(cell)
    cell = table.TableCell(valuetype="float", value=42, stylename=band)
    cell.addElement(text.P(text="42"))
    odfpy.addElement(cell)
    odfpy.addElement(table.TableCell(stylename=band))

    def xml(element: Element) -> str:
        out = io.StringIO()
        element.toXml(1, out)
        return out.getvalue()

    assert xml(light) == xml(odfpy)
    assert "&amp; &lt;suite&gt;" in xml(light) and 'table:number-columns-repeated="3"' in xml(light)
