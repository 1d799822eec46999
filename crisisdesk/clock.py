"""The exercise clock: wall-time sources and the ready/running/paused/ended state machine.

Exercise time counts real seconds of play since STARTEX, pauses excluded. It is
anchored on wall-clock epoch times stored in the session's events, so a clock rebuilt
after a crash keeps counting the minutes the app was down while the room kept
playing. Scenario time follows the phases: each phase has its own scenario start and
speed (``scale``), and the controller may move a phase's start (jump to it early, or
shift the remaining timeline).

Nothing here reads the system clock by itself: callers pass ``now`` taken from a
``TimeSource``, so tests drive a ``FakeTime`` and never sleep.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import Protocol

from crisisdesk.package.model import Phase, phase_index_at, scenario_time_at


class TimeSource(Protocol):
    """Anything that tells the wall-clock time as epoch seconds (like ``time.time``)."""

    def now(self) -> float: ...


class SystemTime:
    """The real wall clock."""

    def now(self) -> float:
        return time.time()


class FakeTime:
    """A wall clock that only moves when told to: for tests and headless rehearsals."""

    def __init__(self, start: float = 1_780_000_000.0):
        self._now = float(start)

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock forward by ``seconds`` and return the new time."""
        if seconds < 0:
            raise ValueError("a fake clock only moves forward; use set() to go back")
        self._now += seconds
        return self._now

    def set(self, t: float) -> None:
        """Put the clock at epoch time ``t``."""
        self._now = float(t)


class ClockState(Enum):
    """Where the exercise stands: before STARTEX, in play, paused, after ENDEX."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class ClockError(ValueError):
    """A clock transition that is not allowed in the current state (e.g. pause when ready).

    ``code`` says why in a stable word the interface translates ("not_started",
    "ended", "already_started", "not_running", "not_paused"); ``params`` holds the
    ``action`` and the clock's ``state``. str() is an English sentence.
    """

    def __init__(self, message: str, *, code: str, params: dict[str, str]):
        super().__init__(message)
        self.code = code
        self.params = params


_ALLOWED = {
    "start": (ClockState.READY,),
    "pause": (ClockState.RUNNING,),
    "resume": (ClockState.PAUSED,),
    "end": (ClockState.RUNNING, ClockState.PAUSED),
}


def _refusal(action: str, state: ClockState) -> tuple[str, str]:
    """The code and the English reason why ``action`` is refused in ``state``."""
    if state is ClockState.READY:
        return "not_started", "it has not started"
    if state is ClockState.ENDED:
        return "ended", "it has ended"
    if action == "start":
        return "already_started", "it has already started"
    if action == "pause":
        return "not_running", "it is not running (paused)"
    return "not_paused", "it is not paused (running)"


@dataclass(frozen=True)
class ExerciseClock:
    """Immutable clock value; transitions return a new clock.

    ``phases`` are the effective phases: their ``at`` already includes the
    controller's jumps and shifts (the package keeps the planned ones).
    ``banked`` is the exercise time played before the current run segment and
    ``running_since`` the epoch at which that segment began (None unless running).
    """

    phases: tuple[Phase, ...]
    state: ClockState = ClockState.READY
    started_at: float | None = None
    ended_at: float | None = None
    banked: float = 0.0
    running_since: float | None = None

    # -- transitions -------------------------------------------------------------

    def _check(self, action: str) -> None:
        if self.state not in _ALLOWED[action]:
            code, reason = _refusal(action, self.state)
            raise ClockError(f"cannot {action} the exercise: {reason}", code=code,
                             params={"action": action, "state": self.state.value})

    def can(self, action: str) -> bool:
        """True if ``action`` (start, pause, resume, end) is allowed now."""
        return self.state in _ALLOWED[action]

    def start(self, now: float) -> ExerciseClock:
        """STARTEX: exercise time begins counting at ``now``."""
        self._check("start")
        return replace(self, state=ClockState.RUNNING, started_at=now, running_since=now, banked=0.0)

    def pause(self, now: float) -> ExerciseClock:
        """Stop counting exercise time."""
        self._check("pause")
        return replace(self, state=ClockState.PAUSED, banked=self.elapsed(now), running_since=None)

    def resume(self, now: float) -> ExerciseClock:
        """Count exercise time again from ``now``."""
        self._check("resume")
        return replace(self, state=ClockState.RUNNING, running_since=now)

    def end(self, now: float) -> ExerciseClock:
        """ENDEX: freeze exercise time for good."""
        self._check("end")
        return replace(self, state=ClockState.ENDED, banked=self.elapsed(now), running_since=None, ended_at=now)

    def with_phase_starts(self, starts: tuple[int, ...]) -> ExerciseClock:
        """Return the clock with each phase beginning at the given exercise offsets."""
        if len(starts) != len(self.phases):
            raise ValueError("one start per phase is needed")
        if any(b < a for a, b in zip(starts, starts[1:], strict=False)):
            raise ValueError("phase starts must not go backwards")
        return replace(self, phases=tuple(replace(p, at=int(s)) for p, s in zip(self.phases, starts, strict=True)))

    # -- queries -----------------------------------------------------------------

    @property
    def phase_starts(self) -> tuple[int, ...]:
        """The effective start (exercise offset) of each phase."""
        return tuple(p.at for p in self.phases)

    def elapsed(self, now: float) -> float:
        """Exercise seconds played at wall time ``now`` (0 before STARTEX, frozen when paused or ended)."""
        if self.state is ClockState.RUNNING and self.running_since is not None:
            return self.banked + max(0.0, now - self.running_since)
        return self.banked

    def wall_time_at(self, elapsed: float) -> float | None:
        """Epoch time at which exercise time will reach ``elapsed`` (None unless running)."""
        if self.state is not ClockState.RUNNING or self.running_since is None:
            return None
        return self.running_since + (elapsed - self.banked)

    def phase_index_at(self, elapsed: float) -> int:
        """Index of the phase in force at exercise offset ``elapsed``."""
        return phase_index_at(self.phases, elapsed)

    def phase_at(self, elapsed: float) -> Phase:
        """The (effective) phase in force at exercise offset ``elapsed``."""
        return self.phases[self.phase_index_at(elapsed)]

    def scenario_time_at(self, elapsed: float) -> datetime:
        """Scenario date and time at exercise offset ``elapsed`` (effective phases)."""
        return scenario_time_at(self.phases, elapsed)

    def current_phase(self, now: float) -> Phase:
        """The phase in force at wall time ``now``."""
        return self.phase_at(self.elapsed(now))

    def current_phase_index(self, now: float) -> int:
        """Index of the phase in force at wall time ``now``."""
        return self.phase_index_at(self.elapsed(now))

    def scenario_time(self, now: float) -> datetime:
        """Scenario date and time at wall time ``now``."""
        return self.scenario_time_at(self.elapsed(now))
