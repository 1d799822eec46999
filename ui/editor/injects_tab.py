"""GUI: the injects tab — the table (timeline order) and the form of the selected inject."""

from __future__ import annotations

import copy

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.package import draft
from ui.editor.inject_form import InjectForm
from ui.editor.models import InjectTableModel
from ui.editor.undo import EditorDocument


class InjectsTab(QWidget):
    """GUI: the injects, with new / duplicate / delete / move in time on the selection."""

    current_row_changed = Signal(object)  # source row (file order) or None

    def __init__(self, editor: EditorDocument, model: InjectTableModel, parent=None):
        super().__init__(parent)
        self.setObjectName("injectsTab")
        self.editor = editor
        self.doc = editor.doc
        self.model = model
        self.table = QTableView(objectName="injectTable")
        self.table.setModel(model)  # rows in timeline order: the model keeps them so
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((36, 46, 96, 70, 90, 84, 260, 120)):
            self.table.setColumnWidth(column, width)
        self.form = InjectForm(editor)
        # Side by side: the table keeps a long stretch of the timeline in view while the form is edited.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 660])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        # Keyboard-first, as in the console's timeline: Insert adds, Delete removes (in the table only).
        for key, slot in ((Qt.Key.Key_Insert, self.new_inject), (Qt.Key.Key_Delete, self.delete)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        editor.changed.connect(self._after_change)

    # -- selection -------------------------------------------------------------------

    def current_row(self) -> int | None:
        """The current inject's index in msel.yaml (None if none)."""
        index = self.table.currentIndex()
        return self.model.file_index(index.row()) if index.isValid() else None

    def selected_rows(self) -> list[int]:
        """Indexes in msel.yaml of the selected injects."""
        rows = {self.model.file_index(i.row()) for i in self.table.selectionModel().selectedRows()}
        current = self.current_row()
        if not rows and current is not None:
            rows = {current}
        return sorted(rows)

    def select_rows(self, rows: list[int], current: int | None = None) -> None:
        selection = QItemSelection()
        for row in rows:
            index = self.model.index(self.model.row_of(row), 0)
            selection.select(index, index)
        model = self.table.selectionModel()
        if current is not None:
            model.setCurrentIndex(self.model.index(self.model.row_of(current), 0),
                                  QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
        if current is not None:
            self.table.scrollTo(self.model.index(self.model.row_of(current), 0))

    def select_path(self, path: tuple) -> None:
        if len(path) >= 2 and isinstance(path[1], int) and 0 <= path[1] < len(self.doc.injects):
            self.select_rows([path[1]], path[1])
            if len(path) < 3 or not self.form.binder.focus(path[2]):
                self.table.setFocus()

    def _on_current(self, current, _previous=None) -> None:
        row = self.model.file_index(current.row()) if current.isValid() else None
        self.form.set_row(row)
        self.current_row_changed.emit(row)

    def _after_change(self, op: tuple) -> None:
        if op[1][0] == "msel" and len(op[1]) == 2:
            row = self.current_row()
            if row != self.form.row:
                self.form.set_row(row)

    # -- commands ----------------------------------------------------------------------

    def _unique_id(self, wanted: str) -> str:
        taken = {str(i.get("id")) for i in self.doc.injects if isinstance(i, dict)}
        if wanted not in taken:
            return wanted
        n = 2
        while f"{wanted}-{n}" in taken:
            n += 1
        return f"{wanted}-{n}"

    def new_inject(self) -> int:
        row = self.current_row()
        base = self.doc.injects[row] if row is not None else {}
        senders = [r["id"] for r in self.doc.roles if isinstance(r, dict) and r.get("kind") == "simulated"]
        inject = {
            "id": self._unique_id(f"I{len(self.doc.injects) + 1:02d}"),
            "at": str(base.get("at", "0:00")) if draft.offset(base.get("at")) is not None else "0:00",
            "title": self.tr("Nouvel inject"),
            "from": senders[0] if senders else "ANIM",
            "to": "all",
            "channel": "phone",
            "body": "",
        }
        position = len(self.doc.injects) if row is None else row + 1
        self.editor.push([("insert", ("msel", position), inject)], self.tr("Nouvel inject"))
        self.select_rows([position], position)
        self.form.title.setFocus()
        self.form.title.selectAll()
        return position

    def duplicate(self) -> int | None:
        row = self.current_row()
        if row is None:
            return None
        inject = copy.deepcopy(self.doc.injects[row])
        inject["id"] = self._unique_id(f"{inject.get('id', 'I')}-copie")
        self.editor.push([("insert", ("msel", row + 1), inject)], self.tr("Dupliquer l'inject"))
        self.select_rows([row + 1], row + 1)
        return row + 1

    def delete(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        self.editor.push([("remove", ("msel", row)) for row in reversed(rows)],
                         self.tr("Supprimer {n} inject(s)").format(n=len(rows)))
        if self.doc.injects:
            row = min(rows[0], len(self.doc.injects) - 1)
            self.select_rows([row], row)

    def shift(self, seconds: int, rows: list[int] | None = None) -> None:
        """Move the selected injects (or ``rows``) by ``seconds`` in exercise time, as one step."""
        rows = self.selected_rows() if rows is None else rows
        ops = []
        for row in rows:
            at = draft.offset(self.doc.injects[row].get("at"))
            if at is not None:
                ops.append(("set", ("msel", row, "at"), draft.offset_text(max(0, at + seconds))))
        minutes = seconds / 60
        self.editor.push(ops, self.tr("Décaler de {m:+g} min").format(m=minutes))
        current = self.current_row()
        self.select_rows(rows, current if current in rows else (rows[0] if rows else None))
