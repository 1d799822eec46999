"""Immutable views of a running exercise, derived from the session's events.

``SessionState`` is what the UI, the observers and the report read. It is rebuilt
from the event log (``replay.py``) and never written directly. Times come in three
forms everywhere: ``real_time`` (wall-clock epoch seconds), ``elapsed`` (exercise
seconds since STARTEX, pauses excluded) and ``scenario_time`` (the story's date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from functools import cached_property
from typing import Any

from crisisdesk.clock import ClockState, ExerciseClock
from crisisdesk.package.model import IndicatorValue, Inject
from crisisdesk.vocabulary import (  # noqa: F401 (re-exported: the code lists live in the vocabulary)
    CHECK_STATUSES,
    ENTRY_KINDS,
    ENTRY_TAGS,
    FINDING_KINDS,
    RATINGS,
    STAGES,
    Stage,
)


class InjectStatus(Enum):
    """Where an inject stands: not yet due, due and waiting, fired, or skipped."""

    PENDING = "pending"
    DUE = "due"
    FIRED = "fired"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class InjectState:
    """One inject as it stands now: the effective content and its timing.

    ``due_at`` is the effective exercise offset after delays, shifts, phase jumps
    and edits; ``planned_at`` is the package's. ``overdue`` marks injects held for
    the controller: they fell due while the app was down, were left behind by a jump
    to the next phase, or were pulled to a time already past by a shift, a delay or
    an edit of ``at``. They wait for the controller and never fire by themselves.
    ``late_seconds`` is how late the firing was (fired) or is (due, as of the state).
    """

    inject: Inject
    planned_at: int
    due_at: int
    status: InjectStatus = InjectStatus.PENDING
    delayed: bool = False
    overdue: bool = False
    late_seconds: float = 0.0
    fired_at: float | None = None
    fired_elapsed: float | None = None
    fired_scenario: datetime | None = None
    fired_by: str | None = None
    fired_early: bool = False
    fired_auto: bool = False
    skipped_at: float | None = None
    adhoc: bool = False
    edited: bool = False
    phase_index: int | None = None
    mistaken: bool = False  # fired, then marked by the controller as fired by mistake
    delivered_at: float | None = None  # the animation team played it to the table ("livré")
    delivered_by: str | None = None

    @property
    def id(self) -> str:
        return self.inject.id

    @property
    def manual(self) -> bool:
        return self.inject.manual

    @property
    def done(self) -> bool:
        """True once fired or skipped."""
        return self.status in (InjectStatus.FIRED, InjectStatus.SKIPPED)


@dataclass(frozen=True)
class LogEntry:
    """One revision of a main-courante entry.

    A correction is a new revision (new ``entry_id``) whose ``supersedes`` names the
    entry it replaces; ``revision`` counts from 1. ``elapsed``/``scenario_time`` are
    None before STARTEX; ``stage`` says "briefing", "play" or "hotwash".
    """

    entry_id: str
    revision: int
    supersedes: str | None
    observer: str
    role: str | None
    kind: str
    text: str
    inject_id: str | None
    tags: tuple[str, ...]
    real_time: float
    elapsed: float | None
    scenario_time: datetime | None
    stage: str
    phase_index: int | None = None
    seq: int = 0


@dataclass(frozen=True)
class ExpectationCheck:
    """An observer's verdict on one expected response of a fired inject."""

    inject_id: str
    index: int
    role: str
    action: str
    status: str
    observer: str
    note: str
    real_time: float
    elapsed: float | None
    delay_since_fire: float | None
    seq: int = 0
    event_id: str = ""  # made by the client: a retry of the same check is stored once


@dataclass(frozen=True)
class ObjectiveRating:
    """An evaluator's HSEEP rating (P/S/M/U) of one objective."""

    objective_id: str
    rating: str
    justification: str
    observer: str
    real_time: float
    seq: int = 0
    event_id: str = ""  # made by the client: a retry of the same rating is stored once


@dataclass(frozen=True)
class Improvement:
    """One line of the improvement plan."""

    id: int
    action: str
    owner_role: str | None
    priority: str
    due_date: str | None  # ISO date
    objective_id: str | None
    observer: str | None
    real_time: float
    seq: int = 0
    event_id: str = ""  # made by the client: a retry of the same line is stored once
    domain: str = ""  # POETE domain code
    organisation: str = ""
    contact: str = ""
    start_date: str | None = None  # ISO date
    status: str = ""  # ActionStatus code
    finding_id: int | None = None  # the finding it answers
    edited_by: str | None = None  # who changed it last, when it was edited


@dataclass(frozen=True)
class Finding:
    """A strength or an area for improvement noted at the hot wash (or during play)."""

    id: int
    kind: str
    text: str
    objective_id: str | None
    observer: str | None
    real_time: float
    elapsed: float | None
    stage: str
    seq: int = 0
    event_id: str = ""  # made by the client: a retry of the same finding is stored once
    reference: str = ""  # constat → référence → cause → recommandation
    cause: str = ""
    recommendation: str = ""
    edited_by: str | None = None  # who changed it last, when it was edited


@dataclass(frozen=True)
class RetexDocument:
    """The RETEX document's own fields, as its authors last set them (cover, synthesis, participants)."""

    author: str = ""
    version: str = ""
    status: str = ""  # RetexStatus code ("" until set: a draft)
    context: str = ""
    strengths: str = ""
    improvements: str = ""
    recommendations: str = ""
    decisions: str = ""  # decisions asked of the direction
    participants: str = ""  # directorates and partners present, one per line
    observers: str = ""
    animation_team: str = ""
    evaluation: str = ""  # what players and observers said of the exercise itself
    updated_by: str = ""
    updated_at: float | None = None


@dataclass(frozen=True)
class IndicatorChange:
    """A situation figure changed by a fired inject's ``sets`` or by hand."""

    indicator_id: str
    value: IndicatorValue
    source: str  # inject id, or "manual"
    real_time: float
    elapsed: float | None
    seq: int = 0


@dataclass(frozen=True)
class EventRecord:
    """One stored event, as read back from the session file."""

    seq: int
    kind: str
    real_time: float
    elapsed: float | None
    scenario_time: datetime | None
    payload: dict[str, Any]
    event_id: str = ""
    actor: str | None = None
    # Why the stored row cannot be read (not JSON, a time that is no time...), "" when sound:
    # the replay reports such an event as an anomaly and skips it (see store.read_records).
    damage: str = ""


@dataclass(frozen=True)
class UndoableAction:
    """The controller's last action that can still be undone honestly, as the event log says.

    ``kind`` is "skip" (undone by putting the inject back in play), "delay" (undone by putting it
    back at ``due_at``) or "fire" (a fired inject stays fired: it can only be marked a mistake).
    """

    kind: str
    inject_id: str
    due_at: int | None = None  # for "delay": the due time before it
    delayed: bool = False  # for "delay": whether it was already delayed before it


@dataclass(frozen=True)
class SessionState:
    """Everything derived from the event log, as of ``as_of`` (epoch) for the due flags."""

    clock: ExerciseClock
    autofire: bool
    injects: tuple[InjectState, ...]  # in effective time order
    indicators: dict[str, IndicatorValue]
    entries: tuple[LogEntry, ...]  # current revisions, in the order first logged
    entry_history: tuple[LogEntry, ...]  # every revision, in log order
    checks: tuple[ExpectationCheck, ...]  # per (inject, expected item), the one made last (real_time)
    check_history: tuple[ExpectationCheck, ...]
    ratings: tuple[ObjectiveRating, ...]  # per objective, the one made last (real_time)
    rating_history: tuple[ObjectiveRating, ...]
    improvements: tuple[Improvement, ...]
    findings: tuple[Finding, ...]
    indicator_history: tuple[IndicatorChange, ...]
    events: tuple[EventRecord, ...]  # the controller's event log (no courante entries)
    downtime: tuple[tuple[float, float], ...]  # (from, to) epoch gaps found on reopen
    last_seq: int = 0
    as_of: float | None = None
    elapsed: float = 0.0  # exercise time at ``as_of``
    phase_index: int = 0  # phase in force at ``as_of``
    observers: tuple[str, ...] = field(default=())  # names seen in entries and checks
    anomalies: tuple[str, ...] = field(default=())  # events the replay could not apply (damaged log)
    last_undoable: UndoableAction | None = None  # what "undo" would undo now
    retex: RetexDocument = field(default_factory=RetexDocument)

    @property
    def clock_state(self) -> ClockState:
        return self.clock.state

    @property
    def started_at(self) -> float | None:
        return self.clock.started_at

    @property
    def ended_at(self) -> float | None:
        return self.clock.ended_at

    @property
    def phase_starts(self) -> tuple[int, ...]:
        """Effective start of each phase (the package's ``at`` after jumps and shifts)."""
        return self.clock.phase_starts

    @property
    def stage(self) -> str:
        """"briefing" before STARTEX, "play" until ENDEX, then "hotwash"."""
        return stage_of(self.clock.state)

    @cached_property
    def _inject_index(self) -> dict[str, InjectState]:
        return {s.inject.id: s for s in self.injects}

    def inject(self, inject_id: str) -> InjectState:
        """The state of one inject; KeyError if unknown."""
        return self._inject_index[inject_id]

    def due_injects(self) -> tuple[InjectState, ...]:
        """Injects whose time has come and which are neither fired nor skipped."""
        return tuple(s for s in self.injects if s.status is InjectStatus.DUE)

    @cached_property
    def _entries_by_id(self) -> dict[str, LogEntry]:
        return {e.entry_id: e for e in self.entry_history}

    def entry(self, entry_id: str) -> LogEntry:
        """Any revision by its entry_id; KeyError if unknown."""
        return self._entries_by_id[entry_id]

    def entries_for_inject(self, inject_id: str) -> tuple[LogEntry, ...]:
        """Current entries answering one inject."""
        return tuple(e for e in self.entries if e.inject_id == inject_id)

    def entries_for_role(self, role_id: str) -> tuple[LogEntry, ...]:
        """Current entries about one role."""
        return tuple(e for e in self.entries if e.role == role_id)

    def revisions(self, entry_id: str) -> tuple[LogEntry, ...]:
        """The chain of revisions an entry belongs to, oldest first."""
        by_id = self._entries_by_id
        entry = by_id[entry_id]
        while entry.supersedes and entry.supersedes in by_id:
            entry = by_id[entry.supersedes]
        chain = [entry]
        successors = {e.supersedes: e for e in self.entry_history if e.supersedes}
        while chain[-1].entry_id in successors:
            chain.append(successors[chain[-1].entry_id])
        return tuple(chain)

    def check_for(self, inject_id: str, index: int) -> ExpectationCheck | None:
        """The latest check of one expected item, or None."""
        for check in self.checks:
            if check.inject_id == inject_id and check.index == index:
                return check
        return None


def stage_of(state: ClockState) -> str:
    """Return the stage name for a clock state."""
    if state is ClockState.READY:
        return Stage.BRIEFING.value
    if state is ClockState.ENDED:
        return Stage.HOTWASH.value
    return Stage.PLAY.value
