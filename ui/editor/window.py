"""GUI: the exercise editor window — tabs for the exercise, the roles, the injects and the timeline by role.

Every change goes through the undo stack; the title bar shows a modified marker; the
problems pane runs validate's checks as the author types; a recovery copy of unsaved
work is kept so that a crash loses nothing; *Exécuter* saves, checks and hands the
package to the app, which creates the session and opens the console.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from crisisdesk.package.document import PackageDocument
from crisisdesk.package.recovery import discard_recovery, write_recovery
from ui.editor.injects_tab import InjectsTab
from ui.editor.models import InjectTableModel
from ui.editor.paths import recovery_base
from ui.editor.problems import ProblemsPane
from ui.editor.record_tabs import ExerciseTab, RolesTab
from ui.editor.timeline import RoleTimeline
from ui.editor.undo import EditorDocument
from ui.labels import error_text

RECOVERY_DELAY_MS = 2000


class EditorWindow(QMainWindow):
    """GUI: edit one package folder."""

    run_requested = Signal(Path)

    TAB_EXERCISE, TAB_ROLES, TAB_INJECTS, TAB_TIMELINE = range(4)

    def __init__(self, doc: PackageDocument, recovery_folder: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("editorWindow")
        self.editor = EditorDocument(doc, self)
        self.doc = doc
        self.recovery_folder = recovery_folder or recovery_base()
        self._closing_confirmed = False

        self.tabs = QTabWidget(objectName="editorTabs")
        self.exercise_tab = ExerciseTab(self.editor)
        self.roles_tab = RolesTab(self.editor)
        self.inject_model = InjectTableModel(self.editor, self)
        self.injects_tab = InjectsTab(self.editor, self.inject_model)
        self.timeline = RoleTimeline(self.editor)
        timeline_scroll = QScrollArea(objectName="timelineScroll")
        timeline_scroll.setWidgetResizable(True)
        timeline_scroll.setWidget(self.timeline)
        self.tabs.addTab(self.exercise_tab, self.tr("Exercice"))
        self.tabs.addTab(self.roles_tab, self.tr("Rôles"))
        self.tabs.addTab(self.injects_tab, self.tr("Injects"))
        self.tabs.addTab(timeline_scroll, self.tr("Chronologie par rôle"))
        self.setCentralWidget(self.tabs)

        self.problems = ProblemsPane(self.editor)
        dock = QDockWidget(self.tr("Problèmes"), self, objectName="problemsDock")
        dock.setWidget(self.problems)
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setTitleBarWidget(QWidget())  # its summary line says what it is; the room goes to the tabs
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.problems_dock = dock
        self.problems.path_chosen.connect(self.select_path)
        self.problems.checked.connect(self._fit_problems)
        self.problems.checked.connect(lambda: self.timeline.set_report(self.problems.report))

        self.injects_tab.current_row_changed.connect(self.timeline.set_selected)
        self.timeline.inject_selected.connect(lambda row: self.injects_tab.select_rows([row], row))
        self.timeline.inject_moved.connect(self.move_inject)

        self._build_actions()
        self.editor.undo_stack.cleanChanged.connect(self._update_title)
        self.editor.changed.connect(self._on_changed)
        self.recovery_timer = QTimer(self)
        self.recovery_timer.setSingleShot(True)
        self.recovery_timer.setInterval(RECOVERY_DELAY_MS)
        self.recovery_timer.timeout.connect(self.write_recovery)
        self._update_title()
        # The first check waits for the window to be up: on a big package it takes a second or more.
        self.problems.summary.setText(self.tr("Vérification…"))
        self.problems.timer.start()
        if self.doc.injects:
            self.injects_tab.select_rows([0], 0)
        self.resize(1366, 768)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_docks_sized", False):
            self._docks_sized = True
            self._had_problems = None
            self._fit_problems()

    def _fit_problems(self) -> None:
        """A one-line pane when all is well; room for a list when there are problems."""
        # Errors and warnings get room; readiness findings alone get a couple of lines (drag for more).
        size = 130 if self.problems.problems else (62 if self.problems.list.count() else 26)
        self.problems.list.setVisible(self.problems.list.count() > 0)
        if size != getattr(self, "_had_problems", None):
            self._had_problems = size
            self.resizeDocks([self.problems_dock], [size], Qt.Orientation.Vertical)

    # -- actions and menus ------------------------------------------------------------

    def _build_actions(self) -> None:
        def make(name, text, shortcut=None, slot=None, context=Qt.ShortcutContext.WindowShortcut) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(context)
            if slot is not None:
                action.triggered.connect(lambda _checked=False: slot())
            return action

        stack = self.editor.undo_stack
        self.save_action = make("editorSave", self.tr("&Enregistrer"), QKeySequence.StandardKey.Save, self.save)
        self.run_action = make("editorRun", self.tr("E&xécuter…"), "F5", self.run)
        self.close_action = make("editorClose", self.tr("&Fermer"), QKeySequence.StandardKey.Close, self.close)
        self.undo_action = stack.createUndoAction(self, self.tr("Annuler"))
        self.undo_action.setObjectName("editorUndo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("Rétablir"))
        self.redo_action.setObjectName("editorRedo")
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        tab = self.injects_tab
        self.new_action = make("editorNewInject", self.tr("&Nouvel inject"), "Ctrl+N", tab.new_inject)
        self.duplicate_action = make("editorDuplicate", self.tr("&Dupliquer"), "Ctrl+D", tab.duplicate)
        self.delete_action = make("editorDelete", self.tr("&Supprimer"), "Ctrl+Del", tab.delete)
        self.later_action = make("editorLater", self.tr("Une minute plus tard"), "Alt+Right", lambda: tab.shift(60))
        self.earlier_action = make("editorEarlier", self.tr("Une minute plus tôt"), "Alt+Left",
                                   lambda: tab.shift(-60))
        self.shift_action = make("editorShift", self.tr("Décaler la sélection…"), "Ctrl+T", self.ask_shift)
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fichier"))
        for action in (self.save_action, self.run_action, None, self.close_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu(self.tr("É&dition"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        inject_menu = bar.addMenu(self.tr("&Injects"))
        for action in (self.new_action, self.duplicate_action, self.delete_action, None,
                       self.earlier_action, self.later_action, self.shift_action):
            inject_menu.addSeparator() if action is None else inject_menu.addAction(action)
        for action in (self.save_action, self.run_action, self.close_action, self.undo_action, self.redo_action,
                       self.new_action, self.duplicate_action, self.delete_action, self.later_action,
                       self.earlier_action, self.shift_action):
            self.addAction(action)

    def ask_shift(self) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("shiftDialog")
        dialog.setWindowTitle(self.tr("Décaler la sélection"))
        dialog.setLabelText(self.tr("Décalage en minutes (négatif : plus tôt) :"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(-24 * 60, 24 * 60)
        dialog.setIntValue(5)
        dialog.intValueSelected.connect(lambda minutes: self.injects_tab.shift(minutes * 60))
        dialog.open()
        self._dialog = dialog

    # -- navigation -----------------------------------------------------------------------

    def select_path(self, path: tuple) -> None:
        """Show the field at ``path`` (from a problem): its tab, its row, its widget."""
        section = path[0]
        if section == "exercise":
            self.tabs.setCurrentIndex(self.TAB_EXERCISE)
            self.exercise_tab.select_path(path)
        elif section == "roles":
            self.tabs.setCurrentIndex(self.TAB_ROLES)
            self.roles_tab.select_path(path)
        elif section == "msel":
            self.tabs.setCurrentIndex(self.TAB_INJECTS)
            self.injects_tab.select_path(path)

    def move_inject(self, row: int, seconds: int) -> None:
        from crisisdesk.package import draft

        self.editor.set(("msel", row, "at"), draft.offset_text(seconds), self.tr("Déplacer l'inject"), merge=False)

    # -- state, saving, recovery --------------------------------------------------------------

    def _on_changed(self, _op) -> None:
        self._update_title()
        self.recovery_timer.start()

    def _update_title(self, *_args) -> None:
        title = str(self.doc.exercise.get("title") or self.doc.root.name)
        self.setWindowTitle(self.tr("{title}[*] — éditeur d'exercice").format(title=title))
        self.setWindowModified(self.doc.modified)

    def write_recovery(self) -> None:
        if self.doc.modified:
            try:
                write_recovery(self.recovery_folder, self.doc.root, self.doc.texts())
            except OSError as error:
                self.statusBar().showMessage(self.tr("Copie de récupération impossible : {e}").format(
                    e=error_text(error)))

    def save(self) -> bool:
        try:
            written = self.doc.save()
        except OSError as error:
            self._warn(self.tr("Enregistrement impossible :\n{details}").format(details=error_text(error)))
            return False
        self.recovery_timer.stop()
        discard_recovery(self.recovery_folder, self.doc.root)
        self.editor.undo_stack.setClean()
        self._update_title()
        self.statusBar().showMessage(self.tr("Enregistré ({files}).").format(files=", ".join(written) or "—"), 5000)
        return True

    def run(self) -> None:
        """Save, check, and ask the app to create a session and open the console."""
        if self.doc.modified and not self.save():
            return
        self.problems.check_now(wait=True)
        errors = self.problems.errors
        if errors:
            lines = "\n".join(str(p) for p in errors[:8])
            more = self.tr("\n… et {n} autre(s).").format(n=len(errors) - 8) if len(errors) > 8 else ""
            self._warn(self.tr("L'exercice ne peut pas être exécuté tant que ces erreurs restent :\n{lines}{more}")
                       .format(lines=lines, more=more))
            return
        self.run_requested.emit(self.doc.root)

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Éditeur d'exercice"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("editorWarning")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._box = box

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_confirmed or not self.doc.modified:
            discard_recovery(self.recovery_folder, self.doc.root)
            event.accept()
            return
        event.ignore()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Éditeur d'exercice"),
                          self.tr("Enregistrer les modifications de « {title} » ?").format(
                              title=self.doc.exercise.get("title", "")),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("editorCloseQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda _result: self._on_close_answer(box.standardButton(box.clickedButton())))
        box.open()
        self._box = box

    def _on_close_answer(self, button: QMessageBox.StandardButton) -> None:
        if button == QMessageBox.StandardButton.Save:
            if not self.save():
                return
        elif button != QMessageBox.StandardButton.Discard:
            return
        self._closing_confirmed = True
        self.close()
