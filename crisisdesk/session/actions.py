"""The exercise controller's actions: the clock, the injects, the timeline, and the scheduler's tick.

Each action is one event committed under the write lock after catching up with the
other windows (``EventStore.commit``), so two windows cannot both fire one inject.
A controller action that fails to reach the file raises ``WriteFailedError`` and
changes nothing: the controller sees it at once and can try again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from crisisdesk.clock import ClockState
from crisisdesk.session import arguments, inject_fields, scheduler
from crisisdesk.session.arguments import AlreadyDone
from crisisdesk.session.core import EventStore
from crisisdesk.session.db import checkpoint
from crisisdesk.session.errors import InvalidActionError
from crisisdesk.session.recovery import Recovery
from crisisdesk.session.state import InjectState, InjectStatus, UndoableAction
from crisisdesk.session.store import Draft
from crisisdesk.vocabulary import (
    PAYLOAD_TYPES,
    AddPayload,
    AutofirePayload,
    DelayPayload,
    EditPayload,
    EventKind,
    FirePayload,
    IndicatorPayload,
    JumpPayload,
    MisfirePayload,
    ShiftPayload,
    SkipPayload,
    UndelayPayload,
    UnskipPayload,
)


class ControllerActions:
    """Start, pause, fire, skip, delay, edit, add, jump, shift; and ``tick()`` for what fires by itself.

    Collaborators: the ``EventStore`` every action commits through, and the
    ``Recovery`` that takes over a reopened running exercise before the first action.
    """

    def __init__(self, store: EventStore, recovery: Recovery):
        self._store = store
        self._recovery = recovery

    def start(self) -> None:
        """STARTEX: the exercise clock starts."""
        self._control(lambda now: self._clock_draft(EventKind.START, now))

    def pause(self) -> None:
        """Pause the exercise clock."""
        self._control(lambda now: self._clock_draft(EventKind.PAUSE, now))

    def resume(self) -> None:
        """Resume the exercise clock after a pause."""
        self._control(lambda now: self._clock_draft(EventKind.RESUME, now))

    def end(self) -> None:
        """ENDEX: the exercise is over (the courante stays open for the hot wash).

        The write-ahead log is then copied into the main file, so the file copied
        alone for the RETEX team holds the whole exercise.
        """
        self._control(lambda now: self._clock_draft(EventKind.END, now))
        checkpoint(self._store.engine)

    def fire(self, inject_id: str, *, actor: str | None = None) -> InjectState:
        """Fire an inject now: planned, early, manual or overdue; return its new state."""
        self._control(lambda now: [self._fire_draft(inject_id, now, actor=actor, auto=False)])
        return self._store.state.inject(inject_id)

    def fire_next(self, *, actor: str | None = None) -> InjectState:
        """Fire the next inject (``scheduler.next_to_fire``, judged on the latest state); return its new state."""
        chosen: list[str] = []

        def build(now: float) -> list[Draft]:
            target = scheduler.next_to_fire(self._store.replayer.snapshot(now))
            if target is None:
                self._store.require_in_play("fire an inject")
                raise InvalidActionError("no inject left to fire", code="nothing_to_fire")
            chosen[:] = [target.id]
            return [self._fire_draft(target.id, now, actor=actor, auto=False)]
        self._control(build)
        return self._store.state.inject(chosen[0])

    def skip(self, inject_id: str) -> None:
        """Mark an inject as not played."""
        def build(now: float) -> list[Draft]:
            self._store.require_not_ended("skip an inject")
            self._pending_inject(inject_id)
            return [self._store.draft(SkipPayload(inject_id), now)]
        self._control(build)

    def delay(self, inject_id: str, minutes: int) -> None:
        """Postpone an inject by ``minutes`` (from its due time, or from now if it is already due).

        A negative delay that brings it to now or earlier holds it (overdue): it then
        waits for the controller and never fires by itself.
        """
        minutes = arguments.whole(minutes, "minutes")
        if minutes == 0:
            raise InvalidActionError("delay by how many minutes? 0 changes nothing", code="zero_minutes",
                                     params={"inject_id": inject_id})

        def build(now: float) -> list[Draft]:
            self._store.require_not_ended("delay an inject")
            inj = self._pending_inject(inject_id)
            base = inj.due_at if minutes < 0 else max(inj.due_at, int(self._store.replayer.clock.elapsed(now)))
            due_at = max(0, base + minutes * 60)
            return [self._store.draft(DelayPayload(inject_id, minutes, due_at), now)]
        self._control(build)

    def edit_inject(self, inject_id: str, **fields: Any) -> InjectState:
        """Change a not-yet-fired inject (title, body, to, channel, sender, at, notes, expected, sets...).

        An ``at`` already past (or now) holds the inject for the controller (overdue).
        """
        if not fields:
            raise InvalidActionError(f"inject {inject_id}: nothing to change", code="nothing_to_change",
                                     params={"inject_id": inject_id})

        def build(now: float) -> list[Draft]:
            self._store.require_not_ended("edit an inject")
            self._pending_inject(inject_id)
            clean = inject_fields.normalize(fields, self._store.package, subject=f"inject {inject_id}")
            return [self._store.draft(EditPayload(inject_id, clean), now)]
        self._control(build)
        return self._store.state.inject(inject_id)

    def add_inject(self, *, title: str, body: str, to: Iterable[str] | str, channel: str, sender: str,
                   at: int | str | None = None, expected: Iterable = (), sets: Mapping | None = None,
                   notes: str = "", fire_now: bool = False, manual: bool = False) -> str:
        """Add an ad-hoc inject (at an exercise offset, default now); return its id ("ADHOC-1"...)."""
        new_id: list[str] = []

        def build(now: float) -> list[Draft]:
            self._store.require_not_ended("add an inject")
            when = int(self._store.replayer.clock.elapsed(now)) if at is None else at
            raw = {"title": title, "body": body, "to": to if isinstance(to, str) else list(to), "channel": channel,
                   "sender": sender, "at": when, "expected": list(expected), "sets": dict(sets or {}),
                   "notes": notes, "manual": manual}
            inject_id = f"ADHOC-{self._store.replayer.adhoc_count + 1}"
            while inject_id in self._store.replayer.injects:
                inject_id += "b"
            clean = inject_fields.normalize(raw, self._store.package, subject=f"new inject {title!r}")
            drafts = [self._store.draft(AddPayload(inject_id, clean), now)]
            if fire_now:
                self._store.require_in_play("fire an inject")
                drafts.append(self._store.draft(FirePayload(inject_id, clean["title"], auto=False, adhoc=True), now))
            new_id[:] = [inject_id]
            return drafts
        self._control(build)
        return new_id[0]

    def jump_to_next_phase(self) -> None:
        """Start the next phase now: it and the injects after it move earlier, keeping their offsets.

        Each inject still to come goes with the phase its current time falls in,
        whether planned, ad-hoc, edited or delayed: one in the next phase or later
        keeps its offset from that phase's start; one of the current phase that was
        still to come is held at the jump (overdue) for the controller to fire or skip.
        """
        def build(now: float) -> list[Draft]:
            self._store.require_in_play("jump to the next phase")
            clock = self._store.replayer.clock
            elapsed = clock.elapsed(now)
            current = clock.phase_index_at(elapsed)
            if current + 1 >= len(clock.phases):
                raise InvalidActionError("already in the last phase", code="last_phase")
            at = max(int(elapsed), clock.phases[current].at)
            return [self._store.draft(JumpPayload(current, current + 1, at, clock.phases[current + 1].title), now)]
        self._control(build)

    def shift_timeline(self, minutes: int) -> None:
        """Move every not-yet-fired inject and every phase still to come by ``minutes`` (+ later, - earlier).

        Nothing moves before now. An inject still to come that a negative shift brings
        to now is held (overdue) for the controller: it never fires by itself.
        """
        minutes = arguments.whole(minutes, "minutes")
        if minutes == 0:
            raise InvalidActionError("shift by how many minutes? 0 changes nothing", code="zero_minutes")

        def build(now: float) -> list[Draft]:
            self._store.require_not_ended("shift the timeline")
            origin = int(self._store.replayer.clock.elapsed(now))
            return [self._store.draft(ShiftPayload(minutes, origin), now)]
        self._control(build)

    def set_autofire(self, enabled: bool) -> None:
        """Let due injects fire by themselves (on) or wait for the controller (off)."""
        def build(now: float) -> list[Draft]:
            if self._store.replayer.autofire == bool(enabled):
                return []
            return [self._store.draft(AutofirePayload(bool(enabled)), now)]
        self._control(build)

    def undo_last(self, expected: UndoableAction | None = None) -> UndoableAction:
        """Undo the controller's last undoable action (``SessionState.last_undoable``); return it.

        A skip is undone (the inject is back in play, held for the controller if its time has
        passed), a delay is undone (back at its time before), a firing is marked as a mistake
        (it went out: it stays fired, and the report says so). Each undo is an event of its own.
        ``expected`` is the action the controller saw offered: if another window acted since,
        the undo is refused rather than undoing something else.
        """
        undone: list[UndoableAction] = []

        def build(now: float) -> list[Draft]:
            self._store.require_not_ended("undo an action")
            action = self._store.replayer.last_undoable
            if action is None:
                raise InvalidActionError("nothing to undo", code="nothing_to_undo")
            if expected is not None and (expected.kind, expected.inject_id) != (action.kind, action.inject_id):
                raise InvalidActionError(
                    f"the last action is now {action.kind} {action.inject_id}, not {expected.kind} "
                    f"{expected.inject_id}: look again before undoing", code="undo_changed",
                    params={"inject_id": action.inject_id})
            undone.append(action)
            if action.kind == "skip":
                return [self._unskip_draft(action.inject_id, now)]
            if action.kind == "delay":
                self._pending_inject(action.inject_id)  # fired meanwhile: nothing to put back
                return [self._store.draft(UndelayPayload(action.inject_id, int(action.due_at or 0),
                                                         action.delayed), now)]
            return [self._misfire_draft(action.inject_id, now)]
        self._control(build)
        return undone[0]

    def unskip(self, inject_id: str) -> None:
        """Put a skipped inject back in play (any skipped inject, not only the last action)."""
        self._control(lambda now: [self._unskip_draft(inject_id, now)])

    def mark_misfired(self, inject_id: str) -> None:
        """Record that a fired inject went out by mistake (it stays fired: it was sent)."""
        self._control(lambda now: [self._misfire_draft(inject_id, now)])

    def _unskip_draft(self, inject_id: str, now: float) -> Draft:
        self._store.require_not_ended("put an inject back in play")
        state = self._store.replayer.injects.get(inject_id)
        if state is None:
            raise arguments.unknown_inject(inject_id)
        if state.status is not InjectStatus.SKIPPED:
            raise InvalidActionError(f"inject {inject_id} is not skipped", code="not_skipped",
                                     params={"inject_id": inject_id})
        return self._store.draft(UnskipPayload(inject_id), now)

    def _misfire_draft(self, inject_id: str, now: float) -> Draft:
        state = self._store.replayer.injects.get(inject_id)
        if state is None:
            raise arguments.unknown_inject(inject_id)
        if state.status is not InjectStatus.FIRED or state.mistaken:
            raise InvalidActionError(f"inject {inject_id} is not a firing to mark", code="not_fired",
                                     params={"inject_id": inject_id})
        return self._store.draft(MisfirePayload(inject_id), now)

    def set_indicator(self, indicator_id: str, value: int | float | str) -> None:
        """Correct a situation figure by hand."""
        known = {i.id for i in self._store.package.exercise.indicators}
        if indicator_id not in known:
            raise InvalidActionError(f"unknown indicator {indicator_id!r} (known: {', '.join(sorted(known))})",
                                     code="unknown_indicator", params={"indicator_id": indicator_id})
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise InvalidActionError(f"indicator {indicator_id}: expected a number or a text, got {value!r}",
                                     code="bad_value", params={"field": indicator_id, "value": repr(value)})
        self._control(lambda now: [self._store.draft(IndicatorPayload(indicator_id, value), now)])


    # -- scheduler ---------------------------------------------------------------------

    def due_injects(self) -> list[InjectState]:
        """Injects whose time has come and which are neither fired nor skipped (manual and overdue included)."""
        return scheduler.due(self._store.state.injects)

    def next_to_fire(self) -> InjectState | None:
        """The inject ``fire_next()`` would fire now (None once ended or when none is left)."""
        return scheduler.next_to_fire(self._store.state)

    def tick(self) -> list[str]:
        """Fire the due injects that fire by themselves; return their ids (in firing order).

        Nothing fires unless the clock runs and auto-fire is on; manual and overdue
        injects wait for the controller. Call it when ``next_due_at()`` comes.
        """
        if self._store.read_only:
            return []
        self._recovery.is_controller = True
        self._recovery.take_over()  # the first tick after reopening dates the downtime and holds what fell due
        self._recovery.beat()
        state = self._store.state
        if state.clock_state is not ClockState.RUNNING:
            return []
        fired = []
        for candidate in scheduler.autofire_candidates(state.injects, autofire=state.autofire):
            try:
                self._control(functools.partial(self._auto_fire_drafts, candidate.id))
            except AlreadyDone:
                continue  # fired or skipped by another window a moment ago
            fired.append(candidate.id)
        return fired

    def next_due_at(self) -> float | None:
        """Wall-clock time at which ``tick()`` (or a repaint) is next needed; None if paused, ended or done."""
        clock = self._store.replayer.clock
        if clock.state is not ClockState.RUNNING:
            return None
        state = self._store.state
        deadline = scheduler.next_deadline(state.injects, clock.elapsed(self._store.time.now()), autofire=state.autofire)
        return None if deadline is None else clock.wall_time_at(deadline)


    # -- internals ---------------------------------------------------------------------

    def _control(self, build: Callable[[float], list[Draft]]) -> None:
        """Run one controller action: catch up under the write lock, check, write, apply."""
        self._store.require_writable()
        self._recovery.is_controller = True
        self._recovery.take_over()
        self._store.commit(build)

    def _clock_draft(self, kind: str, now: float) -> list[Draft]:
        clock = self._store.replayer.clock
        if not clock.can(kind):
            getattr(clock, kind)(now)  # raises ClockError with the reason
        if kind == "start":
            return [Draft(EventKind.START, now, 0.0, clock.scenario_time_at(0.0))]
        return [self._store.draft(PAYLOAD_TYPES[kind](), now)]

    def _auto_fire_drafts(self, inject_id: str, now: float) -> list[Draft]:
        return [self._fire_draft(inject_id, now, actor=None, auto=True)]

    def _fire_draft(self, inject_id: str, now: float, *, actor: str | None, auto: bool) -> Draft:
        inj = self._store.replayer.injects.get(inject_id)
        if inj is None:
            raise arguments.unknown_inject(inject_id)
        if not inj.pending:
            raise arguments.already_done(inject_id, inj.status)
        self._store.require_in_play("fire an inject")
        elapsed, _ = self._store.times(now)
        if auto and (inj.overdue or inj.inject.manual or not self._store.replayer.autofire
                     or elapsed is None or inj.due_at > elapsed):
            raise AlreadyDone(f"inject {inject_id} no longer fires by itself", code="not_automatic",
                               params={"inject_id": inject_id})
        payload = FirePayload(inject_id, inj.inject.title, to=list(inj.inject.to), auto=auto, overdue=inj.overdue,
                              due_at=inj.due_at, sets=dict(inj.inject.sets))
        return self._store.draft(payload, now, actor)

    def _pending_inject(self, inject_id: str):
        inj = self._store.replayer.injects.get(inject_id)
        if inj is None:
            raise arguments.unknown_inject(inject_id)
        if not inj.pending:
            raise arguments.already_done(inject_id, inj.status)
        return inj
