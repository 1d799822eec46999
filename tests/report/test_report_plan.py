"""The plan d'actions: in the report (POETE domain, owner, contact, dates, status, the finding it answers) and as CSV."""

from __future__ import annotations

import csv
import io

from crisisdesk.cli import main as cli_main
from crisisdesk.clock import FakeTime
from crisisdesk.report import report_html
from crisisdesk.session import Session
from tests.report_sessions import T0, write_package


def _session(tmp_path):
    clock = FakeTime(T0)
    path = tmp_path / "s.crisisdesk"
    with Session.create(path, write_package(tmp_path / "package"), time_source=clock, observer="Claire") as s:
        s.start()
        clock.set(T0 + 600)
        s.end()
        finding = s.add_finding("improvement", "Alerte des personnes isolées lente", "O2", observer="Marc",
                                reference="Plan canicule, fiche 3", cause="Liste tenue à la main",
                                recommendation="Automatiser la liste")
        s.add_improvement(action="=HYPERLINK(\"http://x\") automatiser", owner_role="DSOL", priority="high",
                          due_date="2027-05-15", objective_id="O2", domain="equipment",
                          organisation="DSOL — solidarités", contact="Mme Martin", start_date="2027-01-15",
                          status="in_progress", finding_id=finding, observer="Claire")
    return path


def test_the_plan_and_its_finding_in_the_report(tmp_path):
    path = _session(tmp_path)
    with Session.open(path, time_source=FakeTime(T0 + 700), read_only=True) as session:
        html = report_html(session)
    plan = html[html.index('id="plan"'):html.index('id="timeline"')]
    for word in ("équipement", "DSOL — solidarités", "Mme Martin", "15 janvier 2027", "15 mai 2027", "en cours",
                 "répond au constat n° 1"):
        assert word in plan.replace("\u202f", " ").replace("&nbsp;", " "), word
    analysis = html[html.index('id="objectives"'):html.index('id="plan"')]
    for word in ("Constat n°", "Référence", "Plan canicule, fiche 3", "Cause", "Recommandation", "Actions du plan"):
        assert word in analysis.replace("&nbsp;", " "), word


def test_the_plan_as_csv_for_follow_up(tmp_path, capsys):
    path = _session(tmp_path)
    out = tmp_path / "plan.csv"
    assert cli_main(["report", str(path), "-o", str(out)]) == 0
    assert "improvement plan (CSV) written" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the UTF-8
    header, row = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    line = dict(zip(header, row, strict=True))
    assert line["Action corrective"].startswith("'=HYPERLINK")  # shown as text, never run as a formula
    assert (line["Domaine"], line["Contact"], line["Début"], line["Échéance"], line["État"]) == (
        "équipement", "Mme Martin", "2027-01-15", "2027-05-15", "en cours")
    assert line["Constat"] == "1 — Alerte des personnes isolées lente"
    assert cli_main(["report", str(path), "-o", str(tmp_path / "plan-en.csv"), "--language", "en"]) == 0
    header = (tmp_path / "plan-en.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "Capability element" in header and "Point of contact" in header


def test_the_plan_as_xlsx_for_follow_up(tmp_path, capsys):
    from datetime import datetime

    from openpyxl import load_workbook

    path = _session(tmp_path)
    out = tmp_path / "plan.xlsx"
    assert cli_main(["report", str(path), "-o", str(out)]) == 0
    assert "improvement plan (XLSX) written" in capsys.readouterr().out
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    # the columns of the CSV, in its order
    csv_out = tmp_path / "plan.csv"
    assert cli_main(["report", str(path), "-o", str(csv_out)]) == 0
    assert header == next(csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8-sig")), delimiter=";"))
    line = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert line["N°"].value == 1
    assert line["Action corrective"].value.startswith("'=HYPERLINK")  # neutralised as in the CSV
    assert line["Action corrective"].data_type == "s"  # stored as text, never a formula
    assert line["Début"].value == datetime(2027, 1, 15) and line["Début"].is_date  # real date cells
    assert line["Échéance"].value == datetime(2027, 5, 15) and line["Échéance"].number_format == "dd/mm/yyyy"
    assert (line["Domaine"].value, line["Contact"].value, line["État"].value) == ("équipement", "Mme Martin", "en cours")
    assert line["Constat"].value == "1 — Alerte des personnes isolées lente"
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width >= 40 and line["Action corrective"].alignment.wrap_text
    assert sheet.max_row == 2
    assert cli_main(["report", str(path), "-o", str(tmp_path / "plan-en.xlsx"), "--language", "en"]) == 0
    english = load_workbook(tmp_path / "plan-en.xlsx").active
    assert "Capability element" in [c.value for c in english[1]]
    assert english["J2"].number_format == "yyyy-mm-dd"


def test_an_unknown_output_kind_names_the_plan_formats(tmp_path, capsys):
    path = _session(tmp_path)
    assert cli_main(["report", str(path), "-o", str(tmp_path / "plan.ods")]) != 0
    err = capsys.readouterr().err
    assert ".csv, .xlsx" in err and "Traceback" not in err
