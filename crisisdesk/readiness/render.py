"""The readiness report as text (a terminal table), JSON (for tools) or HTML (with a chart)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from crisisdesk.readiness.check import hm
from crisisdesk.readiness.findings import LoadTable, ReadinessReport

WIDTH = 100
ROLE_COLUMN = 9  # at least; up to MAX_ROLE_COLUMN for long role ids
MAX_ROLE_COLUMN = 17
CELL = 6  # "12/7!" plus a space
TEMPLATES = Path(__file__).resolve().parent / "templates"


def render_json(report: ReadinessReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def table_for_width(report: ReadinessReport, width: int = WIDTH) -> LoadTable:
    """The finest load table whose columns fit ``width`` characters.

    A long exercise (8 h is 32 quarter-hours) falls back to 30-minute windows, then
    to coarser windows built by adding neighbouring columns.
    """
    columns = (width - role_column(report)) // CELL
    for table in sorted(report.loads, key=lambda t: t.window):
        if len(table.starts) <= columns:
            return table
    coarsest = max(report.loads, key=lambda t: t.window)
    factor = -(-len(coarsest.starts) // columns)
    return _merge(coarsest, factor)


def role_column(report: ReadinessReport) -> int:
    longest = max((len(role) for role in report.roles), default=0)
    return max(ROLE_COLUMN, min(MAX_ROLE_COLUMN, longest + 1))


def _merge(table: LoadTable, factor: int) -> LoadTable:
    from crisisdesk.readiness.findings import RoleLoad

    def fold(values: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(sum(values[i:i + factor]) for i in range(0, len(values), factor))

    return LoadTable(
        window=table.window * factor,
        starts=table.starts[::factor],
        rows=tuple(RoleLoad(row.role, fold(row.received), fold(row.due)) for row in table.rows),
    )


def render_text(report: ReadinessReport, width: int = WIDTH) -> str:
    settings = report.settings
    table = table_for_width(report, width)
    over = _over_cells(report, table)
    lines = [
        f"{report.title} ({report.package_id}): readiness check",
        "",
        f"Load per played role and {hm(table.window)} window: injects received / responses due",
    ]
    if table.window == settings.window:
        lines.append(
            f"(! more than {settings.max_injects_received} received or {settings.max_responses_due} due;"
            " · nothing)"
        )
    else:
        lines.append("(· nothing)")
    first = role_column(report)
    lines.append(("role".ljust(first) + "".join(hm(start).rjust(CELL - 1) + " " for start in table.starts)).rstrip())
    for row in table.rows:
        cells = []
        for index, (received, due) in enumerate(zip(row.received, row.due, strict=True)):
            text = "·" if not received and not due else f"{received}/{due}"
            mark = "!" if (row.role, index) in over else " "
            cells.append((text + mark).rjust(CELL))
        lines.append(row.role[: first - 1].ljust(first) + "".join(cells).rstrip())
    lines.append("")
    if report.boundaries:
        marks = ", ".join(f"{hm(at)} {name}" for at, name in report.boundaries)
        lines.extend(textwrap.wrap(f"Boundaries: {marks}", width, subsequent_indent="  "))
    pace = report.pace
    # With one inject on the timeline all of these are set; none of them without.
    if (pace.busiest_start is not None and pace.quiet_start is not None and pace.quiet_end is not None
            and pace.last_inject is not None):
        lines.extend([
            f"Pace: busiest 15 minutes from {hm(pace.busiest_start)} ({pace.busiest_count} injects)",
            f"      longest stretch without an inject {hm(pace.quiet_start)}–{hm(pace.quiet_end)}"
            f" ({hm(pace.quiet_end - pace.quiet_start)})",
            f"      last inject at {hm(pace.last_inject)} for a duration of {hm(pace.duration)}"
            f" ({hm(pace.duration - pace.last_inject)} after it)",
        ])
    else:
        lines.append("Pace: no inject on the timeline")
    alerts = report.alerts
    notes = [f for f in report.findings if not f.is_alert]
    for heading, group in (("Alerts", alerts), ("Notes", notes)):
        if not group:
            continue
        lines.extend(["", f"{heading} ({len(group)}):"])
        for finding in group:
            where = f"{finding.file}:{finding.line}" if finding.line else finding.file
            lines.extend(textwrap.wrap(
                f"{where}: {finding.message}", width, initial_indent="  ", subsequent_indent="      ",
            ))
    lines.append("")
    if report.exceeded:
        lines.append(f"{len(alerts)} alert{'s' if len(alerts) != 1 else ''}: the timeline exceeds a threshold.")
    else:
        lines.append("Ready: nothing exceeds a threshold.")
    return "\n".join(lines) + "\n"


def _over_cells(report: ReadinessReport, table: LoadTable) -> set[tuple[str, int]]:
    """(role, column) of the cells where an overload was found, for the table shown."""
    cells: set[tuple[str, int]] = set()
    if table.window != report.settings.window:
        return cells  # overloads are counted in the settings' windows, not the ones shown
    for finding in report.findings:
        if (finding.kind in ("overload_responses", "overload_injects") and finding.role is not None
                and finding.start is not None):
            cells.add((finding.role, finding.start // table.window))
    return cells


def render_html(report: ReadinessReport) -> str:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    environment.filters["hm"] = hm
    table = report.load(report.settings.window)
    return environment.get_template("check.html.j2").render(
        report=report, chart=load_chart(report, table), table=table,
        over=_over_cells(report, table),
    )


def load_chart(report: ReadinessReport, table: LoadTable) -> dict:
    """Geometry of the SVG load chart: one row per role, one cell per window, shaded by load.

    The shade follows the responses due against the threshold (full at the threshold);
    the boundaries are drawn as vertical lines across all rows.
    """
    left, top, cell_w, cell_h = 90, 28, 44, 24
    limit = max(1, report.settings.max_responses_due)
    cells = []
    for y, row in enumerate(table.rows):
        for x, (received, due) in enumerate(zip(row.received, row.due, strict=True)):
            share = min(due / limit, 1.5) / 1.5
            cells.append({
                "x": left + x * cell_w, "y": top + y * cell_h, "received": received, "due": due,
                "opacity": round(0.08 + 0.82 * share, 3),
                "over": due > report.settings.max_responses_due
                or received > report.settings.max_injects_received,
            })
    width = left + len(table.starts) * cell_w + 10
    height = top + len(table.rows) * cell_h + 10
    span = max(1, len(table.starts) * table.window)
    lines = [
        {"x": round(left + at / span * len(table.starts) * cell_w, 1), "label": name}
        for at, name in report.boundaries
    ]
    return {
        "left": left, "top": top, "cell_w": cell_w, "cell_h": cell_h, "width": width, "height": height,
        "cells": cells, "lines": lines,
        "roles": [{"y": top + i * cell_h, "role": row.role} for i, row in enumerate(table.rows)],
        "ticks": [{"x": left + i * cell_w, "label": hm(start)} for i, start in enumerate(table.starts)],
    }
