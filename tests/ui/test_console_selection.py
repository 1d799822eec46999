"""Selecting an inject in the timeline: by mouse as well as by keys, kept across refreshes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crisisdesk.session import InjectStatus


def click_row(qtbot, window, inject_id: str) -> None:
    """Click the title cell of ``inject_id`` with the mouse, as a user would."""
    from ui.console.timeline_model import Column

    view = window.timeline.table
    source = window.model.index(window.model.row_of(inject_id), Column.TITLE)
    index = window.timeline.proxy.mapFromSource(source)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_mouse_click_selects_the_inject_and_enables_its_actions(qtbot, console):
    window = console
    window.actions.start.trigger()
    click_row(qtbot, window, "I03")
    assert window.timeline.selected_id() == "I03"
    assert window.detail.inject_id == "I03"
    assert window.detail.browser.isVisible()
    assert "Flash info" in window.detail.browser.toPlainText()
    for action in (window.actions.fire, window.actions.skip, window.actions.delay, window.actions.edit):
        assert action.isEnabled(), action.objectName()
    assert window.detail.delay_button.isEnabled()


def test_edit_shortcut_after_a_click_opens_the_editor(qtbot, console):
    from ui.console.inject_dialog import InjectDialog

    window = console
    click_row(qtbot, window, "I02")
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Modifier…
    assert isinstance(window.controller.dialog, InjectDialog)
    window.controller.dialog.reject()


def test_clicking_another_row_moves_the_selection(qtbot, console):
    window = console
    click_row(qtbot, window, "I01")
    click_row(qtbot, window, "I04")
    assert window.detail.inject_id == "I04"


def test_selection_survives_firing_early_which_reorders_the_timeline(qtbot, console, fake_time):
    window = console
    window.actions.start.trigger()
    fake_time.advance(60)
    window.driver.on_deadline()
    click_row(qtbot, window, "I04")  # due at 0:32: firing it now moves its row up
    window.actions.fire.trigger()
    assert window.session.state.inject("I04").status is InjectStatus.FIRED
    assert window.timeline.selected_id() == "I04"
    assert window.detail.inject_id == "I04"
    assert window.detail.browser.isVisible()


def test_selection_survives_an_edit_and_an_adhoc_inject(qtbot, console, fake_time):
    window = console
    window.actions.start.trigger()
    click_row(qtbot, window, "I04")
    window.controller._run(lambda: window.session.edit_inject("I04", at=3 * 60))  # moves before I02
    assert window.timeline.selected_id() == "I04"
    assert window.detail.inject_id == "I04"
    window.controller._run(lambda: window.session.add_inject(
        title="Appel imprévu", body="Texte", to=("DIR",), channel="phone", sender="Préfecture"))
    assert window.timeline.selected_id() == "I04"
    assert window.detail.inject_id == "I04"


def test_arrow_keys_still_select(qtbot, console):
    window = console
    click_row(qtbot, window, "I01")
    qtbot.keyClick(window.timeline.table, Qt.Key.Key_Down)
    assert window.timeline.selected_id() == "I02"
    assert window.detail.inject_id == "I02"
    assert window.actions.fire.isEnabled()
