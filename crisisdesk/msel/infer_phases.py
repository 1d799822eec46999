"""The phases of an imported exercise: from the phases sheet, else found in the rows.

Without a phases sheet, a new phase starts where the rows' phase title changes or
where the scenario column jumps to another day (or back); each phase's scale is how
fast its scenario moments run against exercise time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crisisdesk.msel.import_result import ImportLog
from crisisdesk.msel.sheet_rows import Draft
from crisisdesk.package.model import Phase, scenario_time_at
from crisisdesk.timefmt import format_offset


def infer_phases(log: ImportLog, drafts: list[Draft], start: datetime) -> list[Phase]:
    groups: list[list[Draft]] = []
    for d in drafts:
        if not groups:
            groups.append([d])
            continue
        prev = groups[-1][-1]
        new_title = d.phase and d.phase != prev.phase
        new_day = (d.scenario is not None and prev.scenario is not None
                   and (d.scenario.date() != prev.scenario.date() or d.scenario < prev.scenario))
        if new_title or new_day:
            groups.append([d])
        else:
            groups[-1].append(d)
    phases: list[Phase] = []
    jumps = []
    for n, group in enumerate(groups):
        at = 0 if n == 0 else group[0].at
        if phases and at <= phases[-1].at:
            continue  # two groups starting together: keep the first
        points = [(d.at, d.scenario) for d in group if d.scenario is not None]
        scale = 1.0
        if len({a for a, _ in points}) >= 2:
            (a0, s0), (a1, s1) = points[0], points[-1]
            if a1 > a0 and s1 >= s0:
                scale = _round_scale((s1 - s0).total_seconds() / (a1 - a0))
        if points:
            a0, s0 = points[0]
            scenario = s0 - timedelta(seconds=(a0 - at) * scale)
        elif phases:
            scenario = scenario_time_at(phases, at)
        else:
            scenario = start
        scenario = scenario.replace(microsecond=0)
        title = group[0].phase or (f"Phase {n + 1} — {scenario:%d/%m}" if points else f"Phase {n + 1}")
        phases.append(Phase(at=at, title=title, scenario_time=scenario, scale=scale))
        if n:
            jumps.append(str(group[0].row.index + 1))
    if len(phases) > 1:
        scales = ", ".join(f"{p.scale:g}" for p in phases)
        log.note(log.t("summary.phases", n=len(phases), rows=", ".join(jumps), scales=scales))
    elif phases and phases[0].scale != 1:
        log.note(log.t("summary.scale", scale=phases[0].scale))
    for d in drafts:
        if d.scenario is not None and phases:
            expected = scenario_time_at(phases, d.at)
            if abs((expected - d.scenario).total_seconds()) > 15 * 60:
                log.problem(d.row.index, None, log.t(
                    "phase.off_clock", scenario=f"{d.scenario:%d/%m %H:%M}", expected=f"{expected:%d/%m %H:%M}",
                    at=format_offset(d.at, with_seconds=False)), warning=True)
    return phases or [Phase(at=0, title="Phase 1", scenario_time=start, scale=1.0)]


def _round_scale(scale: float) -> float:
    """15.02 -> 15 (times are written to the minute), 2.5 stays 2.5."""
    for step in (1, 0.5, 0.25):
        rounded = round(scale / step) * step
        if rounded > 0 and abs(rounded - scale) <= 0.03 * scale:
            return float(rounded)
    return round(scale, 2)
