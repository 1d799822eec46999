"""GUI: read the session's own clock (its injected time source), never the system clock directly."""

from __future__ import annotations

import time


def session_now(session) -> float:
    """Return the wall-clock time the session uses (a FakeTime in tests)."""
    now = getattr(session, "now", None)
    if callable(now):
        return float(now())
    source = getattr(session, "time_source", None)
    if source is not None:
        return float(source.now())
    return time.time()
