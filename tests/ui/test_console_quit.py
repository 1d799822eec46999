"""Closing the console mid-exercise asks first, says nothing is lost, and never loses anything."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crisisdesk.session import Session


def quit_box(window) -> QMessageBox | None:
    return window.findChild(QMessageBox, "confirmQuitDialog")


def test_closing_before_startex_does_not_ask(qtbot, console):
    console.quit_guard.confirm_while_running = True
    assert console.close()
    assert not console.isVisible()
    assert quit_box(console) is None


def test_ctrl_q_while_running_asks_and_no_keeps_the_console(qtbot, console, fake_time):
    window = console
    window.quit_guard.confirm_while_running = True
    window.actions.start.trigger()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    box = quit_box(window)
    assert box is not None and box.isVisible()
    assert window.isVisible()
    text = box.text() + " " + box.informativeText()
    assert "continue de tourner" in text and "rouvrez le fichier pour reprendre" in text
    assert "Rien n'est perdu" in text
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    from tests.ui.test_console_screens import save_shot

    save_shot(box, "confirm-quit")
    window.close()  # asking twice shows the same question, not a second one
    assert len(window.findChildren(QMessageBox, "confirmQuitDialog")) == 1
    box.done(QMessageBox.StandardButton.No)
    qtbot.waitUntil(lambda: not window.findChildren(QMessageBox, "confirmQuitDialog"))  # answered, gone
    assert window.isVisible()
    assert window.session.state.clock_state.name == "RUNNING"


def test_quitting_while_running_keeps_everything_in_the_file(qtbot, console, fake_time):
    window = console
    window.quit_guard.confirm_while_running = True
    window.actions.start.trigger()
    fake_time.advance(121)
    window.driver.on_deadline()  # I01 fires
    window.actions.quit.trigger()
    box = quit_box(window)
    assert box is not None
    box.done(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not window.isVisible())
    on_disk = Session.open(window.session.path, read_only=True)
    try:
        assert on_disk.state.clock_state.name == "RUNNING"
        assert on_disk.state.inject("I01").status.name == "FIRED"
    finally:
        on_disk.close()


def test_closing_while_paused_asks_and_says_it_stays_paused(qtbot, console):
    window = console
    window.quit_guard.confirm_while_running = True
    window.actions.start.trigger()
    window.actions.pause.trigger()
    window.close()
    box = quit_box(window)
    assert box is not None and "reste en pause" in box.informativeText()
    box.done(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_closing_after_endex_does_not_ask(qtbot, console):
    window = console
    window.quit_guard.confirm_while_running = True
    window.session.start()
    window.session.end()
    assert window.close()
    assert quit_box(window) is None
