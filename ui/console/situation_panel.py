"""GUI: the situation — indicator values and, per role, main-courante entries and expectation checks."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.console.theme import text_color_on, vigilance_color


def _item(text: str, *, bold: bool = False, align_center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if bold:
        font = QFont()
        font.setBold(True)
        item.setFont(font)
    if align_center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


class SituationPanel(QWidget):
    """GUI: live indicator values and per-role activity counts."""

    indicator_edit_requested = Signal(str)  # indicator id: the controller corrects it by hand

    def __init__(self, package, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("situationPanel")
        self.package = package
        self.indicators = QTableWidget(0, 2, objectName="situationIndicators")
        self.indicators.setHorizontalHeaderLabels([self.tr("Indicateur"), self.tr("Valeur")])
        self.roles = QTableWidget(0, 4, objectName="situationRoles")
        self.roles.setHorizontalHeaderLabels(
            [self.tr("Rôle"), self.tr("Entrées"), self.tr("Vérifiées"), self.tr("Manquées")]
        )
        self.roles.horizontalHeaderItem(2).setToolTip(self.tr("Réponses attendues vérifiées (obtenues ou partielles)"))
        self.roles.horizontalHeaderItem(3).setToolTip(self.tr("Réponses attendues manquées"))
        for table in (self.indicators, self.roles):
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in range(1, table.columnCount()):
                table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Indicators move with injects; when the room's reality differs, the director corrects one
        # (double-click, or the button): a stored event, shown in the report.
        self.indicators.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.indicators.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indicators.cellDoubleClicked.connect(lambda row, _column: self._request_edit(row))
        self.edit_button = QPushButton(self.tr("Corriger la valeur…"), objectName="situationEditIndicator")
        self.edit_button.clicked.connect(lambda: self._request_edit(self.indicators.currentRow()))
        self.totals = QLabel(objectName="situationTotals")
        self._shown_indicators: dict[int, tuple] = {}  # row -> what it shows (skip unchanged rows)
        self._shown_roles: dict[int, tuple] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        heading = QHBoxLayout()
        heading.addWidget(QLabel("<b>" + self.tr("Indicateurs") + "</b>"), 1)
        heading.addWidget(self.edit_button)
        layout.addLayout(heading)
        layout.addWidget(self.indicators, 3)  # the figures first: a corrected one must stay in view
        layout.addWidget(QLabel("<b>" + self.tr("Activité par rôle") + "</b>"))
        layout.addWidget(self.roles, 2)
        layout.addWidget(self.totals)

    def _request_edit(self, row: int) -> None:
        indicators = self.package.exercise.indicators
        if not indicators:
            return
        self.indicator_edit_requested.emit(indicators[max(row, 0)].id)

    def show_state(self, state) -> None:
        """Refresh both tables from a SessionState, touching only the rows whose figures changed.

        The console redraws on every stored event, and with observers typing on their own
        devices that is several times a second: rebuilding every item each time (1,600
        items a second on the Paris exercise) held the window, and the inject timer, for
        tens of milliseconds.
        """
        indicators = self.package.exercise.indicators
        if self.indicators.rowCount() != len(indicators):
            self.indicators.setRowCount(len(indicators))
            self._shown_indicators = {}
        for row, indicator in enumerate(indicators):
            value = state.indicators.get(indicator.id, indicator.initial)
            text = f"{value} {indicator.unit}" if indicator.unit else str(value)
            if self._shown_indicators.get(row) == (indicator.label, text):
                continue
            self._shown_indicators[row] = (indicator.label, text)
            value_item = _item(text, bold=True, align_center=True)
            color = vigilance_color(value)
            if color is not None:
                value_item.setBackground(QColor(color))
                value_item.setForeground(QColor(text_color_on(color)))
            self.indicators.setItem(row, 0, _item(indicator.label))
            self.indicators.setItem(row, 1, value_item)

        entries = Counter(entry.role for entry in state.entries)
        checked = Counter(c.role for c in state.checks if c.status in ("met", "partial"))
        missed = Counter(c.role for c in state.checks if c.status == "missed")
        played = [role for role in self.package.roles if role.played]
        if self.roles.rowCount() != len(played):
            self.roles.setRowCount(len(played))
            self._shown_roles = {}
        for row, role in enumerate(played):
            figures = (role.name, entries.get(role.id, 0), checked.get(role.id, 0), missed.get(role.id, 0))
            if self._shown_roles.get(row) == figures:
                continue
            self._shown_roles[row] = figures
            self.roles.setItem(row, 0, _item(role.name))
            self.roles.setItem(row, 1, _item(str(entries.get(role.id, 0)), align_center=True))
            self.roles.setItem(row, 2, _item(str(checked.get(role.id, 0)), align_center=True))
            missed_item = _item(str(missed.get(role.id, 0)), align_center=True, bold=missed.get(role.id, 0) > 0)
            if missed.get(role.id, 0):
                missed_item.setForeground(QColor("#a00000"))
            self.roles.setItem(row, 3, missed_item)
        self.totals.setText(
            self.tr("{entries} entrées en main courante, {checks} vérifications").format(
                entries=len(state.entries), checks=len(state.checks)
            )
        )
