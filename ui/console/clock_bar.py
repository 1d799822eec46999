"""GUI: the clock bar — exercise time, scenario date and phase, state, and the big clock controls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.timefmt import format_offset
from ui.console.actions import ConsoleActions
from ui.console.theme import CLOCK_STATE_COLORS
from ui.labels import code_label


@dataclass(frozen=True)
class ClockView:
    """GUI: what the clock bar shows, read from the session once per refresh."""

    state: str  # ClockState member name
    elapsed: float
    scenario_time: datetime | None
    phase_title: str
    autofire: bool
    next_label: str = ""  # e.g. "I04 Vigilance rouge"
    next_in: float | None = None  # seconds until the next inject is due
    next_due: bool = False  # the next inject is due now, waiting for the controller
    wall_time: datetime | None = None  # the room's real time, in the exercise's time zone


class ElidedLabel(QLabel):
    """GUI: a one-line label that shortens its text with "…" instead of widening the window."""

    def __init__(self, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self._full = ""
        # Exercise content (phase and inject titles) shown verbatim, never parsed as HTML.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(60)

    def setText(self, text: str) -> None:  # noqa: N802  (Qt override)
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        """Return the text before eliding."""
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        super().setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 60)))


class ClockBar(QFrame):
    """GUI: the always-visible clock strip at the top of the console."""

    def __init__(self, actions: ConsoleActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.elapsed_label = QLabel("T+0:00:00", objectName="clockElapsed")
        self.elapsed_label.setAccessibleName(self.tr("Temps d'exercice"))
        self.scenario_label = ElidedLabel(objectName="clockScenario")
        self.phase_label = ElidedLabel(objectName="clockPhase")
        self.state_label = QLabel(objectName="clockState")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The countdown is the figure the director watches most: its own label, never elided;
        # only the inject's title gives way when the window is narrow.
        self.next_when = QLabel(objectName="clockNextWhen")
        self.next_when.setTextFormat(Qt.TextFormat.PlainText)
        self.next_label = ElidedLabel(objectName="clockNext")
        # The wall clock: the room runs on real time too (briefings, lunch, the building's rules).
        self.wall_label = QLabel(objectName="clockWall")
        self.wall_label.setAccessibleName(self.tr("Heure réelle"))

        next_row = QHBoxLayout()
        next_row.setSpacing(6)
        next_row.addWidget(self.next_when)
        next_row.addWidget(self.next_label, 1)
        scenario_box = QVBoxLayout()
        scenario_box.setSpacing(0)
        scenario_box.addWidget(self.scenario_label)
        scenario_box.addWidget(self.phase_label)
        scenario_box.addLayout(next_row)

        self.start_button = self._big_button(actions.start, "clockStart")
        self.pause_button = self._big_button(actions.pause, "clockPause")
        self.resume_button = self._big_button(actions.resume, "clockResume")
        self.end_button = self._big_button(actions.end, "clockEnd")
        self.autofire_box = QCheckBox(self.tr("Déclenchement auto"), objectName="clockAutofire")
        self.autofire_box.setToolTip(actions.autofire.statusTip())
        self.autofire_box.toggled.connect(self._on_autofire_box)
        self._autofire_action = actions.autofire
        actions.autofire.toggled.connect(self.autofire_box.setChecked)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(16)
        time_box = QVBoxLayout()
        time_box.setSpacing(2)
        time_box.addWidget(self.elapsed_label)
        state_row = QHBoxLayout()
        state_row.setSpacing(10)
        state_row.addWidget(self.state_label)
        state_row.addWidget(self.wall_label)
        # Under the auto-fire switch, not beside the clocks: the bar must not widen past a laptop screen.
        self.briefing_label = QLabel(objectName="clockBriefing")
        self.briefing_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.briefing_label.hide()
        state_row.addStretch(1)
        time_box.addLayout(state_row)
        layout.addLayout(time_box)
        layout.addLayout(scenario_box, 1)
        layout.addWidget(self.start_button)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.end_button)
        switches = QVBoxLayout()
        switches.setSpacing(4)
        switches.addWidget(self.autofire_box)
        switches.addWidget(self.briefing_label, 0, Qt.AlignmentFlag.AlignLeft)
        switches.addStretch(1)
        layout.addLayout(switches)
        self.setStyleSheet(
            "#clockBar { background: #f4f6f9; }"
            "#clockElapsed { font-size: 34pt; font-weight: 700; font-family: monospace; color: #0d1b2a; }"
            "#clockScenario { font-size: 15pt; font-weight: 600; color: #0d1b2a; }"
            "#clockPhase { font-size: 11pt; color: #33414f; }"
            "#clockNext { font-size: 10pt; color: #0b2f66; }"
            "#clockNextWhen { font-size: 10pt; font-weight: 700; color: #0b2f66; }"
            "#clockWall { font-size: 10pt; color: #33414f; }"
            "#clockBriefing { font-size: 10pt; font-weight: 700; color: white; background: #0b5cad;"
            " border-radius: 9px; padding: 2px 10px; }"
            "#clockBriefing[overrun=\"true\"] { background: #b3261e; }"
            "#clockState { font-size: 10pt; font-weight: 700; color: white; border-radius: 11px;"
            " padding: 3px 12px; }"
            "QToolButton { font-size: 13pt; font-weight: 700; padding: 8px 14px; min-width: 80px;"
            " border-radius: 6px; border: 1px solid #8592a3; background: white; }"
            "QToolButton:hover { background: #e6ecf4; }"
            "QToolButton:disabled { color: #a0a0a0; border-color: #d0d0d0; }"
            "#clockStart { background: #1d7a3a; color: white; border-color: #145a2a; }"
            "#clockEnd { background: #7a1d1d; color: white; border-color: #5a1414; }"
            "#clockPause, #clockResume { background: #b36b00; color: white; border-color: #7f4c00; }"
            "QCheckBox { font-size: 11pt; }"
        )

    def _big_button(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton(objectName=name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def show_view(self, view: ClockView) -> None:
        """Update every label and button from ``view``."""
        self.elapsed_label.setText("T+" + format_offset(max(view.elapsed, 0)))
        if view.scenario_time is not None:
            locale = QLocale()
            date = locale.toString(view.scenario_time.date(), QLocale.FormatType.LongFormat)
            self.scenario_label.setText(f"{date} — {view.scenario_time:%H:%M}")
        self.phase_label.setText(self.tr("Phase : {title}").format(title=view.phase_title))
        if view.next_label and view.next_due:
            self.next_when.setText(self.tr("Prochain : à déclencher maintenant —"))
        elif view.next_label and view.next_in is not None:
            self.next_when.setText(self.tr("Prochain dans {delay} :").format(
                delay=format_offset(max(view.next_in, 0))))
        elif view.next_label:
            self.next_when.setText(self.tr("Prochain :"))
        else:
            self.next_when.setText("")
        self.next_label.setText(view.next_label)
        if view.wall_time is not None:
            self.wall_label.setText(self.tr("Heure réelle {time}").format(time=f"{view.wall_time:%H:%M:%S}"))
        self.state_label.setText("● " + code_label("clock_state", view.state))
        self.state_label.setStyleSheet(f"background: {CLOCK_STATE_COLORS.get(view.state, '#5a6270')};")
        self.start_button.setVisible(view.state == "READY")
        self.pause_button.setVisible(view.state == "RUNNING")
        self.resume_button.setVisible(view.state == "PAUSED")
        self.end_button.setVisible(view.state in ("RUNNING", "PAUSED"))
        self.autofire_box.setEnabled(view.state != "ENDED")
        if self.autofire_box.isChecked() != view.autofire:
            self.autofire_box.blockSignals(True)
            self.autofire_box.setChecked(view.autofire)
            self.autofire_box.blockSignals(False)

    def show_briefing(self, remaining: float | None) -> None:
        """Show the situation-briefing countdown (None hides it; overrun in red)."""
        if remaining is None:
            self.briefing_label.hide()
            return
        overrun = remaining < 0
        text = (self.tr("Point de situation : dépassé de {time}") if overrun
                else self.tr("Point de situation : reste {time}")).format(time=format_offset(abs(remaining)))
        self.briefing_label.setText(text)
        if self.briefing_label.property("overrun") != overrun:
            self.briefing_label.setProperty("overrun", overrun)
            self.briefing_label.style().unpolish(self.briefing_label)
            self.briefing_label.style().polish(self.briefing_label)
        self.briefing_label.show()

    def _on_autofire_box(self, checked: bool) -> None:
        if self._autofire_action.isChecked() != checked:
            self._autofire_action.setChecked(checked)
