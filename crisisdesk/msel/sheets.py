"""Read a spreadsheet (XLSX, XLSM, XLS, ODS or CSV) into plain rows of cell values.

Values come through python-calamine (Rust, reads XLSX/XLS/ODS several times faster
than pure-Python readers and never evaluates anything); CSV through the standard
library with its separator and encoding sniffed. An XLSX is also looked over by
openpyxl for what values alone hide (formulas, merged cells, hidden rows, comments,
images) so the user is told, not surprised, and an ODS's content.xml likewise.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from crisisdesk.msel.csvsafe import restore
from crisisdesk.msel.messages import Message, MessageError, message

MAX_ROWS = 20_000  # a chronogramme has hundreds of rows; beyond this it is not one
MAX_COLUMNS = 200
MAX_BYTES = 50 * 1024 * 1024
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
SUFFIXES = SPREADSHEETS + (".csv", ".tsv", ".txt")


class SheetReadError(MessageError):
    """The file cannot be read as a spreadsheet; ``text(language)`` says why, for a person."""


@dataclass
class Sheet:
    """One sheet: rows of cell values (str, float, int, bool, date/time types or None)."""

    name: str
    rows: list[list[object]]
    notices: list[tuple[int | None, int | None, Message]] = field(default_factory=list)  # (row, col, message), 0-based
    hidden_rows: set[int] = field(default_factory=set)


@dataclass
class Workbook:
    path: Path
    sheets: list[Sheet]

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.sheets]

    def sheet(self, name: str | None) -> Sheet:
        """The sheet called ``name`` (accents and case ignored), or the first one."""
        if name is None:
            return self.sheets[0]
        from crisisdesk.msel.times import normalise

        for sheet in self.sheets:
            if sheet.name == name or normalise(sheet.name) == normalise(name):
                return sheet
        raise SheetReadError("sheet.unknown", name=name, names=", ".join(self.names))


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letter: str) -> int:
    value = 0
    for char in letter.strip().upper():
        if not "A" <= char <= "Z":
            raise ValueError(f"{letter!r} is not a column letter")
        value = value * 26 + ord(char) - 64
    return value - 1


def read_workbook(path: str | Path) -> Workbook:
    """Read every sheet of ``path``; raise SheetReadError with a plain message."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetReadError("file.not_spreadsheet", suffixes=", ".join(SUFFIXES))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SheetReadError("file.missing") from None
    except OSError as exc:
        raise SheetReadError("file.unreadable", reason=exc.strerror or str(exc)) from None
    if size == 0:
        raise SheetReadError("file.empty")
    if size > MAX_BYTES:
        raise SheetReadError("file.too_big", size=size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    if suffix in SPREADSHEETS:
        book = _read_calamine(path)
        if suffix in (".xlsx", ".xlsm"):
            _look_over_xlsx(path, book)
        elif suffix == ".ods":
            _look_over_ods(path, book)
    else:
        book = Workbook(path, [_read_csv(path)])
    if not any(any(_filled(v) for v in row) for s in book.sheets for row in s.rows):
        raise SheetReadError("file.no_data")
    return book


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _read_calamine(path: Path) -> Workbook:
    import python_calamine as calamine

    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise SheetReadError("file.password") from None
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError) as exc:
        text = str(exc)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise SheetReadError("file.password") from None
        raise SheetReadError("file.damaged", kind=path.suffix.lstrip(".").upper(), reason=text) from None
    except OSError as exc:
        raise SheetReadError("file.unreadable", reason=exc.strerror or str(exc)) from None
    sheets = []
    for meta in book.sheets_metadata:
        if str(meta.typ).lower().endswith("chartsheet"):
            continue
        try:
            raw = book.get_sheet_by_name(meta.name)
        except Exception as exc:  # calamine raises its own types per format
            raise SheetReadError("sheet.unreadable", name=meta.name, reason=str(exc)) from None
        if raw.height > MAX_ROWS + 50:
            raise SheetReadError("sheet.too_long", name=meta.name, rows=raw.height, limit=MAX_ROWS)
        if raw.width > MAX_COLUMNS:
            raise SheetReadError("sheet.too_wide", name=meta.name, columns=raw.width, limit=MAX_COLUMNS)
        rows = [list(row) for row in raw.to_python(skip_empty_area=False)]
        rows = [[None if v == "" else v for v in row] for row in rows]
        sheet = Sheet(meta.name, rows)
        if str(meta.visible).lower().endswith("hidden"):
            sheet.notices.append((None, None, message("sheet.hidden")))
        try:
            for (r0, c0), (r1, c1) in raw.merged_cell_ranges or ():
                if r1 > r0 or c1 > c0:
                    sheet.notices.append((r0, c0, message("cell.merged")))
        except Exception:  # merged ranges are not available for every format
            pass
        sheets.append(sheet)
    if not sheets:
        raise SheetReadError("file.no_worksheet")
    return Workbook(path, sheets)


def _has_hidden_things(path: Path) -> bool:
    """A cheap look at the zip's parts: any comment, drawing, formula or hidden row at all?

    openpyxl's full load costs ~0.4 s per 1,000 rows; most chronogrammes hold none of
    these, so they are spared it.
    """
    import re
    import zipfile

    marker = re.compile(rb"<(?:\w+:)?f[ >]|hidden=[\"']1|hidden=[\"']true")
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith(("xl/comments", "xl/media/", "xl/drawings/", "xl/threadedComments")):
                    return True
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(name) as part:
                        while chunk := part.read(1 << 20):
                            if marker.search(chunk):
                                return True
    except (OSError, zipfile.BadZipFile, RuntimeError):
        return False
    return False


def _look_over_xlsx(path: Path, book: Workbook) -> None:
    """Note formulas, hidden rows, comments and images, which values alone do not show."""
    if not _has_hidden_things(path):
        return
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=False, data_only=False, keep_links=False)
    except Exception:  # calamine read it: what openpyxl cannot parse we just do not comment on
        return
    try:
        for ws in wb.worksheets:
            try:
                sheet = book.sheet(ws.title)
            except SheetReadError:
                continue
            formulas = 0
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f" and formulas < 20:
                        formulas += 1
                        sheet.notices.append((cell.row - 1, cell.column - 1, message("cell.formula")))
                    if cell.comment is not None:
                        sheet.notices.append((cell.row - 1, cell.column - 1,
                                              message("cell.comment", text=cell.comment.text.strip()[:80])))
            for index, dim in ws.row_dimensions.items():
                if dim.hidden:
                    sheet.hidden_rows.add(index - 1)
            if getattr(ws, "_images", None):
                sheet.notices.append((None, None, message("sheet.images", n=len(ws._images))))
    finally:
        wb.close()


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ODS_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_ODS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _look_over_ods(path: Path, book: Workbook) -> None:
    """Note formulas, hidden rows, comments and images in an ODS, as for an XLSX.

    python-calamine gives values only and odfpy would build the whole document in
    memory, so content.xml is scanned once for the markers (a formula attribute, an
    annotation, a collapsed or filtered row, a drawing) and, only when one is there,
    walked with the standard library's streaming parser to locate them by cell.
    """
    import re
    import zipfile
    from xml.etree.ElementTree import ParseError, iterparse

    marker = re.compile(rb"table:formula=|<office:annotation|table:visibility=|<draw:frame")
    try:
        with zipfile.ZipFile(path) as archive:
            with archive.open("content.xml") as part:
                found = False
                tail = b""
                while chunk := part.read(1 << 20):
                    if marker.search(tail + chunk):
                        found = True
                        break
                    tail = chunk[-40:]
            if not found:
                return
            with archive.open("content.xml") as part:
                _walk_ods(part, book, iterparse)
    except (OSError, KeyError, zipfile.BadZipFile, ParseError, RuntimeError):
        return  # calamine read its values: what we cannot look over we do not comment on


def _walk_ods(part, book: Workbook, iterparse) -> None:
    table, row_tag, cell_tags = f"{{{_ODS_TABLE}}}table", f"{{{_ODS_TABLE}}}table-row", (
        f"{{{_ODS_TABLE}}}table-cell", f"{{{_ODS_TABLE}}}covered-table-cell")
    annotation, frame = f"{{{_ODS_OFFICE}}}annotation", f"{{{_ODS_DRAW}}}frame"
    name_attr, formula_attr = f"{{{_ODS_TABLE}}}name", f"{{{_ODS_TABLE}}}formula"
    rows_attr, cols_attr = f"{{{_ODS_TABLE}}}number-rows-repeated", f"{{{_ODS_TABLE}}}number-columns-repeated"
    visibility = f"{{{_ODS_TABLE}}}visibility"
    sheet: Sheet | None = None
    row = col = 0
    formulas = images = 0
    for event, element in iterparse(part, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == table:
                try:
                    sheet = book.sheet(element.get(name_attr))
                except SheetReadError:
                    sheet = None
                row, formulas, images = 0, 0, 0
            elif tag == row_tag:
                col = 0
            elif tag in cell_tags and sheet is not None and element.get(formula_attr) and formulas < 20:
                formulas += 1
                sheet.notices.append((row, col, message("cell.formula")))
            elif tag == frame:
                images += 1
            continue
        if tag in cell_tags:
            col += int(element.get(cols_attr, "1"))
            element.clear()
        elif tag == annotation and sheet is not None:
            text = " ".join("".join(p.itertext()) for p in element.iter(f"{{{_ODS_TEXT}}}p")).strip()
            sheet.notices.append((row, col, message("cell.comment", text=text[:80])))
        elif tag == row_tag:
            repeat = min(int(element.get(rows_attr, "1")), MAX_ROWS + 50)
            if sheet is not None and element.get(visibility) in ("collapse", "filter"):
                sheet.hidden_rows.update(range(row, row + repeat))
            row += repeat
            element.clear()
        elif tag == table:
            if sheet is not None and images:
                sheet.notices.append((None, None, message("sheet.images", n=images)))
            sheet = None
            element.clear()


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text:
        raise SheetReadError("file.not_text")
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = []
    try:
        for row in reader:
            if len(rows) > MAX_ROWS + 50:
                raise SheetReadError("file.csv_too_long", limit=MAX_ROWS)
            rows.append([restore(v) if v.strip() else None for v in row[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise SheetReadError("file.csv_line", line=reader.line_num, reason=str(exc)) from None
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend([None] * (width - len(row)))
    return Sheet(path.stem, rows)
