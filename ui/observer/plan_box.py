"""GUI: the hot wash's plan d'actions: a quick line, the table of actions, the detailed form.

Writes go through ``HotWashWrites`` inside the hot-wash screen's ``run`` (which says
what failed and refreshes the screen once stored); this box only lays out and fills.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.observer.hotwash_widgets import objective_combo, section_title
from ui.observer.hotwash_writes import HotWashWrites
from ui.observer.retex_dialogs import ConfirmDeleteDialog, PlanLineDialog


def due_text(due_date) -> str:
    """A plan line's due date as the table shows it (dd/mm/yyyy; a date we cannot read, as written)."""
    if not due_date:
        return ""
    try:
        return date.fromisoformat(str(due_date)[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return str(due_date)


class PlanBox(QWidget):
    """GUI: the improvement plan of the hot wash, added to line by line or in the detailed form."""

    def __init__(self, session, writes: HotWashWrites, run: Callable[[Callable[[], object]], bool],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._writes = writes
        self._run = run
        package = session.package
        self.plan = QTableWidget(0, 5, objectName="improvementPlan")
        self.plan.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Responsable"), self.tr("Priorité"), self.tr("Échéance"), self.tr("Objectif")])
        self.plan.itemDoubleClicked.connect(lambda _item: self.edit_selected_plan_line())
        self.plan.itemSelectionChanged.connect(self.selection_changed)
        self.plan.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan.verticalHeader().setVisible(False)
        self.plan.setAlternatingRowColors(True)
        self.plan.setWordWrap(True)
        head = self.plan.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.plan_action = QLineEdit(objectName="planAction")
        self.plan_action.setPlaceholderText(self.tr("Action corrective…"))
        self.plan_owner = QComboBox(objectName="planOwner")
        for role in package.roles:
            if role.played:
                self.plan_owner.addItem(role.id, role.id)
                self.plan_owner.setItemData(self.plan_owner.count() - 1, role.name, Qt.ItemDataRole.ToolTipRole)
        self.plan_priority = QComboBox(objectName="planPriority")
        for priority in labels.PRIORITIES:
            self.plan_priority.addItem(labels.priority_label(priority), priority)
        self.plan_priority.setCurrentIndex(1)
        self.plan_due = QDateEdit(objectName="planDue")
        self.plan_due.setCalendarPopup(True)
        self.plan_due.setDisplayFormat("dd/MM/yyyy")
        self.plan_due.setDate(QDate.currentDate().addMonths(3))
        self.plan_objective = objective_combo(package.exercise.objectives, "planObjective")
        add_plan = QPushButton(self.tr("Ajouter au plan"), objectName="addPlanRow")
        add_plan.clicked.connect(self._add_plan_row)
        self.plan_action.returnPressed.connect(self._add_plan_row)
        # The action on a line of its own: beside four fields and a button, in half of a 900 px
        # window, it was squeezed to ~25 px ("A…").
        self.plan_action.setMinimumWidth(240)
        plan_fields = QHBoxLayout()
        plan_fields.addWidget(self.plan_owner)
        plan_fields.addWidget(self.plan_priority)
        plan_fields.addWidget(self.plan_due)
        plan_fields.addWidget(self.plan_objective)
        plan_fields.addStretch(1)
        plan_fields.addWidget(add_plan)
        plan_form = QVBoxLayout()
        plan_form.setSpacing(4)
        plan_form.addWidget(self.plan_action)
        plan_form.addLayout(plan_fields)
        plan_layout = QVBoxLayout(self)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(section_title(self.tr("Plan d'actions")))
        plan_layout.addLayout(plan_form)
        plan_layout.addWidget(self.plan, 1)
        self.detail_plan_button = QPushButton(self.tr("Action détaillée…"), objectName="detailPlanLine")
        self.detail_plan_button.setToolTip(self.tr("Domaine, pilote, contact, dates, état, constat auquel elle répond"))
        self.detail_plan_button.clicked.connect(self.new_detailed_plan_line)
        self.edit_plan_button = QPushButton(self.tr("Modifier…"), objectName="editPlanLine")
        self.edit_plan_button.clicked.connect(self.edit_selected_plan_line)
        self.delete_plan_button = QPushButton(self.tr("Supprimer"), objectName="deletePlanLine")
        self.delete_plan_button.clicked.connect(self.delete_selected_plan_line)
        plan_actions = QHBoxLayout()
        plan_actions.addWidget(self.detail_plan_button)
        plan_actions.addStretch(1)
        plan_actions.addWidget(self.edit_plan_button)
        plan_actions.addWidget(self.delete_plan_button)
        plan_layout.addLayout(plan_actions)

    def show_plan(self, state) -> None:
        """Fill the table with the plan as stored (five columns; the rest of a line in its tooltip)."""
        improvements = state.improvements
        self.plan.setRowCount(len(improvements))
        for row, improvement in enumerate(improvements):
            values = (improvement.action, improvement.organisation or improvement.owner_role or "",
                      labels.priority_label(improvement.priority), due_text(improvement.due_date),
                      improvement.objective_id or "")
            # Five columns keep the action readable at the console's 900 px; the rest in the tooltip.
            details = [text for text in (
                labels.domain_label(improvement.domain) if improvement.domain else "",
                labels.action_status_label(improvement.status) if improvement.status else "",
                improvement.contact,
                self.tr("répond au constat n° {n}").format(n=improvement.finding_id) if improvement.finding_id else "",
                self.tr("modifiée par {who}").format(who=improvement.edited_by) if improvement.edited_by else "",
            ) if text]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 2 and improvement.priority == "high":
                    font = QFont(cell.font())
                    font.setBold(True)
                    cell.setFont(font)
                    cell.setForeground(QBrush(labels.COLOR_FAILED))
                if column == 0:
                    cell.setData(Qt.ItemDataRole.UserRole, improvement.id)
                if details:
                    cell.setToolTip(" · ".join(details))
                self.plan.setItem(row, column, cell)
        self.plan.resizeRowsToContents()
        self.selection_changed()

    # -- selection, edit and delete ------------------------------------------------------------------

    def selected_plan_number(self) -> int | None:
        rows = self.plan.selectionModel().selectedRows() if self.plan.selectionModel() else []
        if not rows:
            return None
        item = self.plan.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def selection_changed(self) -> None:
        chosen = self.selected_plan_number() is not None
        self.edit_plan_button.setEnabled(chosen)
        self.delete_plan_button.setEnabled(chosen)

    def new_detailed_plan_line(self) -> PlanLineDialog:
        dialog = PlanLineDialog(self._session.package, self._session.state.findings, self)
        dialog.accepted.connect(lambda: self._store_plan_line(None, dialog.values()))
        dialog.open()
        return dialog

    def edit_selected_plan_line(self) -> PlanLineDialog | None:
        number = self.selected_plan_number()
        line = next((i for i in self._session.state.improvements if i.id == number), None)
        if line is None:
            return None
        dialog = PlanLineDialog(self._session.package, self._session.state.findings, self, line=line)
        dialog.accepted.connect(lambda: self._store_plan_line(number, dialog.values()))
        dialog.open()
        return dialog

    def _store_plan_line(self, number: int | None, values: dict) -> bool:
        return self._run(lambda: self._writes.store_plan_line(number, values))

    def delete_selected_plan_line(self) -> ConfirmDeleteDialog | None:
        number = self.selected_plan_number()
        if number is None:
            return None
        dialog = ConfirmDeleteDialog(self.tr("l'action n° {n}").format(n=number), self)
        dialog.accepted.connect(lambda: self._run(lambda: self._writes.delete("improvement", number)))
        dialog.open()
        return dialog

    def _add_plan_row(self) -> None:
        action = self.plan_action.text().strip()
        if not action:
            self.plan_action.setFocus()
            return
        line = dict(action=action, owner_role=self.plan_owner.currentData(),
                    priority=self.plan_priority.currentData(), due_date=self.plan_due.date().toString("yyyy-MM-dd"),
                    objective_id=self.plan_objective.currentData())
        if self._run(lambda: self._writes.add_plan_line(line)):
            self.plan_action.clear()
            self.plan_action.setFocus()
