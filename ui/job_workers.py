"""GUI: the two ways a background job's layout runs — a child process, or a thread in a frozen build.

``ChildProcess`` starts ``python -m <module>`` and reads its lines (ui/child_protocol.py);
``ThreadJob`` runs the same ``work(say)`` on a thread, for a frozen build that has no
Python to start. Both emit ``line(text)`` for each progress line, then ``succeeded()``
or ``error(message)`` with the same sentences. ui/background_job.py drives them.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QThread, Signal

from ui.child_protocol import DONE, ERROR, Work, bug_message, read_message, user_message

log = logging.getLogger("crisisdesk")

_ROOT = Path(__file__).resolve().parent.parent  # holds the ui and crisisdesk packages


def child_arguments(session_path: Any) -> tuple[str, str | None]:
    """What names the session on a child's command line, and the server password to pass beside it.

    A server session: its URL without the password (others can read a command line); the
    password, if any, goes through the child's environment, as libpq reads it.
    """
    password = getattr(getattr(session_path, "url", None), "password", None)
    shown = session_path.display if hasattr(session_path, "display") else str(session_path)
    return shown, password


class ChildProcess(QObject):
    """Run ``python -m <module> <args>`` and read its lines (ui/child_protocol.py).

    ``line(text)`` for each progress line, then ``succeeded()`` or ``error(message)``,
    then ``finished()``.
    """

    line = Signal(str)
    succeeded = Signal()
    error = Signal(str)
    finished = Signal()

    def __init__(self, module: str, args: Sequence[str], *, password: str | None = None, what: str = "job"):
        super().__init__()
        self._args = ["-m", module, *args]
        self._password = password
        self._what = what  # "report", "kit": in the log and the sentence of a crash
        self._process: QProcess | None = None
        self._last = ""
        self._buffer = b""

    def start(self) -> None:
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        paths = [str(_ROOT), env.value("PYTHONPATH", "")]
        env.insert("PYTHONPATH", os.pathsep.join(p for p in paths if p))
        if self._password:
            env.insert("PGPASSWORD", self._password)
        process.setProcessEnvironment(env)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._failed_to_start)
        self._process = process
        process.start(sys.executable, self._args)

    def isRunning(self) -> bool:  # noqa: N802 (as QThread)
        return self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning

    def _read(self) -> None:
        assert self._process is not None
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            if line:
                self._last = line
                if line != DONE and not line.startswith(ERROR):
                    self.line.emit(line)

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        assert self._process is not None
        self._read()
        if code == 0 and status == QProcess.ExitStatus.NormalExit and self._last == DONE:
            self.succeeded.emit()
        else:
            details = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace").strip()
            if details:
                log.error("%s failed:\n%s", self._what, details)
            if self._last.startswith(ERROR):
                message = read_message(self._last)
            else:
                message = f"the {self._what} process stopped ({status.name}, code {code})"
            self.error.emit(message)
        self.finished.emit()

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        assert self._process is not None
        if error == QProcess.ProcessError.FailedToStart:
            self.error.emit(f"cannot start {sys.executable}: {self._process.errorString()}")
            self.finished.emit()


class ThreadJob(QThread):
    """The same work on a thread, for a frozen build: the same lines, the same sentences."""

    line = Signal(str)
    succeeded = Signal()
    error = Signal(str)

    def __init__(self, work: Work, *, what: str = "job"):
        super().__init__()
        self._work = work
        self._what = what

    def run(self) -> None:
        try:
            self._work(self.line.emit)
        except Exception as exc:
            message = user_message(exc)
            if message is None:  # a bug: keep the app alive, log it, say it
                log.exception("%s failed", self._what)
                message = bug_message(exc)
            self.error.emit(message)
        else:
            self.succeeded.emit()
