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


def test_window_fits_a_1366x768_laptop_screen(tmp_path, paris_package_path):
    """On a 1366×768 screen the whole window, "Corriger (F2)" and the entry count included, is on screen."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "laptop.crisisdesk"
    session = Session.create(path, paris_package_path)
    try:
        session.start()
        session.fire("P1-00")
        for number in range(3):
            session.log_entry(observer="Claire Dubois", role="DIR", kind="decision", text=f"Décision n° {number}")
    finally:
        session.close()
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    args = [sys.executable, "-m", "tests.ui.observer_laptop_probe", str(path)]
    if os.environ.get("CRISISDESK_SHOTS"):
        args.append(str(Path(os.environ["CRISISDESK_SHOTS"]) / "observer-window-1366x768.png"))
    done = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"] == [1366, 768]
    assert report["fits"], report
    assert report["correct_button"] and report["count_label"] and report["status"], report
    assert "3" in report["count_text"], report
