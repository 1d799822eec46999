"""What an import is asked (:class:`ImportOptions`) and what it gives back (:class:`ImportResult`).

Problems are located ``FILE!SHEET!C12`` (:class:`CellProblem`); :class:`ImportLog` is
where every step of the import writes them and its summary lines, in the language asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from crisisdesk.msel.mapping import Mapping
from crisisdesk.msel.messages import DEFAULT_LANGUAGE, render
from crisisdesk.msel.sheets import Sheet, column_letter
from crisisdesk.package.model import Package, Role


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong in the spreadsheet, located as ``FILE!SHEET!C12``."""

    file: str
    sheet: str | None
    cell: str | None
    message: str  # already in the language the import was asked for
    warning: bool = False
    language: str = DEFAULT_LANGUAGE

    def __str__(self) -> str:
        where = "!".join(p for p in (self.file, self.sheet, self.cell) if p)
        text = render("problem.warning", self.language, message=self.message) if self.warning else self.message
        return f"{where}: {text}"


@dataclass
class ImportOptions:
    start: datetime | None = None  # STARTEX moment, for absolute times
    package_id: str | None = None
    title: str | None = None
    language: str = "fr"  # the exercise's language (its default sender's name)
    message_language: str = DEFAULT_LANGUAGE  # the language problems and summary are written in (fr, en)
    today: date | None = None  # the date taken when the sheet gives times of day only


@dataclass
class ImportResult:
    mapping: Mapping
    sheet: Sheet | None = None
    header: list[object] = field(default_factory=list)
    meanings: list[str] = field(default_factory=list)
    package: Package | None = None
    problems: list[CellProblem] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    created_roles: list[Role] = field(default_factory=list)
    attachments: dict[str, Path] = field(default_factory=dict)  # package path -> file beside the spreadsheet
    row_of: dict[str, int] = field(default_factory=dict)  # inject id -> 0-based sheet row
    unknown_channels: list[str] = field(default_factory=list)  # channel words to settle in the mapping

    @property
    def errors(self) -> list[CellProblem]:
        return [p for p in self.problems if not p.warning]

    @property
    def ok(self) -> bool:
        return self.package is not None and not self.errors


class ImportLog:
    """Where the steps of one import report: problems at a cell, and lines of the summary."""

    def __init__(self, result: ImportResult, file: str, language: str):
        self.result = result
        self.file = file  # the spreadsheet's file name, first part of every location
        self.language = language
        self.sheet_name: str | None = None  # the sheet read, once chosen

    def t(self, key: str, /, **params: object) -> str:
        """The catalogue's text for ``key`` in the language the caller asked for."""
        return render(key, self.language, **params)

    def problem(self, row: int | None, col: int | None, message: str, warning: bool = False,
                sheet: str | None = None) -> None:
        """Report at ``row`` (0-based; None: the file), cell ``col`` (None: the whole row)."""
        cell = None
        if row is not None:
            cell = f"{column_letter(col)}{row + 1}" if col is not None else f"{row + 1}:{row + 1}"
        self.result.problems.append(CellProblem(self.file, sheet or self.sheet_name, cell, message, warning,
                                                self.language))

    def note(self, text: str) -> None:
        self.result.summary.append(text)

    def rows(self, numbers: list[int]) -> str:
        """Row numbers for a summary line: the first eight, then how many more."""
        shown = ", ".join(str(n) for n in numbers[:8])
        return self.t("list.more", shown=shown, n=len(numbers) - 8) if len(numbers) > 8 else shown
