"""The opening window: painted at once, then the console takes its place (or the start screen says why)."""

from __future__ import annotations

import pytest

from ui.app import AppController, _open_in_place
from ui.opening_window import OpeningWindow


@pytest.fixture
def controller(qtbot, qloop, settings, fake_time, tmp_path):
    app_controller = AppController(settings, fake_time, session_folder=tmp_path / "sessions")
    yield app_controller
    app_controller.close_all()


def test_opening_window_announces_its_first_paint_then_gives_way_to_the_console(qtbot, controller,
                                                                                 mini_package_path):
    opening = OpeningWindow(mini_package_path)
    qtbot.addWidget(opening)
    assert "mini" in opening.windowTitle()
    opened = []
    opening.painted.connect(lambda: (_open_in_place(controller, mini_package_path, opening), opened.append(1)))
    with qtbot.waitSignal(opening.painted, timeout=5000):
        opening.show()
    qtbot.waitUntil(lambda: opened == [1])
    [console] = controller.windows
    assert console.isVisible() and console.session.package.exercise.id
    assert not opening.isVisible()


def test_a_bad_target_closes_the_opening_window_and_shows_why(qtbot, controller, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "exercise.yaml").write_text("format: crisisdesk/1\nid: [\n", encoding="utf-8")
    opening = OpeningWindow(broken)
    qtbot.addWidget(opening)
    opening.show()
    _open_in_place(controller, broken, opening)
    assert not opening.isVisible()
    assert controller.windows == []
    assert controller.start_screen is not None and controller.start_screen.isVisible()
