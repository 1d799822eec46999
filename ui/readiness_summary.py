"""GUI: the readiness check's summary for a package ("3 alertes de préparation"), details on demand.

Thin: the measures come from crisisdesk.readiness; this widget only words each
structured finding in the interface language and lists them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.readiness import Finding, ReadinessReport
from crisisdesk.readiness.check import hm


class ReadinessSummary(QWidget):
    """GUI: one line counting the alerts of the readiness check, and the list behind a button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessSummary")
        self.headline = QLabel(objectName="readinessHeadline")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        self.details_button = QPushButton(self.tr("Détails…"), objectName="readinessDetails")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle)
        self.list = QListWidget(objectName="readinessList")
        self.list.setAccessibleName(self.tr("Alertes de préparation"))
        self.list.setWordWrap(True)
        self.list.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.headline, 1)
        row.addWidget(self.details_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.list.setStyleSheet("font-size: 10pt;")
        self.report: ReadinessReport | None = None
        self._fit(False)
        self.hide()

    def show_report(self, report: ReadinessReport | None) -> None:
        """Show ``report`` (None hides the summary: no package, or an invalid one)."""
        self.report = report
        self.list.clear()
        if report is None:
            self.hide()
            return
        alerts = len(report.alerts)
        notes = len(report.findings) - alerts
        if alerts == 0:
            text = self.tr("Préparation : aucune alerte")
        elif alerts == 1:
            text = self.tr("1 alerte de préparation")
        else:
            text = self.tr("{count} alertes de préparation").format(count=alerts)
        if notes:
            text += " · " + (self.tr("1 remarque") if notes == 1 else self.tr("{count} remarques").format(count=notes))
        self.headline.setText(text)
        self.headline.setProperty("alert", alerts > 0)
        self.headline.setStyleSheet(
            "font-size: 11pt; font-weight: 700; color: %s;" % ("#a4481c" if alerts else "#1d7a3a"))
        for finding in report.alerts + tuple(f for f in report.findings if not f.is_alert):
            item = QListWidgetItem(("⚠ " if finding.is_alert else "· ") + self.describe(finding))
            item.setToolTip(f"{finding.file}:{finding.line}" if finding.line else finding.file)
            item.setData(Qt.ItemDataRole.UserRole, finding.kind)
            if not finding.is_alert:
                item.setForeground(QBrush(QColor("#5a6672")))
            self.list.addItem(item)
        self.details_button.setVisible(bool(report.findings))
        self.show()

    def _fit(self, expanded: bool) -> None:
        # Folded, the summary keeps to its line; unfolded, the list takes the room there is.
        vertical = QSizePolicy.Policy.Expanding if expanded else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)

    def _toggle(self, shown: bool) -> None:
        self._fit(shown)
        self.list.setVisible(shown)
        self.details_button.setText(self.tr("Masquer") if shown else self.tr("Détails…"))

    def describe(self, finding: Finding) -> str:
        """The finding in the interface language, from its structured fields."""
        values = {
            "role": finding.role or "", "inject": finding.inject or "", "objective": finding.objective or "",
            "detail": finding.detail or "", "value": finding.value if finding.value is not None else "",
            "limit": finding.limit if finding.limit is not None else "",
            "start": hm(finding.start) if finding.start is not None else "",
            "end": hm(finding.end) if finding.end is not None else "",
        }
        if finding.kind in ("dead_time", "long_quiet", "early_end") and finding.value is not None:
            values["value"] = hm(finding.value)
        if finding.kind == "crosses_boundary" and finding.limit is not None:
            values["limit"] = hm(finding.limit)
            values["boundary"] = self._boundary(finding.limit)
        texts = {
            "overload_responses": self.tr("{role} : {value} réponses attendues entre {start} et {end} "
                                          "(plus de {limit})"),
            "overload_injects": self.tr("{role} : reçoit {value} injects entre {start} et {end} (plus de {limit})"),
            "dead_time": self.tr("{role} : rien à recevoir ni à rendre de {start} à {end} ({value})"),
            "crosses_boundary": self.tr("{inject} : la réponse de {role} est attendue à {end}, "
                                        "après {boundary} ({limit})"),
            "objective_undertested": self.tr("Objectif {objective} : testé par {value} inject(s) "
                                             "(moins de {limit})"),
            "criterion_unserved": self.tr("Objectif {objective} : aucune réponse attendue ne sert le critère "
                                          "« {detail} »"),
            "role_never_addressed": self.tr("{role} : aucun inject ne lui est adressé"),
            "role_never_sends": self.tr("{role} (rôle simulé) n'envoie aucun inject"),
            "contingency_backs_nothing": self.tr("{inject} : inject de secours d'un inject qui n'attend "
                                                 "aucune réponse"),
            "attachment_unused": self.tr("Fichier {detail} : remis par aucun inject"),
            "inject_without_response": self.tr("{inject} ({start}) n'attend aucune réponse"),
            "long_quiet": self.tr("Aucun inject de {start} à {end} ({value})"),
            "early_end": self.tr("Dernier inject à {start}, {value} avant la fin de l'exercice"),
        }
        return texts.get(finding.kind, finding.message).format(**values)

    def _boundary(self, offset: int) -> str:
        name = dict(self.report.boundaries).get(offset, "") if self.report is not None else ""
        if name == "ENDEX":
            return self.tr("la fin de l'exercice")
        if name.startswith("situation briefing "):
            return self.tr("le point de situation {inject}").format(inject=name.removeprefix("situation briefing "))
        return self.tr("le saut de temps")
