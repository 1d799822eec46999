"""GUI: *Fichier → Imprimer le kit…* — the printed kits as PDF, without freezing the console.

As for the report (ui/report_action.py): the HTML is laid out by a child process
(``ui/kit_process.py``) reading the session's package snapshot, then QtWebEngine prints
each kit asynchronously on the UI thread. A non-modal progress dialog shows the step:
the controller can prepare the paper while an exercise runs. A frozen build, which has no
Python to start, lays out on a thread instead.
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

from crisisdesk.report.kits import KIT_KINDS, kit_file_name, kit_title

log = logging.getLogger("crisisdesk")
_ROOT = Path(__file__).resolve().parent.parent
_RUNNING: set[QObject] = set()  # as in report_action: a closed window must not destroy a running worker


class _KitHtmlProcess(QObject):
    """Lay out the kits' HTML of a session's package into a folder, in a child process."""

    kit_done = Signal(str)
    rendered = Signal()
    error = Signal(str)
    finished = Signal()

    def __init__(self, session_path: Path, folder: Path, kinds: list[str], by: str):
        super().__init__()
        self._args = ["-m", "ui.kit_process", str(session_path), str(folder), "--by", by]
        for kind in kinds:
            self._args += ["--only", kind]
        self._process: QProcess | None = None
        self._last = ""
        self._buffer = b""

    def start(self) -> None:
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        paths = [str(_ROOT), env.value("PYTHONPATH", "")]
        env.insert("PYTHONPATH", os.pathsep.join(p for p in paths if p))
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
            if line.startswith("kit "):
                self.kit_done.emit(line[4:])
            elif line:
                self._last = line

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        if code == 0 and status == QProcess.ExitStatus.NormalExit and self._last == "done":
            self.rendered.emit()
        else:
            details = bytes(self._process.readAllStandardError()).decode("utf-8", "replace").strip()
            if details:
                log.error("kit layout failed:\n%s", details)
            if self._last.startswith("error: "):
                message = self._last[7:].replace("\x1f", "\n")
            else:
                message = f"the kit process stopped ({status.name}, code {code})"
            self.error.emit(message)
        self.finished.emit()

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.error.emit(f"cannot start {sys.executable}: {self._process.errorString()}")
            self.finished.emit()


class _KitHtmlThread(QThread):
    """The same work on a thread, for a frozen build."""

    kit_done = Signal(str)
    rendered = Signal()
    error = Signal(str)

    def __init__(self, package, folder: Path, kinds: list[str], by: str):
        super().__init__()
        self._package, self._folder, self._kinds, self._by = package, folder, kinds, by

    def run(self) -> None:
        from crisisdesk.report.kits import write_kits

        try:
            write_kits(self._package, self._folder, kinds=self._kinds, by=self._by, fmt="html",
                       progress=lambda kind, _path: self.kit_done.emit(kind))
        except Exception as exc:  # a bug or a disk error: keep the app alive, log it, say it
            log.exception("kit layout failed")
            self.error.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.rendered.emit()


class KitController(QObject):
    """Make the chosen kits of a session's package as PDFs in a folder, in the background.

    ``start(out_dir)`` returns at once; ``finished(paths)`` or ``failed(message)`` follows.
    Each PDF only appears in the folder once complete.
    """

    finished = Signal(list)
    failed = Signal(str)
    progress = Signal(int, str)

    def __init__(self, session_path: str | Path, package, parent: QObject | None = None, *,
                 show_progress: bool = True):
        super().__init__(parent)
        self.session_path = Path(session_path)
        self.package = package
        self._show_progress = show_progress
        self._out: Path | None = None
        self._tmp: Path | None = None
        self._kinds: list[str] = []
        self._queue: list[str] = []
        self._printed: list[tuple[str, Path]] = []
        self._printer = None
        self.dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self._out is not None

    @property
    def steps(self) -> int:
        return 2 * len(self._kinds) + 1

    def start(self, out_dir: str | Path, *, kinds=KIT_KINDS, by: str = "role") -> bool:
        """Start making the kits into ``out_dir``; False (nothing done) if kits are already being made."""
        if self.busy:
            return False
        self._kinds = [k for k in KIT_KINDS if k in kinds]
        self._out = Path(out_dir)
        self._tmp = Path(tempfile.mkdtemp(prefix="crisisdesk-kit-"))
        self._printed = []
        self._done_layouts = 0
        if self._show_progress:
            self._open_dialog()
        self._set_progress(0, self.tr("Mise en page des kits…"))
        if getattr(sys, "frozen", False):
            worker = _KitHtmlThread(self.package, self._tmp, self._kinds, by)
        else:
            worker = _KitHtmlProcess(self.session_path, self._tmp, self._kinds, by)
        worker.kit_done.connect(self._on_kit_laid_out)
        worker.rendered.connect(self._print_next_start)
        worker.error.connect(self._fail)
        _RUNNING.add(worker)
        worker.finished.connect(lambda w=worker: (_RUNNING.discard(w), w.deleteLater()))
        worker.start()
        return True

    def _open_dialog(self) -> None:
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        dialog = QProgressDialog(self.tr("Préparation du kit…"), "", 0, self.steps, parent)
        dialog.setObjectName("kitProgress")
        dialog.setWindowTitle(self.tr("Kit imprimé"))
        dialog.setCancelButton(None)  # a few seconds of work: nothing to cancel
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the exercise goes on meanwhile
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(380)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.dialog = dialog

    def _set_progress(self, step: int, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setLabelText(text)
            self.dialog.setValue(step)
        self.progress.emit(step, text)

    def _kit_name(self, kind: str) -> str:
        names = {"animateur": self.tr("kit animateur"), "observateur": self.tr("kit observateur"),
                 "joueur": self.tr("kit joueur")}
        return names[kind]

    def _on_kit_laid_out(self, kind: str) -> None:
        self._done_layouts += 1
        self._set_progress(self._done_layouts, self.tr("Mise en page : {kit}").format(kit=self._kit_name(kind)))

    def _print_next_start(self) -> None:
        self._queue = list(self._kinds)
        self._print_next()

    def _print_next(self) -> None:
        if not self._queue:
            self._deliver()
            return
        from ui.pdf import PdfPrinter

        kind = self._queue[0]
        step = len(self._kinds) + len(self._printed)
        self._set_progress(step, self.tr("Impression du {kit} (PDF A4)…").format(kit=self._kit_name(kind)))
        html = self._tmp / Path(kit_file_name(self.package, kind)).with_suffix(".html")
        if self._printer is None:
            self._printer = PdfPrinter(self)
            self._printer.finished.connect(self._on_printed)
            self._printer.failed.connect(self._fail)
        self._printer.print_file(html, html.with_suffix(".pdf"))

    def _on_printed(self, pdf_path: str) -> None:
        from crisisdesk.report.pdf_title import set_pdf_title

        kind = self._queue.pop(0)
        set_pdf_title(pdf_path, kit_title(self.package, kind))
        self._printed.append((kind, Path(pdf_path)))
        self._print_next()

    def _deliver(self) -> None:
        out = self._out
        written = []
        try:
            out.mkdir(parents=True, exist_ok=True)
            for _kind, produced in self._printed:
                target = out / produced.name
                # The temporary folder may be on another disk than the target: copy, then rename.
                staging = target.with_name(f".{target.name}.part")
                shutil.copyfile(produced, staging)
                os.replace(staging, target)
                written.append(str(target))
        except OSError as exc:
            self._fail(self.tr("Impossible d'enregistrer le kit dans {path} : {reason}").format(
                path=out, reason=exc.strerror or exc))
            return
        self._set_progress(self.steps, self.tr("Kit enregistré."))
        self._end()
        window = self.parent()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                self.tr("Kit enregistré dans {path} ({count} PDF)").format(path=out, count=len(written)), 15000)
        self.finished.emit(written)

    def _fail(self, message: str) -> None:
        self._end()
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        if self._show_progress and parent is not None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Kit imprimé"),
                              self.tr("Le kit n'a pas pu être produit."), QMessageBox.StandardButton.Ok, parent)
            box.setObjectName("kitError")
            box.setInformativeText(message)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # never exec(): the exercise loop keeps running
        self.failed.emit(message)

    def _end(self) -> None:
        if self._printer is not None:
            self._printer.deleteLater()
            self._printer = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        self._out = None
        self._queue = []
