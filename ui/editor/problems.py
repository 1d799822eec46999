"""GUI: the problems pane — the messages of ``crisisdesk validate``, live; a click shows the field."""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from crisisdesk.package.check_job import run_check
from crisisdesk.package.problems import Problem
from crisisdesk.readiness import ReadinessReport
from ui.editor.undo import EditorDocument
from ui.readiness_summary import ReadinessSummary

CHECK_DELAY_MS = 400  # after the last keystroke: checking on every key would only lag the typing

FILL_SLICE = 150  # problems listed per turn of the event loop (about 20 ms of wording)

# The checks run in one child process shared by every editor window: on a 2,000-inject
# package they are 1.5 s of pure Python, which on a thread would hold the interpreter the
# window paints with (frames waited). Started on first use ("spawn": no forked Qt state),
# so its start-up overlaps the window's; a thread is the fallback if it cannot start.
_process_pool: ProcessPoolExecutor | None = None


def check_pool() -> ProcessPoolExecutor:
    global _process_pool
    if _process_pool is None:
        _process_pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        atexit.register(_process_pool.shutdown, wait=False, cancel_futures=True)
    return _process_pool


def _drop_pool() -> None:
    global _process_pool
    if _process_pool is not None:
        _process_pool.shutdown(wait=False, cancel_futures=True)
    _process_pool = None


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
        self._entries: list = []
        self._filling = 0
        self._pending: Future | None = None
        self._thread_pool: ThreadPoolExecutor | None = None  # only if no child process can be started
        self._done.connect(self._show, Qt.ConnectionType.QueuedConnection)
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
        """Check the document as it is now: in the child process (a 2,000-inject package takes a
        second or more), or here when ``wait`` (before running the exercise)."""
        self.timer.stop()
        self._generation += 1
        texts = self.editor.doc.texts()  # read here: the document changes on this thread only
        if wait:
            self._show(self._generation, run_check(self.editor.doc.root, texts), at_once=True)
            return
        generation, root = self._generation, self.editor.doc.root
        if self._pending is not None:
            self._pending.cancel()  # not started yet: its text is already out of date
        if not self.summary.text():
            self.summary.setText(self.tr("Vérification…"))
        self._pending = self._submit(root, texts, generation)

    def _submit(self, root: Path, texts: dict[str, str], generation: int) -> Future:
        try:
            future = check_pool().submit(run_check, root, texts)
        except (BrokenProcessPool, OSError, RuntimeError):  # no child process: check on a thread
            _drop_pool()
            if self._thread_pool is None:
                self._thread_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crisisdesk-check")
                pool = self._thread_pool
                self.destroyed.connect(lambda _obj=None: pool.shutdown(wait=False, cancel_futures=True))
            future = self._thread_pool.submit(run_check, root, texts)
        future.add_done_callback(lambda f: self._finished(f, root, texts, generation))
        return future

    def _finished(self, future: Future, root: Path, texts: dict[str, str], generation: int) -> None:
        """Called on a pool thread: hand the result to the window's thread."""
        if future.cancelled():
            return
        error = future.exception()
        if isinstance(error, BrokenProcessPool):  # the child died (killed?): check again here
            _drop_pool()
            result = run_check(root, texts)
        elif error is not None:
            result = ([Problem(str(root), None, f"the check failed: {error}")], None)
        else:
            result = future.result()
        try:
            self._done.emit(generation, result)
        except RuntimeError:  # the window closed meanwhile
            pass

    def _show(self, generation: int, result: tuple, at_once: bool = False) -> None:
        if generation != self._generation:
            return  # a newer check is on its way
        self.problems, self.report = result
        self.list.clear()
        entries: list = list(self.problems)
        if self.report is not None:  # worded as the start screen words them
            self._words.report = self.report
            entries += self.report.alerts + tuple(f for f in self.report.findings if not f.is_alert)
        self._entries, self._filling = entries, generation
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
        self._fill(at_once)

    def _fill(self, at_once: bool = False) -> None:
        """List the entries in slices, one per turn of the event loop: a 2,000-inject package can
        have a thousand readiness remarks, and wording them all at once would hold a frame."""
        if self._filling != self._generation:
            return  # a newer result replaced this one
        end = len(self._entries) if at_once else min(len(self._entries), self.list.count() + FILL_SLICE)
        for entry in self._entries[self.list.count():end]:
            self.list.addItem(self._item(entry))
        if self.list.count() < len(self._entries):
            QTimer.singleShot(0, self, self._fill)
            return
        self.shown_generation = self._filling
        self.checked.emit()

    def _item(self, entry) -> QListWidgetItem:
        if isinstance(entry, Problem):
            where = Path(entry.file).name + (f":{entry.line}" if entry.line else "")
            level = self.tr("avertissement") if entry.warning else self.tr("erreur")
            item = QListWidgetItem(f"{where}: {level}: {entry.message}")
            item.setForeground(QBrush(QColor("#8a5a00" if entry.warning else "#a00000")))
        else:
            label = self.tr("préparation") if entry.is_alert else self.tr("remarque")
            item = QListWidgetItem(f"{label}: {self._words.describe(entry)}")
            item.setForeground(QBrush(QColor("#7b3fa0" if entry.is_alert else "#5a6672")))
        item.setData(Qt.ItemDataRole.UserRole, entry)
        return item

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
