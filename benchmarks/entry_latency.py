"""Measure main-courante entry latency: Enter in the observer's quick-entry line → row committed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/entry_latency.py [--entries 200] [--session FILE]

A real ``ObserverPanel`` (the one docked in the console and in the observer window)
on a session file with the durability settings the app ships with (WAL,
synchronous=FULL, BEGIN IMMEDIATE). Each entry is typed into the line with QTest,
then Enter is pressed: ``committed`` is the moment ``session.log_entry`` returns (the
row is in the file), ``shown`` the moment the panel announces the row as saved
(``entry_logged``). Without ``--session`` a fresh running session on the bundled
exercise is used; with it, a copy of that file (so the cached file never grows).
Also measures the floor: a bare sqlite3 commit with the same pragmas, in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.common import profiled  # noqa: E402

TEXTS = (
    "Ouverture de 3 salles rafraichies dans le 13e, capacite 240 personnes",
    "Point de situation: delestage annonce sur le reseau, 2 arrondissements concernes",
    "Demande de renfort BSPP pour les parcs en nocturne",
    "Communique de presse valide par le directeur de cabinet",
    "Constat: la cellule attend le bilan ARS avant de decider",
)


def sqlite_floor(folder: Path, count: int) -> list[float]:
    """Bare sqlite3 commits (WAL, synchronous=FULL, BEGIN IMMEDIATE) of one row each, in ms."""
    conn = sqlite3.connect(folder / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    times = []
    for n in range(count):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (text) VALUES (?)", (TEXTS[n % len(TEXTS)],))
        conn.execute("COMMIT")
        times.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return times


def measure(count: int, roles: list[str], line, marks: dict, committed: list, shown: list) -> None:
    """Type ``count`` entries and press Enter after each; append the latencies in ms."""
    for n in range(count):
        marks.clear()
        line.setFocus()
        QTest.keyClicks(line, f"{roles[n % len(roles)]} d: {TEXTS[n % len(TEXTS)]} ({n})")
        QCoreApplication.processEvents()
        t0 = time.perf_counter()
        QTest.keyClick(line, Qt.Key.Key_Return)
        while "shown" not in marks:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
        committed.append((marks["committed"] - t0) * 1000)
        shown.append((marks["shown"] - t0) * 1000)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--session", type=Path, help="a session file to copy and log into")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])  # noqa: F841  (kept alive for the run)
    from crisisdesk import collector
    from crisisdesk.clock import SystemTime
    from crisisdesk.session import Session
    from ui.observer.panel import ObserverPanel

    folder = Path(tempfile.mkdtemp(prefix="crisisdesk-bench-"))
    if args.session:
        path = folder / "copy.crisisdesk"
        shutil.copyfile(args.session, path)
        session = Session.open(path, time_source=SystemTime())
    else:
        session = Session.create(folder / "entries.crisisdesk", ROOT / "injects" / "paris-50c",
                                 time_source=SystemTime())
        session.start()
    roles = [r.id for r in session.package.roles if r.played]
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    panel = ObserverPanel(session, observer_name="Banc de mesure", settings=settings)
    panel.resize(1366, 500)
    panel.show()
    QCoreApplication.processEvents()
    collector.settle()  # as the app does once a window is open on a session (ui/app.py, AppController._keep)

    marks: dict[str, float] = {}
    log_entry = session.log_entry

    def timed_log_entry(**kwargs):
        entry = log_entry(**kwargs)
        marks["committed"] = time.perf_counter()
        return entry

    session.log_entry = timed_log_entry
    panel.entry_logged.connect(lambda _id: marks.__setitem__("shown", time.perf_counter()))
    line = panel.quick.line
    committed, shown = [], []
    with profiled():
        measure(args.entries, roles, line, marks, committed, shown)
    stored = len(session.state.entries)
    floor = sqlite_floor(folder, args.entries)
    session.close()
    print(json.dumps({"committed_ms": committed, "shown_ms": shown, "sqlite_floor_ms": floor,
                      "entries_in_session": stored}), flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
