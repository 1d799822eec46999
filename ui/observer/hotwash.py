"""GUI: the hot wash after ENDEX: objective ratings (HSEEP P/S/M/U), findings, improvement plan.

Everything is written through the Session API (``rate_objective``, ``add_finding``,
``add_improvement``) so it lands in the session file and feeds the report.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.checklist import objective_evidence
from crisisdesk.session import SessionError
from crisisdesk.timefmt import clock_text, exercise_timezone
from ui import labels
from ui.errors import report_unexpected
from ui.observer.hotwash_widgets import objective_combo, section_title
from ui.observer.hotwash_writes import HotWashWrites
from ui.observer.plan_box import PlanBox
from ui.observer.rating_card import MUTED_STYLE, ObjectiveRatingCard
from ui.observer.retex_dialogs import ConfirmDeleteDialog, FindingDialog, PlanLineDialog
from ui.observer.retex_document import RetexDocumentWidget


class HotWashWidget(QWidget):
    """GUI: the hot-wash screen: objective ratings, strengths and areas for improvement, improvement plan."""

    failed = Signal(str)

    def __init__(self, session, parent: QWidget | None = None, *, observer_name: str | None = None):
        super().__init__(parent)
        self.setObjectName("hotWash")
        self._session = session
        self._observer = observer_name
        self._seen: tuple | None = None
        self.writes = HotWashWrites(session, observer_name)  # each action under its own event id
        package = session.package
        self._objectives = package.exercise.objectives
        self.zone = exercise_timezone(package.exercise)  # times read as the room lived them
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
            card = ObjectiveRatingCard(objective, zone=self.zone)
            card.rate_requested.connect(self.rate)
            card.withdraw_requested.connect(self.withdraw_rating)
            self.cards[objective.id] = card
            cards_layout.addWidget(card, number // 2, number % 2)
        cards_layout.setRowStretch(len(self._objectives) // 2 + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(cards_box)
        # The ratings' own words (the core glossary's, as in the report), not the checks' verdicts.
        scale = QLabel(self.tr("Échelle HSEEP : {scale}").format(scale=" · ".join(
            f"<b>{rating}</b> {labels.rating_label(rating)[:1].lower()}{labels.rating_label(rating)[1:]}"
            for rating in labels.RATINGS)))
        scale.setStyleSheet(MUTED_STYLE)
        ratings_box = QWidget()
        ratings_layout = QVBoxLayout(ratings_box)
        ratings_layout.setContentsMargins(0, 0, 0, 0)
        ratings_layout.addWidget(section_title(self.tr("Évaluation des objectifs")))
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
        self.finding_objective = objective_combo(self._objectives, "findingObjective")
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
        findings_title = section_title(self.tr("Points forts et axes d'amélioration"))
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

        # Improvement plan (aliases: the tests reach its fields by name).
        self.plan_box = PlanBox(self._session, self.writes, self._run)
        box = self.plan_box
        self.plan, self.plan_action, self.plan_owner = box.plan, box.plan_action, box.plan_owner
        self.plan_priority, self.plan_due, self.plan_objective = box.plan_priority, box.plan_due, box.plan_objective

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(findings_box)
        bottom.addWidget(self.plan_box)
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

    # -- observer ------------------------------------------------------------------------------

    def set_observer(self, name: str | None) -> None:
        self._observer = name
        self.writes.observer = name
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
            self.banner.setText(self.tr("<b>{hotwash}</b> — notez chaque objectif, relevez les points forts et les axes d'amélioration, "
                                        "et construisez le plan d'actions.").format(hotwash=labels.term("hotwash").capitalize()))
            self.banner.setStyleSheet("QLabel { background: #e8f0fb; color: #1f3b63; padding: 6px 8px; border-radius: 3px; }")
        else:
            self.banner.setText(self.tr("L'exercice n'est pas terminé : vous pouvez déjà préparer le {hotwash}, il sera complété "
                                        "après {endex}.").format(hotwash=labels.term("hotwash"), endex=labels.term("endex")))
            self.banner.setStyleSheet("QLabel { background: #fff8dc; color: #6b5200; padding: 6px 8px; border-radius: 3px; }")
        ratings = {r.objective_id: r for r in state.ratings}
        evidence = self._evidence(state)
        for objective_id, card in self.cards.items():
            card.show_stored(ratings.get(objective_id))
            card.show_evidence(evidence.get(objective_id, ""))
        self._fill_findings(state)
        self.plan_box.show_plan(state)
        self.document.refresh()
        self._finding_selection_changed()
        tagged = self.writes.findings_to_import()
        self.import_button.setText(self.tr("Reprendre les entrées marquées ({n})").format(n=len(tagged)))
        self.import_button.setEnabled(bool(tagged))
        self.import_button.setToolTip(self.tr("Ajoute comme constats les entrées de la main courante marquées point fort ou amélioration"))

    def _evidence(self, state) -> dict[str, str]:
        """Say, per objective, how its expected responses were evaluated and how many entries are tagged with it."""
        result = {}
        for objective_id, found in objective_evidence((o.id for o in self._objectives), state).items():
            parts = []
            if found.responses:
                parts.append(self.tr("Réponses attendues : {met} obtenue(s), {partial} partielle(s), {missed} manquée(s), "
                                     "{unchecked} non évaluée(s)").format(met=found.met, partial=found.partial,
                                                                          missed=found.missed, unchecked=found.unchecked))
            if found.entries:
                parts.append(self.tr("{n} entrée(s) de main courante #{id}").format(n=found.entries, id=objective_id))
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
                        observer=finding.observer or "—", time=clock_text(finding.real_time, self.zone, seconds=False)
                    ) + (self.tr(" — modifié par {who}").format(who=finding.edited_by) if finding.edited_by else "")
                )
                item.setBackground(QBrush(labels.BG_STRENGTH if kind == "strength" else labels.BG_IMPROVEMENT))
                lst.addItem(item)

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
        ok = self._run(lambda: self.writes.rate(objective_id, rating, justification))
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
        if self._run(lambda: self.writes.add_finding(kind, text, objective)):
            self.finding_text.clear()
            self.finding_text.setFocus()

    # -- edit and delete (new events that supersede; the author is whoever is named now) ----------

    def withdraw_rating(self, objective_id: str) -> bool:
        return self._run(lambda: self.writes.withdraw_rating(objective_id))

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
        return self._run(lambda: self.writes.store_finding(number, values))

    def delete_selected_finding(self) -> ConfirmDeleteDialog | None:
        number = self.selected_finding_id()
        if number is None:
            return None
        dialog = ConfirmDeleteDialog(self.tr("le constat n° {n}").format(n=number), self)
        dialog.accepted.connect(lambda: self._delete("finding", number))
        dialog.open()
        return dialog

    def _delete(self, what: str, number: int) -> bool:
        return self._run(lambda: self.writes.delete(what, number))

    def edit_selected_plan_line(self) -> PlanLineDialog | None:
        return self.plan_box.edit_selected_plan_line()

    def delete_selected_plan_line(self) -> ConfirmDeleteDialog | None:
        return self.plan_box.delete_selected_plan_line()

    def import_tagged_entries(self) -> int:
        """Add the log entries tagged strength/improvement as findings (once each); return how many.

        Each finding's id is made from its entry's (first revision) id: importing twice,
        from two windows, or after the entry was corrected stores it once; two entries
        with the same text are two findings.
        """
        added = 0
        for finding in self.writes.findings_to_import():
            if not self._run(lambda f=finding: self.writes.import_finding(f)):
                break
            added += 1
        return added
