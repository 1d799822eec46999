"""Shared helpers for the observer UI tests: isolated settings, typing an entry, reading the file raw."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings

from crisisdesk.session import LogEntry
from tests.qt_helpers import press_enter, type_text


def observer_settings(tmp_path: Path) -> QSettings:
    """QSettings in a throw-away INI file, never the user's real preferences."""
    return QSettings(str(tmp_path / "observer-settings.ini"), QSettings.Format.IniFormat)


def type_entry(qtbot, panel, line: str) -> str:
    """Type ``line`` into the quick entry as an observer would, press Enter, return the committed id."""
    with qtbot.waitSignal(panel.entry_logged, timeout=5000) as blocker:
        type_text(panel.quick.line, line)
        press_enter(panel.quick.line)
    return blocker.args[0]


def stored_entries(path: Path) -> list[dict]:
    """Every revision in the session file's ``log_entries`` table, read with plain sqlite3."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.row_factory = sqlite3.Row
        rows = connection.execute("SELECT * FROM log_entries ORDER BY event_seq").fetchall()
    finally:
        connection.close()
    result = []
    for row in rows:
        item = dict(row)
        item["tags"] = tuple(json.loads(item["tags"]))
        result.append(item)
    return result


def draft_entry(entry_id: str, observer: str, role: str, kind: str, text: str, real_time: float,
                elapsed: float | None, stage: str = "play") -> LogEntry:
    """An entry typed in a panel and not stored yet: the core's LogEntry, first revision, no inject, no tag."""
    return LogEntry(entry_id=entry_id, revision=1, supersedes=None, observer=observer, role=role, kind=kind,
                    text=text, inject_id=None, tags=(), real_time=real_time, elapsed=elapsed, scenario_time=None,
                    stage=stage)


def play_one_check(session, clock) -> None:
    """STARTEX, I01 fired, its DIR response checked "met" by Claire Dubois 4 minutes later (the hot wash's evidence)."""
    session.start()
    session.fire("I01")
    clock.advance(4 * 60)
    session.check_expectation("I01", 0, "met", observer="Claire Dubois")


def show_hotwash(qtbot, session, observer: str, width: int, height: int):
    """The hot-wash screen on ``session``, named ``observer``, shown offscreen at ``width`` × ``height``."""
    from ui.observer.hotwash import HotWashWidget

    widget = HotWashWidget(session, observer_name=observer)
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    return widget


def stored_state(session):
    """The state of ``session``'s file read again by a second, read-only session (what is really stored)."""
    from crisisdesk.session import Session

    with Session.open(session.path, read_only=True) as reopened:
        return reopened.state
