"""GUI: the situation-briefing timer — how long the point de situation the director called has left.

Not a session event: the briefing itself is an inject of the timeline (fired, logged); this is the
director's stopwatch for holding it to time, on the console's clock source.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class BriefingTimer:
    """A countdown of ``minutes`` from wall time ``started_at``; negative remaining means overrun."""

    minutes: int = 0
    started_at: float | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def start(self, minutes: int, now: float) -> None:
        self.minutes, self.started_at = minutes, now

    def stop(self) -> None:
        self.started_at = None

    def remaining(self, now: float) -> float | None:
        """Seconds left (negative once overrun), or None when no briefing is being timed."""
        if self.started_at is None:
            return None
        return self.minutes * 60 - (now - self.started_at)
