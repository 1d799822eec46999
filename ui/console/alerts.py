"""GUI: alerts that stay until handled — due injects waiting for the controller, offered contingencies,
what happened while the app was down, and a session file that refuses writes."""

from __future__ import annotations

import math
from datetime import tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.timefmt import clock_text, format_offset
from ui.labels import term

BLINK_MS = 600
BEEP_EVERY = 5  # blinks between beeps (about 3 s)


class DueAlert(QFrame):
    """GUI: a blinking banner while injects wait to be fired by hand; optional beep."""

    fire_requested = Signal(str)
    skip_requested = Signal(str)
    show_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueAlert")
        self.sound = False
        self._inject_id: str | None = None
        self._contingency_id: str | None = None
        self._bright = False
        self._blinks = 0
        # Plain text: inject titles are shown verbatim (quotes, "&", "<"), never parsed as HTML.
        self.message = QLabel(objectName="dueAlertText")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.fire_button = QPushButton(self.tr("Déclencher"), objectName="dueAlertFire")
        self.skip_button = QPushButton(self.tr("Ignorer"), objectName="dueAlertSkip")
        self.show_button = QPushButton(self.tr("Voir"), objectName="dueAlertShow")
        self.contingency = QLabel(objectName="contingencyText")
        self.contingency.setTextFormat(Qt.TextFormat.PlainText)
        self.contingency.setWordWrap(True)
        self.contingency_fire = QPushButton(self.tr("Déclencher le rattrapage"), objectName="contingencyFire")
        self.contingency_show = QPushButton(self.tr("Voir"), objectName="contingencyShow")
        due_row = QHBoxLayout()
        due_row.addWidget(self.message, 1)
        due_row.addWidget(self.show_button)
        due_row.addWidget(self.skip_button)
        due_row.addWidget(self.fire_button)
        contingency_row = QHBoxLayout()
        contingency_row.addWidget(self.contingency, 1)
        contingency_row.addWidget(self.contingency_show)
        contingency_row.addWidget(self.contingency_fire)
        self._due_row = QWidget()
        self._due_row.setLayout(due_row)
        self._contingency_row = QWidget()
        self._contingency_row.setLayout(contingency_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(2)
        layout.addWidget(self._due_row)
        layout.addWidget(self._contingency_row)
        self.fire_button.clicked.connect(lambda: self._emit(self.fire_requested, self._inject_id))
        self.skip_button.clicked.connect(lambda: self._emit(self.skip_requested, self._inject_id))
        self.show_button.clicked.connect(lambda: self._emit(self.show_requested, self._inject_id))
        self.contingency_fire.clicked.connect(lambda: self._emit(self.fire_requested, self._contingency_id))
        self.contingency_show.clicked.connect(lambda: self._emit(self.show_requested, self._contingency_id))
        self._timer = QTimer(self)
        self._timer.setInterval(BLINK_MS)
        self._timer.timeout.connect(self._blink)
        self.setStyleSheet(
            "#dueAlert QLabel { font-size: 13pt; font-weight: 700; }"
            "#dueAlert QPushButton { font-size: 11pt; font-weight: 700; padding: 4px 12px; }"
        )
        self.hide()

    @property
    def inject_id(self) -> str | None:
        return self._inject_id

    def show_due(self, waiting, contingencies: list[tuple[object, str]]) -> None:
        """Alert on ``waiting`` (due InjectStates, oldest first) and offered (InjectState, reason) pairs."""
        self._inject_id = waiting[0].inject.id if waiting else None
        self._contingency_id = contingencies[0][0].inject.id if contingencies else None
        self._due_row.setVisible(bool(waiting))
        self._contingency_row.setVisible(bool(contingencies))
        if waiting:
            first = waiting[0]
            text = self.tr("À déclencher : {id} — {title}").format(id=first.inject.id, title=first.inject.title)
            if first.overdue:
                text = self.tr("En retard : {id} — {title}").format(id=first.inject.id, title=first.inject.title)
            if len(waiting) > 1:
                text += " " + self.tr("(+{n} autres)").format(n=len(waiting) - 1)
            self.message.setText(text)
        if contingencies:
            state, reason = contingencies[0]
            why = (self.tr("réponses de {id} manquées") if reason == "missed"
                   else self.tr("délai de réponse à {id} écoulé")).format(id=state.inject.contingency_for)
            text = self.tr("Rattrapage proposé : {id} — {title} ({why})").format(
                id=state.inject.id, title=state.inject.title, why=why)
            if len(contingencies) > 1:  # the same count as the recovery message gives
                text += " " + self.tr("(+{n} autres)").format(n=len(contingencies) - 1)
            self.contingency.setText(text)
        active = bool(waiting or contingencies)
        self.setVisible(active)
        if active and not self._timer.isActive():
            self._blinks = 0
            self._timer.start()
            self._paint(True)
        elif not active:
            self._timer.stop()

    def _emit(self, signal, inject_id: str | None) -> None:
        if inject_id is not None:
            signal.emit(inject_id)

    def _blink(self) -> None:
        self._bright = not self._bright
        self._paint(self._bright)
        self._blinks += 1
        if self.sound and self._due_row.isVisible() and self._blinks % BEEP_EVERY == 0:
            QApplication.beep()

    def _paint(self, bright: bool) -> None:
        overdue = self.message.text().startswith(self.tr("En retard"))
        base = ("#f5a3a3", "#e06666") if overdue else ("#ffe7a3", "#ffc533")
        self.setStyleSheet(
            f"#dueAlert {{ background: {base[1] if bright else base[0]}; border: 2px solid #7f4c00; border-radius: 6px; }}"
            "#dueAlert QLabel { font-size: 13pt; font-weight: 700; color: #2b1d00; }"
            "#dueAlert QPushButton { font-size: 11pt; font-weight: 700; padding: 4px 12px; }"
        )


class RecoveryBanner(QFrame):
    """GUI: on reopening a session that was running, say how long the app was down and what is overdue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryBanner")
        self.text = QLabel(objectName="recoveryText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # French apostrophes shown as such, not as &#x27;
        self.text.setWordWrap(True)
        dismiss = QPushButton(self.tr("Compris"), objectName="recoveryDismiss")
        dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(dismiss)
        self.setStyleSheet(
            "#recoveryBanner { background: #dbe9ff; border: 2px solid #0b2f66; border-radius: 6px; }"
            "#recoveryText { font-size: 11pt; color: #0b2f66; }"
        )
        self.hide()

    def show_recovery(self, downtime, overdue, clock_state: str, zone: tzinfo | None = None) -> bool:
        """Explain the last downtime and the overdue injects; return True if there was anything to say.

        Times are shown in ``zone`` (the exercise's time zone; the machine's when None).
        """
        if not downtime and not overdue:
            self.hide()
            return False
        parts = []
        if downtime:
            start, end = downtime[-1]
            parts.append(self.tr("Session rouverte : l'application était arrêtée de {start} à {end} ({duration}).").format(
                start=clock_text(start, zone),
                end=clock_text(end, zone),
                duration=format_offset(end - start),
            ))
            if clock_state == "RUNNING":
                parts.append(self.tr("L'horloge a continué de tourner pendant l'arrêt."))
        if overdue:
            ids = ", ".join(s.inject.id for s in overdue[:8]) + ("…" if len(overdue) > 8 else "")
            parts.append(self.tr("{n} inject(s) vous attendent (à déclencher ou ignorer) : {ids}.").format(
                n=len(overdue), ids=ids))
        if clock_state == "PAUSED":
            parts.append(self.tr("L'exercice est en pause : reprenez quand la salle est prête."))
        self.text.setText(" ".join(parts))
        self.show()
        return True


class WriteFailureBanner(QFrame):
    """GUI: while the session file refuses writes, say why and when the next attempt is (stays until it works)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writeFailureBanner")
        self.text = QLabel(objectName="writeFailureText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # file names shown verbatim
        self.text.setWordWrap(True)
        self.advice = QLabel(objectName="writeFailureAdvice")
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setWordWrap(True)
        self.advice.setText(self.tr(
            "Ce qui est déjà enregistré n'est pas perdu, et les saisies refusées sont gardées. "
            "Fermez le programme qui bloque le fichier, ou libérez de la place sur le disque."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.text)
        layout.addWidget(self.advice)
        self.setStyleSheet(
            "#writeFailureBanner { background: #fde7e6; border: 2px solid #b3261e; border-radius: 6px; }"
            "#writeFailureText { font-size: 12pt; font-weight: 700; color: #7a1410; }"
            "#writeFailureAdvice { color: #7a1410; }"
        )
        self._reason = ""
        self._on_server = False
        self.hide()

    def set_on_server(self, on_server: bool) -> None:
        """Word the banner for a session held on a server (several sites) rather than a file."""
        self._on_server = on_server
        if on_server:
            self.advice.setText(self.tr(
                "Ce qui est déjà enregistré n'est pas perdu, et les saisies refusées sont gardées sur ce poste. "
                "Vérifiez le réseau ou le serveur : la console réessaie d'elle-même."))

    def show_failure(self, reason: str, retry_in_ms: int | None) -> None:
        """Show ``reason`` (a translated sentence) and the seconds left before the next attempt."""
        self._reason = reason[:1].lower() + reason[1:]
        self.show_countdown(retry_in_ms)
        self.show()

    def show_countdown(self, retry_in_ms: int | None) -> None:
        """Update the seconds left before the next attempt (None: unknown)."""
        if self._on_server:
            text = self.tr("Le serveur de la session n'accepte plus d'écriture : {reason}").format(
                reason=self._reason)
        else:
            text = self.tr("Le fichier de session n'accepte plus d'écriture : {reason}").format(reason=self._reason)
        if retry_in_ms is not None:
            text += " " + self.tr("Nouvel essai dans {n} s.").format(n=max(1, math.ceil(retry_in_ms / 1000)))
        self.text.setText(text)


class EndexBanner(QFrame):
    """GUI: after ENDEX, what comes next — the hot wash, then the RETEX report."""

    hotwash_requested = Signal()
    report_requested = Signal(str)  # "pdf" or "html"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endexBanner")
        text = QLabel(self.tr("Exercice terminé ({endex}). La suite : le {hotwash} avec la salle, puis le rapport "
                              "RETEX.").format(endex=term("endex"), hotwash=term("hotwash")), objectName="endexText")
        text.setWordWrap(True)
        self.hotwash_button = QPushButton(self.tr("1. {hotwash}").format(hotwash=term("hotwash").capitalize()),
                                          objectName="endexHotwash")
        self.report_button = QPushButton(self.tr("2. Rapport RETEX (PDF)"), objectName="endexReport")
        self.hotwash_button.clicked.connect(self.hotwash_requested)
        self.report_button.clicked.connect(lambda: self.report_requested.emit("pdf"))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.addWidget(text, 1)
        row.addWidget(self.hotwash_button)
        row.addWidget(self.report_button)
        self.setStyleSheet(
            "#endexBanner { background: #e7f0fb; border: 2px solid #0b5cad; border-radius: 6px; }"
            "#endexText { font-size: 12pt; font-weight: 600; color: #0b2f66; }"
            "#endexBanner QPushButton { font-size: 11pt; font-weight: 600; padding: 6px 12px; }"
        )
        self.hide()
