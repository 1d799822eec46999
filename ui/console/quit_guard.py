"""GUI: may the console close now? Mid-exercise it asks first; unsaved writes ask too.

The decision is plain logic (``must_ask_before_quit``, ``quit_question``); ``QuitGuard`` shows the
question non-modally (``open()``, answered through ``finished``: never a nested ``exec()``).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from crisisdesk.clock import ClockState

if TYPE_CHECKING:
    from ui.observer.unsaved import UnsavedWritesGuard


class QuitQuestion(Enum):
    """Which question closing mid-exercise asks: the clock goes on, or it stays paused."""

    RUNNING = "running"
    PAUSED = "paused"


def must_ask_before_quit(clock: ClockState, *, ask_while_running: bool, confirmed: bool) -> bool:
    """True if closing now must first ask (the exercise is running or paused, not yet answered)."""
    return ask_while_running and not confirmed and clock in (ClockState.RUNNING, ClockState.PAUSED)


def quit_question(clock_name: str) -> QuitQuestion:
    """The question for the clock named ``clock_name`` (``ClockState`` name): running, else paused."""
    return QuitQuestion.RUNNING if clock_name == "RUNNING" else QuitQuestion.PAUSED


class QuitGuard(QObject):
    """GUI: decide whether the console may close; ask before closing mid-exercise."""

    def __init__(self, window: QWidget, session_name: str, unsaved: UnsavedWritesGuard) -> None:
        super().__init__(window)
        self.window = window
        self.session_name = session_name
        self.unsaved = unsaved
        # Closing mid-exercise asks first (tests that close their window at teardown turn this off).
        self.confirm_while_running = True
        self.confirmed = False
        self.box: QMessageBox | None = None  # the open question, if any (tests reach it here)

    def may_close(self, clock: ClockState) -> bool:
        """True if the window may close now; otherwise the question is shown (or raised again)."""
        if must_ask_before_quit(clock, ask_while_running=self.confirm_while_running, confirmed=self.confirmed):
            self.confirm(clock.name)
            return False
        # Writes the file refused: retried once, else the user is asked.
        return self.unsaved.may_close()

    def close_without_asking(self) -> None:
        """Let the next close go through even mid-exercise (the app is ending).

        Unsaved writes stay in the journal beside the file (stored at the next open).
        """
        self.confirmed = True
        self.unsaved.settled = True

    def confirm(self, clock: str) -> QMessageBox:
        """Ask before closing the console mid-exercise (non-modal: open(), answer in finished)."""
        if self.box is not None:
            self.box.raise_()
            self.box.activateWindow()
            return self.box
        if quit_question(clock) is QuitQuestion.RUNNING:
            text = self.tr("L'exercice est en cours. Quitter crisisdesk maintenant ?")
            detail = self.tr(
                "Rien n'est perdu : chaque action est déjà enregistrée dans « {file} ».\n"
                "L'exercice continue de tourner pendant que crisisdesk est fermé (l'horloge ne s'arrête pas) ; "
                "rouvrez le fichier pour reprendre : les injects arrivés à échéance entre-temps vous seront "
                "proposés, jamais déclenchés seuls.")
        else:
            text = self.tr("L'exercice est en pause. Quitter crisisdesk maintenant ?")
            detail = self.tr(
                "Rien n'est perdu : chaque action est déjà enregistrée dans « {file} ».\n"
                "L'exercice reste en pause ; rouvrez le fichier pour reprendre.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quitter pendant l'exercice"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("confirmQuitDialog")
        box.setInformativeText(detail.format(file=self.session_name))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Quitter"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Continuer l'exercice"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._on_answered(result == QMessageBox.StandardButton.Yes))
        self.box = box
        box.open()
        return box

    def _on_answered(self, quit_now: bool) -> None:
        box, self.box = self.box, None
        if box is not None:
            box.deleteLater()
        if quit_now:
            self.confirmed = True
            # After the dialog has fully closed: never close the window from inside its own child's signal.
            QTimer.singleShot(0, self.window.close)
