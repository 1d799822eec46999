"""Measure how late the console fires injects while a report renders, with the real window and loop.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/lateness.py [--injects 60]
        [--report FILE.crisisdesk:html|pdf ...] [--load-ms 0]

A session on the bundled exercise (real time, ``SystemTime``) gets ad-hoc injects due
every second; its own injects are moved 10 hours away. The console window (the precise
re-armed timer of ui/console/driver.py, the 250 ms poll, the live panels) fires them while
``ReportController`` renders the given reports one after the other, in a loop, exactly as
the File menu does (HTML on a worker thread, PDF printed by QtWebEngine). Lateness is read
from the stored events: fire time minus the due wall time. ``--load-ms`` adds a busy loop
of that many ms on the UI thread every second, to see the effect of a blocked window.
Prints a JSON line with every lateness in ms and how many reports were made meanwhile.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--injects", type=int, default=60)
    parser.add_argument("--spacing", type=int, default=1, help="seconds between two injects (whole seconds)")
    parser.add_argument("--report", action="append", default=[], metavar="FILE:KIND",
                        help="render this session's report (html or pdf) over and over meanwhile")
    parser.add_argument("--load-ms", type=int, default=0)
    parser.add_argument("--session-file", type=Path, help="create the session here (benchmarks/room_server.py "
                                                          "serves it to simulated devices meanwhile)")
    parser.add_argument("--first-in", type=int, default=3, help="seconds before the first inject (default 3)")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    from crisisdesk import collector
    from crisisdesk.clock import SystemTime
    from crisisdesk.session import Session
    from ui import async_bridge
    from ui.main_window import MainWindow
    from ui.report_action import ReportController
    from ui.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="crisisdesk-bench-"))
    clock = SystemTime()
    session = Session.create(args.session_file or folder / "timing.crisisdesk", ROOT / "injects" / "paris-50c",
                             time_source=clock)
    session.start()
    session.shift_timeline(600)  # minutes: the package's own injects are out of the way
    start = int(session.state.clock.elapsed(clock.now()))
    ids = [session.add_inject(title=f"Mesure {n}", body="Inject de mesure.", to=["DIR"], channel="phone",
                              sender="ANIM", at=start + args.first_in + args.spacing * n) for n in range(args.injects)]
    window = MainWindow(session, clock, Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)))
    window.show()
    collector.settle()  # as the app does once a window is open on a session (ui/app.py, AppController._keep)

    jobs = []
    for spec in args.report:
        path, _, kind = spec.rpartition(":")
        jobs.append((Path(path), kind))
    made: list[tuple[str, float]] = []
    failures: list[str] = []
    controllers = []
    state = {"next": 0, "t0": 0.0}

    def next_report() -> None:
        if not jobs or done():
            return
        path, kind = jobs[state["next"] % len(jobs)]
        state["next"] += 1
        controller = ReportController(path, window, show_progress=True)
        controllers.append(controller)
        state["t0"] = time.perf_counter()
        controller.finished.connect(lambda _p, k=kind, n=path.name: (made.append((f"{n}:{k}", time.perf_counter() - state["t0"])), QTimer.singleShot(0, next_report)))
        controller.failed.connect(lambda message: (failures.append(message), QTimer.singleShot(0, next_report)))
        controller.start(kind, folder / f"report-{state['next']}.{kind}")

    if args.load_ms:
        def busy() -> None:
            end = time.perf_counter() + args.load_ms / 1000
            while time.perf_counter() < end:
                pass
        load = QTimer()
        load.setInterval(1000)
        load.timeout.connect(busy)
        load.start()

    def done() -> bool:
        return all(session.state.inject(i).status.name == "FIRED" for i in ids)

    def check() -> None:
        if done():
            report()

    def report() -> None:
        final = session.state
        late = []
        for inject_id in ids:
            s = final.inject(inject_id)
            late.append((s.fired_at - final.clock.wall_time_at(s.due_at)) * 1000)
        print(f"{len(late)} injects, reports made meanwhile: {len(made)} "
              f"({', '.join(f'{n} {t:.2f}s' for n, t in made)}); failures {failures}", file=sys.stderr)
        print(f"lateness ms: median {statistics.median(late):.1f} max {max(late):.1f}; "
              f"early: {sum(x < 0 for x in late)}", file=sys.stderr)
        print(json.dumps({"lateness_ms": late, "reports": made, "failures": failures}), flush=True)
        sys.stderr.flush()
        session.close()
        # Leave at once: tearing down a qasync loop while WebEngine pages are alive can crash
        # (segfault in qasync's stop), which is not what this measures.
        os._exit(0)

    watcher = QTimer()
    watcher.setInterval(200)
    watcher.timeout.connect(check)
    watcher.start()
    QTimer.singleShot(0, next_report)
    async_bridge.run_event_loop(app, lambda: async_bridge.wait_until_quit(app))

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
