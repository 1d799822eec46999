"""Read exercise.yaml's ``phases``: when each starts, and the scenario clock it runs."""

from __future__ import annotations

from datetime import timedelta

from crisisdesk.package.cross_refs import Known
from crisisdesk.package.fields import Record, Records, hm
from crisisdesk.package.model import Phase

# Scenario seconds per real second: a tabletop jumps days in hours (the Paris exercise
# plays at up to 12); ten thousand is a week in a minute.
MAX_SCALE = 10_000


def read_phases(exercise: Record, known: Known) -> tuple[Phase, ...] | None:
    items = exercise.sequence("phases")
    if items is None:
        return None
    if not items:
        exercise.error("phases", 'needs at least one phase, starting at "0:00"')
        return None
    phases: list[Phase] = []
    records: list[Record] = []  # the record each phase was read from
    previous: tuple[int, int] | None = None  # (index, at) of the last readable phase
    items_read = Records(exercise.report, items, "phase ",
                         required=("at", "title", "scenario_time"), optional=("scale",))
    for index, rec in items_read:
        at = rec.time("at")
        title = rec.text("title", one_line=True)
        scenario_time = rec.local_datetime("scenario_time")
        scale = rec.number("scale", default=1.0)
        if scale is not None and not 0 < scale <= MAX_SCALE:
            rec.error("scale", f"{scale:g} must be more than 0 and at most {MAX_SCALE:,} "
                               "(scenario seconds per real second)")
            scale = None
        if at is not None:
            if index == 1 and at != 0:
                rec.error("at", f'the first phase starts at "0:00", not {hm(at)}')
            elif previous is not None and at <= previous[1]:
                rec.error(
                    "at",
                    f"{hm(at)} is not after phase {previous[0]} ({hm(previous[1])}); "
                    "list phases in the order they are played",
                )
            elif known.duration is not None and at >= known.duration:
                rec.error("at", f"{hm(at)} is not before the end of the exercise (duration {hm(known.duration)})")
            previous = (index, at)
        if at is None or title is None or scenario_time is None or scale is None:
            items_read.broken()
            continue
        if phases and not _in_calendar(records[-1], phases[-1], at):
            items_read.broken()
            continue
        if phases:
            last = phases[-1]
            if scenario_time < last.scenario_time + timedelta(seconds=(at - last.at) * last.scale):
                rec.warning(
                    "scenario_time",
                    f"{scenario_time.isoformat(sep=' ')} is earlier than the scenario clock at the end "
                    f"of phase {len(phases)}: the scenario clock goes back",
                )
        phases.append(Phase(at=at, title=title.strip(), scenario_time=scenario_time, scale=float(scale)))
        records.append(rec)
    complete = items_read.complete
    if complete and phases and known.duration is not None and not _in_calendar(
            records[-1], phases[-1], known.duration):
        complete = False
    return tuple(phases) if complete else None


def _in_calendar(rec: Record, phase: Phase, end: int) -> bool:
    """Check the scenario clock of ``phase`` stays a calendar date until exercise time ``end``."""
    try:
        phase.scenario_time + timedelta(seconds=(end - phase.at) * phase.scale)
    except OverflowError:
        rec.error("scenario_time", f"{phase.scenario_time.isoformat(sep=' ')} at x{phase.scale:g} runs past "
                                   f"the year 9999 before {hm(end)}, where the phase ends")
        return False
    return True
