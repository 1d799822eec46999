"""GUI: the problems pane — the messages of ``crisisdesk validate``, live; a click shows the field."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from crisisdesk.package.document import check_texts
from crisisdesk.package.problems import Problem
from crisisdesk.readiness import ReadinessReport, check_package
from ui.editor.undo import EditorDocument
from ui.readiness_summary import ReadinessSummary

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
        self.report: ReadinessReport | None = None
        self._words = ReadinessSummary(self)  # the start screen's wording of findings, reused (never shown)
        self.summary = QLabel(objectName="problemsSummary")
        self.list = QListWidget(objectName="problemsList")
        self.list.setAccessibleName(self.tr("Problèmes"))
        self.list.setMinimumHeight(16)
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
        self.shown_generation = 0  # the last check shown (== _generation: up to date)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crisisdesk-check")
        self._done.connect(self._show, Qt.ConnectionType.QueuedConnection)
        pool = self._pool
        self.destroyed.connect(lambda _obj=None: pool.shutdown(wait=False, cancel_futures=True))
        editor.changed.connect(lambda _op: self.timer.start())

    def sizeHint(self) -> QSize:
        return QSize(600, 130 if self.problems else 26)  # a strip under the tabs: the tabs are the work

    @property
    def up_to_date(self) -> bool:
        """True when the last change has been checked and shown."""
        return not self.timer.isActive() and self.shown_generation == self._generation

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
            package, problems = check_texts(self.editor.doc.root, texts)
            report = check_package(package, self.editor.doc.root) if package is not None else None
            self._show(self._generation, (problems, report))
            return
        generation, root = self._generation, self.editor.doc.root

        def work() -> None:
            report = None
            try:
                package, problems = check_texts(root, texts)
                if package is not None:  # the readiness check measures a valid package only
                    report = check_package(package, root)
            except Exception as error:  # shown, never lost: the editor must keep working
                problems = [Problem(str(root), None, f"the check failed: {error}")]
            try:
                self._done.emit(generation, (problems, report))
            except RuntimeError:  # the window closed meanwhile
                pass

        if not self.summary.text():
            self.summary.setText(self.tr("Vérification…"))
        self._pool.submit(work)

    def _show(self, generation: int, result: tuple) -> None:
        if generation != self._generation:
            return  # a newer check is on its way
        self.problems, self.report = result
        self.shown_generation = generation
        self.list.clear()
        for problem in self.problems:
            where = Path(problem.file).name + (f":{problem.line}" if problem.line else "")
            level = self.tr("avertissement") if problem.warning else self.tr("erreur")
            item = QListWidgetItem(f"{where}: {level}: {problem.message}")
            item.setData(Qt.ItemDataRole.UserRole, problem)
            item.setForeground(QBrush(QColor("#8a5a00" if problem.warning else "#a00000")))
            self.list.addItem(item)
        findings = ()
        if self.report is not None:  # worded as the start screen words them
            self._words.report = self.report
            findings = self.report.alerts + tuple(f for f in self.report.findings if not f.is_alert)
        for finding in findings:
            label = self.tr("préparation") if finding.is_alert else self.tr("remarque")
            item = QListWidgetItem(f"{label}: {self._words.describe(finding)}")
            item.setData(Qt.ItemDataRole.UserRole, finding)
            item.setForeground(QBrush(QColor("#7b3fa0" if finding.is_alert else "#5a6672")))
            self.list.addItem(item)
        errors, warnings = len(self.errors), len(self.problems) - len(self.errors)
        if not self.problems:
            self.summary.setText(self.tr("Aucun problème : l'exercice peut être exécuté."))
        elif errors:
            self.summary.setText(self.tr("{e} erreur(s), {w} avertissement(s) : enregistrable, mais pas exécutable "
                                         "avant correction.").format(e=errors, w=warnings))
        else:
            self.summary.setText(self.tr("{w} avertissement(s) : l'exercice peut être exécuté.").format(w=warnings))
        if self.report is not None and self.report.alerts:
            self.summary.setText(self.summary.text() + " " + self.tr("Préparation : {n} alerte(s).").format(
                n=len(self.report.alerts)))
        self.summary.setStyleSheet("color: #a00000; font-weight: 600;" if errors else "color: #1d6b35;")
        self.checked.emit()

    def _activated(self, item: QListWidgetItem) -> None:
        found = item.data(Qt.ItemDataRole.UserRole)
        path = self.editor.doc.locate(found) if isinstance(found, Problem) else self._finding_path(found)
        if path:
            self.path_chosen.emit(path)

    def _finding_path(self, finding) -> tuple | None:
        """Where a readiness finding points: its inject, role or objective (by id: lines may have moved)."""
        doc = self.editor.doc
        for section, key, ident in (("msel", None, finding.inject), ("roles", None, finding.role),
                                    ("exercise", "objectives", finding.objective)):
            if ident is None:
                continue
            items = doc.get(("exercise", "objectives"), []) if key else doc.get((section,), [])
            for index, item in enumerate(items):
                if isinstance(item, dict) and item.get("id") == ident:
                    return (section, key, index) if key else (section, index)
        return None
