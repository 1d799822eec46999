"""Rules of the Qt layer checked on its source: injected time only, plain imports of modules that always exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"
CONSOLE_AND_OBSERVERS = sorted([*UI.glob("console/*.py"), *UI.glob("observer/*.py"), UI / "main_window.py",
                                UI / "room_display.py"])


@pytest.mark.parametrize("path", CONSOLE_AND_OBSERVERS, ids=lambda p: str(p.relative_to(UI)))
def test_time_comes_from_the_session_or_its_time_source(path):
    source = path.read_text(encoding="utf-8")
    assert not re.search(r"\btime\.time\(|datetime\.now\(|currentDateTime\(|\bimport time\b", source)


def test_the_console_imports_its_panels_plainly():
    source = (UI / "main_window.py").read_text(encoding="utf-8")
    assert "find_spec" not in source and "importlib" not in source
    assert not re.search(r"hasattr\(self\.courante", source)


def test_the_observer_panel_reads_the_sessions_clock(qtbot, tmp_path, mini_session, fake_time):
    from tests.helpers.observer_support import observer_settings, type_entry
    from ui.observer.panel import ObserverPanel

    panel = ObserverPanel(mini_session, "Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(panel)
    panel.show()
    fake_time.advance(10 * 365 * 86400)  # far from the machine's clock: only the session's counts
    entry_id = type_entry(qtbot, panel, "DIR i: Point de situation")
    assert panel.model.row_for(entry_id).entry.real_time == fake_time.now()
