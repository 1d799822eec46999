"""The editor on the Paris package at 1366x768 and 1920x1080: every tab renders, and the timeline fits."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from crisisdesk.package.loader import load_package
from ui.editor.timeline import OVERLOAD_COLOR


def red_pixels(widget) -> int:
    image = widget.grab().toImage()
    return sum(1 for x in range(0, image.width(), 5) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y) == QColor(OVERLOAD_COLOR))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_each_tab_renders_and_the_timeline_fits_without_scrolling(qtbot, editor_window, paris_copy, tmp_path, size):
    window = editor_window
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        image = window.grab().toImage()
        image.save(str(tmp_path / f"tab{index}_{size[0]}.png"))
        assert image.width() >= size[0] - 2
    window.tabs.setCurrentIndex(window.TAB_TIMELINE)
    scroll = window.findChild(type(window.tabs.widget(window.TAB_TIMELINE)), "timelineScroll")
    qtbot.waitUntil(lambda: window.problems.report is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.problems.list.isVisible())  # the readiness findings listed under the tabs
    # every lane, the load table and the legend are in view: nothing of the picture hides below the fold
    assert window.timeline.minimumSizeHint().height() <= scroll.viewport().height()
    played = [role.id for role in load_package(paris_copy).roles if role.played]
    assert [lane["id"] for lane in window.timeline.lanes()] == played


def test_an_overload_made_in_the_editor_turns_red_under_the_lanes(qtbot, editor_window):
    window = editor_window
    window.resize(1366, 768)
    window.tabs.setCurrentIndex(window.TAB_TIMELINE)
    qtbot.waitUntil(lambda: window.problems.report is not None, timeout=10000)
    assert not any(f.kind.startswith("overload") for f in window.problems.report.findings)
    assert red_pixels(window.timeline) == 0
    # six responses from DIR due in the same quarter hour: more than the 4 the check allows
    role = window.timeline.lanes()[0]["id"]
    expected = [{"role": role, "action": f"Réponse {n}", "within": "0:05"} for n in range(6)]
    window.editor.set(("msel", 0, "expected"), expected)
    qtbot.waitUntil(lambda: window.problems.report is not None and any(
        f.kind == "overload_responses" and f.role == role for f in window.problems.report.findings), timeout=10000)
    assert red_pixels(window.timeline) > 0
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.problems.up_to_date and window.problems.report is not None, timeout=10000)
    assert red_pixels(window.timeline) == 0
