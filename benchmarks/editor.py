"""Measure the exercise editor on the generated 2,000-inject package: opening it, and dragging on the timeline.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/editor.py PACKAGE [--repeat 3] [--moves 40]

``open_s``: from reading the package (``PackageDocument.open``) to the editor window
shown at 1366×768 with every pending event processed (imports done beforehand; the
first check of the package runs on a worker thread and is not waited for).
``open_cpu_s``: the CPU time of the same (what it costs without waiting for a busy CPU).
``check_s``: from the same start until the first check of the package (validate's checks
and the readiness check) is shown in the problems pane. ``stall_ms``: meanwhile, the
longest the window's thread went without handling its events (a 10 ms tick: what a
user typing or scrolling during the check would wait for a frame).
``drag_ms`` (measured once the first check is done: while a check runs on its thread
it shares the interpreter with the window): one mouse move while an inject is dragged on the timeline by role, until
the timeline has repainted (``repaint()``, synchronous). ``drop_ms``: the release: the
change goes through the undo stack, the table re-sorts and the timeline redraws.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from crisisdesk.package.document import PackageDocument  # noqa: E402
from ui.editor.window import EditorWindow  # noqa: E402


def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("package", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--moves", type=int, default=40)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    opens, open_cpu, checks, stalls, drags, drops = [], [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="crisisdesk-bench-editor-") as tmp:
        for n in range(args.repeat):
            root = Path(tmp) / f"pkg{n}"
            shutil.copytree(args.package, root)
            t0, c0 = time.perf_counter(), time.process_time()
            window = EditorWindow(PackageDocument.open(root), recovery_folder=Path(tmp) / "recovery")
            window.resize(1366, 768)
            window.show()
            settle()
            opens.append(time.perf_counter() - t0)
            open_cpu.append(time.process_time() - c0)  # on a shared, loaded machine: the work itself

            stall = 0.0
            while not window.problems.up_to_date:  # the first check done: steady state
                t1 = time.perf_counter()
                time.sleep(0.01)
                QCoreApplication.processEvents()
                stall = max(stall, time.perf_counter() - t1 - 0.01)
            checks.append(time.perf_counter() - t0)
            stalls.append(stall * 1000)
            window.tabs.setCurrentIndex(window.TAB_TIMELINE)
            settle()
            timeline = window.timeline
            timeline.row_at(QPointF(0, 0))  # lays the marks out (the first paint does too)
            rect, row = timeline._marks[len(timeline._marks) // 2]
            start = rect.center().toPoint()
            QTest.mousePress(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
            settle()
            for step in range(1, args.moves + 1):
                point = QPoint(start.x() + step * 3, start.y())
                t1 = time.perf_counter()
                QTest.mouseMove(timeline, point)
                timeline.repaint()
                drags.append((time.perf_counter() - t1) * 1000)
            t2 = time.perf_counter()
            QTest.mouseRelease(timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
            timeline.repaint()
            settle()
            drops.append((time.perf_counter() - t2) * 1000)
            while not window.problems.up_to_date:  # its checks must not run into the next measure
                QCoreApplication.processEvents()
                time.sleep(0.01)
            window._closing_confirmed = True
            window.close()
            window.deleteLater()
            settle()
    print(json.dumps({"open_s": opens, "open_cpu_s": open_cpu, "check_s": checks, "stall_ms": stalls,
                      "drag_ms": drags, "drop_ms": drops, "injects": 2000}), flush=True)
    app.quit()


if __name__ == "__main__":
    main()
