"""The editor on the Paris package at 1366x768 and 1920x1080: every tab renders, and the timeline fits."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from ui.editor.timeline import OVERLOAD_COLOR


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_each_tab_renders_and_the_timeline_fits_without_scrolling(qtbot, editor_window, tmp_path, size):
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
    qtbot.waitUntil(lambda: window.timeline.height() > 0)
    # the readiness check's overloads (DIR has some in Paris) are painted red in the load table
    qtbot.waitUntil(lambda: window.problems.report is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.problems.list.isVisible())  # its findings listed under the tabs
    # every lane, the load table and the legend are in view: nothing of the picture hides below the fold
    assert window.timeline.minimumSizeHint().height() <= scroll.viewport().height()
    assert len(window.timeline.lanes()) == 14  # the played roles of Paris
    assert any(f.kind == "overload_responses" and f.role == "DIR" for f in window.problems.report.findings)
    image = window.timeline.grab().toImage()
    reds = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height(), 5)
               if image.pixelColor(x, y) == QColor(OVERLOAD_COLOR))
    assert reds > 0
