"""Write export tables as XLSX (openpyxl), ODS (odfpy) or CSV (standard library).

What a director prints and shares: a bold frozen header row with filters, column
widths, wrapped text aligned to the top, exercise times as real spreadsheet
durations (``[h]:mm``) and scenario times as real date-times, one pale band colour
per phase, landscape A4 fitted to the page width with the header row repeated.
The file is written beside its destination and renamed into place, so a failed
export never leaves half a file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from copy import copy
from datetime import datetime, timedelta
from pathlib import Path

from crisisdesk.msel.csvsafe import neutralise
from crisisdesk.msel.export import DURATION, MOMENT, Table
from crisisdesk.timefmt import format_offset

FORMATS = (".xlsx", ".ods", ".csv")
BANDS = ("FFFFFF", "EAF1FB", "FDF3E1", "EAF6EC", "F6EAF5", "F2F2F2")
HEADER_FILL = "1F4E79"


def write_tables(tables: list[Table], path: str | Path) -> Path:
    """Write ``tables`` to ``path`` in the format its suffix names; return the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    writers: dict[str, Callable[[list[Table], Path], None]] = {".xlsx": _write_xlsx, ".ods": _write_ods,
                                                                ".csv": _write_csv}
    if suffix not in writers:
        raise ValueError(f"{path.name}: write .xlsx, .ods or .csv")
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix, dir=path.parent)
    os.close(fd)
    try:
        writers[suffix](tables, Path(temp))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


# -- XLSX -------------------------------------------------------------------------


def _write_xlsx(tables: list[Table], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    book.remove(book.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    body_font = Font(size=9)
    fills = [PatternFill("solid", fgColor=c) for c in BANDS]
    for table in tables:
        ws = book.create_sheet(table.name[:31])
        ws.append([c.header for c in table.columns])
        for cell in ws[1]:
            cell.font, cell.fill, cell.alignment = header_font, header_fill, Alignment(wrap_text=True,
                                                                                      vertical="center")
        for index, column in enumerate(table.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.row_dimensions[1].height = 26  # two lines: "Date et heure scénario" wraps
        # Setting font, fill and alignment cell by cell hashes openpyxl's style objects each time
        # (7 of 13 s for 2,000 rows): style the first cell of each kind, then copy its style array,
        # as openpyxl's own copy_worksheet does.
        made: dict[tuple, object] = {}
        for r, row in enumerate(table.rows, start=2):
            band = table.bands[r - 2] if table.bands else None
            for c, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
                empty = value is None or value == ""
                cell = ws.cell(row=r, column=c) if empty else ws.cell(row=r, column=c, value=value)
                number_format = None
                if not empty and column.kind == DURATION:
                    number_format = "[h]:mm:ss" if value.seconds % 60 else "[h]:mm"
                elif not empty and column.kind == MOMENT:
                    number_format = "dd/mm/yyyy hh:mm"
                if isinstance(value, str) and value:
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                key = (band, number_format)
                if key in made:
                    cell._style = copy(made[key])
                    continue
                cell.alignment = wrap
                cell.font = body_font
                if band is not None:
                    cell.fill = fills[band % len(fills)]
                if number_format:
                    cell.number_format = number_format
                made[key] = copy(cell._style)
            # Row heights are not computed by every program on opening: give them, from the wrapped text.
            ws.row_dimensions[r].height = min(409, 11.5 * _lines_needed(table, row) + 2)
        ws.freeze_panes = "C2" if table.main else "A2"
        last = get_column_letter(len(table.columns))
        if table.rows:
            ws.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
        ws.print_title_rows = "1:1"
        printed = table.printed or len(table.columns)
        ws.print_area = f"A1:{get_column_letter(printed)}{len(table.rows) + 1}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.gridLines = True
        ws.oddFooter.center.text = "&A — page &P / &N"
    book.save(path)


def _lines_needed(table: Table, row: list[object]) -> int:
    """Text lines the tallest cell of ``row`` takes once wrapped at its column's width (9-point text)."""
    most = 1
    for column, value in zip(table.columns, row, strict=True):
        if isinstance(value, str) and value:
            per_line = max(1, int(column.width * 1.5))  # 9-point text fits ~1.5 characters per width unit (LibreOffice render)
            lines = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
            most = max(most, lines)
    return most


# -- ODS --------------------------------------------------------------------------


def _iso_duration(value: timedelta) -> str:
    total = round(value.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"PT{hours}H{minutes:02d}M{seconds:02d}S"


def _write_ods(tables: list[Table], path: Path) -> None:
    from odf import config, number, style, table, text
    from odf.opendocument import OpenDocumentSpreadsheet

    doc = OpenDocumentSpreadsheet()
    # number styles: [h]:mm durations and dd/mm/yyyy hh:mm date-times
    duration_style = number.TimeStyle(name="NDuration", truncateonoverflow="false")
    duration_style.addElement(number.Hours())
    duration_style.addElement(number.Text(text=":"))
    duration_style.addElement(number.Minutes(style="long"))
    moment_style = number.DateStyle(name="NMoment")
    for part in (number.Day(style="long"), number.Text(text="/"), number.Month(style="long"), number.Text(text="/"),
                 number.Year(style="long"), number.Text(text=" "), number.Hours(style="long"), number.Text(text=":"),
                 number.Minutes(style="long")):
        moment_style.addElement(part)
    doc.automaticstyles.addElement(duration_style)
    doc.automaticstyles.addElement(moment_style)

    page = style.PageLayout(name="PLandscape")
    page.addElement(style.PageLayoutProperties(printorientation="landscape", pagewidth="29.7cm", pageheight="21cm",
                                               margin="1cm", scaletox="1", scaletoy="0", printpageorder="ttb"))
    doc.automaticstyles.addElement(page)
    master = style.MasterPage(name="Default", pagelayoutname=page)
    doc.masterstyles.addElement(master)
    table_style = style.Style(name="TaLandscape", family="table", masterpagename="Default")
    table_style.addElement(style.TableProperties(display="true"))
    doc.automaticstyles.addElement(table_style)

    def cell_style(name: str, *, fill: str | None = None, bold: bool = False, wrap: bool = False,
                   data: style.Style | None = None, white: bool = False, small: bool = False) -> style.Style:
        kwargs = {"datastylename": data} if data is not None else {}
        st = style.Style(name=name, family="table-cell", **kwargs)
        props = {"verticalalign": "top", "border": "0.5pt solid #bfbfbf"}
        if fill:
            props["backgroundcolor"] = f"#{fill}"
        if wrap:
            props["wrapoption"] = "wrap"
        st.addElement(style.TableCellProperties(**props))
        if bold or white or small:
            st.addElement(style.TextProperties(fontweight="bold" if bold else "normal",
                                               color="#ffffff" if white else "#000000",
                                               fontsize="9pt" if small else "10pt"))
        doc.automaticstyles.addElement(st)
        return st

    header_style = cell_style("CHeader", fill=HEADER_FILL, bold=True, wrap=True, white=True)
    styles: dict[tuple[int, str], style.Style] = {}

    def style_for(band: int | None, kind: str) -> style.Style:
        key = (band or 0) % len(BANDS), kind
        if key not in styles:
            data = duration_style if kind == DURATION else moment_style if kind == MOMENT else None
            styles[key] = cell_style(f"C{key[0]}{kind}", fill=BANDS[key[0]], wrap=True, data=data, small=True)
        return styles[key]

    settings = config.ConfigItemSet(name="ooo:view-settings")
    views = config.ConfigItemMapIndexed(name="Views")
    view = config.ConfigItemMapEntry()
    view.addElement(config.ConfigItem(name="ViewId", type="string", text="view1"))
    tables_map = config.ConfigItemMapNamed(name="Tables")
    database_ranges = table.DatabaseRanges()

    for t_index, data in enumerate(tables):
        printed = data.printed or len(data.columns)
        sheet = table.Table(name=data.name, stylename=table_style, printranges=(
            f"'{data.name}'.A1:'{data.name}'.{_letter(printed - 1)}{len(data.rows) + 1}"))
        for c_index, column in enumerate(data.columns):
            col_style = style.Style(name=f"Co{t_index}_{c_index}", family="table-column")
            col_style.addElement(style.TableColumnProperties(columnwidth=f"{column.width * 0.21:.2f}cm"))
            doc.automaticstyles.addElement(col_style)
            sheet.addElement(table.TableColumn(stylename=col_style))
        header_rows = table.TableHeaderRows()  # repeated on every printed page
        row = table.TableRow()
        for column in data.columns:
            cell = table.TableCell(valuetype="string", stylename=header_style)
            cell.addElement(text.P(text=column.header))
            row.addElement(cell)
        header_rows.addElement(row)
        sheet.addElement(header_rows)
        # The data rows (two thirds of a 2,000-row export's elements) are made as odfpy
        # elements with their final attributes, skipping odfpy's per-element grammar
        # look-ups: odfpy still serialises, packs and styles the document (see _Rows).
        rows = _Rows(style_name)
        # The table joins the document before its rows, which are then appended as plain
        # DOM children: odfpy would otherwise walk all of them again to index them by
        # type (rebuild_caches), an index only its element look-ups use.
        doc.spreadsheet.addElement(sheet)
        for r_index, values in enumerate(data.rows):
            band = data.bands[r_index] if data.bands else None
            row = rows.row()
            run_style, run = None, 0  # consecutive empty cells of one style become one repeated cell
            for column, value in zip(data.columns, values, strict=True):
                st = style_for(band, column.kind)
                if value is None or value == "":
                    if run and run_style is not st:
                        rows.empty_cells(row, run_style, run)
                        run = 0
                    run_style, run = st, run + 1
                    continue
                if run:
                    rows.empty_cells(row, run_style, run)
                    run = 0
                if isinstance(value, timedelta):
                    rows.cell(row, st, "time", ("time-value", _iso_duration(value)),
                              [format_offset(value.total_seconds(), with_seconds=False)])
                elif isinstance(value, datetime):
                    rows.cell(row, st, "date", ("date-value", value.isoformat(timespec="seconds")),
                              [f"{value:%d/%m/%Y %H:%M}"])
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    rows.cell(row, st, "float", ("value", str(value)), [str(value)])
                else:
                    rows.cell(row, st, "string", None, str(value).split("\n"))
            if run:
                rows.empty_cells(row, run_style, run)
            rows.append(sheet, row)
        if data.rows:
            last = _letter(len(data.columns) - 1)
            database_ranges.addElement(table.DatabaseRange(
                name=f"__Anonymous_Sheet_DB__{t_index}", displayfilterbuttons="true",
                targetrangeaddress=f"'{data.name}'.A1:'{data.name}'.{last}{len(data.rows) + 1}"))
        frozen = config.ConfigItemMapEntry(name=data.name)
        split_col = 2 if data.main else 0
        for name, kind, value in (("HorizontalSplitMode", "short", "2" if split_col else "0"),
                                  ("VerticalSplitMode", "short", "2"),
                                  ("HorizontalSplitPosition", "int", str(split_col)),
                                  ("VerticalSplitPosition", "int", "1"),
                                  ("ActiveSplitRange", "short", "2"),
                                  ("PositionLeft", "int", "0"), ("PositionRight", "int", str(split_col)),
                                  ("PositionTop", "int", "0"), ("PositionBottom", "int", "1")):
            frozen.addElement(config.ConfigItem(name=name, type=kind, text=value))
        tables_map.addElement(frozen)
    doc.spreadsheet.addElement(database_ranges)
    view.addElement(tables_map)
    views.addElement(view)
    settings.addElement(views)
    doc.settings.addElement(settings)
    # odfpy walks every element of the body to find which automatic styles it uses (a third of
    # a 2,000-row export); every automatic style made here is used, so content.xml takes them all.
    find_used = doc._used_auto_styles

    def used_styles(segments):
        if doc.body in segments:
            return [e for e in doc.automaticstyles.childNodes if e.nodeType == e.ELEMENT_NODE]
        return find_used(segments)

    doc._used_auto_styles = used_styles
    doc.save(str(path))


def style_name(style) -> str:
    from odf.namespaces import STYLENS

    return style.getAttrNS(STYLENS, "name")


class _Rows:
    """Table rows, cells and paragraphs as odfpy elements, made cheaply.

    odfpy's ``Element.__init__`` looks up the schema's allowed attributes and children
    and converts each keyword argument on every element: for a 2,000-row chronogramme
    (~70,000 elements) that was 2.0 of 2.7 s CPU, with the grammar checks already off.
    These elements are made with their final, namespaced attributes in the order odfpy
    itself writes them (the content.xml is byte for byte the same, a test checks it), and
    the rest — serialising, styles, manifest, zip — is odfpy's.
    """

    def __init__(self, name_of):
        from odf.element import Element, Text, _append_child
        from odf.namespaces import OFFICENS, TABLENS, TEXTNS

        self._element, self._text, self._name_of = Element, Text, name_of
        # odfpy's appendChild re-checks node types and detaches a node from a former
        # parent; these nodes are new and of known types, so only the DOM links are set.
        self.append = _append_child
        self._names: dict[int, str] = {}
        prefix = Element.namespaces  # odfpy's registry: filled by the header row made the usual way
        self._row_tag = (f"{prefix[TABLENS]}:table-row", (TABLENS, "table-row"))
        self._cell_tag = (f"{prefix[TABLENS]}:table-cell", (TABLENS, "table-cell"))
        self._p_tag = (f"{prefix[TEXTNS]}:p", (TEXTNS, "p"))
        self._value_type = (OFFICENS, "value-type")
        self._office = OFFICENS
        self._style = (TABLENS, "style-name")
        self._repeat = (TABLENS, "number-columns-repeated")

    def _make(self, tag, attributes):
        element = self._element.__new__(self._element)
        element.tagName, element.qname = tag
        element.attributes = attributes
        element.childNodes = []
        element.ownerDocument = None
        element.allowed_children = None
        return element

    def _style_name(self, style) -> str:
        name = self._names.get(id(style))
        if name is None:
            name = self._names[id(style)] = self._name_of(style)
        return name

    def row(self):
        return self._make(self._row_tag, {})

    def cell(self, row, style, kind: str, value: tuple[str, str] | None, lines: list[str]) -> None:
        attributes = {self._value_type: kind}
        if value is not None:
            attributes[(self._office, value[0])] = value[1]
        attributes[self._style] = self._style_name(style)
        cell = self._make(self._cell_tag, attributes)
        for line in lines:
            paragraph = self._make(self._p_tag, {})
            if line:
                self.append(paragraph, self._text(line))
            self.append(cell, paragraph)
        self.append(row, cell)

    def empty_cells(self, row, style, count: int) -> None:
        attributes = {self._style: self._style_name(style)}
        if count > 1:
            attributes[self._repeat] = str(count)
        self.append(row, self._make(self._cell_tag, attributes))


def _letter(index: int) -> str:
    from crisisdesk.msel.sheets import column_letter

    return column_letter(index)


# -- CSV --------------------------------------------------------------------------


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, timedelta):
        return format_offset(value.total_seconds(), with_seconds=bool(round(value.total_seconds()) % 60))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return neutralise(str(value))


def _write_csv(tables: list[Table], path: Path) -> None:
    """The chronogramme sheet only (CSV holds one table): UTF-8 with BOM, semicolons, as French Excel opens it."""
    data = next(t for t in tables if t.main)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow([neutralise(c.header) for c in data.columns])
        for row in data.rows:
            writer.writerow([_csv_value(v) for v in row])
