"""GUI: build the plain view values (clock bar, room display) from the session state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crisisdesk.clock import ClockState
from crisisdesk.session import InjectStatus
from crisisdesk.timefmt import exercise_timezone, wall_clock
from ui.console.clock_bar import ClockView
from ui.room_display import RoomSelection, RoomView

if TYPE_CHECKING:
    from crisisdesk.session import Session


def clock_view(session: Session, now: float) -> ClockView:
    """Return what the clock bar shows at wall time ``now``."""
    state = session.state
    clock = state.clock
    elapsed = clock.elapsed(now)
    # The core's one definition of "next" (what "fire next" fires; None once ended).
    next_state = session.next_to_fire()
    next_in = None
    next_label = ""
    next_due = False
    if next_state is not None:
        next_label = f"{next_state.inject.id} {next_state.inject.title}"
        if next_state.status is InjectStatus.DUE:
            next_due = True
        elif clock.state is ClockState.RUNNING:
            next_in = next_state.due_at - elapsed
    return ClockView(
        state=clock.state.name,
        elapsed=elapsed,
        scenario_time=clock.scenario_time_at(elapsed),
        phase_title=clock.phase_at(elapsed).title,
        autofire=state.autofire,
        next_label=next_label,
        next_in=next_in,
        next_due=next_due,
        wall_time=wall_clock(now, exercise_timezone(session.package.exercise)),
    )


def room_view(session: Session, now: float, selection: RoomSelection) -> RoomView:
    """Return what the room display shows at wall time ``now`` (public content only)."""
    state = session.state
    package = session.package
    clock = state.clock
    elapsed = clock.elapsed(now)
    indicators = tuple(
        (indicator.label, str(state.indicators.get(indicator.id, indicator.initial)), indicator.unit or "")
        for indicator in selection.shown_indicators(package.exercise.indicators)
    )
    return RoomView(
        exercise_title=package.exercise.title,
        scenario_time=clock.scenario_time_at(elapsed),
        phase_title=clock.phase_at(elapsed).title,
        indicators=indicators,
        feed=selection.feed(state.injects, clock.scenario_time_at),
        ended=clock.state is ClockState.ENDED,
        language=package.exercise.language,
    )


def state_signature(state) -> tuple:
    """Return a cheap value that changes whenever the panels need redrawing."""
    return (
        state.last_seq,
        state.autofire,
        state.clock.state,
        len(state.entries),
        len(state.checks),
        tuple((s.status, s.overdue, s.due_at) for s in state.injects),
    )
