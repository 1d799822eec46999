"""GUI: how the app reaches the editor — *Nouvel exercice…* and *Modifier un exercice…*, and *Exécuter*.

The app owns one launcher; it adds the two entries to the console's *Fichier* menu and to
the start screen, keeps the editor windows alive, offers a recovery copy left by a crash,
and passes a package to run to the app's own "new session" path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ui.editor.paths import recovery_base

# The editor itself (ruamel.yaml, its widgets) is imported when first opened: adding its
# menu entries must not slow the console's start.


class EditorLauncher(QObject):
    """GUI: open editors; ``run_package(path)`` creates a session on a package and opens its console."""

    def __init__(self, run_package: Callable[[Path], object], recovery_folder: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.run_package = run_package
        self.recovery_folder = recovery_folder or recovery_base()
        self.windows: list = []
        self._dialogs: list = []

    # -- entry points -----------------------------------------------------------------

    def actions(self, parent: QObject) -> tuple[QAction, QAction]:
        new = QAction(self.tr("Nouvel e&xercice…"), parent)
        new.setObjectName("actionNewExercise")
        new.setStatusTip(self.tr("Créer un exercice vide et l'ouvrir dans l'éditeur"))
        new.triggered.connect(lambda _c=False: self.ask_new(parent if isinstance(parent, QWidget) else None))
        edit = QAction(self.tr("&Modifier un exercice…"), parent)
        edit.setObjectName("actionEditExercise")
        edit.setStatusTip(self.tr("Ouvrir un dossier d'exercice dans l'éditeur"))
        edit.triggered.connect(lambda _c=False: self.ask_edit(parent if isinstance(parent, QWidget) else None))
        return new, edit

    def add_to_menu(self, window: QMainWindow) -> None:
        """Add the two entries to the window's first menu (Fichier), after its first two entries."""
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        if not menus:
            return
        menu = menus[0]
        existing = menu.actions()
        before = existing[2] if len(existing) > 2 else None
        new, edit = self.actions(window)
        menu.insertActions(before, [new, edit])
        if before is not None and not before.isSeparator():
            menu.insertSeparator(before)

    def add_to_start_screen(self, screen: QWidget) -> None:
        """Two buttons under the start screen's "other exercise" choice."""
        folder_button = screen.findChild(QPushButton, "startFolder")
        if folder_button is None or screen.findChild(QPushButton, "startNewExercise") is not None:
            return
        layout = folder_button.parentWidget().layout()
        index = layout.indexOf(folder_button)
        new = QPushButton(self.tr("Nouvel exercice…"), objectName="startNewExercise")
        edit = QPushButton(self.tr("Modifier un exercice…"), objectName="startEditExercise")
        new.clicked.connect(lambda: self.ask_new(screen))
        edit.clicked.connect(lambda: self.ask_edit(screen))
        row = QHBoxLayout()
        for button in (new, edit):
            button.setStyleSheet("font-size: 12pt; padding: 8px;")  # as the start screen's own buttons
            row.addWidget(button)
        layout.insertLayout(index + 1, row)

    def ask_new(self, parent: QWidget | None = None):
        from ui.editor.new_dialog import NewExerciseDialog

        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = NewExerciseDialog(Path(documents or Path.home()) / "crisisdesk" / "exercices", parent)
        dialog.created.connect(self.show_editor)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._dialogs = [dialog]
        return dialog

    def ask_edit(self, parent: QWidget | None = None):
        dialog = QFileDialog(parent, self.tr("Modifier un exercice : choisir son dossier"))
        dialog.setObjectName("editFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda path: self.open_editor(Path(path), parent))
        dialog.open()
        self._dialogs = [dialog]
        return dialog

    # -- opening -----------------------------------------------------------------------

    def open_editor(self, root: Path, parent: QWidget | None = None):
        """Open the package at ``root``; offer a recovery copy first if a crash left one."""
        for window in self.windows:
            if window.doc.root.resolve() == Path(root).resolve():
                window.raise_()
                window.activateWindow()
                return window
        if not (Path(root) / "exercise.yaml").exists():
            return self._refuse(parent, self.tr("« {path} » n'est pas un dossier d'exercice (il n'a pas de "
                                                "exercise.yaml).").format(path=root))
        from crisisdesk.package.recovery import discard_recovery, find_recovery

        recovery = find_recovery(self.recovery_folder, root)
        if recovery is None:
            return self._open(root, None, parent)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Travail non enregistré"),
                          self.tr("L'éditeur s'est arrêté le {when} sans enregistrer « {name} ». Reprendre ce "
                                  "travail non enregistré ?").format(
                              when=recovery.written_at.strftime("%d/%m/%Y à %H:%M"), name=Path(root).name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.setObjectName("recoveryQuestion")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Reprendre"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Ignorer"))

        def answered(_result) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                self._open(root, recovery.texts, parent)
            else:
                discard_recovery(self.recovery_folder, root)
                self._open(root, None, parent)

        box.finished.connect(answered)
        box.open()
        self._dialogs = [box]
        return box

    def _open(self, root: Path, overlay, parent):
        from crisisdesk.package.document import DocumentError, PackageDocument

        try:
            doc = PackageDocument.open(root, overlay=overlay)
        except DocumentError as error:
            return self._refuse(parent, self.tr("Ce dossier ne peut pas être ouvert dans l'éditeur :\n{details}")
                                .format(details=error))
        except OSError as error:
            return self._refuse(parent, str(error))
        return self.show_editor(doc)

    def show_editor(self, doc):
        from ui.editor.window import EditorWindow

        window = EditorWindow(doc, self.recovery_folder)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.run_requested.connect(self.run_package)
        self.windows.append(window)
        window.destroyed.connect(lambda _o=None, w=window: self.windows.remove(w) if w in self.windows else None)
        if doc.modified:  # a recovered copy: keep it safe until saved
            window.write_recovery()
        window.show()
        return window

    def _refuse(self, parent, text: str):
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Éditeur d'exercice"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("editorRefusal")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._dialogs = [box]
        return None
