"""Run in a subprocess on a 1366×768 offscreen screen: open the observer window, print what fits (JSON).

Usage: python -m tests.ui.observer_laptop_probe SESSION_FILE [SCREENSHOT.png]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    from crisisdesk.session import Session
    from ui.observer.window import ObserverWindow

    session = Session.open(Path(argv[0]))
    settings = QSettings(str(Path(argv[0]).with_suffix(".ini")), QSettings.Format.IniFormat)
    window = ObserverWindow(session, observer_name="Claire Dubois", settings=settings, auto_refresh=False)
    window.show()
    app.processEvents()
    available = window.screen().availableGeometry()

    def visible(widget) -> bool:
        """Whole on the screen (not only inside a window that overflows it)."""
        top_left = widget.mapToGlobal(QPoint(0, 0))
        bottom_right = widget.mapToGlobal(QPoint(widget.width() - 1, widget.height() - 1))
        return widget.isVisible() and available.contains(top_left) and available.contains(bottom_right)

    frame = window.frameGeometry()
    report = {
        "screen": [available.width(), available.height()],
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "fits": available.contains(frame),
        "correct_button": visible(window.panel.correct_button),
        "count_label": visible(window.panel.count_label),
        "count_text": window.panel.count_label.text(),
        "status": visible(window.statusBar()),
    }
    if len(argv) > 1:
        window.grab().save(argv[1])
    print(json.dumps(report))
    window.close()
    session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
