"""Rebuild the state of an exercise from its events: the one place that gives events meaning.

``Replayer`` applies events one at a time (the session feeds it new events as they
are committed or read back from other processes); ``replay`` is the pure whole-log
version used after a crash and in tests. Events carry the results of the
controller's decisions (the new due time of a delayed inject, the new start of a
phase...), so applying them never depends on when the replay runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from crisisdesk.clock import ClockError, ClockState, ExerciseClock
from crisisdesk.package.model import Inject, Package
from crisisdesk.session import inject_fields
from crisisdesk.session.payload_check import payload_problem
from crisisdesk.session.state import (
    EventRecord,
    ExpectationCheck,
    Finding,
    Improvement,
    IndicatorChange,
    InjectState,
    InjectStatus,
    LogEntry,
    ObjectiveRating,
    RetexDocument,
    SessionState,
    UndoableAction,
)
from crisisdesk.vocabulary import OBSERVER_KINDS, RETEX_FIELDS, EventKind, Stage

Handler = Callable[["Replayer", EventRecord, dict], None]


@dataclass
class _Inject:
    """Mutable working record of one inject while events are applied."""

    inject: Inject
    planned_at: int
    due_at: int
    order: int
    phase_index: int | None
    status: InjectStatus = InjectStatus.PENDING
    delayed: bool = False
    overdue: bool = False
    fired_at: float | None = None
    fired_elapsed: float | None = None
    fired_scenario: Any = None
    fired_by: str | None = None
    fired_early: bool = False
    fired_auto: bool = False
    skipped_at: float | None = None
    adhoc: bool = False
    edited: bool = False
    mistaken: bool = False
    delivered_at: float | None = None
    delivered_by: str | None = None

    @property
    def pending(self) -> bool:
        return self.status is InjectStatus.PENDING


@dataclass
class _Collections:
    """The growing lists of the main courante and evaluation, with cached tuple views."""

    entry_history: list[LogEntry] = field(default_factory=list)
    current: dict[str, LogEntry] = field(default_factory=dict)  # chain root id -> latest revision
    root_of: dict[str, str] = field(default_factory=dict)  # entry id -> chain root id
    check_history: list[ExpectationCheck] = field(default_factory=list)
    checks: dict[tuple[str, int], ExpectationCheck] = field(default_factory=dict)
    rating_history: list[ObjectiveRating] = field(default_factory=list)
    ratings: dict[str, ObjectiveRating] = field(default_factory=dict)
    improvements: list[Improvement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    improvement_count: int = 0  # numbers given so far (a deleted line keeps its number)
    finding_count: int = 0
    retex: RetexDocument = field(default_factory=RetexDocument)
    indicator_history: list[IndicatorChange] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    downtime: list[tuple[float, float]] = field(default_factory=list)
    anomalies: list[str] = field(default_factory=list)
    observers: dict[str, None] = field(default_factory=dict)


class Replayer:
    """Applies events in ``seq`` order and hands out immutable ``SessionState`` snapshots."""

    def __init__(self, package: Package):
        self.package = package
        self.clock = ExerciseClock(phases=package.exercise.phases)
        self.autofire = True
        self.indicators: dict[str, Any] = {i.id: i.initial for i in package.exercise.indicators}
        self.injects: dict[str, _Inject] = {}
        for order, inject in enumerate(package.injects):
            self.injects[inject.id] = _Inject(
                inject=inject, planned_at=inject.at, due_at=inject.at, order=order,
                phase_index=self.clock.phase_index_at(inject.at),  # the clock's phases are the planned ones yet
            )
        self.adhoc_count = 0
        self.last_seq = 0
        self.last_real_time = 0.0
        self.last_controller_time: float | None = None
        self.version = 0  # bumped by every applied event
        self.last_undoable: UndoableAction | None = None
        self._c = _Collections()
        self._views: dict[str, Any] = {}  # tuples of the collections, and the RETEX document
        self._views_version = -1

    # -- applying ---------------------------------------------------------------------

    def apply(self, rec: EventRecord) -> None:
        """Apply one stored event (events must come in ``seq`` order)."""
        if rec.seq <= self.last_seq:
            return  # already applied (a re-read after a retry)
        damage = rec.damage or payload_problem(rec.kind, rec.payload)
        if damage:
            # A damaged row (bad JSON, a list for a payload, a number for a text...): reported and
            # skipped, so the rest of the file opens and every command can still read it.
            self._c.anomalies.append(f"event {rec.seq} ({rec.kind}): ignored: {damage}")
            self.last_seq = rec.seq
            self.version += 1
            return
        handler = HANDLERS.get(rec.kind)
        if handler is None:
            self._c.anomalies.append(f"event {rec.seq}: unknown kind {rec.kind!r} ignored")
        else:
            try:
                handler(self, rec, rec.payload)
            except (ClockError, KeyError, ValueError, TypeError, AttributeError, IndexError, OverflowError) as exc:
                # A damaged or hand-edited log must not stop the file from opening.
                self._c.anomalies.append(f"event {rec.seq} ({rec.kind}): ignored: {exc}")
        if rec.kind in ENDS_UNDO:
            self.last_undoable = None
        if rec.kind not in OBSERVER_KINDS:
            self._c.events.append(rec)
            self.last_controller_time = rec.real_time
        self.last_seq = rec.seq
        self.last_real_time = max(self.last_real_time, rec.real_time)
        self.version += 1

    def apply_all(self, records: Iterable[EventRecord]) -> None:
        for rec in records:
            self.apply(rec)

    # controller ---------------------------------------------------------------------

    def _on_created(self, rec: EventRecord, p: dict) -> None:
        pass

    def _on_start(self, rec: EventRecord, p: dict) -> None:
        self.clock = self.clock.start(rec.real_time)

    def _on_pause(self, rec: EventRecord, p: dict) -> None:
        self.clock = self.clock.pause(rec.real_time)

    def _on_resume(self, rec: EventRecord, p: dict) -> None:
        self.clock = self.clock.resume(rec.real_time)

    def _on_end(self, rec: EventRecord, p: dict) -> None:
        self.clock = self.clock.end(rec.real_time)

    def _pending(self, inject_id: str) -> _Inject:
        inj = self.injects[inject_id]
        if not inj.pending:
            raise ValueError(f"inject {inject_id} is already {inj.status.value}")
        return inj

    def _on_fire(self, rec: EventRecord, p: dict) -> None:
        inj = self._pending(p["inject_id"])
        inj.status = InjectStatus.FIRED
        inj.fired_at = rec.real_time
        inj.fired_elapsed = rec.elapsed
        inj.fired_scenario = rec.scenario_time
        inj.fired_by = rec.actor
        inj.fired_auto = bool(p.get("auto"))
        inj.fired_early = rec.elapsed is not None and rec.elapsed < inj.due_at
        if not inj.fired_auto:  # the scheduler's firings are not the controller's to undo
            self.last_undoable = UndoableAction("fire", inj.inject.id)
        elif self.last_undoable is not None and self.last_undoable.inject_id == inj.inject.id:
            # The skip or delay held for undo has been overtaken: this inject went out.
            self.last_undoable = None
        for key, value in inj.inject.sets.items():
            self._set_indicator(key, value, inj.inject.id, rec)

    def _on_skip(self, rec: EventRecord, p: dict) -> None:
        inj = self._pending(p["inject_id"])
        inj.status = InjectStatus.SKIPPED
        inj.skipped_at = rec.real_time
        self.last_undoable = UndoableAction("skip", inj.inject.id)

    def _on_delay(self, rec: EventRecord, p: dict) -> None:
        inj = self._pending(p["inject_id"])
        self.last_undoable = UndoableAction("delay", inj.inject.id, due_at=inj.due_at, delayed=inj.delayed)
        inj.due_at = int(p["due_at"])
        inj.delayed = True
        # Put back in the future: the controller has dealt with it. Pulled into the past: held.
        inj.overdue = _in_the_past(inj.due_at, rec.elapsed)

    def _on_unskip(self, rec: EventRecord, p: dict) -> None:
        inj = self.injects[p["inject_id"]]
        if inj.status is not InjectStatus.SKIPPED:
            raise ValueError(f"inject {inj.inject.id} is not skipped")
        inj.status = InjectStatus.PENDING
        inj.skipped_at = None
        # Its time may have passed meanwhile: then it waits for the controller, never fires by itself.
        inj.overdue = _in_the_past(inj.due_at, rec.elapsed)

    def _on_undelay(self, rec: EventRecord, p: dict) -> None:
        inj = self._pending(p["inject_id"])
        inj.due_at = int(p["due_at"])
        inj.delayed = bool(p["delayed"])
        inj.overdue = _in_the_past(inj.due_at, rec.elapsed)

    def _on_misfire(self, rec: EventRecord, p: dict) -> None:
        inj = self.injects[p["inject_id"]]
        if inj.status is not InjectStatus.FIRED:
            raise ValueError(f"inject {inj.inject.id} was not fired")
        inj.mistaken = True

    def _on_edit(self, rec: EventRecord, p: dict) -> None:
        inj = self._pending(p["inject_id"])
        fields = p["fields"]
        inj.inject = inject_fields.apply(inj.inject, fields, self.package)
        if "at" in fields:
            inj.due_at = int(fields["at"])
            inj.overdue = _in_the_past(inj.due_at, rec.elapsed)
        inj.edited = True

    def _on_add(self, rec: EventRecord, p: dict) -> None:
        inject_id = p["inject_id"]
        if inject_id in self.injects:
            raise ValueError(f"inject {inject_id} already exists")
        inject = inject_fields.new_inject(inject_id, p["fields"], self.package)
        self.injects[inject_id] = _Inject(
            inject=inject, planned_at=inject.at, due_at=inject.at, order=len(self.injects),
            phase_index=None, adhoc=True,
        )
        self.adhoc_count += 1

    def _on_jump(self, rec: EventRecord, p: dict) -> None:
        """The next phase starts at ``at``; every inject still to come goes with the phase its time falls in.

        The phase of an inject is the one its effective time falls in before the jump
        (planned, ad-hoc, edited or delayed alike). Those in the new phase or later
        keep their offset from their phase's start; those of the phase being left
        that were still to come are held at the jump for the controller.
        """
        target, new_start = int(p["to_phase"]), int(p["at"])
        before = self.clock
        starts = list(before.phase_starts)
        delta = new_start - starts[target]
        for j in range(target, len(starts)):
            starts[j] += delta
        self.clock = before.with_phase_starts(tuple(starts))
        for inj in self.injects.values():
            if not inj.pending:
                continue
            if before.phase_index_at(inj.due_at) >= target:
                inj.due_at = max(inj.due_at + delta, new_start)
            elif inj.due_at > new_start:
                # Left behind by the jump: the controller fires or skips it.
                inj.due_at = new_start
                inj.overdue = True

    def _on_shift(self, rec: EventRecord, p: dict) -> None:
        delta, origin = int(p["minutes"]) * 60, int(p["from_elapsed"])
        starts = list(self.clock.phase_starts)
        for j, start in enumerate(starts):
            if start > origin:
                floor = max(origin, starts[j - 1] if j else 0)
                starts[j] = max(start + delta, floor)
        self.clock = self.clock.with_phase_starts(tuple(starts))
        for inj in self.injects.values():
            if inj.pending:
                moved = inj.due_at + delta
                if delta < 0:
                    moved = max(moved, min(inj.due_at, origin))
                    if inj.due_at > origin and moved <= origin:
                        inj.overdue = True  # pulled into the past: held for the controller
                inj.due_at = moved

    def _on_autofire(self, rec: EventRecord, p: dict) -> None:
        self.autofire = bool(p["enabled"])

    def _on_indicator(self, rec: EventRecord, p: dict) -> None:
        self._set_indicator(p["indicator_id"], p["value"], "manual", rec)

    def _on_recovered(self, rec: EventRecord, p: dict) -> None:
        if p.get("down_from") is not None:
            self._c.downtime.append((float(p["down_from"]), float(p["down_to"])))
        for inject_id in p.get("overdue", ()):
            inj = self.injects.get(inject_id)
            if inj is not None and inj.pending:
                inj.overdue = True

    def _set_indicator(self, key: str, value: Any, source: str, rec: EventRecord) -> None:
        self.indicators[key] = value
        self._c.indicator_history.append(IndicatorChange(key, value, source, rec.real_time, rec.elapsed, rec.seq))

    # observers ----------------------------------------------------------------------

    def _on_entry(self, rec: EventRecord, p: dict) -> None:
        entry = LogEntry(
            entry_id=p["entry_id"], revision=int(p.get("revision", 1)), supersedes=p.get("supersedes"),
            observer=p.get("observer") or "", role=p.get("role"), kind=p["kind"], text=p.get("text", ""),
            inject_id=p.get("inject_id"), tags=tuple(p.get("tags") or ()), real_time=rec.real_time,
            elapsed=rec.elapsed, scenario_time=rec.scenario_time, stage=p.get("stage") or Stage.PLAY.value,
            phase_index=p.get("phase_index"), seq=rec.seq,
        )
        c = self._c
        root = c.root_of.get(entry.supersedes, entry.supersedes) if entry.supersedes else entry.entry_id
        if entry.supersedes and entry.supersedes not in c.root_of:
            c.anomalies.append(f"event {rec.seq}: entry {entry.entry_id} corrects an unknown entry")
            root = entry.entry_id
        c.root_of[entry.entry_id] = root
        c.current[root] = entry  # a revision keeps the place of the entry it corrects
        c.entry_history.append(entry)
        c.observers[entry.observer] = None

    def _on_check(self, rec: EventRecord, p: dict) -> None:
        inj = self.injects[p["inject_id"]]
        delay = None
        if rec.elapsed is not None and inj.fired_elapsed is not None:
            delay = rec.elapsed - inj.fired_elapsed
        check = ExpectationCheck(
            inject_id=p["inject_id"], index=int(p["index"]), role=p.get("role", ""), action=p.get("action", ""),
            status=p["status"], observer=p.get("observer") or "", note=p.get("note", ""),
            real_time=rec.real_time, elapsed=rec.elapsed, delay_since_fire=delay, seq=rec.seq,
            event_id=rec.event_id,
        )
        self._c.check_history.append(check)
        _keep_latest(self._c.checks, (check.inject_id, check.index), check)
        self._c.observers[check.observer] = None

    def _on_rating(self, rec: EventRecord, p: dict) -> None:
        # A withdrawn rating has rating "": it is the latest, and the state lists no rating for the objective.
        rating = ObjectiveRating(p["objective_id"], "" if p.get("withdrawn") else p["rating"], p.get("justification", ""),
                                 p.get("observer") or "", rec.real_time, rec.seq, rec.event_id)
        self._c.rating_history.append(rating)
        _keep_latest(self._c.ratings, rating.objective_id, rating)

    def _on_improvement(self, rec: EventRecord, p: dict) -> None:
        c = self._c
        replaced = p.get("supersedes")
        if replaced is not None:
            # An edit or a deletion: a new event replaces the line, its number stays.
            index = _position(c.improvements, int(replaced), "improvement")
            if p.get("deleted"):
                del c.improvements[index]
                return
            number, first = int(replaced), c.improvements[index]
        else:
            c.improvement_count += 1
            number, first, index = c.improvement_count, None, None
        line = Improvement(
            id=number, action=p["action"], owner_role=p.get("owner_role"),
            priority=p.get("priority", ""), due_date=p.get("due_date"), objective_id=p.get("objective_id"),
            observer=first.observer if first is not None else p.get("observer"), real_time=rec.real_time,
            seq=rec.seq, event_id=first.event_id if first is not None else rec.event_id,
            domain=p.get("domain") or "", organisation=p.get("organisation") or "", contact=p.get("contact") or "",
            start_date=p.get("start_date"), status=p.get("status") or "", finding_id=p.get("finding_id"),
            edited_by=p.get("observer") if first is not None else None,
        )
        if index is None:
            c.improvements.append(line)
        else:
            c.improvements[index] = line

    def _on_finding(self, rec: EventRecord, p: dict) -> None:
        c = self._c
        replaced = p.get("supersedes")
        if replaced is not None:
            index = _position(c.findings, int(replaced), "finding")
            if p.get("deleted"):
                del c.findings[index]
                return
            number, first = int(replaced), c.findings[index]
        else:
            c.finding_count += 1
            number, first, index = c.finding_count, None, None
        finding = Finding(
            id=number, kind=p["kind"], text=p["text"], objective_id=p.get("objective_id"),
            observer=first.observer if first is not None else p.get("observer"),
            real_time=first.real_time if first is not None else rec.real_time,
            elapsed=first.elapsed if first is not None else rec.elapsed,
            stage=first.stage if first is not None else (p.get("stage") or Stage.PLAY.value),
            seq=rec.seq, event_id=first.event_id if first is not None else rec.event_id,
            reference=p.get("reference") or "", cause=p.get("cause") or "",
            recommendation=p.get("recommendation") or "",
            edited_by=p.get("observer") if first is not None else None,
        )
        if index is None:
            c.findings.append(finding)
        else:
            c.findings[index] = finding

    def _on_retex(self, rec: EventRecord, p: dict) -> None:
        fields = {k: str(v) for k, v in (p.get("fields") or {}).items() if k in RETEX_FIELDS and v is not None}
        self._c.retex = replace(self._c.retex, **fields, updated_by=p.get("observer") or "",
                                updated_at=rec.real_time)

    def _on_delivered(self, rec: EventRecord, p: dict) -> None:
        inj = self.injects[p["inject_id"]]
        if inj.delivered_at is None:  # the first delivery counts; a second click changes nothing
            inj.delivered_at = rec.real_time
            inj.delivered_by = p.get("animator")

    # -- reading ----------------------------------------------------------------------

    def current_revision(self, entry_id: str) -> LogEntry | None:
        """The latest revision of the chain ``entry_id`` belongs to (None if unknown)."""
        root = self._c.root_of.get(entry_id)
        return self._c.current.get(root) if root else None

    def find_entry(self, entry_id: str) -> LogEntry | None:
        """The revision with this id, if logged (a linear search from the end: retries are recent)."""
        if entry_id not in self._c.root_of:
            return None
        for entry in reversed(self._c.entry_history):
            if entry.entry_id == entry_id:
                return entry
        return None

    def _collection_views(self) -> dict[str, Any]:
        if self._views_version != self.version:
            c = self._c
            self._views = {
                "entries": tuple(c.current.values()),
                "entry_history": tuple(c.entry_history),
                "checks": tuple(c.checks.values()),
                "check_history": tuple(c.check_history),
                "ratings": tuple(r for r in c.ratings.values() if r.rating),
                "rating_history": tuple(c.rating_history),
                "improvements": tuple(c.improvements),
                "findings": tuple(c.findings),
                "indicator_history": tuple(c.indicator_history),
                "events": tuple(c.events),
                "downtime": tuple(c.downtime),
                "anomalies": tuple(c.anomalies),
                "observers": tuple(o for o in c.observers if o),
                "retex": c.retex,
            }
            self._views_version = self.version
        return self._views

    def elapsed_at(self, now: float | None) -> float:
        """Exercise time at ``now`` (at the last event's time when ``now`` is None)."""
        return self.clock.elapsed(self.last_real_time if now is None else now)

    def inject_states(self, elapsed: float) -> tuple[InjectState, ...]:
        """The injects as of exercise time ``elapsed``, in effective time order."""
        in_play = self.clock.state in (ClockState.RUNNING, ClockState.PAUSED)
        states = []
        for inj in self.injects.values():
            status, late = inj.status, 0.0
            if status is InjectStatus.PENDING and in_play and (inj.overdue or inj.due_at <= elapsed):
                status, late = InjectStatus.DUE, max(0.0, elapsed - inj.due_at)
            elif status is InjectStatus.FIRED and inj.fired_elapsed is not None:
                late = max(0.0, inj.fired_elapsed - inj.due_at)
            states.append(InjectState(
                inject=inj.inject, planned_at=inj.planned_at, due_at=inj.due_at, status=status,
                delayed=inj.delayed, overdue=inj.overdue and inj.pending, late_seconds=late,
                fired_at=inj.fired_at, fired_elapsed=inj.fired_elapsed, fired_scenario=inj.fired_scenario,
                fired_by=inj.fired_by, fired_early=inj.fired_early, fired_auto=inj.fired_auto,
                skipped_at=inj.skipped_at, adhoc=inj.adhoc, edited=inj.edited, phase_index=inj.phase_index,
                mistaken=inj.mistaken,
                delivered_at=inj.delivered_at, delivered_by=inj.delivered_by,
            ))
        states.sort(key=_effective_time)
        return tuple(states)

    def snapshot(self, now: float | None = None) -> SessionState:
        """Return the state as of wall time ``now`` (default: the last event's time)."""
        elapsed = self.elapsed_at(now)
        views = self._collection_views()
        return SessionState(
            clock=self.clock,
            autofire=self.autofire,
            injects=self.inject_states(elapsed),
            indicators=dict(self.indicators),
            last_seq=self.last_seq,
            as_of=now if now is not None else self.last_real_time,
            elapsed=elapsed,
            phase_index=self.clock.phase_index_at(elapsed),
            last_undoable=self.last_undoable if self.clock.state is not ClockState.ENDED else None,
            **views,
        )


# The one place that says which method applies which kind (grep a kind to find its handler).
HANDLERS: dict[str, Handler] = {
    EventKind.CREATED: Replayer._on_created,
    EventKind.START: Replayer._on_start,
    EventKind.PAUSE: Replayer._on_pause,
    EventKind.RESUME: Replayer._on_resume,
    EventKind.END: Replayer._on_end,
    EventKind.FIRE: Replayer._on_fire,
    EventKind.SKIP: Replayer._on_skip,
    EventKind.DELAY: Replayer._on_delay,
    EventKind.EDIT: Replayer._on_edit,
    EventKind.ADD: Replayer._on_add,
    EventKind.JUMP: Replayer._on_jump,
    EventKind.SHIFT: Replayer._on_shift,
    EventKind.AUTOFIRE: Replayer._on_autofire,
    EventKind.INDICATOR: Replayer._on_indicator,
    EventKind.RECOVERED: Replayer._on_recovered,
    EventKind.UNSKIP: Replayer._on_unskip,
    EventKind.UNDELAY: Replayer._on_undelay,
    EventKind.MISFIRE: Replayer._on_misfire,
    EventKind.ENTRY: Replayer._on_entry,
    EventKind.CHECK: Replayer._on_check,
    EventKind.RATING: Replayer._on_rating,
    EventKind.IMPROVEMENT: Replayer._on_improvement,
    EventKind.FINDING: Replayer._on_finding,
    EventKind.RETEX: Replayer._on_retex,
    EventKind.DELIVERED: Replayer._on_delivered,
}


# Controller events after which the last action can no longer be undone honestly: they move the
# clock or the timeline under it (an undone delay would restore a due time a shift has moved), or
# they are an undo themselves (no redo). Pauses, auto-fire, indicators and the scheduler's own
# firings leave it undoable.
ENDS_UNDO = frozenset({EventKind.START, EventKind.END, EventKind.EDIT, EventKind.ADD, EventKind.JUMP,
                       EventKind.SHIFT, EventKind.UNSKIP, EventKind.UNDELAY, EventKind.MISFIRE})


def _in_the_past(due_at: int, elapsed: float | None) -> bool:
    """True if a controller action put an inject at or before the exercise time it was taken at.

    Such an inject is held (flagged overdue): it waits for the controller to fire or
    skip it and never fires by itself, so pulling the timeline earlier cannot fire
    the rest of the scenario at once.
    """
    return elapsed is not None and due_at <= elapsed


def _position(items: list, number: int, what: str) -> int:
    """Where the item numbered ``number`` is; KeyError (an anomaly of the replay) if it is gone."""
    for index, item in enumerate(items):
        if item.id == number:
            return index
    raise KeyError(f"{what} {number} does not exist (deleted or never made)")


def _keep_latest(latest: dict, key, item) -> None:
    """Keep ``item`` unless the one already there was made later (a kept write can be stored late)."""
    current = latest.get(key)
    if current is None or item.real_time >= current.real_time:
        latest[key] = item


def _effective_time(state: InjectState) -> tuple[float, int]:
    if state.status is InjectStatus.FIRED and state.fired_elapsed is not None:
        return (state.fired_elapsed, 0)
    return (float(state.due_at), 1)


def replay(package: Package, events: Iterable[EventRecord], now: float | None = None) -> SessionState:
    """Rebuild the state of a session from its whole event log (pure)."""
    replayer = Replayer(package)
    replayer.apply_all(events)
    return replayer.snapshot(now)
