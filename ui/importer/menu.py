"""GUI: *Fichier → Importer un chronogramme…* and *Exporter le chronogramme…*.

The two actions and their file choosers; the work is the core's (``crisisdesk.msel``).
After an import the app offers to open the new package in a new session
(``package_ready``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from crisisdesk.msel.sheets import SheetReadError, read_workbook
from ui.labels import ui_language


class MselActions(QObject):
    """GUI: the import and export actions of one window (``session`` may be None: import only)."""

    package_ready = Signal(Path)

    def __init__(self, window: QWidget, session=None) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.import_msel = QAction(self.tr("Importer un chronogramme…"), self)
        self.import_msel.setObjectName("actionImportMsel")
        self.import_msel.setStatusTip(self.tr("Créer un paquet d'exercice à partir d'un tableur (XLSX, ODS, CSV)"))
        self.import_msel.triggered.connect(self.ask_import)
        self.export_msel = QAction(self.tr("Exporter le chronogramme…"), self)
        self.export_msel.setObjectName("actionExportMsel")
        self.export_msel.setStatusTip(self.tr("Le chronogramme, avec les heures réelles et les verdicts, en tableur"))
        self.export_msel.triggered.connect(self.ask_export)
        self.export_msel.setEnabled(session is not None)
        self.dialog = None

    def ask_import(self) -> None:
        name = QFileDialog.getOpenFileName(self.window, self.tr("Importer un chronogramme"), str(Path.home()),
                                           self.tr("Tableurs (*.xlsx *.xlsm *.xls *.ods *.csv)"))[0]
        if name:
            self.open_import(Path(name))

    def open_import(self, path: Path):
        """Read ``path`` and open the mapping screen on it; return the dialog (None if unreadable)."""
        from ui.importer.mapping_dialog import MappingDialog

        try:
            book = read_workbook(path)
        except SheetReadError as error:
            QMessageBox.warning(self.window, self.tr("Import impossible"),
                                self.tr("« {name} » : {error}").format(name=path.name, error=error.text(ui_language())))
            return None
        self.dialog = MappingDialog(book, parent=self.window)
        self.dialog.package_saved.connect(self._offer_to_open)
        self.dialog.open()
        return self.dialog

    def _offer_to_open(self, folder: Path) -> None:
        answer = QMessageBox.question(
            self.window, self.tr("Chronogramme importé"),
            self.tr("Le paquet est enregistré dans {folder}.\nOuvrir une nouvelle session sur ce paquet ?").format(
                folder=folder))
        if answer == QMessageBox.StandardButton.Yes:
            self.package_ready.emit(folder)

    def ask_export(self) -> None:
        if self.session is None:
            return
        package = self.session.package
        default = str(Path.home() / f"{package.exercise.id}-chronogramme.xlsx")
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Exporter le chronogramme"), default,
                                              self.tr("Classeur Excel (*.xlsx);;Classeur OpenDocument (*.ods);;"
                                                      "CSV (*.csv)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> bool:
        """Write the session's chronogramme (planned and actual) to ``path``; say so."""
        from crisisdesk.msel.export import msel_tables
        from crisisdesk.msel.spreadsheet import FORMATS, write_tables

        if path.suffix.lower() not in FORMATS:
            path = path.with_suffix(".xlsx")
        try:
            write_tables(msel_tables(self.session.package, self.session.state), path)
        except OSError as error:
            QMessageBox.warning(self.window, self.tr("Export impossible"),
                                self.tr("« {name} » n'a pas pu être écrit : {error}").format(
                                    name=path.name, error=error.strerror or error))
            return False
        status = getattr(self.window, "statusBar", None)
        if status is not None:
            status().showMessage(self.tr("Chronogramme exporté : {path}").format(path=path), 8000)
        return True
