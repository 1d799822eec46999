"""GUI: the forms that write or rewrite a finding and a plan line of the RETEX.

A finding is written the French RETEX way (constat → référence → cause →
recommandation); a plan line carries its POETE domain, owner, contact, dates, status and
the finding it answers. The dialogs only collect values: the hot-wash screen stores
them through the Session (an edit is a new event that supersedes, never an erasure).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crisisdesk import vocabulary
from ui import labels

_NO_DATE = QDate(2000, 1, 1)  # the date edits' "none" (shown as a blank special value)


def _text_box(name: str, lines: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().height() * lines + 14)
    return box


def _objective_combo(objectives, none_text: str, name: str) -> QComboBox:
    combo = QComboBox(objectName=name)
    combo.addItem(none_text, None)
    for objective in objectives:
        combo.addItem(f"{objective.id} — {objective.title}", objective.id)
    return combo


def _select(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _date_edit(name: str, none_text: str) -> QDateEdit:
    edit = QDateEdit(objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText(none_text)  # the minimum date reads as "none"
    edit.setDate(_NO_DATE)
    return edit


def _iso(edit: QDateEdit) -> str | None:
    return None if edit.date() == _NO_DATE else edit.date().toString("yyyy-MM-dd")


def _set_iso(edit: QDateEdit, value: str | None) -> None:
    date = QDate.fromString(value or "", "yyyy-MM-dd")
    edit.setDate(date if date.isValid() else _NO_DATE)


class RetexFormDialog(QDialog):
    """GUI: the block both RETEX forms share: the fields, a required text, an error line, Save / Cancel.

    A subclass builds its fields, then calls ``_lay_out(form, required, missing, width)``:
    Save refuses an empty ``required`` box with ``missing`` and puts the cursor there.
    """

    def _lay_out(self, form: QFormLayout, required: QPlainTextEdit, missing: str, width: int, error_name: str) -> None:
        self._required, self._missing = required, missing
        self.error = QLabel(objectName=error_name)
        self.error.setStyleSheet("QLabel { color: #b3261e; }")
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(width, self.sizeHint().height())

    def _accept(self) -> None:
        if not self._required.toPlainText().strip():
            self.error.setText(self._missing)
            self.error.setVisible(True)
            self._required.setFocus()
            return
        self.accept()


class FindingDialog(RetexFormDialog):
    """GUI: a strength or an area for improvement, with its reference, cause and recommendation."""

    def __init__(self, objectives, parent: QWidget | None = None, *, finding=None):
        super().__init__(parent)
        self.setObjectName("findingDialog")
        self.setWindowTitle(self.tr("Modifier le constat n° {n}").format(n=finding.id) if finding
                            else self.tr("Nouveau constat"))
        self.kind = QComboBox(objectName="findingKind")
        self.kind.addItem(labels.tag_label("strength"), "strength")
        self.kind.addItem(labels.tag_label("improvement"), "improvement")
        self.text = _text_box("findingConstat", 3, self.tr("Le constat : ce qui a été observé, factuellement"))
        self.reference = _text_box("findingReference", 2, self.tr("Le plan, la procédure ou la fiche réflexe de référence"))
        self.cause = _text_box("findingCause", 2, self.tr("Pourquoi : la cause identifiée"))
        self.recommendation = _text_box("findingRecommendation", 2, self.tr("Ce qu'il faut faire"))
        self.objective = _objective_combo(objectives, self.tr("(tous objectifs)"), "findingDialogObjective")
        if finding is not None:
            _select(self.kind, finding.kind)
            self.text.setPlainText(finding.text)
            self.reference.setPlainText(finding.reference)
            self.cause.setPlainText(finding.cause)
            self.recommendation.setPlainText(finding.recommendation)
            _select(self.objective, finding.objective_id)
        form = QFormLayout()
        form.addRow(self.tr("Nature"), self.kind)
        form.addRow(self.tr("Constat"), self.text)
        form.addRow(self.tr("Référence"), self.reference)
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(self.tr("Recommandation"), self.recommendation)
        form.addRow(self.tr("Objectif"), self.objective)
        self._lay_out(form, self.text, self.tr("Le constat est à écrire."), 560, "findingDialogError")

    def values(self) -> dict:
        return dict(kind=self.kind.currentData(), text=self.text.toPlainText().strip(),
                    objective_id=self.objective.currentData(), reference=self.reference.toPlainText().strip(),
                    cause=self.cause.toPlainText().strip(), recommendation=self.recommendation.toPlainText().strip())


class PlanLineDialog(RetexFormDialog):
    """GUI: one line of the plan d'actions, every field the report and its export show."""

    def __init__(self, package, findings, parent: QWidget | None = None, *, line=None):
        super().__init__(parent)
        self.setObjectName("planLineDialog")
        self.setWindowTitle(self.tr("Modifier l'action n° {n}").format(n=line.id) if line
                            else self.tr("Nouvelle action"))
        none = self.tr("—")
        self.action = _text_box("planLineAction", 2, self.tr("L'action d'amélioration"))
        self.finding = QComboBox(objectName="planLineFinding")
        self.finding.addItem(none, None)
        for finding in findings:
            text = finding.text if len(finding.text) <= 70 else finding.text[:69] + "…"
            self.finding.addItem(f"{finding.id} — {text}", finding.id)
        self.objective = _objective_combo(package.exercise.objectives, none, "planLineObjective")
        self.domain = QComboBox(objectName="planLineDomain")
        self.domain.addItem(none, "")
        for domain in vocabulary.POETE_DOMAINS:
            self.domain.addItem(labels.domain_label(domain), domain)
        self.owner_role = QComboBox(objectName="planLineOwnerRole")
        self.owner_role.addItem(none, None)
        for role in package.roles:
            if role.played:
                self.owner_role.addItem(f"{role.id} — {role.name}", role.id)
        self.organisation = QLineEdit(objectName="planLineOrganisation")
        self.organisation.setPlaceholderText(self.tr("Direction, service ou partenaire pilote"))
        self.contact = QLineEdit(objectName="planLineContact")
        self.contact.setPlaceholderText(self.tr("Nom de la personne à joindre"))
        self.priority = QComboBox(objectName="planLinePriority")
        for priority in labels.PRIORITIES:
            self.priority.addItem(labels.priority_label(priority), priority)
        self.priority.setCurrentIndex(1)
        self.start = _date_edit("planLineStart", none)
        self.due = _date_edit("planLineDue", none)
        self.status = QComboBox(objectName="planLineStatus")
        self.status.addItem(none, "")
        for status in vocabulary.ACTION_STATUSES:
            self.status.addItem(labels.action_status_label(status), status)
        if line is not None:
            self.action.setPlainText(line.action)
            _select(self.finding, line.finding_id)
            _select(self.objective, line.objective_id)
            _select(self.domain, line.domain)
            _select(self.owner_role, line.owner_role)
            self.organisation.setText(line.organisation)
            self.contact.setText(line.contact)
            _select(self.priority, line.priority)
            _set_iso(self.start, line.start_date)
            _set_iso(self.due, line.due_date)
            _select(self.status, line.status)
        form = QFormLayout()
        form.addRow(self.tr("Action"), self.action)
        form.addRow(self.tr("Répond au constat"), self.finding)
        form.addRow(self.tr("Objectif"), self.objective)
        form.addRow(self.tr("Domaine (POETE)"), self.domain)
        form.addRow(self.tr("Rôle pilote"), self.owner_role)
        form.addRow(self.tr("Organisation pilote"), self.organisation)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Priorité"), self.priority)
        form.addRow(self.tr("Début"), self.start)
        form.addRow(self.tr("Échéance"), self.due)
        form.addRow(self.tr("État"), self.status)
        self._lay_out(form, self.action, self.tr("L'action est à écrire."), 580, "planLineError")

    def values(self) -> dict:
        return dict(action=self.action.toPlainText().strip(), owner_role=self.owner_role.currentData(),
                    priority=self.priority.currentData(), due_date=_iso(self.due), objective_id=self.objective.currentData(),
                    domain=self.domain.currentData() or "", organisation=self.organisation.text().strip(),
                    contact=self.contact.text().strip(), start_date=_iso(self.start),
                    status=self.status.currentData() or "", finding_id=self.finding.currentData())


class ConfirmDeleteDialog(QDialog):
    """GUI: "delete this?" — the history keeps it; the report no longer shows it."""

    def __init__(self, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("confirmDelete")
        self.setWindowTitle(self.tr("Supprimer"))
        text = QLabel(self.tr("Supprimer {what} ?\nLe rapport ne le montrera plus ; l'historique de la session "
                              "garde la trace de la suppression et de son auteur.").format(what=what))
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
        buttons.button(QDialogButtonBox.StandardButton.No).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
