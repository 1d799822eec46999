"""GUI: the observer window: the main courante panel and the hot-wash tab.

Opened from the controller console's menu (same session object) or on its own with
``crisisdesk --observer FILE`` (a second process on the same file). Either way it
polls ``session.refresh()`` twice a second to show what other processes wrote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from crisisdesk.session import SessionError
from ui.error_sentences import error_reason
from ui.labels import term
from ui.observer.hotwash import HotWashWidget
from ui.observer.panel import ObserverPanel
from ui.observer.unsaved import UnsavedWritesGuard

if TYPE_CHECKING:
    from crisisdesk.session import Session

PREFERRED_SIZE = QSize(1280, 800)
FRAME_ALLOWANCE = QSize(16, 40)  # a typical title bar and borders, kept free on small screens
REFRESH_INTERVAL_MS = 500
CLOCK_INTERVAL_MS = 1000


class ObserverWindow(QMainWindow):
    """GUI: an observer's window over one session: main courante and hot wash."""

    def __init__(self, session: Session, parent: QWidget | None = None, *, observer_name: str | None = None,
                 settings: QSettings | None = None, auto_refresh: bool = True):
        super().__init__(parent)
        self.setObjectName("observerWindow")
        if parent is not None:
            # Opened from the console: a separate top-level window, not a child widget.
            self.setWindowFlag(Qt.WindowType.Window, True)
        self._session = session
        self.setWindowTitle(self.tr("Main courante — {title}").format(title=session.package.exercise.title))
        self.panel = ObserverPanel(session, observer_name, self, settings=settings)
        self.hotwash = HotWashWidget(session, self, observer_name=self.panel.observer_name)
        self.panel.observer_changed.connect(self.hotwash.set_observer)
        self.panel.entry_logged.connect(lambda _entry_id: self.hotwash.refresh())
        self.unsaved = UnsavedWritesGuard(self, session, lambda: [self.panel])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("observerTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.panel, self.tr("Main courante"))
        self.tabs.addTab(self.hotwash, hotwash_title())
        self.setCentralWidget(self.tabs)
        self._status = QLabel()
        self.statusBar().addPermanentWidget(self._status)
        self.statusBar().setSizeGripEnabled(False)
        self._status.setText(session.location.display)
        self._build_actions()
        self._fit_to_screen(parent)

        self._last_stage = session.state.stage
        if self._last_stage == "hotwash":
            self.tabs.setCurrentWidget(self.hotwash)
        self._refresh_timer = QTimer(self, interval=REFRESH_INTERVAL_MS)
        self._refresh_timer.timeout.connect(self.poll)
        self._clock_timer = QTimer(self, interval=CLOCK_INTERVAL_MS)
        self._clock_timer.timeout.connect(self.panel.update_clock)
        if auto_refresh:
            self._refresh_timer.start()
        self._clock_timer.start()

    def _fit_to_screen(self, near: QWidget | None) -> None:
        # 1280×800 is the comfortable size, but never larger than the screen's free area: on a
        # 1366×768 laptop the bottom ("Corriger (F2)", the entry count) would fall off the screen.
        screen = (near.screen() if near is not None else None) or self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(PREFERRED_SIZE)
            return
        area = screen.availableGeometry()
        # Room for a window manager's title bar and borders (nothing under a bare X server: a few px lost).
        width = min(PREFERRED_SIZE.width(), area.width() - FRAME_ALLOWANCE.width())
        height = min(PREFERRED_SIZE.height(), area.height() - FRAME_ALLOWANCE.height())
        self.resize(max(width, 320), max(height, 240))
        self.move(area.x() + (area.width() - self.width()) // 2, area.y() + (area.height() - self.height() - FRAME_ALLOWANCE.height()) // 2)

    def _build_actions(self) -> None:
        focus = QAction(self.tr("Saisie rapide"), self)
        focus.setShortcut(QKeySequence("Ctrl+L"))
        focus.triggered.connect(self._focus_entry)
        courante = QAction(self.tr("Main courante"), self)
        courante.setShortcut(QKeySequence("F5"))
        courante.triggered.connect(lambda: self.tabs.setCurrentWidget(self.panel))
        hotwash = QAction(hotwash_title(), self)
        hotwash.setShortcut(QKeySequence("F6"))
        hotwash.triggered.connect(lambda: self.tabs.setCurrentWidget(self.hotwash))
        for action in (focus, courante, hotwash):
            self.addAction(action)

    def _focus_entry(self) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.panel.focus_quick_entry()

    def poll(self) -> None:
        """Read what other processes wrote and show it (the 500 ms timer calls this)."""
        try:
            self._session.refresh()
        except SessionError as exc:  # the file vanished or is unreadable: say so, keep the window
            self.statusBar().showMessage(self.tr("Lecture du fichier impossible : {error}").format(error=error_reason(exc)), 5000)
            return
        self.refresh_from_session()

    def refresh_from_session(self) -> None:
        """Update both tabs from the session's current state."""
        self.panel.refresh_from_session()
        stage = self._session.state.stage
        if stage != self._last_stage:
            # Never switch tabs under someone typing: mark the hot-wash tab instead.
            self._last_stage = stage
            title = hotwash_title() + " ●" if stage == "hotwash" else hotwash_title()
            self.tabs.setTabText(self.tabs.indexOf(self.hotwash), title)
        self.hotwash.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.panel.focus_quick_entry)

    def close_without_asking(self) -> bool:
        """Close even with unsaved writes (they stay in the journal beside the file): the console asked already."""
        self.unsaved.settled = True
        return self.close()

    def closeEvent(self, event) -> None:
        if not self.unsaved.may_close():  # writes the file refused: retried once, else the user is asked
            event.ignore()
            return
        self._refresh_timer.stop()
        self._clock_timer.stop()
        super().closeEvent(event)


def hotwash_title() -> str:
    """The hot wash's tab and menu title: the glossary's term (« Retour à chaud », "Hot wash")."""
    return term("hotwash").capitalize()
