"""GUI: the hot wash after ENDEX: objective ratings (HSEEP P/S/M/U), findings, improvement plan.

Everything is written through the Session API (``rate_objective``, ``add_finding``,
``add_improvement``) so it lands in the session file and feeds the report.
"""

from __future__ import annotations

import html
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.checklist import checklist_items
from crisisdesk.session import SessionError
from crisisdesk.tagged_findings import finding_text, imported_finding_id
from ui import labels
from ui.errors import report_unexpected
from ui.observer.action_ids import ActionIds
from ui.observer.retex_dialogs import ConfirmDeleteDialog, FindingDialog, PlanLineDialog
from ui.observer.retex_document import RetexDocumentWidget

_TITLE_STYLE = "QLabel { font-weight: bold; font-size: 13pt; color: #1f2a37; }"
_MUTED_STYLE = "QLabel { color: #6b6f76; }"


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(_TITLE_STYLE)
    return label


class ObjectiveRatingCard(QFrame):
    """GUI: one objective: its criteria, the evidence gathered, a P/S/M/U rating and a justification."""

    rate_requested = Signal(str, str, str)  # objective id, rating, justification
    withdraw_requested = Signal(str)  # objective id

    def __init__(self, objective, parent: QWidget | None = None):
        super().__init__(parent)
        self.objective = objective
        self.setObjectName(f"objectiveCard_{objective.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#objectiveCard_{objective.id} {{ background: #ffffff; border: 1px solid #d5d9df; border-radius: 4px; }}")
        # Package text in rich-text labels: escaped, so "< 10 min" or "ARS & préfecture" read as written.
        title = QLabel(f"<b>{html.escape(objective.id)}</b> · {html.escape(objective.title)}")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        criteria = QLabel("<br>".join(f"• {html.escape(c)}" for c in objective.criteria)
                          or html.escape(self.tr("(pas de critère)")))
        criteria.setTextFormat(Qt.TextFormat.RichText)
        criteria.setWordWrap(True)
        criteria.setStyleSheet(_MUTED_STYLE)
        self.evidence = QLabel(objectName=f"evidence_{objective.id}")
        self.evidence.setWordWrap(True)
        self.evidence.setStyleSheet("QLabel { color: #3d4b5c; }")

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(3)
        self.buttons: dict[str, QToolButton] = {}
        for rating in labels.RATINGS:
            button = QToolButton(objectName=f"rate_{objective.id}_{rating}")
            button.setText(rating)
            button.setCheckable(True)
            button.setToolTip(f"{rating} — {labels.rating_label(rating)}")
            button.setMinimumSize(34, 30)
            color = labels.rating_color(rating).name()
            button.setStyleSheet(
                "QToolButton { font-weight: bold; font-size: 12pt; border: 1px solid #b8bec7; border-radius: 3px; background: #f4f5f7; }"
                f"QToolButton:checked {{ background: {color}; color: white; border-color: {color}; }}"
            )
            self.group.addButton(button)
            buttons.addWidget(button)
            self.buttons[rating] = button
        self.rating_meaning = QLabel(objectName=f"ratingMeaning_{objective.id}")
        self.rating_meaning.setStyleSheet(_MUTED_STYLE)
        buttons.addWidget(self.rating_meaning)
        buttons.addStretch(1)
        self.group.buttonToggled.connect(self._rating_toggled)

        self.justification = QPlainTextEdit(objectName=f"justification_{objective.id}")
        self.justification.setPlaceholderText(self.tr("Justification : ce qui a été observé, ce qui a manqué…"))
        self.justification.setTabChangesFocus(True)
        self.justification.setFixedHeight(self.fontMetrics().height() * 3 + 14)
        self.justification.textChanged.connect(self._edited)
        self.save_button = QPushButton(self.tr("Enregistrer la note"), objectName=f"saveRating_{objective.id}")
        self.save_button.clicked.connect(self._save)
        # Withdrawing is a new event (the history keeps the rating and who withdrew it).
        self.withdraw_button = QPushButton(self.tr("Retirer la note"), objectName=f"withdrawRating_{objective.id}")
        self.withdraw_button.setToolTip(self.tr("L'objectif redevient « non évalué » ; l'historique garde la note retirée"))
        self.withdraw_button.clicked.connect(lambda: self.withdraw_requested.emit(self.objective.id))
        self.withdraw_button.setVisible(False)
        self.recorded = QLabel(objectName=f"recorded_{objective.id}")
        self.recorded.setStyleSheet(_MUTED_STYLE)
        self.unsaved = QLabel(self.tr("● modification non enregistrée"), objectName=f"unsaved_{objective.id}")
        self.unsaved.setStyleSheet("QLabel { color: #b26a00; font-weight: bold; }")
        self.unsaved.setVisible(False)
        footer = QHBoxLayout()
        footer.addWidget(self.recorded)
        footer.addWidget(self.unsaved)
        footer.addStretch(1)
        footer.addWidget(self.withdraw_button)
        footer.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(criteria)
        layout.addWidget(self.evidence)
        layout.addLayout(buttons)
        layout.addWidget(self.justification)
        layout.addLayout(footer)
        self._dirty = False
        self._stored: tuple[str, str] | None = None

    def selected_rating(self) -> str | None:
        button = self.group.checkedButton()
        return button.text() if button is not None else None

    def select_rating(self, rating: str) -> None:
        self.buttons[rating].setChecked(True)

    def _rating_toggled(self, *_args) -> None:
        rating = self.selected_rating()
        self.rating_meaning.setText(labels.rating_label(rating) if rating else self.tr("Choisir P, S, M ou U"))
        self._edited()

    def _edited(self) -> None:
        current = (self.selected_rating() or "", self.justification.toPlainText().strip())
        self._dirty = self._stored is None and any(current) or self._stored is not None and current != self._stored
        self.save_button.setEnabled(bool(current[0]) and self._dirty)
        self.unsaved.setVisible(self._dirty)

    def _save(self) -> None:
        rating = self.selected_rating()
        if rating:
            self.rate_requested.emit(self.objective.id, rating, self.justification.toPlainText().strip())

    def show_stored(self, stored) -> None:
        """Show the rating stored in the session (if any); keep unsaved edits."""
        self.withdraw_button.setVisible(stored is not None)
        if stored is None:
            self.recorded.setText(self.tr("Pas encore noté"))
            if self._stored is not None and not self._dirty:  # withdrawn (here or elsewhere): clear the card
                self.group.setExclusive(False)
                for button in self.buttons.values():
                    button.setChecked(False)
                self.group.setExclusive(True)
                self.justification.blockSignals(True)
                self.justification.clear()
                self.justification.blockSignals(False)
            self._stored = None
            self._rating_toggled()
            return
        self.recorded.setText(
            self.tr("Noté <b>{rating}</b> par {observer} à {time}").format(
                rating=stored.rating, observer=stored.observer, time=datetime.fromtimestamp(stored.real_time).strftime("%H:%M")
            )
        )
        if not self._dirty:
            self.group.blockSignals(True)
            self.buttons[stored.rating].setChecked(True)
            self.group.blockSignals(False)
            self.justification.blockSignals(True)
            self.justification.setPlainText(stored.justification)
            self.justification.blockSignals(False)
        self._stored = (stored.rating, stored.justification.strip())
        self._rating_toggled()

    def show_evidence(self, text: str) -> None:
        self.evidence.setText(text)
        self.evidence.setVisible(bool(text))


class HotWashWidget(QWidget):
    """GUI: the hot-wash screen: objective ratings, strengths and areas for improvement, improvement plan."""

    failed = Signal(str)

    def __init__(self, session, parent: QWidget | None = None, *, observer_name: str | None = None):
        super().__init__(parent)
        self.setObjectName("hotWash")
        self._session = session
        self._observer = observer_name
        self._seen: tuple | None = None
        # The event id of each rating, finding or plan line not confirmed saved: clicked again
        # after a failed save (the session may have kept it), it is stored once.
        self._action_ids = ActionIds()
        package = session.package
        self._objectives = package.exercise.objectives
        self._played = [role for role in package.roles if role.played]
        self._build()
        self.refresh()

    # -- construction --------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel(objectName="hotWashBanner")
        self.banner.setWordWrap(True)
        self.error_label = QLabel(objectName="hotWashError")
        self.error_label.setStyleSheet("QLabel { background: #fde7e6; color: #b3261e; padding: 4px 8px; border-radius: 3px; }")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        # Objective ratings.
        self.cards: dict[str, ObjectiveRatingCard] = {}
        cards_box = QWidget()
        cards_layout = QGridLayout(cards_box)
        cards_layout.setContentsMargins(0, 0, 0, 0)
        cards_layout.setSpacing(8)
        for number, objective in enumerate(self._objectives):
            card = ObjectiveRatingCard(objective)
            card.rate_requested.connect(self.rate)
            card.withdraw_requested.connect(self.withdraw_rating)
            self.cards[objective.id] = card
            cards_layout.addWidget(card, number // 2, number % 2)
        cards_layout.setRowStretch(len(self._objectives) // 2 + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cards_box)
        scale = QLabel(
            self.tr("Échelle HSEEP : <b>P</b> réalisé sans difficulté · <b>S</b> avec quelques difficultés · "
                    "<b>M</b> avec des difficultés majeures · <b>U</b> non réalisable")
        )
        scale.setStyleSheet(_MUTED_STYLE)
        ratings_box = QWidget()
        ratings_layout = QVBoxLayout(ratings_box)
        ratings_layout.setContentsMargins(0, 0, 0, 0)
        ratings_layout.addWidget(_section_title(self.tr("Évaluation des objectifs")))
        ratings_layout.addWidget(scale)
        ratings_layout.addWidget(scroll, 1)

        # Findings.
        self.strengths = QListWidget(objectName="strengthsList")
        self.improvements_list = QListWidget(objectName="improvementsList")
        for lst in (self.strengths, self.improvements_list):
            lst.setWordWrap(True)
            lst.setSpacing(2)
        self.finding_text = QLineEdit(objectName="findingText")
        self.finding_text.setPlaceholderText(self.tr("Un point fort ou un axe d'amélioration…"))
        self.finding_objective = self._objective_combo("findingObjective")
        add_strength = QPushButton(self.tr("+ Point fort"), objectName="addStrength")
        add_improvement = QPushButton(self.tr("△ Axe d'amélioration"), objectName="addImprovementFinding")
        add_strength.clicked.connect(lambda: self._add_finding("strength"))
        add_improvement.clicked.connect(lambda: self._add_finding("improvement"))
        self.finding_text.returnPressed.connect(lambda: self._add_finding("strength"))
        for lst in (self.strengths, self.improvements_list):
            lst.itemDoubleClicked.connect(lambda _item: self.edit_selected_finding())
            lst.itemSelectionChanged.connect(self._finding_selection_changed)
        self.detail_finding_button = QPushButton(self.tr("Constat détaillé…"), objectName="detailFinding")
        self.detail_finding_button.setToolTip(self.tr("Constat, référence, cause et recommandation"))
        self.detail_finding_button.clicked.connect(self.new_detailed_finding)
        self.edit_finding_button = QPushButton(self.tr("Modifier…"), objectName="editFinding")
        self.edit_finding_button.clicked.connect(self.edit_selected_finding)
        self.delete_finding_button = QPushButton(self.tr("Supprimer"), objectName="deleteFinding")
        self.delete_finding_button.clicked.connect(self.delete_selected_finding)
        self.import_button = QPushButton(objectName="importTagged")
        self.import_button.clicked.connect(self.import_tagged_entries)
        # Text on its own line, as in the plan: the window must fit 900 px with both halves readable.
        finding_buttons = QHBoxLayout()
        finding_buttons.addWidget(self.finding_objective)
        finding_buttons.addStretch(1)
        finding_buttons.addWidget(add_strength)
        finding_buttons.addWidget(add_improvement)
        finding_form = QVBoxLayout()
        finding_form.setSpacing(4)
        finding_form.addWidget(self.finding_text)
        finding_form.addLayout(finding_buttons)
        lists = QHBoxLayout()
        for title, lst in ((self.tr("Points forts"), self.strengths), (self.tr("Axes d'amélioration"), self.improvements_list)):
            column = QVBoxLayout()
            caption = QLabel(f"<b>{title}</b>")
            column.addWidget(caption)
            column.addWidget(lst)
            lists.addLayout(column)
        findings_box = QWidget()
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        findings_header = QHBoxLayout()
        findings_title = _section_title(self.tr("Points forts et axes d'amélioration"))
        findings_title.setWordWrap(True)  # wraps rather than widen the window beside the import button
        findings_header.addWidget(findings_title, 1)
        findings_header.addStretch(1)
        findings_header.addWidget(self.import_button)
        findings_layout.addLayout(findings_header)
        findings_layout.addLayout(finding_form)
        findings_layout.addLayout(lists, 1)
        finding_actions = QHBoxLayout()
        finding_actions.addWidget(self.detail_finding_button)
        finding_actions.addStretch(1)
        finding_actions.addWidget(self.edit_finding_button)
        finding_actions.addWidget(self.delete_finding_button)
        findings_layout.addLayout(finding_actions)

        # Improvement plan.
        self.plan = QTableWidget(0, 5, objectName="improvementPlan")
        self.plan.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Responsable"), self.tr("Priorité"), self.tr("Échéance"), self.tr("Objectif")])
        self.plan.itemDoubleClicked.connect(lambda _item: self.edit_selected_plan_line())
        self.plan.itemSelectionChanged.connect(self._plan_selection_changed)
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
        for role in self._played:
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
        self.plan_objective = self._objective_combo("planObjective")
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
        plan_box = QWidget()
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(_section_title(self.tr("Plan d'actions")))
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

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(findings_box)
        bottom.addWidget(plan_box)
        bottom.setStretchFactor(0, 1)
        bottom.setStretchFactor(1, 1)
        bottom.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(ratings_box)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.document = RetexDocumentWidget(self._session, observer_name=self._observer)
        self.tabs = QTabWidget(objectName="hotWashTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(splitter, self.tr("Évaluation, constats et plan d'actions"))
        self.tabs.addTab(self.document, self.tr("Synthèse et document RETEX"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)

    def _objective_combo(self, name: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        # Objective ids are short: do not size the closed combo on "(tous objectifs)".
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        combo.addItem(self.tr("(tous objectifs)"), None)
        for objective in self._objectives:
            combo.addItem(objective.id, objective.id)
            combo.setItemData(combo.count() - 1, objective.title, Qt.ItemDataRole.ToolTipRole)
        return combo

    # -- observer ------------------------------------------------------------------------------

    def set_observer(self, name: str | None) -> None:
        self._observer = name
        self.document.set_observer(name)

    # -- updates -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the stored ratings, findings and improvement plan; cheap when unchanged."""
        state = self._session.state
        # Identity of the session's collections says whether anything changed (they are
        # rebuilt only when events arrive); the stage is a plain value.
        key = (state.ratings, state.findings, state.improvements, state.checks, state.entries, state.retex)
        if (
            self._seen is not None
            and state.stage == self._seen[1]
            and all(a is b for a, b in zip(key, self._seen[0], strict=True))
        ):
            return
        self._seen = (key, state.stage)
        if state.stage == "hotwash":
            self.banner.setText(self.tr("<b>Retour à chaud</b> — notez chaque objectif, relevez les points forts et les axes d'amélioration, et construisez le plan d'actions."))
            self.banner.setStyleSheet("QLabel { background: #e8f0fb; color: #1f3b63; padding: 6px 8px; border-radius: 3px; }")
        else:
            self.banner.setText(self.tr("L'exercice n'est pas terminé : vous pouvez déjà préparer le retour à chaud, il sera complété après {endex}.").format(endex=labels.term("endex")))
            self.banner.setStyleSheet("QLabel { background: #fff8dc; color: #6b5200; padding: 6px 8px; border-radius: 3px; }")
        ratings = {r.objective_id: r for r in state.ratings}
        evidence = self._evidence(state)
        for objective_id, card in self.cards.items():
            card.show_stored(ratings.get(objective_id))
            card.show_evidence(evidence.get(objective_id, ""))
        self._fill_findings(state)
        self._fill_plan(state)
        self.document.refresh()
        self._finding_selection_changed()
        self._plan_selection_changed()
        tagged = self._tagged_entries_to_import(state)
        self.import_button.setText(self.tr("Reprendre les entrées marquées ({n})").format(n=len(tagged)))
        self.import_button.setEnabled(bool(tagged))
        self.import_button.setToolTip(self.tr("Ajoute comme constats les entrées de la main courante marquées point fort ou amélioration"))

    def _evidence(self, state) -> dict[str, str]:
        """Summarise, per objective, the expected-response checks and the entries tagged with it."""
        package = self._session.package
        objectives_of = {inject.id: inject.objectives for inject in package.injects}
        for inject_state in state.injects:
            objectives_of[inject_state.inject.id] = inject_state.inject.objectives
        counts: dict[str, dict[str, int]] = {o.id: {"met": 0, "partial": 0, "missed": 0, "open": 0, "entries": 0} for o in self._objectives}
        for item in checklist_items(state):
            for objective_id in objectives_of.get(item.inject_id, ()):
                if objective_id in counts:
                    counts[objective_id][item.check.status if item.check else "open"] += 1
        for entry in state.entries:
            for tag in entry.tags:
                if tag in counts:
                    counts[tag]["entries"] += 1
        result = {}
        for objective_id, c in counts.items():
            total = c["met"] + c["partial"] + c["missed"] + c["open"]
            parts = []
            if total:
                parts.append(
                    self.tr("Réponses attendues : {met} réalisée(s), {partial} partielle(s), {missed} non réalisée(s), {open} non constatée(s)").format(**c)
                )
            if c["entries"]:
                parts.append(self.tr("{n} entrée(s) de main courante #{id}").format(n=c["entries"], id=objective_id))
            result[objective_id] = " · ".join(parts)
        return result

    def _fill_findings(self, state) -> None:
        for lst, kind in ((self.strengths, "strength"), (self.improvements_list, "improvement")):
            lst.clear()
            for finding in state.findings:
                if finding.kind != kind:
                    continue
                suffix = f"  [{finding.objective_id}]" if finding.objective_id else ""
                details = " ✎" if finding.reference or finding.cause or finding.recommendation else ""
                item = QListWidgetItem(f"{finding.id}. {finding.text}{suffix}{details}")
                item.setData(Qt.ItemDataRole.UserRole, finding.id)
                item.setToolTip(
                    self.tr("{observer}, {time}").format(
                        observer=finding.observer or "—", time=datetime.fromtimestamp(finding.real_time).strftime("%H:%M")
                    ) + (self.tr(" — modifié par {who}").format(who=finding.edited_by) if finding.edited_by else "")
                )
                item.setBackground(QBrush(labels.BG_STRENGTH if kind == "strength" else labels.BG_IMPROVEMENT))
                lst.addItem(item)

    def _fill_plan(self, state) -> None:
        improvements = state.improvements
        self.plan.setRowCount(len(improvements))
        for row, improvement in enumerate(improvements):
            due = ""
            if improvement.due_date:
                try:
                    due = date.fromisoformat(str(improvement.due_date)[:10]).strftime("%d/%m/%Y")
                except ValueError:
                    due = str(improvement.due_date)
            values = (improvement.action, improvement.organisation or improvement.owner_role or "",
                      labels.priority_label(improvement.priority), due, improvement.objective_id or "")
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

    # -- actions -----------------------------------------------------------------------------------

    def _run(self, action) -> bool:
        try:
            action()
        except SessionError as exc:  # a refused value or a write that did not reach the file
            message = labels.error_text(exc)
        except Exception as exc:  # a bug: the error reporter shows it; what was typed stays in its field
            report_unexpected(exc)
            message = self.tr("Non enregistré : erreur inattendue (détails dans la fenêtre d'erreur). "
                              "Votre saisie est restée à l'écran.")
        else:
            self.error_label.setVisible(False)
            self.refresh()
            return True
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        self.failed.emit(message)
        return False

    def rate(self, objective_id: str, rating: str, justification: str) -> bool:
        """Store an objective's rating; a justification is required."""
        if not justification:
            self.error_label.setText(self.tr("Indiquez une justification pour la note de {id}.").format(id=objective_id))
            self.error_label.setVisible(True)
            self.cards[objective_id].justification.setFocus()
            return False
        card = self.cards.get(objective_id)
        # One slot per objective: the latest rating wins, so going back to an earlier one is a new action.
        event_id = self._action_ids.for_action(objective_id, (rating, justification))
        ok = self._run(lambda: self._session.rate_objective(objective_id, rating, justification,
                                                            observer=self._observer or "", event_id=event_id))
        if ok:
            self._action_ids.saved(objective_id, event_id)
        if ok and card is not None:
            card._dirty = False
            self._seen = None
            self.refresh()
        return ok

    def _add_finding(self, kind: str) -> None:
        text = self.finding_text.text().strip()
        if not text:
            return
        objective = self.finding_objective.currentData()
        # Findings add up: the same finding is the same action, whatever was tried in between.
        action = ("finding", kind, text, objective)
        event_id = self._action_ids.for_action(action, action)
        if self._run(lambda: self._session.add_finding(kind, text, objective, observer=self._observer,
                                                       event_id=event_id)):
            self._action_ids.saved(action, event_id)
            self.finding_text.clear()
            self.finding_text.setFocus()

    # -- edit and delete (new events that supersede; the author is whoever is named now) ----------

    def withdraw_rating(self, objective_id: str) -> bool:
        event_id = self._action_ids.for_action(("withdraw", objective_id), "withdraw")
        ok = self._run(lambda: self._session.withdraw_rating(objective_id, observer=self._observer or "",
                                                             event_id=event_id))
        if ok:
            self._action_ids.saved(("withdraw", objective_id), event_id)
        return ok

    def selected_finding_id(self) -> int | None:
        for lst in (self.strengths, self.improvements_list):
            item = lst.currentItem()
            if item is not None and item.isSelected():
                return item.data(Qt.ItemDataRole.UserRole)
        return None

    def _finding_selection_changed(self) -> None:
        sender = self.sender()
        if sender in (self.strengths, self.improvements_list) and sender.selectedItems():
            other = self.improvements_list if sender is self.strengths else self.strengths
            other.blockSignals(True)
            other.clearSelection()
            other.blockSignals(False)
        chosen = self.selected_finding_id() is not None
        self.edit_finding_button.setEnabled(chosen)
        self.delete_finding_button.setEnabled(chosen)

    def _finding(self, number: int):
        return next((f for f in self._session.state.findings if f.id == number), None)

    def new_detailed_finding(self) -> FindingDialog:
        dialog = FindingDialog(self._objectives, self)
        dialog.accepted.connect(lambda: self._store_finding(None, dialog.values()))
        dialog.open()
        return dialog

    def edit_selected_finding(self) -> FindingDialog | None:
        number = self.selected_finding_id()
        finding = self._finding(number) if number is not None else None
        if finding is None:
            return None
        dialog = FindingDialog(self._objectives, self, finding=finding)
        dialog.accepted.connect(lambda: self._store_finding(number, dialog.values()))
        dialog.open()
        return dialog

    def _store_finding(self, number: int | None, values: dict) -> bool:
        slot = ("finding-edit", number, *values.values())
        event_id = self._action_ids.for_action(slot, slot)
        kind, text, objective = values.pop("kind"), values.pop("text"), values.pop("objective_id")
        if number is None:
            ok = self._run(lambda: self._session.add_finding(kind, text, objective, observer=self._observer,
                                                             event_id=event_id, **values))
        else:
            ok = self._run(lambda: self._session.edit_finding(number, kind, text, objective, observer=self._observer,
                                                              event_id=event_id, **values))
        if ok:
            self._action_ids.saved(slot, event_id)
        return ok

    def delete_selected_finding(self) -> ConfirmDeleteDialog | None:
        number = self.selected_finding_id()
        if number is None:
            return None
        dialog = ConfirmDeleteDialog(self.tr("le constat n° {n}").format(n=number), self)
        dialog.accepted.connect(lambda: self._delete("finding", number))
        dialog.open()
        return dialog

    def _delete(self, what: str, number: int) -> bool:
        slot = ("delete", what, number)
        event_id = self._action_ids.for_action(slot, slot)
        delete = self._session.delete_finding if what == "finding" else self._session.delete_improvement
        ok = self._run(lambda: delete(number, observer=self._observer, event_id=event_id))
        if ok:
            self._action_ids.saved(slot, event_id)
        return ok

    def selected_plan_number(self) -> int | None:
        rows = self.plan.selectionModel().selectedRows() if self.plan.selectionModel() else []
        if not rows:
            return None
        item = self.plan.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _plan_selection_changed(self) -> None:
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
        slot = ("plan-edit", number, *values.values())
        event_id = self._action_ids.for_action(slot, slot)
        if number is None:
            ok = self._run(lambda: self._session.add_improvement(**values, observer=self._observer, event_id=event_id))
        else:
            ok = self._run(lambda: self._session.edit_improvement(number, **values, observer=self._observer,
                                                                  event_id=event_id))
        if ok:
            self._action_ids.saved(slot, event_id)
        return ok

    def delete_selected_plan_line(self) -> ConfirmDeleteDialog | None:
        number = self.selected_plan_number()
        if number is None:
            return None
        dialog = ConfirmDeleteDialog(self.tr("l'action n° {n}").format(n=number), self)
        dialog.accepted.connect(lambda: self._delete("improvement", number))
        dialog.open()
        return dialog

    def _tagged_entries_to_import(self, state) -> list:
        """(kind, entry, finding id) for each tagged entry not imported yet, judged by the finding's id."""
        imported = {f.event_id for f in state.findings}
        result = []
        for entry in state.entries:
            for kind in ("strength", "improvement"):
                if kind in entry.tags:
                    finding_id = imported_finding_id(state, entry, kind)
                    if finding_id not in imported:
                        result.append((kind, entry, finding_id))
        return result

    def import_tagged_entries(self) -> int:
        """Add the log entries tagged strength/improvement as findings (once each); return how many.

        Each finding's id is made from its entry's (first revision) id: importing twice,
        from two windows, or after the entry was corrected stores it once; two entries
        with the same text are two findings.
        """
        state = self._session.state
        added = 0
        objective_ids = {o.id for o in self._objectives}
        for kind, entry, finding_id in self._tagged_entries_to_import(state):
            objective = next((tag for tag in entry.tags if tag in objective_ids), None)
            text = finding_text(entry)
            if not self._run(lambda k=kind, t=text, o=objective, i=finding_id: self._session.add_finding(
                    k, t, o, observer=self._observer, event_id=i)):
                break
            added += 1
        return added

    def _add_plan_row(self) -> None:
        action = self.plan_action.text().strip()
        if not action:
            self.plan_action.setFocus()
            return
        line = dict(action=action, owner_role=self.plan_owner.currentData(),
                    priority=self.plan_priority.currentData(), due_date=self.plan_due.date().toString("yyyy-MM-dd"),
                    objective_id=self.plan_objective.currentData())
        slot = ("plan", *line.values())  # plan lines add up, as findings do
        event_id = self._action_ids.for_action(slot, slot)
        ok = self._run(lambda: self._session.add_improvement(**line, observer=self._observer, event_id=event_id))
        if ok:
            self._action_ids.saved(slot, event_id)
            self.plan_action.clear()
            self.plan_action.setFocus()
