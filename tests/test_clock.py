"""The exercise clock: states, exercise time with pauses, wall-time anchoring, phases."""

from __future__ import annotations

from datetime import datetime

import pytest

from crisisdesk.clock import ClockError, ClockState, ExerciseClock, FakeTime
from crisisdesk.package.model import Phase

T0 = 1_780_000_000.0
PHASES = (
    Phase(at=0, title="J0", scenario_time=datetime(2032, 6, 22, 7, 0), scale=6),
    Phase(at=1800, title="J+1", scenario_time=datetime(2032, 6, 23, 14, 0), scale=4),
)


def test_fake_time_moves_only_when_told():
    t = FakeTime(T0)
    assert t.now() == T0
    assert t.advance(2.5) == T0 + 2.5
    t.set(T0 + 100)
    assert t.now() == T0 + 100
    with pytest.raises(ValueError):
        t.advance(-1)


def test_ready_clock_counts_nothing():
    clock = ExerciseClock(PHASES)
    assert clock.state is ClockState.READY
    assert clock.elapsed(T0 + 500) == 0.0
    assert clock.wall_time_at(60) is None


def test_elapsed_counts_play_and_excludes_pauses():
    clock = ExerciseClock(PHASES).start(T0)
    assert clock.elapsed(T0 + 90) == 90
    clock = clock.pause(T0 + 100)
    assert clock.state is ClockState.PAUSED
    assert clock.elapsed(T0 + 400) == 100  # frozen during the pause
    clock = clock.resume(T0 + 400)
    assert clock.elapsed(T0 + 450) == 150
    clock = clock.end(T0 + 500)
    assert clock.state is ClockState.ENDED
    assert clock.ended_at == T0 + 500
    assert clock.elapsed(T0 + 9999) == 200
    assert clock.started_at == T0


def test_wall_time_counts_while_the_app_is_down():
    # A clock rebuilt later from the same anchors: the gap is exercise time.
    clock = ExerciseClock(PHASES).start(T0)
    assert clock.elapsed(T0 + 240 + 60) == 300


def test_wall_time_at_inverts_elapsed_while_running():
    clock = ExerciseClock(PHASES).start(T0).pause(T0 + 100).resume(T0 + 160)
    assert clock.wall_time_at(300) == T0 + 360
    assert clock.elapsed(clock.wall_time_at(300)) == 300
    assert clock.pause(T0 + 200).wall_time_at(300) is None


@pytest.mark.parametrize(
    "steps, action, code, message",
    [((), "pause", "not_started", "cannot pause the exercise: it has not started"),
     ((), "resume", "not_started", "cannot resume the exercise: it has not started"),
     ((), "end", "not_started", "cannot end the exercise: it has not started"),
     (("start",), "start", "already_started", "cannot start the exercise: it has already started"),
     (("start",), "resume", "not_paused", "cannot resume the exercise: it is not paused (running)"),
     (("start", "pause"), "pause", "not_running", "cannot pause the exercise: it is not running (paused)"),
     (("start", "end"), "resume", "ended", "cannot resume the exercise: it has ended"),
     (("start", "end"), "start", "ended", "cannot start the exercise: it has ended")],
)
def test_invalid_transitions_raise_with_a_code_and_an_english_message(steps, action, code, message):
    clock = ExerciseClock(PHASES)
    for step in steps:
        clock = getattr(clock, step)(T0)
    assert not clock.can(action)
    with pytest.raises(ClockError) as refused:
        getattr(clock, action)(T0 + 1)
    assert (str(refused.value), refused.value.code) == (message, code)
    assert refused.value.params == {"action": action, "state": clock.state.value}


def test_scenario_time_follows_each_phase_scale():
    clock = ExerciseClock(PHASES).start(T0)
    assert clock.scenario_time(T0) == datetime(2032, 6, 22, 7, 0)
    assert clock.scenario_time(T0 + 600) == datetime(2032, 6, 22, 8, 0)  # 10 min x6
    assert clock.current_phase(T0 + 1799).title == "J0"
    assert clock.current_phase(T0 + 1800).title == "J+1"
    assert clock.scenario_time(T0 + 1800 + 150) == datetime(2032, 6, 23, 14, 10)  # 2.5 min x4


def test_moved_phase_start_moves_scenario_time():
    clock = ExerciseClock(PHASES).start(T0).with_phase_starts((0, 1200))
    assert clock.phase_starts == (0, 1200)
    assert clock.current_phase_index(T0 + 1200) == 1
    assert clock.scenario_time(T0 + 1260) == datetime(2032, 6, 23, 14, 4)
    with pytest.raises(ValueError):
        clock.with_phase_starts((600, 300))


def test_the_clock_and_the_package_use_the_same_phase_rules(mini_package_path):
    from crisisdesk.package.loader import load_package

    package = load_package(mini_package_path)
    clock = ExerciseClock(package.exercise.phases)
    for offset in (0, 599.5, 1799, 1800, 1950, 4000):
        assert clock.phase_at(offset) == package.phase_at(offset)
        assert clock.scenario_time_at(offset) == package.scenario_time_at(offset)


def test_wall_clock_shows_a_moment_in_the_exercise_zone_whatever_the_machine_zone(monkeypatch):
    import time as machine_time
    from types import SimpleNamespace

    from crisisdesk.timefmt import exercise_timezone, wall_clock

    monkeypatch.setenv("TZ", "America/New_York")
    machine_time.tzset()
    try:
        moment = 1_760_427_000.0  # 07:30 UTC, a Tuesday in October: 09:30 in Paris
        assert wall_clock(moment, exercise_timezone(SimpleNamespace(timezone=None))).strftime("%H:%M") == "09:30"
        assert wall_clock(moment, exercise_timezone(SimpleNamespace(timezone="Asia/Tokyo"))).strftime("%H:%M") == "16:30"
    finally:
        monkeypatch.undo()
        machine_time.tzset()
