"""The report's figures: pure computation from a session's state and its package.

Everything the after-action report shows is computed here, into frozen dataclasses;
the templates only lay them out. The three key figures are defined as follows:

- **on time**: a scripted inject (not ad hoc, not manual/reserve, not a contingency)
  counts when it was fired within ``ON_TIME_TOLERANCE`` seconds (early or late) of its
  *effective* due time: the package's planned time as the controller moved it (delay,
  edit of ``at``, timeline shift, phase jump). An inject moved to T+0:04 and fired at
  T+0:05:35 is late by 1:35, whatever the package said. The denominator is every scripted inject that was
  due during play: fired (whenever), or due before ENDEX (before the report, for a
  draft) and then skipped or never fired. Injects whose time never came because the
  exercise ended first are "not reached" (``not_reached``): counted apart, never as
  misses; in a draft, injects still to come (``pending``) are left out the same way.
- **expected responses met**: over the expected responses of every fired inject,
  the latest check of each counts (met / partial / missed, or not checked).
- **median response time**: for each fired inject and each played role it was sent
  to, the exercise time (pauses excluded) from the firing to the first main-courante
  entry of that role linked to that inject (observers' own ``observation`` entries do
  not count as a role's answer); the median of those delays.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from crisisdesk.clock import ClockState
from crisisdesk.package.model import Exercise, Inject, Objective, Package, Phase, Role
from crisisdesk.session.state import InjectState, InjectStatus, SessionState
from crisisdesk.timefmt import format_offset
from crisisdesk.vocabulary import CHECK_STATUSES, EntryKind

ON_TIME_TOLERANCE = 60  # seconds either side of the planned time
EXPECTATION_STATUSES = (*CHECK_STATUSES, "unchecked")
NOT_AN_ANSWER_KINDS = frozenset({EntryKind.OBSERVATION.value})
DECISION_KINDS = frozenset({EntryKind.DECISION.value})


@dataclass(frozen=True)
class Ratio:
    """A count out of a total, with its rounded percentage (None when the total is 0)."""

    count: int
    total: int

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return int(round(100 * self.count / self.total))


class EntryRow(NamedTuple):
    """One revision of a main-courante entry, as the report shows it.

    A NamedTuple rather than a frozen dataclass: a session can hold 50,000 entries
    and a tuple is built several times faster, immutable all the same.
    """

    entry_id: str
    revision: int
    observer: str
    role: str | None
    role_name: str
    kind: str
    text: str
    inject_id: str | None
    tags: tuple[str, ...]
    objective_ids: tuple[str, ...]
    real_time: float
    elapsed: float | None
    scenario_time: datetime | None
    stage: str
    is_correction: bool  # this revision corrects an earlier one
    superseded: bool  # a later revision replaced this one
    first_time: float  # real time of the first revision of this entry
    first_elapsed: float | None  # exercise time of the first revision (None before STARTEX)


@dataclass(frozen=True)
class ExpectationRow:
    """One expected response of a fired inject, with its latest check and the role's first answer."""

    inject_id: str
    index: int
    role: str
    role_name: str
    action: str
    within: int
    status: str  # one of EXPECTATION_STATUSES
    observer: str
    note: str
    checked_at: float | None  # exercise seconds of the latest check
    response_time: float | None  # exercise seconds from firing to the role's first answer


@dataclass(frozen=True)
class InjectRow:
    """One inject of the timeline: planned against actual, with what was expected of it."""

    inject_id: str
    title: str
    sender: str
    channel: str
    to: tuple[str, ...]
    to_names: tuple[str, ...]
    to_all: bool
    body: str
    planned_at: int | None  # None for ad-hoc injects
    planned_scenario: datetime | None
    due_at: int
    fired_elapsed: float | None
    fired_at: float | None
    fired_scenario: datetime | None
    gap: float | None  # fired minus effective due time, seconds (None unless fired and scripted)
    status: str  # on_time, late, early, fired_manual, skipped, adhoc, unused, not_fired, not_reached, pending, due
    manual: bool
    contingency_for: str | None
    adhoc: bool
    delayed: bool
    edited: bool
    objectives: tuple[str, ...]
    expectations: tuple[ExpectationRow, ...]
    decisions: tuple[EntryRow, ...]  # decision entries linked to this inject
    # "delivered" / "not_delivered" when the animation team recorded deliveries in this
    # session (room server's "livré"), None otherwise; and who delivered it.
    delivery: str | None = None
    delivered_by: str | None = None

    @property
    def fired(self) -> bool:
        return self.fired_elapsed is not None

    @property
    def rescheduled(self) -> bool:
        """True when the controller moved a scripted inject away from its planned time."""
        return self.planned_at is not None and self.due_at != self.planned_at

    @property
    def sort_time(self) -> float:
        if self.fired_elapsed is not None:
            return self.fired_elapsed
        return float(self.due_at)  # where the controller last put it


@dataclass(frozen=True)
class ChronologyItem:
    """A row of the chronology table: an inject or a decision, in order of play."""

    elapsed: float
    inject: InjectRow | None = None
    entry: EntryRow | None = None


@dataclass(frozen=True)
class TimelineCounts:
    fired: int
    on_time: int
    late: int
    early: int
    skipped: int
    adhoc: int
    unused: int
    not_fired: int  # due before ENDEX (or before now, in a draft) and never fired
    not_reached: int  # ended before their time came: not played, not a miss
    pending: int  # draft: still to come (not counted in the on-time figure)
    due: int  # draft: due and not fired yet


@dataclass(frozen=True)
class RoleSummary:
    """What one played role received, logged, and how fast it answered."""

    role: Role
    injects_received: int
    entries: int
    decisions: int
    answered: int
    response_times: tuple[float, ...]
    response_median: float | None
    response_max: float | None
    expectations: dict[str, int]  # status -> count

    @property
    def expectations_total(self) -> int:
        return sum(self.expectations.values())


@dataclass(frozen=True)
class FindingRow:
    """A strength or area for improvement: from the hot wash or an entry tagged as such."""

    kind: str  # "strength" | "improvement"
    text: str
    objective_id: str | None
    observer: str
    source: str  # "finding" (hot wash) | "entry" (tagged main-courante entry)
    role: str = ""  # role id of a tagged entry


@dataclass(frozen=True)
class ObjectiveSummary:
    """One objective: its rating and the evidence behind it."""

    objective: Objective
    rating: str | None
    justification: str
    rated_by: str
    observations: tuple[EntryRow, ...]
    strengths: tuple[FindingRow, ...]
    improvements: tuple[FindingRow, ...]
    inject_ids: tuple[str, ...]
    expectations: dict[str, int]


@dataclass(frozen=True)
class ImprovementRow:
    """One line of the improvement plan (plan d'actions)."""

    number: int
    action: str
    owner_role: str
    owner_name: str
    priority: str
    due_date: str  # ISO date text as stored ("2027-02-25"); the template formats it in the report's language
    objective_id: str | None
    objective_title: str


@dataclass(frozen=True)
class EventRow:
    """One event of the controller's log."""

    seq: int
    kind: str
    real_time: float
    elapsed: float | None
    scenario_time: datetime | None
    details: str


@dataclass(frozen=True)
class UnplayedGroup:
    """The injects of one phase that were not played, listed compactly (ids only).

    In an ended session: the scripted injects whose time never came (``not_reached``)
    and the reserves nobody used; in a draft: the injects still to come and the
    reserves not used so far. They are no part of what happened, so the report lists
    them in one short table instead of one detailed row (and one annex text) each.
    """

    phase_title: str
    start: float
    injects: tuple[InjectRow, ...]  # not_reached (ended) or pending (draft)
    reserves: tuple[InjectRow, ...]  # unused reserves and contingencies


UNPLAYED_STATUSES = frozenset({"not_reached", "pending", "unused"})


@dataclass(frozen=True)
class PhaseBand:
    """A phase as played: its effective start and end in exercise time."""

    title: str
    start: float
    end: float
    scenario_time: datetime


@dataclass(frozen=True)
class ReportFigures:
    """Everything the after-action report shows, computed once."""

    exercise: Exercise
    language: str
    draft: bool
    generated_at: float
    started_at: float | None
    ended_at: float | None
    played: float  # exercise seconds played (pauses excluded)
    planned_duration: int
    pauses: int
    paused_seconds: float
    downtime_seconds: float
    axis_end: float  # right end of the time axis (seconds)
    phases: tuple[PhaseBand, ...]
    played_roles: tuple[Role, ...]
    simulated_roles: tuple[Role, ...]
    all_roles: tuple[Role, ...]
    observers: tuple[str, ...]
    on_time: Ratio
    expected_met: Ratio
    expected_counts: dict[str, int]
    median_response: float | None
    response_count: int
    counts: TimelineCounts
    injects: tuple[InjectRow, ...]
    chronology: tuple[ChronologyItem, ...]  # what was played (and what is due, in a draft)
    unplayed: tuple[UnplayedGroup, ...]  # what was not, by phase
    roles: tuple[RoleSummary, ...]
    objectives: tuple[ObjectiveSummary, ...]
    general_findings: tuple[FindingRow, ...]
    hotwash_entries: tuple[EntryRow, ...]
    improvements: tuple[ImprovementRow, ...]
    entry_history: tuple[EntryRow, ...]  # every revision, in time order
    entries: tuple[EntryRow, ...]  # current revisions, in time order
    events: tuple[EventRow, ...]

    def role_name(self, role_id: str | None) -> str:
        for role in self.all_roles:
            if role.id == role_id:
                return role.name
        return role_id or ""


# -- small helpers -------------------------------------------------------------------


def _median(values: Iterable[float]) -> float | None:
    values = list(values)
    return float(statistics.median(values)) if values else None


def _objective_tags(tags: tuple[str, ...], objective_ids: set[str]) -> tuple[str, ...]:
    if not tags:
        return ()
    return tuple(t for t in tags if t in objective_ids)


def _inject_status(row_fired: float | None, inject_state: InjectState, planned_at: int | None, played: float,
                   draft: bool, adhoc: bool, manual: bool) -> tuple[str, float | None]:
    """Return (status, gap) of an inject against its effective due time."""
    status = inject_state.status
    if row_fired is not None:
        if adhoc or planned_at is None:
            return "adhoc", None
        # Against the time the controller last set (delay, edit, shift, jump), not the
        # package's: a rescheduled inject fired as rescheduled is on time.
        gap = row_fired - inject_state.due_at
        if manual:  # reserve and contingency injects go when the controller judges it right
            return "fired_manual", gap
        if abs(gap) <= ON_TIME_TOLERANCE:
            return "on_time", gap
        return ("late" if gap > 0 else "early"), gap
    if status is InjectStatus.SKIPPED:
        return "skipped", None
    if manual:
        return "unused", None
    reached = inject_state.overdue or inject_state.due_at <= played
    if draft:
        return ("due" if status is InjectStatus.DUE or reached else "pending"), None
    return ("not_fired" if reached else "not_reached"), None


def _unplayed_by_phase(rows: list[InjectRow], phases: tuple[Phase, ...]) -> tuple[UnplayedGroup, ...]:
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


def _counts_template() -> dict[str, int]:
    return {status: 0 for status in EXPECTATION_STATUSES}


# -- the computation -----------------------------------------------------------------


def compute_figures(
    state: SessionState,
    package: Package,
    *,
    generated_at: float,
) -> ReportFigures:
    """Compute every figure of the report from ``state`` (a SessionState) and ``package``.

    ``generated_at`` is the wall time of the report: for a session still running, the
    exercise time played is taken at that moment (a draft).
    """
    exercise = package.exercise
    played = state.clock.elapsed(generated_at)
    phases: tuple[Phase, ...] = state.clock.phases
    draft = state.clock_state is not ClockState.ENDED
    roles_by_id = {role.id: role for role in package.roles}
    objective_ids = {o.id for o in exercise.objectives}

    def role_name(role_id: str | None) -> str:
        role = roles_by_id.get(role_id or "")
        return role.name if role else (role_id or "")

    # Entries: every revision, with correction links resolved.
    history = sorted(state.entry_history, key=lambda e: (e.real_time, e.revision))
    current_keys = {(e.entry_id, e.revision) for e in state.entries}
    first_time: dict[str, float] = {}
    first_elapsed: dict[str, float | None] = {}
    root_of: dict[str, str] = {}
    for entry in history:
        root = root_of.get(entry.supersedes, entry.supersedes) if entry.supersedes else entry.entry_id
        root_of[entry.entry_id] = root
        first_time.setdefault(root, entry.real_time)
        first_elapsed.setdefault(root, entry.elapsed)

    def entry_row(entry) -> EntryRow:
        return EntryRow(
            entry_id=entry.entry_id,
            revision=entry.revision,
            observer=entry.observer,
            role=entry.role,
            role_name=role_name(entry.role),
            kind=entry.kind,
            text=entry.text,
            inject_id=entry.inject_id,
            tags=tuple(entry.tags),
            objective_ids=_objective_tags(tuple(entry.tags), objective_ids),
            real_time=entry.real_time,
            elapsed=entry.elapsed,
            scenario_time=entry.scenario_time,
            stage=entry.stage,
            is_correction=bool(entry.supersedes),
            superseded=(entry.entry_id, entry.revision) not in current_keys,
            first_time=first_time[root_of[entry.entry_id]],
            first_elapsed=first_elapsed[root_of[entry.entry_id]],
        )

    history_rows = tuple(entry_row(e) for e in history)
    current_rows = tuple(
        sorted((r for r in history_rows if not r.superseded), key=lambda r: (r.first_time, r.real_time))
    )

    # First answer of each (inject, role): the earliest first-revision time among the
    # role's current entries linked to the inject, converted to exercise time.
    first_answer: dict[tuple[str, str], EntryRow] = {}
    decisions_by_inject: dict[str, list[EntryRow]] = defaultdict(list)
    for row in current_rows:
        if row.inject_id and row.kind in DECISION_KINDS:
            decisions_by_inject[row.inject_id].append(row)
        if not row.inject_id or not row.role or row.kind in NOT_AN_ANSWER_KINDS:
            continue
        key = (row.inject_id, row.role)
        if key not in first_answer or row.first_time < first_answer[key].first_time:
            first_answer[key] = row

    # Latest check per expectation.
    latest_check: dict[tuple[str, int], object] = {}
    for check in sorted(state.checks, key=lambda c: c.real_time):
        latest_check[(check.inject_id, check.index)] = check

    played_role_ids = {r.id for r in package.roles if r.played}
    inject_rows: list[InjectRow] = []
    response_pairs: list[tuple[str, float]] = []  # (role, seconds)
    deliveries_tracked = any(s.delivered_at is not None for s in state.injects)
    for ist in state.injects:
        inject: Inject = ist.inject
        adhoc = ist.adhoc
        planned_at = None if adhoc else ist.planned_at
        fired_elapsed = ist.fired_elapsed if ist.status is InjectStatus.FIRED else None
        status, gap = _inject_status(
            fired_elapsed, ist, planned_at, played, draft, adhoc,
            manual=inject.manual or inject.contingency_for is not None,
        )
        answers: dict[str, float] = {}
        if fired_elapsed is not None:
            # A role answers an inject it received, or one it was expected to act on.
            responders = dict.fromkeys([*inject.to, *(e.role for e in inject.expected)])
            for role_id in responders:
                if role_id not in played_role_ids:
                    continue
                answer = first_answer.get((inject.id, role_id))
                if answer is None:
                    continue
                answered_at = answer.first_elapsed  # a correction keeps the first answer's time
                if answered_at is None:
                    continue
                delay = max(0.0, answered_at - fired_elapsed)
                answers[role_id] = delay
                response_pairs.append((role_id, delay))
        expectations = []
        for index, expected in enumerate(inject.expected):
            check = latest_check.get((inject.id, index))
            expectations.append(
                ExpectationRow(
                    inject_id=inject.id,
                    index=index,
                    role=expected.role,
                    role_name=role_name(expected.role),
                    action=expected.action,
                    within=expected.within,
                    status=check.status if check is not None else "unchecked",
                    observer=check.observer if check is not None else "",
                    note=(check.note or "") if check is not None else "",
                    checked_at=check.elapsed if check is not None else None,
                    response_time=answers.get(expected.role),
                )
            )
        inject_rows.append(
            InjectRow(
                inject_id=inject.id,
                title=inject.title,
                sender=inject.sender,
                channel=inject.channel,
                to=tuple(inject.to),
                to_names=tuple(role_name(r) for r in inject.to),
                to_all=bool(inject.to_all),
                body=inject.body,
                planned_at=planned_at,
                planned_scenario=package.scenario_time_at(planned_at) if planned_at is not None else None,
                due_at=ist.due_at,
                fired_elapsed=fired_elapsed,
                fired_at=ist.fired_at if fired_elapsed is not None else None,
                fired_scenario=ist.fired_scenario if fired_elapsed is not None else None,
                gap=gap,
                status=status,
                manual=inject.manual,
                contingency_for=inject.contingency_for,
                adhoc=adhoc,
                delayed=ist.delayed,
                edited=ist.edited,
                objectives=tuple(inject.objectives),
                expectations=tuple(expectations),
                decisions=tuple(decisions_by_inject.get(inject.id, ())),
                delivery=(None if not deliveries_tracked or fired_elapsed is None
                          else "delivered" if ist.delivered_at is not None else "not_delivered"),
                delivered_by=ist.delivered_by,
            )
        )
    inject_rows.sort(key=lambda r: (r.sort_time, r.inject_id))

    # Key figures.
    # Over the scripted injects that were due during play: one the exercise ended
    # before (or, in a draft, one still to come) is no miss.
    scheduled = [r for r in inject_rows
                 if not r.adhoc and not r.manual and r.contingency_for is None
                 and (r.fired or r.due_at <= played)]
    on_time = Ratio(sum(1 for r in scheduled if r.status == "on_time"), len(scheduled))
    expected_counts = _counts_template()
    for row in inject_rows:
        if row.fired:
            for exp in row.expectations:
                expected_counts[exp.status] += 1
    expected_met = Ratio(expected_counts["met"], sum(expected_counts.values()))
    all_delays = [delay for _, delay in response_pairs]
    by_status = defaultdict(int)
    for row in inject_rows:
        by_status[row.status] += 1
    counts = TimelineCounts(
        fired=sum(1 for r in inject_rows if r.fired),
        on_time=by_status["on_time"],
        late=by_status["late"],
        early=by_status["early"],
        skipped=by_status["skipped"],
        adhoc=by_status["adhoc"],
        unused=by_status["unused"],
        not_fired=by_status["not_fired"],
        not_reached=by_status["not_reached"],
        pending=by_status["pending"],
        due=by_status["due"],
    )

    # Chronology: injects and decisions interleaved in order of play.
    chronology: list[ChronologyItem] = [ChronologyItem(r.sort_time, inject=r) for r in inject_rows
                                        if r.status not in UNPLAYED_STATUSES]
    for row in current_rows:
        if row.kind in DECISION_KINDS and row.first_elapsed is not None and row.stage == "play":
            chronology.append(ChronologyItem(row.first_elapsed, entry=row))
    chronology.sort(key=lambda item: (item.elapsed, 0 if item.inject else 1))

    # Per role.
    role_summaries = []
    entries_by_role: dict[str | None, list[EntryRow]] = defaultdict(list)
    for row in current_rows:
        entries_by_role[row.role].append(row)
    for role in package.roles:
        if not role.played:
            continue
        received = sum(1 for r in inject_rows if r.fired and role.id in r.to)
        role_entries = entries_by_role.get(role.id, [])
        delays = tuple(d for rid, d in response_pairs if rid == role.id)
        exp_counts = _counts_template()
        for row in inject_rows:
            if row.fired:
                for exp in row.expectations:
                    if exp.role == role.id:
                        exp_counts[exp.status] += 1
        role_summaries.append(
            RoleSummary(
                role=role,
                injects_received=received,
                entries=len(role_entries),
                decisions=sum(1 for r in role_entries if r.kind in DECISION_KINDS),
                answered=len(delays),
                response_times=delays,
                response_median=_median(delays),
                response_max=max(delays) if delays else None,
                expectations=exp_counts,
            )
        )

    # Findings: hot-wash findings plus entries tagged strength / improvement.
    findings: list[FindingRow] = []
    for finding in state.findings:
        findings.append(
            FindingRow(
                kind=finding.kind,
                text=finding.text,
                objective_id=finding.objective_id,
                observer=finding.observer or "",
                source="finding",
            )
        )
    for row in current_rows:
        for kind in ("strength", "improvement"):
            if kind in row.tags:
                objective_tags = row.objective_ids or (None,)
                for objective_id in objective_tags:
                    findings.append(
                        FindingRow(kind=kind, text=row.text, objective_id=objective_id,
                                   observer=row.observer, source="entry", role=row.role or "")
                    )

    # Per objective, with the latest rating.
    latest_rating: dict[str, object] = {}
    for rating in sorted(state.ratings, key=lambda r: r.real_time):
        latest_rating[rating.objective_id] = rating
    objective_summaries = []
    for objective in exercise.objectives:
        rating = latest_rating.get(objective.id)
        related = tuple(r.inject_id for r in inject_rows if objective.id in r.objectives)
        exp_counts = _counts_template()
        for row in inject_rows:
            if row.fired and objective.id in row.objectives:
                for exp in row.expectations:
                    exp_counts[exp.status] += 1
        objective_summaries.append(
            ObjectiveSummary(
                objective=objective,
                rating=rating.rating if rating is not None else None,
                justification=(rating.justification if rating is not None else "") or "",
                rated_by=(rating.observer if rating is not None else "") or "",
                observations=tuple(r for r in current_rows if objective.id in r.objective_ids),
                strengths=tuple(f for f in findings if f.kind == "strength" and f.objective_id == objective.id),
                improvements=tuple(
                    f for f in findings if f.kind == "improvement" and f.objective_id == objective.id
                ),
                inject_ids=related,
                expectations=exp_counts,
            )
        )
    general_findings = tuple(f for f in findings if f.objective_id not in objective_ids)

    # Improvement plan.
    objectives_by_id = {o.id: o for o in exercise.objectives}
    improvements = []
    for item in state.improvements:
        objective_id = item.objective_id
        objective = objectives_by_id.get(objective_id or "")
        due = item.due_date
        improvements.append(
            ImprovementRow(
                number=item.id,  # the number the app shows
                action=item.action,
                owner_role=item.owner_role or "",
                owner_name=role_name(item.owner_role),
                priority=item.priority or "",
                due_date=due or "",  # ISO date text
                objective_id=objective_id,
                objective_title=objective.title if objective else "",
            )
        )

    # Controller's event log, pauses and downtime.
    titles = {r.inject_id: r.title for r in inject_rows}
    events = tuple(
        EventRow(
            seq=ev.seq,
            kind=ev.kind,
            real_time=ev.real_time,
            elapsed=ev.elapsed,
            scenario_time=ev.scenario_time,
            details=describe_payload(ev.payload, titles),
        )
        for ev in sorted(state.events, key=lambda e: e.seq)
    )
    pauses, paused_seconds, pause_started = 0, 0.0, None
    for ev in events:
        if ev.kind == "pause":
            pauses += 1
            pause_started = ev.real_time
        elif ev.kind in ("resume", "end") and pause_started is not None:
            paused_seconds += ev.real_time - pause_started
            pause_started = None
    if pause_started is not None and draft:
        paused_seconds += max(0.0, generated_at - pause_started)
    downtime_seconds = sum(max(0.0, b - a) for a, b in state.downtime)

    effective_phases = phases or exercise.phases
    unplayed = _unplayed_by_phase(inject_rows, effective_phases)
    fired_times = [r.fired_elapsed for r in inject_rows if r.fired_elapsed is not None]
    if draft:
        # Still running: the axis shows the whole plan, with what is still to come.
        axis_end = max([float(exercise.duration), played] + fired_times)
    else:
        # Ended (maybe early): the axis covers what was played, not the unplayed rest.
        axis_end = max([played] + fired_times)
        effective_phases = tuple(p for i, p in enumerate(effective_phases) if i == 0 or p.at < axis_end)
    bands = []
    for i, phase in enumerate(effective_phases):
        end = effective_phases[i + 1].at if i + 1 < len(effective_phases) else axis_end
        bands.append(PhaseBand(phase.title, float(phase.at), float(max(end, phase.at)), phase.scenario_time))

    observers = tuple(sorted({r.observer for r in history_rows if r.observer}))
    return ReportFigures(
        exercise=exercise,
        language=exercise.language,
        draft=draft,
        generated_at=generated_at,
        started_at=state.started_at,
        ended_at=state.ended_at,
        played=played,
        planned_duration=exercise.duration,
        pauses=pauses,
        paused_seconds=paused_seconds,
        downtime_seconds=downtime_seconds,
        axis_end=axis_end,
        phases=tuple(bands),
        played_roles=tuple(r for r in package.roles if r.played),
        simulated_roles=tuple(r for r in package.roles if not r.played),
        all_roles=package.roles,
        observers=observers,
        on_time=on_time,
        expected_met=expected_met,
        expected_counts=expected_counts,
        median_response=_median(all_delays),
        response_count=len(all_delays),
        counts=counts,
        injects=tuple(inject_rows),
        chronology=tuple(chronology),
        unplayed=unplayed,
        roles=tuple(role_summaries),
        objectives=tuple(objective_summaries),
        general_findings=general_findings,
        hotwash_entries=tuple(r for r in current_rows if r.stage == "hotwash"),
        improvements=tuple(improvements),
        entry_history=history_rows,
        entries=current_rows,
        events=events,
    )


_OFFSET_KEYS = frozenset({"at", "due_at", "from_elapsed", "planned_at"})
_EPOCH_KEYS = frozenset({"down_from", "down_to"})
_HIDDEN_KEYS = frozenset({"event_id", "stage", "phase_index", "package_id", "created_with"})
_LONG_FIELDS = frozenset({"body", "notes", "expected"})  # inject texts are in their own annex


def _short(value, limit: int = 60) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_payload(payload: dict | None, titles: dict[str, str] | None = None) -> str:
    """Render an event payload as short ``key: value`` text for the event-log annex."""
    if not payload:
        return ""
    parts = []
    shown_title = False
    for key, value in payload.items():
        if key in _HIDDEN_KEYS or value is None or value is False or value in ("", (), [], {}):
            continue
        if key == "inject_id" and titles and value in titles:
            parts.insert(0, f"{value} — {titles[value]}")
            shown_title = True
            continue
        if key == "title" and shown_title:
            continue
        if value is True:
            parts.append(key)
            continue
        if key in _OFFSET_KEYS and isinstance(value, (int, float)):
            value = format_offset(value)
        elif key in _EPOCH_KEYS and isinstance(value, (int, float)):
            value = datetime.fromtimestamp(value).strftime("%H:%M:%S")
        elif isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = ", ".join(
                f"{k}={_short(format_offset(v) if k in _OFFSET_KEYS and isinstance(v, (int, float)) else v)}"
                for k, v in value.items()
                if k not in _LONG_FIELDS and v is not False and v not in (None, "", (), [], {})
            )
        parts.append(f"{key}: {value}")
    return " ; ".join(parts)
