"""The console with its neighbours: main courante dock, observer windows, edit/ad-hoc dialogs, reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crisisdesk.session import InjectStatus, Session
from tests.qt_helpers import type_text


def test_courante_dock_holds_the_observer_panel_and_ctrl_l_focuses_it(qtbot, console):
    from ui.observer.panel import ObserverPanel

    assert isinstance(console.courante, ObserverPanel)
    with qtbot.waitActive(console):
        console.activateWindow()
    qtbot.keyClick(console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert focused is not None and console.courante.isAncestorOf(focused)


def test_observer_window_and_hotwash_open_on_the_same_session(qtbot, console):
    console.actions.observer_window.trigger()
    console.actions.hotwash.trigger()
    names = sorted(type(w).__name__ for w in console.side_windows.windows)
    assert names == ["HotWashWidget", "ObserverWindow"]
    for window in list(console.side_windows.windows):
        assert window.isVisible()
        window.close()


def test_edit_before_firing_changes_title_and_time(qtbot, console):
    console.timeline.select("I02")
    console.actions.edit.trigger()
    dialog = console.controller.dialog
    assert dialog.title_edit.text() == "Appel de la plateforme"
    dialog.title_edit.clear()
    type_text(dialog.title_edit, "Appel de la plateforme — réitéré")
    dialog.time_edit.setText("0:07")
    dialog.accept()
    state = console.session.state.inject("I02")
    assert state.inject.title == "Appel de la plateforme — réitéré"
    assert state.due_at == 7 * 60
    assert state.edited
    assert "réitéré" in console.detail.browser.toPlainText()


def test_edit_refuses_an_empty_title(qtbot, console):
    console.timeline.select("I02")
    console.actions.edit.trigger()
    dialog = console.controller.dialog
    dialog.title_edit.clear()
    dialog._on_accept()
    assert dialog.isVisible()
    assert "titre" in dialog.error_label.text()
    dialog.reject()


def test_adhoc_inject_fired_now_is_recorded(qtbot, console, fake_time):
    console.actions.start.trigger()
    fake_time.advance(60)
    console.actions.new_inject.trigger()
    dialog = console.controller.dialog
    type_text(dialog.title_edit, "Appel imprévu du préfet")
    dialog.to_list.item(0).setCheckState(Qt.CheckState.Checked)
    type_text(dialog.body_edit, "Le préfet demande un point immédiat à 15 h.")
    dialog.fire_now.setChecked(True)
    dialog._on_accept()
    adhoc = [s for s in console.session.state.injects if s.adhoc]
    assert len(adhoc) == 1
    assert adhoc[0].status is InjectStatus.FIRED
    assert console.model.row_of(adhoc[0].inject.id) >= 0
    reopened = Session.open(console.session.path, read_only=True)
    try:
        assert any(s.adhoc and s.inject.title == "Appel imprévu du préfet" for s in reopened.state.injects)
    finally:
        reopened.close()


def test_reopening_a_running_session_shows_downtime_and_overdue(qtbot, qloop, tmp_path, mini_package_path,
                                                                 fake_time, settings):
    from ui.main_window import MainWindow

    path = tmp_path / "crash.crisisdesk"
    first = Session.create(path, mini_package_path, time_source=fake_time)
    first.start()
    fake_time.advance(30)
    first.tick()
    first.close()  # the laptop dies here
    fake_time.advance(15 * 60)  # I01 (0:02), I02 (0:05) and I03 (0:10) fell due meanwhile
    session = Session.open(path, time_source=fake_time)
    window = MainWindow(session, fake_time, settings)
    window.quit_guard.confirm_while_running = False  # pytest-qt closes it at teardown: no question then
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.recovery.isVisible()
        text = window.recovery.text.text()
        assert "arrêtée" in text and "I01" in text
        assert window.driver.on_deadline() == []  # nothing fired by itself after a crash
        window.tick()
        assert window.alert.isVisible() and "En retard" in window.alert.message.text()
        model = window.model
        assert model.data(model.index(model.row_of("I01"), 6)) == "En retard"
        qtbot.mouseClick(window.alert.fire_button, Qt.MouseButton.LeftButton)
        assert session.state.inject("I01").status is InjectStatus.FIRED
    finally:
        window.driver.stop()
        session.close()


def test_layout_and_language_are_remembered(qtbot, console, settings):
    console.actions.language_en.trigger()
    assert settings.language == "en"
    console.close()
    assert settings.window_state("console") is not None


def test_report_action_renders_html_off_the_ui_thread(qtbot, console, fake_time, tmp_path):
    console.actions.start.trigger()
    fake_time.advance(200)
    console.driver.on_deadline()
    out = tmp_path / "retex.html"
    report = console.documents.start_report("html", out)
    with qtbot.waitSignal(report.finished, timeout=30000):
        pass
    assert out.exists()
    assert "Mini-exercice canicule" in out.read_text(encoding="utf-8")
    assert "Rapport enregistré" in console.statusBar().currentMessage()


def test_room_display_title_names_the_exercise_once(qtbot, console):
    console.actions.room_display.setChecked(True)
    room = console.room_control.room
    assert room.windowTitle() == "Mini-exercice canicule — écran de salle"
    # Qt appends the application display name: the title itself must not carry it (no "— crisisdesk" twice).
    assert "crisisdesk" not in room.windowTitle()
