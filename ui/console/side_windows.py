"""GUI: the windows the console opens beside itself — observer windows and the hot wash.

They run in the console's process on its session: redrawn when the console redraws, counted when
it asks about unsaved writes, closed with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from ui.labels import term
from ui.observer.hotwash import HotWashWidget
from ui.observer.panel import ObserverPanel
from ui.observer.window import ObserverWindow

if TYPE_CHECKING:
    from crisisdesk.session import Session
    from ui.settings import Settings


class SideWindows(QObject):
    """GUI: open, refresh and close the console's observer and hot-wash windows."""

    def __init__(self, session: Session, settings: Settings, courante: ObserverPanel, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.courante = courante  # the console's own main-courante panel (its dock)
        self.window = window
        self.windows: list[QWidget] = []  # open now, oldest first (tests reach them here)

    def open_observer_window(self) -> None:
        """Open an observer window on this session, in this process."""
        self._keep(ObserverWindow(self.session, self.window, settings=self.settings.qsettings))

    def open_hotwash(self) -> None:
        """Open the hot-wash (retour à chaud) window."""
        widget = HotWashWidget(self.session, observer_name=self.courante.observer_name)
        self.courante.observer_changed.connect(widget.set_observer)  # ratings credited to whoever is named now
        widget.setWindowFlag(Qt.WindowType.Window, True)
        widget.setWindowTitle(self.tr("{hotwash} — {title}").format(hotwash=term("hotwash").capitalize(),
                                                                     title=self.session.package.exercise.title))
        widget.resize(900, 640)
        self._keep(widget)

    def _keep(self, window: QWidget) -> None:
        """Show ``window``; it is redrawn with the console and forgotten once closed."""
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        window.destroyed.connect(lambda _=None, w=window: self.windows.remove(w) if w in self.windows else None)
        window.show()

    def refresh(self) -> None:
        """Redraw every window from the session state."""
        for window in self.windows:
            if isinstance(window, ObserverWindow):
                window.refresh_from_session()
            elif isinstance(window, HotWashWidget):
                window.refresh()

    def panels(self) -> list[ObserverPanel]:
        """The main-courante panels of this console (its dock and its observer windows)."""
        return [self.courante, *(w.panel for w in self.windows if isinstance(w, ObserverWindow))]

    def close_all(self) -> None:
        """Close every window without a second question (the console has asked about unsaved writes)."""
        for window in list(self.windows):
            getattr(window, "close_without_asking", window.close)()
