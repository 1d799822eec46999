"""Which console actions are enabled, as plain values over the core state (no widget needed).

The console applies these mappings to its QActions (``ConsoleActions.enable``); keys are the
action attribute names of ``ConsoleActions``.
"""

from __future__ import annotations

from crisisdesk.clock import ClockState
from crisisdesk.session import InjectState, InjectStatus, SessionState


def clock_action_states(state: SessionState) -> dict[str, bool]:
    """The clock and undo actions: what the exercise's clock allows now."""
    clock = state.clock.state
    in_play = clock in (ClockState.RUNNING, ClockState.PAUSED)
    return {
        "undo": state.last_undoable is not None,
        "start": clock is ClockState.READY,
        "pause": clock is ClockState.RUNNING,
        "resume": clock is ClockState.PAUSED,
        "end": in_play,
        "next_phase": in_play,
    }


def inject_action_states(inject: InjectState | None, clock: ClockState) -> dict[str, bool]:
    """The actions on the selected inject (``None``: nothing selected)."""
    done = inject is None or inject.done
    ended = clock is ClockState.ENDED
    return {
        "fire": not done and not ended,
        "skip": not done,
        "unskip": inject is not None and inject.status is InjectStatus.SKIPPED and not ended,
        "mark_misfired": inject is not None and inject.status is InjectStatus.FIRED and not inject.mistaken,
        "delay": not done,
        "edit": not done,
        # Only a fired inject can go to (or leave) the room display.
        "show_in_room": inject is not None and inject.status is InjectStatus.FIRED,
    }
