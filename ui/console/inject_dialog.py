"""GUI: edit an inject before it fires, or write an ad-hoc one (same fields)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.package.model import CHANNELS, Expected
from crisisdesk.timefmt import format_offset, parse_offset
from ui.labels import code_label


class InjectDialog(QDialog):
    """GUI: a form over an inject's fields; ``fields()`` returns what to pass to the session."""

    def __init__(self, package, inject=None, *, due_at: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("injectDialog")
        self.package = package
        self.original = inject
        self.setWindowTitle(
            self.tr("Modifier l'inject {id}").format(id=inject.id) if inject else self.tr("Nouvel inject ad hoc")
        )
        self.resize(720, 680)

        self.title_edit = QLineEdit(objectName="injectTitle")
        self.time_edit = QLineEdit(format_offset(due_at, with_seconds=False), objectName="injectTime")
        self.time_edit.setPlaceholderText("H:MM")
        self.time_edit.setMaximumWidth(110)
        self.sender_box = QComboBox(objectName="injectSender")
        self.sender_box.setEditable(True)
        for role in package.roles:
            self.sender_box.addItem(role.name, role.id)
        self.channel_box = QComboBox(objectName="injectChannel")
        for channel in CHANNELS:
            self.channel_box.addItem(code_label("channel", channel), channel)
        self.to_all = QCheckBox(self.tr("Tous les rôles"), objectName="injectToAll")
        self.to_list = QListWidget(objectName="injectTo")
        self.to_list.setMaximumHeight(110)
        for role in package.roles:
            if role.played:
                item = QListWidgetItem(f"{role.id} — {role.name}")
                item.setData(Qt.ItemDataRole.UserRole, role.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.to_list.addItem(item)
        self.to_all.toggled.connect(lambda on: self.to_list.setEnabled(not on))
        self.body_edit = QPlainTextEdit(objectName="injectBody")
        self.body_edit.setPlaceholderText(self.tr("Texte du message (Markdown)"))
        self.notes_edit = QPlainTextEdit(objectName="injectNotes")
        self.notes_edit.setPlaceholderText(self.tr("Pour l'animation seulement, jamais affiché en salle"))
        self.notes_edit.setMaximumHeight(70)
        self.expected_table = QTableWidget(0, 4, objectName="injectExpected")
        self.expected_table.setHorizontalHeaderLabels(
            [self.tr("Rôle"), self.tr("Action attendue"), self.tr("Délai (min)"), self.tr("Critère")])
        self.expected_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.expected_table.verticalHeader().hide()
        self.expected_table.setMaximumHeight(120)
        self.expected_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add_expected = QPushButton(self.tr("Ajouter une réponse attendue"))
        remove_expected = QPushButton(self.tr("Retirer"))
        add_expected.clicked.connect(lambda: self._add_expected_row())
        remove_expected.clicked.connect(self._remove_expected_row)
        expected_buttons = QHBoxLayout()
        expected_buttons.addWidget(add_expected)
        expected_buttons.addWidget(remove_expected)
        expected_buttons.addStretch(1)
        self.fire_now = QCheckBox(self.tr("Déclencher immédiatement"), objectName="injectFireNow")
        self.fire_now.setVisible(inject is None)
        self.error_label = QLabel(objectName="injectDialogError")
        self.error_label.setStyleSheet("color: #a00000; font-weight: bold;")
        self.error_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Titre"), self.title_edit)
        form.addRow(self.tr("Heure (T+)"), self.time_edit)
        form.addRow(self.tr("De"), self.sender_box)
        to_box = QVBoxLayout()
        to_box.addWidget(self.to_all)
        to_box.addWidget(self.to_list)
        form.addRow(self.tr("À"), to_box)
        form.addRow(self.tr("Canal"), self.channel_box)
        form.addRow(self.tr("Message"), self.body_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        expected_box = QVBoxLayout()
        expected_box.addWidget(self.expected_table)
        expected_box.addLayout(expected_buttons)
        form.addRow(self.tr("Réponses attendues"), expected_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.fire_now)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if inject is not None:
            self._load(inject)
        else:
            self.channel_box.setCurrentIndex(CHANNELS.index("phone"))

    def _load(self, inject) -> None:
        self.title_edit.setText(inject.title)
        index = self.sender_box.findData(inject.sender)
        if index >= 0:
            self.sender_box.setCurrentIndex(index)
        else:
            self.sender_box.setEditText(inject.sender)
        self.channel_box.setCurrentIndex(max(0, self.channel_box.findData(inject.channel)))
        self.to_all.setChecked(inject.to_all)
        for row in range(self.to_list.count()):
            item = self.to_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in inject.to:
                item.setCheckState(Qt.CheckState.Checked)
        self.body_edit.setPlainText(inject.body)
        self.notes_edit.setPlainText(inject.notes)
        for expected in inject.expected:
            self._add_expected_row(expected)

    def _add_expected_row(self, expected: Expected | None = None) -> None:
        row = self.expected_table.rowCount()
        self.expected_table.insertRow(row)
        roles = QComboBox()
        for role in self.package.roles:
            if role.played:
                roles.addItem(role.id, role.id)
        if expected is not None:
            roles.setCurrentIndex(max(0, roles.findData(expected.role)))
        minutes = QSpinBox()
        minutes.setRange(1, 600)
        minutes.setValue(expected.within // 60 if expected else 15)
        self.expected_table.setCellWidget(row, 0, roles)
        self.expected_table.setItem(row, 1, QTableWidgetItem(expected.action if expected else ""))
        self.expected_table.setCellWidget(row, 2, minutes)
        # The objective criterion the response serves (the package's link): kept through an edit.
        criteria = QComboBox()
        criteria.addItem(self.tr("(aucun)"), None)
        for objective in self.package.exercise.objectives:
            for number, text in enumerate(objective.criteria, start=1):
                criteria.addItem(f"{objective.id}.{number}", f"{objective.id}.{number}")
                criteria.setItemData(criteria.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        if expected is not None and expected.criterion:
            found = criteria.findData(expected.criterion)
            if found < 0:  # a link the package no longer knows is still not dropped silently
                criteria.addItem(expected.criterion, expected.criterion)
                found = criteria.count() - 1
            criteria.setCurrentIndex(found)
        self.expected_table.setCellWidget(row, 3, criteria)

    def _remove_expected_row(self) -> None:
        row = self.expected_table.currentRow()
        if row >= 0:
            self.expected_table.removeRow(row)

    def _expected(self) -> tuple[Expected, ...]:
        result = []
        for row in range(self.expected_table.rowCount()):
            item = self.expected_table.item(row, 1)
            action = item.text().strip() if item else ""
            if not action:
                continue
            role = self.expected_table.cellWidget(row, 0).currentData()
            within = self.expected_table.cellWidget(row, 2).value() * 60
            criterion = self.expected_table.cellWidget(row, 3).currentData()
            result.append(Expected(role=role, action=action, within=within, criterion=criterion))
        return tuple(result)

    def _recipients(self) -> tuple[str, ...] | str:
        if self.to_all.isChecked():
            return "all"
        return tuple(
            self.to_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.to_list.count())
            if self.to_list.item(row).checkState() == Qt.CheckState.Checked
        )

    def _sender(self) -> str:
        text = self.sender_box.currentText().strip()
        index = self.sender_box.findText(text)
        return self.sender_box.itemData(index) if index >= 0 else text

    def values(self) -> dict:
        """Return every field as the session expects it; raise ValueError with a message."""
        title = self.title_edit.text().strip()
        if not title:
            raise ValueError(self.tr("Le titre est obligatoire."))
        try:
            at = parse_offset(self.time_edit.text())
        except ValueError:
            raise ValueError(self.tr("L'heure doit être de la forme H:MM (par exemple 1:25).")) from None
        recipients = self._recipients()
        if not recipients:
            raise ValueError(self.tr("Choisissez au moins un destinataire."))
        sender = self._sender()
        if not sender:
            raise ValueError(self.tr("L'expéditeur est obligatoire."))
        return {
            "title": title,
            "at": at,
            "sender": sender,
            "to": recipients,
            "channel": self.channel_box.currentData(),
            "body": self.body_edit.toPlainText().strip(),
            "notes": self.notes_edit.toPlainText().strip(),
            "expected": self._expected(),
        }

    def changed_values(self) -> dict:
        """Return only the fields that differ from the inject being edited."""
        values = self.values()
        if self.original is None:
            return values
        inject = self.original
        current = {
            "title": inject.title,
            "sender": inject.sender,
            "to": "all" if inject.to_all else tuple(inject.to),
            "channel": inject.channel,
            "body": inject.body.strip(),
            "notes": inject.notes.strip(),
            "expected": tuple(inject.expected),
        }
        changed = {key: value for key, value in values.items() if key in current and current[key] != value}
        if values["at"] != self._original_at:
            changed["at"] = values["at"]
        return changed

    def set_original_at(self, due_at: int) -> None:
        """Remember the effective time shown, to tell whether the user moved the inject."""
        self._original_at = due_at

    _original_at = -1

    def _on_accept(self) -> None:
        try:
            self.values()
        except ValueError as error:
            self.error_label.setText(str(error))
            return
        self.accept()
