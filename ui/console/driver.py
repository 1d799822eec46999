"""GUI: drive the session's scheduler from one precise, re-armed timer; poll for others' writes.

Why not a fixed tick: Qt's default (coarse) timers and asyncio delays under qasync fire up to
a second early or late (notes §1). One ``PreciseTimer`` re-armed at each next deadline fired
within ~2 ms when the UI thread was idle. The deadline comes from the session at arm time
(wall clock from the injected time source), capped so the clock display keeps moving.

When the file refuses a write (locked by another program, disk full, read-only), the due
inject stays due and its deadline stays in the past: re-arming at once would spin. The
driver then backs off (1 s, 2 s, 5 s, 10 s), says so through ``write_failed`` (the console
shows a banner, not one dialog per attempt) and ``write_recovered`` once a write goes through.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from crisisdesk.session import SessionError

if TYPE_CHECKING:
    from crisisdesk.clock import TimeSource
    from crisisdesk.session import Session

MAX_WAIT_MS = 1000  # re-read the deadline at least every second (pauses, edits, other processes)
POLL_MS = 250  # clock labels and other processes' writes
BEAT_MS = 5000  # "controller alive" mark, to date a downtime after a crash (the session writes at most this often)
RETRY_DELAYS_MS = (1000, 2000, 5000, 10000)  # after the 1st, 2nd, 3rd, 4th and later failures in a row


def retry_delay_ms(failures: int) -> int:
    """How long to wait before the next attempt after ``failures`` failed ones in a row (1 s at first)."""
    return RETRY_DELAYS_MS[min(max(failures, 1), len(RETRY_DELAYS_MS)) - 1]


class SessionDriver(QObject):
    """GUI: call ``session.tick()`` on time and tell the console when anything changed."""

    changed = Signal()  # the session state changed (our action, a tick, another process)
    fired = Signal(list)  # ids auto-fired by the last tick
    clock_tick = Signal()  # time passed: refresh clock labels
    write_failed = Signal(object)  # a SessionError: the file did not take a write (retried after retry_in_ms())
    write_recovered = Signal()  # every write that had failed went through

    def __init__(self, session: Session, time_source: TimeSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.time_source = time_source
        self._failing: dict[str, SessionError] = {}  # "tick", "pending", "read" -> the last error
        self._tick_failures = 0
        self._pending_failures = 0
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setObjectName("deadlineTimer")
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline_timer.timeout.connect(self.on_deadline)
        self._poll_timer = QTimer(self)
        self._poll_timer.setObjectName("pollTimer")
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self.on_poll)
        self._beat_timer = QTimer(self)
        self._beat_timer.setObjectName("beatTimer")
        self._beat_timer.setInterval(BEAT_MS)
        self._beat_timer.timeout.connect(self.on_beat)
        self._pending_timer = QTimer(self)
        self._pending_timer.setObjectName("pendingRetryTimer")
        self._pending_timer.setSingleShot(True)
        self._pending_timer.timeout.connect(self.retry_pending_writes)

    def start(self) -> None:
        """Start the timers (the deadline one armed at once)."""
        self._poll_timer.start()
        self._beat_timer.start()
        self.arm()

    def stop(self) -> None:
        """Stop every timer (closing the window or the session)."""
        for timer in (self._deadline_timer, self._poll_timer, self._beat_timer, self._pending_timer):
            timer.stop()

    def arm(self) -> int:
        """Re-arm the precise timer for the next inject deadline; return the delay in ms.

        While backing off after a failed tick, never sooner than the back-off allows.
        """
        if self._tick_failures and self._deadline_timer.isActive():
            return self._deadline_timer.remainingTime()
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

    @property
    def failure(self) -> SessionError | None:
        """The latest error of a write still failing (None when every write goes through)."""
        return next(reversed(self._failing.values()), None)

    def retry_in_ms(self) -> int | None:
        """Milliseconds until the next attempt at a failed write (None if nothing is failing or scheduled)."""
        waits = [timer.remainingTime() for key, timer in (("tick", self._deadline_timer),
                                                          ("pending", self._pending_timer))
                 if key in self._failing and timer.isActive()]
        return min(waits) if waits else None

    def on_deadline(self) -> list[str]:
        """Fire what is due (auto-fire), announce it, and re-arm; return the fired ids."""
        try:
            fired = self.session.tick()
        except SessionError as error:
            self._tick_failures += 1
            self._deadline_timer.start(retry_delay_ms(self._tick_failures))
            self._failed("tick", error)
            self.clock_tick.emit()
            return []
        except Exception:
            # A bug, not the file: the error reporter shows it; back off so it is not shown in a loop.
            self._tick_failures += 1
            self._deadline_timer.start(retry_delay_ms(self._tick_failures))
            raise
        self._tick_failures = 0
        self.arm()
        self._succeeded("tick")
        if fired:
            self.fired.emit(list(fired))
            self.changed.emit()
        self.clock_tick.emit()
        return fired

    def on_poll(self) -> bool:
        """Read other processes' writes and move the clock labels; True if the state changed."""
        try:
            changed = self.session.refresh()
        except SessionError as error:
            self._failed("read", error)
            self.clock_tick.emit()
            return False
        self._succeeded("read")
        if changed:
            self.arm()  # another process may have paused, delayed or fired
            self.changed.emit()
        if self.session.pending_writes and not self._pending_timer.isActive():
            self._pending_timer.start(retry_delay_ms(self._pending_failures))
        self.clock_tick.emit()
        return changed

    def on_beat(self) -> None:
        """Mark the controller alive (the session writes it only while running, and never waits long)."""
        try:
            self.session.beat()
        except SessionError:
            pass  # a missed beat only makes a later downtime estimate coarser

    def retry_pending_writes(self) -> int:
        """Store the writes the file refused earlier (kept by the session); return how many were saved."""
        if not self.session.pending_writes:
            self._pending_failures = 0
            self._succeeded("pending")
            return 0
        try:
            saved = self.session.retry_pending()
        except SessionError as error:
            self._pending_failures += 1
            self._pending_timer.start(retry_delay_ms(self._pending_failures))
            self._failed("pending", error)
            return 0
        self._pending_failures = 0
        self._succeeded("pending")
        self.changed.emit()
        return saved

    def poke(self) -> None:
        """Re-arm and announce a change after one of our own actions."""
        self.arm()
        self.changed.emit()
        self.clock_tick.emit()

    def _failed(self, key: str, error: SessionError) -> None:
        self._failing[key] = error
        self.write_failed.emit(error)

    def _succeeded(self, key: str) -> None:
        if self._failing.pop(key, None) is None:
            return
        if self._failing:
            self.write_failed.emit(self.failure)
        else:
            self.write_recovered.emit()
