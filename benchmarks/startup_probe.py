"""Child process of the cold-start benchmark: start, print when the window is painted and usable, quit.

    python benchmarks/startup_probe.py app PACKAGE   # the real app, as ``python main.py PACKAGE`` starts it
    python benchmarks/startup_probe.py bare          # the floor: a bare PySide6 window

Prints one JSON line: ``painted`` (epoch time of the first paint of the app's window:
the opening window, or the console if it comes first), ``usable`` (the console window,
package loaded, has been painted and the event loop is idle again after that paint),
and ``imports_done`` (when the app module was imported, for the record). The parent
records the time just before it started the process, so every figure counts the
interpreter's own start too. Nothing is imported here before the app imports it.
"""

from __future__ import annotations

import json
import os
import sys
import time

_KEEP: list = []  # the event filter, kept alive


_PROFILER = None  # set when BENCH_PROFILE names a file: a pyinstrument profile of the start-up


def _report_and_quit(marks: dict) -> None:
    print(json.dumps(marks), flush=True)
    if _PROFILER is not None:
        _PROFILER.stop()
        with open(os.environ["BENCH_PROFILE"], "w") as out:
            out.write(_PROFILER.output_text(unicode=True, show_all=False))
    sys.stderr.flush()
    # Skip the teardown (closing windows, the session, the settings): it is not start-up.
    os._exit(0)


def _watch(first_classes: tuple[str, ...], usable_class: str, marks: dict) -> None:
    """Record the first paint of a top-level window of ``first_classes`` ("painted"), then the
    first paint of a ``usable_class`` window and the next idle moment after it ("usable")."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class Probe(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint and obj.isWidgetType():
                name = obj.window().metaObject().className()
                if "painted" not in marks and name in first_classes:
                    marks["painted"] = time.time()
                if "usable_painted" not in marks and name == usable_class:
                    marks["usable_painted"] = time.time()
                    QTimer.singleShot(0, self._usable)
            return False

        def _usable(self) -> None:
            marks["usable"] = time.time()
            _report_and_quit(marks)

    app = QApplication.instance()
    probe = Probe(app)
    app.installEventFilter(probe)
    _KEEP.append(probe)


def run_app(package: str) -> None:
    marks: dict = {}
    import ui.app as app_module  # what ui.launcher imports to open the app

    marks["imports_done"] = time.time()
    # Watch from the moment the application object exists (run_app makes it).

    original_app = app_module.QApplication

    class WatchedApplication(original_app):
        def __init__(self, *args):
            super().__init__(*args)
            _watch(("OpeningWindow", "MainWindow"), "MainWindow", marks)

    app_module.QApplication = WatchedApplication
    from ui.launcher import main

    main([package])
    raise SystemExit("the app quit before its window was painted")


def run_bare() -> None:
    marks: dict = {}
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    marks["imports_done"] = time.time()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("crisisdesk"))
    window.resize(1366, 768)
    _watch(("QMainWindow",), "QMainWindow", marks)
    window.show()
    app.exec()
    raise SystemExit("the bare window quit before it was painted")


if __name__ == "__main__":
    if os.environ.get("BENCH_PROFILE"):
        from pyinstrument import Profiler

        _PROFILER = Profiler(interval=0.0005)
        _PROFILER.start()
    if sys.argv[1] == "app":
        run_app(sys.argv[2])
    else:
        run_bare()
