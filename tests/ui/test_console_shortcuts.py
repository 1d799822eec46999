"""Keyboard shortcuts: the console's and the main courante dock's never cancel each other out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from crisisdesk.session import InjectStatus

# The observer panel's keys (quick entry and log) that the console's actions must leave alone.
OBSERVER_KEYS = {"Ctrl+K", "Ctrl+Shift+K", "Ctrl+J", "Ctrl+Shift+J", "Alt+S", "Alt+I", "Ctrl+E", "Ctrl+F", "F2",
                 "Esc", *(f"Ctrl+{n}" for n in range(1, 10))}


def typing_in_the_dock(window):
    """Name the observer and put the keyboard in the dock's quick-entry line."""
    window.courante.set_observer_name("Alice")
    window.focus_new_entry()
    line = window.courante.quick.line
    line.setFocus()
    QApplication.processEvents()
    assert QApplication.focusWidget() is line
    return line


def record_triggers(window) -> list[str]:
    fired: list[str] = []

    def recorder(name: str):
        return lambda *_args: fired.append(name)

    for action in window.actions.shortcut_actions():
        action.triggered.connect(recorder(action.objectName()))
    return fired


def test_console_shortcuts_are_distinct_from_the_observer_panels(console):
    keys = {a.shortcut().toString(QKeySequence.SequenceFormat.PortableText): a.objectName()
            for a in console.actions.shortcut_actions()}
    assert not set(keys) & OBSERVER_KEYS, {k: keys[k] for k in set(keys) & OBSERVER_KEYS}
    assert len(keys) == len(console.actions.shortcut_actions()), "two console actions share a key"
    panel_keys = {s.key().toString() for s in console.courante.findChildren(QShortcut)}
    assert panel_keys & set(keys) == {"Ctrl+L"}  # same meaning, and scoped away from the dock (below)
    mnemonics = {QKeySequence.mnemonic(m.title()).toString() for m in console.menuBar().findChildren(type(console.room_control.screen_menu))
                 if m.menuAction() in console.menuBar().actions()}
    assert not mnemonics & OBSERVER_KEYS, mnemonics


def test_every_console_shortcut_is_listed_in_a_menu(console):
    in_menus = set()
    for menu in console.menuBar().findChildren(type(console.room_control.screen_menu)):
        in_menus.update(menu.actions())
    missing = [a.objectName() for a in console.actions.shortcut_actions() if a not in in_menus]
    assert missing == []


def test_ctrl_k_in_the_dock_cycles_the_entry_type_and_skips_nothing(qtbot, console):
    window = console
    window.actions.start.trigger()
    window.timeline.select("I03")
    line = typing_in_the_dock(window)
    fired = record_triggers(window)
    kinds = window.courante.quick.kind_combo
    before = kinds.currentIndex()
    qtbot.keyClick(line, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert kinds.currentIndex() != before
    assert fired == []
    assert window.session.state.inject("I03").status is InjectStatus.PENDING


def test_ctrl_return_while_typing_in_the_dock_fires_no_inject(qtbot, console):
    window = console
    window.actions.start.trigger()
    window.timeline.select("I03")
    line = typing_in_the_dock(window)
    fired = record_triggers(window)
    qtbot.keyClick(line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "actionFire" not in fired
    assert window.session.state.inject("I03").status is InjectStatus.PENDING


def test_alt_s_alt_i_and_ctrl_l_work_in_the_dock(qtbot, console):
    window = console
    window.actions.start.trigger()
    line = typing_in_the_dock(window)
    quick = window.courante.quick
    qtbot.keyClick(line, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert quick.improvement_button.isChecked()
    qtbot.keyClick(line, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert quick.strength_button.isChecked()
    window.courante.view.setFocus() if hasattr(window.courante, "view") else window.courante.order_button.setFocus()
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    assert focused is not line
    qtbot.keyClick(focused, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is line


def test_console_keys_in_the_timeline(qtbot, console):
    from ui.console.inject_dialog import InjectDialog

    window = console
    window.actions.start.trigger()
    window.timeline.select("I03")
    table = window.timeline.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.session.state.inject("I03").status is InjectStatus.SKIPPED
    window.timeline.select("I04")
    qtbot.keyClick(table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.controller.dialog, InjectDialog)
    window.controller.dialog.reject()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.state.inject("I04").status is InjectStatus.FIRED
    qtbot.keyClick(table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() in (window.courante.quick.line, window.courante.name_combo,
                                          window.courante.name_combo.lineEdit())
