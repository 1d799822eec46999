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
- **expected responses met**: over the expected responses of every fired inject that
  an observer checked, the latest check of each counts (met / partial / missed). A
  response nobody checked is "not evaluated": it is counted apart (``expected_counts``)
  and never as a miss.
- **median response time**: for each fired inject and each played role it was sent
  to, the exercise time (pauses excluded) from the firing to the first main-courante
  entry of that role linked to that inject, first written during play (an entry
  written before STARTEX or after ENDEX is no answer; observers' own ``observation``
  entries do not count as a role's answer); the median of those delays.

The computation is one function per report section over the replayed state
(``rows.py``: entries and injects as rows; ``sections.py``: the sections), assembled
by ``compute_figures``. Figures hold data, never text: words (event details, labels,
dates in the exercise's time zone) are the rendering's, in the report's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, NamedTuple

from crisisdesk.package.model import Exercise, Objective, Role
from crisisdesk.timefmt import exercise_timezone
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
    first_stage: str = "play"  # stage of the first revision: an answer is one first written during play


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
    criterion: str | None = None  # the objective criterion it serves ("O2.3"), when the package says


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
    """A strength or area for improvement: from the hot wash or an entry tagged as such.

    Each finding is one row, whatever the number of objectives it concerns: it is
    listed under each of them and counted once. A finding imported in the hot wash from
    a tagged entry replaces that entry (never both) and is credited to the entry's
    author, who observed it.
    """

    kind: str  # "strength" | "improvement"
    text: str
    objective_ids: tuple[str, ...]  # the exercise's objectives it concerns (may be empty)
    observer: str
    source: str  # "finding" (hot wash) | "entry" (tagged main-courante entry) | "imported" (hot wash, from an entry)
    role: str = ""  # role id of a tagged entry
    entry_id: str = ""  # the main-courante entry it comes from, if any
    number: int | None = None  # the hot wash's finding number (None for a tagged entry not imported)
    reference: str = ""  # constat → référence → cause → recommandation
    cause: str = ""
    recommendation: str = ""
    actions: tuple[int, ...] = ()  # numbers of the plan actions answering it
    edited_by: str = ""

    @property
    def objective_id(self) -> str | None:
        return self.objective_ids[0] if self.objective_ids else None


@dataclass(frozen=True)
class CriterionResult:
    """One criterion of an objective with its observed result.

    The result is computed from the checks of the expected responses the package links
    to it (``criterion: O2.3``): ``counts`` holds those of the fired injects by status
    (met / partial / missed / unchecked, each response once). ``linked`` counts every
    response of the package naming it, played or not: 0 means no expected response
    serves the criterion, which says nothing of how it was performed. ``notes`` are the
    observers' notes on those checks, ``findings`` the findings written on an answer to
    one of those responses (a tagged entry of that role on that inject).
    """

    key: str  # "O2.3"
    number: int  # 1-based, in the objective's criteria list
    text: str
    linked: int
    counts: dict[str, int]
    notes: tuple[ExpectationRow, ...] = ()
    findings: tuple[FindingRow, ...] = ()

    @property
    def played(self) -> int:
        """The linked responses of fired injects (the others had nothing to observe)."""
        return sum(self.counts.values())

    @property
    def evaluated(self) -> int:
        return self.counts["met"] + self.counts["partial"] + self.counts["missed"]


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
    criteria: tuple[CriterionResult, ...] = ()


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
    domain: str = ""  # POETE code
    organisation: str = ""
    contact: str = ""
    start_date: str = ""
    status: str = ""  # ActionStatus code
    finding_id: int | None = None
    finding_text: str = ""
    observer: str = ""
    edited_by: str = ""


@dataclass(frozen=True)
class EventRow:
    """One event of the controller's log, as stored: the rendering words it (``event_text``)."""

    seq: int
    kind: str
    real_time: float
    elapsed: float | None
    scenario_time: datetime | None
    payload: dict[str, Any]


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
class IndicatorRow:
    """A situation figure as it moved: by a fired inject or by hand."""

    indicator_id: str
    label: str
    unit: str
    value: object
    source: str  # inject id, or "manual"
    real_time: float
    elapsed: float | None


@dataclass(frozen=True)
class IndicatorPath:
    """One situation figure as it moved: its value at the start, then each change in order."""

    indicator_id: str
    label: str
    unit: str
    initial: object  # None for an indicator the package does not declare (set by an ad-hoc inject)
    moves: tuple[IndicatorRow, ...]

    @property
    def final(self) -> object:
        return self.moves[-1].value if self.moves else self.initial


@dataclass(frozen=True)
class Synthesis:
    """The one-page synthesis: what the RETEX team wrote, else drafted from ratings, findings and plan.

    A written field is a text (one item per line); a drafted one is a tuple of findings or
    plan lines the template words. ``written`` names the fields the team wrote.
    """

    context: str
    strengths: tuple[str, ...] | tuple[FindingRow, ...]
    improvements: tuple[str, ...] | tuple[FindingRow, ...]
    recommendations: tuple[str, ...]
    decisions: tuple[str, ...]
    written: frozenset[str]


@dataclass(frozen=True)
class ReportFigures:
    """Everything the after-action report shows, computed once."""

    exercise: Exercise
    language: str
    timezone: tzinfo  # the exercise's: every wall-clock time of the report is shown in it
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
    expected_met: Ratio  # met over checked (met + partial + missed): unchecked ones are not evaluated
    expected_counts: dict[str, int]  # status -> count, "unchecked" included
    objectives_total: dict[str, int]  # expected responses tied to an objective, each counted once
    median_response: float | None
    response_count: int
    counts: TimelineCounts
    injects: tuple[InjectRow, ...]
    chronology: tuple[ChronologyItem, ...]  # what was played (and what is due, in a draft)
    unplayed: tuple[UnplayedGroup, ...]  # what was not, by phase
    roles: tuple[RoleSummary, ...]
    objectives: tuple[ObjectiveSummary, ...]
    findings: tuple[FindingRow, ...]  # every finding, once
    general_findings: tuple[FindingRow, ...]
    hotwash_entries: tuple[EntryRow, ...]
    improvements: tuple[ImprovementRow, ...]
    entry_history: tuple[EntryRow, ...]  # every revision, in time order
    entries: tuple[EntryRow, ...]  # current revisions, in time order
    events: tuple[EventRow, ...]
    retex: Any = None  # the RETEX document's fields (session.state.RetexDocument)
    synthesis: Synthesis | None = None
    indicator_changes: tuple[IndicatorRow, ...] = ()
    indicator_paths: tuple[IndicatorPath, ...] = ()  # the same changes, by indicator
    glossary: dict[str, tuple[Any, ...]] | None = None  # language -> terms (report/glossary.py)

    def role_name(self, role_id: str | None) -> str:
        for role in self.all_roles:
            if role.id == role_id:
                return role.name
        return role_id or ""



def compute_figures(state, package, *, generated_at: float) -> ReportFigures:
    """Compute every figure of the report from ``state`` (a SessionState) and ``package``.

    ``generated_at`` is the wall time of the report: for a session still running, the
    exercise time played is taken at that moment (a draft).
    """
    # The section functions build the dataclasses of this module: imported here, not at the top.
    from crisisdesk.clock import ClockState
    from crisisdesk.report import rows as row_builder
    from crisisdesk.report import sections
    from crisisdesk.report.glossary import glossary_for

    exercise = package.exercise
    played = state.clock.elapsed(generated_at)
    draft = state.clock_state is not ClockState.ENDED
    roles_by_id = {role.id: role for role in package.roles}
    objective_ids = {o.id for o in exercise.objectives}

    def role_name(role_id: str | None) -> str:
        role = roles_by_id.get(role_id or "")
        return role.name if role else (role_id or "")

    history_rows, current_rows = row_builder.entry_rows(state, objective_ids, role_name)
    inject_rows, response_pairs = row_builder.inject_rows(state, package, current_rows, played=played,
                                                          draft=draft, role_name=role_name)
    expected_counts = sections.expectation_counts(inject_rows)
    plan = sections.improvement_plan(state, exercise, role_name)
    all_findings = sections.findings(state, current_rows, objective_ids, plan)
    objectives = sections.objective_summaries(exercise, state, inject_rows, current_rows, all_findings)
    events = sections.event_rows(state)
    pause_count, paused_seconds = sections.pauses(events, draft=draft, generated_at=generated_at)
    effective_phases = state.clock.phases or exercise.phases
    axis_end, bands = sections.phase_bands(effective_phases, inject_rows, played=played, draft=draft,
                                           duration=exercise.duration)
    delays = [delay for _, delay in response_pairs]
    indicator_changes = sections.indicator_rows(state, exercise)
    return ReportFigures(
        exercise=exercise,
        language=exercise.language,
        timezone=exercise_timezone(exercise),
        draft=draft,
        generated_at=generated_at,
        started_at=state.started_at,
        ended_at=state.ended_at,
        played=played,
        planned_duration=exercise.duration,
        pauses=pause_count,
        paused_seconds=paused_seconds,
        downtime_seconds=sum(max(0.0, b - a) for a, b in state.downtime),
        axis_end=axis_end,
        phases=bands,
        played_roles=tuple(r for r in package.roles if r.played),
        simulated_roles=tuple(r for r in package.roles if not r.played),
        all_roles=package.roles,
        observers=tuple(sorted({r.observer for r in history_rows if r.observer})),
        on_time=sections.on_time_ratio(inject_rows, played),
        expected_met=sections.checked_ratio(expected_counts),
        expected_counts=expected_counts,
        objectives_total=sections.objectives_total(inject_rows, objective_ids),
        median_response=sections.median(delays),
        response_count=len(delays),
        counts=sections.timeline_counts(inject_rows),
        injects=tuple(inject_rows),
        chronology=sections.chronology(inject_rows, current_rows),
        unplayed=sections.unplayed_by_phase(inject_rows, effective_phases),
        roles=sections.role_summaries(package, inject_rows, current_rows, response_pairs),
        objectives=objectives,
        findings=all_findings,
        general_findings=tuple(f for f in all_findings if not f.objective_ids),
        hotwash_entries=tuple(r for r in current_rows if r.stage == "hotwash"),
        improvements=plan,
        entry_history=history_rows,
        entries=current_rows,
        events=events,
        retex=state.retex,
        synthesis=sections.synthesis(state.retex, all_findings, plan, objectives),
        indicator_changes=indicator_changes,
        indicator_paths=sections.indicator_paths(exercise, indicator_changes),
        glossary={lang: tuple(glossary_for(package, lang)) for lang in ("fr", "en")},
    )
