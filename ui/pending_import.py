"""GUI: store in the session the writes that were saved to a file when the disk was full.

When neither the session file nor the journal beside it could take the observers'
writes, the app offered to save them to a file of the user's choice (``unsaved.py``).
*Fichier → Importer des saisies non enregistrées…* reads such a file back and stores its
writes (``session.import_pending``): nothing is typed again, and a write already in the
file is not stored twice. The dialogs are non-modal (``open()``), answered by signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from crisisdesk.session import SessionError
from ui.labels import error_text


class PendingImporter(QObject):
    """GUI: ask for a file of unsaved writes, store them, and say what happened."""

    imported = Signal(int)  # how many writes were stored

    def __init__(self, window: QWidget, session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.file_dialog: QFileDialog | None = None
        self.box: QMessageBox | None = None  # the last answer shown (tests read it)

    def ask(self) -> QFileDialog:
        """Ask which file to import (the session's folder first, where the app proposes to save it)."""
        dialog = QFileDialog(self.window, self.tr("Importer des saisies non enregistrées"))
        dialog.setObjectName("importPendingDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Fichiers JSON (*.json)"))
        dialog.setDirectory(str(Path(self.session.path).resolve().parent))
        dialog.fileSelected.connect(self.import_from)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def import_from(self, path: str) -> bool:
        """Store the writes of ``path`` in the session; tell how many (or why not). True if it worked."""
        self.file_dialog = None
        try:
            result = self.session.import_pending(path)
        except SessionError as error:
            self._tell(QMessageBox.Icon.Warning, error_text(error), "importPendingFailed")
            return False
        if result.stored:
            text = self.tr("Saisies enregistrées dans la session : {n}.").format(n=result.stored)
        else:
            text = self.tr("Rien à importer : ces saisies sont déjà dans la session.")
        if result.stored and result.already:
            text += " " + self.tr("Déjà enregistrées auparavant : {n}.").format(n=result.already)
        self._tell(QMessageBox.Icon.Information, text, "pendingImported")
        self.imported.emit(result.stored)
        return True

    def _tell(self, icon: QMessageBox.Icon, text: str, name: str) -> None:
        box = QMessageBox(icon, self.tr("Saisies non enregistrées"), text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.open()
