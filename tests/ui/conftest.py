"""Fixtures for the UI tests: a qasync loop, isolated settings, a fake clock, real session files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from crisisdesk.clock import FakeTime
from ui import async_bridge
from ui.settings import Settings

START = 1_780_000_000.0  # a fixed wall-clock epoch for the fake clock


@pytest.fixture(autouse=True)
def french_locale():
    """Format dates in French, as the app does by default (ui.i18n)."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield


@pytest.fixture
def qloop(qapp):
    """A qasync loop that runs while pytest-qt spins Qt (waitUntil, waitSignal...)."""
    loop = async_bridge.install_test_loop(qapp)
    yield loop
    async_bridge.remove_test_loop(loop)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings stored in a throw-away INI file (never the user's real preferences)."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def fake_time() -> FakeTime:
    """A wall clock the test moves by hand."""
    return FakeTime(START)


@pytest.fixture
def mini_session(tmp_path: Path, mini_package_path: Path, fake_time: FakeTime):
    """A new session file on the mini package, driven by the fake clock."""
    from crisisdesk.session import Session

    session = Session.create(tmp_path / "mini.crisisdesk", mini_package_path, time_source=fake_time)
    yield session
    session.close()


@pytest.fixture
def quick_session(mini_session, fake_time):
    """The mini session opened again with a short busy timeout: a held lock fails in 50 ms, not 5 s."""
    from crisisdesk.session import Session

    session = Session.open(mini_session.path, time_source=fake_time, busy_timeout_ms=50)
    yield session
    session.close()


@pytest.fixture
def lock(mini_session):
    """Call it to make another program hold the session file's write lock (released at teardown at the latest)."""
    from tests.helpers.write_lock import WriteLock

    held: list[WriteLock] = []

    def hold() -> WriteLock:
        held.append(WriteLock(mini_session.path))
        return held[-1]

    yield hold
    for each in held:
        each.release()


@pytest.fixture
def plain_window(qtbot):
    """An empty main window, shown: the parent of a dialog or of a background job under test."""
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.resize(900, 600)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def console(qtbot, qloop, mini_session, fake_time, settings):
    """The controller's console on the mini session, shown offscreen."""
    from ui.main_window import MainWindow

    window = MainWindow(mini_session, fake_time, settings)
    window.quit_guard.confirm_while_running = False  # pytest-qt closes it at teardown: no question then
    window.controller.ask_before_start = False  # STARTEX is a step of these tests, not their subject
    qtbot.addWidget(window)
    window.show()
    yield window
    window.driver.stop()
    if window.room_control.room is not None:
        window.room_control.room.close()
        window.room_control.room.deleteLater()


@pytest.fixture
def paris_console(qtbot, qloop, tmp_path, paris_package_path, fake_time, settings):
    from crisisdesk.session import Session
    from ui.main_window import MainWindow

    session = Session.create(tmp_path / "paris.crisisdesk", paris_package_path, time_source=fake_time)
    window = MainWindow(session, fake_time, settings)
    window.quit_guard.confirm_while_running = False  # pytest-qt closes it at teardown: no question then
    window.controller.ask_before_start = False  # STARTEX is a step of these tests, not their subject
    qtbot.addWidget(window)
    window.show()
    yield window
    window.driver.stop()
    if window.room_control.room is not None:
        window.room_control.room.close()
    session.close()
