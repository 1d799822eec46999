"""Measure how late the console fires injects, with the real window and the real qasync loop.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/console_timing.py [--injects 20] [--load-ms 0]

Adds ad-hoc injects due every 1.5 s to a session on the bundled exercise, runs the console
(the precise re-armed timer in ui/console/driver.py, the 250 ms poll, live refreshes) and
prints how late each inject fired (stored fire time minus its due wall time). ``--load-ms``
adds a busy-loop of that many ms on the UI thread every second, to see the effect of a
blocked window.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--injects", type=int, default=20)
    parser.add_argument("--load-ms", type=int, default=0)
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    from PySide6.QtCore import QSettings

    from crisisdesk.clock import SystemTime
    from crisisdesk.session import Session
    from ui import async_bridge
    from ui.main_window import MainWindow
    from ui.settings import Settings

    folder = Path(tempfile.mkdtemp())
    clock = SystemTime()
    session = Session.create(folder / "timing.crisisdesk", ROOT / "injects" / "paris-50c", time_source=clock)
    session.start()
    session.shift_timeline(600)  # keep the package's own injects out of the way
    start = session.state.clock.elapsed(clock.now())
    ids = [session.add_inject(title=f"Mesure {n}", body="", to=["DIR"], channel="phone", sender="ANIM",
                              at=int(start) + 3 + int(1.5 * n)) for n in range(args.injects)]
    # at is whole seconds: due times are 3 s, 4 s, 6 s... after start (1.5 s spacing rounded down)
    window = MainWindow(session, clock, Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)))
    window.show()

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
            app.quit()

    watcher = QTimer()
    watcher.setInterval(200)
    watcher.timeout.connect(check)
    watcher.start()
    async_bridge.run_event_loop(app, lambda: async_bridge.wait_until_quit(app))

    state = session.state
    late = []
    for inject_id in ids:
        s = state.inject(inject_id)
        due_wall = state.clock.wall_time_at(s.due_at)
        late.append((s.fired_at - due_wall) * 1000)
    late.sort()
    print(f"{len(late)} injects, load {args.load_ms} ms/s: lateness ms "
          f"min {late[0]:.1f} median {statistics.median(late):.1f} "
          f"p90 {late[int(0.9 * (len(late) - 1))]:.1f} max {late[-1]:.1f}; early: {sum(x < 0 for x in late)}")
    window.close()
    watcher.stop()
    session.close()
    # Delete the widgets while the QApplication still exists (avoids a teardown-order crash).
    window.deleteLater()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
