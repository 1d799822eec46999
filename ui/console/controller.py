"""GUI: turn the console's actions into session calls; report refusals; ask before irreversible steps.

Dialogs are opened with ``open()`` and answered through signals — never a nested ``exec()``
(it would re-enter qasync tasks, notes §1).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from crisisdesk.session import SessionError
from crisisdesk.session.arguments import indicator_value
from ui.console.actions import ConsoleActions
from ui.console.briefing import BriefingTimer
from ui.console.driver import SessionDriver
from ui.console.inject_dialog import InjectDialog
from ui.error_sentences import error_text
from ui.labels import term

if TYPE_CHECKING:
    from crisisdesk.session import Session


class ConsoleController(QObject):
    """GUI: the controller's actions on the session (fire, skip, delay, edit, clock...)."""

    message = Signal(str)  # a short confirmation for the status bar
    refused = Signal(str)  # the session refused an action: shown to the user

    def __init__(
        self,
        session: Session,
        driver: SessionDriver,
        actions: ConsoleActions,
        selected_id: Callable[[], str | None],
        window: QWidget,
        actor: str | None = None,
    ) -> None:
        super().__init__(window)
        self.session = session
        self.driver = driver
        self.actions = actions
        self.selected_id = selected_id
        self.window = window
        self.actor = actor
        self.dialog: QDialog | None = None  # the open dialog, if any (tests reach it here)
        # STARTEX cannot be undone, and F5 is "refresh" to many hands: it asks first. Tests that
        # start the clock as a step of something else turn the question off.
        self.ask_before_start = True
        self.briefing = BriefingTimer()  # the clock bar shows it (MainWindow.tick)
        a = actions
        a.start.triggered.connect(self.confirm_start)
        a.pause.triggered.connect(lambda: self._run(self.session.pause, self.tr("Exercice en pause.")))
        a.resume.triggered.connect(lambda: self._run(self.session.resume, self.tr("Exercice repris.")))
        a.end.triggered.connect(self.confirm_end)
        a.autofire.toggled.connect(self.set_autofire)
        a.fire.triggered.connect(lambda: self._on_selected(self.fire))
        a.skip.triggered.connect(lambda: self._on_selected(self.skip))
        a.delay.triggered.connect(lambda: self._on_selected(self.ask_delay))
        a.edit.triggered.connect(lambda: self._on_selected(self.open_editor))
        a.fire_next.triggered.connect(self.fire_next)
        a.new_inject.triggered.connect(self.open_adhoc)
        a.next_phase.triggered.connect(self.confirm_next_phase)
        a.shift_timeline.triggered.connect(self.ask_shift)
        a.briefing_timer.triggered.connect(self.toggle_briefing)
        a.undo.triggered.connect(self.undo_last)
        a.unskip.triggered.connect(lambda: self._on_selected(self.unskip))
        a.mark_misfired.triggered.connect(lambda: self._on_selected(self.confirm_misfired))
        self.ask_before_misfire = True  # marking a firing as a mistake cannot be taken back

    # core calls
    def _run(self, call: Callable[[], object], done: str | None = None) -> bool:
        try:
            call()
        except SessionError as error:
            self.refused.emit(error_text(error))
            return False
        finally:
            self.driver.poke()
        if done:
            self.message.emit(done)
        return True

    def _on_selected(self, handler: Callable[[str], object]) -> None:
        inject_id = self.selected_id()
        if inject_id is None:
            self.refused.emit(self.tr("Sélectionnez d'abord un inject dans la chronologie."))
            return
        handler(inject_id)

    def fire(self, inject_id: str) -> bool:
        """Fire ``inject_id`` now (planned, early or overdue)."""
        return self._run(lambda: self.session.fire(inject_id, actor=self.actor),
                         self.tr("Inject {id} déclenché.").format(id=inject_id))

    def skip(self, inject_id: str) -> bool:
        """Mark ``inject_id`` as not played."""
        return self._run(lambda: self.session.skip(inject_id), self.tr("Inject {id} annulé.").format(id=inject_id))

    def delay(self, inject_id: str, minutes: int) -> bool:
        """Push ``inject_id`` back by ``minutes``."""
        return self._run(lambda: self.session.delay(inject_id, minutes),
                         self.tr("Inject {id} retardé de {n} min.").format(id=inject_id, n=minutes))

    def set_autofire(self, enabled: bool) -> bool:
        """Turn automatic firing on or off."""
        if self.session.state.autofire == enabled:
            return True
        return self._run(lambda: self.session.set_autofire(enabled),
                         self.tr("Déclenchement automatique activé.") if enabled
                         else self.tr("Déclenchement automatique désactivé : chaque inject attend votre clic."))

    def fire_next(self) -> bool:
        """Fire the next inject as the core defines it (``Session.fire_next``: the first due, else the next to come)."""
        fired = []
        if not self._run(lambda: fired.append(self.session.fire_next(actor=self.actor))):
            return False
        self.message.emit(self.tr("Inject {id} déclenché.").format(id=fired[0].inject.id))
        return True

    def start(self) -> bool:
        """STARTEX: start the exercise clock."""
        return self._run(self.session.start, self.tr("{startex} : l'exercice commence.").format(startex=term("startex")))

    def undo_last(self) -> bool:
        """Undo the last undoable controller action (the core says which: SessionState.last_undoable).

        The action offered is passed along: if another console acted since, the core refuses rather
        than undo something else. Marking a firing as a mistake asks first (it cannot be taken back).
        """
        offered = self.session.state.last_undoable
        if offered is not None and offered.kind == "fire" and self.ask_before_misfire:
            self.confirm_misfired(offered.inject_id, undo=offered)
            return False
        return self._undo(offered)

    def _undo(self, offered) -> bool:
        undone = []
        if not self._run(lambda: undone.append(self.session.undo_last(offered))):
            return False
        action = undone[0]
        self.message.emit({
            "skip": self.tr("{id} rétabli : il revient dans le jeu."),
            "delay": self.tr("Report de {id} annulé : il revient à son heure."),
            "fire": self.tr("{id} signalé comme déclenché par erreur (il reste envoyé)."),
        }[action.kind].format(id=action.inject_id))
        return True

    def unskip(self, inject_id: str) -> bool:
        """Put the skipped ``inject_id`` back in play."""
        return self._run(lambda: self.session.unskip(inject_id),
                         self.tr("{id} rétabli : il revient dans le jeu.").format(id=inject_id))

    def confirm_misfired(self, inject_id: str, undo=None) -> None:
        """Ask, then record that ``inject_id`` went out by mistake (through undo when it is the last action)."""
        def mark() -> bool:
            if undo is not None:
                return self._undo(undo)
            return self._run(lambda: self.session.mark_misfired(inject_id), self.tr(
                "{id} signalé comme déclenché par erreur (il reste envoyé).").format(id=inject_id))
        if not self.ask_before_misfire:
            mark()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Déclenché par erreur"),
                          self.tr("Signaler {id} comme déclenché par erreur ? Il reste envoyé (la salle l'a reçu) ; "
                                  "le journal et le rapport diront qu'il l'a été par erreur. Ce signalement ne "
                                  "peut pas être retiré.").format(id=inject_id),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("confirmMisfireDialog")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and mark())
        self._open(box)

    def undo_text(self, action) -> str:
        """The undo action's menu text for ``action`` (an UndoableAction, or None)."""
        if action is None:
            return self.tr("Annuler la dernière action")
        return {
            "skip": self.tr("Annuler « ignorer {id} »"),
            "delay": self.tr("Annuler le report de {id}"),
            "fire": self.tr("Signaler {id} comme déclenché par erreur"),
        }[action.kind].format(id=action.inject_id)

    # dialogs (opened with open(): no nested loop)
    def confirm_start(self) -> None:
        """Ask before STARTEX (it cannot be undone), then start the clock."""
        if not self.ask_before_start:
            self.start()
            return
        box = QMessageBox(QMessageBox.Icon.Question, term("startex"),
                          self.tr("Démarrer l'exercice maintenant ? L'horloge d'exercice part et les injects "
                                  "commencent à tomber ; ce geste ne peut pas être annulé."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("confirmStartDialog")
        box.button(QMessageBox.StandardButton.Yes).setText(term("startex"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Pas encore"))
        box.setDefaultButton(QMessageBox.StandardButton.No)  # a second F5 or Enter does not start it
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and self.start())
        self._open(box)

    def confirm_end(self) -> None:
        """Ask before ENDEX, then end the exercise."""
        box = QMessageBox(QMessageBox.Icon.Question, term("endex"),
                          self.tr("Terminer l'exercice maintenant ? L'horloge s'arrête définitivement."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("confirmEndDialog")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and self._run(
            self.session.end, self.tr("{endex} : l'exercice est terminé.").format(endex=term("endex"))))
        self._open(box)

    def confirm_next_phase(self) -> None:
        """Ask before jumping to the next phase."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Phase suivante"),
                          self.tr("Passer tout de suite à la phase suivante ? Les injects restants de la phase "
                                  "en cours seront signalés en retard."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("confirmPhaseDialog")
        box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and self._run(
            self.session.jump_to_next_phase, self.tr("Passage à la phase suivante.")))
        self._open(box)

    def ask_delay(self, inject_id: str) -> None:
        """Ask by how many minutes to delay ``inject_id``."""
        dialog = self._minutes_dialog(self.tr("Retarder {id}").format(id=inject_id),
                                      self.tr("Retarder de (minutes) :"), 5, 1)
        dialog.intValueSelected.connect(lambda minutes: self.delay(inject_id, minutes))
        self._open(dialog)

    def ask_shift(self) -> None:
        """Ask by how many minutes to shift every inject not yet played."""
        dialog = self._minutes_dialog(self.tr("Décaler la chronologie"),
                                      self.tr("Décaler tous les injects non joués de (minutes, négatif pour avancer) :"),
                                      5, -240)
        dialog.intValueSelected.connect(lambda minutes: self._run(
            lambda: self.session.shift_timeline(minutes),
            self.tr("Chronologie décalée de {n} min.").format(n=minutes)))
        self._open(dialog)

    def ask_indicator(self, indicator_id: str, text: str | None = None) -> None:
        """Ask for an indicator's new value (prefilled with the current one, or with ``text`` the
        controller typed and the session refused), then store it."""
        indicator = next(i for i in self.session.package.exercise.indicators if i.id == indicator_id)
        current = text if text is not None else self.session.state.indicators.get(indicator_id, indicator.initial)
        dialog = QInputDialog(self.window)
        dialog.setObjectName("indicatorDialog")
        dialog.setWindowTitle(self.tr("Corriger un indicateur"))
        unit = f" ({indicator.unit})" if indicator.unit else ""
        dialog.setLabelText(self.tr("{label}{unit} — nouvelle valeur :").format(label=indicator.label, unit=unit))
        dialog.setTextValue(str(current))
        dialog.textValueSelected.connect(lambda text: self.set_indicator(indicator_id, text))
        self._open(dialog)

    def set_indicator(self, indicator_id: str, text: str) -> bool:
        """Store ``text`` as the indicator's value, as a number where the package's value is one."""
        indicator = next(i for i in self.session.package.exercise.indicators if i.id == indicator_id)
        stored = self._run(
            lambda: self.session.set_indicator(indicator_id, indicator_value(text, indicator.initial, indicator.unit or "",
                                                                             indicator.label)),
            self.tr("Indicateur « {label} » corrigé.").format(label=indicator.label))
        if not stored:
            self.ask_indicator(indicator_id, text)  # what was typed comes back, to be corrected
        return stored

    def toggle_briefing(self) -> None:
        """Time a situation briefing (asks how long), or stop the one being timed."""
        timer = self.briefing
        if timer.running:
            timer.stop()
            self.message.emit(self.tr("Minuteur du point de situation arrêté."))
            return
        dialog = self._minutes_dialog(self.tr("Point de situation"),
                                      self.tr("Durée du point de situation (minutes) :"), 10, 1)

        def start(minutes: int) -> None:
            timer.start(minutes, self.driver.time_source.now())
            self.message.emit(self.tr("Point de situation chronométré : {n} min.").format(n=minutes))

        dialog.intValueSelected.connect(start)
        self._open(dialog)

    def _minutes_dialog(self, title: str, label: str, value: int, minimum: int) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("minutesDialog")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setIntRange(minimum, 240)
        dialog.setIntValue(value)
        return dialog

    def open_editor(self, inject_id: str) -> None:
        """Open the edit form for ``inject_id`` (only before it fires)."""
        state = self.session.state.inject(inject_id)
        if state.done:
            self.refused.emit(self.tr("L'inject {id} a déjà été joué : il ne peut plus être modifié.").format(id=inject_id))
            return
        dialog = InjectDialog(self.session.package, state.inject, due_at=state.due_at, parent=self.window)
        dialog.set_original_at(state.due_at)
        dialog.accepted.connect(lambda: self._apply_edit(inject_id, dialog))
        self._open(dialog)

    def _apply_edit(self, inject_id: str, dialog: InjectDialog) -> None:
        fields = dialog.changed_values()
        if not fields:
            return
        self._run(lambda: self.session.edit_inject(inject_id, **fields),
                  self.tr("Inject {id} modifié.").format(id=inject_id))

    def open_adhoc(self) -> None:
        """Open an empty form for a new ad-hoc inject."""
        elapsed = int(self.session.state.clock.elapsed(self.driver.time_source.now()))
        dialog = InjectDialog(self.session.package, None, due_at=elapsed, parent=self.window)
        dialog.accepted.connect(lambda: self._apply_adhoc(dialog))
        self._open(dialog)

    def _apply_adhoc(self, dialog: InjectDialog) -> None:
        fields = dialog.values()
        fire_now = dialog.fire_now.isChecked()
        created: list[str] = []

        def add() -> None:
            created.append(self.session.add_inject(fire_now=fire_now, **fields))

        if self._run(add):
            self.message.emit(self.tr("Inject ad hoc {id} créé.").format(id=created[0]))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
