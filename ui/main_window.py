"""GUI: the controller's console — composition root: builds the panels and docks, wires signals in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.clock import ClockState
from crisisdesk.contingency import awaiting_controller
from crisisdesk.timefmt import exercise_timezone
from ui.console.action_states import clock_action_states, inject_action_states
from ui.console.actions import ConsoleActions
from ui.console.alerts import DueAlert, EndexBanner, RecoveryBanner, WriteFailureBanner
from ui.console.clock_bar import ClockBar
from ui.console.controller import ConsoleController
from ui.console.documents import ConsoleDocuments
from ui.console.driver import SessionDriver
from ui.console.inject_detail import InjectDetail
from ui.console.quit_guard import QuitGuard
from ui.console.role_cards import RoleCardsPanel
from ui.console.room_control import RoomControl
from ui.console.side_windows import SideWindows
from ui.console.situation_panel import SituationPanel
from ui.console.timeline_model import TimelineModel
from ui.console.timeline_view import TimelinePanel
from ui.console.views import clock_view, state_signature
from ui.error_sentences import error_reason
from ui.errors import report_unexpected
from ui.observer.panel import ObserverPanel
from ui.observer.unsaved import UnsavedWritesGuard
from ui.pending_import import PendingImporter
from ui.room import menu as room_menu
from ui.settings import Settings

if TYPE_CHECKING:
    from crisisdesk.clock import TimeSource
    from crisisdesk.session import Session

# Bumped when the docks change place: a layout saved before would hide the new arrangement.
LAYOUT_VERSION = 2


class MainWindow(QMainWindow):
    """GUI: the console window for one session; owns the driver that keeps time."""

    new_session_requested = Signal()
    open_session_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, session: Session, time_source: TimeSource, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consoleWindow")
        self.session = session
        self.time_source = time_source
        self.settings = settings
        self.package = session.package
        self._signature: tuple | None = None

        self.actions = ConsoleActions(self)
        self.driver = SessionDriver(session, time_source, self)
        self.model = TimelineModel(scenario_at=self._scenario_at, parent=self)
        self.clock_bar = ClockBar(self.actions)
        self.recovery = RecoveryBanner()
        self.write_banner = WriteFailureBanner()
        self.write_banner.set_on_server(session.location.on_server)
        self.alert = DueAlert()
        self.endex_banner = EndexBanner()
        self.alert.sound = settings.sound_alerts
        self.timeline = TimelinePanel(self.model, self.package.roles)
        self.detail = InjectDetail(self.actions)
        self.situation = SituationPanel(self.package)
        self.role_cards = RoleCardsPanel(self.package)
        self.courante = self._make_observer_panel()
        self.controller = ConsoleController(session, self.driver, self.actions, self.timeline.selected_id, self)
        # The logic beside the widgets: side windows, the projector, the documents, the question before quitting.
        self.side_windows = SideWindows(session, settings, self.courante, self)
        self.unsaved = UnsavedWritesGuard(self, session, self.side_windows.panels)
        self.room_control = RoomControl(session, time_source, settings, self.actions, self.timeline.selected_id, self)
        self.documents = ConsoleDocuments(session, time_source, self.actions, self.role_cards, self)
        self.quit_guard = QuitGuard(self, session.name, self.unsaved)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.write_banner)
        column.addWidget(self.recovery)
        column.addWidget(self.alert)
        column.addWidget(self.endex_banner)
        column.addWidget(self.timeline, 1)
        self.setCentralWidget(central)
        # The clock bar lives in a fixed toolbar so it spans the whole window, above the docks.
        clock_toolbar = QToolBar(self.tr("Horloge"), self)
        clock_toolbar.setObjectName("clockToolbar")
        clock_toolbar.setMovable(False)
        clock_toolbar.setFloatable(False)
        clock_toolbar.toggleViewAction().setEnabled(False)
        clock_toolbar.addWidget(self.clock_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, clock_toolbar)
        self.detail_dock = self._dock("dockDetail", self.tr("Inject sélectionné"), self.detail)
        self.situation_dock = self._dock("dockSituation", self.tr("Situation"), self.situation)
        self.cards_dock = self._dock("dockRoleCards", self.tr("Cartes de rôle"), self.role_cards)
        # In a scroll area so the panel's own minimum size never forces the window past a laptop screen.
        courante_scroll = QScrollArea()
        courante_scroll.setWidgetResizable(True)
        courante_scroll.setFrameShape(QFrame.Shape.NoFrame)
        courante_scroll.setWidget(self.courante)
        # The director reads and types the log beside the timeline: the main courante has the lower
        # half of the right column to itself; the situation and the role cards are tabs of the upper
        # half, behind the selected inject (one screen, 1366×768, no second window needed).
        self.courante_dock = self._dock("dockCourante", self.tr("Main courante"), courante_scroll)
        self.tabifyDockWidget(self.detail_dock, self.situation_dock)
        self.tabifyDockWidget(self.situation_dock, self.cards_dock)
        self.detail_dock.raise_()
        from ui.importer.menu import MselActions

        self.msel_actions = MselActions(self, session)
        self._build_menus()
        self._connect_signals()

        self.setWindowTitle(self.tr("crisisdesk — {title} — {file}").format(
            title=self.package.exercise.title, file=session.name))
        self.resize(1366, 768)
        geometry, layout = settings.window_geometry("console"), settings.window_state("console")
        # Dock sizes only take once the window has its real size: set the defaults at first show.
        self._default_layout_pending = layout is None
        if geometry is not None:
            self.restoreGeometry(geometry)
        # A layout saved by an older console (other docks) is ignored: restoreState refuses it.
        if layout is not None and not self.restoreState(layout, LAYOUT_VERSION):
            self._default_layout_pending = True

        # The first tick after reopening a running exercise records what fell due while the app
        # was down (overdue, never fired by itself) and the downtime: show it at once.
        try:
            self.driver.on_deadline()  # a file that refuses writes shows the banner (the driver retries)
        except Exception as error:  # a bug must not keep the console from opening: report it, carry on
            report_unexpected(error)
        self.refresh()
        state = session.state
        # The same injects as the due banner counts (contingencies offered included): one count.
        waiting, offered = self._awaiting()
        waiting += [s for s, _reason in offered]
        self.recovery.show_recovery(state.downtime, waiting if state.downtime else [], state.clock.state.name,
                                    exercise_timezone(self.package.exercise))
        self.timeline.show_next()
        self.driver.start()

    # construction helpers
    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        """A dock of the right-hand column (the timeline has the rest of the window)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _make_observer_panel(self) -> ObserverPanel:
        panel = ObserverPanel(self.session, parent=self, settings=self.settings.qsettings, seat="console")
        # The dock is short: name, quick entry and log only; the observer window has the rest.
        panel.set_compact(True)
        return panel

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fichier"))
        for action in (a.new_session, a.open_session, None, self.msel_actions.import_msel,
                       self.msel_actions.export_msel, None, a.export_cards, a.print_cards, a.print_kit, None,
                       a.report_html, a.report_pdf, a.report_word, None, a.quit):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        # Writes saved to a file when the disk was full come back here (ui/pending_import.py).
        self.pending_importer = PendingImporter(self, self.session)
        self.import_pending_action = QAction(self.tr("Importer des saisies non enregistrées…"), self)
        self.import_pending_action.setObjectName("importPending")
        self.import_pending_action.triggered.connect(self.pending_importer.ask)
        file_menu.insertAction(a.quit, self.import_pending_action)
        file_menu.insertSeparator(a.quit)
        exercise = bar.addMenu(self.tr("&Exercice"))
        for action in (a.start, a.pause, a.resume, a.end, None, a.autofire, a.next_phase, a.shift_timeline,
                       None, a.briefing_timer):
            exercise.addSeparator() if action is None else exercise.addAction(action)
        room_menu.install(self, exercise)  # Ouvrir la session à la salle… (ui/room/)
        injects = bar.addMenu(self.tr("In&jects"))  # not Alt+I: the main courante's "improvement" tag
        for action in (a.fire_next, None, a.fire, a.skip, a.delay, a.edit, a.show_in_room, None, a.undo,
                       a.unskip, a.mark_misfired, None, a.new_inject):
            injects.addSeparator() if action is None else injects.addAction(action)
        observers = bar.addMenu(self.tr("&Observateurs"))
        for action in (a.new_entry, a.observer_window, a.hotwash):
            observers.addAction(action)
        view = bar.addMenu(self.tr("&Affichage"))
        view.addAction(a.room_display)
        self.room_control.add_menus(view)  # the projector's screen, what the room display shows
        view.addSeparator()
        for dock in (self.detail_dock, self.situation_dock, self.cards_dock, self.courante_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        view.addAction(a.sound_alerts)
        language = view.addMenu(self.tr("Langue"))
        language.addAction(a.language_fr)
        language.addAction(a.language_en)
        (a.language_en if self.settings.language == "en" else a.language_fr).setChecked(True)
        a.sound_alerts.setChecked(self.settings.sound_alerts)
        central = self.centralWidget()
        a.scope_shortcuts(self, inject_area=(central, self.detail_dock),
                          entry_area=(central, self.detail_dock, self.situation_dock, self.cards_dock, self.clock_bar))

    def _connect_signals(self) -> None:
        # The controller, the room control and the documents connect their own actions.
        a = self.actions
        self.driver.changed.connect(self.refresh)
        self.driver.clock_tick.connect(self.tick)
        self.driver.fired.connect(self._on_auto_fired)
        self.driver.write_failed.connect(
            lambda error: self.write_banner.show_failure(error_reason(error), self.driver.retry_in_ms()))
        self.driver.write_recovered.connect(self.write_banner.hide)
        self.controller.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.controller.refused.connect(self.show_refusal)
        self.documents.message.connect(self.statusBar().showMessage)
        self.documents.refused.connect(self.show_refusal)
        self.room_control.shown.connect(self._show_selected)
        self.timeline.inject_selected.connect(lambda _id: self._show_selected())
        self.detail.delay_requested.connect(self.controller.delay)
        self.alert.fire_requested.connect(self.controller.fire)
        self.alert.skip_requested.connect(self.controller.skip)
        self.alert.show_requested.connect(self.timeline.select)
        self.endex_banner.hotwash_requested.connect(self.side_windows.open_hotwash)
        self.endex_banner.report_requested.connect(lambda kind: self.documents.ask_report(kind, open_when_ready=True))
        self.situation.indicator_edit_requested.connect(self.controller.ask_indicator)
        a.sound_alerts.toggled.connect(self._on_sound_toggled)
        a.new_entry.triggered.connect(self.focus_new_entry)
        a.observer_window.triggered.connect(self.side_windows.open_observer_window)
        a.hotwash.triggered.connect(self.side_windows.open_hotwash)
        a.new_session.triggered.connect(self.new_session_requested)
        a.open_session.triggered.connect(self.open_session_requested)
        a.quit.triggered.connect(self.close)
        a.language_fr.triggered.connect(lambda: self._choose_language("fr"))
        a.language_en.triggered.connect(lambda: self._choose_language("en"))

    # refreshing
    def _scenario_at(self, offset: int):
        return self.session.state.clock.scenario_time_at(offset)

    def _show_clock(self, now: float) -> None:
        self.clock_bar.show_view(clock_view(self.session, now))
        self.clock_bar.show_briefing(self.controller.briefing.remaining(now))

    def tick(self) -> None:
        """Move the clocks; redraw the panels only when the state changed."""
        now = self.time_source.now()
        self._show_clock(now)
        if self.write_banner.isVisible():
            self.write_banner.show_countdown(self.driver.retry_in_ms())
        self.room_control.update(now)
        if state_signature(self.session.state) != self._signature:
            self.refresh()
        else:
            self._update_alerts()
            self.courante.update_clock()

    def refresh(self) -> None:
        """Redraw every panel from the session state."""
        state = self.session.state
        self._signature = state_signature(state)
        following = self.session.next_to_fire()
        self.timeline.show_states(state.injects, state.clock.state,
                                  following.inject.id if following is not None else None)
        self.situation.show_state(state)
        self.courante.refresh_from_session()
        self.side_windows.refresh()  # observer windows and hot-wash windows
        self._show_selected()
        self._update_alerts()
        self.endex_banner.setVisible(state.clock.state is ClockState.ENDED)
        self.actions.undo.setText(self.controller.undo_text(state.last_undoable))
        blocked = self.actions.autofire.blockSignals(True)
        self.actions.autofire.setChecked(state.autofire)
        self.actions.autofire.blockSignals(blocked)
        now = self.time_source.now()
        self._show_clock(now)
        self.actions.enable(clock_action_states(state))
        self.room_control.update(now)

    def _awaiting(self) -> tuple[list, list]:
        """The injects waiting for the controller now, and the contingencies offered."""
        state = self.session.state
        # In the core's order, so the first one is what "fire next" fires (scheduler.next_to_fire).
        return awaiting_controller(state, state.clock.elapsed(self.time_source.now()))

    def _update_alerts(self) -> None:
        self.alert.show_due(*self._awaiting())

    def _show_selected(self) -> None:
        inject_id = self.timeline.selected_id()
        state = self.session.state
        inject_state = state.inject(inject_id) if inject_id is not None else None
        self.detail.show_inject(inject_state, state, self.package, self.session.attachment_bytes, self._scenario_at)
        enabled = inject_action_states(inject_state, state.clock.state)
        self.actions.enable(enabled)
        self.actions.show_in_room.setChecked(
            enabled["show_in_room"] and inject_state is not None and self.room_control.is_shown(inject_state))

    def _on_auto_fired(self, ids: list) -> None:
        self.statusBar().showMessage(self.tr("Déclenché automatiquement : {ids}").format(ids=", ".join(ids)), 8000)

    def show_refusal(self, text: str) -> None:
        """Tell the controller why an action was refused (non-modal)."""
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Action impossible"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("refusalDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_sound_toggled(self, on: bool) -> None:
        self.settings.sound_alerts = on
        self.alert.sound = on

    def _choose_language(self, language: str) -> None:
        if language == self.settings.language:
            return
        self.settings.language = language
        self.language_chosen.emit(language)
        self.statusBar().showMessage(
            self.tr("Langue enregistrée : elle s'applique au prochain démarrage de crisisdesk."), 10000)

    def focus_new_entry(self) -> None:
        """Show the main courante and put the cursor in its quick-entry line."""
        self.courante_dock.show()
        self.courante_dock.raise_()
        self.courante.focus_quick_entry()

    # showing and closing
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._default_layout_pending:
            self._default_layout_pending = False
            # After this event the layout has settled; resizing docks earlier is ignored.
            QTimer.singleShot(0, self._apply_default_dock_sizes)

    def _apply_default_dock_sizes(self) -> None:
        # The timeline gets the larger share: titles must stay readable on a 1366 px laptop.
        self.resizeDocks([self.detail_dock], [max(420, self.width() * 2 // 5)],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.detail_dock, self.courante_dock], [self.height() * 9 // 20, self.height() * 11 // 20],
                         Qt.Orientation.Vertical)

    def close_without_asking(self) -> bool:
        """Close even mid-exercise (the app is ending: Ctrl+C in the terminal, end of a test)."""
        self.quit_guard.close_without_asking()
        return self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Mid-exercise the guard asks first; writes the file refused are retried, else it asks.
        if not self.quit_guard.may_close(self.session.state.clock.state):
            event.ignore()
            return
        self.settings.save_window_layout("console", self.saveGeometry(), self.saveState(LAYOUT_VERSION))
        self.driver.stop()
        self.room_control.close()
        self.side_windows.close_all()  # their unsaved writes are the session's, counted above
        super().closeEvent(event)
