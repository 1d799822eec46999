"""Read exercise.yaml: the frame of the exercise, its indicators and objectives.

Phases and readiness thresholds have their own modules (read_phases, read_readiness).
"""

from __future__ import annotations

from crisisdesk.package.cross_refs import Known
from crisisdesk.package.fields import Record, Records, Report, describe, is_null
from crisisdesk.package.ids import ITEM_ID, ITEM_ID_TEXT, SLUG, SLUG_TEXT, unique_id
from crisisdesk.package.model import (
    FORMAT,
    LANGUAGES,
    SUPPORTED_FORMATS,
    Exercise,
    Indicator,
    Objective,
)
from crisisdesk.package.read_phases import read_phases
from crisisdesk.package.read_readiness import read_readiness
from crisisdesk.package.yamlsource import MappingNode, Node, ScalarNode
from crisisdesk.timefmt import DEFAULT_TIMEZONE


def format_is_supported(report: Report, node: Node) -> bool:
    """False (after reporting) when exercise.yaml names a format this build does not read."""
    if not isinstance(node, MappingNode):
        return True  # reported as a wrong type by read_exercise
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == "format":
            written = value.value if isinstance(value, ScalarNode) and not is_null(value) else None
            if written in SUPPORTED_FORMATS:
                return True
            readable = ", ".join(SUPPORTED_FORMATS)
            report.error(
                value,
                f"exercise field 'format': {describe(value)} is not a format this build reads "
                f"(it reads: {readable})",
            )
            return False
    return True  # a missing format is reported with the other missing fields


def read_exercise(report: Report, node: Node, known: Known) -> Exercise | None:
    rec = Record(
        report,
        node,
        "exercise",
        required=("format", "id", "title", "language", "summary", "duration", "phases", "objectives"),
        optional=("indicators", "readiness", "timezone", "issuer", "distribution"),
    )
    if not rec.ok:
        return None
    ident = rec.word("id", SLUG, SLUG_TEXT)
    title = rec.text("title", one_line=True)
    language = rec.choice("language", LANGUAGES)
    summary = rec.text("summary")
    if summary is not None:
        known.summary_node = rec.values.get("summary")  # its images are checked with msel.yaml's attachments
    duration = rec.duration("duration")
    known.duration = duration
    phases = read_phases(rec, known)
    indicators = _read_indicators(rec, known)
    objectives = _read_objectives(rec, known)
    readiness = read_readiness(rec, known)
    timezone = _read_timezone(rec)
    issuer = rec.text("issuer", required=False, one_line=True)
    distribution = rec.text("distribution", required=False, one_line=True)
    if (ident is None or title is None or language is None or summary is None or duration is None
            or phases is None or indicators is None or objectives is None or readiness is None
            or timezone is None):
        return None
    return Exercise(
        id=ident,
        title=title.strip(),
        language=language,
        summary=summary,
        duration=duration,
        phases=phases,
        indicators=indicators,
        objectives=objectives,
        format=FORMAT,
        readiness=readiness,
        timezone=timezone,
        issuer=(issuer or "").strip(),
        distribution=(distribution or "").strip(),
    )


def _read_timezone(exercise: Record) -> str | None:
    """The exercise's IANA time zone ("Europe/Paris" when absent); None after an error."""
    if exercise.values.get("timezone") is None:
        return DEFAULT_TIMEZONE
    name = exercise.text("timezone", one_line=True)
    if name is None:
        return None  # reported: not text, empty or several lines
    name = name.strip()
    if not _is_time_zone(name):
        exercise.error("timezone", f"{name!r} is not a known time zone: give an IANA name such as "
                                   f"\"Europe/Paris\", \"America/Martinique\" or \"UTC\"")
        return None
    return name


def _is_time_zone(name: str) -> bool:
    """True if ``name`` is an IANA time zone this machine knows (``tzdata`` supplies them on Windows)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not name or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _read_indicators(exercise: Record, known: Known) -> tuple[Indicator, ...] | None:
    items = exercise.sequence("indicators", required=False)
    if items is None:
        return None
    indicators: dict[str, Indicator] = {}
    lines: dict[str, int] = {}
    items_read = Records(exercise.report, items, "indicator #", kind="indicator",
                         required=("id", "label", "initial"), optional=("unit",))
    for _, rec in items_read:
        ident = unique_id(rec, ITEM_ID, ITEM_ID_TEXT, lines, "indicator")
        label = rec.text("label", one_line=True)
        unit = rec.text("unit", required=False, one_line=True)
        initial = rec.scalar_value("initial")
        if ident is None or label is None or initial is None:
            items_read.broken()
            continue
        indicators[ident] = Indicator(id=ident, label=label.strip(), initial=initial, unit=unit)
    known.indicators = indicators
    known.indicator_lines = lines
    return tuple(indicators.values()) if items_read.complete else None


def _read_objectives(exercise: Record, known: Known) -> tuple[Objective, ...] | None:
    items = exercise.sequence("objectives")
    if items is None:
        return None
    if not items:
        exercise.warning("objectives", "no objective: the after-action report will have nothing to rate")
    objectives: list[Objective] = []
    lines: dict[str, int] = {}
    items_read = Records(exercise.report, items, "objective #", kind="objective",
                         required=("id", "title", "criteria"))
    for _, rec in items_read:
        ident = unique_id(rec, ITEM_ID, ITEM_ID_TEXT, lines, "objective")
        title = rec.text("title", one_line=True)
        criteria = rec.text_list("criteria")
        if criteria is not None and not criteria and "criteria" in rec.values:
            rec.warning("criteria", "lists no criterion for observers to check")
        if ident is None or title is None or criteria is None:
            items_read.broken()
            continue
        objectives.append(Objective(id=ident, title=title.strip(), criteria=criteria))
    known.objective_lines = lines
    known.criteria_counts = {o.id: len(o.criteria) for o in objectives}
    return tuple(objectives) if items_read.complete else None
