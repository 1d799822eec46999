"""The standalone observer window: polls the file for other processes' writes, hot-wash tab."""

from __future__ import annotations

from crisisdesk.session import Session
from tests.helpers.observer_support import observer_settings, type_entry
from ui.observer.window import ObserverWindow


def test_window_polls_other_writers_and_marks_the_hot_wash(qtbot, tmp_path, mini_session, fake_time):
    window = ObserverWindow(mini_session, observer_name="Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.waitUntil(lambda: window.panel.quick.line.hasFocus())  # ready to type at once

    # The controller, in another window on the same file, starts and ends the exercise;
    # another observer logs an entry. The window's 500 ms poll shows it all.
    controller = Session.open(mini_session.path, time_source=fake_time)
    try:
        controller.start()
        controller.log_entry(observer="Marc Lefèvre", role="DIR", kind="decision", text="Activation de la cellule")
        qtbot.waitUntil(lambda: window.panel.model.rowCount() == 1, timeout=3000)
        assert "T+0:00:00" in window.panel.stage_label.text()
        fake_time.advance(600)
        controller.end()
    finally:
        controller.close()
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Retour à chaud ●", timeout=3000)
    assert window.tabs.currentWidget() is window.panel  # no tab switch under the typist
    assert "Retour à chaud" in window.panel.stage_label.text()
    type_entry(qtbot, window.panel, "DIR o: Hot wash : la cellule manquait de cartes papier")
    assert [e.stage for e in mini_session.state.entries] == ["play", "hotwash"]
    assert window.hotwash.import_button.text() == "Reprendre les entrées marquées (0)"


def test_window_opened_after_endex_starts_on_the_hot_wash(qtbot, tmp_path, mini_session):
    mini_session.start()
    mini_session.end()
    window = ObserverWindow(mini_session, observer_name="Claire Dubois", settings=observer_settings(tmp_path),
                            auto_refresh=False)
    qtbot.addWidget(window)
    assert window.tabs.currentWidget() is window.hotwash
    assert not window._refresh_timer.isActive()


def test_ctrl_l_returns_to_the_quick_entry_from_the_log_and_from_the_hot_wash(qtbot, tmp_path, mini_session):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = ObserverWindow(mini_session, observer_name="Claire Dubois", settings=observer_settings(tmp_path),
                            auto_refresh=False)
    qtbot.addWidget(window)
    window.show()
    line = window.panel.quick.line
    window.panel.view.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(window.panel.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is line  # was ambiguous: the window's Ctrl+L and the panel's
    window.tabs.setCurrentWidget(window.hotwash)
    window.hotwash.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(QApplication.focusWidget() or window.hotwash, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.panel
    assert QApplication.focusWidget() is line
