"""GUI: the timeline panel — filter bar (role, status, search) over the MSEL table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.clock import ClockState
from ui.console.timeline_model import INJECT_ID_ROLE, Column, TimelineFilter, TimelineModel
from ui.labels import code_label

# status filter choices: key -> statuses kept (None = all)
STATUS_GROUPS: dict[str, frozenset[str] | None] = {
    "all": None,
    "open": frozenset({"pending", "delayed", "due", "late", "unplayed"}),
    "due": frozenset({"due", "late"}),
    "fired": frozenset({"fired", "misfired"}),
    "skipped": frozenset({"skipped"}),
}


# every status a row can show (ui.labels.status_label)
STATUS_KEYS = ("pending", "next", "due", "late", "fired", "misfired", "skipped", "delayed", "unplayed")


class TimelinePanel(QWidget):
    """GUI: the MSEL table with its filters; says which inject is selected."""

    inject_selected = Signal(object)  # str | None

    def __init__(self, model: TimelineModel, roles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = TimelineFilter(self)
        self.proxy.setSourceModel(model)

        self.role_filter = QComboBox(objectName="timelineRoleFilter")
        self.role_filter.addItem(self.tr("Tous les rôles"), None)
        for role in roles:
            self.role_filter.addItem(f"{role.id} — {role.name}", role.id)
        self.role_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.role_filter.setMinimumContentsLength(14)
        self.status_filter = QComboBox(objectName="timelineStatusFilter")
        status_names = {
            "all": self.tr("Tous les statuts"),
            "open": self.tr("Restant à jouer"),
            "due": self.tr("À déclencher / en retard"),
            "fired": self.tr("Déclenchés"),
            "skipped": self.tr("Annulés"),
        }
        for key in STATUS_GROUPS:
            self.status_filter.addItem(status_names[key], key)
        self.search = QLineEdit(objectName="timelineSearch")
        self.search.setPlaceholderText(self.tr("Rechercher (n°, titre, texte)…"))
        self.search.setClearButtonEnabled(True)

        self.table = QTableView(objectName="timelineTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.TIME, 80),
            (Column.SCENARIO, 90),
            (Column.ID, 58),
            (Column.ROUTE, 130),
            (Column.CHANNEL, 96),
            (Column.STATUS, 104),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setAccessibleName(self.tr("Chronologie des injects"))

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Filtrer :")))
        filters.addWidget(self.role_filter, 1)
        filters.addWidget(self.status_filter, 0)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)

        self.role_filter.currentIndexChanged.connect(self._on_role_changed)
        self.status_filter.currentIndexChanged.connect(self._on_status_changed)
        self.search.textChanged.connect(self._on_search_changed)
        # A mouse click moves the current row BEFORE selecting it (keys do the reverse): listen to both,
        # and read the selection itself, so a click selects as surely as the arrow keys.
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._emit_selection)
        selection.currentRowChanged.connect(self._emit_selection)
        # Firing, delaying or editing reorders the rows (a model reset): keep the same inject selected.
        self._kept_id: str | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self._emitted: object = False  # nothing emitted yet
        self._sticky_id: str | None = None  # the last inject the director selected
        self._followed_next: str | None = None  # the next inject the table last scrolled to
        self._fitted_rows: tuple | None = None  # (rows, clock state) the columns were sized for

    def selected_id(self) -> str | None:
        """Return the id of the selected inject, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.data(rows[0], INJECT_ID_ROLE)

    def select(self, inject_id: str) -> bool:
        """Select and show ``inject_id`` (clearing filters that hide it); return False if absent."""
        source_row = self.model.row_of(inject_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.role_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def show_next(self) -> None:
        """Scroll so the next inject to come is in view (without selecting it)."""
        next_id = self.model.next_id
        if next_id is None:
            return
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(next_id), 0))
        if index.isValid():
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def next_in_view(self) -> bool:
        """True when the next inject's row is on screen (the director is following the head)."""
        next_id = self.model.next_id
        if next_id is None:
            return True
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(next_id), 0))
        return index.isValid() and self.table.viewport().rect().intersects(self.table.visualRect(index))

    def show_states(self, states, clock: ClockState, next_id: str | None) -> None:
        """Show the injects as they stand; follow "next" when the director was following it, and
        size the columns again when the rows or the clock changed."""
        was_following = self.next_in_view()
        self.model.set_states(states, ended=clock is ClockState.ENDED, next_id=next_id)
        if self.model.next_id != self._followed_next:
            self._followed_next = self.model.next_id
            if was_following:
                self.follow_next()
        if self._fitted_rows != (len(states), clock):
            self._fitted_rows = (len(states), clock)
            self.fit_columns()

    def follow_next(self) -> None:
        """Bring the new next inject into view, without selecting it (called when "next" changed
        while the previous one was on screen: a director who scrolled away to read a later
        inject is not pulled back)."""
        next_id = self.model.next_id
        if next_id is None:
            return
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(next_id), 0))
        if index.isValid() and not self.table.viewport().rect().contains(self.table.visualRect(index)):
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_role_changed(self, _index: int) -> None:
        self._refilter(lambda: self.proxy.set_role(self.role_filter.currentData()))

    def _on_status_changed(self, _index: int) -> None:
        self._refilter(lambda: self.proxy.set_statuses(STATUS_GROUPS[self.status_filter.currentData()]))

    def _on_search_changed(self, text: str) -> None:
        self._refilter(lambda: self.proxy.set_text(text))

    def _refilter(self, change) -> None:
        """Apply a filter change; the inject selected before it is selected again once it shows.

        Typing a search hides the selected row (the selection is lost with it); clearing the search
        brings the row back, and the director expects to find it still selected.
        """
        before = self.selected_id()
        if before is not None:
            self._sticky_id = before
        change()
        if self.selected_id() is None and self._sticky_id is not None:
            source_row = self.model.row_of(self._sticky_id)
            index = self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row >= 0 else QModelIndex()
            if index.isValid():
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._emit_selection()

    def fit_columns(self) -> None:
        """Size the short columns to their longest text, so no n°, time or status is cut.

        Called when the rows change (an ad-hoc inject adds a longer n°; after ENDEX a time can read
        past the planned duration); the title column takes what is left.
        """
        metrics = self.table.fontMetrics()
        bold = self.table.font()
        bold.setBold(True)  # the next inject's row is bold
        bold_metrics = QFontMetrics(bold)
        header = self.table.horizontalHeader()

        def fit(column: Column, texts) -> None:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max([bold_metrics.horizontalAdvance(text) for text in texts] or [0])
            self.table.setColumnWidth(column, max(widest, metrics.horizontalAdvance(title) + 12) + 16)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)

        rows = range(self.model.rowCount())
        for column in (Column.TIME, Column.ID, Column.SCENARIO):
            fit(column, {str(self.model.data(self.model.index(row, column)) or "") for row in rows})
        delayed = " " + QCoreApplication.translate("TimelineModel", "(retardé)")
        # Only a due, late or next inject can carry "(retardé)" (TimelineModel._display).
        fit(Column.STATUS, [code_label("status", key) + (delayed if key in ("due", "late", "next") else "")
                            for key in STATUS_KEYS])

    def _remember_selection(self) -> None:
        self._kept_id = self.selected_id()

    def _restore_selection(self) -> None:
        kept, self._kept_id = self._kept_id, None
        if kept is not None:
            source_row = self.model.row_of(kept)
            index = self.proxy.mapFromSource(self.model.index(source_row, 0)) if source_row >= 0 else QModelIndex()
            if index.isValid():  # still shown by the filters: select it again, without scrolling away
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._emit_selection()

    def _emit_selection(self, *_args) -> None:
        selected = self.selected_id()
        if selected is not None:
            self._sticky_id = selected
        if selected != self._emitted:
            self._emitted = selected
            self.inject_selected.emit(selected)
