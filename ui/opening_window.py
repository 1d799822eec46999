"""GUI: the window shown the instant the app starts on a package or a session, while it loads.

Why: loading means importing the session store (SQLAlchemy), reading the package and
building the console — most of a second. The room should see the app answer at once,
so this window (the console's size and place) is painted first, and only then does
the loading start; the console takes its place when it is ready. It imports nothing
but Qt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QVBoxLayout, QWidget

from crisisdesk.session.naming import short_name


class OpeningWindow(QMainWindow):
    """GUI: "Ouverture de …" in the console's place; emits ``painted`` once it is on screen."""

    painted = Signal()

    def __init__(self, target: Path | str, geometry=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingWindow")
        name = short_name(target)
        self.setWindowTitle(self.tr("crisisdesk — ouverture de {name}…").format(name=name))
        title = QLabel(self.tr("Ouverture de « {name} »…").format(name=name), objectName="openingTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        detail = QLabel(self.tr("Lecture de l'exercice et préparation de la console"), objectName="openingDetail")
        detail.setStyleSheet("QLabel { color: #6b6f76; }")
        busy = QProgressBar(objectName="openingProgress")
        busy.setRange(0, 0)  # no known length: a moving bar
        busy.setTextVisible(False)
        busy.setFixedWidth(360)
        column = QVBoxLayout()
        column.addStretch(1)
        for widget in (title, detail, busy):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        central = QWidget()
        central.setLayout(column)
        self.setCentralWidget(central)
        self.resize(1366, 768)  # the console's default size; its saved place if any
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._announced = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self._announced:
            self._announced = True
            # After this turn of the event loop, so the frame reaches the screen first.
            QTimer.singleShot(0, self.painted.emit)
