"""GUI: the documents the console makes — role cards (PDF, print), the RETEX report, the printed kit.

Each is asked for with a non-modal dialog opened beside the session file, then made off the UI
thread (the report and kit runners of ``ui/report_action.py`` and ``ui/kit_action.py``). File names
and folders are plain functions; ``ConsoleDocuments`` wires the console's document actions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ui.async_bridge import run_in_qt_thread, spawn
from ui.console.actions import ConsoleActions
from ui.console.role_cards import RoleCardsPanel, paint_cards, write_cards_pdf
from ui.report_action import ReportController

if TYPE_CHECKING:
    from crisisdesk.clock import TimeSource
    from crisisdesk.session import Session
    from ui.kit_action import KitController


def report_file_name(exercise_id: str, now: float, kind: str) -> str:
    """The report's proposed file name: the exercise and the day it is made (local time)."""
    stamp = datetime.fromtimestamp(now).strftime("%Y-%m-%d")
    return f"retex-{exercise_id}-{stamp}.{kind}"


WORD_PROCESSOR_KINDS = ("docx", "odt")


def report_kind(asked: str, path: Path) -> str:
    """The report format to write: the one asked, except that a word-processor file follows its suffix."""
    suffix = path.suffix.lower().lstrip(".")
    if asked in WORD_PROCESSOR_KINDS and suffix in WORD_PROCESSOR_KINDS:
        return suffix
    return asked


def cards_file_name(exercise_id: str) -> str:
    """The role cards' proposed file name."""
    return f"cartes-de-role-{exercise_id}.pdf"


def session_folder(session: Session, documents: Callable[[], str]) -> Path:
    """The session file's folder; for a session on a server (no file here), the user's documents
    (``documents()``: the system's documents folder, empty if it has none; then home)."""
    if session.location.on_server:
        return Path(documents() or Path.home())
    return Path(session.path).resolve().parent


def session_source(session: Session) -> Any:
    """What a report or kit runner opens on its own: the server location, else the session file."""
    return session.location if session.location.on_server else Path(session.path)


def _documents_location() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class ConsoleDocuments(QObject):
    """GUI: ask for and make the console's documents; say when they are ready."""

    message = Signal(str, int)  # status-bar text and how long it stays (ms, 0: until replaced)
    refused = Signal(str)  # shown to the user (a report or kit already being made, a failed report)

    def __init__(self, session: Session, time_source: TimeSource, actions: ConsoleActions, cards: RoleCardsPanel,
                 window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.package = session.package
        self.time_source = time_source
        self.cards = cards
        self.window = window
        self.pending_tasks: list = []
        self.report: ReportController | None = None
        self.kit: KitController | None = None
        self._open_report_when_ready = False
        # How a finished report is shown (the system's viewer); tests put a recorder here.
        self.report_opener: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path)))
        self._print_dialog: tuple | None = None
        a = actions
        a.export_cards.triggered.connect(self.ask_export_cards)
        a.print_cards.triggered.connect(self.ask_print_cards)
        cards.export_requested.connect(self.ask_export_cards)
        cards.print_requested.connect(self.ask_print_cards)
        a.print_kit.triggered.connect(self.ask_print_kit)
        a.report_html.triggered.connect(lambda: self.ask_report("html"))
        a.report_pdf.triggered.connect(lambda: self.ask_report("pdf"))
        a.report_word.triggered.connect(lambda: self.ask_report("docx"))

    def folder(self) -> Path:
        """Where the documents go by default: beside the session file."""
        return session_folder(self.session, _documents_location)

    def _save_dialog(self, title: str, name: str, object_name: str, name_filter: str, suffix: str) -> QFileDialog:
        """A save dialog in the session file's folder with ``name`` proposed (not the app's working folder)."""
        dialog = QFileDialog(self.window, title)
        dialog.setObjectName(object_name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix(suffix)
        folder = self.folder()
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / name))
        return dialog

    # role cards
    def ask_export_cards(self) -> None:
        """Ask where to save the role-card handouts, then write them off the UI thread."""
        dialog = self._save_dialog(self.tr("Exporter les cartes de rôle"), cards_file_name(self.package.exercise.id),
                                   "exportCardsDialog", self.tr("Documents PDF (*.pdf)"), "pdf")
        dialog.fileSelected.connect(lambda path: self.export_cards(Path(path)))
        dialog.open()

    def export_cards(self, out_path: Path):
        """Write every role card to ``out_path`` (one per page) on a worker thread; return the task."""
        cards = self.cards.cards_html()
        title = self.tr("Cartes de rôle — {title}").format(title=self.package.exercise.title)

        async def job() -> None:
            self.message.emit(self.tr("Export des cartes de rôle…"), 0)
            path = await run_in_qt_thread(write_cards_pdf, cards, out_path, title)
            self.message.emit(self.tr("Cartes de rôle enregistrées : {path}").format(path=path), 10000)

        task = spawn(job())
        self.pending_tasks.append(task)
        task.add_done_callback(self.pending_tasks.remove)
        return task

    def ask_print_cards(self) -> None:
        """Print the role cards, one per page, through the system print dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        dialog.setObjectName("printCardsDialog")
        dialog.accepted.connect(lambda: paint_cards(printer, self.cards.cards_html()))
        # PySide6 binds only QPrintDialog.open(receiver, member): the plain QDialog.open() is hidden.
        QDialog.open(dialog)
        self._print_dialog = (dialog, printer)

    # the RETEX report
    def ask_report(self, kind: str, *, open_when_ready: bool = False) -> None:
        """Ask where to save the RETEX report, then render it off the UI thread (and open it if asked)."""
        self._open_report_when_ready = open_when_ready
        filters = {"html": self.tr("Pages HTML (*.html)"), "pdf": self.tr("Documents PDF (*.pdf)"),
                   "docx": self.tr("Documents Word (*.docx)"), "odt": self.tr("Documents OpenDocument (*.odt)")}
        dialog = self._save_dialog(
            self.tr("Enregistrer le rapport RETEX"),
            report_file_name(self.package.exercise.id, self.time_source.now(), kind), "reportDialog",
            filters[kind], kind)
        if kind in WORD_PROCESSOR_KINDS:  # one dialog for both: the chosen filter (or typed suffix) decides
            dialog.setNameFilters([filters["docx"], filters["odt"]])
            dialog.filterSelected.connect(
                lambda chosen: dialog.setDefaultSuffix("odt" if chosen == filters["odt"] else "docx"))
        dialog.fileSelected.connect(lambda path: self.start_report(report_kind(kind, Path(path)), Path(path)))
        dialog.open()

    def start_report(self, kind: str, out_path: Path) -> ReportController:
        """Render the report to ``out_path`` off the UI thread (the report module's controller)."""
        if self.report is None:
            # Parented to the window: the runner shows its progress and status there.
            self.report = ReportController(session_source(self.session), self.window, time_source=self.time_source)
            self.report.finished.connect(self._on_report_ready)
            self.report.failed.connect(self.refused)
        if not self.report.start(kind, out_path):
            self.refused.emit(self.tr("Un rapport est déjà en préparation : attendez qu'il soit prêt."))
        return self.report

    def _on_report_ready(self, path) -> None:
        self.message.emit(self.tr("Rapport enregistré : {path}").format(path=path), 15000)
        if self._open_report_when_ready:
            # Asked from the ENDEX banner: the room is about to leave, show the report at once.
            self._open_report_when_ready = False
            self.report_opener(Path(path))

    # the printed kit
    def ask_print_kit(self) -> None:
        """Ask for a folder, then make the three printed kits there as PDF (ui/kit_action.py)."""
        dialog = QFileDialog(self.window, self.tr("Dossier du kit imprimé"))
        dialog.setObjectName("kitDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(self.folder()))
        dialog.fileSelected.connect(lambda path: self.start_kit(Path(path)))
        dialog.open()

    def start_kit(self, out_dir: Path) -> KitController:
        """Make the kits into ``out_dir`` in the background; return the controller."""
        from ui.kit_action import KitController

        if self.kit is None:
            self.kit = KitController(session_source(self.session), self.package, self.window)
            # The controller shows its own warning box; the status bar keeps the reason in view.
            self.kit.failed.connect(lambda message: self.message.emit(message, 15000))
        if not self.kit.start(out_dir):
            self.refused.emit(self.tr("Un kit est déjà en préparation : attendez qu'il soit prêt."))
        return self.kit
