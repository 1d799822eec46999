"""Undo the controller's last action, honestly: un-skip, un-delay, a firing marked as a mistake."""

from __future__ import annotations

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.session import InjectStatus, Session, SessionError


@pytest.fixture
def session(tmp_path, mini_package_path):
    time = FakeTime(1_780_000_000.0)
    created = Session.create(tmp_path / "undo.crisisdesk", mini_package_path, time_source=time)
    created.time = time
    created.start()
    created.set_autofire(False)
    yield created
    created.close()


def reopened(session) -> Session:
    return Session.open(session.path, read_only=True, time_source=session.time)


def test_nothing_to_undo_at_first(session):
    assert session.state.last_undoable is None
    with pytest.raises(SessionError):
        session.undo_last()


def test_a_skip_is_undone_and_the_inject_is_back_in_play(session):
    session.skip("I02")
    assert session.state.last_undoable.kind == "skip"
    undone = session.undo_last()
    assert (undone.kind, undone.inject_id) == ("skip", "I02")
    state = session.state.inject("I02")
    assert state.status is InjectStatus.PENDING and not state.overdue
    assert session.state.last_undoable is None  # no redo, no second undo
    with reopened(session) as again:  # derived from the stored events, as after a crash
        assert again.state.inject("I02").status is InjectStatus.PENDING


def test_a_skip_undone_after_its_time_waits_for_the_controller(session):
    session.skip("I01")  # due at T+0:02 (I02 comes at T+0:05)
    session.time.advance(4 * 60)
    session.tick()
    session.undo_last()
    state = session.state.inject("I01")
    assert state.status is InjectStatus.DUE and state.overdue  # never fires by itself
    session.set_autofire(True)
    assert session.tick() == []


def test_a_delay_is_undone_to_the_time_before_it(session):
    before = session.state.inject("I04").due_at
    session.delay("I04", 10)
    session.delay("I04", 5)
    assert session.state.inject("I04").due_at == before + 15 * 60
    session.undo_last()  # only the last delay
    state = session.state.inject("I04")
    assert state.due_at == before + 10 * 60 and state.delayed
    session.delay("I03", 5)
    session.undo_last()
    assert not session.state.inject("I03").delayed


def test_a_firing_stays_fired_and_is_marked_a_mistake(session):
    session.fire("I03")
    assert session.state.last_undoable.kind == "fire"
    session.undo_last()
    state = session.state.inject("I03")
    assert state.status is InjectStatus.FIRED and state.mistaken
    with reopened(session) as again:
        assert again.state.inject("I03").mistaken


def test_a_shift_or_endex_ends_what_can_be_undone(session):
    session.delay("I04", 10)
    session.shift_timeline(5)
    assert session.state.last_undoable is None
    session.skip("I05")
    session.pause()  # a pause leaves the skip undoable
    assert session.state.last_undoable.inject_id == "I05"
    session.resume()
    session.end()
    assert session.state.last_undoable is None
    with pytest.raises(SessionError):
        session.undo_last()


def test_the_schedulers_own_firings_do_not_hide_the_controllers_last_action(session):
    session.skip("I02")
    session.set_autofire(True)
    session.time.advance(3 * 60)
    assert session.tick() == ["I01"]
    assert session.state.last_undoable.inject_id == "I02"



def test_a_delay_overtaken_by_its_own_firing_cannot_be_undone(session):
    session.set_autofire(True)
    session.delay("I01", 1)  # I01 now due at T+0:03
    session.time.advance(4 * 60)
    assert "I01" in session.tick()
    assert session.state.last_undoable is None  # nothing false can be written
    with pytest.raises(SessionError):
        session.undo_last()
    assert not session.state.anomalies


def test_two_consoles_never_undo_each_others_action(session, tmp_path):
    other = Session.open(session.path, time_source=session.time)
    try:
        session.skip("I04")
        offered = session.state.last_undoable  # what console A shows in its menu
        other.skip("I05")  # console B acts meanwhile
        with pytest.raises(SessionError) as refused:
            session.undo_last(offered)
        assert refused.value.code == "undo_changed"
        assert session.state.inject("I04").status is InjectStatus.SKIPPED
        assert session.state.inject("I05").status is InjectStatus.SKIPPED
        session.undo_last(session.state.last_undoable)  # once seen, it can be undone
        assert session.state.inject("I05").status is InjectStatus.PENDING
    finally:
        other.close()


def test_any_skipped_inject_can_be_put_back_and_any_firing_marked(session):
    session.skip("I02")
    session.skip("I04")
    session.fire("I03")
    session.fire("I05")
    session.unskip("I02")  # not the last action
    assert session.state.inject("I02").status is InjectStatus.PENDING
    session.mark_misfired("I03")
    assert session.state.inject("I03").mistaken and not session.state.inject("I05").mistaken
    for refused in (lambda: session.unskip("I03"), lambda: session.mark_misfired("I03"),
                    lambda: session.mark_misfired("I04")):
        with pytest.raises(SessionError):
            refused()
