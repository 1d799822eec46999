"""GUI: the chronogramme import screen — preview, guessed column meanings, injects to be made, save.

A thin layer over ``crisisdesk.msel``: every change (sheet, header row, a column's
meaning, how to read times, STARTEX) rebuilds the import with the core and shows
its result; *Enregistrer* writes the package atomically with the mapping beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.msel.build import (
    ImportOptions,
    ImportResult,
    build_import,
    cell_text,
    guess_mapping,
)
from crisisdesk.msel.columns import MEANINGS, UNMAPPED, find_header_row
from crisisdesk.msel.mapping import MAPPING_FILE, Mapping, MappingError, columns_from, load_mapping
from crisisdesk.msel.output import OutputError, write_imported_package
from crisisdesk.msel.sheets import Workbook, column_letter
from crisisdesk.msel.times import AS_CLOCK, AS_OFFSET, AUTO
from crisisdesk.package.model import CHANNELS
from crisisdesk.timefmt import format_offset
from ui.labels import ui_language

PREVIEW_ROWS = 12


class MappingDialog(QDialog):
    """GUI: map the columns of one chronogramme and save it as a package folder."""

    package_saved = Signal(Path)

    def __init__(self, workbook: Workbook, target: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mselMappingDialog")
        self.book = workbook
        self.mapping = guess_mapping(workbook)
        self.result: ImportResult | None = None
        self._updating = False
        self.setWindowTitle(self.tr("Importer un chronogramme — {name}").format(name=workbook.path.name))
        self.meaning_labels = self._meaning_labels()

        self.sheet_box = QComboBox(objectName="sheetBox")
        self.sheet_box.addItems(workbook.names)
        self.header_spin = QSpinBox(objectName="headerRowSpin")
        self.header_spin.setRange(0, 50)
        self.header_spin.setSpecialValueText(self.tr("aucune"))
        self.time_box = QComboBox(objectName="timeModeBox")
        for mode, text in ((AUTO, self.tr("deviner")), (AS_OFFSET, self.tr("délais depuis STARTEX (T+)")),
                           (AS_CLOCK, self.tr("heures de la journée"))):
            self.time_box.addItem(text, mode)
        self.start_check = QCheckBox(self.tr("STARTEX le"), objectName="startCheck")
        self.start_edit = QDateTimeEdit(objectName="startEdit")
        self.start_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setEnabled(False)
        self.start_edit.setDateTime(QDateTime(QDate.currentDate(), QTime(9, 0)))
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_check)
        start_row.addWidget(self.start_edit, 1)

        form = QFormLayout()
        form.addRow(self.tr("Feuille"), self.sheet_box)
        form.addRow(self.tr("Ligne d'en-tête"), self.header_spin)
        form.addRow(self.tr("Heures lues comme"), self.time_box)
        form.addRow(self.tr("Début"), start_row)
        top = QHBoxLayout()
        top.addLayout(form, 0)
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        top.addWidget(self.summary, 1)

        self.sheet_table = QTableWidget(objectName="sheetPreview")
        self.sheet_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sheet_table.setWordWrap(False)
        sheet_group = QGroupBox(self.tr("Feuille : premières lignes et sens de chaque colonne"))
        QVBoxLayout(sheet_group).addWidget(self.sheet_table)

        self.inject_table = QTableWidget(objectName="injectPreview")
        self.inject_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.inject_table.setColumnCount(6)
        self.inject_table.setHorizontalHeaderLabels([self.tr("N°"), self.tr("T+"), self.tr("De"), self.tr("À"),
                                                     self.tr("Canal"), self.tr("Titre")])
        self.inject_table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.inject_table.verticalHeader().hide()
        inject_group = QGroupBox(self.tr("Injects qui seront créés"))
        QVBoxLayout(inject_group).addWidget(self.inject_table)
        self.problem_list = QListWidget(objectName="problemList")
        self.problem_list.setWordWrap(True)
        problem_group = QGroupBox(self.tr("À vérifier"))
        problem_layout = QVBoxLayout(problem_group)
        # Channel words the core does not know: the user says which channel each one is.
        self.channel_group = QGroupBox(self.tr("Canaux inconnus : lequel est-ce ?"), objectName="unknownChannels")
        self.channel_form = QFormLayout(self.channel_group)
        self.channel_group.hide()
        problem_layout.addWidget(self.channel_group)
        problem_layout.addWidget(self.problem_list)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(inject_group)
        lower.addWidget(problem_group)
        lower.setSizes([700, 500])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(sheet_group)
        splitter.addWidget(lower)
        splitter.setSizes([300, 300])

        self.folder_edit = QLineEdit(objectName="packageFolder")
        default = target or workbook.path.with_suffix("")
        self.folder_edit.setText(str(default))
        browse = QPushButton(self.tr("Choisir…"), objectName="browseFolder")
        browse.clicked.connect(self._choose_folder)
        self.force_check = QCheckBox(self.tr("Remplacer le dossier s'il existe"), objectName="forceCheck")
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Dossier du paquet")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        folder_row.addWidget(self.force_check)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(objectName="saveStatus")
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(folder_row)
        layout.addLayout(bottom)

        self.sheet_box.currentIndexChanged.connect(self._sheet_changed)
        self.header_spin.valueChanged.connect(self._header_changed)
        self.time_box.currentIndexChanged.connect(self._options_changed)
        self.start_check.toggled.connect(self.start_edit.setEnabled)
        self.start_check.toggled.connect(self._options_changed)
        self.start_edit.dateTimeChanged.connect(self._options_changed)
        self.folder_edit.editingFinished.connect(self._reuse_stored_mapping)

        self._reuse_stored_mapping()
        self._show_mapping()

    # -- labels ---------------------------------------------------------------

    def _meaning_labels(self) -> dict[str, str]:
        return {
            "id": self.tr("N°"), "time": self.tr("Heure / T+"), "scenario": self.tr("Date et heure scénario"),
            "phase": self.tr("Phase"), "sender": self.tr("Émetteur"), "to": self.tr("Destinataires"),
            "channel": self.tr("Canal"), "title": self.tr("Titre"), "body": self.tr("Message"),
            "expected": self.tr("Réactions attendues"), "objectives": self.tr("Objectifs"),
            "notes": self.tr("Notes"), "manual": self.tr("Manuel"), "contingency_for": self.tr("Secours pour"),
            "attachments": self.tr("Pièces jointes"), "sets": self.tr("Indicateurs modifiés"),
            UNMAPPED: self.tr("(aucun : dans les notes)"), "drop": self.tr("(ignorer)"),
        }

    # -- state changes ---------------------------------------------------------

    def _sheet_changed(self) -> None:
        if self._updating:
            return
        self.mapping = guess_mapping(self.book, self.sheet_box.currentText())
        self._show_mapping()

    def _header_changed(self, value: int) -> None:
        if self._updating:
            return
        sheet = self.book.sheet(self.sheet_box.currentText())
        header_row = value - 1 if value > 0 else None
        headers = self._headers(sheet.rows, header_row)
        guessed = Mapping.guessed(headers, header_row, self.mapping.sheet)
        guessed.channels, guessed.start = self.mapping.channels, self.mapping.start
        self.mapping = guessed
        self._show_mapping()

    def _meaning_changed(self, column: int, box: QComboBox) -> None:
        if self._updating:
            return
        meanings = list(self.result.meanings) if self.result else []
        if column >= len(meanings):
            return
        meanings[column] = box.currentData()
        sheet = self.book.sheet(self.sheet_box.currentText())
        headers = self._headers(sheet.rows, self.mapping.header_row)
        self.mapping.columns = columns_from(headers, meanings, self.mapping.header_row)
        self.rebuild()

    def _options_changed(self) -> None:
        if self._updating:
            return
        self.mapping.time_mode = self.time_box.currentData()
        self.mapping.start = self.start_edit.dateTime().toPython() if self.start_check.isChecked() else None
        self.rebuild()

    def _reuse_stored_mapping(self) -> None:
        stored = Path(self.folder_edit.text().strip()) / MAPPING_FILE
        if not stored.is_file():
            return
        try:
            self.mapping = load_mapping(stored)
        except MappingError as error:
            self.status.setText(self.tr("Correspondance enregistrée illisible : {error}").format(error=error))
            return
        self.force_check.setChecked(True)
        self.status.setText(self.tr("Correspondance reprise de {file}.").format(file=stored))
        self._show_mapping()

    @staticmethod
    def _headers(rows: list[list[object]], header_row: int | None) -> list[object]:
        width = max((len(r) for r in rows), default=0)
        headers = list(rows[header_row]) if header_row is not None and header_row < len(rows) else [None] * width
        return headers + [None] * (width - len(headers))

    # -- display ----------------------------------------------------------------

    def _show_mapping(self) -> None:
        self._updating = True
        try:
            sheet_name = self.mapping.sheet or self.book.sheets[0].name
            if self.mapping.sheet is None:
                self.sheet_box.setCurrentIndex(self.book.names.index(guess_sheet(self.book)))
            elif sheet_name in self.book.names:
                self.sheet_box.setCurrentIndex(self.book.names.index(sheet_name))
            self.header_spin.setValue(0 if self.mapping.header_row is None else self.mapping.header_row + 1)
            self.time_box.setCurrentIndex(max(0, self.time_box.findData(self.mapping.time_mode)))
            self.start_check.setChecked(self.mapping.start is not None)
            if self.mapping.start is not None:
                self.start_edit.setDateTime(QDateTime(self.mapping.start))
        finally:
            self._updating = False
        if self.mapping.sheet is None:
            self.mapping.sheet = self.sheet_box.currentText()
        self.rebuild()

    def rebuild(self) -> None:
        """Run the import with the current mapping and show what it gives."""
        self.result = build_import(self.book, self.mapping, ImportOptions(
            package_id=self._package_id(), start=self.mapping.start, message_language=ui_language()))
        self._fill_sheet_table()
        self._fill_injects()
        self._fill_problems()

    def _package_id(self) -> str:
        from crisisdesk.msel.build import slug

        return slug(Path(self.folder_edit.text().strip() or "chronogramme").name)

    def _fill_sheet_table(self) -> None:
        result = self.result
        sheet = result.sheet or self.book.sheet(self.sheet_box.currentText())
        header_row = self.mapping.header_row
        first = 0 if header_row is None else header_row + 1
        rows = sheet.rows[first:first + PREVIEW_ROWS]
        width = max([len(r) for r in sheet.rows] + [len(result.meanings)], default=0)
        table = self.sheet_table
        self._updating = True
        table.clear()
        table.setColumnCount(width)
        table.setRowCount(len(rows) + 1)
        headers = self._headers(sheet.rows, header_row)
        table.setHorizontalHeaderLabels([
            f"{column_letter(i)} — {str(headers[i]).strip()[:30]}" if headers[i] not in (None, "") else column_letter(i)
            for i in range(width)])
        table.setVerticalHeaderLabels([self.tr("Sens")] + [str(first + n + 1) for n in range(len(rows))])
        for column in range(width):
            box = QComboBox()
            box.setObjectName(f"meaning_{column_letter(column)}")
            for key in MEANINGS:
                box.addItem(self.meaning_labels[key], key)
            meaning = result.meanings[column] if column < len(result.meanings) else UNMAPPED
            box.setCurrentIndex(box.findData(meaning))
            box.currentIndexChanged.connect(lambda _i, c=column, b=box: self._meaning_changed(c, b))
            table.setCellWidget(0, column, box)
            for r, row in enumerate(rows, start=1):
                value = row[column] if column < len(row) else None
                text = cell_text(value).replace("\n", " ⏎ ")
                item = QTableWidgetItem(text[:120])
                item.setToolTip(str(value)[:1000] if value is not None else "")
                table.setItem(r, column, item)
            table.setColumnWidth(column, 150)
        self._updating = False

    def _fill_injects(self) -> None:
        table = self.inject_table
        package = self.result.package if self.result else None
        injects = package.injects if package is not None else ()
        table.setRowCount(len(injects))
        channels = self._channel_labels()
        for r, inject in enumerate(injects):
            to = self.tr("Tous") if inject.to_all else ", ".join(inject.to)
            for c, text in enumerate((inject.id, format_offset(inject.at, with_seconds=False), inject.sender, to,
                                      channels.get(inject.channel, inject.channel), inject.title)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

    def _channel_labels(self) -> dict[str, str]:
        return {"phone": self.tr("Téléphone"), "email": self.tr("Courriel"), "radio": self.tr("Radio"),
                "news": self.tr("Presse / TV"), "social": self.tr("Réseaux sociaux"), "field": self.tr("Terrain"),
                "document": self.tr("Document"), "face": self.tr("En personne")}

    def _fill_unknown_channels(self) -> None:
        while self.channel_form.rowCount():
            # takeRow + deleteLater, not removeRow: the combo box whose choice triggered this
            # rebuild is still emitting its signal, and deleting it now would crash.
            taken = self.channel_form.takeRow(0)
            for item in (taken.labelItem, taken.fieldItem):
                if item is not None and item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        words = self.result.unknown_channels if self.result else []
        labels = self._channel_labels()
        for word in words:
            box = QComboBox()
            box.setObjectName(f"channelFor_{word}")
            box.addItem(self.tr("— choisir —"), None)
            for key in CHANNELS:
                box.addItem(labels[key], key)
            box.currentIndexChanged.connect(lambda _i, w=word, b=box: self._channel_chosen(w, b))
            self.channel_form.addRow(word, box)
        self.channel_group.setVisible(bool(words))

    def _channel_chosen(self, word: str, box: QComboBox) -> None:
        if box.currentData() is None:
            return
        self.mapping.channels[word] = box.currentData()
        self.rebuild()

    def _fill_problems(self) -> None:
        result = self.result
        self._fill_unknown_channels()
        self.problem_list.clear()
        for problem in result.problems:
            where = "!".join(p for p in (problem.sheet, problem.cell) if p)
            text = f"{where} : {problem.message}" if where else problem.message
            item = QListWidgetItem(("⚠ " if problem.warning else "✖ ") + text)
            self.problem_list.addItem(item)
        errors = len(result.errors)
        lines = list(result.summary)
        if errors:
            lines.insert(0, self.tr("{n} erreur(s) à corriger dans la feuille ou la correspondance.").format(n=errors))
        self.summary.setText("\n".join(f"• {line}" for line in lines[-8:]))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(result.ok)

    # -- saving -----------------------------------------------------------------

    def _choose_folder(self) -> None:
        folder = QFileDialog.getSaveFileName(self, self.tr("Dossier du paquet à créer"), self.folder_edit.text())[0]
        if folder:
            self.folder_edit.setText(folder)
            self._reuse_stored_mapping()

    def save(self) -> None:
        """Write the package (atomically) and the mapping; close on success."""
        if self.result is None or not self.result.ok:
            return
        folder = Path(self.folder_edit.text().strip())
        if not folder.name:
            self.status.setText(self.tr("Donnez le dossier du paquet à créer."))
            return
        self.result = build_import(self.book, self.mapping, ImportOptions(
            package_id=self._package_id(), start=self.mapping.start, message_language=ui_language()))
        try:
            write_imported_package(self.result.package, folder, mapping=self.mapping,
                                   attachments=self.result.attachments, force=self.force_check.isChecked())
        except OutputError as error:
            self.status.setText(self.tr("Paquet non enregistré : {error}").format(error=error.text(ui_language())))
            return
        self.status.setText(self.tr("Paquet enregistré dans {folder}.").format(folder=folder))
        self.package_saved.emit(folder)
        self.accept()


def guess_sheet(book: Workbook) -> str:
    """The sheet the import reads by default: the first that is not a crisisdesk side sheet."""
    from crisisdesk.msel.layout import side_sheet_kind

    for sheet in book.sheets:
        if side_sheet_kind(sheet.name) is None and find_header_row(sheet.rows) is not None:
            return sheet.name
    return book.sheets[0].name
