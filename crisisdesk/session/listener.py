"""Others' writes announced by the server: LISTEN/NOTIFY, so a console reads the log only when it changed.

Every write transaction on a server session sends ``NOTIFY`` on the session's
channel; PostgreSQL delivers it to every listener when (and only if) the
transaction commits. A ``ChangeListener`` keeps one connection in LISTEN on a
background thread and raises a flag; ``Session.refresh()`` (called by the console
every 0.25 s, by the observer window every 0.5 s) then reads only the events after the
last one it has, and does not query the server at all while nothing was announced.
Another write reaches every window within its refresh period plus the network's delay.

If the listening connection drops (network, server restarted) the listener says it
is not ``healthy`` and reconnects with a growing pause; meanwhile every refresh
queries the server (incremental reads, never the whole log), and the first refresh
after reconnecting always reads, so nothing announced while it was away is missed.
A full read every ``SAFETY_PERIOD`` seconds guards against a notification lost in
any way we have not thought of.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from crisisdesk.session.engines import SessionLocation, connect_listener, notify_channel

SAFETY_PERIOD = 15.0  # seconds: read anyway this often, even if nothing was announced
WAIT_STEP = 0.5  # seconds a listen waits before looking at the stop flag again


class ChangeListener:
    """A background LISTEN on one session's channel; ``take()`` says whether a read is needed."""

    def __init__(self, location: SessionLocation, *, on_change: Callable[[], None] | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self._location = location
        self._channel = notify_channel(location.session_name)
        self._on_change = on_change
        self._clock = clock
        self._changed = threading.Event()
        self._changed.set()  # read once first
        self._stop = threading.Event()
        self._healthy = False
        self._last_read = clock()
        self.notifications = 0  # how many were received (tests, benchmarks)
        self._thread = threading.Thread(target=self._run, name=f"listen-{location.session}", daemon=True)
        self._thread.start()

    @property
    def healthy(self) -> bool:
        """True while the listening connection is up (announcements can be trusted)."""
        return self._healthy

    def take(self) -> bool:
        """True if the log may have changed since the last call (then the caller reads it). Clears the flag.

        Cleared before the caller reads, so a commit announced during the read is
        seen at the next call.
        """
        now = self._clock()
        due = not self._healthy or now - self._last_read >= SAFETY_PERIOD
        changed = self._changed.is_set()
        if changed or due:
            self._changed.clear()
            self._last_read = now
            return True
        return False

    def missed(self) -> None:
        """The read that followed ``take()`` failed: read again next time."""
        self._changed.set()

    def wait(self, timeout: float) -> bool:
        """Block until a change is announced or ``timeout`` passes; True if one was (does not clear it)."""
        return self._changed.wait(timeout)

    def close(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        pause = 0.5
        while not self._stop.is_set():
            try:
                conn = connect_listener(self._location)
            except Exception:  # noqa: BLE001 - unreachable or refused: try again later
                self._healthy = False
                self._stop.wait(pause)
                pause = min(pause * 2, 5.0)
                continue
            pause = 0.5
            try:
                with conn:
                    conn.execute(f'LISTEN "{self._channel}"')
                    self._healthy = True
                    self._mark()  # whatever was committed while we were not listening
                    while not self._stop.is_set():
                        for _note in conn.notifies(timeout=WAIT_STEP):
                            self.notifications += 1
                            self._mark()
            except Exception:  # noqa: BLE001 - connection lost: reconnect
                pass
            finally:
                self._healthy = False

    def _mark(self) -> None:
        self._changed.set()
        if self._on_change is not None:
            try:
                self._on_change()
            except Exception:  # noqa: BLE001 - a callback's failure must not stop the listening
                pass
