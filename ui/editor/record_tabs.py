"""GUI: the exercise tab (frame, phases, indicators, objectives) and the roles tab (role cards)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.package.model import LANGUAGES, ROLE_KINDS, ReadinessSettings
from crisisdesk.timefmt import format_offset
from ui.editor.fields import FormBinder, OptionalMappingBinder
from ui.editor.models import RecordListModel
from ui.editor.undo import EditorDocument
from ui.labels import role_kind_label


class RecordTable(QWidget):
    """GUI: a table of records with Ajouter / Supprimer buttons."""

    def __init__(self, name: str, model: RecordListModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.view = QTableView(objectName=name)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("Ajouter"), objectName=name + "Add")
        remove = QPushButton(self.tr("Supprimer"), objectName=name + "Remove")
        add.clicked.connect(self.add)
        remove.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def select(self, row: int, column: int = 0) -> None:
        index = self.model.index(row, column)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)

    def add(self) -> None:
        row = self.model.add(self.current_row())
        self.select(row)
        self.view.edit(self.model.index(row, 0))

    def remove(self) -> None:
        row = self.current_row()
        if row is not None:
            self.model.remove(row)


class ExerciseTab(QWidget):
    """GUI: the exercise frame: title, summary, duration, phases, indicators, objectives and criteria."""

    def __init__(self, editor: EditorDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("exerciseTab")
        self.editor = editor
        b = self.binder = FormBinder(editor, self)
        self.ident = b.line("id", QLineEdit(objectName="exerciseId"))
        self.title = b.line("title", QLineEdit(objectName="exerciseTitle"))
        self.language = b.choice("language", QComboBox(objectName="exerciseLanguage"),
                                 [(code, code) for code in LANGUAGES])
        self.duration = b.line("duration", QLineEdit(objectName="exerciseDuration"))
        self.duration.setPlaceholderText("H:MM")
        self.summary = b.text("summary", QPlainTextEdit(objectName="exerciseSummary"))
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(120)
        form = QFormLayout()
        form.addRow(self.tr("Titre"), self.title)
        row = QHBoxLayout()
        row.addWidget(self.ident, 2)
        row.addWidget(self.language, 1)
        row.addWidget(self.duration, 1)
        form.addRow(self.tr("Identifiant · langue · durée"), row)
        form.addRow(self.tr("Description"), self.summary)

        self.phases = RecordTable("exercisePhases", RecordListModel(editor, ("exercise", "phases"), [
            ("at", self.tr("Début (T+)")), ("title", self.tr("Titre")),
            ("scenario_time", self.tr("Heure scénario au début")), ("scale", self.tr("Échelle"))],
            {"at": "0:00", "title": self.tr("Nouvelle phase"), "scenario_time": "2032-01-01T08:00:00"}))
        self.indicators = RecordTable("exerciseIndicators", RecordListModel(editor, ("exercise", "indicators"), [
            ("id", self.tr("Identifiant")), ("label", self.tr("Libellé")), ("unit", self.tr("Unité")),
            ("initial", self.tr("Valeur initiale"))], {"id": "indicateur", "label": self.tr("Nouvel indicateur"),
                                                        "initial": "0"}))
        self.objectives = RecordTable("exerciseObjectives", RecordListModel(editor, ("exercise", "objectives"), [
            ("id", self.tr("Identifiant")), ("title", self.tr("Objectif"))],
            {"id": "O", "title": self.tr("Nouvel objectif"), "criteria": []}))
        self.criteria_binder = FormBinder(editor, self)
        self.criteria = self.criteria_binder.lines("criteria", QPlainTextEdit(objectName="objectiveCriteria"),
                                                   optional=False)
        self.criteria.setPlaceholderText(self.tr("Un critère par ligne"))
        self.criteria.setTabChangesFocus(True)
        self.objectives.view.selectionModel().currentRowChanged.connect(self._objective_selected)

        objectives_box = QGroupBox(self.tr("Objectifs et critères d'évaluation"))
        objectives_layout = QVBoxLayout(objectives_box)
        objectives_split = QSplitter(Qt.Orientation.Vertical)
        objectives_split.addWidget(self.objectives)
        objectives_split.addWidget(self.criteria)
        objectives_layout.addWidget(objectives_split)
        phases_box = QGroupBox(self.tr("Phases (horloge du scénario)"))
        QVBoxLayout(phases_box).addWidget(self.phases)
        indicators_box = QGroupBox(self.tr("Indicateurs de situation"))
        QVBoxLayout(indicators_box).addWidget(self.indicators)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(phases_box)
        left.addWidget(indicators_box)
        left.addWidget(self._readiness_box(editor))
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.addWidget(left)
        columns.addWidget(objectives_box)
        columns.setStretchFactor(0, 3)
        columns.setStretchFactor(1, 2)
        self.summary.setMaximumHeight(80)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(columns, 1)
        b.set_base(("exercise",))
        self.criteria_binder.set_base(None)

    def _readiness_box(self, editor: EditorDocument) -> QGroupBox:
        """The thresholds of the readiness check (``readiness:``); an empty field keeps the check's
        default, shown greyed in it."""
        defaults = ReadinessSettings()
        b = self.readiness_binder = OptionalMappingBinder(editor, self)
        box = QGroupBox(self.tr("Seuils de la vérification de préparation (vide : valeur par défaut)"))
        box.setObjectName("exerciseReadiness")
        grid = QGridLayout(box)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(3)
        fields = [
            ("window", self.tr("Fenêtre de charge"), format_offset(defaults.window, with_seconds=False)),
            ("max_responses_due", self.tr("Réponses attendues max. par fenêtre"), str(defaults.max_responses_due)),
            ("max_injects_received", self.tr("Injects reçus max. par fenêtre"), str(defaults.max_injects_received)),
            ("max_dead_time", self.tr("Temps mort max."), format_offset(defaults.max_dead_time, with_seconds=False)),
            ("max_quiet", self.tr("Silence max. (aucun inject)"), format_offset(defaults.max_quiet,
                                                                                with_seconds=False)),
            ("min_injects_per_objective", self.tr("Injects min. par objectif"),
             str(defaults.min_injects_per_objective)),
        ]
        self.readiness_fields: dict[str, QLineEdit] = {}
        for index, (key, label, default) in enumerate(fields):
            edit = b.line(key, QLineEdit(objectName="readiness_" + key))
            edit.setPlaceholderText(default)
            edit.setMaximumWidth(70)
            edit.setToolTip(self.tr("Par défaut : {value}").format(value=default))
            self.readiness_fields[key] = edit
            row, column = divmod(index, 2)
            grid.addWidget(QLabel(label), row, column * 2, Qt.AlignmentFlag.AlignRight if column else
                           Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(edit, row, column * 2 + 1)
        briefings = QLineEdit(objectName="readiness_briefings")
        briefings.setPlaceholderText(self.tr("reconnus par leur titre (« Point de situation… »)"))

        def read_briefings() -> list[str]:
            return [part for part in briefings.text().replace(",", " ").split() if part]

        def show_briefings(value) -> None:
            items = [str(v) for v in value] if isinstance(value, list) else []
            if read_briefings() != items:
                briefings.setText(", ".join(items))

        b.custom("briefings", briefings, read_briefings, show_briefings, briefings.textEdited)
        self.readiness_fields["briefings"] = briefings
        grid.addWidget(QLabel(self.tr("Points de situation (n° d'injects)")), 3, 0)
        grid.addWidget(briefings, 3, 1, 1, 4)
        grid.setColumnMinimumWidth(2, 0)
        grid.setColumnStretch(4, 1)  # the fields next to their labels, the room after them
        b.set_base(("exercise", "readiness"))
        return box

    def _objective_selected(self, current, _previous=None) -> None:
        self.criteria_binder.set_base(("exercise", "objectives", current.row()) if current.isValid() else None)

    def select_path(self, path: tuple) -> None:
        """Show the field at ``path`` (("exercise", key, ...))."""
        if len(path) < 2:
            self.title.setFocus()
            return
        key = path[1]
        if key == "readiness":
            field = self.readiness_fields.get(path[2]) if len(path) > 2 else None
            (field or self.readiness_fields["window"]).setFocus()
            return
        tables = {"phases": self.phases, "indicators": self.indicators, "objectives": self.objectives}
        if key in tables and len(path) >= 3 and isinstance(path[2], int):
            table = tables[key]
            columns = [c for c, _ in table.model.columns]
            column = columns.index(path[3]) if len(path) > 3 and path[3] in columns else 0
            table.select(path[2], column)
            if key == "objectives" and len(path) > 3 and path[3] == "criteria":
                self.criteria.setFocus()
            else:
                table.view.setFocus()
        elif key in tables:
            tables[key].view.setFocus()
        else:
            self.binder.focus(key)


class RolesTab(QWidget):
    """GUI: the role cards: a list and the card of the selected role."""

    def __init__(self, editor: EditorDocument, parent=None):
        super().__init__(parent)
        self.setObjectName("rolesTab")
        self.editor = editor
        self.table = RecordTable("rolesTable", RecordListModel(editor, ("roles",), [
            ("id", self.tr("Code")), ("kind", self.tr("Type")), ("name", self.tr("Nom"))],
            {"id": "NOUVEAU", "name": self.tr("Nouveau rôle"), "kind": "directorate", "mission": "",
             "decisions": [], "resources": []}))
        b = self.binder = FormBinder(editor, self)
        self.ident = b.line("id", QLineEdit(objectName="roleId"))
        self.name = b.line("name", QLineEdit(objectName="roleName"))
        self.kind = b.choice("kind", QComboBox(objectName="roleKind"),
                             [(k, f"{role_kind_label(k)} ({k})") for k in ROLE_KINDS])
        self.mission = b.text("mission", QPlainTextEdit(objectName="roleMission"))
        self.decisions = b.lines("decisions", QPlainTextEdit(objectName="roleDecisions"))
        self.resources = b.lines("resources", QPlainTextEdit(objectName="roleResources"))
        self.contacts = b.lines("contacts", QPlainTextEdit(objectName="roleContacts"))
        for widget in (self.mission, self.decisions, self.resources, self.contacts):
            widget.setTabChangesFocus(True)
        self.color = b.line("color", QLineEdit(objectName="roleColor"), optional=True)
        self.color.setPlaceholderText("#1f4e79")
        pick = QPushButton(self.tr("Choisir…"), objectName="roleColorPick")
        pick.clicked.connect(self._pick_color)
        color_row = QHBoxLayout()
        color_row.addWidget(self.color, 1)
        color_row.addWidget(pick)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.ident)
        form.addRow(self.tr("Nom"), self.name)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Mission"), self.mission)
        form.addRow(self.tr("Décisions (une par ligne)"), self.decisions)
        form.addRow(self.tr("Moyens (un par ligne)"), self.resources)
        form.addRow(self.tr("Contacts (un par ligne)"), self.contacts)
        form.addRow(self.tr("Couleur"), color_row)
        card = QWidget()
        card.setLayout(form)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(card)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 900])
        QVBoxLayout(self).addWidget(splitter)
        self.table.view.selectionModel().currentRowChanged.connect(
            lambda current, _prev: b.set_base(("roles", current.row()) if current.isValid() else None))
        b.set_base(None)
        if self.table.model.rowCount():
            self.table.select(0)

    def _pick_color(self) -> None:
        if self.binder.base is None:
            return
        dialog = QColorDialog(QColor(self.color.text() or "#1f4e79"), self)
        dialog.setObjectName("roleColorDialog")
        dialog.colorSelected.connect(lambda c: self.editor.set((*self.binder.base, "color"), c.name(), merge=False))
        dialog.open()
        self._dialog = dialog

    def select_path(self, path: tuple) -> None:
        if len(path) >= 2 and isinstance(path[1], int):
            self.table.select(path[1])
            if not (len(path) > 2 and self.binder.focus(path[2])):
                self.ident.setFocus()
