"""GUI: the main courante as a table model (one row per current entry) and its filters.

The model keeps its rows sorted by the time each entry was first logged (a correction
stays where the original was) and serves them newest first or chronologically by
mapping row numbers, so flipping the order never sorts 50,000 rows in Python. The
filter proxy (``ui/observer/log_filter.py``) reads the row objects directly, never
through ``data()``, in one pass per filter change.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crisisdesk.logsyntax import fold
from crisisdesk.session.state import LogEntry
from crisisdesk.timefmt import clock_text, format_offset
from ui import labels, palette
from ui.observer.log_filter import LogFilterProxy  # noqa: F401  (the view's filter; imported from here by callers)

_Index = QModelIndex | QPersistentModelIndex


class SaveState(enum.Enum):
    """Where a row stands with respect to the session file."""

    SAVED = "saved"
    SAVING = "saving"
    FAILED = "failed"
    REFUSED = "refused"  # the session refused it (never stored): kept on screen so the text is not lost


@dataclass(eq=False)
class LogRow:
    """One row: the current revision of an entry, its save state and its earlier revisions."""

    entry: LogEntry  # a draft typed here is a LogEntry too, not stored yet (``draft``)
    save: SaveState = SaveState.SAVED
    draft: bool = False  # typed here, not read back from the session yet
    earlier: tuple[Any, ...] = ()  # earlier revisions, oldest first
    first_time: float = 0.0  # when the first revision was logged: the sort key
    note: str = ""  # why the session refused it (REFUSED rows)
    _haystack: str | None = field(default=None, repr=False)

    @property
    def key(self) -> tuple[float, str]:
        return (self.first_time, self.entry.entry_id)

    @property
    def origin(self) -> Any:
        """The first revision: its times are when the logged fact happened."""
        return self.earlier[0] if self.earlier else self.entry

    @property
    def corrected(self) -> bool:
        return bool(self.earlier) or self.entry.supersedes is not None

    def haystack(self) -> str:
        """Folded text searched by the text filter (computed once per row)."""
        if self._haystack is None:
            entry = self.entry
            self._haystack = fold(" ".join((entry.text, entry.role or "", entry.observer or "", entry.inject_id or "")))
        return self._haystack


class Column(enum.IntEnum):
    """The columns of the log table."""

    STATUS = 0
    REAL = 1
    ELAPSED = 2
    SCENARIO = 3
    ROLE = 4
    KIND = 5
    TEXT = 6
    INJECT = 7
    TAGS = 8
    OBSERVER = 9


ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the LogRow object


class LogTableModel(QAbstractTableModel):
    """GUI: the current revision of every entry, with drafts typed here and their save state."""

    def __init__(self, parent=None, *, role_colors: dict[str, str] | None = None, inject_titles: dict[str, str] | None = None,
                 zone: tzinfo | None = None):
        super().__init__(parent)
        self.zone = zone  # the exercise's time zone: real times read as the room lived them
        self._rows: list[LogRow] = []  # sorted by key, oldest first
        self._keys: list[tuple[float, str]] = []
        self._by_id: dict[str, LogRow] = {}
        self._newest_first = True
        self._role_colors = {role: QColor(color) for role, color in (role_colors or {}).items() if color}
        self._inject_titles = dict(inject_titles or {})
        self._revisions: dict[str, Any] = {}  # every revision seen, by entry_id
        self._observers: set[str] = set()
        self._seen_entries: tuple[Any, ...] | None = None
        self._seen_history: tuple[Any, ...] | None = None
        self._history_len = 0
        self._history_last: Any = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._headers = {
            Column.STATUS: self.tr("État"),
            Column.REAL: self.tr("Heure"),
            Column.ELAPSED: self.tr("T+"),
            Column.SCENARIO: self.tr("Scénario"),
            Column.ROLE: self.tr("Rôle"),
            Column.KIND: self.tr("Type"),
            Column.TEXT: self.tr("Entrée"),
            Column.INJECT: self.tr("Inject"),
            Column.TAGS: self.tr("Marques"),
            Column.OBSERVER: self.tr("Observateur"),
        }

    # -- order ---------------------------------------------------------------------

    @property
    def newest_first(self) -> bool:
        return self._newest_first

    def set_newest_first(self, newest_first: bool) -> None:
        """Show the newest entries at the top (True) or in time order (False)."""
        if newest_first == self._newest_first:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        rows = [self._rows[self._position(index.row())] for index in old]
        self._newest_first = newest_first
        self.changePersistentIndexList(
            old, [self.createIndex(self._view_row(self._by_position(row)), index.column()) for row, index in zip(rows, old, strict=True)]
        )
        self.layoutChanged.emit()

    def _view_row(self, position: int) -> int:
        return len(self._rows) - 1 - position if self._newest_first else position

    def _position(self, view_row: int) -> int:
        return len(self._rows) - 1 - view_row if self._newest_first else view_row

    def _by_position(self, row: LogRow) -> int:
        return bisect.bisect_left(self._keys, row.key)

    # -- access ----------------------------------------------------------------------

    def row_at(self, view_row: int) -> LogRow:
        """Return the LogRow shown at ``view_row``."""
        return self._rows[self._position(view_row)]

    def row_for(self, entry_id: str) -> LogRow | None:
        """Return the row of an entry (current revision) or None."""
        return self._by_id.get(entry_id)

    def view_row_of(self, entry_id: str) -> int:
        """Return the view row of an entry, or -1."""
        row = self._by_id.get(entry_id)
        if row is None:
            return -1
        return self._view_row(self._by_position(row))

    def rows(self) -> list[LogRow]:
        """Return every row, oldest first."""
        return list(self._rows)

    def observers(self) -> set[str]:
        """Return the names of everyone who logged a shown entry."""
        return set(self._observers)

    def history_of(self, entry_id: str) -> list[Any]:
        """Return every revision of an entry, oldest first (the current one last)."""
        row = self._by_id.get(entry_id)
        if row is None:
            return []
        return [*row.earlier, row.entry]

    # -- updates ---------------------------------------------------------------------

    def _insert(self, row: LogRow) -> None:
        position = bisect.bisect_left(self._keys, row.key)
        view_row = len(self._rows) - position if self._newest_first else position
        self.beginInsertRows(QModelIndex(), view_row, view_row)
        self._rows.insert(position, row)
        self._keys.insert(position, row.key)
        self._by_id[row.entry.entry_id] = row
        self._observers.add(row.entry.observer)
        self.endInsertRows()

    def _remove(self, row: LogRow) -> None:
        position = self._by_position(row)
        view_row = self._view_row(position)
        self.beginRemoveRows(QModelIndex(), view_row, view_row)
        del self._rows[position]
        del self._keys[position]
        self._by_id.pop(row.entry.entry_id, None)
        self.endRemoveRows()

    def _changed(self, row: LogRow) -> None:
        view_row = self._view_row(self._by_position(row))
        self.dataChanged.emit(self.index(view_row, 0), self.index(view_row, len(Column) - 1))

    def _chain(self, entry: Any) -> tuple[Any, ...]:
        """Return the earlier revisions of ``entry``, oldest first."""
        earlier = []
        seen = {entry.entry_id}
        previous = entry.supersedes
        while previous and previous not in seen and previous in self._revisions:
            seen.add(previous)
            earlier.append(self._revisions[previous])
            previous = self._revisions[previous].supersedes
        earlier.reverse()
        return tuple(earlier)

    def add_draft(self, draft: LogEntry) -> LogRow:
        """Show an entry typed here at once, marked as being saved."""
        earlier: tuple[Any, ...] = ()
        first_time = draft.real_time
        if draft.supersedes and draft.supersedes in self._by_id:
            old = self._by_id[draft.supersedes]
            earlier = (*old.earlier, old.entry)
            first_time = old.first_time
            self._remove(old)
        row = LogRow(entry=draft, save=SaveState.SAVING, draft=True, earlier=earlier, first_time=first_time)
        self._insert(row)
        return row

    def remove_draft(self, entry_id: str) -> None:
        """Drop a draft the session refused; a corrected entry it replaced comes back."""
        row = self._by_id.get(entry_id)
        if row is None or not row.draft:
            return
        self._remove(row)
        if row.earlier:
            previous = row.earlier[-1]
            self._insert(LogRow(entry=previous, earlier=row.earlier[:-1], first_time=row.first_time))

    def mark_refused(self, entry_id: str, reason: str) -> None:
        """Keep a draft the session refused on screen, marked refused; a corrected entry it replaced comes back."""
        row = self._by_id.get(entry_id)
        if row is None or not row.draft:
            return
        if row.earlier:
            self.remove_draft(entry_id)  # the stored entry it was to correct takes its place again
            row = LogRow(entry=row.entry, draft=True, first_time=row.entry.real_time)
            self._insert(row)
        row.save = SaveState.REFUSED
        row.note = reason
        self._changed(row)

    def set_save_state(self, entry_id: str, save: SaveState) -> None:
        """Mark a row as saving, saved or failed."""
        row = self._by_id.get(entry_id)
        if row is not None and row.save is not save:
            row.save = save
            self._changed(row)

    def pending_ids(self) -> list[str]:
        """Return the ids of the rows not saved (saving, failed or refused)."""
        return [row.entry.entry_id for row in self._rows if row.save is not SaveState.SAVED]

    def sync(self, entries: tuple[Any, ...], history: Iterable[Any] = ()) -> bool:
        """Bring the rows in line with the session's current entries; return True if anything changed.

        ``history`` is every revision in log order (append-only): when it only grew
        since the last call, just the new revisions are applied, so the cost follows
        what changed, not the size of the courante. Otherwise the rows are diffed
        against ``entries`` (the current revisions).
        """
        history = history if isinstance(history, tuple) else tuple(history)
        if entries is self._seen_entries and history is self._seen_history:
            return False
        self._seen_entries, self._seen_history = entries, history
        seen = self._history_len
        grew = (
            history
            and seen <= len(history)
            and (seen == 0 or history[seen - 1] is self._history_last)
        )
        self._history_len = len(history)
        self._history_last = history[-1] if history else None
        if not self._rows:
            for revision in history:
                self._revisions[revision.entry_id] = revision
            for entry in entries:
                self._revisions[entry.entry_id] = entry
            self._reset_from(entries)
            return bool(entries)
        if grew:
            changed = False
            for revision in history[seen:]:
                self._revisions[revision.entry_id] = revision
                changed = self._apply_revision(revision) or changed
            return changed
        return self._diff(entries, history)

    def _apply_revision(self, revision: Any) -> bool:
        """Show one newly stored revision (a new entry, a correction, or a draft now saved)."""
        row = self._by_id.get(revision.entry_id)
        if row is not None:
            if row.draft or row.save is not SaveState.SAVED:
                self._commit_draft(row, revision)
                return True
            return False
        if revision.supersedes and revision.supersedes in self._by_id:
            self._remove(self._by_id[revision.supersedes])
        earlier = self._chain(revision)
        first_time = earlier[0].real_time if earlier else revision.real_time
        self._insert(LogRow(entry=revision, earlier=earlier, first_time=first_time))
        return True

    def _diff(self, entries: tuple[Any, ...], history: tuple[Any, ...]) -> bool:
        for revision in history:
            self._revisions[revision.entry_id] = revision
        for entry in entries:
            self._revisions[entry.entry_id] = entry
        changed = False
        current_ids = {entry.entry_id for entry in entries}
        # Rows whose entry was superseded by a revision (here or in another process).
        for row in [r for r in self._rows if r.entry.entry_id not in current_ids and r.save is SaveState.SAVED]:
            self._remove(row)
            changed = True
        for entry in entries:
            row = self._by_id.get(entry.entry_id)
            if row is None or row.draft or row.save is not SaveState.SAVED:
                changed = self._apply_revision(entry) or changed
        return changed

    def _commit_draft(self, row: LogRow, entry: Any) -> None:
        """Replace a draft typed here by the stored entry, keeping the row where it is if possible."""
        first_time = row.earlier[0].real_time if row.earlier else entry.real_time
        new_key = (first_time, entry.entry_id)
        position = self._by_position(row)
        fits = (position == 0 or self._keys[position - 1] <= new_key) and (
            position == len(self._keys) - 1 or new_key <= self._keys[position + 1]
        )
        if not fits:
            self._remove(row)
        row.entry = entry
        row.save = SaveState.SAVED
        row.draft = False
        row.first_time = first_time
        row._haystack = None
        if fits:
            self._keys[position] = new_key
            self._changed(row)
        else:
            self._insert(row)

    def _reset_from(self, entries: tuple[Any, ...]) -> None:
        self.beginResetModel()
        rows = []
        for entry in entries:
            earlier = self._chain(entry)
            first_time = earlier[0].real_time if earlier else entry.real_time
            rows.append(LogRow(entry=entry, earlier=earlier, first_time=first_time))
        rows.sort(key=lambda r: r.key)
        self._rows = rows
        self._keys = [r.key for r in rows]
        self._by_id = {r.entry.entry_id: r for r in rows}
        self._observers.update(r.entry.observer for r in rows)
        self.endResetModel()

    # -- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(Column(section))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[self._position(index.row())]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.save in (SaveState.FAILED, SaveState.REFUSED):
                return QBrush(palette.BG_FAILED)
            if row.save is SaveState.SAVING:
                return QBrush(palette.BG_SAVING)
            if column == Column.TAGS and row.entry.tags:
                if "improvement" in row.entry.tags:
                    return QBrush(palette.BG_IMPROVEMENT)
                if "strength" in row.entry.tags:
                    return QBrush(palette.BG_STRENGTH)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == Column.STATUS and row.save in (SaveState.FAILED, SaveState.REFUSED):
                return self._bold
            if column == Column.ROLE:
                return self._bold
            if column == Column.ELAPSED and row.origin.elapsed is None:
                return self._italic
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == Column.ROLE:
            return self._role_colors.get(row.entry.role)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.REAL, Column.ELAPSED, Column.SCENARIO):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: LogRow, column: Column) -> str:
        entry = row.entry
        origin = row.origin
        if column == Column.STATUS:
            return self.status_text(row.save)
        if column == Column.REAL:
            return clock_text(origin.real_time, self.zone)
        if column == Column.ELAPSED:
            if origin.stage == "briefing" or origin.elapsed is None:
                return labels.code_label("stage", "briefing")
            if origin.stage == "hotwash":
                return labels.code_label("stage", "hotwash")
            return format_offset(origin.elapsed)
        if column == Column.SCENARIO:
            if origin.scenario_time is None or origin.stage != "play":
                return ""
            return origin.scenario_time.strftime("%d/%m %H:%M")
        if column == Column.ROLE:
            return entry.role or ""
        if column == Column.KIND:
            return labels.code_label("kind", entry.kind)
        if column == Column.TEXT:
            if row.corrected:
                return self.tr("✎ {text}").format(text=entry.text)
            return entry.text
        if column == Column.INJECT:
            return entry.inject_id or ""
        if column == Column.TAGS:
            return " ".join(labels.code_label("tag_short", tag) for tag in entry.tags)
        if column == Column.OBSERVER:
            return entry.observer
        return ""

    def status_text(self, save: SaveState) -> str:
        """Return the label of a save state, as the status column shows it."""
        return {
            SaveState.SAVED: self.tr("enregistré"),
            SaveState.SAVING: self.tr("en cours…"),
            SaveState.FAILED: self.tr("non enregistré — nouvel essai"),
            SaveState.REFUSED: self.tr("refusé"),
        }[save]

    def _foreground(self, row: LogRow, column: Column) -> QBrush | None:
        if column == Column.STATUS:
            return QBrush(
                {SaveState.SAVED: palette.COLOR_SAVED, SaveState.SAVING: palette.COLOR_SAVING, SaveState.FAILED: palette.COLOR_FAILED,
                 SaveState.REFUSED: palette.COLOR_FAILED}[row.save]
            )
        if column in (Column.REAL, Column.SCENARIO, Column.OBSERVER, Column.INJECT):
            return QBrush(palette.COLOR_MUTED)
        if column == Column.ELAPSED and row.origin.stage != "play":
            return QBrush(palette.COLOR_MUTED)
        if column == Column.TEXT and row.corrected:
            return QBrush(palette.COLOR_CORRECTED)
        return None

    def _tooltip(self, row: LogRow, column: Column) -> str | None:
        entry = row.entry
        if column in (Column.REAL, Column.ELAPSED, Column.SCENARIO) and row.corrected:
            stamp = clock_text(entry.real_time, self.zone)
            return self.tr("Saisie à {first}, corrigée à {last}").format(
                first=clock_text(row.origin.real_time, self.zone), last=stamp
            )
        if column == Column.STATUS and row.save is SaveState.FAILED:
            return self.tr("L'entrée n'est pas encore dans le fichier de session ; elle est gardée et renvoyée automatiquement.")
        if column == Column.STATUS and row.save is SaveState.REFUSED:
            return self.tr("Entrée refusée, non enregistrée : {reason}\nDouble-cliquez (ou F2) pour remettre le texte "
                           "dans la saisie et le corriger.").format(reason=row.note)
        if column == Column.TAGS and entry.tags:
            return ", ".join(labels.code_label("tag", tag) for tag in entry.tags)
        if column == Column.OBSERVER:
            return entry.observer
        if column == Column.INJECT and entry.inject_id:
            return f"{entry.inject_id} — {self._inject_titles.get(entry.inject_id, '')}"
        if column == Column.TEXT:
            if not row.corrected:
                return entry.text if len(entry.text) > 60 else None
            lines = [self.tr("Historique des révisions :")]
            for number, revision in enumerate([*row.earlier, entry], start=1):
                stamp = clock_text(revision.real_time, self.zone)
                lines.append(
                    self.tr("{n}. {time} ({observer}) : {text}").format(
                        n=number, time=stamp, observer=revision.observer, text=revision.text
                    )
                )
            return "\n".join(lines)
        return None
