"""Drive the console as the exercise director would, on a fake clock, and check widgets and session file."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crisisdesk.session import InjectStatus, Session


def save_shot(widget, name: str) -> None:
    """Save a screenshot when CRISISDESK_SHOTS names a folder (not in normal test runs)."""
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def stored(session) -> Session:
    """Reopen the session file from disk, as another process would."""
    return Session.open(session.path, read_only=True)


def status_of(window, inject_id: str) -> str:
    from ui.console.timeline_model import Column

    model = window.model
    return model.data(model.index(model.row_of(inject_id), Column.STATUS))


def test_startex_autofire_fire_skip_delay_pause_endex(qtbot, console, fake_time):
    window = console
    assert window.clock_bar.start_button.isVisible()
    assert window.clock_bar.elapsed_label.text() == "T+0:00:00"

    qtbot.mouseClick(window.clock_bar.start_button, Qt.MouseButton.LeftButton)
    assert window.session.state.clock_state.name == "RUNNING"
    assert window.clock_bar.pause_button.isVisible() and not window.clock_bar.start_button.isVisible()

    # I01 is due at 0:02 and fires by itself when the precise timer comes.
    fake_time.advance(121)
    fired = window.driver.on_deadline()
    assert fired == ["I01"]
    assert status_of(window, "I01") == "Déclenché"
    assert window.clock_bar.elapsed_label.text() == "T+0:02:01"
    assert window.model.next_id == "I02"

    # Fire I02 early from the detail panel's action.
    assert window.timeline.select("I02")
    assert window.detail.inject_id == "I02"
    window.actions.fire.trigger()
    assert window.session.state.inject("I02").status is InjectStatus.FIRED

    # Skip I03, delay I04 by 5 minutes from the detail panel.
    window.timeline.select("I03")
    window.actions.skip.trigger()
    window.timeline.select("I04")
    window.detail.delay_minutes.setValue(5)
    qtbot.mouseClick(window.detail.delay_button, Qt.MouseButton.LeftButton)
    assert window.session.state.inject("I04").due_at == 32 * 60 + 5 * 60
    assert "T+0:37" in window.model.data(window.model.index(window.model.row_of("I04"), 0))

    qtbot.keyClick(window, Qt.Key.Key_F6)  # pause shortcut
    assert window.session.state.clock_state.name == "PAUSED"
    fake_time.advance(600)
    window.driver.on_poll()
    assert window.clock_bar.elapsed_label.text() == "T+0:02:01"  # paused: time stands still
    window.actions.resume.trigger()

    window.actions.end.trigger()
    box = window.controller.dialog
    assert isinstance(box, QMessageBox)
    box.done(QMessageBox.StandardButton.Yes)
    assert window.session.state.clock_state.name == "ENDED"

    on_disk = stored(window.session)
    try:
        state = on_disk.state
        assert state.clock_state.name == "ENDED"
        assert state.inject("I01").status is InjectStatus.FIRED and state.inject("I01").fired_auto
        assert state.inject("I02").status is InjectStatus.FIRED
        assert state.inject("I03").status is InjectStatus.SKIPPED
        assert state.inject("I04").delayed
        kinds = [event.kind for event in state.events]
        for kind in ("start", "pause", "resume", "end"):
            assert any(kind in k for k in kinds), (kind, kinds)
    finally:
        on_disk.close()


def test_manual_inject_alerts_until_handled(qtbot, console, fake_time):
    window = console
    window.actions.start.trigger()
    # I03b (contingency, 0:20) and I05 (0:40) are manual: they wait; the others auto-fire.
    fake_time.advance(40 * 60 + 1)
    assert window.driver.on_deadline() == ["I01", "I02", "I03", "I04"]
    window.tick()
    assert window.alert.isVisible()
    assert window.alert.inject_id == "I03b"
    assert "+1" in window.alert.message.text()
    assert window.session.state.inject("I05").status is InjectStatus.DUE
    assert status_of(window, "I05") == "À déclencher"
    save_shot(window, "console-manual-due")
    qtbot.mouseClick(window.alert.skip_button, Qt.MouseButton.LeftButton)
    assert window.session.state.inject("I03b").status is InjectStatus.SKIPPED
    assert window.alert.inject_id == "I05"
    qtbot.mouseClick(window.alert.fire_button, Qt.MouseButton.LeftButton)
    assert window.session.state.inject("I05").status is InjectStatus.FIRED
    assert not window.alert.isVisible()


def test_autofire_off_makes_every_inject_wait(qtbot, console, fake_time):
    window = console
    window.actions.start.trigger()
    window.clock_bar.autofire_box.setChecked(False)
    assert window.session.state.autofire is False
    fake_time.advance(125)
    assert window.driver.on_deadline() == []
    window.tick()
    assert window.alert.inject_id == "I01"
    qtbot.keyClick(window, Qt.Key.Key_F9)  # fire next
    assert window.session.state.inject("I01").status is InjectStatus.FIRED


def test_precise_timer_is_armed_to_the_next_deadline(console, fake_time):
    window = console
    window.actions.start.trigger()
    assert window.driver.arm() == 1000  # capped: I01 is two minutes away
    fake_time.advance(119.5)
    assert window.driver.arm() == 500
    fake_time.advance(1)
    assert window.driver.arm() == 0


def test_refusal_is_shown_not_raised(qtbot, console):
    window = console
    window.controller.fire("I01")  # before STARTEX: allowed early? whatever the core says, no crash
    window.controller.skip("I01")
    window.controller.skip("I01")  # skipping twice is refused by the core
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "refusalDialog"]
    assert boxes, "the refusal must be shown to the controller"


def test_contingency_is_offered_when_the_backed_responses_lapse(qtbot, console, fake_time):
    window = console
    window.actions.start.trigger()
    fake_time.advance(60)
    window.controller.fire("I02")  # early; expects DSOL within 15 minutes
    fake_time.advance(16 * 60)  # I01 fires by itself; I03b (0:20) is not yet due
    window.driver.on_deadline()
    window.tick()
    assert window.alert.contingency.isVisibleTo(window.alert)
    assert "I03b" in window.alert.contingency.text()
    assert "délai" in window.alert.contingency.text()
    qtbot.mouseClick(window.alert.contingency_fire, Qt.MouseButton.LeftButton)
    assert window.session.state.inject("I03b").status is InjectStatus.FIRED
    assert not window.alert.isVisible()


def test_after_endex_nothing_is_next(qtbot, console, fake_time):
    from ui.console.timeline_model import Column

    window = console
    window.actions.start.trigger()
    fake_time.advance(121)
    window.driver.on_deadline()
    assert window.model.next_id == "I02"
    window.session.end()
    window.driver.poke()
    window.tick()
    assert window.model.next_id is None
    model = window.model
    times = [model.data(model.index(row, Column.TIME)) for row in range(model.rowCount())]
    assert not any("▶" in text for text in times), times
    assert status_of(window, "I02") == "Non joué"
    assert status_of(window, "I01") == "Déclenché"
    assert window.clock_bar.next_label.full_text() == ""
    assert window.clock_bar.next_when.text() == ""
    assert window.timeline.select("I04")
    assert "Non joué" in window.detail.browser.toPlainText()
    assert "Prochain" not in window.detail.browser.toPlainText()


def test_fired_inject_pane_shows_planned_and_actual_times(qtbot, console, fake_time):
    window = console
    window.actions.start.trigger()
    fake_time.advance(121)
    window.driver.on_deadline()  # I01 fires on time at T+0:02
    assert window.timeline.select("I04")  # planned T+0:32 (J+1 14:08), fired early now
    text = window.detail.browser.toPlainText()
    assert "T+0:32" in text and "23/06/2032 14:08" in text and "déclenché" not in text
    window.actions.fire.trigger()
    text = window.detail.browser.toPlainText()
    assert "prévu T+0:32 · déclenché T+0:02 (scénario 07:12)" in text
    assert "prévu 23/06/2032 14:08 · déclenché 22/06/2032 07:12" in text
    window.timeline.select("I01")
    assert "prévu T+0:02 · déclenché T+0:02 (scénario 07:12)" in window.detail.browser.toPlainText()
    save_shot(window.detail, "inject-pane-fired")


def test_next_is_the_cores_next_to_fire_everywhere(qtbot, console, fake_time):
    """Clock bar, timeline mark, due alert and "fire next" agree: the first due inject, else the next to come."""
    window = console
    window.actions.start.trigger()
    window.actions.autofire.setChecked(False)  # I01 will wait, due, for the controller
    fake_time.advance(121)
    window.driver.on_deadline()
    window.tick()
    assert window.session.next_to_fire().inject.id == "I01"
    assert window.model.next_id == "I01"  # not I02, the next one still to come
    assert window.clock_bar.next_label.full_text() == "I01 Bulletin de vigilance orange"
    assert window.clock_bar.next_when.text() == "Prochain : à déclencher maintenant —"
    assert window.alert.inject_id == "I01"
    assert window.controller.fire_next()
    assert window.session.state.inject("I01").status is InjectStatus.FIRED
    window.tick()
    assert window.model.next_id == "I02"
    assert window.clock_bar.next_label.full_text() == "I02 Appel de la plateforme"
    assert window.clock_bar.next_when.text().startswith("Prochain dans ")
