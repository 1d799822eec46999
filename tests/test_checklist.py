"""The expected-responses checklist derived from a session's state (no Qt)."""

from __future__ import annotations

import pytest

from crisisdesk.checklist import checklist_items
from crisisdesk.clock import FakeTime
from crisisdesk.session import Session


@pytest.fixture
def clock():
    return FakeTime(1_780_000_000.0)


@pytest.fixture
def session(tmp_path, mini_package_path, clock):
    with Session.create(tmp_path / "c.crisisdesk", mini_package_path, time_source=clock) as created:
        yield created


def test_items_of_fired_injects_newest_first_with_checks(session, clock):
    assert checklist_items(session.state) == ()
    session.start()
    clock.advance(120)
    session.fire("I01")
    clock.advance(180)
    session.fire("I02")
    clock.advance(60)
    session.check_expectation("I01", 0, "partial", observer="Claire")
    items = checklist_items(session.state)
    assert [(i.inject_id, i.role, i.within) for i in items] == [("I02", "DSOL", 900), ("I01", "DIR", 600)]
    i02, i01 = items
    assert i01.check is not None and i01.check.status == "partial"
    assert i02.check is None
    assert i02.deadline == 300 + 900
    assert i02.remaining(360) == 840
    assert not i02.overdue(1200) and i02.overdue(1201)
    assert not i01.overdue(5000)  # checked: never overdue
    assert not i01.late  # checked 4 min after the fire, within 10
    assert [i.inject_id for i in checklist_items(session.state, roles=["DIR"])] == ["I01"]


def test_a_check_after_the_window_is_late(session, clock):
    session.start()
    session.fire("I01")
    clock.advance(11 * 60)
    session.check_expectation("I01", 0, "met", observer="Claire")
    [item] = checklist_items(session.state)
    assert item.late
