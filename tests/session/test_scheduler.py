"""The pure scheduler: due injects, auto-fire candidates and the next deadline."""

from __future__ import annotations

from crisisdesk.package.model import Inject
from crisisdesk.session.scheduler import autofire_candidates, due, next_deadline, next_to_fire
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


# -- the next inject to fire (one definition for the console's button, clock bar and timeline) -----

T0 = 1_780_000_000.0


def _replayed(mini_package_path, *events, now):
    from crisisdesk.package.loader import load_package
    from crisisdesk.session.replay import replay
    from crisisdesk.session.state import EventRecord

    records = [EventRecord(i + 1, kind, T0 + t, el, None, payload, f"e{i + 1}")
               for i, (kind, t, el, payload) in enumerate(events)]
    return replay(load_package(mini_package_path), records, T0 + now)


def test_next_to_fire_is_the_first_due_by_effective_time(mini_package_path):
    state = _replayed(mini_package_path, ("start", 0, 0.0, {}), ("autofire", 1, 1.0, {"enabled": False}),
                      ("delay", 2, 2.0, {"inject_id": "I01", "minutes": 10, "due_at": 720}), now=650)
    # I01 was delayed to 0:12; I02 (0:05) and I03 (0:10) are due: the earliest due goes first.
    assert [s.id for s in state.due_injects()] == ["I02", "I03"]
    assert next_to_fire(state).id == "I02"


def test_next_to_fire_is_the_next_to_come_when_nothing_is_due(mini_package_path):
    assert next_to_fire(_replayed(mini_package_path, now=0)).id == "I01"  # before STARTEX too
    state = _replayed(mini_package_path, ("start", 0, 0.0, {}),
                      ("fire", 120, 120.0, {"inject_id": "I01", "auto": True}), now=200)
    assert next_to_fire(state).id == "I02"


def test_next_to_fire_includes_held_and_manual_injects(mini_package_path):
    state = _replayed(mini_package_path, ("start", 0, 0.0, {}),
                      ("recovered", 400, 400.0, {"overdue": ["I01", "I02"], "down_from": None, "down_to": None}),
                      now=400)
    assert next_to_fire(state).id == "I01"


def test_nothing_to_fire_once_ended_or_when_all_is_played(mini_package_path):
    assert next_to_fire(_replayed(mini_package_path, ("start", 0, 0.0, {}), ("end", 10, 10.0, {}), now=20)) is None
    played = [("fire", 10 + i, 10.0 + i, {"inject_id": i_id}) for i, i_id in
              enumerate(("I01", "I02", "I03", "I03b", "I04", "I05"))]
    assert next_to_fire(_replayed(mini_package_path, ("start", 0, 0.0, {}), *played, now=30)) is None
