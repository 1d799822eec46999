"""One function per report section, over the replayed state and its rows.

Each returns the data of one part of the report (key figures, chronology, roles,
findings, objectives, plan, event log, phases); ``figures.compute_figures`` assembles
them. Nothing here words anything: the templates and ``event_text`` do, in the
report's language.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable

from crisisdesk.package.model import Exercise, Objective, Package, Phase
from crisisdesk.report.figures import (
    DECISION_KINDS,
    EXPECTATION_STATUSES,
    UNPLAYED_STATUSES,
    ChronologyItem,
    CriterionResult,
    EntryRow,
    EventRow,
    FindingRow,
    ImprovementRow,
    IndicatorPath,
    IndicatorRow,
    InjectRow,
    ObjectiveSummary,
    PhaseBand,
    Ratio,
    RoleSummary,
    Synthesis,
    TimelineCounts,
    UnplayedGroup,
)
from crisisdesk.session.state import SessionState
from crisisdesk.tagged_findings import entry_key, imported_entry_key

FINDING_KINDS = ("strength", "improvement")


def median(values: Iterable[float]) -> float | None:
    values = list(values)
    return float(statistics.median(values)) if values else None


def expectation_counts(rows: Iterable[InjectRow], keep=lambda row, exp: True) -> dict[str, int]:
    """Count the expected responses of the fired injects in ``rows`` by status, each once."""
    counts = {status: 0 for status in EXPECTATION_STATUSES}
    for row in rows:
        if row.fired:
            for exp in row.expectations:
                if keep(row, exp):
                    counts[exp.status] += 1
    return counts


def checked_ratio(counts: dict[str, int]) -> Ratio:
    """Met over the responses an observer checked: an unchecked one is not evaluated, not missed."""
    return Ratio(counts["met"], counts["met"] + counts["partial"] + counts["missed"])


# -- key figures and timeline ---------------------------------------------------------------


def on_time_ratio(rows: list[InjectRow], played: float) -> Ratio:
    """Scripted injects fired on time over those due during play (an animation figure)."""
    # One the exercise ended before (or, in a draft, one still to come) is no miss.
    scheduled = [r for r in rows if not r.adhoc and not r.manual and r.contingency_for is None
                 and (r.fired or r.due_at <= played)]
    return Ratio(sum(1 for r in scheduled if r.status == "on_time"), len(scheduled))


def timeline_counts(rows: list[InjectRow]) -> TimelineCounts:
    by_status: dict[str, int] = defaultdict(int)
    for row in rows:
        by_status[row.status] += 1
    return TimelineCounts(
        fired=sum(1 for r in rows if r.fired), on_time=by_status["on_time"], late=by_status["late"],
        early=by_status["early"], skipped=by_status["skipped"], adhoc=by_status["adhoc"],
        unused=by_status["unused"], not_fired=by_status["not_fired"], not_reached=by_status["not_reached"],
        pending=by_status["pending"], due=by_status["due"],
    )


def chronology(rows: list[InjectRow], current_rows: tuple[EntryRow, ...]) -> tuple[ChronologyItem, ...]:
    """Injects and decisions interleaved in order of play."""
    items = [ChronologyItem(r.sort_time, inject=r) for r in rows if r.status not in UNPLAYED_STATUSES]
    for row in current_rows:
        if row.kind in DECISION_KINDS and row.first_elapsed is not None and row.stage == "play":
            items.append(ChronologyItem(row.first_elapsed, entry=row))
    items.sort(key=lambda item: (item.elapsed, 0 if item.inject else 1))
    return tuple(items)


def unplayed_by_phase(rows: list[InjectRow], phases: tuple[Phase, ...]) -> tuple[UnplayedGroup, ...]:
    """Group the unplayed injects by the phase their effective due time falls in."""
    groups: list[UnplayedGroup] = []
    starts = [p.at for p in phases]
    for i, phase in enumerate(phases):
        end = starts[i + 1] if i + 1 < len(starts) else None

        def in_phase(row: InjectRow, i=i, end=end) -> bool:
            return (i == 0 or row.due_at >= starts[i]) and (end is None or row.due_at < end)

        injects = tuple(r for r in rows if r.status in ("not_reached", "pending") and in_phase(r))
        reserves = tuple(r for r in rows if r.status == "unused" and in_phase(r))
        if injects or reserves:
            groups.append(UnplayedGroup(phase.title, float(phase.at), injects, reserves))
    return tuple(groups)


def phase_bands(phases: tuple[Phase, ...], rows: list[InjectRow], *, played: float, draft: bool,
                duration: int) -> tuple[float, tuple[PhaseBand, ...]]:
    """Return the time axis' right end and the phases as played on it."""
    fired_times = [r.fired_elapsed for r in rows if r.fired_elapsed is not None]
    if draft:
        # Still running: the axis shows the whole plan, with what is still to come.
        axis_end = max([float(duration), played] + fired_times)
    else:
        # Ended (maybe early): the axis covers what was played, not the unplayed rest.
        axis_end = max([played] + fired_times)
        phases = tuple(p for i, p in enumerate(phases) if i == 0 or p.at < axis_end)
    bands = []
    for i, phase in enumerate(phases):
        end = phases[i + 1].at if i + 1 < len(phases) else axis_end
        bands.append(PhaseBand(phase.title, float(phase.at), float(max(end, phase.at)), phase.scenario_time))
    return axis_end, tuple(bands)


# -- roles ---------------------------------------------------------------------------------


def role_summaries(package: Package, rows: list[InjectRow], current_rows: tuple[EntryRow, ...],
                   response_pairs: list[tuple[str, float]]) -> tuple[RoleSummary, ...]:
    """What each played role received, logged (during play), and how fast it answered."""
    entries_by_role: dict[str | None, list[EntryRow]] = defaultdict(list)
    for row in current_rows:
        entries_by_role[row.role].append(row)
    summaries = []
    for role in package.roles:
        if not role.played:
            continue
        role_entries = entries_by_role.get(role.id, [])
        delays = tuple(d for rid, d in response_pairs if rid == role.id)
        summaries.append(RoleSummary(
            role=role,
            injects_received=sum(1 for r in rows if r.fired and role.id in r.to),
            entries=len(role_entries),
            decisions=sum(1 for r in role_entries if r.kind in DECISION_KINDS),
            answered=len(delays),
            response_times=delays,
            response_median=median(delays),
            response_max=max(delays) if delays else None,
            expectations=expectation_counts(rows, lambda _row, exp, rid=role.id: exp.role == rid),
        ))
    return tuple(summaries)


# -- findings and objectives ------------------------------------------------------------------


def findings(state: SessionState, current_rows: tuple[EntryRow, ...], objective_ids: set[str],
             plan: tuple[ImprovementRow, ...] = ()) -> tuple[FindingRow, ...]:
    """Every finding once: the hot wash's, then the tagged entries the hot wash did not import.

    A finding imported from a tagged entry stands for that entry: it is credited to the
    entry's author (the observer who saw it), and the entry is not listed again.
    """
    by_key: dict[tuple[str, str], EntryRow] = {}
    for row in current_rows:
        for kind in FINDING_KINDS:
            if kind in row.tags:
                by_key[entry_key(_first_id(state, row), kind)] = row
    actions: dict[int, list[int]] = defaultdict(list)
    for line in plan:
        if line.finding_id is not None:
            actions[line.finding_id].append(line.number)
    imported: set[tuple[str, str]] = set()
    result: list[FindingRow] = []
    for finding in state.findings:
        key = imported_entry_key(finding.event_id or "")
        source = by_key.get(key) if key else None
        common = dict(kind=finding.kind, text=finding.text, number=finding.id, reference=finding.reference,
                      cause=finding.cause, recommendation=finding.recommendation,
                      actions=tuple(actions.get(finding.id, ())), edited_by=finding.edited_by or "")
        if source is not None:
            imported.add(key)
            result.append(FindingRow(objective_ids=_objectives_of(finding.objective_id, source, objective_ids),
                                     observer=source.observer, source="imported", role=source.role or "",
                                     entry_id=source.entry_id, **common))
        else:
            result.append(FindingRow(objective_ids=(finding.objective_id,) if finding.objective_id else (),
                                     observer=finding.observer or "", source="finding", **common))
    for key, row in by_key.items():
        if key not in imported:
            result.append(FindingRow(kind=key[1], text=row.text, objective_ids=row.objective_ids,
                                     observer=row.observer, source="entry", role=row.role or "",
                                     entry_id=row.entry_id))
    return tuple(result)


def _first_id(state: SessionState, row: EntryRow) -> str:
    entry = state.entry(row.entry_id)
    while entry.supersedes:
        try:
            entry = state.entry(entry.supersedes)
        except KeyError:
            break
    return entry.entry_id


def _objectives_of(chosen: str | None, row: EntryRow, objective_ids: set[str]) -> tuple[str, ...]:
    tags = tuple(row.objective_ids)
    if chosen and chosen in objective_ids and chosen not in tags:
        tags = (chosen, *tags)
    return tags


def criterion_results(objective: Objective, rows: list[InjectRow], current_rows: tuple[EntryRow, ...],
                      all_findings: tuple[FindingRow, ...]) -> tuple[CriterionResult, ...]:
    """Each criterion of ``objective`` with the observed result of the expected responses linked to it.

    Counted over the responses whose ``criterion`` names it, whatever objectives their
    inject lists: the package's link is the evidence. A finding is tied to a criterion
    when it was written on an answer to one of its responses: a tagged entry (or the
    hot wash finding imported from one) of that response's role, on that inject.
    """
    entries = {row.entry_id: row for row in current_rows}
    results = []
    for number, text in enumerate(objective.criteria, start=1):
        key = f"{objective.id}.{number}"
        counts = expectation_counts(rows, lambda _row, exp, k=key: exp.criterion == k)
        linked = [(row, exp) for row in rows for exp in row.expectations if exp.criterion == key]
        answered_on = {(row.inject_id, exp.role) for row, exp in linked if row.fired}
        tied = []
        for finding in all_findings:
            entry = entries.get(finding.entry_id) if finding.entry_id else None
            if entry is not None and (entry.inject_id, entry.role) in answered_on:
                tied.append(finding)
        results.append(CriterionResult(
            key=key, number=number, text=text, linked=len(linked), counts=counts,
            notes=tuple(exp for row, exp in linked if row.fired and exp.note.strip()),
            findings=tuple(tied),
        ))
    return tuple(results)


def objective_summaries(exercise: Exercise, state: SessionState, rows: list[InjectRow],
                        current_rows: tuple[EntryRow, ...],
                        all_findings: tuple[FindingRow, ...]) -> tuple[ObjectiveSummary, ...]:
    """Each objective with its latest rating (the replay keeps it) and the evidence behind it."""
    latest_rating = {r.objective_id: r for r in state.ratings}
    summaries = []
    for objective in exercise.objectives:
        oid = objective.id
        rating = latest_rating.get(oid)
        summaries.append(ObjectiveSummary(
            objective=objective,
            rating=rating.rating if rating is not None else None,
            justification=(rating.justification if rating is not None else "") or "",
            rated_by=(rating.observer if rating is not None else "") or "",
            observations=tuple(r for r in current_rows if oid in r.objective_ids),
            strengths=tuple(f for f in all_findings if f.kind == "strength" and oid in f.objective_ids),
            improvements=tuple(f for f in all_findings if f.kind == "improvement" and oid in f.objective_ids),
            inject_ids=tuple(r.inject_id for r in rows if oid in r.objectives),
            expectations=expectation_counts(rows, lambda row, _exp, o=oid: o in row.objectives),
            criteria=criterion_results(objective, rows, current_rows, all_findings),
        ))
    return tuple(summaries)


def objectives_total(rows: list[InjectRow], objective_ids: set[str]) -> dict[str, int]:
    """The expected responses tied to at least one objective, each counted once.

    An inject serving two objectives is shown under both; summing the per-objective
    counts would count its responses twice.
    """
    return expectation_counts(rows, lambda row, _exp: any(o in objective_ids for o in row.objectives))


# -- plan, event log, clock ------------------------------------------------------------------


def improvement_plan(state: SessionState, exercise: Exercise, role_name) -> tuple[ImprovementRow, ...]:
    objectives_by_id = {o.id: o for o in exercise.objectives}
    finding_text = {f.id: f.text for f in state.findings}
    plan = []
    for item in state.improvements:
        objective = objectives_by_id.get(item.objective_id or "")
        plan.append(ImprovementRow(
            number=item.id,  # the number the app shows
            action=item.action,
            owner_role=item.owner_role or "",
            owner_name=role_name(item.owner_role),
            priority=item.priority or "",
            due_date=item.due_date or "",  # ISO date text
            objective_id=item.objective_id,
            objective_title=objective.title if objective else "",
            domain=item.domain, organisation=item.organisation, contact=item.contact,
            start_date=item.start_date or "", status=item.status, finding_id=item.finding_id,
            finding_text=finding_text.get(item.finding_id, "") if item.finding_id is not None else "",
            observer=item.observer or "", edited_by=item.edited_by or "",
        ))
    return tuple(plan)


# -- synthesis and annexes -------------------------------------------------------------------

_RATING_ORDER = {"U": 0, "M": 1, "S": 2, "P": 3, None: 4}
SYNTHESIS_ITEMS = 3


def _lines(text: str) -> tuple[str, ...]:
    """A written field as items: one per line, list marks dropped."""
    return tuple(line.strip().lstrip("-•*").strip() for line in text.splitlines() if line.strip())


def synthesis(retex, all_findings: tuple[FindingRow, ...], plan: tuple[ImprovementRow, ...],
              objectives: tuple[ObjectiveSummary, ...]) -> Synthesis:
    """The synthesis page: the RETEX team's own words where written, a draft from the evidence elsewhere.

    Drafted: the three strengths of the best-rated objectives, the three areas for
    improvement of the worst-rated ones (those a plan action answers first), the
    recommendations written on findings then the high-priority plan actions.
    """
    rating_of = {o.objective.id: o.rating for o in objectives}

    def worst(f: FindingRow) -> int:  # U 0 … P 3; not rated or no objective: 4
        return min([_RATING_ORDER.get(rating_of.get(oid), 4) for oid in f.objective_ids] or [4])

    def by_team(f: FindingRow) -> int:  # the hot wash's own findings before tagged entries
        return 0 if f.source in ("finding", "imported") else 1

    written = frozenset(k for k in ("context", "strengths", "improvements", "recommendations", "decisions")
                        if retex is not None and getattr(retex, k, "").strip())
    # Strengths of the best-rated objectives first; areas for improvement of the worst-rated,
    # those with a recommendation or a plan action first.
    strengths = sorted((f for f in all_findings if f.kind == "strength"),
                       key=lambda f: (by_team(f), -(worst(f) if worst(f) < 4 else 1.5)))
    improvements = sorted((f for f in all_findings if f.kind == "improvement"),
                          key=lambda f: (by_team(f), not (f.recommendation or f.actions), worst(f)))
    recommendations = [f.recommendation for f in improvements if f.recommendation]
    recommendations += [line.action for line in plan if line.priority == "high"]
    return Synthesis(
        context=retex.context if "context" in written else "",
        strengths=_lines(retex.strengths) if "strengths" in written else tuple(strengths[:SYNTHESIS_ITEMS]),
        improvements=(_lines(retex.improvements) if "improvements" in written
                      else tuple(improvements[:SYNTHESIS_ITEMS])),
        recommendations=(_lines(retex.recommendations) if "recommendations" in written
                         else tuple(dict.fromkeys(recommendations))[:SYNTHESIS_ITEMS + 2]),
        decisions=_lines(retex.decisions) if "decisions" in written else (),
        written=written,
    )


def indicator_rows(state: SessionState, exercise: Exercise) -> tuple[IndicatorRow, ...]:
    indicators = {i.id: i for i in exercise.indicators}
    rows = []
    for change in state.indicator_history:
        indicator = indicators.get(change.indicator_id)
        rows.append(IndicatorRow(
            indicator_id=change.indicator_id, label=indicator.label if indicator else change.indicator_id,
            unit=(indicator.unit or "") if indicator else "", value=change.value, source=change.source,
            real_time=change.real_time, elapsed=change.elapsed))
    return tuple(rows)


def indicator_paths(exercise: Exercise, changes: tuple[IndicatorRow, ...]) -> tuple[IndicatorPath, ...]:
    """Each indicator of the exercise with its changes in order; then any the package does not declare."""
    by_id: dict[str, list[IndicatorRow]] = defaultdict(list)
    for change in changes:
        by_id[change.indicator_id].append(change)
    paths = [IndicatorPath(i.id, i.label, i.unit or "", i.initial, tuple(by_id.pop(i.id, ())))
             for i in exercise.indicators]
    for indicator_id, moves in by_id.items():
        paths.append(IndicatorPath(indicator_id, moves[0].label, moves[0].unit, None, tuple(moves)))
    return tuple(paths)


def event_rows(state: SessionState) -> tuple[EventRow, ...]:
    return tuple(EventRow(seq=ev.seq, kind=ev.kind, real_time=ev.real_time, elapsed=ev.elapsed,
                          scenario_time=ev.scenario_time, payload=dict(ev.payload or {}))
                 for ev in sorted(state.events, key=lambda e: e.seq))


def pauses(events: tuple[EventRow, ...], *, draft: bool, generated_at: float) -> tuple[int, float]:
    """Number of pauses and the wall-clock seconds they lasted."""
    count, seconds, started = 0, 0.0, None
    for ev in events:
        if ev.kind == "pause":
            count += 1
            started = ev.real_time
        elif ev.kind in ("resume", "end") and started is not None:
            seconds += ev.real_time - started
            started = None
    if started is not None and draft:
        seconds += max(0.0, generated_at - started)
    return count, seconds
