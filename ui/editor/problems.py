"""GUI: the problems pane — the messages of ``crisisdesk validate``, live; a click shows the field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from crisisdesk.package.problems import Problem
from ui.editor.undo import EditorDocument

CHECK_DELAY_MS = 400  # after the last keystroke: checking on every key would only lag the typing


class ProblemsPane(QWidget):
    """GUI: errors and warnings of the document as it is now."""

    path_chosen = Signal(object)
    checked = Signal()

    def __init__(self, editor: EditorDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("problemsPane")
        self.editor = editor
        self.problems: list[Problem] = []
        self.summary = QLabel(objectName="problemsSummary")
        self.list = QListWidget(objectName="problemsList")
        self.list.setAccessibleName(self.tr("Problèmes"))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.check_now)
        editor.changed.connect(lambda _op: self.timer.start())

    def sizeHint(self) -> QSize:
        return QSize(600, 130 if self.problems else 44)  # a strip under the tabs: the tabs are the work

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    def check_now(self) -> None:
        self.timer.stop()
        _package, self.problems = self.editor.doc.check()
        self.list.clear()
        for problem in self.problems:
            where = Path(problem.file).name + (f":{problem.line}" if problem.line else "")
            level = self.tr("avertissement") if problem.warning else self.tr("erreur")
            item = QListWidgetItem(f"{where}: {level}: {problem.message}")
            item.setData(Qt.ItemDataRole.UserRole, problem)
            item.setForeground(QBrush(QColor("#8a5a00" if problem.warning else "#a00000")))
            self.list.addItem(item)
        errors, warnings = len(self.errors), len(self.problems) - len(self.errors)
        if not self.problems:
            self.summary.setText(self.tr("Aucun problème : l'exercice peut être exécuté."))
        elif errors:
            self.summary.setText(self.tr("{e} erreur(s), {w} avertissement(s) : enregistrable, mais pas exécutable "
                                         "avant correction.").format(e=errors, w=warnings))
        else:
            self.summary.setText(self.tr("{w} avertissement(s) : l'exercice peut être exécuté.").format(w=warnings))
        self.summary.setStyleSheet("color: #a00000; font-weight: 600;" if errors else "color: #1d6b35;")
        self.checked.emit()

    def _activated(self, item: QListWidgetItem) -> None:
        problem = item.data(Qt.ItemDataRole.UserRole)
        path = self.editor.doc.locate(problem)
        if path:
            self.path_chosen.emit(path)
