"""The pure scheduler: due injects, auto-fire candidates and the next deadline."""

from __future__ import annotations

from crisisdesk.package.model import Inject
from crisisdesk.session.scheduler import autofire_candidates, due, next_deadline
from crisisdesk.session.state import InjectState, InjectStatus


def _state(inject_id, due_at, status=InjectStatus.PENDING, *, manual=False, overdue=False):
    inject = Inject(id=inject_id, at=due_at, title=inject_id, sender="X", to=("DIR",), channel="phone", body="",
                    manual=manual)
    return InjectState(inject=inject, planned_at=due_at, due_at=due_at, status=status, overdue=overdue)


INJECTS = (
    _state("A", 60, InjectStatus.FIRED),
    _state("B", 120, InjectStatus.DUE),
    _state("M", 130, InjectStatus.DUE, manual=True),
    _state("O", 90, InjectStatus.DUE, overdue=True),
    _state("S", 140, InjectStatus.SKIPPED),
    _state("C", 300),
    _state("N", 200, manual=True),
)


def test_due_lists_every_waiting_inject_manual_and_overdue_included():
    assert [s.id for s in due(INJECTS)] == ["B", "M", "O"]


def test_only_planned_non_overdue_injects_fire_by_themselves():
    assert [s.id for s in autofire_candidates(INJECTS, autofire=True)] == ["B"]
    assert autofire_candidates(INJECTS, autofire=False) == []


def test_next_deadline_is_an_unfired_autofire_inject_even_if_past():
    assert next_deadline(INJECTS, 150, autofire=True) == 120


def test_next_deadline_without_autofire_is_the_next_status_change():
    assert next_deadline(INJECTS, 150, autofire=False) == 200  # manual N turns due then


def test_no_deadline_when_nothing_is_left():
    assert next_deadline((_state("A", 60, InjectStatus.FIRED), _state("O", 90, InjectStatus.DUE, overdue=True)),
                         100, autofire=True) is None
