"""GUI: the main courante as the observer sees it: filters, the log table, the entry's detail.

The observer panel (``panel.py``) puts this beside the quick entry and the checklist;
this widget only shows and filters what the model holds, and asks for a correction
(``correct_requested``) when the observer double-clicks a row or presses the button.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.timefmt import clock_text, exercise_timezone
from ui import labels
from ui.observer.log_model import Column, LogFilterProxy, LogRow, LogTableModel, SaveState

SETTINGS_KEY_HIDDEN = "observer/hidden_columns"
# The observer's name is in the detail pane and the filter; the column makes room for the text.
DEFAULT_HIDDEN_COLUMNS = ("observer",)
# Columns a compact panel (the console's dock) leaves out.
COMPACT_HIDDEN_COLUMNS = (Column.REAL, Column.SCENARIO, Column.KIND, Column.INJECT, Column.TAGS, Column.OBSERVER)


class LogPane(QWidget):
    """GUI: the log table with its search, filters, order toggle, detail line and entry count."""

    correct_requested = Signal()  # double-click or "Corriger (F2)" on the selected row

    def __init__(self, package, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self._seen_observers: tuple[str, ...] = ()
        played = [role for role in package.roles if role.played]
        self.model = LogTableModel(
            self,
            role_colors={role.id: role.color for role in package.roles if role.color},
            inject_titles={inject.id: inject.title for inject in package.injects},
            zone=exercise_timezone(package.exercise),
        )
        self.proxy = LogFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(objectName="logView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_columns(package, [role.id for role in played] or ["DIR"])
        self.view.doubleClicked.connect(lambda _index: self.correct_requested.emit())
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)

        self.search = QLineEdit(objectName="logSearch")
        self.search.setPlaceholderText(self.tr("Rechercher… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40)
        self.filter_role = self._filter_combo("filterRole", self.tr("Rôles"), [(r.id, r.id) for r in played])
        self.filter_kind = self._filter_combo("filterKind", self.tr("Types"), [(k, labels.code_label("kind", k)) for k in labels.KIND_ORDER])
        self.filter_observer = self._filter_combo("filterObserver", self.tr("Observateurs"), [])
        self.filter_inject = self._filter_combo("filterInject", self.tr("Injects"), [(i.id, i.id) for i in package.injects])
        tag_items = [("strength", labels.code_label("tag", "strength")), ("improvement", labels.code_label("tag", "improvement"))]
        tag_items += [(o.id, o.id) for o in package.exercise.objectives]
        self.filter_tag = self._filter_combo("filterTag", self.tr("Marques"), tag_items)
        self.order_button = QToolButton(objectName="orderToggle")
        self.order_button.setCheckable(True)
        self.order_button.setChecked(True)
        self.order_button.setToolTip(self.tr("Ordre d'affichage des entrées"))
        self.order_button.toggled.connect(self._order_changed)
        self.count_label = QLabel(objectName="logCount")
        self.count_label.setStyleSheet("QLabel { color: #6b6f76; }")
        self.correct_button = QPushButton(self.tr("Corriger (F2)"), objectName="correctButton")
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self.correct_requested)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.search, 1)
        for combo in (self.filter_role, self.filter_kind, self.filter_observer, self.filter_inject, self.filter_tag):
            filters.addWidget(combo)
        filters.addWidget(self.order_button)
        self.search.textChanged.connect(self._schedule_filter)
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self._apply_filters)

        self.detail = QLabel(objectName="entryDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setStyleSheet("QLabel { background: #fafbfc; padding: 4px 6px; }")
        self.detail.setMinimumHeight(self.fontMetrics().height() * 2 + 12)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.correct_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.filters_bar = QWidget(objectName="logFilters")
        filters.setContentsMargins(0, 0, 0, 0)
        self.filters_bar.setLayout(filters)
        layout.addWidget(self.filters_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(footer)
        self._order_changed(True)

    def _size_columns(self, package, role_codes: list[str]) -> None:
        head = self.view.horizontalHeader()
        head.setHighlightSections(False)
        head.setStretchLastSection(False)
        metrics = self.view.fontMetrics()
        bold = self.view.font()
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)

        def fit(texts, *, extra: int = 14, metrics=metrics) -> int:
            return max(metrics.horizontalAdvance(text) for text in texts) + extra

        widths = {
            Column.STATUS: fit([self.model.status_text(s) for s in (SaveState.SAVED, SaveState.SAVING, SaveState.REFUSED)]),
            Column.REAL: fit(["00:00:00"]),
            Column.ELAPSED: fit(["0:00:00", "briefing"]),
            Column.SCENARIO: fit(["00/00 00:00"]),
            Column.ROLE: min(fit(role_codes, extra=14 + 18, metrics=bold_metrics), 100),
            Column.KIND: fit([labels.code_label("kind", kind) for kind in labels.KIND_ORDER]),
            Column.INJECT: min(fit([inject.id for inject in package.injects] or ["I00"]), 90),
            Column.TAGS: fit([labels.code_label("tag_short", "improvement") + " O1"]),
            Column.OBSERVER: fit(["Claire Dub…"]),
        }
        for column, width in widths.items():
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width)
        head.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        head.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        head.customContextMenuRequested.connect(self._column_menu)
        for column in self.hidden_columns():
            self.view.setColumnHidden(column, True)

    def _filter_combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setToolTip(self.tr("Filtrer : {what}").format(what=everything.lower()))
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._apply_filters)
        return combo

    # -- columns ---------------------------------------------------------------------------------

    def hidden_columns(self) -> list[Column]:
        """The columns the observer chose to hide (remembered in QSettings)."""
        stored = self._settings.value(SETTINGS_KEY_HIDDEN, None)
        if stored is None:
            names = list(DEFAULT_HIDDEN_COLUMNS)
        else:
            names = [stored] if isinstance(stored, str) else list(stored or [])
        return [Column[name.upper()] for name in names if name and name.upper() in Column.__members__ and name.upper() != "TEXT"]

    def _column_menu(self, position) -> None:
        menu = QMenu(self)
        for column in Column:
            if column == Column.TEXT:
                continue
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.set_column_visible(c, shown))
        menu.popup(self.view.horizontalHeader().mapToGlobal(position))

    def set_column_visible(self, column: Column, visible: bool) -> None:
        """Show or hide a log column (remembered in QSettings)."""
        self.view.setColumnHidden(column, not visible)
        hidden = [c.name.lower() for c in Column if self.view.isColumnHidden(c)]
        self._settings.setValue(SETTINGS_KEY_HIDDEN, hidden or [""])

    def set_compact(self, compact: bool) -> None:
        """Fit a short dock: no filters, no detail line, only the columns that leave the text in view."""
        self.filters_bar.setVisible(not compact)
        self.detail.setVisible(not compact)
        # Beside the timeline on a 1366 px laptop the entry's text must stay in view: only the
        # save state, exercise time and role stand beside it (the observer window shows the rest).
        hidden = set(self.hidden_columns())
        for column in COMPACT_HIDDEN_COLUMNS:
            self.view.setColumnHidden(column, compact or column in hidden)

    # -- selection -------------------------------------------------------------------------------

    def selected_row(self) -> LogRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def selected_entry_id(self) -> str | None:
        row = self.selected_row()
        return row.entry.entry_id if row is not None else None

    def select_entry(self, entry_id: str) -> bool:
        """Select an entry's row in the log view (if it passes the filters)."""
        row = self.model.view_row_of(entry_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, Column.TEXT))
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        return True

    def _show_detail(self, *_args) -> None:
        row = self.selected_row()
        self.correct_button.setEnabled(row is not None and row.save in (SaveState.SAVED, SaveState.REFUSED))
        if row is None:
            self.detail.setText("")
            return
        entry = row.entry
        html = f"<b>{_escape(entry.role or '')}</b> · {_escape(labels.code_label('kind', entry.kind))} · {_escape(entry.text)}"
        if row.corrected:
            revisions = [*row.earlier, entry]
            items = []
            for number, revision in enumerate(revisions, start=1):
                stamp = clock_text(revision.real_time, self.model.zone)
                style = "" if revision is entry else "color:#6b6f76;text-decoration:line-through;"
                items.append(f"<span style='{style}'>{number}. {stamp} {_escape(revision.observer)} : {_escape(revision.text)}</span>")
            html += "<br><span style='color:#6b6f76'>" + self.tr("Historique :") + "</span> " + "<br>".join(items)
        self.detail.setText(html)

    # -- filters, order, count ---------------------------------------------------------------------

    def _schedule_filter(self) -> None:
        self._filter_timer.start()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            role=self.filter_role.currentData(),
            kind=self.filter_kind.currentData(),
            observer=self.filter_observer.currentData(),
            inject=self.filter_inject.currentData(),
            tag=self.filter_tag.currentData(),
            text=self.search.text(),
        )
        self.update_count()

    def _order_changed(self, newest_first: bool) -> None:
        self.model.set_newest_first(newest_first)
        self.order_button.setText(self.tr("↓ Récentes en haut") if newest_first else self.tr("↑ Chronologique"))

    def set_newest_first(self, newest_first: bool) -> None:
        self.order_button.setChecked(newest_first)

    def update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        text = self.tr("{n} entrées").format(n=total) if shown == total else self.tr("{shown} / {n} entrées").format(shown=shown, n=total)
        self.count_label.setText(text)

    def sync(self, state) -> bool:
        """Show the session's entries (drafts typed here stay); return True if anything changed."""
        if not self.model.sync(state.entries, state.entry_history):
            return False
        self.update_count()
        self._update_observer_filter(state)
        return True

    def _update_observer_filter(self, state) -> None:
        names = set(getattr(state, "observers", ()) or ()) | self.model.observers()
        ordered = tuple(sorted(name for name in names if name))
        if ordered == self._seen_observers:
            return
        self._seen_observers = ordered
        current = self.filter_observer.currentData()
        self.filter_observer.blockSignals(True)
        while self.filter_observer.count() > 1:
            self.filter_observer.removeItem(1)
        for name in ordered:
            self.filter_observer.addItem(name, name)
        index = self.filter_observer.findData(current)
        self.filter_observer.setCurrentIndex(index if index >= 0 else 0)
        self.filter_observer.blockSignals(False)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
