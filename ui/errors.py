"""GUI: unexpected errors never end the exercise — log them, show them, carry on."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("crisisdesk")


def log_dir() -> Path:
    """Return the user's data folder for crisisdesk (created if needed)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    path = Path(base or Path.home() / ".crisisdesk")
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup_logging(directory: Path | None = None) -> Path:
    """Write the app's log to ``crisisdesk.log`` in ``directory`` (the data folder) and return it."""
    target = (directory or log_dir()) / "crisisdesk.log"
    target.parent.mkdir(parents=True, exist_ok=True)
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(target, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return target


def report_unexpected(error: BaseException) -> None:
    """Hand an exception caught in the UI to the app's error reporter (sys.excepthook once installed)."""
    sys.excepthook(type(error), error, error.__traceback__)


class ErrorReporter(QObject):
    """GUI: receive unexpected exceptions from any thread, log them and show a non-modal dialog."""

    reported = Signal(str, str)  # summary, details — queued to the UI thread

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialogs: list[QMessageBox] = []
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Become sys.excepthook and threading.excepthook."""
        sys.excepthook = self.excepthook
        threading.excepthook = lambda args: self.excepthook(
            args.exc_type, args.exc_value, args.exc_traceback
        )

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Log the exception and ask the UI thread to show it; never re-raise."""
        if exc_type is not None and issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", details)
        summary = f"{exc_type.__name__}: {exc}" if exc_type else str(exc)
        self.reported.emit(summary, details)

    def report(self, error: BaseException) -> None:
        """Report an exception caught elsewhere (asyncio tasks)."""
        self.excepthook(type(error), error, error.__traceback__)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        parent = QApplication.activeWindow()
        box = QMessageBox(parent if isinstance(parent, QWidget) else None)
        box.setObjectName("errorDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Erreur inattendue"))
        box.setText(
            self.tr(
                "Une erreur inattendue s'est produite. L'exercice continue : "
                "rien de ce qui était enregistré n'est perdu."
            )
        )
        box.setInformativeText(
            self.tr("{summary}\n\nDétails enregistrés dans : {path}").format(
                summary=summary, path=self.log_file
            )
        )
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _=0, b=box: self._forget(b))
        self.dialogs.append(box)
        box.open()  # non-modal to the loop: never a nested exec()

    def _forget(self, box: QMessageBox) -> None:
        if box in self.dialogs:
            self.dialogs.remove(box)
