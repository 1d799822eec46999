"""GUI: the main courante's filter proxy: one pass in Python per filter change, not one call per row.

``QSortFilterProxyModel`` asks ``filterAcceptsRow`` about every source row through the
Python binding, and keeps its own mapping tables up to date row by row: with 50,000
entries a filter change took 150-250 ms. This proxy keeps the accepted source rows in
one sorted list, rebuilt by a single Python pass over the rows when the filters change
(a few milliseconds), and maps indexes by bisection. With no filter it is the identity.
Source insertions, removals, changes, re-orderings and resets are followed, and the
selection (persistent indexes) survives a filter change when its row is still shown.
"""

from __future__ import annotations

import bisect
import re
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from crisisdesk.logsyntax import fold

_Index = QModelIndex | QPersistentModelIndex
_SEPARATOR = "\x00"
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_folded_runs: dict[str, str] = {}  # non-ASCII run -> its fold (a handful of accents in French)
IDLE_CHUNK = 2000  # entries folded per idle step, a few ms each
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)  # looked up once: data() runs per painted cell and role


def searchable(entry: Any) -> str:
    """The text the search looks in: the entry's text, role, observer and inject (as LogRow.haystack)."""
    return " ".join((entry.text, entry.role or "", entry.observer or "", entry.inject_id or ""))


def _fold_run(match: re.Match) -> str:
    run = match.group()
    folded = _folded_runs.get(run)
    if folded is None:
        folded = _folded_runs[run] = fold(run)
    return folded


def fold_many(texts: list[str]) -> list[str]:
    """Return ``[fold(t) for t in texts]`` (crisisdesk.logsyntax.fold), computed in bulk.

    ``fold`` (case-fold, decompose, drop combining marks) works character by character,
    so it can be applied to all the texts joined at once, and only to their non-ASCII
    runs (cached): about twice as fast. Texts holding the separator or characters beyond
    the BMP go through ``fold`` itself, so the result is always the same.
    """
    simple = [_SEPARATOR not in t and not _ASTRAL.search(t) for t in texts]
    joined = _SEPARATOR.join(t for t, ok in zip(texts, simple, strict=True) if ok).casefold()
    done = iter(_NON_ASCII.sub(_fold_run, joined).split(_SEPARATOR))
    return [next(done) if ok else fold(t) for t, ok in zip(texts, simple, strict=True)]


class LogFilterProxy(QAbstractProxyModel):
    """GUI: filters the main courante by role, kind, observer, inject, tag and text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._role: str | None = None
        self._kind: str | None = None
        self._observer: str | None = None
        self._inject: str | None = None
        self._tag: str | None = None
        self._needle = ""
        self._rows: list[int] | None = None  # accepted source rows, ascending; None: every row
        self._model = None
        self._saved: list[tuple[QModelIndex, QPersistentModelIndex]] = []
        self._removing: tuple[int, int] | None = None
        self._hay: dict[int, tuple[Any, str]] = {}  # id(entry) -> (entry, folded text)
        self._columns: dict[str, list[Any]] = {}  # entry attributes by source position; cleared on changes
        # Fold the texts ahead, a chunk at a time while the app is idle, so the first search
        # on a long courante does not pay for all of them at once.
        self._idle = QTimer(self, interval=15)
        self._idle.timeout.connect(self._fold_ahead)
        self._idle_at = 0

    # -- filters -----------------------------------------------------------------------

    def set_filters(self, *, role: str | None = None, kind: str | None = None, observer: str | None = None,
                    inject: str | None = None, tag: str | None = None, text: str = "") -> None:
        """Replace every filter at once (None or "" means no filter)."""
        values = (role or None, kind or None, observer or None, inject or None, tag or None, fold(text.strip()))
        if values == (self._role, self._kind, self._observer, self._inject, self._tag, self._needle):
            return
        self._begin_layout_change()
        self._role, self._kind, self._observer, self._inject, self._tag, self._needle = values
        self._rows = self._accepted_rows()
        self._end_layout_change()

    @property
    def active(self) -> bool:
        """True if any filter hides rows."""
        return any((self._role, self._kind, self._observer, self._inject, self._tag, self._needle))

    def accepts(self, row: Any) -> bool:
        """True if the LogRow ``row`` passes every filter (one row; a filter change uses ``_accepted_rows``)."""
        entry = row.entry
        if self._role and entry.role != self._role:
            return False
        if self._kind and entry.kind != self._kind:
            return False
        if self._observer and entry.observer != self._observer:
            return False
        if self._inject and entry.inject_id != self._inject:
            return False
        if self._tag and self._tag not in entry.tags:
            return False
        if self._needle:
            [haystack] = self._haystacks([entry])
            if not all(word in haystack for word in self._needle.split()):
                return False
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        """Whether the source row passes (the QSortFilterProxyModel name, kept for callers)."""
        return self.accepts(self.sourceModel().row_at(source_row))

    def _accepted_rows(self) -> list[int] | None:
        if not self.active:
            return None
        model = self.sourceModel()
        if model is None:
            return []
        rows = model.rows()  # oldest first; the view order may be the reverse
        positions: list[int] | range = range(len(rows))
        # One comprehension per active filter over a cached column: no Python call per row.
        for attribute, wanted in (("role", self._role), ("kind", self._kind), ("observer", self._observer),
                                  ("inject_id", self._inject), ("tags", self._tag)):
            if wanted:
                values = self._column(attribute, rows)
                if attribute == "tags":
                    positions = [p for p in positions if wanted in values[p]]
                else:
                    positions = [p for p in positions if values[p] == wanted]
        if self._needle:
            texts = self._haystack_column(rows)
            for word in self._needle.split():  # every typed word must appear, in any order
                if isinstance(positions, range):
                    positions = [p for p, text in enumerate(texts) if word in text]
                else:
                    positions = [p for p in positions if word in texts[p]]
        if model.newest_first:
            last = len(rows) - 1
            return [last - position for position in reversed(positions)]
        return list(positions)

    def _column(self, attribute: str, rows: list[Any]) -> list[Any]:
        """One attribute of every row's entry, oldest first (kept until the source changes)."""
        values = self._columns.get(attribute)
        if values is None:
            if attribute == "entry":
                values = [row.entry for row in rows]
            else:
                values = list(map(attrgetter(attribute), self._column("entry", rows)))
            self._columns[attribute] = values
        return values

    def _haystack_column(self, rows: list[Any]) -> list[str]:
        """The folded searchable text of every row, oldest first (kept until the source changes)."""
        texts = self._columns.get("haystack")
        if texts is None:
            texts = self._columns["haystack"] = self._haystacks(self._column("entry", rows), every=True)
        return texts

    def _haystacks(self, entries: list[Any], *, every: bool = False) -> list[str]:
        """The folded searchable text of each entry (cached by entry; new ones folded in one go).

        ``every``: ``entries`` are all the current ones, so the cache can drop the others
        (entries replaced by corrections).
        """
        cache = self._hay
        missing = [e for e in entries if (hit := cache.get(id(e))) is None or hit[0] is not e]
        if missing:
            for entry, text in zip(missing, fold_many([searchable(e) for e in missing]), strict=True):
                cache[id(entry)] = (entry, text)
            if every and len(cache) > 2 * len(entries) + 1000:
                alive = {id(e) for e in entries}
                for key in [k for k in cache if k not in alive]:
                    del cache[key]
        return [cache[id(e)][1] for e in entries]

    def _fold_ahead(self) -> None:
        model = self.sourceModel()
        rows = model.rows() if model is not None else []
        chunk = rows[self._idle_at:self._idle_at + IDLE_CHUNK]
        if not chunk:
            self._idle.stop()
            self._haystack_column(rows)  # and lined up, ready for the first search
            return
        self._haystacks([row.entry for row in chunk])
        self._idle_at += IDLE_CHUNK

    def _restart_folding(self) -> None:
        self._idle_at = 0
        self._idle.start()

    # -- source model ------------------------------------------------------------------

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt name)
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._model = model  # sourceModel() is a call into Qt; data() and index() run per painted cell
        self._rows = self._accepted_rows()
        self.endResetModel()
        if model is not None:
            for signal, slot in self._connections(model):
                signal.connect(slot)
            self._restart_folding()

    def _connections(self, model):
        return (
            (model.rowsAboutToBeInserted, self._forget_columns),
            (model.rowsAboutToBeRemoved, self._forget_columns),
            (model.dataChanged, self._forget_columns),
            (model.layoutAboutToBeChanged, self._forget_columns),
            (model.modelAboutToBeReset, self._forget_columns),
            (model.rowsAboutToBeInserted, self._on_about_to_insert),
            (model.rowsInserted, self._on_inserted),
            (model.rowsAboutToBeRemoved, self._on_about_to_remove),
            (model.rowsRemoved, self._on_removed),
            (model.dataChanged, self._on_data_changed),
            (model.layoutAboutToBeChanged, self._begin_layout_change),
            (model.layoutChanged, self._on_layout_changed),
            (model.modelAboutToBeReset, self.beginResetModel),
            (model.modelReset, self._on_reset),
        )

    def _forget_columns(self, *_args) -> None:
        self._columns.clear()

    def _on_about_to_insert(self, parent: _Index, first: int, last: int) -> None:
        if self._rows is None:
            self.beginInsertRows(QModelIndex(), first, last)

    def _on_inserted(self, parent: _Index, first: int, last: int) -> None:
        if last - first > IDLE_CHUNK:
            self._restart_folding()
        if self._rows is None:
            self.endInsertRows()
            return
        count = last - first + 1
        at = bisect.bisect_left(self._rows, first)
        model = self.sourceModel()
        new = [source for source in range(first, last + 1) if self.accepts(model.row_at(source))]
        shifted = [source + count for source in self._rows[at:]]
        if new:
            self.beginInsertRows(QModelIndex(), at, at + len(new) - 1)
            self._rows[at:] = new + shifted
            self.endInsertRows()
        else:
            self._rows[at:] = shifted

    def _on_about_to_remove(self, parent: _Index, first: int, last: int) -> None:
        if self._rows is None:
            self.beginRemoveRows(QModelIndex(), first, last)
            return
        start = bisect.bisect_left(self._rows, first)
        stop = bisect.bisect_right(self._rows, last)
        self._removing = (start, stop)
        if stop > start:
            self.beginRemoveRows(QModelIndex(), start, stop - 1)

    def _on_removed(self, parent: _Index, first: int, last: int) -> None:
        if self._rows is None:
            self.endRemoveRows()
            return
        start, stop = self._removing or (0, 0)
        self._removing = None
        count = last - first + 1
        self._rows[start:] = [source - count for source in self._rows[stop:]]
        if stop > start:
            self.endRemoveRows()

    def _on_data_changed(self, top_left: _Index, bottom_right: _Index, roles=()) -> None:
        if self._rows is None:
            self.dataChanged.emit(self.index(top_left.row(), top_left.column()),
                                  self.index(bottom_right.row(), bottom_right.column()), roles)
            return
        model = self.sourceModel()
        for source in range(top_left.row(), bottom_right.row() + 1):
            at = bisect.bisect_left(self._rows, source)
            shown = at < len(self._rows) and self._rows[at] == source
            wanted = self.accepts(model.row_at(source))
            if shown and wanted:
                self.dataChanged.emit(self.index(at, top_left.column()), self.index(at, bottom_right.column()), roles)
            elif shown:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._rows[at]
                self.endRemoveRows()
            elif wanted:
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.insert(at, source)
                self.endInsertRows()

    def _begin_layout_change(self, *_args) -> None:
        """Announce a new mapping; remember which source row each persistent index shows."""
        self.layoutAboutToBeChanged.emit()
        self._saved = [(index, QPersistentModelIndex(self.mapToSource(index))) for index in self.persistentIndexList()]

    def _end_layout_change(self) -> None:
        saved, self._saved = self._saved, []
        new = [self.mapFromSource(source) if source.isValid() else QModelIndex() for _proxy, source in saved]
        self.changePersistentIndexList([proxy for proxy, _source in saved], new)
        self.layoutChanged.emit()

    def _on_layout_changed(self, *_args) -> None:
        self._rows = self._accepted_rows()
        self._end_layout_change()

    def _on_reset(self) -> None:
        self._rows = self._accepted_rows()
        self.endResetModel()
        self._restart_folding()

    # -- Qt proxy API --------------------------------------------------------------------

    def mapToSource(self, proxy_index: _Index) -> QModelIndex:  # noqa: N802
        model = self.sourceModel()
        if model is None or not proxy_index.isValid():
            return QModelIndex()
        row = proxy_index.row()
        if self._rows is not None:
            if row >= len(self._rows):
                return QModelIndex()
            row = self._rows[row]
        return model.index(row, proxy_index.column())

    def mapFromSource(self, source_index: _Index) -> QModelIndex:  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        row = source_index.row()
        if self._rows is not None:
            at = bisect.bisect_left(self._rows, row)
            if at >= len(self._rows) or self._rows[at] != row:
                return QModelIndex()
            row = at
        return self.createIndex(row, source_index.column())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self._model
        if model is None or role == _CHECK_STATE or not index.isValid():
            return None  # (no check boxes in the log: one round trip less per painted cell)
        row = index.row() if self._rows is None else self._rows[index.row()]
        # createIndex, not index(): no bounds check through rowCount()/columnCount() per cell.
        return model.data(model.createIndex(row, index.column()), role)

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        model = self._model
        if model is None or parent.isValid() or row < 0 or column < 0:
            return QModelIndex()
        rows = model.rowCount() if self._rows is None else len(self._rows)
        if row >= rows or column >= model.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        model = self.sourceModel()
        if parent.isValid() or model is None:
            return 0
        return model.rowCount() if self._rows is None else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        model = self.sourceModel()
        if model is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return model.headerData(section, orientation, role)
        return None
