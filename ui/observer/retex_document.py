"""GUI: the RETEX document's own fields: cover, synthesis, participants, evaluation of the exercise.

What the RETEX team writes here goes to the session file (``Session.set_retex``, only
the fields changed, credited to the one who saved) and into the report: the cover
(author, version, status), the one-page synthesis, the presentation and annex I. The
synthesis can start from a draft made from the ratings, findings and plan
(``crisisdesk/report/synthesis_draft.py``), filling only the fields still empty.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crisisdesk import vocabulary
from crisisdesk.session import SessionError
from crisisdesk.timefmt import clock_text, exercise_timezone
from ui import labels
from ui.errors import report_unexpected
from ui.observer.action_ids import ActionIds

_LONG = ("context", "strengths", "improvements", "recommendations", "decisions", "participants", "observers",
         "animation_team", "evaluation")
_DRAFTED = ("context", "strengths", "improvements", "recommendations")


class RetexDocumentWidget(QWidget):
    """GUI: the fields of the RETEX document, saved together, drafted on demand."""

    saved = Signal()

    def __init__(self, session, parent: QWidget | None = None, *, observer_name: str | None = None):
        super().__init__(parent)
        self.setObjectName("retexDocument")
        self._session = session
        self._observer = observer_name
        self._ids = ActionIds()
        self._stored: dict[str, str] = {}
        self.author = QLineEdit(objectName="retexAuthor")
        self.version = QLineEdit(objectName="retexVersion")
        self.version.setPlaceholderText("0.1")
        self.version.setMaximumWidth(90)
        self.status = QComboBox(objectName="retexStatus")
        for status in vocabulary.RETEX_STATUSES:
            self.status.addItem(labels.retex_status_label(status), status)
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        hints = {
            "context": self.tr("Le contexte en trois lignes"),
            "strengths": self.tr("Les trois principaux points forts, un par ligne"),
            "improvements": self.tr("Les trois principaux axes d'amélioration, un par ligne"),
            "recommendations": self.tr("Les recommandations clés, une par ligne"),
            "decisions": self.tr("Les décisions attendues de la direction, une par ligne"),
            "participants": self.tr("Directions et partenaires présents (par défaut : les rôles joués)"),
            "observers": self.tr("Observateurs (par défaut : ceux de la main courante)"),
            "animation_team": self.tr("Équipe d'animation"),
            "evaluation": self.tr("Ce que les joueurs et les observateurs disent de l'exercice lui-même"),
        }
        self.fields: dict[str, QPlainTextEdit] = {}
        for key in _LONG:
            box = QPlainTextEdit(objectName=f"retex_{key}")
            box.setTabChangesFocus(True)
            box.setPlaceholderText(hints[key])
            box.setFixedHeight(box.fontMetrics().height() * (2 if key == "context" else 3) + 14)
            box.textChanged.connect(self._edited)
            self.fields[key] = box
        for edit in (self.author, self.version):
            edit.textChanged.connect(self._edited)
        self.status.currentIndexChanged.connect(self._edited)

        cover = QHBoxLayout()
        cover.addWidget(QLabel(self.tr("Rédaction")))
        cover.addWidget(self.author, 1)
        cover.addWidget(QLabel(self.tr("Version")))
        cover.addWidget(self.version)
        cover.addWidget(QLabel(self.tr("Statut")))
        cover.addWidget(self.status)
        form = QFormLayout()
        titles = {
            "context": self.tr("Contexte"), "strengths": self.tr("Points forts"),
            "improvements": self.tr("Axes d'amélioration"), "recommendations": self.tr("Recommandations"),
            "decisions": self.tr("Décisions attendues"), "participants": self.tr("Participants"),
            "observers": self.tr("Observateurs"), "animation_team": self.tr("Animation"),
            "evaluation": self.tr("Évaluation de l'exercice"),
        }
        for key in _LONG:
            form.addRow(titles[key], self.fields[key])
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 14, 0)  # clear of the scroll bar
        body_layout.addLayout(cover)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.draft_button = QPushButton(self.tr("Proposer un brouillon de synthèse"), objectName="retexDraft")
        self.draft_button.setToolTip(self.tr("Remplit les rubriques vides à partir des notes, des constats et du plan d'actions"))
        self.draft_button.clicked.connect(self.fill_draft)
        self.export_button = QPushButton(self.tr("Exporter le plan d'actions…"), objectName="retexExportPlan")
        self.export_button.setToolTip(self.tr("Enregistre le plan d'actions en classeur (XLSX) ou en CSV pour son suivi"))
        self.export_button.clicked.connect(self.choose_plan_file)
        self.save_button = QPushButton(self.tr("Enregistrer le document"), objectName="retexSave")
        self.save_button.clicked.connect(self.save)
        self.recorded = QLabel(objectName="retexRecorded")
        self.recorded.setStyleSheet("QLabel { color: #6b6f76; }")
        self.recorded.setMinimumWidth(60)  # a long exported path is cut, not the screen widened (full in the tooltip)
        self.unsaved = QLabel(self.tr("● modifications non enregistrées"), objectName="retexUnsaved")
        self.unsaved.setStyleSheet("QLabel { color: #b26a00; font-weight: bold; }")
        self.error = QLabel(objectName="retexError")
        self.error.setStyleSheet("QLabel { background: #fde7e6; color: #b3261e; padding: 4px 8px; }")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        footer = QHBoxLayout()
        footer.addWidget(self.draft_button)
        footer.addWidget(self.recorded)
        footer.addWidget(self.unsaved)
        footer.addStretch(1)
        footer.addWidget(self.export_button)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)
        self.refresh()

    def set_observer(self, name: str | None) -> None:
        self._observer = name

    # -- state ---------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        values = {key: box.toPlainText().strip() for key, box in self.fields.items()}
        values.update(author=self.author.text().strip(), version=self.version.text().strip(),
                      status=self.status.currentData() or "")
        return values

    def changed(self) -> dict[str, str]:
        return {k: v for k, v in self.values().items() if v != self._stored.get(k, "")}

    def refresh(self) -> None:
        """Show what the session holds; fields being edited keep their text."""
        doc = self._session.state.retex
        stored = {key: getattr(doc, key) for key in (*_LONG, "author", "version", "status")}
        stored["status"] = stored["status"] or vocabulary.RetexStatus.DRAFT.value
        dirty = self.changed() if self._stored else {}
        for key, box in self.fields.items():
            if key not in dirty and box.toPlainText().strip() != stored[key]:
                box.blockSignals(True)
                box.setPlainText(stored[key])
                box.blockSignals(False)
        for key, edit in (("author", self.author), ("version", self.version)):
            if key not in dirty and edit.text().strip() != stored[key]:
                edit.blockSignals(True)
                edit.setText(stored[key])
                edit.blockSignals(False)
        if "status" not in dirty:
            self.status.blockSignals(True)
            self.status.setCurrentIndex(max(0, self.status.findData(stored["status"])))
            self.status.blockSignals(False)
        self._stored = stored
        self.recorded.setToolTip("")
        if doc.updated_at:
            self.recorded.setText(self.tr("Enregistré par {who} à {time}").format(
                who=doc.updated_by or "—", time=clock_text(doc.updated_at, exercise_timezone(self._session.package.exercise), seconds=False)))
        else:
            self.recorded.setText(self.tr("Rien d'enregistré encore"))
        self._edited()

    def _edited(self) -> None:
        dirty = bool(self.changed()) if self._stored else False
        self.unsaved.setVisible(dirty)
        self.save_button.setEnabled(dirty)

    # -- actions -------------------------------------------------------------------------------

    def fill_draft(self) -> int:
        """Fill the empty synthesis fields from the evidence; return how many were filled (not saved yet)."""
        from crisisdesk.report import build_figures
        from crisisdesk.report.synthesis_draft import draft_synthesis

        draft = draft_synthesis(build_figures(self._session), labels.ui_language())
        filled = 0
        for key in _DRAFTED:
            box = self.fields[key]
            if not box.toPlainText().strip() and draft.get(key):
                box.setPlainText(draft[key])
                filled += 1
        return filled

    def choose_plan_file(self) -> None:
        """Ask where to export the plan d'actions (XLSX or CSV), then write it."""
        location = self._session.location
        folder = location.file.parent if not location.on_server else Path.home()
        default = str(folder / f"{self._session.package.exercise.id}-plan-actions.xlsx")
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("Exporter le plan d'actions"), default,
                                                   self.tr("Classeur Excel (*.xlsx);;CSV (*.csv)"))
        if name:
            path = Path(name)
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
            self.export_plan(path)

    def export_plan(self, path: Path) -> bool:
        """Write the plan d'actions as it stands to ``path`` (.xlsx or .csv); say where, or why not."""
        from crisisdesk.report import build_figures
        from crisisdesk.report.plan_export import write_plan

        try:
            write_plan(build_figures(self._session), labels.ui_language(), path)
        except OSError as exc:
            self.error.setText(self.tr("Plan d'actions non exporté : « {path} » n'a pas pu être écrit ({why}).").format(
                path=path, why=exc.strerror or exc))
            self.error.setVisible(True)
            return False
        except Exception as exc:  # a bug: reported; nothing of the session is touched
            report_unexpected(exc)
            return False
        self.error.setVisible(False)
        self.recorded.setText(self.tr("Plan d'actions exporté : {path}").format(path=path))
        self.recorded.setToolTip(str(path))
        return True

    def save(self) -> bool:
        changed = self.changed()
        if not changed:
            return True
        slot = tuple(sorted(changed.items()))
        event_id = self._ids.for_action("retex", slot)
        try:
            self._session.set_retex(changed, observer=self._observer, event_id=event_id)
        except SessionError as exc:
            message = labels.error_text(exc)
        except Exception as exc:  # a bug: reported; the text stays in the fields
            report_unexpected(exc)
            message = self.tr("Non enregistré : erreur inattendue (détails dans la fenêtre d'erreur). "
                              "Votre saisie est restée à l'écran.")
        else:
            self._ids.saved("retex", event_id)
            self.error.setVisible(False)
            self._stored = {}
            self.refresh()
            self.saved.emit()
            return True
        self.error.setText(message)
        self.error.setVisible(True)
        return False
