"""GUI: one background job at a time — HTML laid out by a child process, printed to PDF, delivered.

The RETEX report (ui/report_action.py) and the printed kits (ui/kit_action.py) are made
the same way: a child Python process lays out the HTML from its OWN read-only session on
the file (``ChildProcess``, speaking ui/child_protocol.py), QtWebEngine prints it to PDF
asynchronously on the UI thread, and the files are copied into place only once complete.
A non-modal progress dialog shows the step, so the controller keeps firing injects
meanwhile. (A thread was not enough: the layout is pure-Python work that held the
interpreter lock against the window, and injects fired up to 1.6 s late while a long
exercise's report was made.) A frozen build, which has no Python to start, runs the same
work on a thread instead (``ThreadJob``; both workers: ui/job_workers.py).

``BackgroundJob`` holds what both share: one job at a time, the temporary folder, the
progress dialog, cancel, the failure sentence, the delivery and the status bar. Its
subclasses say what the steps are and what the user reads; they keep their own words
(their ``tr`` context) so the translations stay where they are.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

from ui.child_protocol import Work
from ui.job_workers import ChildProcess, ThreadJob, child_arguments

# Workers still running are kept here, not parented to their controller: a window
# closed mid-job must not destroy a running QThread (Qt aborts the process).
_RUNNING: set[QObject] = set()


def session_location(session_path: Any) -> Any:
    """A file path, or a server session's location (crisisdesk.session.engines.SessionLocation) as it is."""
    return session_path if hasattr(session_path, "on_server") else Path(session_path)


def _forget(worker: QObject) -> None:
    _RUNNING.discard(worker)
    worker.deleteLater()


class BackgroundJob(QObject):
    """One job at a time in the background: lay out (child process), print (WebEngine), deliver.

    Subclasses declare ``finished`` with the type of their result, start a job with
    ``_begin`` then ``_run``, and answer ``_on_line`` (a progress line of the child),
    ``_on_laid_out`` (the child is done), ``_on_printed`` (one PDF is printed) and
    ``_failure_words``.
    """

    failed = Signal(str)
    cancelled = Signal()
    progress = Signal(int, str)  # step, what is happening

    def __init__(self, session_path: Any, parent: QObject | None = None, *, show_progress: bool = True):
        super().__init__(parent)
        self.session_path = session_location(session_path)
        self._show_progress = show_progress
        self._out: Path | None = None
        self._tmp: Path | None = None
        self._worker: ChildProcess | ThreadJob | None = None
        self._printer: Any = None  # ui.pdf.PdfPrinter, made on the first print
        self._printing = False
        self._cancelled = False
        self._cancellable = False
        self.dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self._out is not None

    def cancel(self) -> None:
        """Drop the job being done: nothing is written; ``cancelled`` is emitted."""
        if not self.busy or self._cancelled:
            return
        self._cancelled = True
        if self._printing or (self._worker is not None and self._worker.isRunning()):
            return  # the running step ends by itself; its result is then discarded
        self._end()
        self.cancelled.emit()

    # -- for the subclasses ------------------------------------------------------------

    def _begin(self, out: Path, temp_prefix: str) -> Path:
        """Take the job: the target, and a fresh temporary folder (returned)."""
        self._out = out
        self._cancelled = False
        self._tmp = Path(tempfile.mkdtemp(prefix=temp_prefix))
        return self._tmp

    def _run(self, module: str, args: Sequence[str], work: Work, *, what: str) -> None:
        """Lay out in ``python -m module session args`` (``work`` on a thread in a frozen build)."""
        worker: ChildProcess | ThreadJob
        if getattr(sys, "frozen", False):
            worker = ThreadJob(work, what=what)
        else:
            shown, password = child_arguments(self.session_path)
            worker = ChildProcess(module, [shown, *args], password=password, what=what)
        worker.line.connect(self._on_line)
        worker.succeeded.connect(self._laid_out)
        worker.error.connect(self._fail)
        _RUNNING.add(worker)
        worker.finished.connect(lambda w=worker: _forget(w))
        self._worker = worker
        worker.start()

    def _open_dialog(self, label: str, title: str, name: str, steps: int, *, cancel: str | None) -> None:
        """The non-modal progress dialog; ``cancel`` is its button's text (None: no button)."""
        parent = self._parent_widget()
        dialog = QProgressDialog(label, cancel or "", 0, steps, parent)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        if cancel is None:
            dialog.setCancelButton(None)  # no button: the caller offers no cancel
        # Not modal: the exercise goes on while the job is done.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(380)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self._cancellable = cancel is not None
        if self._cancellable:
            dialog.canceled.connect(self.cancel)
        self.dialog = dialog

    def _set_progress(self, step: int, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setLabelText(text)
            self.dialog.setValue(step)
        self.progress.emit(step, text)

    def _print(self, html: Path) -> None:
        """Print ``html`` to the PDF beside it; ``_on_printed(pdf path)`` follows."""
        from ui.pdf import PdfPrinter

        if self._printer is None:
            self._printer = PdfPrinter(self)
            self._printer.finished.connect(self._print_done)
            self._printer.failed.connect(self._fail)
        self._printing = True
        self._printer.print_file(html, html.with_suffix(".pdf"))

    def _install(self, files: Sequence[tuple[Path, Path]]) -> None:
        """Copy each produced file to its target, which only appears once complete (OSError if not)."""
        for produced, target in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            # The temporary folder may be on another disk than the target: copy, then rename.
            staging = target.with_name(f".{target.name}.part")
            shutil.copyfile(produced, staging)
            os.replace(staging, target)

    def _succeed(self, result: object, step: int, text: str, status: str, status_ms: int) -> None:
        """The job is delivered: last step, the window's status bar, ``finished(result)``."""
        self._set_progress(step, text)
        self._end()
        window = self.parent()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(status, status_ms)
        self.finished.emit(result)  # type: ignore[attr-defined]  # each subclass types its own

    def _fail(self, message: str) -> None:
        self._worker = None
        self._printing = False
        cancelled = self._cancelled
        self._end()
        if cancelled:
            self.cancelled.emit()
            return
        parent = self._parent_widget()
        if self._show_progress and parent is not None:
            title, sentence, name = self._failure_words()
            box = QMessageBox(QMessageBox.Icon.Warning, title, sentence, QMessageBox.StandardButton.Ok, parent)
            box.setObjectName(name)
            box.setInformativeText(message)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # never exec(): the exercise loop keeps running
        self.failed.emit(message)

    # -- what the subclasses say -------------------------------------------------------

    def _on_line(self, line: str) -> None:
        """A progress line of the layout."""

    def _on_laid_out(self) -> None:
        raise NotImplementedError

    def _on_printed(self, pdf_path: str) -> None:
        raise NotImplementedError

    def _failure_words(self) -> tuple[str, str, str]:
        """The failure box's title, its sentence, and its object name."""
        raise NotImplementedError

    # -- inside ------------------------------------------------------------------------

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def _laid_out(self) -> None:
        self._worker = None
        if self._stopped_by_cancel():
            return
        self._on_laid_out()

    def _print_done(self, pdf_path: str) -> None:
        self._printing = False
        self._on_printed(pdf_path)

    def _stopped_by_cancel(self) -> bool:
        """After a step that could not be interrupted: end the job there if it was cancelled."""
        if not self._cancelled:
            return False
        self._end()
        self.cancelled.emit()
        return True

    def _end(self) -> None:
        if self._printer is not None:
            self._printer.deleteLater()
            self._printer = None
        self._printing = False
        if self.dialog is not None:
            if self._cancellable:
                self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        self._out = None
