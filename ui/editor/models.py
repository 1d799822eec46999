"""GUI: Qt models over the document being edited — the injects table and simple record lists.

They read the document's plain data and turn each edit into an undoable operation; they
follow every change (theirs, another view's, undo) through the document's signals.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from crisisdesk.package import draft
from crisisdesk.package.model import CHANNELS
from ui.editor.undo import EditorDocument
from ui.labels import channel_label

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: the top level of a table


class InjectTableModel(QAbstractTableModel):
    """GUI: one row per inject, in timeline order (time, then file order).

    Rows are ordered by the model itself rather than by a sorting proxy: when an inject
    moves in time, only the moved rows change place (a layout change with the persistent
    indexes carried over), where a proxy re-sorted 2,000 rows through Python calls.
    ``file_index(row)`` and ``row_of(file_index)`` translate to the document's order.
    """

    COLUMNS = ("number", "at", "scenario", "from", "to", "channel", "title", "flags")

    def __init__(self, editor: EditorDocument, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self._phases = None
        self._pending: str | None = None
        self._pending_row = 0
        self._renumber: tuple[int, int] | None = None
        self._order: list[int] = []  # row -> index in msel.yaml
        self._rows: list[int] = []  # index in msel.yaml -> row
        self._reorder()
        editor.about_to_change.connect(self._about_to_change)
        editor.changed.connect(self._changed)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("N°"), self.tr("T+"), self.tr("Scénario"), self.tr("De"), self.tr("À"),
                self.tr("Canal"), self.tr("Titre"), self.tr("Repères"))

    # -- order -------------------------------------------------------------------------

    def _key(self, index: int) -> tuple:
        inject = self.doc.injects[index]
        at = draft.offset(inject.get("at")) if isinstance(inject, dict) else None
        return (at is None, at or 0, index)

    def _computed_order(self) -> list[int]:
        return sorted(range(len(self.doc.injects)), key=self._key)

    def _reorder(self, order: list[int] | None = None) -> None:
        self._order = order if order is not None else self._computed_order()
        self._rows = [0] * len(self._order)
        for row, index in enumerate(self._order):
            self._rows[index] = row

    def file_index(self, row: int) -> int:
        return self._order[row]

    def row_of(self, file_index: int) -> int:
        return self._rows[file_index]

    # -- Qt model interface ------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._order):
            return None
        inject = self.doc.injects[self._order[index.row()]]
        if not isinstance(inject, dict):
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), inject, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "flags":
            return self._text(index.row(), inject, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("number", "at", "scenario"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- values --------------------------------------------------------------------

    def _text(self, row: int, inject: dict, column: str) -> str:
        if column == "number":
            if self._renumber is not None and row >= self._renumber[0]:
                return str(row + 1 + self._renumber[1])  # rows being inserted or removed: see _changed
            return str(row + 1)
        if column == "at":
            return str(inject.get("at", ""))
        if column == "scenario":
            when = draft.scenario_time(self.phases(), draft.offset(inject.get("at")))
            return when.strftime("%d/%m %H:%M") if when else "—"
        if column == "from":
            return str(inject.get("from", ""))
        if column == "to":
            to = inject.get("to")
            return ", ".join(str(x) for x in to) if isinstance(to, list) else str(to or "")
        if column == "channel":
            channel = str(inject.get("channel", ""))
            return channel_label(channel) if channel in CHANNELS else channel
        if column == "title":
            return str(inject.get("title", ""))
        flags = []
        if draft.is_manual(inject):
            flags.append(self.tr("manuel"))
        if str(inject.get("contingency_for") or "").strip():
            flags.append(self.tr("secours de {id}").format(id=inject["contingency_for"]))
        if inject.get("expected"):
            flags.append(self.tr("{n} réponse(s)").format(n=len(inject["expected"])))
        if inject.get("attachments"):
            flags.append(self.tr("PJ"))
        if inject.get("sets"):
            flags.append(self.tr("indicateurs"))
        return " · ".join(flags)

    def phases(self):
        if self._phases is None:
            self._phases = draft.phases(self.doc.exercise)
        return self._phases

    # -- following the document ------------------------------------------------

    def _about_to_change(self, op: tuple) -> None:
        kind, path = op[0], op[1]
        self._pending = None
        if path == ("msel",):
            self.beginResetModel()
            self._pending = "reset"
        elif path[0] == "msel" and len(path) == 2 and kind == "insert":
            # Where the new inject will show: after every inject due before it (file order breaks ties).
            index, item = path[1], op[2]
            at = draft.offset(item.get("at")) if isinstance(item, dict) else None
            new_key = (at is None, at or 0, index)
            row = sum(1 for j in range(len(self.doc.injects))
                      if self._shifted_key(j, index) < new_key)
            self.beginInsertRows(_ROOT, row, row)
            self._pending, self._pending_row = "insert", row
        elif path[0] == "msel" and len(path) == 2 and kind == "remove":
            row = self._rows[path[1]]
            self.beginRemoveRows(_ROOT, row, row)
            self._pending, self._pending_row = "remove", row

    def _shifted_key(self, j: int, inserted_at: int) -> tuple:
        at, offset, _ = self._key(j)
        return (at, offset, j if j < inserted_at else j + 1)

    def _changed(self, op: tuple) -> None:
        path = op[1]
        pending, self._pending = self._pending, None
        if pending is not None:
            self._reorder()
            # While rows come and go, the others keep their numbers (Qt's model contract: their
            # data does not change within the insertion); the renumbering is announced after.
            if pending == "insert":
                self._renumber = (self._pending_row + 1, -1)
                self.endInsertRows()
            elif pending == "remove":
                self._renumber = (self._pending_row, 1)
                self.endRemoveRows()
            else:
                self.endResetModel()
            self._renumber = None
            self._column_changed(0)
            return
        if path[0] == "msel" and len(path) >= 2 and 0 <= path[1] < len(self.doc.injects):
            if len(path) == 2 or path[2] == "at":
                self._follow_time(path[1])
            row = self._rows[path[1]]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        elif path[0] == "exercise":
            self._phases = None
            self._column_changed(self.COLUMNS.index("scenario"))
        elif path[0] == "roles":
            self._column_changed(self.COLUMNS.index("to"))

    def _follow_time(self, changed: int) -> None:
        """An inject's time changed: move its row to its new place, carrying selections along."""
        order = self._computed_order()
        if order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._order
        self._reorder(order)
        persistent = self.persistentIndexList()
        moved = [self.index(self._rows[old_rows[p.row()]], p.column()) if 0 <= p.row() < len(old_rows) else p
                 for p in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _column_changed(self, column: int) -> None:
        if self._order:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._order) - 1, column))


class RecordListModel(QAbstractTableModel):
    """GUI: a list of records of the document (roles, phases, indicators, objectives) as an editable table."""

    def __init__(self, editor: EditorDocument, list_path: tuple, columns: list[tuple[str, str]],
                 defaults: dict | None = None, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.doc = editor.doc
        self.list_path = tuple(list_path)
        self.columns = columns  # (key, header)
        self.defaults = defaults or {}
        self._pending: str | None = None
        editor.about_to_change.connect(self._about_to_change)
        editor.changed.connect(self._changed)

    def items(self) -> list:
        value = self.doc.get(self.list_path, None)
        return value if isinstance(value, list) else []

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        items = self.items()
        if not 0 <= index.row() < len(items) or not isinstance(items[index.row()], dict):
            return None
        value = items[index.row()].get(self.columns[index.column()][0], "")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        key = self.columns[index.column()][0]
        text = str(value)
        path = (*self.list_path, index.row(), key)
        if text == "" and key not in ("id", "title", "label", "at", "name"):
            from crisisdesk.package.document import MISSING

            if self.doc.get(path, MISSING) is MISSING:
                return False
            self.editor.set(path, MISSING, merge=False)
        else:
            self.editor.set(path, text, merge=False)
        return True

    def add(self, row: int | None = None) -> int:
        """Insert a new record (after ``row``, or at the end); return its row."""
        position = len(self.items()) if row is None else row + 1
        if self.doc.get(self.list_path, None) is None:  # e.g. no indicators yet
            self.editor.push([("set", self.list_path, [dict(self.defaults)])], self.tr("Ajouter"))
            return 0
        self.editor.push([("insert", (*self.list_path, position), dict(self.defaults))], self.tr("Ajouter"))
        return position

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.items()):
            self.editor.push([("remove", (*self.list_path, row))], self.tr("Supprimer"))

    def _concerns(self, path: tuple) -> bool:
        return tuple(path[: len(self.list_path)]) == self.list_path

    def _about_to_change(self, op: tuple) -> None:
        kind, path = op[0], op[1]
        self._pending = None
        if len(path) == len(self.list_path) + 1 and self._concerns(path):
            if kind == "insert":
                self.beginInsertRows(QModelIndex(), path[-1], path[-1])
                self._pending = "insert"
            elif kind == "remove":
                self.beginRemoveRows(QModelIndex(), path[-1], path[-1])
                self._pending = "remove"
        elif len(path) <= len(self.list_path) and tuple(self.list_path[: len(path)]) == tuple(path):
            self.beginResetModel()
            self._pending = "reset"

    def _changed(self, op: tuple) -> None:
        pending, self._pending = self._pending, None
        if pending == "insert":
            self.endInsertRows()
        elif pending == "remove":
            self.endRemoveRows()
        elif pending == "reset":
            self.endResetModel()
        elif self._concerns(op[1]) and len(op[1]) > len(self.list_path):
            row = op[1][len(self.list_path)]
            if 0 <= row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
