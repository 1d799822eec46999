"""A check, rating, finding or plan line clicked again after a failed save is stored once.

The session keeps a write the file refused (locked here by another program) and stores
it later; the click made again carries the first click's event id, so the file never
holds the same user action twice. A new action (another status, another text) is new.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QPushButton

from crisisdesk.session import Session
from tests.helpers.write_lock import WriteLock
from tests.qt_helpers import type_text
from tests.ui.test_console_flow import save_shot
from ui.observer.expectations import ExpectationsChecklist
from ui.observer.hotwash import HotWashWidget


def stored_events(path, kind: str) -> list[tuple]:
    """(event_id, real_time, payload) of the ``kind`` events in the file, read with plain sqlite3."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT event_id, real_time, payload FROM events WHERE kind = ? ORDER BY seq",
                            (kind,)).fetchall()
    finally:
        conn.close()


@pytest.fixture
def quick(mini_session, fake_time):
    """The mini session opened again with a short busy timeout: a held lock fails in 50 ms, not 5 s."""
    mini_session.start()
    mini_session.fire("I01")
    mini_session.fire("I02")
    fake_time.advance(5 * 60)
    session = Session.open(mini_session.path, time_source=fake_time, busy_timeout_ms=50)
    yield session
    session.close()


@pytest.fixture
def hotwash(qtbot, quick, fake_time):
    quick.end()
    fake_time.advance(60)
    widget = HotWashWidget(quick, observer_name="Claire Dubois")
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _fail_then_release(session, click) -> float:
    """Click while the file is locked; check the write was kept, not stored; release. Return when it was clicked."""
    lock = WriteLock(session.path)
    try:
        clicked_at = session.now()
        click()
    finally:
        lock.release()
    assert len(session.pending_writes) == 1  # kept by the session: it will be stored anyway
    return clicked_at


@pytest.fixture(params=["clicked again", "kept write stored first"])
def again(request, quick, fake_time):
    """Click again after the failure: at once, or after the kept write went in (a timer's retry, another write)."""

    def click_again(click) -> None:
        fake_time.advance(20)
        if request.param == "kept write stored first":
            assert quick.retry_pending() == 1
        click()
        assert quick.pending_writes == ()

    return click_again


def test_a_finding_clicked_again_is_stored_once(qtbot, hotwash, quick, again, fake_time):
    type_text(hotwash.finding_text, "Bonne coordination avec la préfecture")
    add = hotwash.findChild(QPushButton, "addStrength")
    clicked_at = _fail_then_release(quick, add.click)
    assert hotwash.error_label.isVisibleTo(hotwash)
    assert hotwash.finding_text.text() == "Bonne coordination avec la préfecture"  # still there to click again
    save_shot(hotwash, "hotwash-finding-not-saved")

    again(add.click)

    [(event_id, real_time, _payload)] = stored_events(quick.path, "finding")
    assert real_time == clicked_at  # the first click's write, not a second one
    assert hotwash.finding_text.text() == ""
    assert not hotwash.error_label.isVisibleTo(hotwash)
    assert hotwash.strengths.count() == 1
    # Typed and added again once saved, the same text is a new finding.
    type_text(hotwash.finding_text, "Bonne coordination avec la préfecture")
    add.click()
    assert [e[0] for e in stored_events(quick.path, "finding")][0] == event_id
    assert len(stored_events(quick.path, "finding")) == 2


def test_a_rating_saved_again_is_stored_once(qtbot, hotwash, quick, again):
    card = hotwash.cards["O1"]
    card.buttons["S"].click()
    type_text(card.justification, "Cellule activée en 4 min, sans secrétariat au début")
    clicked_at = _fail_then_release(quick, card.save_button.click)
    assert hotwash.error_label.isVisibleTo(hotwash)
    assert card.unsaved.isVisibleTo(card)

    again(card.save_button.click)

    [(_event_id, real_time, _payload)] = stored_events(quick.path, "rating")
    assert real_time == clicked_at
    with Session.open(quick.path, read_only=True) as reopened:
        assert [(r.objective_id, r.rating) for r in reopened.state.rating_history] == [("O1", "S")]


def test_another_rating_after_a_failure_is_a_new_action_and_wins(qtbot, hotwash, quick, fake_time):
    card = hotwash.cards["O1"]
    card.buttons["M"].click()
    type_text(card.justification, "Alerte tardive")
    _fail_then_release(quick, card.save_button.click)
    fake_time.advance(20)
    card.buttons["S"].click()  # the user changes their mind: a new rating, made later
    card.save_button.click()
    fake_time.advance(20)
    card.buttons["M"].click()  # and back: newer again, so it must be a new write, not the kept M
    card.save_button.click()
    assert len(stored_events(quick.path, "rating")) == 3
    with Session.open(quick.path, read_only=True) as reopened:
        assert [r.rating for r in reopened.state.rating_history] == ["M", "S", "M"]
        assert [r.rating for r in reopened.state.ratings] == ["M"]


def test_a_plan_line_added_again_is_stored_once(qtbot, hotwash, quick, again):
    type_text(hotwash.plan_action, "Former deux secrétaires de cellule")
    add = hotwash.findChild(QPushButton, "addPlanRow")
    clicked_at = _fail_then_release(quick, add.click)
    assert hotwash.plan_action.text() == "Former deux secrétaires de cellule"

    again(add.click)

    [(_event_id, real_time, _payload)] = stored_events(quick.path, "improvement")
    assert real_time == clicked_at
    assert hotwash.plan.rowCount() == 1
    assert hotwash.plan_action.text() == ""


@pytest.fixture
def checklist(qtbot, quick):
    widget = ExpectationsChecklist(quick, "Claire Dubois")
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    widget.refresh()
    return widget


def test_a_check_clicked_again_is_stored_once(qtbot, checklist, quick, again):
    met = checklist._buttons[("I02", 0)]["met"]
    with qtbot.waitSignal(checklist.check_failed):
        clicked_at = _fail_then_release(quick, met.click)
    assert not met.isChecked()  # the buttons show what is stored, not the click that failed

    again(met.click)

    [(_event_id, real_time, _payload)] = stored_events(quick.path, "check")
    assert real_time == clicked_at
    assert met.isChecked()


def test_another_status_after_a_failure_is_a_new_check_and_wins(qtbot, checklist, quick, fake_time):
    buttons = checklist._buttons[("I02", 0)]
    _fail_then_release(quick, buttons["missed"].click)
    fake_time.advance(20)
    buttons["met"].click()
    fake_time.advance(20)
    buttons["missed"].click()  # back to the first choice, later: a new check
    assert len(stored_events(quick.path, "check")) == 3
    assert quick.state.check_for("I02", 0).status == "missed"
    assert buttons["missed"].isChecked()
