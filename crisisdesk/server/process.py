"""The room server as a child process, for the console and the tests (no Qt here).

The child is ``python -m crisisdesk.server SESSION --control``: its own interpreter,
so it never competes with the console's clock for the interpreter lock, and its
crash never touches the console. A reader thread turns its JSON lines into
messages; ``messages()`` hands them over without blocking, so a UI timer can poll.
The access state (links, devices, revocations) is kept here, in memory only, so a
server restarted after a crash gets the same links and no device must rejoin.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from crisisdesk.server.wire import read_object


class ServerProcess:
    def __init__(self, session_path: Path, host: str, port: int = 0, *, url_host: str | None = None,
                 grace_minutes: float | None = None, python: str | None = None):
        self.session_path = Path(session_path)
        self.host = host
        self.port = port
        self.url_host = url_host
        self.grace_minutes = grace_minutes
        self.python = python or sys.executable
        self.access: dict[str, Any] | None = None  # the latest state the server reported
        self.links: list[dict[str, Any]] = []
        self.base = ""
        self.stop_reason: str | None = None
        self._proc: subprocess.Popen | None = None
        self._messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self.stderr_tail: list[str] = []

    # -- life -------------------------------------------------------------------------

    def start(self) -> None:
        """Start (or restart, with the same port and access) the child; returns at once."""
        args = [self.python, "-m", "crisisdesk.server", str(self.session_path), "--control",
                "--host", self.host, "--port", str(self.port)]
        if self.url_host:
            args += ["--url-host", self.url_host]
        if self.grace_minutes is not None:
            args += ["--grace", str(self.grace_minutes)]
        env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
        self._ready.clear()
        self.stop_reason = None
        self._proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True, encoding="utf-8", env=env, bufsize=1)
        self._send({"access": self.access})
        self._reader = threading.Thread(target=self._read, args=(self._proc,), daemon=True, name="room-server-out")
        self._reader.start()
        threading.Thread(target=self._read_errors, args=(self._proc,), daemon=True,
                         name="room-server-err").start()

    def finish_reading(self, timeout: float = 1.0) -> None:
        """Once the child has exited, take its last lines (why it stopped) before judging."""
        reader = getattr(self, "_reader", None)
        if reader is not None and not self.running:
            reader.join(timeout)

    def wait_ready(self, timeout: float = 20.0) -> bool:
        return self._ready.wait(timeout)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def returncode(self) -> int | None:
        return self._proc.poll() if self._proc else None

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the server to stop (the links die with it); kill it if it does not."""
        proc = self._proc
        if proc is None or proc.poll() is not None:
            return
        self._send({"cmd": "stop"})
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def forget_access(self) -> None:
        """Drop the links and devices: the next start makes new ones (the old links die)."""
        self.access = None
        self.links = []

    # -- commands ---------------------------------------------------------------------

    def revoke_device(self, device_id: str) -> None:
        self._send({"cmd": "revoke_device", "id": device_id})

    def revoke_link(self, link_id: str) -> None:
        self._send({"cmd": "revoke_link", "id": link_id})

    def issue(self, kind: str, role: str | None = None, label: str = "") -> None:
        self._send({"cmd": "issue", "kind": kind, "role": role, "label": label})

    def messages(self) -> list[dict[str, Any]]:
        """The messages received since the last call (never blocks)."""
        out = []
        while True:
            try:
                out.append(self._messages.get_nowait())
            except queue.Empty:
                return out

    def devices(self) -> list[dict[str, Any]]:
        with self._lock:
            return list((self.access or {}).get("devices", []))

    # -- internals --------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        proc = self._proc
        if proc is None or proc.stdin is None or proc.poll() is not None:
            return
        try:
            proc.stdin.write(json.dumps(message) + "\n")
            proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass  # it died: the console sees it through ``running``

    def _read(self, proc: subprocess.Popen) -> None:
        assert proc.stdout is not None  # started with stdout=PIPE
        for raw in proc.stdout:
            message = read_object(raw)
            if message is None:
                continue
            kind = message.get("type")
            with self._lock:
                if kind == "ready":
                    self.port = message["port"]
                    self.base = message["base"]
                    self.links = message["links"]
                    self.access = message.get("access")
                elif kind == "access":
                    self.access = message["access"]
                    known = {link["id"] for link in self.links}
                    for link in self.access.get("links", []):
                        if link["id"] in known:
                            for shown in self.links:
                                if shown["id"] == link["id"]:
                                    shown["revoked"] = link["revoked"]
                elif kind == "link":
                    self.links.append(message["link"])
                elif kind == "stopped":
                    self.stop_reason = message.get("reason")
            if kind == "ready":
                self._ready.set()
            self._messages.put(message)

    def _read_errors(self, proc: subprocess.Popen) -> None:
        assert proc.stderr is not None  # started with stderr=PIPE
        for line in proc.stderr:
            self.stderr_tail = (self.stderr_tail + [line.rstrip()])[-20:]
