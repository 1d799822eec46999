"""GUI: closing a window never loses unsaved writes silently — retry once, then ask, and offer a file.

The session keeps the main-courante and evaluation writes the file refused
(``session.pending_writes``, also in a journal beside the file, stored at the next
open). On close the guard tries to store them once; if some are still unsaved it asks
(non-modal: ``open()``, answered through signals) and offers to write them to a file
of the user's choice (``session.export_pending``), e.g. on a USB key.

Text typed in a panel that the session will never store by itself — an entry it refused
(read-only file, unknown role), or a line still being typed — is asked about first: the
observer goes back to it or explicitly quits without it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from crisisdesk.session import SessionError
from ui.error_sentences import error_text

if TYPE_CHECKING:
    from crisisdesk.session import Session


class UnsavedWritesGuard(QObject):
    """GUI: decide whether a window over a session may close, given the writes not in the file yet."""

    def __init__(self, window: QWidget, session: Session, panels: Callable[[], list]) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._panels = panels  # the observer panels that retry their typed entries (counted by the session)
        self.box: QMessageBox | None = None  # the open question, if any (tests reach it here)
        self.file_dialog: QFileDialog | None = None
        self.settled = False  # the user answered (or nothing was left): closing may go on
        self._export_button: QPushButton | None = None
        self._retry_button: QPushButton | None = None
        self._quit_button: QPushButton | None = None
        self.typed_box: QMessageBox | None = None  # the question about typed text left behind
        self._typed_confirmed = False  # the user chose to quit without it

    # -- what is unsaved -------------------------------------------------------------------

    def unsaved_count(self) -> int:
        """Writes not in the session file: kept by the session, or typed in a panel and not stored yet."""
        return len(self.session.unsaved_ids())

    def typed_left_behind(self) -> int:
        """Typed text no write holds: refused entries waiting to be taken back, and lines being typed."""
        count = 0
        for panel in self._panels():
            count += len(panel.refused_entry_ids)
            count += bool(panel.quick.line.text().strip())
        return count

    def all_journaled(self) -> bool:
        """True if every unsaved write is in the journal beside the file (stored at the next open)."""
        return self.session.kept.all_journaled()

    def retry(self) -> int:
        """Try once to store every unsaved write; return how many are still unsaved."""
        if self.session.pending_writes:
            try:
                self.session.retry_pending()
            except SessionError:
                return self.unsaved_count()  # the file still refuses: the panels' retries would wait for nothing
        for panel in self._panels():
            if panel.pending_entry_ids:
                panel.retry_failed()
        return self.unsaved_count()

    # -- closing ---------------------------------------------------------------------------

    def may_close(self) -> bool:
        """True if the window may close now; otherwise ask (non-modal) and return False."""
        if self.settled:
            return True
        if self.file_dialog is not None:
            self.file_dialog.raise_()
            return False
        open_box = self.box or self.typed_box
        if open_box is not None:
            open_box.raise_()
            return False
        if not self._typed_confirmed and self.typed_left_behind():
            self.ask_typed()
            return False
        if not self.unsaved_count() or not self.retry():
            return True
        self.ask()
        return False

    def ask(self) -> QMessageBox:
        """Say how many writes are unsaved and offer: save to a file, try again, quit anyway, cancel."""
        count = self.unsaved_count()
        name = self.session.name
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Saisies non enregistrées"),
                          self.tr("{n} saisie(s) ne sont pas encore dans le fichier de session « {file} »."
                                  ).format(n=count, file=name), QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("unsavedWritesDialog")
        journaled = self.all_journaled()
        if journaled:
            box.setInformativeText(self.tr(
                "Elles sont gardées dans un journal à côté du fichier et seront enregistrées à la prochaine "
                "ouverture de la session. Pour les mettre aussi à l'abri ailleurs (clé USB), "
                "enregistrez-les dans un fichier."))
        else:
            box.setInformativeText(self.tr(
                "Le journal à côté du fichier n'a pas pu toutes les prendre (disque plein ?) : si vous quittez "
                "sans les enregistrer dans un fichier, elles seront perdues."))
        export = self._export_button = box.addButton(self.tr("Enregistrer dans un fichier…"),
                                                     QMessageBox.ButtonRole.AcceptRole)
        self._retry_button = box.addButton(self.tr("Réessayer"), QMessageBox.ButtonRole.ActionRole)
        self._quit_button = box.addButton(
            self.tr("Quitter quand même") if journaled else self.tr("Quitter et les perdre"),
            QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(export)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(self._answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.open()
        return box

    def ask_typed(self) -> QMessageBox:
        """Say that typed text would be lost (refused entries, a line being typed); going back is the default."""
        count = self.typed_left_behind()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Saisies non enregistrées"),
                          self.tr("{n} texte(s) tapé(s) ne sont pas dans le fichier de session « {file} » et "
                                  "ne le seront pas seuls.").format(n=count, file=self.session.name),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("typedLeftBehindDialog")
        box.setInformativeText(self.tr(
            "Une entrée refusée attend d'être reprise (double-clic sur la ligne « refusé »), ou une ligne de "
            "saisie n'a pas été validée (Entrée). Revenez à la saisie pour les enregistrer, ou quittez sans elles."))
        back = box.addButton(self.tr("Revenir à la saisie"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(self.tr("Quitter sans elles"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.buttonClicked.connect(lambda button: self._typed_answered(button is leave))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.typed_box = box
        box.open()
        return box

    def _typed_answered(self, leave: bool) -> None:
        self.typed_box = None
        if leave:
            self._typed_confirmed = True
            # Then the writes the file refused, if any, are asked about as before.
            QTimer.singleShot(0, self.window.close)

    def _answered(self, button) -> None:
        self.box = None
        if button is self._export_button:
            self.ask_file()
        elif button is self._retry_button:
            if self.retry():
                self.ask()
            else:
                self._close_now()
        elif button is self._quit_button:
            self._close_now()

    def ask_file(self) -> QFileDialog:
        """Ask where to write the unsaved writes (beside the session file by default)."""
        dialog = QFileDialog(self.window, self.tr("Enregistrer les saisies non enregistrées"))
        dialog.setObjectName("exportPendingDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Fichiers JSON (*.json)"))
        dialog.setDefaultSuffix("json")
        path = Path(self.session.path).resolve()
        folder = path.parent
        location = getattr(self.session, "location", None)
        if location is not None and location.on_server:  # no session file here: the user's documents
            documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            folder = Path(documents or Path.home())
        stamp = datetime.fromtimestamp(self.session.now()).strftime("%Y-%m-%d_%Hh%M")
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / f"{path.stem}-saisies-non-enregistrees-{stamp}.json"))
        dialog.fileSelected.connect(self.export_to)
        dialog.rejected.connect(self._file_dialog_cancelled)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, path: str) -> bool:
        """Write the unsaved writes to ``path`` and close the window; on failure say why and ask again."""
        self.file_dialog = None
        try:
            self.session.export_pending(path)
        except SessionError as error:
            failure = QMessageBox(QMessageBox.Icon.Warning, self.tr("Saisies non enregistrées"), error_text(error),
                                  QMessageBox.StandardButton.Ok, self.window)
            failure.setObjectName("exportPendingFailed")
            failure.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            failure.finished.connect(lambda _result: self.ask())
            failure.open()
            return False
        self._close_now()
        return True

    def _file_dialog_cancelled(self) -> None:
        self.file_dialog = None
        self.ask()  # back to the question: nothing was written anywhere

    def _close_now(self) -> None:
        self.settled = True
        # After the dialog has fully closed: never close the window from inside its child's signal.
        QTimer.singleShot(0, self.window.close)
