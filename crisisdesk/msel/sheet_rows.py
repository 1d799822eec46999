"""The rows of the chronogramme sheet that are injects, and the ids they get.

A chronogramme holds more than injects: blank rows, section titles ("Phase 2 —
l'alerte"), totals, the header repeated at each printed page, rows the author hid.
``inject_rows`` keeps the injects, each as a :class:`SheetRow`, and says in the summary
what it left out.
"""

from __future__ import annotations

from datetime import datetime

from crisisdesk.msel.cells import cell_text, clean_id
from crisisdesk.msel.columns import DROP, UNMAPPED, header_key
from crisisdesk.msel.import_result import ImportLog
from crisisdesk.msel.sheets import Sheet, column_index, column_letter
from crisisdesk.package.ids import ITEM_ID


class SheetRow:
    """One inject row: its cells by meaning, the unmapped cells kept for the notes, its section."""

    __slots__ = ("index", "values", "extras", "section")

    def __init__(self, index: int, values: dict[str, object], extras: list[tuple[object, str, object]],
                 section: str | None):
        self.index = index  # 0-based row of the sheet
        self.values = values  # meaning -> cell
        self.extras = extras  # (header, column letter, cell) of unmapped columns
        self.section = section  # the section title above it, if any


class Draft:
    """An inject row placed in time, filled in step by step before it becomes an Inject.

    Plain classes with slots rather than dataclasses: a dataclass's creation at import
    costs more than these few fields save in writing.
    """

    __slots__ = ("row", "at", "scenario", "id", "to", "to_all", "sender", "default_sender", "phase")

    def __init__(self, row: SheetRow, at: int, scenario: datetime | None):
        self.row = row
        self.at = at  # seconds since STARTEX
        self.scenario = scenario  # the scenario moment its row gives, if any
        self.id = ""
        self.to: list[str] = []  # recipient role ids
        self.to_all = False  # "Tous": every played role
        self.sender = ""  # a role id, or the sender's name when no role is created for it
        self.default_sender = False  # the row named no sender
        self.phase: str | None = None  # the phase title its row gives (column or section), once read


def inject_rows(log: ImportLog, sheet: Sheet, header_row: int | None, header: list[object],
                meanings: list[str]) -> list[SheetRow]:
    """Each inject row, with section titles and skipped rows reported."""
    header_keys = [header_key(h) for h in header]
    time_col = meanings.index("time")
    section: str | None = None
    rows: list[SheetRow] = []
    skipped = {"empty": 0, "header": 0, "total": 0, "section": 0, "hidden": 0}
    for index, raw in enumerate(sheet.rows):
        if header_row is not None and index <= header_row:
            continue
        raw = list(raw) + [None] * (len(header) - len(raw))
        filled = [(i, v) for i, v in enumerate(raw) if cell_text(v)]
        if not filled:
            skipped["empty"] += 1
            continue
        if index in sheet.hidden_rows:
            log.problem(index, None, log.t("row.hidden"), warning=True)
            skipped["hidden"] += 1
        if header_row is not None:
            same = sum(1 for i, v in filled if header_keys[i] and isinstance(v, str) and len(v) <= 100
                       and header_key(v) == header_keys[i])
            if same >= max(2, (len(filled) + 1) // 2):
                skipped["header"] += 1
                continue
        first = header_key(cell_text(filled[0][1]))
        if first.startswith(("total", "sous total", "subtotal", "nombre d")) and not cell_text(raw[time_col]):
            skipped["total"] += 1
            continue
        texts = {cell_text(v) for _, v in filled}
        if not cell_text(raw[time_col]) and len(texts) == 1:
            section = next(iter(texts)).strip(" -—:")
            skipped["section"] += 1
            continue
        values = {m: raw[i] for i, m in enumerate(meanings) if m not in (UNMAPPED, DROP)}
        extras = [(header[i], column_letter(i), raw[i]) for i, m in enumerate(meanings)
                  if m == UNMAPPED and cell_text(raw[i])]
        rows.append(SheetRow(index=index, values=values, extras=extras, section=section))
    if skipped["section"]:
        log.note(log.t("summary.sections", n=skipped["section"]))
    for kind in ("empty", "header", "total"):
        if skipped[kind]:
            log.note(log.t(f"summary.skipped_{kind}", n=skipped[kind]))
    unmapped = sorted({(letter, h) for r in rows for h, letter, _ in r.extras})
    for letter, h in unmapped:
        name = f" ({cell_text(h)})" if cell_text(h) else ""
        log.problem(header_row, column_index(letter), log.t("column.unmapped", letter=letter, name=name),
                    warning=True)
    return rows


def name_and_order(log: ImportLog, drafts: list[Draft], col: dict[str, int]) -> None:
    """Give each draft its id (the id column's, else I001… in sheet order), then sort by time."""
    seen: dict[str, int] = {}
    order_broken = [d.row.index + 1 for a, d in zip(drafts, drafts[1:], strict=False) if d.at < a.at]
    for n, d in enumerate(drafts, start=1):
        raw = d.row.values.get("id")
        ident = clean_id(cell_text(raw)) if cell_text(raw) else f"I{n:03d}"
        if not ITEM_ID.match(ident):
            log.problem(d.row.index, col.get("id"), log.t("id.bad", value=cell_text(raw)))
            ident = f"I{n:03d}"
        if ident in seen:
            log.problem(d.row.index, col.get("id"), log.t("id.twice", ident=ident, row=seen[ident] + 1))
        seen.setdefault(ident, d.row.index)
        d.id = ident
    if order_broken:
        log.note(log.t("summary.sorted", rows=log.rows(order_broken)))
    drafts.sort(key=lambda d: d.at)
