"""GUI: *Fichier → Nouvel exercice…* — the short form that creates an empty, runnable package."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.package.document import PackageDocument, create_package, slugify
from ui.labels import error_text


class NewExerciseDialog(QDialog):
    """GUI: title, language, STARTEX, scenario start, duration and where to put the package."""

    created = Signal(object)  # the PackageDocument

    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newExerciseDialog")
        self.setWindowTitle(self.tr("Nouvel exercice"))
        self.title = QLineEdit(objectName="newTitle")
        self.title.setPlaceholderText(self.tr("Canicule 2032 — exercice de la cellule de crise"))
        self.language = QComboBox(objectName="newLanguage")
        self.language.addItem(self.tr("français"), "fr")
        self.language.addItem(self.tr("anglais"), "en")
        tomorrow = QDateTime.currentDateTime().addDays(1)
        tomorrow.setTime(QTime(9, 0))
        self.startex = QDateTimeEdit(tomorrow, objectName="newStartex")
        self.startex.setCalendarPopup(True)
        self.startex.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.scenario = QDateTimeEdit(tomorrow, objectName="newScenario")
        self.scenario.setCalendarPopup(True)
        self.scenario.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.duration = QTimeEdit(QTime(3, 0), objectName="newDuration")
        self.duration.setDisplayFormat("H:mm")
        self.duration.setMinimumTime(QTime(0, 5))
        self.folder = QLineEdit(str(folder), objectName="newFolder")
        browse = QPushButton(self.tr("Choisir…"), objectName="newFolderBrowse")
        browse.clicked.connect(self._ask_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.target = QLabel(objectName="newTarget")
        self.error = QLabel(objectName="newError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000; font-weight: 600;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Titre"), self.title)
        form.addRow(self.tr("Langue du contenu"), self.language)
        form.addRow(self.tr("STARTEX prévu (date, heure)"), self.startex)
        form.addRow(self.tr("Début du scénario (date, heure)"), self.scenario)
        form.addRow(self.tr("Durée de jeu (H:MM)"), self.duration)
        form.addRow(self.tr("Dans le dossier"), folder_row)
        form.addRow("", self.target)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Créer"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.title.textChanged.connect(self._update_target)
        self.folder.textChanged.connect(self._update_target)
        self._update_target()
        self.resize(620, 320)

    def package_folder(self) -> Path:
        return Path(self.folder.text().strip() or ".") / slugify(self.title.text())

    def _update_target(self) -> None:
        self.target.setText(self.tr("Le paquet sera créé dans : {path}").format(path=self.package_folder()))
        self.ok_button.setEnabled(bool(self.title.text().strip()))

    def _ask_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Dossier où créer l'exercice"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(self.folder.text())
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()
        self._dialog = dialog

    def create(self) -> PackageDocument | None:
        time = self.duration.time()
        duration = time.hour() * 3600 + time.minute() * 60
        try:
            doc = create_package(
                self.package_folder(),
                title=self.title.text().strip(),
                language=self.language.currentData(),
                scenario_start=_to_datetime(self.scenario.dateTime()),
                duration=duration,
                startex=_to_datetime(self.startex.dateTime()),
            )
        except FileExistsError:
            self._show_error(self.tr("Le dossier {path} existe déjà et n'est pas vide : changez le titre ou le "
                                     "dossier.").format(path=self.package_folder()))
            return None
        except OSError as error:
            self._show_error(self.tr("Création impossible : {details}").format(details=error_text(error)))
            return None
        self.created.emit(doc)
        self.accept()
        return doc

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def _to_datetime(value: QDateTime) -> datetime:
    date, time = value.date(), value.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute()) + timedelta(0)
