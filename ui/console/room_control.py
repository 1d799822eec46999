"""GUI: the room display (projector) seen from the console — which screen, what it shows, when.

The screen choice is plain logic (``pick_room_screen``); ``RoomControl`` owns the display, its
selection and the View menu entries about it, and wires the console's room actions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from ui.console.actions import ConsoleActions
from ui.console.views import room_view
from ui.room_display import RoomDisplay, RoomSelection

if TYPE_CHECKING:
    from crisisdesk.clock import TimeSource
    from crisisdesk.session import InjectState, Session
    from ui.settings import Settings

Screen = TypeVar("Screen")


def pick_room_screen(screens: Sequence[Screen], saved_name: str | None, console_screen: Screen | None,
                     name: Callable[[Screen], str]) -> Screen | None:
    """The screen for the room display: the one saved by name, else one the console is not on.

    ``None`` (one screen only, the console's): the display opens where the window system puts it.
    """
    for screen in screens:
        if name(screen) == saved_name:
            return screen
    # With a projector plugged in, default to the screen the console is not on.
    others = [s for s in screens if s != console_screen]
    return others[0] if others else None


def screen_label(name: str, width: int, height: int) -> str:
    """A screen as the menu names it: its name and size in pixels."""
    return f"{name} ({width}×{height})"


class RoomControl(QObject):
    """GUI: show, hide, fill and place the room display for one console window."""

    shown = Signal()  # the display has just been shown: the console updates "show in room"

    def __init__(self, session: Session, time_source: TimeSource, settings: Settings, actions: ConsoleActions,
                 selected_id: Callable[[], str | None], window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.time_source = time_source
        self.settings = settings
        self.actions = actions
        self.selected_id = selected_id
        self.window = window
        self.room: RoomDisplay | None = None  # made on first use (tests reach it here)
        self.screen_menu: QMenu | None = None
        self.indicator_menu: QMenu | None = None
        a = actions
        a.show_in_room.triggered.connect(self.toggle_in_room)
        a.room_display.toggled.connect(self.set_visible)
        for action in (a.room_clock, a.room_indicators, a.room_feed):
            action.toggled.connect(self._on_content_changed)

    def add_menus(self, view: QMenu) -> None:
        """Add the projector's screen and the room content menus to the View menu."""
        a = self.actions
        self.screen_menu = view.addMenu(self.tr("Écran du projecteur"))
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        room_content = view.addMenu(self.tr("Contenu de l'écran de salle"))
        for action in (a.room_clock, a.room_indicators, a.room_feed):
            room_content.addAction(action)
        self.indicator_menu = room_content.addMenu(self.tr("Indicateurs affichés"))
        self.indicator_menu.aboutToShow.connect(self._fill_indicator_menu)

    def visible(self) -> bool:
        """True if the room display is on screen."""
        return self.room is not None and self.room.isVisible()

    def is_shown(self, inject: InjectState) -> bool:
        """True if ``inject`` is on the room display now."""
        return self.room is not None and self.room.isVisible() and self.room.selection.is_shown(inject)

    def update(self, now: float) -> None:
        """Redraw the display from the session state at wall time ``now`` (when it is on screen)."""
        if self.room is not None and self.room.isVisible():
            self.room.show_view(room_view(self.session, now, self.room.selection))

    def close(self) -> None:
        """Close the display with the console."""
        if self.room is not None:
            self.room.close()

    def set_visible(self, visible: bool) -> None:
        """Show (full screen on the chosen screen) or hide the room display."""
        if not visible:
            if self.room is not None:
                self.room.hide()
            return
        room = self._display()
        screen = self._screen()
        room.show_view(room_view(self.session, self.time_source.now(), room.selection))
        room.show_on(screen)
        self.shown.emit()

    def toggle_in_room(self) -> None:
        """Show the selected (fired) inject on the room display, or withdraw it."""
        inject_id = self.selected_id()
        if inject_id is None:
            return
        if not self.visible():
            self.actions.room_display.setChecked(True)
        room = self._display()
        shown = room.selection.toggle(self.session.state.inject(inject_id))
        room.show_view(room_view(self.session, self.time_source.now(), room.selection))
        self.actions.show_in_room.setChecked(shown)

    def _display(self) -> RoomDisplay:
        if self.room is None:
            self.room = RoomDisplay()
            # Escape or a close on the display itself: the menu's toggle and F10 stay truthful.
            self.room.dismissed.connect(lambda: self.actions.room_display.setChecked(False))
            self._on_content_changed()
        return self.room

    def _selection(self) -> RoomSelection:
        return self._display().selection

    def _screen(self) -> QScreen | None:
        return pick_room_screen(QGuiApplication.screens(), self.settings.room_screen, self.window.screen(),
                                QScreen.name)

    def _fill_screen_menu(self) -> None:
        menu = self.screen_menu
        assert menu is not None
        menu.clear()
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            action = menu.addAction(screen_label(screen.name(), size.width(), size.height()))
            action.setCheckable(True)
            action.setChecked(screen.name() == self.settings.room_screen)
            action.triggered.connect(partial(self._choose_screen, screen.name()))

    def _choose_screen(self, name: str, _checked: bool = False) -> None:
        self.settings.room_screen = name
        if self.room is not None and self.room.isVisible():
            self.room.show_on(self._screen())

    def _on_content_changed(self, _checked: bool = False) -> None:
        if self.room is None:
            return
        selection = self.room.selection
        selection.show_clock = self.actions.room_clock.isChecked()
        selection.show_indicators = self.actions.room_indicators.isChecked()
        selection.show_feed = self.actions.room_feed.isChecked()
        self.room.show_view(room_view(self.session, self.time_source.now(), selection))

    def _fill_indicator_menu(self) -> None:
        menu = self.indicator_menu
        assert menu is not None
        menu.clear()
        indicators = self.session.package.exercise.indicators
        shown = {i.id for i in self._selection().shown_indicators(indicators)}
        for indicator in indicators:
            action = menu.addAction(indicator.label)
            action.setCheckable(True)
            action.setChecked(indicator.id in shown)
            action.triggered.connect(partial(self._toggle_indicator, indicator.id))

    def _toggle_indicator(self, indicator_id: str, _checked: bool = False) -> None:
        self._selection().toggle_indicator(self.session.package.exercise.indicators, indicator_id)
        if self.room is not None:
            self.room.show_view(room_view(self.session, self.time_source.now(), self.room.selection))
