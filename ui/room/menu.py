"""The console's menu entry for the room server, kept in one place (the main window only calls ``install``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction

from ui.room.dialog import RoomDialog
from ui.room.server_controller import RoomServerController


class RoomMenu(QObject):
    """GUI: *Ouvrir la session à la salle…* in the Exercice menu; stops the server with the console."""

    def __init__(self, window, menu):
        super().__init__(window)
        self.window = window
        self.controller = RoomServerController(Path(window.session.path), self)
        self.dialog: RoomDialog | None = None
        self.action = QAction(QCoreApplication.translate("RoomMenu", "Ouvrir la session à la salle…"), window)
        self.action.setObjectName("actionRoomServer")
        self.action.triggered.connect(self.open_dialog)
        menu.addSeparator()
        menu.addAction(self.action)
        self.controller.died.connect(self._say_died)
        # Closing the console stops the server; if the console dies instead, the server
        # sees its input close and stops by itself.
        window.installEventFilter(self)

    def _say_died(self, _detail: str) -> None:
        # Said in the console even with the dialog closed: the room's devices are waiting.
        self.window.statusBar().showMessage(
            QCoreApplication.translate("RoomMenu", "Le serveur de salle s'est arrêté ; il redémarre."), 15_000)

    def open_dialog(self) -> RoomDialog:
        if self.dialog is None:
            names = {r.id: r.name for r in self.window.package.roles}
            self.dialog = RoomDialog(self.controller, names, self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # Seen before the window decides; stop only once it really closed.
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self._stop_if_closed)
        return False

    def _stop_if_closed(self) -> None:
        if not self.window.isVisible():
            self.controller.stop()


def install(window, exercise_menu) -> RoomMenu:
    """Add the room server's entry to the console's Exercice menu."""
    window.room_server_menu = RoomMenu(window, exercise_menu)
    return window.room_server_menu
