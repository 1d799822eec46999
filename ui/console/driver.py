"""GUI: drive the session's scheduler from one precise, re-armed timer; poll for others' writes.

Why not a fixed tick: Qt's default (coarse) timers and asyncio delays under qasync fire up to
a second early or late (notes §1). One ``PreciseTimer`` re-armed at each next deadline fired
within ~2 ms when the UI thread was idle. The deadline comes from the session at arm time
(wall clock from the injected time source), capped so the clock display keeps moving.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

MAX_WAIT_MS = 1000  # re-read the deadline at least every second (pauses, edits, other processes)
POLL_MS = 250  # clock labels and other processes' writes


class SessionDriver(QObject):
    """GUI: call ``session.tick()`` on time and tell the console when anything changed."""

    changed = Signal()  # the session state changed (our action, a tick, another process)
    fired = Signal(list)  # ids auto-fired by the last tick
    clock_tick = Signal()  # time passed: refresh clock labels

    def __init__(self, session, time_source, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.time_source = time_source
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setObjectName("deadlineTimer")
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline_timer.timeout.connect(self.on_deadline)
        self._poll_timer = QTimer(self)
        self._poll_timer.setObjectName("pollTimer")
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self.on_poll)

    def start(self) -> None:
        """Start both timers (the deadline one armed at once)."""
        self._poll_timer.start()
        self.arm()

    def stop(self) -> None:
        """Stop both timers (closing the window or the session)."""
        self._deadline_timer.stop()
        self._poll_timer.stop()

    def arm(self) -> int:
        """Re-arm the precise timer for the next inject deadline; return the delay in ms."""
        delay_ms = MAX_WAIT_MS
        deadline = self.session.next_due_at()
        if deadline is not None:
            remaining = deadline - self.time_source.now()
            # Round up: firing a millisecond early would find nothing due and cost a re-arm.
            delay_ms = min(MAX_WAIT_MS, max(0, math.ceil(remaining * 1000)))
        self._deadline_timer.start(delay_ms)
        return delay_ms

    @property
    def armed_ms(self) -> int:
        """Milliseconds left on the precise timer (-1 if stopped)."""
        return self._deadline_timer.remainingTime() if self._deadline_timer.isActive() else -1

    def on_deadline(self) -> list[str]:
        """Fire what is due (auto-fire), announce it, and re-arm; return the fired ids."""
        try:
            fired = self.session.tick()
        finally:
            self.arm()
        if fired:
            self.fired.emit(list(fired))
            self.changed.emit()
        self.clock_tick.emit()
        return fired

    def on_poll(self) -> bool:
        """Read other processes' writes and move the clock labels; True if the state changed."""
        changed = self.session.refresh()
        if changed:
            self.arm()  # another process may have paused, delayed or fired
            self.changed.emit()
        self.clock_tick.emit()
        return changed

    def poke(self) -> None:
        """Re-arm and announce a change after one of our own actions."""
        self.arm()
        self.changed.emit()
        self.clock_tick.emit()
