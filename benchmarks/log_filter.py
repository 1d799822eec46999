"""Measure the observer's log view on a large session: fill it, filter by role and by text.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/log_filter.py FILE.crisisdesk [--repeat 5] [--panel]

The log view as the observer panel builds it (``LogTableModel`` behind ``LogFilterProxy``
in a shown ``QTableView``, 1366 px wide): ``open`` is filling the model with every
current entry; a role filter and a text filter are ``proxy.set_filters`` as the panel
calls it (the panel waits 150 ms after the last keystroke before filtering; that pause
is left out; so is the folding of the texts for the search, done ahead in idle moments).
Each figure runs until Qt has processed every pending event, the repaint
of the view included. ``--panel`` measures the whole ``ObserverPanel`` instead (its
expected-responses checklist included).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView  # noqa: E402

from benchmarks.common import profiled  # noqa: E402

SEARCHES = ("canicule", "eau potable", "délestage réseau", "personnes âgées", "zzz introuvable")


def settle() -> None:
    """Process every pending event (layouts, repaints) before the clock stops."""
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("session", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--panel", action="store_true", help="measure the whole observer panel")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])  # noqa: F841
    from crisisdesk import collector
    from crisisdesk.session import Session
    from ui.observer.log_model import Column, LogTableModel
    from ui.observer.panel import LogFilterProxy, ObserverPanel  # the proxy the panel uses

    folder = Path(tempfile.mkdtemp(prefix="crisisdesk-bench-"))
    session = Session.open(args.session, read_only=True)
    state = session.state
    entries = len(state.entries)
    roles = [r.id for r in session.package.roles if r.played][:5]
    t0 = time.perf_counter()
    if args.panel:
        settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
        panel = ObserverPanel(session, observer_name="Banc de mesure", settings=settings)
        panel.resize(1366, 700)
        panel.show()
        proxy, view = panel.proxy, panel.view
    else:
        model = LogTableModel(role_colors={r.id: r.color for r in session.package.roles if r.color})
        proxy = LogFilterProxy()
        proxy.setSourceModel(model)
        view = QTableView()
        view.setModel(proxy)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        view.resize(1366, 700)
        view.show()
        model.sync(state.entries, state.entry_history)
    settle()
    opened = (time.perf_counter() - t0) * 1000
    collector.settle()  # as the app does once a window is open on a session (ui/app.py, AppController._keep)
    # The proxy folds the texts for the search ahead, in idle moments: let it finish, as it
    # does while the observer reads the log (about a second for 50,000 entries).
    t0 = time.perf_counter()
    idle = getattr(proxy, "_idle", None)
    while idle is not None and idle.isActive() and time.perf_counter() - t0 < 30:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    folded_ahead = (time.perf_counter() - t0) * 1000

    def timed(**filters) -> float:
        t0 = time.perf_counter()
        proxy.set_filters(**filters)
        settle()
        return (time.perf_counter() - t0) * 1000

    results: dict[str, list[float]] = {"role": [], "text": [], "clear": []}
    shown: dict[str, list[int]] = {"role": [], "text": []}
    with profiled():
        for _ in range(args.repeat):
            for role in roles:
                results["role"].append(timed(role=role))
                shown["role"].append(proxy.rowCount())
                results["clear"].append(timed())
            for text in SEARCHES:
                results["text"].append(timed(text=text))
                shown["text"].append(proxy.rowCount())
                results["clear"].append(timed())
    session.close()
    print(json.dumps({"entries": entries, "open_ms": opened, "fold_ahead_ms": folded_ahead, "role_ms": results["role"],
                      "text_ms": results["text"], "clear_ms": results["clear"], "rows_shown": shown}), flush=True)
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
