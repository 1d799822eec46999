"""GUI: one objective's card in the hot wash: criteria, evidence, a P/S/M/U rating and its justification.

The card only collects and shows: the hot-wash screen stores a rating (``rate_requested``)
or withdraws it (``withdraw_requested``) and shows what the session holds (``show_stored``).
"""

from __future__ import annotations

import html
from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.timefmt import clock_text
from ui import labels

MUTED_STYLE = "QLabel { color: #6b6f76; }"


def rating_edited(current: tuple[str, str], stored: tuple[str, str] | None) -> bool:
    """True if the card shows something not stored: a rating or text typed on a blank card, or a change."""
    return any(current) if stored is None else current != stored


class ObjectiveRatingCard(QFrame):
    """GUI: one objective: its criteria, the evidence gathered, a P/S/M/U rating and a justification."""

    rate_requested = Signal(str, str, str)  # objective id, rating, justification
    withdraw_requested = Signal(str)  # objective id

    def __init__(self, objective, parent: QWidget | None = None, *, zone: tzinfo | None = None):
        super().__init__(parent)
        self.objective = objective
        self.zone = zone  # the exercise's time zone: times read as the room lived them
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
        criteria.setStyleSheet(MUTED_STYLE)
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
        self.rating_meaning.setStyleSheet(MUTED_STYLE)
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
        self.recorded.setStyleSheet(MUTED_STYLE)
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
        self._dirty = rating_edited(current, self._stored)
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
                rating=stored.rating, observer=stored.observer, time=clock_text(stored.real_time, self.zone, seconds=False)
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
