"""When a contingency inject is offered to the controller (crisisdesk/contingency.py)."""

from __future__ import annotations

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.contingency import contingency_reason, offered_contingencies
from crisisdesk.session import Session


@pytest.fixture
def session(tmp_path, mini_package_path):
    clock = FakeTime(1_780_000_000.0)
    s = Session.create(tmp_path / "c.crisisdesk", mini_package_path, time_source=clock)
    s.clock_for_test = clock
    yield s
    s.close()


def elapsed(session) -> float:
    return session.state.clock.elapsed(session.clock_for_test.now())


def test_not_offered_before_the_backed_inject_fires(session):
    session.start()
    assert contingency_reason(session.state, "I03b", elapsed(session)) is None


def test_offered_when_the_response_window_lapses(session):
    session.start()
    session.fire("I02")  # expects DSOL within 15 minutes
    session.clock_for_test.advance(14 * 60)
    assert offered_contingencies(session.state, elapsed(session)) == []
    session.clock_for_test.advance(61)
    assert offered_contingencies(session.state, elapsed(session)) == [("I03b", "lapsed")]


def test_offered_at_once_when_an_observer_marks_the_response_missed(session):
    session.start()
    session.fire("I02")
    session.check_expectation("I02", 0, "missed", observer="Obs")
    assert contingency_reason(session.state, "I03b", elapsed(session)) == "missed"


def test_not_offered_when_the_response_was_met_or_the_contingency_played(session):
    session.start()
    session.fire("I02")
    session.check_expectation("I02", 0, "met", observer="Obs")
    session.clock_for_test.advance(3600)
    assert contingency_reason(session.state, "I03b", elapsed(session)) is None
    session.check_expectation("I02", 0, "missed", observer="Obs")
    session.skip("I03b")
    assert contingency_reason(session.state, "I03b", elapsed(session)) is None


def test_a_plain_inject_is_never_a_contingency(session):
    assert contingency_reason(session.state, "I01", 0.0) is None
