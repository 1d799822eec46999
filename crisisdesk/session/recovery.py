"""After a crash: the controller's heartbeat, and the takeover that holds what fell due while it was down.

The clock counts wall time, so the minutes the app was down are exercise time. The
injects that fell due meanwhile do not fire by themselves: the first controller
action or ``tick()`` after reopening a running exercise records a ``recovered``
event that flags them overdue and dates the downtime from the last heartbeat.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError, OperationalError

from crisisdesk.clock import ClockState
from crisisdesk.session.core import EventStore
from crisisdesk.session.schema import Meta
from crisisdesk.session.store import Draft, busy_timeout
from crisisdesk.vocabulary import RecoveredPayload

HEARTBEAT_INTERVAL = 5.0  # seconds between two "controller alive" marks while running
# A heartbeat waits this long at most for the write lock: it runs on the UI thread, and a
# missed one only makes the downtime estimate coarser.
BEAT_BUSY_TIMEOUT_MS = 80
DOWNTIME_GRACE = 15.0  # a gap shorter than this is a restart, not downtime worth reporting


class Recovery:
    """The controller's heartbeat and the takeover after reopening a running exercise.

    ``opened(now)`` is called once the file's events are read; ``take_over`` before a
    controller action; ``beat`` on the controller's timer.
    """

    def __init__(self, store: EventStore):
        self._store = store
        self.is_controller = False  # this window ticked or acted: it is the controller's
        self.needs_takeover = False
        self.opened_at = store.time.now()
        self._last_beat = 0.0

    def opened(self) -> None:
        """The events are read: a running exercise reopened in a writable window needs a takeover."""
        store = self._store
        self.needs_takeover = not store.read_only and store.replayer.clock.state is ClockState.RUNNING
        self.opened_at = store.time.now()

    def beat(self) -> bool:
        """Mark the controller's app alive, to date a downtime after a crash; True if written.

        Writes at most every ``HEARTBEAT_INTERVAL`` seconds, only in the controller's
        window (one that ticked or acted) while the clock runs. It waits at most
        ``BEAT_BUSY_TIMEOUT_MS`` for the write lock, and a failed beat is not retried
        before the next interval: a missed beat only makes the downtime estimate
        coarser. ``tick()`` calls it; the console may also call it on its own timer.
        """
        store = self._store
        if (store.closed or not self.is_controller or self.needs_takeover or store.read_only
                or store.replayer.clock.state is not ClockState.RUNNING):
            return False  # before the takeover, the old heartbeat dates the downtime
        now = store.time.now()
        if now - self._last_beat < HEARTBEAT_INTERVAL:
            return False
        self._last_beat = now
        try:
            with store.engine.connect() as conn, busy_timeout(conn, BEAT_BUSY_TIMEOUT_MS, store.busy_timeout_ms):
                with conn.begin():
                    done = conn.execute(update(Meta).where(Meta.key == "heartbeat").values(value=repr(now))).rowcount
                    if not done:
                        conn.execute(insert(Meta).values(key="heartbeat", value=repr(now)))
        except (OperationalError, DBAPIError):
            return False
        return True

    def take_over(self) -> None:
        """On the first controller action after reopening a running exercise, flag what fell due meanwhile."""
        if not self.needs_takeover:
            return
        store = self._store
        with store.read() as conn:
            beat = conn.execute(select(Meta.value).where(Meta.key == "heartbeat")).scalar()
        opened_at = self.opened_at

        def build(now: float) -> list[Draft]:
            rep = store.replayer
            if rep.clock.state is not ClockState.RUNNING:
                return []
            elapsed = rep.clock.elapsed(now)
            overdue = [i.inject.id for i in rep.injects.values()
                       if i.pending and not i.inject.manual and not i.overdue and i.due_at <= elapsed]
            alive = max(float(beat) if beat else 0.0, rep.last_controller_time or 0.0)
            down = opened_at - alive > DOWNTIME_GRACE
            if not overdue and not down:
                return []
            payload = RecoveredPayload(overdue, alive if down else None, opened_at if down else None)
            return [store.draft(payload, now)]
        store.commit(build)  # if this fails, nothing fires by itself: the next tick tries again
        self.needs_takeover = False
