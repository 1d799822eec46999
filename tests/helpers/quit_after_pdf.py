"""Run the real app on a session file, make a PDF report from the console, then quit.

Used by tests/ui/test_quit_after_pdf.py as a separate process: prints "exit N" after
``run_app`` returns, so a crash during shutdown shows as a missing line and a signal.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import run_app


def main(session_file: str, pdf_path: str) -> int:
    app = QApplication(sys.argv[:1])

    def make_report() -> None:
        from ui.main_window import MainWindow

        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows:
            QTimer.singleShot(200, make_report)
            return
        report = windows[0].documents.start_report("pdf", Path(pdf_path))
        report.finished.connect(lambda _path: QTimer.singleShot(300, app.quit))
        report.failed.connect(lambda message: (print("FAILED", message, flush=True), app.quit()))

    QTimer.singleShot(300, make_report)
    code = run_app([session_file])
    print("exit", code, flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
