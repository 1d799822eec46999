"""The expected-responses checklist: checks stored in the file and read back, overdue items flagged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from crisisdesk.session import Session
from ui.observer.expectations import ExpectationsChecklist
from ui.palette import BG_OVERDUE


@pytest.fixture
def checklist(qtbot, mini_session):
    widget = ExpectationsChecklist(mini_session, "Claire Dubois")
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    return widget


def _item_text(checklist, inject_id: str, index: int, column: int) -> str:
    return checklist._items[(inject_id, index)].text(column)


def test_fired_injects_expected_items_appear_with_their_window(checklist, mini_session, fake_time):
    assert checklist.tree.isHidden() and not checklist.empty.isHidden()
    mini_session.start()
    fake_time.advance(2 * 60)
    mini_session.fire("I01")  # DIR: activer la cellule de crise, within 0:10
    fake_time.advance(4 * 60)
    checklist.refresh()
    assert list(checklist._items) == [("I01", 0)]
    assert _item_text(checklist, "I01", 0, 0) == "DIR (≤ 0:10) · Activer la cellule de crise"
    assert _item_text(checklist, "I01", 0, 1) == "reste 0:06:00"
    fake_time.advance(7 * 60)  # 11 minutes after the fire: past the window, unchecked
    checklist.update_times()
    assert _item_text(checklist, "I01", 0, 1) == "⚠ dépassé 0:01:00"
    assert checklist._items[("I01", 0)].background(1).color() == BG_OVERDUE
    assert "1 en retard" in checklist.summary.text()


def test_checks_are_stored_with_delay_and_read_back(checklist, mini_session, fake_time):
    mini_session.start()
    fake_time.advance(5 * 60)
    mini_session.fire("I02")  # DSOL: déclencher les visites, within 0:15
    fake_time.advance(3 * 60)
    checklist.refresh()
    checklist._buttons[("I02", 0)]["partial"].click()
    fake_time.advance(60)
    # Keyboard: select the item, press 1 (met): latest check wins.
    checklist.tree.setCurrentItem(checklist._items[("I02", 0)])
    QTest.keyClick(checklist.tree, Qt.Key.Key_1)

    reopened = Session.open(mini_session.path)
    try:
        state = reopened.state
        [check] = state.checks
        assert (check.inject_id, check.index, check.status, check.observer) == ("I02", 0, "met", "Claire Dubois")
        assert check.delay_since_fire == pytest.approx(4 * 60)
        assert [c.status for c in state.check_history] == ["partial", "met"]
    finally:
        reopened.close()
    assert _item_text(checklist, "I02", 0, 1) == "obtenue +0:04:00"
    assert checklist._buttons[("I02", 0)]["met"].isChecked()
    assert not checklist._buttons[("I02", 0)]["partial"].isChecked()
    assert "1/1 évaluées" in checklist.summary.text()


def test_late_check_and_role_filter(checklist, mini_session, fake_time):
    mini_session.start()
    mini_session.fire("I01")  # DIR
    mini_session.fire("I02")  # DSOL
    fake_time.advance(12 * 60)
    checklist.refresh()
    assert set(checklist._items) == {("I01", 0), ("I02", 0)}
    checklist.check("I01", 0, "missed")
    assert _item_text(checklist, "I01", 0, 1) == "manquée +0:12:00 · hors délai"
    checklist.set_role_filter("DSOL")
    assert set(checklist._items) == {("I02", 0)}


def test_refused_check_is_reported_not_raised(checklist, mini_session, qtbot):
    mini_session.start()
    with qtbot.waitSignal(checklist.check_failed) as blocker:
        assert not checklist.check("I02", 0, "met")  # not fired yet
    assert blocker.args[0] == "L'inject I02 n'a pas encore été déclenché : rien à constater."
