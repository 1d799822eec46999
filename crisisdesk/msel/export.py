"""A package (and, from a played session, what happened) as tables ready for a spreadsheet.

Pure data: :func:`msel_tables` returns :class:`Table` objects whose cells are plain
Python values (text, numbers, ``timedelta`` for exercise times, ``datetime`` for
scenario times); ``crisisdesk.msel.spreadsheet`` writes them as XLSX, ODS or CSV.
The columns and sheet names come from ``layout`` so the import reads them back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from crisisdesk.msel import layout
from crisisdesk.package.model import Inject, Package
from crisisdesk.package.writer import readiness_fields
from crisisdesk.timefmt import DEFAULT_TIMEZONE, format_offset

if TYPE_CHECKING:
    from crisisdesk.session.state import SessionState

TEXT, LONG, DURATION, MOMENT, NUMBER = "text", "long", "duration", "moment", "number"


@dataclass
class Column:
    key: str
    header: str
    width: float  # in characters
    kind: str = TEXT


@dataclass
class Table:
    """One sheet: a header row, rows of values, and the phase band of each row (or None)."""

    name: str
    columns: list[Column]
    rows: list[list[object]] = field(default_factory=list)
    bands: list[int | None] = field(default_factory=list)
    main: bool = False  # the chronogramme itself: filters, frozen header, printed landscape
    printed: int | None = None  # how many leading columns the printout shows (None: all)


WIDTHS = {"id": 7, "time": 7, "scenario": 15, "phase": 18, "sender": 20, "to": 15, "channel": 12, "title": 28,
          "body": 60, "expected": 42, "objectives": 9, "notes": 32, "manual": 8, "contingency_for": 10,
          "attachments": 22, "sets": 22, "planned": 8, "actual": 8, "actual_scenario": 15, "status": 10,
          "verdicts": 40}
# What a printed chronogramme shows (the other columns are for the round trip and the RETEX team)
PRINTED = ("id", "time", "scenario", "phase", "sender", "to", "channel", "title", "body", "expected", "objectives",
           "notes")
KINDS = {"time": DURATION, "planned": DURATION, "actual": DURATION, "scenario": MOMENT, "actual_scenario": MOMENT,
         "body": LONG, "expected": LONG, "notes": LONG, "verdicts": LONG, "title": LONG}

STATUS_LABELS = {"pending": "À venir", "due": "En attente", "fired": "Joué", "skipped": "Annulé"}
VERDICT_LABELS = {"met": "atteint", "partial": "partiel", "missed": "manqué"}


def _seconds(seconds: float | None) -> timedelta | None:
    return None if seconds is None else timedelta(seconds=round(seconds))


def expected_text(inject: Inject) -> str:
    """``DIR (0:05) : Ouvrir la main courante`` lines (``DIR (0:05, O1.2) : …`` when the response
    serves an objective's criterion), read back by the import."""
    lines = []
    for e in inject.expected:
        within = format_offset(e.within, with_seconds=bool(e.within % 60))
        criterion = getattr(e, "criterion", None)
        lines.append(f"{e.role} ({within}{', ' + criterion if criterion else ''}) : {e.action}")
    return "\n".join(lines)


def sets_text(inject: Inject) -> str:
    parts = []
    for key, value in inject.sets.items():
        text = str(value)
        if isinstance(value, str) and (text.lstrip("-").replace(".", "", 1).isdigit()):
            text = f'"{text}"'  # a number written as text stays text on the way back
        parts.append(f"{key}={text}")
    return "; ".join(parts)


def inject_row(package: Package, inject: Inject, language: str) -> dict[str, object]:
    channels = layout.CHANNEL_LABELS.get(language, layout.CHANNEL_LABELS["fr"])
    return {
        "id": inject.id,
        "time": _seconds(inject.at),
        "scenario": package.scenario_time_at(inject.at),
        "phase": package.phase_at(inject.at).title,
        "sender": inject.sender,
        "to": layout.EVERYONE.get(language, "Tous") if inject.to_all else ", ".join(inject.to),
        "channel": channels[inject.channel],
        "title": inject.title,
        "body": inject.body.rstrip("\n"),
        "expected": expected_text(inject),
        "objectives": ", ".join(inject.objectives),
        "notes": inject.notes.rstrip("\n"),
        "manual": "oui" if inject.manual else ("non" if inject.contingency_for else ""),
        "contingency_for": inject.contingency_for or "",
        "attachments": "; ".join(inject.attachments),
        "sets": sets_text(inject),
    }


def msel_tables(package: Package, state: SessionState | None = None) -> list[Table]:
    """The chronogramme sheet, then roles, objectives, phases, indicators and the exercise frame."""
    language = package.exercise.language
    keys = list(layout.INJECT_COLUMNS) + (list(layout.SESSION_COLUMNS) if state is not None else [])
    main = Table(layout.SHEET_INJECTS, [Column(k, h, WIDTHS[k], KINDS.get(k, TEXT)) for k, h in keys], main=True,
                 printed=len(PRINTED))
    phases = package.exercise.phases
    if state is None:
        items = [(inject, None) for inject in package.injects]
    else:
        items = [(s.inject, s) for s in sorted(state.injects, key=lambda s: (s.planned_at, s.due_at))]
    for inject, live in items:
        values = inject_row(package, inject, language)
        if live is not None:
            values.update(_session_values(state, live))
        main.rows.append([values.get(c.key, "") for c in main.columns])
        main.bands.append(phases.index(package.phase_at(inject.at)))
    tables = [main]

    roles = Table(layout.SHEET_ROLES, [Column(k, h, w) for (k, h), w in zip(
        layout.ROLE_COLUMNS, (10, 34, 18, 50, 50, 40, 40, 10), strict=True)])
    for c in roles.columns[3:7]:
        c.kind = LONG
    for role in package.roles:
        roles.rows.append([role.id, role.name, layout.ROLE_KIND_LABELS[role.kind], role.mission,
                           "\n".join(role.decisions), "\n".join(role.resources), "\n".join(role.contacts),
                           role.color or ""])
    tables.append(roles)

    objectives = Table(layout.SHEET_OBJECTIVES, [Column("id", "Code", 10), Column("title", "Objectif", 50, LONG),
                                                  Column("criteria", "Critères", 80, LONG)])
    for o in package.exercise.objectives:
        objectives.rows.append([o.id, o.title, "\n".join(o.criteria)])
    tables.append(objectives)

    phase_table = Table(layout.SHEET_PHASES, [Column("at", "Début (T+)", 10, DURATION), Column("title", "Titre", 60),
                                              Column("scenario_time", "Heure scénario au début", 20, MOMENT),
                                              Column("scale", "Échelle", 9, NUMBER)])
    for p in phases:
        phase_table.rows.append([_seconds(p.at), p.title, p.scenario_time, int(p.scale) if p.scale.is_integer()
                                 else p.scale])
    tables.append(phase_table)

    indicators = Table(layout.SHEET_INDICATORS, [Column(k, h, w) for (k, h), w in zip(
        layout.INDICATOR_COLUMNS, (22, 32, 10, 16), strict=True)])
    for i in package.exercise.indicators:
        initial = i.initial
        if isinstance(initial, str) and initial.lstrip("-").replace(".", "", 1).isdigit():
            initial = f'"{initial}"'
        indicators.rows.append([i.id, i.label, i.unit or "", initial])
    tables.append(indicators)

    ex = package.exercise
    frame = Table(layout.SHEET_EXERCISE, [Column("field", "Champ", 12), Column("value", "Valeur", 90, LONG)])
    frame.rows = [["id", ex.id], ["title", ex.title], ["language", ex.language], ["summary", ex.summary.rstrip("\n")],
                  ["duration", format_offset(ex.duration, with_seconds=bool(ex.duration % 60))]]
    if ex.timezone and ex.timezone != DEFAULT_TIMEZONE:
        frame.rows.append(["timezone", ex.timezone])
    frame.rows += [[key, getattr(ex, key)] for key in ("issuer", "distribution") if getattr(ex, key)]
    for key, value in readiness_fields(ex).items():  # only the thresholds that differ from the defaults
        frame.rows.append([f"readiness.{key}", "\n".join(value) if isinstance(value, list) else str(value)])
    tables.append(frame)
    return tables


def _session_values(state: SessionState, live) -> dict[str, object]:
    verdicts = []
    for index, expected in enumerate(live.inject.expected):
        check = state.check_for(live.inject.id, index)
        if check is None:
            verdicts.append(f"{expected.role} : non évalué")
            continue
        line = f"{expected.role} : {VERDICT_LABELS.get(check.status, check.status)} ({check.observer})"
        if check.delay_since_fire is not None:
            line += f" en {format_offset(check.delay_since_fire, with_seconds=False)}"
        if check.note:
            line += f" — {check.note}"
        verdicts.append(line)
    return {
        "planned": _seconds(live.planned_at),
        "actual": _seconds(live.fired_elapsed),
        "actual_scenario": live.fired_scenario.replace(microsecond=0) if isinstance(live.fired_scenario, datetime)
        else None,
        "status": STATUS_LABELS.get(live.status.value, live.status.value) + (" (ad hoc)" if live.adhoc else ""),
        "verdicts": "\n".join(verdicts),
    }
