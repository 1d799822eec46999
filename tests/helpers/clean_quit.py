"""Run the app on the bundled exercise, optionally export the role cards, then quit from the menu.

Usage: python clean_quit.py quit|cards OUT_DIR  (a real process: what it prints at exit is the test)
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import BUNDLED_PACKAGE, run_app

mode, out = sys.argv[1], Path(sys.argv[2])


def poke() -> None:
    for window in QApplication.instance().topLevelWidgets():
        if window.objectName() == "consoleWindow" and window.isVisible():
            if mode == "cards":
                task = window.documents.export_cards(out / "cards.pdf")
                task.add_done_callback(lambda _task, w=window: QTimer.singleShot(50, w.actions.quit.trigger))
            else:
                window.actions.quit.trigger()
            return
    QTimer.singleShot(200, poke)


app = QApplication(sys.argv[:1])
QTimer.singleShot(500, poke)
sys.exit(run_app([str(BUNDLED_PACKAGE)]))
