"""GUI: the form of the selected inject — every field of the format, each change undoable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.package import draft
from crisisdesk.package.document import MISSING
from crisisdesk.package.model import CHANNELS
from ui.editor.fields import FormBinder
from ui.editor.undo import EditorDocument
from ui.labels import channel_label


class CheckList(QListWidget):
    """GUI: ids to tick (recipients, objectives); the choices follow the package."""

    edited = Signal()

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(True)
        self.setMaximumHeight(64)
        self.itemChanged.connect(lambda _item: None if self.signalsBlocked() else self.edited.emit())

    def set_choices(self, choices: list[tuple[str, str]], checked: list[str]) -> None:
        self.blockSignals(True)
        self.clear()
        known = [c for c, _ in choices]
        for ident, tip in choices + [(c, "?") for c in checked if c not in known]:
            item = QListWidgetItem(ident)
            item.setToolTip(tip)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ident in checked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def checked(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]


class RowsTable(QTableWidget):
    """GUI: a small editable table of records (expected responses, indicator changes)."""

    edited = Signal()

    def __init__(self, name: str, headers: list[str], parent=None):
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.verticalHeader().setVisible(False)
        self.setMaximumHeight(130)
        self.itemChanged.connect(lambda _item: None if self.signalsBlocked() else self.edited.emit())

    def rows(self) -> list[list[str]]:
        return [[(self.item(r, c).text() if self.item(r, c) else "") for c in range(self.columnCount())]
                for r in range(self.rowCount())]

    def set_rows(self, rows: list[list[str]]) -> None:
        if rows == self.rows():
            return
        self.blockSignals(True)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.setItem(r, c, QTableWidgetItem(value))
        self.blockSignals(False)


class InjectForm(QScrollArea):
    """GUI: every field of one inject."""

    def __init__(self, editor: EditorDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("injectForm")
        self.setWidgetResizable(True)
        self.editor = editor
        self.doc = editor.doc
        self.binder = FormBinder(editor, self)
        b = self.binder
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.ident = b.line("id", QLineEdit(objectName="injectId"))
        self.at = b.line("at", QLineEdit(objectName="injectAt"))
        self.at.setPlaceholderText("H:MM")
        self.scenario = QLineEdit(objectName="injectScenario", readOnly=True)
        self.scenario.setFrame(False)
        at_row = QHBoxLayout()
        at_row.addWidget(self.at)
        at_row.addWidget(self.scenario, 1)
        self.title = b.line("title", QLineEdit(objectName="injectTitle"))
        self.sender = b.combo("from", QComboBox(objectName="injectFrom", editable=True))
        self.channel = b.choice("channel", QComboBox(objectName="injectChannel"),
                                [(c, f"{channel_label(c)} ({c})") for c in CHANNELS])

        self.to_all = QCheckBox(self.tr("tous les rôles joués (all)"), objectName="injectToAll")
        self.to_list = CheckList("injectTo")
        to_box = QWidget()
        to_layout = QVBoxLayout(to_box)
        to_layout.setContentsMargins(0, 0, 0, 0)
        to_layout.addWidget(self.to_all)
        to_layout.addWidget(self.to_list)
        b.custom("to", to_box, self._to_value, self._show_to, self.to_list.edited, optional=False)
        self.to_all.toggled.connect(lambda _on: self.binder.edited("to"))

        self.body = b.text("body", QPlainTextEdit(objectName="injectBody"))
        self.body.setTabChangesFocus(True)
        self.preview = QTextBrowser(objectName="injectPreview")
        self.preview.setOpenLinks(False)
        self.body.textChanged.connect(self._update_preview)
        body_row = QHBoxLayout()
        body_row.addWidget(self.body, 1)
        body_row.addWidget(self.preview, 1)
        self.body.setMinimumHeight(220)
        self.preview.setMinimumHeight(220)

        self.expected = RowsTable("injectExpected", [self.tr("Rôle"), self.tr("Action attendue"), self.tr("Délai"),
                                                     self.tr("Critère")])
        self.expected.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        b.custom("expected", self.expected, self._expected_value, self._show_expected, self.expected.edited)
        self.objectives = CheckList("injectObjectives")
        b.custom("objectives", self.objectives, self.objectives.checked, self._show_objectives,
                 self.objectives.edited)
        self.attachments = QListWidget(objectName="injectAttachments")
        self.attachments.setMaximumHeight(70)
        b.custom("attachments", self.attachments, self._attachments_value, self._show_attachments,
                 self.attachments.model().rowsRemoved)
        self.sets = RowsTable("injectSets", [self.tr("Indicateur"), self.tr("Nouvelle valeur")])
        self.sets.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        b.custom("sets", self.sets, self._sets_value, self._show_sets, self.sets.edited)
        self.contingency = b.combo("contingency_for", QComboBox(objectName="injectContingency", editable=True),
                                   optional=True)
        self.manual = b.check("manual", QCheckBox(self.tr("déclenché à la main uniquement"),
                                                  objectName="injectManual"), draft.is_manual)
        self.notes = b.text("notes", QPlainTextEdit(objectName="injectNotes"), optional=True)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)

        form.addRow(self.tr("Identifiant"), self.ident)
        form.addRow(self.tr("T+ (H:MM)"), at_row)
        form.addRow(self.tr("Titre"), self.title)
        form.addRow(self.tr("De"), self.sender)
        form.addRow(self.tr("À"), to_box)
        form.addRow(self.tr("Canal"), self.channel)
        form.addRow(self.tr("Message (Markdown)"), body_row)
        form.addRow(self.tr("Réponses attendues"), self._with_buttons(self.expected, self._add_expected))
        form.addRow(self.tr("Objectifs"), self.objectives)
        form.addRow(self.tr("Pièces jointes"), self._with_buttons(self.attachments, self.ask_attachment))
        form.addRow(self.tr("Indicateurs modifiés"), self._with_buttons(self.sets, self._add_set))
        form.addRow(self.tr("Secours de"), self.contingency)
        form.addRow(self.tr("Manuel"), self.manual)
        form.addRow(self.tr("Notes d'animation"), self.notes)
        self.setWidget(inner)
        self.editor.changed.connect(self._on_changed)
        self.set_row(None)

    def _with_buttons(self, table: QAbstractItemView, add) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table, 1)
        buttons = QVBoxLayout()
        plus = QPushButton(self.tr("Ajouter"), objectName=table.objectName() + "Add")
        minus = QPushButton(self.tr("Retirer"), objectName=table.objectName() + "Remove")
        plus.clicked.connect(add)
        minus.clicked.connect(lambda: self._remove_row(table))
        buttons.addWidget(plus)
        buttons.addWidget(minus)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    # -- which inject -------------------------------------------------------------

    def set_row(self, row: int | None) -> None:
        self.row = row
        self._refresh_choices()
        self.binder.set_base(("msel", row) if row is not None else None)
        self._update_scenario()
        self._update_preview()

    def inject(self) -> dict:
        return self.binder.record()

    def _refresh_choices(self) -> None:
        roles = [r for r in self.doc.roles if isinstance(r, dict)]
        sender = self.sender.currentText()
        self.sender.blockSignals(True)
        self.sender.clear()
        self.sender.addItems([str(r.get("id", "")) for r in roles if r.get("kind") == "simulated"]
                             + [str(r.get("id", "")) for r in roles if r.get("kind") != "simulated"])
        self.sender.setEditText(sender)
        self.sender.blockSignals(False)
        current = self.contingency.currentText()
        self.contingency.blockSignals(True)
        self.contingency.clear()
        self.contingency.addItems([""] + [str(i.get("id", "")) for i in self.doc.injects if isinstance(i, dict)])
        self.contingency.setEditText(current)
        self.contingency.blockSignals(False)

    def _on_changed(self, op: tuple) -> None:
        path = op[1]
        if path[0] in ("roles", "exercise") or (self.row is not None and tuple(path[:2]) == ("msel", self.row)):
            if path[0] != "msel":
                self.binder.load({"to", "objectives"})
            self._update_scenario()

    def _update_scenario(self) -> None:
        when = draft.scenario_time(draft.phases(self.doc.exercise), draft.offset(self.inject().get("at")))
        self.scenario.setText(self.tr("scénario : {when}").format(when=when.strftime("%d/%m/%Y %H:%M"))
                              if when else self.tr("scénario : —"))

    def _update_preview(self) -> None:
        document = QTextDocument()
        document.setMarkdown(self.body.toPlainText(), QTextDocument.MarkdownFeature.MarkdownNoHTML)
        self.preview.setDocument(document)
        self._preview_document = document

    # -- recipients --------------------------------------------------------------------

    def _to_value(self):
        return "all" if self.to_all.isChecked() else self.to_list.checked()

    def _show_to(self, value) -> None:
        roles = [r for r in self.doc.roles if isinstance(r, dict) and r.get("kind") != "simulated"]
        is_all = isinstance(value, str) and value.strip() == "all"
        self.to_all.blockSignals(True)
        self.to_all.setChecked(is_all)
        self.to_all.blockSignals(False)
        checked = draft.recipients({"to": value}, self.doc.roles)
        self.to_list.set_choices([(str(r.get("id")), str(r.get("name", ""))) for r in roles], checked)
        self.to_list.setEnabled(not is_all and self.row is not None)

    def _show_objectives(self, value) -> None:
        objectives = [o for o in self.doc.exercise.get("objectives") or [] if isinstance(o, dict)]
        self.objectives.set_choices([(str(o.get("id")), str(o.get("title", ""))) for o in objectives],
                                    [str(v) for v in value] if isinstance(value, list) else [])

    # -- expected responses, indicator changes, attachments ----------------------------

    def _expected_value(self):
        # Fields the table does not show are kept as they were (nothing typed is ever dropped).
        old = self.inject().get("expected")
        old = old if isinstance(old, list) else []
        value = []
        for index, (role, action, within, criterion) in enumerate(self.expected.rows()):
            item = dict(old[index]) if index < len(old) and isinstance(old[index], dict) else {}
            item.update({"role": role.strip(), "action": action, "within": within.strip()})
            if criterion.strip():
                item["criterion"] = criterion.strip()
            else:
                item.pop("criterion", None)
            value.append(item)
        return value

    def _show_expected(self, value) -> None:
        rows = []
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict):
                rows.append([str(item.get(key, "")) for key in ("role", "action", "within", "criterion")])
        self.expected.set_rows(rows)

    def _add_expected(self) -> None:
        if self.row is None:
            return
        value = list(self.inject().get("expected") or [])
        recipients = draft.recipients(self.inject(), self.doc.roles)
        value.append({"role": recipients[0] if recipients else "", "action": "", "within": "0:10"})
        self.editor.set(("msel", self.row, "expected"), value, self.tr("Ajouter une réponse attendue"), merge=False)
        self.expected.setCurrentCell(len(value) - 1, 1)

    def _sets_value(self):
        return {k.strip(): v for k, v in self.sets.rows() if k.strip()}

    def _show_sets(self, value) -> None:
        self.sets.set_rows([[str(k), str(v)] for k, v in value.items()] if isinstance(value, dict) else [])

    def _add_set(self) -> None:
        if self.row is None:
            return
        value = dict(self.inject().get("sets") or {})
        for indicator in self.doc.exercise.get("indicators") or []:
            if isinstance(indicator, dict) and indicator.get("id") not in value:
                value[indicator["id"]] = str(indicator.get("initial", ""))
                break
        else:
            return
        self.editor.set(("msel", self.row, "sets"), value, self.tr("Modifier un indicateur"), merge=False)

    def _attachments_value(self):
        return [self.attachments.item(i).text() for i in range(self.attachments.count())]

    def _show_attachments(self, value) -> None:
        self.attachments.blockSignals(True)
        self.attachments.model().blockSignals(True)
        self.attachments.clear()
        self.attachments.addItems([str(v) for v in value] if isinstance(value, list) else [])
        self.attachments.model().blockSignals(False)
        self.attachments.blockSignals(False)
        self.attachments.reset()

    def ask_attachment(self) -> None:
        if self.row is None:
            return
        dialog = QFileDialog(self, self.tr("Joindre un fichier"))
        dialog.setObjectName("attachmentDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.attach(Path(path)))
        dialog.open()
        self._dialog = dialog

    def attach(self, source: Path) -> str:
        """Copy ``source`` into the package's media/ folder (a new name if taken) and list it;
        undoing takes the copy back out."""
        from crisisdesk.package.attachments import MediaCopy, copy_into_media

        relative, copied = copy_into_media(self.doc.root, source)
        value = list(self.inject().get("attachments") or [])
        if relative not in value:
            value.append(relative)
            self.editor.attach(("msel", self.row, "attachments"), value, relative,
                               MediaCopy(copied) if copied is not None else None, self.tr("Joindre un fichier"))
        return relative

    def _remove_row(self, table: QAbstractItemView) -> None:
        if self.row is None:
            return
        current = table.currentRow() if hasattr(table, "currentRow") else -1
        key = {"injectExpected": "expected", "injectSets": "sets", "injectAttachments": "attachments"}[
            table.objectName()]
        value = self.inject().get(key)
        if current < 0 or not value:
            return
        if isinstance(value, dict):
            value = {k: v for i, (k, v) in enumerate(value.items()) if i != current}
        else:
            value = [v for i, v in enumerate(value) if i != current]
        self.editor.set(("msel", self.row, key), value if value else MISSING, self.tr("Retirer"), merge=False)
