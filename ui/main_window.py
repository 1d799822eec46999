"""GUI: the controller's console — composition root: builds the panels and docks, wires signals in one place."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
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
from crisisdesk.session import InjectStatus
from ui.async_bridge import run_in_qt_thread, spawn
from ui.console.actions import ConsoleActions
from ui.console.alerts import DueAlert, EndexBanner, RecoveryBanner, WriteFailureBanner
from ui.console.clock_bar import ClockBar
from ui.console.controller import ConsoleController
from ui.console.driver import SessionDriver
from ui.console.inject_detail import InjectDetail
from ui.console.role_cards import RoleCardsPanel, paint_cards, write_cards_pdf
from ui.console.situation_panel import SituationPanel
from ui.console.timeline_model import TimelineModel
from ui.console.timeline_view import TimelinePanel
from ui.console.views import clock_view, room_view, state_signature
from ui.error_sentences import error_reason
from ui.errors import report_unexpected
from ui.labels import term
from ui.observer.hotwash import HotWashWidget
from ui.observer.panel import ObserverPanel
from ui.observer.unsaved import UnsavedWritesGuard
from ui.observer.window import ObserverWindow
from ui.pending_import import PendingImporter
from ui.report_action import ReportController
from ui.room import menu as room_menu
from ui.room_display import RoomDisplay
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
        self._fitted_rows: tuple | None = None  # (rows, clock state) the timeline columns were sized for
        self._followed_next: str | None = None  # the next inject the timeline last scrolled to
        self.pending_tasks: list = []
        self.observer_windows: list[QWidget] = []
        self.room: RoomDisplay | None = None
        self._report = None
        self._open_report_when_ready = False
        # How a finished report is shown (the system's viewer); tests put a recorder here.
        self.report_opener = lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self._kit = None
        # Closing mid-exercise asks first (tests that close their window at teardown turn this off).
        self.confirm_quit_while_running = True
        self._quit_confirmed = False
        self.quit_box: QMessageBox | None = None

        self.actions = ConsoleActions(self)
        self.driver = SessionDriver(session, time_source, self)
        self.model = TimelineModel(scenario_at=self._scenario_at, parent=self)
        self.clock_bar = ClockBar(self.actions)
        self.recovery = RecoveryBanner()
        self.write_banner = WriteFailureBanner()
        self.alert = DueAlert()
        self.endex_banner = EndexBanner()
        self.alert.sound = settings.sound_alerts
        self.timeline = TimelinePanel(self.model, self.package.roles)
        self.detail = InjectDetail(self.actions)
        self.situation = SituationPanel(self.package)
        self.role_cards = RoleCardsPanel(self.package)
        self.courante = self._make_observer_panel()
        self.controller = ConsoleController(session, self.driver, self.actions, self.timeline.selected_id, self)
        self.unsaved = UnsavedWritesGuard(self, session, self._observer_panels)

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
        self.detail_dock = self._dock("dockDetail", self.tr("Inject sélectionné"), self.detail,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.situation_dock = self._dock("dockSituation", self.tr("Situation"), self.situation,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.cards_dock = self._dock("dockRoleCards", self.tr("Cartes de rôle"), self.role_cards,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        # In a scroll area so the panel's own minimum size never forces the window past a laptop screen.
        courante_scroll = QScrollArea()
        courante_scroll.setWidgetResizable(True)
        courante_scroll.setFrameShape(QFrame.Shape.NoFrame)
        courante_scroll.setWidget(self.courante)
        # The director reads and types the log beside the timeline: the main courante has the lower
        # half of the right column to itself; the situation and the role cards are tabs of the upper
        # half, behind the selected inject (one screen, 1366×768, no second window needed).
        self.courante_dock = self._dock("dockCourante", self.tr("Main courante"), courante_scroll,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.detail_dock, self.situation_dock)
        self.tabifyDockWidget(self.situation_dock, self.cards_dock)
        self.detail_dock.raise_()
        from ui.importer.menu import MselActions

        self.msel_actions = MselActions(self, session)
        self._build_menus()
        self._connect_signals()

        self.setWindowTitle(self.tr("crisisdesk — {title} — {file}").format(
            title=self.package.exercise.title, file=Path(session.path).name))
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
        waiting, offered = awaiting_controller(state, state.clock.elapsed(time_source.now()))
        waiting += [s for s, _reason in offered]
        self.recovery.show_recovery(state.downtime, waiting if state.downtime else [], state.clock.state.name)
        self.timeline.show_next()
        self.driver.start()

    # construction helpers
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
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
                       a.report_html, a.report_pdf, None, a.quit):
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
        self.screen_menu = view.addMenu(self.tr("Écran du projecteur"))
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        room_content = view.addMenu(self.tr("Contenu de l'écran de salle"))
        for action in (a.room_clock, a.room_indicators, a.room_feed):
            room_content.addAction(action)
        self.room_indicator_menu = room_content.addMenu(self.tr("Indicateurs affichés"))
        self.room_indicator_menu.aboutToShow.connect(self._fill_room_indicator_menu)
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
        self._scope_shortcuts()

    def _scope_shortcuts(self) -> None:
        a = self.actions
        # The inject actions act on the timeline's selection: their keys work in the timeline and the
        # inject pane only, so typing in the main courante dock (Ctrl+Return...) never fires an inject.
        inject_actions = a.inject_actions() + (a.undo,)
        # Ctrl+L goes to the quick entry; inside the main courante dock the panel's own Ctrl+L does it
        # (two active shortcuts on one key would cancel each other out: "ambiguous").
        outside_courante = (a.new_entry,)
        for action in inject_actions + outside_courante:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        central = self.centralWidget()
        for widget in (central, self.detail_dock):
            widget.addActions(inject_actions)
        for widget in (central, self.detail_dock, self.situation_dock, self.cards_dock, self.clock_bar):
            widget.addActions(outside_courante)
        self.addActions([action for action in a.findChildren(type(a.fire))
                         if action not in inject_actions + outside_courante])

    def _connect_signals(self) -> None:
        a = self.actions
        self.driver.changed.connect(self.refresh)
        self.driver.clock_tick.connect(self.tick)
        self.driver.fired.connect(self._on_auto_fired)
        self.driver.write_failed.connect(
            lambda error: self.write_banner.show_failure(error_reason(error), self.driver.retry_in_ms()))
        self.driver.write_recovered.connect(self.write_banner.hide)
        self.controller.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.controller.refused.connect(self.show_refusal)
        self.timeline.inject_selected.connect(lambda _id: self._show_selected())
        self.detail.delay_requested.connect(self.controller.delay)
        self.alert.fire_requested.connect(self.controller.fire)
        self.alert.skip_requested.connect(self.controller.skip)
        self.alert.show_requested.connect(self.timeline.select)
        self.endex_banner.hotwash_requested.connect(self.open_hotwash)
        self.situation.indicator_edit_requested.connect(self.controller.ask_indicator)
        self.endex_banner.report_requested.connect(lambda kind: self.ask_report(kind, open_when_ready=True))
        a.show_in_room.triggered.connect(self._toggle_in_room)
        a.room_display.toggled.connect(self.set_room_display_visible)
        for action in (a.room_clock, a.room_indicators, a.room_feed):
            action.toggled.connect(self._on_room_content_changed)
        a.sound_alerts.toggled.connect(self._on_sound_toggled)
        a.export_cards.triggered.connect(self.ask_export_cards)
        a.print_cards.triggered.connect(self.ask_print_cards)
        self.role_cards.export_requested.connect(self.ask_export_cards)
        self.role_cards.print_requested.connect(self.ask_print_cards)
        a.print_kit.triggered.connect(self.ask_print_kit)
        a.report_html.triggered.connect(lambda: self.ask_report("html"))
        a.report_pdf.triggered.connect(lambda: self.ask_report("pdf"))
        a.new_entry.triggered.connect(self.focus_new_entry)
        a.observer_window.triggered.connect(self.open_observer_window)
        a.hotwash.triggered.connect(self.open_hotwash)
        a.new_session.triggered.connect(self.new_session_requested)
        a.open_session.triggered.connect(self.open_session_requested)
        a.quit.triggered.connect(self.close)
        a.language_fr.triggered.connect(lambda: self._choose_language("fr"))
        a.language_en.triggered.connect(lambda: self._choose_language("en"))

    # refreshing
    def _scenario_at(self, offset: int):
        return self.session.state.clock.scenario_time_at(offset)

    def tick(self) -> None:
        """Move the clocks; redraw the panels only when the state changed."""
        now = self.time_source.now()
        self.clock_bar.show_view(clock_view(self.session, now))
        self.clock_bar.show_briefing(self.controller.briefing.remaining(now))
        if self.write_banner.isVisible():
            self.write_banner.show_countdown(self.driver.retry_in_ms())
        if self.room is not None and self.room.isVisible():
            self.room.show_view(room_view(self.session, now, self.room.selection))
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
        was_following = self.timeline.next_in_view()
        self.model.set_states(state.injects, ended=state.clock.state is ClockState.ENDED,
                              next_id=following.inject.id if following is not None else None)
        if self.model.next_id != self._followed_next:
            self._followed_next = self.model.next_id
            if was_following:
                self.timeline.follow_next()
        if self._fitted_rows != (len(state.injects), state.clock.state):
            self._fitted_rows = (len(state.injects), state.clock.state)
            self.timeline.fit_columns()
        self.situation.show_state(state)
        self.courante.refresh_from_session()
        for window in self.observer_windows:  # observer windows and hot-wash windows
            if isinstance(window, ObserverWindow):
                window.refresh_from_session()
            else:
                window.refresh()
        self._show_selected()
        self._update_alerts()
        self.endex_banner.setVisible(state.clock.state is ClockState.ENDED)
        self.actions.undo.setEnabled(state.last_undoable is not None)
        self.actions.undo.setText(self.controller.undo_text(state.last_undoable))
        blocked = self.actions.autofire.blockSignals(True)
        self.actions.autofire.setChecked(state.autofire)
        self.actions.autofire.blockSignals(blocked)
        now = self.time_source.now()
        self.clock_bar.show_view(clock_view(self.session, now))
        self.clock_bar.show_briefing(self.controller.briefing.remaining(now))
        clock = state.clock.state
        in_play = clock in (ClockState.RUNNING, ClockState.PAUSED)
        self.actions.start.setEnabled(clock is ClockState.READY)
        self.actions.pause.setEnabled(clock is ClockState.RUNNING)
        self.actions.resume.setEnabled(clock is ClockState.PAUSED)
        self.actions.end.setEnabled(in_play)
        self.actions.next_phase.setEnabled(in_play)
        if self.room is not None and self.room.isVisible():
            self.room.show_view(room_view(self.session, now, self.room.selection))

    def _update_alerts(self) -> None:
        state = self.session.state
        # In the core's order, so the first one is what "fire next" fires (scheduler.next_to_fire).
        waiting, offered = awaiting_controller(state, state.clock.elapsed(self.time_source.now()))
        self.alert.show_due(waiting, offered)

    def _show_selected(self) -> None:
        inject_id = self.timeline.selected_id()
        state = self.session.state
        inject_state = state.inject(inject_id) if inject_id is not None else None
        self.detail.show_inject(inject_state, state, self.package, self.session.attachment_bytes, self._scenario_at)
        done = inject_state is None or inject_state.done
        self.actions.fire.setEnabled(not done and state.clock.state is not ClockState.ENDED)
        self.actions.skip.setEnabled(not done)
        self.actions.unskip.setEnabled(inject_state is not None and inject_state.status is InjectStatus.SKIPPED
                                       and state.clock.state is not ClockState.ENDED)
        self.actions.mark_misfired.setEnabled(inject_state is not None and inject_state.status is InjectStatus.FIRED
                                              and not inject_state.mistaken)
        self.actions.delay.setEnabled(not done)
        self.actions.edit.setEnabled(not done)
        in_room = inject_state is not None and inject_state.status is InjectStatus.FIRED
        self.actions.show_in_room.setEnabled(in_room)
        room_selection = self.room.selection if self.room is not None else None
        self.actions.show_in_room.setChecked(
            bool(in_room and room_selection is not None and self.room.isVisible() and room_selection.is_shown(inject_state))
        )

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

    # room display
    def set_room_display_visible(self, visible: bool) -> None:
        """Show (full screen on the chosen screen) or hide the room display."""
        if not visible:
            if self.room is not None:
                self.room.hide()
            return
        if self.room is None:
            self._make_room()
        screen = self._room_screen()
        self.room.show_view(room_view(self.session, self.time_source.now(), self.room.selection))
        self.room.show_on(screen)
        self._show_selected()

    def _room_screen(self):
        screens = QGuiApplication.screens()
        for screen in screens:
            if screen.name() == self.settings.room_screen:
                return screen
        # With a projector plugged in, default to the screen the console is not on.
        others = [s for s in screens if s != self.screen()]
        return others[0] if others else None

    def _fill_screen_menu(self) -> None:
        self.screen_menu.clear()
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            action = self.screen_menu.addAction(f"{screen.name()} ({size.width()}×{size.height()})")
            action.setCheckable(True)
            action.setChecked(screen.name() == self.settings.room_screen)
            action.triggered.connect(partial(self._choose_screen, screen.name()))

    def _choose_screen(self, name: str, _checked: bool = False) -> None:
        self.settings.room_screen = name
        if self.room is not None and self.room.isVisible():
            self.room.show_on(self._room_screen())

    def _on_room_content_changed(self, _checked: bool = False) -> None:
        if self.room is None:
            return
        selection = self.room.selection
        selection.show_clock = self.actions.room_clock.isChecked()
        selection.show_indicators = self.actions.room_indicators.isChecked()
        selection.show_feed = self.actions.room_feed.isChecked()
        self.room.show_view(room_view(self.session, self.time_source.now(), selection))

    def _fill_room_indicator_menu(self) -> None:
        self.room_indicator_menu.clear()
        indicators = self.package.exercise.indicators
        shown = {i.id for i in self._room_selection().shown_indicators(indicators)}
        for indicator in indicators:
            action = self.room_indicator_menu.addAction(indicator.label)
            action.setCheckable(True)
            action.setChecked(indicator.id in shown)
            action.triggered.connect(partial(self._toggle_room_indicator, indicator.id))

    def _toggle_room_indicator(self, indicator_id: str, _checked: bool = False) -> None:
        self._room_selection().toggle_indicator(self.package.exercise.indicators, indicator_id)
        if self.room is not None:
            self.room.show_view(room_view(self.session, self.time_source.now(), self.room.selection))

    def _room_selection(self):
        if self.room is None:
            self._make_room()
        return self.room.selection

    def _make_room(self) -> None:
        self.room = RoomDisplay()
        # Escape or a close on the display itself: the menu's toggle and F10 stay truthful.
        self.room.dismissed.connect(lambda: self.actions.room_display.setChecked(False))
        self._on_room_content_changed()

    def _toggle_in_room(self) -> None:
        inject_id = self.timeline.selected_id()
        if inject_id is None:
            return
        if self.room is None or not self.room.isVisible():
            self.actions.room_display.setChecked(True)
        shown = self.room.selection.toggle(self.session.state.inject(inject_id))
        self.room.show_view(room_view(self.session, self.time_source.now(), self.room.selection))
        self.actions.show_in_room.setChecked(shown)

    def _on_sound_toggled(self, on: bool) -> None:
        self.settings.sound_alerts = on
        self.alert.sound = on

    # role cards
    def ask_export_cards(self) -> None:
        """Ask where to save the role-card handouts, then write them off the UI thread."""
        dialog = QFileDialog(self, self.tr("Exporter les cartes de rôle"))
        dialog.setObjectName("exportCardsDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Documents PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        self._beside_session(dialog, f"cartes-de-role-{self.package.exercise.id}.pdf")
        dialog.fileSelected.connect(lambda path: self.export_cards(Path(path)))
        dialog.open()

    def _beside_session(self, dialog: QFileDialog, name: str) -> None:
        """Open ``dialog`` in the session file's folder with ``name`` proposed (not the app's working folder)."""
        folder = Path(self.session.path).resolve().parent
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / name))

    def export_cards(self, out_path: Path):
        """Write every role card to ``out_path`` (one per page) on a worker thread; return the task."""
        cards = self.role_cards.cards_html()
        title = self.tr("Cartes de rôle — {title}").format(title=self.package.exercise.title)

        async def job() -> None:
            self.statusBar().showMessage(self.tr("Export des cartes de rôle…"))
            path = await run_in_qt_thread(write_cards_pdf, cards, out_path, title)
            self.statusBar().showMessage(self.tr("Cartes de rôle enregistrées : {path}").format(path=path), 10000)

        task = spawn(job())
        self.pending_tasks.append(task)
        task.add_done_callback(self.pending_tasks.remove)
        return task

    def ask_print_cards(self) -> None:
        """Print the role cards, one per page, through the system print dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printCardsDialog")
        dialog.accepted.connect(lambda: paint_cards(printer, self.role_cards.cards_html()))
        # PySide6 binds only QPrintDialog.open(receiver, member): the plain QDialog.open() is hidden.
        QDialog.open(dialog)
        self._print_dialog = (dialog, printer)

    # observers and report
    def focus_new_entry(self) -> None:
        """Show the main courante and put the cursor in its quick-entry line."""
        self.courante_dock.show()
        self.courante_dock.raise_()
        self.courante.focus_quick_entry()

    def open_observer_window(self) -> None:
        """Open an observer window on this session, in this process."""
        window = ObserverWindow(self.session, self, settings=self.settings.qsettings)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _=None, w=window: self.observer_windows.remove(w) if w in self.observer_windows else None)
        self.observer_windows.append(window)
        window.show()

    def open_hotwash(self) -> None:
        """Open the hot-wash (débriefing à chaud) window."""
        widget = HotWashWidget(self.session, observer_name=self.courante.observer_name)
        self.courante.observer_changed.connect(widget.set_observer)  # ratings credited to whoever is named now
        widget.setWindowFlag(Qt.WindowType.Window, True)
        widget.setWindowTitle(self.tr("{hotwash} — {title}").format(hotwash=term("hotwash").capitalize(),
                                                                     title=self.package.exercise.title))
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        widget.resize(900, 640)
        self.observer_windows.append(widget)
        widget.destroyed.connect(lambda _=None, w=widget: self.observer_windows.remove(w) if w in self.observer_windows else None)
        widget.show()

    def ask_report(self, kind: str, *, open_when_ready: bool = False) -> None:
        """Ask where to save the RETEX report, then render it off the UI thread (and open it if asked)."""
        self._open_report_when_ready = open_when_ready
        dialog = QFileDialog(self, self.tr("Enregistrer le rapport RETEX"))
        dialog.setObjectName("reportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Pages HTML (*.html)") if kind == "html" else self.tr("Documents PDF (*.pdf)"))
        dialog.setDefaultSuffix(kind)
        stamp = datetime.fromtimestamp(self.time_source.now()).strftime("%Y-%m-%d")
        self._beside_session(dialog, f"retex-{self.package.exercise.id}-{stamp}.{kind}")
        dialog.fileSelected.connect(lambda path: self.start_report(kind, Path(path)))
        dialog.open()

    def start_report(self, kind: str, out_path: Path):
        """Render the report to ``out_path`` off the UI thread (the report module's controller)."""
        if self._report is None:
            self._report = ReportController(Path(self.session.path), self, time_source=self.time_source)
            self._report.finished.connect(self._on_report_ready)
            self._report.failed.connect(self.show_refusal)
        if not self._report.start(kind, out_path):
            self.show_refusal(self.tr("Un rapport est déjà en préparation : attendez qu'il soit prêt."))
        return self._report

    def _on_report_ready(self, path) -> None:
        self.statusBar().showMessage(self.tr("Rapport enregistré : {path}").format(path=path), 15000)
        if self._open_report_when_ready:
            # Asked from the ENDEX banner: the room is about to leave, show the report at once.
            self._open_report_when_ready = False
            self.report_opener(Path(path))

    def ask_print_kit(self) -> None:
        """Ask for a folder, then make the three printed kits there as PDF (ui/kit_action.py)."""
        dialog = QFileDialog(self, self.tr("Dossier du kit imprimé"))
        dialog.setObjectName("kitDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(Path(self.session.path).resolve().parent))
        dialog.fileSelected.connect(lambda path: self.start_kit(Path(path)))
        dialog.open()

    def start_kit(self, out_dir: Path):
        """Make the kits into ``out_dir`` in the background; return the controller."""
        from ui.kit_action import KitController

        if self._kit is None:
            self._kit = KitController(Path(self.session.path), self.package, self)
            # The controller shows its own warning box; the status bar keeps the reason in view.
            self._kit.failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        if not self._kit.start(out_dir):
            self.show_refusal(self.tr("Un kit est déjà en préparation : attendez qu'il soit prêt."))
        return self._kit

    def _choose_language(self, language: str) -> None:
        if language == self.settings.language:
            return
        self.settings.language = language
        self.language_chosen.emit(language)
        self.statusBar().showMessage(
            self.tr("Langue enregistrée : elle s'applique au prochain démarrage de crisisdesk."), 10000)

    # closing
    def confirm_quit(self, clock: str) -> QMessageBox:
        """Ask before closing the console mid-exercise (non-modal: open(), answer in finished)."""
        if self.quit_box is not None:
            self.quit_box.raise_()
            self.quit_box.activateWindow()
            return self.quit_box
        if clock == "RUNNING":
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
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmQuitDialog")
        box.setInformativeText(detail.format(file=Path(self.session.path).name))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Quitter"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Continuer l'exercice"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._on_quit_answered(result == QMessageBox.StandardButton.Yes))
        self.quit_box = box
        box.open()
        return box

    def close_without_asking(self) -> bool:
        """Close even mid-exercise (the app is ending: Ctrl+C in the terminal, end of a test).

        Unsaved writes stay in the journal beside the file (stored at the next open).
        """
        self._quit_confirmed = True
        self.unsaved.settled = True
        return self.close()

    def _observer_panels(self) -> list:
        """The main-courante panels of this console (its dock and its observer windows)."""
        return [self.courante, *(w.panel for w in self.observer_windows if isinstance(w, ObserverWindow))]

    def _on_quit_answered(self, quit_now: bool) -> None:
        box, self.quit_box = self.quit_box, None
        if box is not None:
            box.deleteLater()
        if quit_now:
            self._quit_confirmed = True
            # After the dialog has fully closed: never close the window from inside its own child's signal.
            QTimer.singleShot(0, self.close)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        clock = self.session.state.clock.state
        if (self.confirm_quit_while_running and not self._quit_confirmed
                and clock in (ClockState.RUNNING, ClockState.PAUSED)):
            event.ignore()
            self.confirm_quit(clock.name)
            return
        if not self.unsaved.may_close():  # writes the file refused: retried once, else the user is asked
            event.ignore()
            return
        self.settings.save_window_layout("console", self.saveGeometry(), self.saveState(LAYOUT_VERSION))
        self.driver.stop()
        if self.room is not None:
            self.room.close()
        for window in list(self.observer_windows):
            # Their unsaved writes are the session's, counted above: no second question.
            getattr(window, "close_without_asking", window.close)()
        super().closeEvent(event)
