"""GUI: the problems pane — the messages of ``crisisdesk validate``, live; a click shows the field."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from crisisdesk.package.document import check_texts
from crisisdesk.package.problems import Problem
from ui.editor.undo import EditorDocument

CHECK_DELAY_MS = 400  # after the last keystroke: checking on every key would only lag the typing


class ProblemsPane(QWidget):
    """GUI: errors and warnings of the document as it is now."""

    path_chosen = Signal(object)
    checked = Signal()
    _done = Signal(int, object)  # generation, problems: from the worker thread

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
        self._generation = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crisisdesk-check")
        self._done.connect(self._show, Qt.ConnectionType.QueuedConnection)
        pool = self._pool
        self.destroyed.connect(lambda _obj=None: pool.shutdown(wait=False, cancel_futures=True))
        editor.changed.connect(lambda _op: self.timer.start())

    def sizeHint(self) -> QSize:
        return QSize(600, 130 if self.problems else 44)  # a strip under the tabs: the tabs are the work

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    def check_now(self, wait: bool = False) -> None:
        """Check the document as it is now: on a worker thread (a 2,000-inject package takes a
        second or more), or here when ``wait`` (before running the exercise)."""
        self.timer.stop()
        self._generation += 1
        texts = self.editor.doc.texts()  # read here: the document changes on this thread only
        if wait:
            self._show(self._generation, check_texts(self.editor.doc.root, texts)[1])
            return
        generation, root = self._generation, self.editor.doc.root

        def work() -> None:
            try:
                problems = check_texts(root, texts)[1]
            except Exception as error:  # shown, never lost: the editor must keep working
                problems = [Problem(str(root), None, f"the check failed: {error}")]
            try:
                self._done.emit(generation, problems)
            except RuntimeError:  # the window closed meanwhile
                pass

        if not self.summary.text():
            self.summary.setText(self.tr("Vérification…"))
        self._pool.submit(work)

    def _show(self, generation: int, problems: list) -> None:
        if generation != self._generation:
            return  # a newer check is on its way
        self.problems = problems
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
