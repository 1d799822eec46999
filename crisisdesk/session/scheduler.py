"""Which injects are due, which may fire by themselves, and when the next one falls due (pure)."""

from __future__ import annotations

from collections.abc import Iterable

from crisisdesk.clock import ClockState
from crisisdesk.session.state import InjectState, InjectStatus, SessionState


def due(injects: Iterable[InjectState]) -> list[InjectState]:
    """Injects whose time has come and which are neither fired nor skipped (manual ones included)."""
    return [s for s in injects if s.status is InjectStatus.DUE]


def autofire_candidates(injects: Iterable[InjectState], *, autofire: bool) -> list[InjectState]:
    """Due injects that fire by themselves: not manual, not overdue, and only while auto-fire is on."""
    if not autofire:
        return []
    return [s for s in due(injects) if not s.manual and not s.overdue]


def next_deadline(injects: Iterable[InjectState], elapsed: float, *, autofire: bool) -> int | None:
    """Exercise offset at which the scheduler must look again, or None if nothing is left.

    That is the earliest due time among injects that would fire by themselves
    (possibly already past: fire them now), or among the others the earliest that
    is still in the future (their status turns to due then).
    """
    best: int | None = None
    for s in injects:
        if s.status not in (InjectStatus.PENDING, InjectStatus.DUE) or s.overdue:
            continue
        fires_itself = autofire and not s.manual
        if fires_itself or s.due_at > elapsed:
            best = s.due_at if best is None else min(best, s.due_at)
    return best


def next_to_fire(state: SessionState) -> InjectState | None:
    """The next inject to fire: the first due by effective time, else the first still to come.

    The one definition of "the next inject" (the console's fire-next button, its clock
    bar and timeline). Held and manual injects count; None once the exercise has
    ended or when every inject is fired or skipped.
    """
    if state.clock_state is ClockState.ENDED:
        return None
    first_to_come = None
    for s in state.injects:  # in effective time order
        if s.status is InjectStatus.DUE:
            return s
        if first_to_come is None and s.status is InjectStatus.PENDING:
            first_to_come = s
    return first_to_come
