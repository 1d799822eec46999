"""The side sheets a crisisdesk export carries: roles, objectives, phases, indicators, the exercise frame.

A chronogramme from elsewhere has none; ours has them so that exporting a package and
importing it back gives the same package. Each reader takes the sheet's records
(0-based row, {field: cell}) and reports what it cannot read at its sheet's row.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import datetime

from crisisdesk.msel import layout
from crisisdesk.msel.cells import cell_text, lines, long_text, offset_of, typed, whole
from crisisdesk.msel.columns import header_key
from crisisdesk.msel.import_result import ImportLog
from crisisdesk.msel.sheets import Workbook
from crisisdesk.msel.times import normalise
from crisisdesk.package.ids import ROLE_ID
from crisisdesk.package.model import (
    ROLE_KINDS,
    Indicator,
    Objective,
    Phase,
    ReadinessSettings,
    Role,
)

SideRecords = list[tuple[int, dict[str, object]]]  # (0-based row, {field: cell}) of one side sheet

_COLUMNS = {"roles": layout.ROLE_COLUMNS, "objectives": layout.OBJECTIVE_COLUMNS,
            "phases": layout.PHASE_COLUMNS, "exercise": layout.EXERCISE_COLUMNS,
            "indicators": layout.INDICATOR_COLUMNS}


def side_sheets(log: ImportLog, book: Workbook, main_sheet: str | None) -> dict[str, SideRecords]:
    """The records of each side sheet of the workbook, by kind ("roles", "phases"…)."""
    sides: dict[str, SideRecords] = {}
    for sheet in book.sheets:
        kind = layout.side_sheet_kind(sheet.name)
        if kind is None or sheet.name == main_sheet or not sheet.rows:
            continue
        wanted = {header_key(h): f for f, h in _COLUMNS[kind]} | {header_key(f): f for f, _ in _COLUMNS[kind]}
        cols = {i: wanted[header_key(h)] for i, h in enumerate(sheet.rows[0]) if header_key(h) in wanted}
        if "id" not in cols.values() and kind not in ("phases", "exercise"):
            continue
        records = []
        for index, raw in enumerate(sheet.rows[1:], start=1):
            record = {cols[i]: v for i, v in enumerate(raw) if i in cols and cell_text(v)}
            if record:
                records.append((index, record))
        sides[kind] = records
        log.note(log.t("summary.side_sheet", name=sheet.name, n=len(records), kind=log.t(f"kind.{kind}")))
    return sides


def read_phases_sheet(log: ImportLog, side: SideRecords) -> list[Phase]:
    phases = []
    for index, rec in side:
        try:
            at = offset_of(rec.get("at"))
            scenario = rec.get("scenario_time")
            if not isinstance(scenario, datetime):
                scenario = datetime.fromisoformat(cell_text(scenario).replace(" ", "T"))
            scale = float(cell_text(rec.get("scale")) or 1)
        except (ValueError, TypeError) as exc:
            log.problem(index, None, log.t("phase.unreadable", reason=exc), sheet=layout.SHEET_PHASES)
            continue
        phases.append(Phase(at=at, title=cell_text(rec.get("title")), scenario_time=scenario, scale=scale))
    return phases


def read_exercise_fields(log: ImportLog, side: SideRecords | None) -> dict[str, object]:
    """The exercise sheet's fields (id, title, duration…); ``readiness`` holds the thresholds given."""
    out: dict[str, object] = {}
    readiness: dict[str, object] = {}
    for index, rec in side or ():
        key, value = normalise(cell_text(rec.get("field"))), rec.get("value")
        if key.startswith("readiness."):
            out["readiness"] = readiness
            name = key.split(".", 1)[1]
            try:
                readiness[name] = _readiness_value(name, value)
            except (ValueError, TypeError) as exc:
                log.problem(index, 1, log.t("exercise.field", key=key, reason=exc), sheet=layout.SHEET_EXERCISE)
            continue
        if key not in layout.EXERCISE_FIELDS:
            continue
        if key == "duration":
            try:
                out[key] = offset_of(value)
            except ValueError as exc:
                log.problem(index, 1, log.t("exercise.field", key=key, reason=exc), sheet=layout.SHEET_EXERCISE)
        elif key == "summary":
            out[key] = long_text(cell_text(value))
        elif key == "timezone" and cell_text(value):
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(cell_text(value))
                out[key] = cell_text(value)
            except (ZoneInfoNotFoundError, ValueError):
                log.problem(index, 1, log.t("exercise.field", key=key, reason=f"{cell_text(value)!r}: not an "
                                            "IANA time zone (Europe/Paris, America/Martinique...)"),
                            sheet=layout.SHEET_EXERCISE)
        else:
            out[key] = cell_text(value)
    return out


def readiness_settings(values: object) -> ReadinessSettings:
    """The thresholds the exercise sheet gives; the model's defaults for those it does not."""
    if not values or not isinstance(values, dict):
        return ReadinessSettings()
    known = {f.name for f in dataclass_fields(ReadinessSettings)}
    return ReadinessSettings(**{k: v for k, v in values.items() if k in known})


def read_roles(log: ImportLog, side: SideRecords | None) -> dict[str, Role] | None:
    """The roles sheet's roles by id, or None when the workbook has no roles sheet."""
    if side is None:
        return None
    kinds = {normalise(v): k for k, v in layout.ROLE_KIND_LABELS.items()} | {k: k for k in ROLE_KINDS}
    roles = {}
    for index, rec in side:
        ident = cell_text(rec.get("id"))
        kind = kinds.get(normalise(cell_text(rec.get("kind"))))
        if not ROLE_ID.match(ident) or kind is None:
            log.problem(index, None, log.t("role.bad", ident=ident, kinds=", ".join(
                layout.ROLE_KIND_LABELS.values())), sheet=layout.SHEET_ROLES)
            continue
        roles[ident] = Role(
            id=ident, name=cell_text(rec.get("name")) or ident, kind=kind, mission=cell_text(rec.get("mission")),
            decisions=lines(rec.get("decisions")), resources=lines(rec.get("resources")),
            contacts=lines(rec.get("contacts")), color=cell_text(rec.get("color")) or None,
        )
    return roles


def read_objectives(side: SideRecords | None) -> dict[str, Objective] | None:
    """The objectives sheet's objectives by id, or None when the workbook has no objectives sheet."""
    if side is None:
        return None
    return {cell_text(rec.get("id")): Objective(id=cell_text(rec.get("id")), title=cell_text(rec.get("title")),
                                                criteria=lines(rec.get("criteria"))) for _, rec in side}


def read_indicators(side: SideRecords | None) -> dict[str, Indicator]:
    out = {}
    for _, rec in side or ():
        ident = cell_text(rec.get("id"))
        initial = rec.get("initial")
        out[ident] = Indicator(id=ident, label=cell_text(rec.get("label")) or ident,
                               initial=whole(initial) if isinstance(initial, int | float)
                               and not isinstance(initial, bool) else typed(cell_text(initial)),
                               unit=cell_text(rec.get("unit")) or None)
    return out


def _readiness_value(name: str, value: object) -> object:
    if name in ("window", "max_dead_time", "max_quiet"):
        return offset_of(value)
    if name == "briefings":
        return lines(value)
    return int(cell_text(value))
