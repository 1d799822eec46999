"""Replaying events is pure: the same log always gives the same state, whole or step by step."""

from __future__ import annotations

from datetime import datetime

import pytest

from crisisdesk.clock import ClockState
from crisisdesk.package.loader import load_package
from crisisdesk.session.replay import Replayer, replay
from crisisdesk.session.state import EventRecord, InjectStatus

T0 = 1_780_000_000.0


@pytest.fixture
def package(mini_package_path):
    return load_package(mini_package_path)


def log(*events):
    """EventRecords from (kind, seconds after T0, elapsed, payload) tuples."""
    return [EventRecord(seq=i + 1, kind=kind, real_time=T0 + t, elapsed=el, scenario_time=None, payload=payload,
                        event_id=f"e{i + 1}")
            for i, (kind, t, el, payload) in enumerate(events)]


def test_clock_is_rebuilt_from_the_stored_wall_times(package):
    events = log(("start", 0, 0.0, {}), ("pause", 100, 100.0, {}), ("resume", 400, 100.0, {}))
    state = replay(package, events, now=T0 + 460)
    assert state.clock_state is ClockState.RUNNING
    assert state.elapsed == 160
    assert state.started_at == T0
    assert state.as_of == T0 + 460


def test_without_now_the_state_is_as_of_the_last_event(package):
    state = replay(package, log(("start", 0, 0.0, {}), ("pause", 150, 150.0, {})))
    assert state.as_of == T0 + 150 and state.elapsed == 150
    assert state.inject("I01").status is InjectStatus.DUE


def test_incremental_and_whole_replay_agree(package):
    events = log(
        ("start", 0, 0.0, {}),
        ("fire", 120, 120.0, {"inject_id": "I01", "auto": True}),
        ("entry", 130, 130.0, {"entry_id": "a", "observer": "Alice", "role": "DIR", "kind": "decision", "text": "x"}),
        ("delay", 140, 140.0, {"inject_id": "I02", "minutes": 5, "due_at": 600}),
        ("edit", 150, 150.0, {"inject_id": "I03", "fields": {"title": "Flash spécial", "at": 700}}),
        ("jump", 200, 200.0, {"to_phase": 1, "at": 200}),
        ("check", 210, 210.0, {"inject_id": "I01", "index": 0, "status": "met", "observer": "Bob"}),
        ("entry", 220, 220.0, {"entry_id": "b", "supersedes": "a", "revision": 2, "observer": "Alice",
                               "role": "DIR", "kind": "decision", "text": "y"}),
    )
    replayer = Replayer(package)
    for event in events:
        replayer.apply(event)
        replayer.snapshot(T0 + 300)  # snapshots in between must not disturb anything
    assert replayer.snapshot(T0 + 300) == replay(package, events, T0 + 300)
    assert replay(package, events, T0 + 300) == replay(package, events, T0 + 300)


def test_jump_moves_the_next_phase_and_its_injects(package):
    state = replay(package, log(("start", 0, 0.0, {}), ("jump", 600, 600.0, {"to_phase": 1, "at": 600})),
                   now=T0 + 600)
    assert state.phase_starts == (0, 600)
    assert (state.inject("I04").due_at, state.inject("I05").due_at) == (720, 1200)
    assert state.inject("I03b").overdue  # phase 1 left behind
    assert state.inject("I03").due_at == 600 and not state.inject("I03").overdue  # due right now anyway


def test_shift_never_moves_a_due_inject_earlier(package):
    state = replay(package, log(("start", 0, 0.0, {}), ("shift", 400, 400.0, {"minutes": -10, "from_elapsed": 400})),
                   now=T0 + 400)
    assert state.inject("I01").due_at == 120  # already due: stays
    assert state.inject("I02").due_at == 300
    assert state.inject("I03").due_at == 400  # 600 - 600 would be 0: held at the shift's time
    assert state.inject("I04").due_at == 1320
    assert state.phase_starts == (0, 1200)


def test_recovered_marks_overdue_and_downtime(package):
    events = log(("start", 0, 0.0, {}),
                 ("recovered", 500, 500.0, {"overdue": ["I01", "I02"], "down_from": T0 + 100, "down_to": T0 + 500}))
    state = replay(package, events, now=T0 + 500)
    assert state.downtime == ((T0 + 100, T0 + 500),)
    assert [s.id for s in state.injects if s.overdue] == ["I01", "I02"]
    assert not state.inject("I03").overdue


def test_scenario_time_comes_from_the_event(package):
    events = [EventRecord(1, "start", T0, 0.0, datetime(2032, 6, 22, 7), {}),
              EventRecord(2, "fire", T0 + 120, 120.0, datetime(2032, 6, 22, 7, 12), {"inject_id": "I01"})]
    assert replay(package, events).inject("I01").fired_scenario == datetime(2032, 6, 22, 7, 12)


def test_a_damaged_log_still_replays_and_says_what_it_skipped(package):
    events = log(("start", 0, 0.0, {}),
                 ("fire", 10, 10.0, {"inject_id": "NOPE"}),
                 ("start", 20, 20.0, {}),
                 ("teleport", 30, 30.0, {}),
                 ("fire", 120, 120.0, {"inject_id": "I01"}))
    state = replay(package, events)
    assert state.inject("I01").status is InjectStatus.FIRED
    assert len(state.anomalies) == 3
    assert "unknown kind 'teleport'" in state.anomalies[2]


def test_events_are_applied_once_even_if_read_twice(package):
    events = log(("start", 0, 0.0, {}), ("fire", 120, 120.0, {"inject_id": "I01"}))
    replayer = Replayer(package)
    replayer.apply_all(events)
    replayer.apply_all(events)
    assert replayer.snapshot().anomalies == ()


def test_the_latest_check_and_rating_is_the_one_made_last_not_stored_last(package):
    events = log(
        ("start", 0, 0.0, {}),
        ("fire", 120, 120.0, {"inject_id": "I01", "auto": True}),
        ("rating", 300, 300.0, {"objective_id": "O1", "rating": "P", "observer": "Eva"}),
        ("rating", 200, 200.0, {"objective_id": "O1", "rating": "U", "observer": "Eva"}),  # kept, stored late
        ("check", 400, 400.0, {"inject_id": "I01", "index": 0, "status": "met", "observer": "Bob"}),
        ("check", 350, 350.0, {"inject_id": "I01", "index": 0, "status": "missed", "observer": "Bob"}),
    )
    state = replay(package, events)
    assert [r.rating for r in state.ratings] == ["P"]
    assert state.check_for("I01", 0).status == "met"
    assert [r.rating for r in state.rating_history] == ["P", "U"]  # history stays in stored order
