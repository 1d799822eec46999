"""The console's side of the room server: start it as a child process, watch it, restart it.

Logic only (no widgets): ``RoomServerController`` wraps the Qt-free
``ServerProcess``, polls its messages on a timer (never blocking the window or the
inject timer), and says when it died. A server that dies without being asked is
restarted with the same port, links and devices, so the room's pages reconnect by
themselves. It stops on demand, when the console closes, or by itself at ENDEX plus
the grace period; then its links die.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from crisisdesk.server.process import ServerProcess

POLL_MS = 500
RESTARTS_PER_MINUTE = 5
DEFAULT_GRACE_MINUTES = 30.0


class RoomServerController(QObject):
    """GUI-side owner of the room server child process."""

    started = Signal()
    stopped = Signal(str)  # why: "asked", "endex", "gave_up"
    died = Signal(str)  # the last lines it wrote on stderr
    restarted = Signal()
    changed = Signal()  # links or devices

    def __init__(self, session_path: Path, parent: QObject | None = None, *,
                 grace_minutes: float | None = DEFAULT_GRACE_MINUTES):
        super().__init__(parent)
        self.session_path = Path(session_path)
        self.grace_minutes = grace_minutes
        self.process: ServerProcess | None = None
        self._wanted = False
        self._restarts: list[float] = []
        self.deaths = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.running

    @property
    def links(self) -> list[dict]:
        return list(self.process.links) if self.process else []

    @property
    def devices(self) -> list[dict]:
        return self.process.devices() if self.process else []

    def start(self, host: str, port: int) -> None:
        """Start a server on ``host:port`` (0: a free port) with new links."""
        self.stop()
        self.process = ServerProcess(self.session_path, host, port, grace_minutes=self.grace_minutes)
        self._wanted = True
        self._restarts.clear()
        self.process.start()
        self._timer.start()

    def stop(self) -> None:
        """Stop the server; its links and devices are forgotten (they die with it)."""
        self._wanted = False
        if self.process is not None:
            self.process.stop()
            self.process.forget_access()
            self.process = None
            self._timer.stop()
            self.stopped.emit("asked")
            self.changed.emit()

    def revoke_device(self, device_id: str) -> None:
        if self.process is not None:
            self.process.revoke_device(device_id)

    def revoke_link(self, link_id: str) -> None:
        if self.process is not None:
            self.process.revoke_link(link_id)

    def replace_link(self, link_id: str) -> None:
        """Revoke a link (and every device that came through it) and issue a new one of the same kind."""
        if self.process is None:
            return
        old = next((lk for lk in self.process.links if lk["id"] == link_id), None)
        if old is None:
            return
        self.process.revoke_link(link_id)
        self.process.issue(old["kind"], old["role"], old["label"])

    def poll(self) -> None:
        """Take the server's messages; restart it if it died without being asked."""
        process = self.process
        if process is None:
            return
        process.finish_reading()  # an exited child's last line says whether it stopped on purpose
        messages = process.messages()
        for message in messages:
            if message.get("type") == "ready":
                self.started.emit()
        if messages:
            self.changed.emit()
        if process.running or not self._wanted:
            return
        if process.stop_reason in ("endex", "asked"):
            self._wanted = False
            self._timer.stop()
            process.forget_access()
            self.stopped.emit(process.stop_reason)
            self.changed.emit()
            return
        self.deaths += 1
        self.died.emit("\n".join(process.stderr_tail[-5:]))
        now = time.monotonic()
        self._restarts = [t for t in self._restarts if now - t < 60] + [now]
        if len(self._restarts) > RESTARTS_PER_MINUTE:
            self._wanted = False
            self._timer.stop()
            self.stopped.emit("gave_up")
            return
        process.start()  # same port, links and devices: the pages reconnect by themselves
        self.restarted.emit()
