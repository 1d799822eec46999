"""GUI: make the RETEX report from the app without ever freezing the window.

The HTML is rendered by a child process (``ui/report_process.py``), which opens its
OWN read-only session on the file; the PDF is then printed by QtWebEngine on the UI
thread, asynchronously. A non-modal progress dialog shows the step, so the controller
can keep firing injects while a draft is made. (A thread was not enough: the rendering
is pure-Python work that held the interpreter lock against the window, and injects
fired up to 1.6 s late while a long exercise's report was made.) A frozen build, which
has no Python to start, renders on a thread instead.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Qt, QThread, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

log = logging.getLogger("crisisdesk")

KINDS = ("html", "pdf")

# Workers still running are kept here, not parented to their controller: a window
# closed mid-report must not destroy a running QThread (Qt aborts the process).
_RUNNING: set[QObject] = set()
_ROOT = Path(__file__).resolve().parent.parent  # holds the ui and crisisdesk packages


class _HtmlProcess(QObject):
    """Render the report HTML of a session file into ``html_path`` in a child process."""

    step = Signal(int)  # 0 opening and computing, 1 laying out
    rendered = Signal(str)
    error = Signal(str)
    finished = Signal()

    def __init__(self, session_path, html_path: Path, time_source, parent: QObject | None = None, *,
                 for_print: bool = False):
        super().__init__(parent)
        self._html_path = html_path
        # A server session: its URL without the password on the command line (others can read it);
        # the password, if any, through the child's environment, as libpq reads it.
        self._password = getattr(getattr(session_path, "url", None), "password", None)
        shown = session_path.display if hasattr(session_path, "display") else str(session_path)
        self._args = ["-m", "ui.report_process", shown, str(html_path)]
        if time_source is not None:
            self._args += ["--now", repr(time_source.now())]
        if for_print:
            self._args.append("--print")
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
        self._buffer += bytes(self._process.readAllStandardOutput())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            if line.startswith("step "):
                self.step.emit(int(line[5:]))
            elif line:
                self._last = line

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        if code == 0 and status == QProcess.ExitStatus.NormalExit and self._last == "done":
            self.rendered.emit(str(self._html_path))
        else:
            details = bytes(self._process.readAllStandardError()).decode("utf-8", "replace").strip()
            if details:
                log.error("report rendering failed:\n%s", details)
            if self._last.startswith("error: "):
                message = self._last[7:].replace("\x1f", "\n")  # newlines, as ui/report_process.py wrote them
            else:
                message = f"the report process stopped ({status.name}, code {code})"
            self.error.emit(message)
        self.finished.emit()

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.error.emit(f"cannot start {sys.executable}: {self._process.errorString()}")
            self.finished.emit()


class _HtmlWorker(QThread):
    """Render the report HTML of a session file into ``html_path`` (runs off the UI thread)."""

    step = Signal(int)  # 0 opening and computing, 1 laying out
    rendered = Signal(str)
    error = Signal(str)

    def __init__(self, session_path: Path, html_path: Path, time_source, parent: QObject | None = None, *,
                 for_print: bool = False):
        super().__init__(parent)
        self._for_print = for_print
        self._session_path = session_path
        self._html_path = html_path
        self._time_source = time_source

    def run(self) -> None:
        from jinja2 import TemplateError

        from crisisdesk.report import (
            ReportError,
            build_figures,
            describe_template_error,
            render_html,
            report_images,
            write_text_atomically,
        )
        from crisisdesk.session import Session, SessionError

        try:
            self.step.emit(0)
            with Session.open(self._session_path, time_source=self._time_source, read_only=True) as session:
                figures = build_figures(session)
                images = report_images(session)  # read while the file is open
            self.step.emit(1)
            html = render_html(figures, image_src=images, for_print=self._for_print)
            write_text_atomically(self._html_path, html)
        except (SessionError, ReportError, OSError) as exc:
            self.error.emit(str(exc))
        except TemplateError as exc:
            self.error.emit(describe_template_error(exc))
        except Exception as exc:  # a bug: keep the app alive, log it, say it
            log.exception("report rendering failed")
            self.error.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.rendered.emit(str(self._html_path))


class ReportController(QObject):
    """Render one report (HTML or PDF) of a session file, in the background.

    ``start(kind, out_path)`` returns at once; ``finished(path)`` or ``failed(message)``
    (or ``cancelled()``) follows. The output file only appears once complete.
    """

    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()
    progress = Signal(int, str)  # step (0..3), what is happening

    STEPS = 3

    def __init__(self, session_path, parent: QObject | None = None, *, time_source=None,
                 show_progress: bool = True):
        super().__init__(parent)
        # A file path, or a server session's location (crisisdesk.session.engines.SessionLocation).
        self.session_path = session_path if hasattr(session_path, "on_server") else Path(session_path)
        self._time_source = time_source
        self._show_progress = show_progress
        self._kind = ""
        self._out: Path | None = None
        self._tmp: Path | None = None
        self._worker: _HtmlWorker | None = None
        self._printer = None
        self._cancelled = False
        self.dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self._out is not None

    def start(self, kind: str, out_path: str | Path) -> bool:
        """Start rendering to ``out_path``; False (and nothing done) if a report is already running."""
        if self.busy:
            return False
        if kind not in KINDS:
            raise ValueError(f"report kind must be one of {KINDS}, not {kind!r}")
        self._kind = kind
        self._out = Path(out_path)
        self._cancelled = False
        self._tmp = Path(tempfile.mkdtemp(prefix="crisisdesk-report-"))
        if self._show_progress:
            self._open_dialog()
        worker_class = _HtmlWorker if getattr(sys, "frozen", False) else _HtmlProcess
        worker = worker_class(self.session_path, self._tmp / "report.html", self._time_source,
                              for_print=kind == "pdf")
        worker.step.connect(self._on_step)
        worker.rendered.connect(self._on_rendered)
        worker.error.connect(self._fail)
        _RUNNING.add(worker)
        worker.finished.connect(lambda w=worker: (_RUNNING.discard(w), w.deleteLater()))
        self._worker = worker
        worker.start()
        return True

    def cancel(self) -> None:
        """Drop the report being made: nothing is written; ``cancelled`` is emitted."""
        if not self.busy or self._cancelled:
            return
        self._cancelled = True
        if self._printer is not None or (self._worker is not None and self._worker.isRunning()):
            return  # the running step ends by itself; its result is then discarded
        self._end()
        self.cancelled.emit()

    # -- steps -------------------------------------------------------------------------

    def _open_dialog(self) -> None:
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        dialog = QProgressDialog(self.tr("Préparation du rapport RETEX…"), self.tr("Annuler"), 0, self.STEPS, parent)
        dialog.setObjectName("reportProgress")
        dialog.setWindowTitle(self.tr("Rapport RETEX"))
        # Not modal: the exercise goes on while the report is made.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(380)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog

    def _on_step(self, step: int) -> None:
        texts = (self.tr("Calcul des chiffres de l'exercice…"), self.tr("Mise en page du rapport…"))
        self._set_progress(step, texts[step])

    def _set_progress(self, step: int, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setLabelText(text)
            self.dialog.setValue(step)
        self.progress.emit(step, text)

    def _on_rendered(self, html_path: str) -> None:
        self._worker = None
        if self._cancelled:
            self._end()
            self.cancelled.emit()
            return
        if self._kind == "html":
            self._deliver(Path(html_path))
            return
        from ui.pdf import PdfPrinter

        self._set_progress(2, self.tr("Impression du PDF (A4)…"))
        printer = PdfPrinter(self)
        printer.finished.connect(self._on_printed)
        printer.failed.connect(self._fail)
        self._printer = printer
        printer.print_file(html_path, Path(html_path).with_suffix(".pdf"))

    def _on_printed(self, pdf_path: str) -> None:
        from crisisdesk.report import document_title
        from crisisdesk.report.pdf_title import set_pdf_title

        self._drop_printer()
        html_path = Path(pdf_path).with_suffix(".html")
        try:  # the title in the PDF's metadata, as the command line writes it
            title = document_title(html_path.read_text(encoding="utf-8")[:20_000])
            if title:
                set_pdf_title(pdf_path, title)
        except OSError:
            log.warning("could not title %s", pdf_path)
        if self._cancelled:
            self._end()
            self.cancelled.emit()
            return
        self._deliver(Path(pdf_path))

    def _deliver(self, produced: Path) -> None:
        out = self._out
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            # The temporary folder may be on another disk than the target: copy, then rename.
            staging = out.with_name(f".{out.name}.part")
            shutil.copyfile(produced, staging)
            os.replace(staging, out)
        except OSError as exc:
            self._fail(self.tr("Impossible d'enregistrer le rapport {path} : {reason}").format(
                path=out, reason=exc.strerror or exc))
            return
        self._set_progress(self.STEPS, self.tr("Rapport enregistré."))
        self._end()
        window = self.parent()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Rapport RETEX enregistré : {path}").format(path=out), 10000)
        self.finished.emit(str(out))

    def _fail(self, message: str) -> None:
        self._worker = None
        self._drop_printer()
        cancelled = self._cancelled
        self._end()
        if cancelled:
            self.cancelled.emit()
            return
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        if self._show_progress and parent is not None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Rapport RETEX"),
                              self.tr("Le rapport n'a pas pu être produit."), QMessageBox.StandardButton.Ok, parent)
            box.setObjectName("reportError")
            box.setInformativeText(message)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # never exec(): the exercise loop keeps running
        self.failed.emit(message)

    def _drop_printer(self) -> None:
        if self._printer is not None:
            self._printer.deleteLater()
            self._printer = None

    def _end(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        self._out = None
