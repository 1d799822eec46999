"""Place each inject row in time: STARTEX, then each row's delay since it.

A chronogramme gives times as delays (T+1:30), times of day, dates, or a date column
beside a time column; the scenario column, when there is one, gives the scenario
moment of each row. Parsing one cell is crisisdesk/msel/times.py; this decides what
the column means as a whole and where STARTEX is, and says so in the summary.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from crisisdesk.msel.cells import cell_text
from crisisdesk.msel.import_result import ImportLog, ImportOptions
from crisisdesk.msel.mapping import Mapping
from crisisdesk.msel.sheet_rows import Draft, SheetRow
from crisisdesk.msel.times import (
    BARE,
    CLOCK,
    DATETIME,
    OFFSET,
    TimeFormatError,
    When,
    bare_means_offset,
    first_clock,
    first_moment,
    parse_when,
    resolve_moments,
)
from crisisdesk.timefmt import format_offset


def place_rows(log: ImportLog, rows: list[SheetRow], col: dict[str, int], mapping: Mapping,
               options: ImportOptions) -> tuple[list[Draft], datetime]:
    """The rows placed in time (rows without a usable time reported and left out), and STARTEX.

    ``col`` loses its "scenario" column when that column only gave the dates of the time column.
    """
    time_whens = [_when(log, r, "time", col) for r in rows]
    scen_whens = [_when(log, r, "scenario", col) if "scenario" in col else None for r in rows]
    bare_offset = bare_means_offset(time_whens, mapping.time_mode)
    scen_bare_offset = bare_means_offset(scen_whens, "clock")
    if _dates_beside_times(time_whens, scen_whens, bare_offset):
        # "Date | Heure" columns: each row's date and time of day make one moment.
        time_whens = [_on_date(t, d) for t, d in zip(time_whens, scen_whens, strict=True)]
        scen_whens = [None] * len(scen_whens)
        col.pop("scenario")
        log.note(log.t("summary.date_beside_time"))
    start = mapping.start or options.start
    start_said = start is not None
    if start is None:
        start = first_moment(time_whens, bare_offset) or first_moment(scen_whens, scen_bare_offset)
    if start is None:
        clock = first_clock(time_whens, bare_offset)
        if clock is None:
            clock = first_clock(scen_whens, scen_bare_offset)
        base = options.today or date.today()
        if clock is not None:
            start = datetime.combine(base, time()) + timedelta(seconds=clock)
            log.note(log.t("summary.date_taken", date=f"{base:%d/%m/%Y}"))
        else:
            start = datetime.combine(base, time(hour=9))
            if "scenario" in col:
                log.note(log.t("summary.no_scenario_date", moment=f"{start:%d/%m/%Y %H:%M}"))
    elif not start_said:
        log.note(log.t("summary.startex_first_row", moment=f"{start:%d/%m/%Y %H:%M}"))
    moments = resolve_moments(time_whens, start, bare_offset)
    scen_moments = resolve_moments(scen_whens, start, scen_bare_offset) if "scenario" in col else []
    if not bare_offset and any(w is not None and w.kind in (BARE, CLOCK, DATETIME) for w in time_whens):
        log.note(log.t("summary.clock_times", moment=f"{start:%d/%m/%Y %H:%M}"))

    drafts: list[Draft] = []
    for n, row in enumerate(rows):
        moment = moments[n]
        if moment is None:
            continue  # reported by _when
        at = round((moment - start).total_seconds())
        if at < 0:
            log.problem(row.index, col["time"], log.t(
                "time.before_startex_by", value=cell_text(row.values["time"]),
                delay=format_offset(-at, with_seconds=False), moment=f"{start:%d/%m/%Y %H:%M}"))
            continue
        drafts.append(Draft(row=row, at=at, scenario=scen_moments[n] if scen_moments else None))
    return drafts, start


def _when(log: ImportLog, row: SheetRow, meaning: str, col: dict[str, int]) -> When | None:
    value = row.values.get(meaning)
    if not cell_text(value):
        if meaning == "time":
            log.problem(row.index, col[meaning], log.t("time.missing"))
        return None
    try:
        when = parse_when(value)
    except TimeFormatError as exc:
        log.problem(row.index, col[meaning], exc.text(log.language))
        return None
    if meaning == "time" and when.kind == OFFSET and when.seconds < 0:
        log.problem(row.index, col[meaning], log.t("time.before_startex", value=cell_text(value)))
        return None
    return when


def _dates_beside_times(times: list[When | None], dates: list[When | None], bare_offset: bool) -> bool:
    """True when the scenario column holds only dates (midnight) and the time column times of day."""
    given = [d for d in dates if d is not None]
    if not given or not all(d.kind == DATETIME and d.moment is not None and d.moment.time() == time()
                            for d in given):
        return False
    return any(t is not None and (t.kind == CLOCK or (t.kind == BARE and not bare_offset)) for t in times)


def _on_date(when: When | None, day: When | None) -> When | None:
    if when is None or day is None or when.kind not in (CLOCK, BARE) or when.day is not None:
        return when
    assert day.moment is not None  # only DATETIME days reach here (_dates_beside_times)
    return When(DATETIME, moment=day.moment + timedelta(seconds=when.seconds))
