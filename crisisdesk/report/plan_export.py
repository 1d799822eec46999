"""The improvement plan as a spreadsheet file (CSV or XLSX) for follow-up after the RETEX.

``crisisdesk report SESSION -o plan.csv|plan.xlsx`` writes it, and the RETEX screen's
*Exporter le plan d'actions…*: one row per action, the columns of the report's plan in
its language.

- CSV: dates in ISO form (a spreadsheet sorts them), ``;`` separated UTF-8 with a byte
  order mark (what a French Excel opens without a wizard, as ``crisisdesk export``
  does).
- XLSX (openpyxl): the same columns, dates as real date cells, the header row bold and
  frozen, column widths set, text wrapped and aligned to the top, landscape A4.

In both, every text cell goes through ``crisisdesk.csvcells.safe_cell``: one starting
with = + - @ gets a leading ' so that a spreadsheet shows it as text instead of running
it as a formula (text typed by observers is never trusted); XLSX text cells are also
stored as strings, never formulas.
"""

from __future__ import annotations

import io
import os
import tempfile
from datetime import date
from pathlib import Path

from crisisdesk.csvcells import csv_writer, safe_cell
from crisisdesk.report.figures import ReportFigures
from crisisdesk.report.labels import labels

PLAN_FORMATS = ("csv", "xlsx")
# Column widths of the XLSX, in characters, in the order of plan_table's columns.
_WIDTHS = (6, 48, 40, 10, 15, 26, 10, 22, 12, 12, 13, 10, 18)
_DATE_COLUMNS = (8, 9)  # start, due
_DATE_FORMAT = {"fr": "dd/mm/yyyy", "en": "yyyy-mm-dd"}


def plan_table(fig: ReportFigures, language: str) -> tuple[list[str], list[list[object]]]:
    """The plan d'actions of ``fig``: (header, rows); dates as ``date`` where they are valid ISO dates."""
    t = labels(language)
    header = [t["number"], t["action"], t["constat"], t["objective"], t["domain"], t["owner"], t["role"],
              t["contact"], t["start_date"], t["due_date"], t["action_status"], t["priority"], t["observer"]]
    rows: list[list[object]] = []
    for line in fig.improvements:
        finding = f"{line.finding_id} — {line.finding_text}" if line.finding_id is not None else ""
        rows.append([
            line.number, line.action, finding, line.objective_id or "",
            t[f"domain_{line.domain}"] if line.domain else "", line.organisation or line.owner_name,
            line.owner_role, line.contact, _day(line.start_date), _day(line.due_date),
            t[f"action_status_{line.status}"] if line.status else "", t.get(f"prio_{line.priority}", line.priority),
            line.edited_by or line.observer,
        ])
    return header, rows


def _day(text: str) -> date | str:
    try:
        return date.fromisoformat(text) if text else ""
    except ValueError:  # stored as typed: shown as it is
        return text


def plan_csv(fig: ReportFigures, language: str) -> str:
    """The plan d'actions of ``fig`` as CSV text (header row first)."""
    header, rows = plan_table(fig, language)
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v.isoformat() if isinstance(v, date) else "" if v is None else str(v))
                         for v in row])
    return out.getvalue()


def write_plan(fig: ReportFigures, language: str, path: str | Path) -> Path:
    """Write the plan d'actions to ``path`` as its suffix says (.csv or .xlsx), atomically; return the path."""
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind not in PLAN_FORMATS:
        raise ValueError(f"{path.name}: the plan d'actions is written as .csv or .xlsx")
    if kind == "xlsx":
        return write_plan_xlsx(fig, language, path)
    _replace_atomically(path, ".csv", lambda temp: Path(temp).write_text(
        "\ufeff" + plan_csv(fig, language), encoding="utf-8", newline=""))  # the BOM: Excel reads UTF-8
    return path


def _replace_atomically(path: Path, suffix: str, write) -> None:
    """Write through ``write(temp)`` beside ``path`` then rename: a failure leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix, dir=path.parent)
    os.close(fd)
    try:
        write(temp)
        os.chmod(temp, 0o644)  # a plan is for sharing
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_plan_xlsx(fig: ReportFigures, language: str, path: str | Path) -> Path:
    """Write the plan d'actions of ``fig`` as an XLSX workbook at ``path`` (atomically); return the path."""
    # openpyxl ships no type information (and types-openpyxl is not a dependency).
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped]

    path = Path(path)
    t = labels(language)
    header, rows = plan_table(fig, language)
    book = Workbook()
    ws = book.active
    ws.title = t["sec_plan"][:31]
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    date_format = _DATE_FORMAT.get(language, _DATE_FORMAT["fr"])
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=safe_cell(value) if value != "" else None)
            cell.alignment = wrap
            if isinstance(value, date):
                cell.number_format = date_format
            elif isinstance(value, str) and value:
                cell.data_type = "s"  # never a formula, whatever the text starts with
        # Not every program computes wrapped rows' heights on opening: give them.
        lines = max(1, *(_lines(value, _WIDTHS[c]) for c, value in enumerate(row)))
        ws.row_dimensions[r].height = min(409, 13 * lines + 3)
    for index, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = True
    ws.oddFooter.center.text = "&A — &P / &N"
    book.properties.title = f"{t['sec_plan']} — {fig.exercise.title}"
    _replace_atomically(path, ".xlsx", book.save)
    return path


def _lines(value: object, width: int) -> int:
    """Lines a cell's text takes once wrapped at ``width`` characters."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1, int(width * 1.1))
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
