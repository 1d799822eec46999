"""GUI: the MSEL as a Qt table model over the session's inject states, and its filter proxy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from crisisdesk.session import InjectStatus
from crisisdesk.timefmt import format_offset
from ui.console.theme import status_brushes
from ui.labels import all_roles_label, code_label

Index = QModelIndex | QPersistentModelIndex

INJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ROLES_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4


class Column(IntEnum):
    """GUI: the timeline's columns, in display order."""

    TIME = 0
    SCENARIO = 1
    ID = 2
    TITLE = 3
    ROUTE = 4
    CHANNEL = 5
    STATUS = 6


def display_status(state, ended: bool = False) -> str:
    """Map an InjectState to the timeline's status code (pending/due/late/fired/skipped/delayed/unplayed).

    After ENDEX (``ended``) an inject neither fired nor skipped is "unplayed": nothing is to come any more.
    """
    status = state.status
    if status is InjectStatus.FIRED:
        return "misfired" if state.mistaken else "fired"
    if status is InjectStatus.SKIPPED:
        return "skipped"
    if ended:
        return "unplayed"
    if status is InjectStatus.DUE:
        return "late" if state.overdue else "due"
    return "delayed" if state.delayed else "pending"


class TimelineModel(QAbstractTableModel):
    """GUI: one row per inject (effective order); no session access inside data()."""

    def __init__(
        self,
        scenario_at: Callable[[int], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: tuple = ()
        self._next_id: str | None = None
        self._ended = False
        self._scenario_at = scenario_at
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    # public API
    def set_states(self, states: Sequence, *, ended: bool = False, next_id: str | None = None) -> None:
        """Show ``states``, marking ``next_id`` (the core's ``next_to_fire``; ``ended``: after ENDEX, nothing
        is next); keep rows (and selection) when only their contents changed."""
        states = tuple(states)
        next_id = None if ended else next_id
        same_rows = [s.inject.id for s in states] == [s.inject.id for s in self._rows]
        if same_rows:
            changed = states != self._rows or next_id != self._next_id or ended != self._ended
            self._rows, self._next_id, self._ended = states, next_id, ended
            if changed and states:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(states) - 1, len(Column) - 1)
                )
            return
        self.beginResetModel()
        self._rows, self._next_id, self._ended = states, next_id, ended
        self.endResetModel()

    def state_at(self, row: int):
        """Return the InjectState shown on ``row``."""
        return self._rows[row]

    def row_of(self, inject_id: str) -> int:
        """Return the row of ``inject_id``, or -1."""
        for row, state in enumerate(self._rows):
            if state.inject.id == inject_id:
                return row
        return -1

    @property
    def next_id(self) -> str | None:
        return self._next_id

    # Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            Column.TIME: self.tr("Heure"),
            Column.SCENARIO: self.tr("Scénario"),
            Column.ID: self.tr("N°"),
            Column.TITLE: self.tr("Titre"),
            Column.ROUTE: self.tr("De → À"),
            Column.CHANNEL: self.tr("Canal"),
            Column.STATUS: self.tr("Statut"),
        }
        return headers.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        state = self._rows[index.row()]
        column = Column(index.column())
        status = display_status(state, self._ended)
        is_next = state.inject.id == self._next_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(state, column, status, is_next)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(state)
        # The next inject may already be due: it keeps the due/late colours, with the ▶ mark.
        style = "next" if is_next and status in ("pending", "delayed") else status
        if role == Qt.ItemDataRole.BackgroundRole:
            background, _ = status_brushes(style)
            return background
        if role == Qt.ItemDataRole.ForegroundRole:
            _, foreground = status_brushes(style)
            return foreground
        if role == Qt.ItemDataRole.FontRole:
            if is_next or status in ("due", "late"):
                return self._bold
            if status == "skipped" and column == Column.TITLE:
                return self._struck
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.TIME, Column.SCENARIO, Column.ID):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == INJECT_ID_ROLE:
            return state.inject.id
        if role == STATUS_ROLE:
            return status
        if role == ROLES_ROLE:
            inject = state.inject
            return {"*"} if inject.to_all else set(inject.to) | {inject.sender}
        if role == SEARCH_ROLE:
            inject = state.inject
            return " ".join((inject.id, inject.title, inject.sender, inject.body, inject.notes)).casefold()
        return None

    def _display(self, state, column: Column, status: str, is_next: bool) -> str:
        inject = state.inject
        if column == Column.TIME:
            mark = "▶ " if is_next else ""
            # A fired inject sits in the timeline at the time it actually went out.
            when = state.fired_elapsed if state.fired_elapsed is not None else state.due_at
            return mark + "T+" + format_offset(when, with_seconds=False)
        if column == Column.SCENARIO:
            if state.fired_scenario is not None:
                return state.fired_scenario.strftime("%d/%m %H:%M")
            if self._scenario_at is None:
                return ""
            return self._scenario_at(state.due_at).strftime("%d/%m %H:%M")
        if column == Column.ID:
            return inject.id
        if column == Column.TITLE:
            return inject.title
        if column == Column.ROUTE:
            to = all_roles_label() if inject.to_all else ", ".join(inject.to)
            return f"{inject.sender} → {to}"
        if column == Column.CHANNEL:
            return code_label("channel", inject.channel)
        label = code_label("status", "next" if is_next and status == "pending" else status)
        if state.delayed and status in ("due", "late") or (is_next and state.delayed):
            label += " " + self.tr("(retardé)")
        return label

    def _tooltip(self, state) -> str:
        inject = state.inject
        lines = [f"{inject.id} — {inject.title}"]
        if state.due_at != state.planned_at:
            lines.append(
                self.tr("Prévu à T+{planned}, décalé à T+{due}").format(
                    planned=format_offset(state.planned_at, with_seconds=False),
                    due=format_offset(state.due_at, with_seconds=False),
                )
            )
        if inject.manual:
            lines.append(self.tr("Déclenchement manuel"))
        if inject.contingency_for:
            lines.append(self.tr("Inject de rattrapage pour {id}").format(id=inject.contingency_for))
        return "\n".join(lines)


class TimelineFilter(QSortFilterProxyModel):
    """GUI: filter the timeline by role, status group and free text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._role: str | None = None
        self._statuses: frozenset[str] | None = None
        self._text = ""

    def set_role(self, role_id: str | None) -> None:
        """Keep only injects addressed to (or sent by) ``role_id``; None keeps all."""
        self._change_filter(lambda: setattr(self, "_role", role_id or None))

    def set_statuses(self, statuses: frozenset[str] | None) -> None:
        """Keep only injects whose status is in ``statuses``; None keeps all."""
        self._change_filter(lambda: setattr(self, "_statuses", statuses))

    def set_text(self, text: str) -> None:
        """Keep only injects whose id, title, sender, body or notes contain ``text``."""
        self._change_filter(lambda: setattr(self, "_text", text.strip().casefold()))

    def _change_filter(self, change) -> None:
        # Qt 6.10 replaced invalidateFilter() by begin/endFilterChange around the change.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._role is not None:
            roles = model.data(index, ROLES_ROLE) or set()
            if "*" not in roles and self._role not in roles:
                return False
        if self._statuses is not None and model.data(index, STATUS_ROLE) not in self._statuses:
            return False
        if self._text and self._text not in (model.data(index, SEARCH_ROLE) or ""):
            return False
        return True
