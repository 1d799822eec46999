"""Coming back to the app: the recent sessions say what they are, and `run` resumes an unfinished one."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisisdesk.session import Session
from tests.ui.test_console_screens import save_shot
from ui.app import AppController


@pytest.fixture
def controller(qtbot, qloop, settings, fake_time, tmp_path):
    app_controller = AppController(settings, fake_time, session_folder=tmp_path / "sessions")
    yield app_controller
    app_controller.close_all()


def _close(window) -> None:
    window.quit_guard.confirm_while_running = False
    window.close_without_asking()


def test_run_resumes_the_last_unfinished_session_of_the_package(qtbot, controller, mini_package_path, fake_time):
    first = controller.resume_or_new_session(mini_package_path)  # nothing yet: a new session
    path = Path(first.session.path)
    first.session.start()
    _close(first)
    fake_time.advance(120)

    again = controller.resume_or_new_session(mini_package_path)
    assert Path(again.session.path) == path  # the same exercise, not a new empty one
    assert "reprise" in again.statusBar().currentMessage() and path.name in again.statusBar().currentMessage()
    again.session.end()
    _close(again)

    third = controller.resume_or_new_session(mini_package_path)  # the last one ended: a new session
    assert Path(third.session.path) != path
    _close(third)


def test_recent_sessions_show_exercise_state_and_date_without_scrolling(qtbot, tmp_path, mini_package_path,
                                                                         paris_package_path, fake_time):
    from ui.start_screen import StartScreen

    ended = Session.create(tmp_path / "paris-50c_2032-06-22_07h00.crisisdesk", paris_package_path, time_source=fake_time)
    ended.start()
    ended.end()
    ended.close()
    running = Session.create(tmp_path / "mini_2032-06-23_09h00.crisisdesk", mini_package_path, time_source=fake_time)
    running.start()
    running.close()
    (tmp_path / "broken.crisisdesk").write_text("not a session")
    files = [running.path, ended.path, tmp_path / "broken.crisisdesk", tmp_path / "gone.crisisdesk"]
    screen = StartScreen(None, [Path(f) for f in files])
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    items = [screen.recent_list.item(row).text() for row in range(screen.recent_list.count())]
    assert len(items) == 2  # the broken and the missing file are left out
    assert items[0].splitlines()[0] == running.package.exercise.title and "en cours" in items[0]
    assert items[1].startswith("Paris à 50 °C") and "terminée" in items[1]
    assert screen.recent_list.horizontalScrollBar().maximum() == 0
    save_shot(screen, "start-screen-recent")
