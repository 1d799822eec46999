"""Turn the rows of a chronogramme into a package model: injects, roles, phases, objectives.

``build_import(workbook, mapping, options)`` never raises on bad content: it returns
an :class:`ImportResult` holding the model (when usable), every problem found as
``FILE!SHEET!C12: message``, and a summary of what was inferred (roles created,
phases found, rows skipped, columns kept in notes) for the user to review.

The steps, each in its module: choose the sheet and check its columns (here), keep
the inject rows (sheet_rows), read the side sheets of our own export (side_sheets),
place the rows in time (row_times), give them ids (sheet_rows), match recipients and
senders to roles (row_roles), read each row into an inject (row_inject, row_expected),
then find the phases (infer_phases) and frame the exercise (here).
"""

from __future__ import annotations

import math
from pathlib import Path

from crisisdesk.msel import layout
from crisisdesk.msel.cells import cell_text, long_text, slug
from crisisdesk.msel.columns import DROP, UNMAPPED
from crisisdesk.msel.import_result import CellProblem, ImportLog, ImportOptions, ImportResult
from crisisdesk.msel.infer_phases import infer_phases
from crisisdesk.msel.mapping import Mapping
from crisisdesk.msel.messages import joined
from crisisdesk.msel.row_inject import InjectReader
from crisisdesk.msel.row_roles import assign_roles
from crisisdesk.msel.row_times import place_rows
from crisisdesk.msel.sheet_rows import SheetRow, inject_rows, name_and_order
from crisisdesk.msel.sheets import Sheet, Workbook, column_letter
from crisisdesk.msel.side_sheets import (
    SideRecords,
    read_exercise_fields,
    read_indicators,
    read_objectives,
    read_phases_sheet,
    read_roles,
    readiness_settings,
    side_sheets,
)
from crisisdesk.msel.times import normalise
from crisisdesk.package.model import Exercise, Indicator, Inject, Objective, Package, Phase, Role
from crisisdesk.timefmt import format_offset

__all__ = [
    "CellProblem",
    "ImportOptions",
    "ImportResult",
    "build_import",
    "cell_text",
    "guess_mapping",
    "slug",
]


class _Builder:
    """One import: the sheet chosen, its columns checked, then the steps that make the model."""

    def __init__(self, workbook: Workbook, mapping: Mapping, options: ImportOptions):
        self.book = workbook
        self.mapping = mapping
        self.options = options
        self.file = workbook.path.name
        self.result = ImportResult(mapping=mapping)
        self.log = ImportLog(self.result, self.file, options.message_language)

    def build(self) -> ImportResult:
        log = self.log
        try:
            sheet = self._main_sheet()
        except LookupError as exc:
            self.result.problems.append(CellProblem(self.file, None, None, exc.args[0], language=log.language))
            return self.result
        log.sheet_name = sheet.name
        self.result.sheet = sheet
        for row, col, notice in sheet.notices:
            log.problem(row, col, notice.text(log.language), warning=True)
        header_row = self.mapping.header_row
        if header_row is not None and header_row >= len(sheet.rows):
            log.problem(None, None, log.t("header.past_end", row=header_row + 1))
            return self.result
        width = max((len(r) for r in sheet.rows), default=0)
        header: list[object] = list(sheet.rows[header_row]) if header_row is not None else [None] * width
        header += [None] * (width - len(header))
        meanings = self.mapping.meanings_for(header)
        self.result.header, self.result.meanings = header, meanings
        used = [m for m in meanings if m not in (UNMAPPED, DROP)]
        for meaning in set(used):
            if used.count(meaning) > 1:
                cols = ", ".join(column_letter(i) for i, m in enumerate(meanings) if m == meaning)
                log.problem(header_row, None, log.t("header.same_meaning", columns=cols, meaning=meaning))
        missing = [log.t(f"meaning.{m}") for m in ("time", "to") if m not in used]
        if "title" not in used and "body" not in used:
            missing.append(log.t("meaning.title_or_body"))
        if missing:
            log.problem(header_row, None, log.t("header.missing" if header_row is not None
                                                else "header.missing_no_header",
                                                meanings=joined(missing, log.language)))
            return self.result
        sides = side_sheets(log, self.book, log.sheet_name)
        rows = inject_rows(log, sheet, header_row, header, meanings)
        self._assemble(rows, meanings, sides)
        return self.result

    def _main_sheet(self) -> Sheet:
        log = self.log
        if self.mapping.sheet is not None:
            for sheet in self.book.sheets:
                if sheet.name == self.mapping.sheet or normalise(sheet.name) == normalise(self.mapping.sheet):
                    return sheet
            plain = [s for s in self.book.sheets if layout.side_sheet_kind(s.name) is None]
            if len(plain) != 1:
                raise LookupError(log.t("sheet.unknown", name=self.mapping.sheet, names=", ".join(self.book.names)))
            self.result.problems.append(CellProblem(self.file, None, None, log.t(
                "sheet.only_one", name=self.mapping.sheet, only=plain[0].name), warning=True, language=log.language))
            return plain[0]
        candidates = [s for s in self.book.sheets if layout.side_sheet_kind(s.name) is None]
        for sheet in candidates or self.book.sheets:
            if any(any(v is not None for v in r) for r in sheet.rows):
                return sheet
        raise LookupError(log.t("sheet.all_empty"))

    def _assemble(self, rows: list[SheetRow], meanings: list[str], sides: dict[str, SideRecords]) -> None:
        log = self.log
        col = {m: i for i, m in enumerate(meanings)}
        exercise_fields = read_exercise_fields(log, sides.get("exercise"))
        known_roles = read_roles(log, sides.get("roles"))
        roles = known_roles or {}
        known_objectives = read_objectives(sides.get("objectives"))
        objectives = known_objectives or {}
        indicators = read_indicators(sides.get("indicators"))

        # times first: they order everything else
        drafts, start = place_rows(log, rows, col, self.mapping, self.options)
        name_and_order(log, drafts, col)
        self.result.created_roles = assign_roles(log, drafts, col, roles, known_roles is not None,
                                                 self.options.language)

        # every other field
        reader = InjectReader(log, self.mapping, self.book.path.parent, roles, objectives,
                              known_objectives is not None, indicators, "indicators" in sides,
                              self.result.unknown_channels, self.result.attachments)
        injects: list[Inject] = []
        for d in drafts:
            inject = reader.read(d, col)
            if inject is not None:
                injects.append(inject)
                self.result.row_of[inject.id] = d.row.index
        defaulted = reader.defaulted
        if defaulted["channel"]:
            log.note(log.t("summary.channel_default", channel=self.mapping.default_channel or "document"))
        for key in ("within", "sender", "title", "html"):
            if defaulted[key]:
                log.note(log.t(f"summary.{key}_default" if key != "html" else "summary.html", n=defaulted[key]))
        if reader.expected.criteria_created:
            log.note(log.t("summary.criteria_created", ids=", ".join(sorted(set(reader.expected.criteria_created)))))
        for ident, obj in objectives.items():
            if known_objectives is None:
                log.note(log.t("summary.objective_created", ident=ident, title=obj.title))
        if not injects and not self.result.errors:
            log.problem(None, None, log.t("sheet.no_inject"))

        side_phases = sides.get("phases")
        phases = read_phases_sheet(log, side_phases) if side_phases else infer_phases(log, drafts, start)
        if self.result.errors:
            return
        self._package(exercise_fields, phases, roles, objectives, indicators, injects)

    def _package(self, fields: dict[str, object], phases: list[Phase], roles: dict[str, Role],
                 objectives: dict[str, Objective], indicators: dict[str, Indicator], injects: list[Inject]) -> None:
        """Frame the exercise around what the rows gave, and keep the package in the result."""
        last = max((i.at for i in injects), default=0)
        duration = fields.get("duration")
        if not isinstance(duration, int):
            end = max([last + 15 * 60] + [p.at + 15 * 60 for p in phases])
            duration = math.ceil(end / 900) * 900
        exercise = Exercise(
            id=str(fields.get("id") or self.options.package_id or slug(self.book.path.stem)),
            title=str(fields.get("title") or self.options.title or self.book.path.stem.replace("_", " ")),
            language=str(fields.get("language") or self.options.language),
            summary=str(fields.get("summary") or long_text(
                f"Exercice importé du chronogramme {self.file} (feuille {self.log.sheet_name}).")),
            duration=duration,
            phases=tuple(phases),
            indicators=tuple(indicators.values()),
            objectives=tuple(objectives.values()),
            readiness=readiness_settings(fields.get("readiness")),
            **{key: str(fields[key]).strip() for key in ("timezone", "issuer", "distribution")
               if fields.get(key)},
        )
        self.result.package = Package(root=Path("."), exercise=exercise, roles=tuple(roles.values()),
                                      injects=tuple(injects))
        self.log.note(self.log.t("summary.totals", injects=len(injects), roles=len(roles), phases=len(phases),
                                 duration=format_offset(duration, with_seconds=False)))


def build_import(workbook: Workbook, mapping: Mapping, options: ImportOptions | None = None) -> ImportResult:
    """Read the sheet the mapping names into a package model, with every problem and a summary."""
    return _Builder(workbook, mapping, options or ImportOptions()).build()


def guess_mapping(workbook: Workbook, sheet: str | None = None) -> Mapping:
    """The mapping guessed from a sheet's header row (or a sheet without one)."""
    from crisisdesk.msel.columns import find_header_row

    chosen = workbook.sheet(sheet) if sheet else next(
        (s for s in workbook.sheets if layout.side_sheet_kind(s.name) is None and s.rows), workbook.sheets[0])
    header_row = find_header_row(chosen.rows)
    width = max((len(r) for r in chosen.rows), default=0)
    headers: list[object] = list(chosen.rows[header_row]) if header_row is not None else [None] * width
    headers += [None] * (width - len(headers))
    return Mapping.guessed(headers, header_row, chosen.name if sheet or len(workbook.sheets) > 1 else None)
