"""The report's figures, on a session played through the real engine with known numbers."""

from __future__ import annotations

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.report import build_figures
from crisisdesk.report.chart import build_chart, safe_color, tick_step
from crisisdesk.report.figures import ON_TIME_TOLERANCE, Ratio
from crisisdesk.session import Session
from tests.report_sessions import KNOWN, T0, XSS, play_known_session


@pytest.fixture
def ended(tmp_path):
    path, clock = play_known_session(tmp_path)
    session = Session.open(path, time_source=FakeTime(clock.now()), read_only=True)
    yield build_figures(session)
    session.close()


def test_three_key_figures(ended):
    assert (ended.on_time.count, ended.on_time.total) == KNOWN["on_time"]
    assert ended.on_time.percent == 33
    assert (ended.expected_met.count, ended.expected_met.total) == KNOWN["expected"]
    assert ended.expected_counts == KNOWN["expected_counts"]
    assert ended.median_response == KNOWN["median"]
    assert ended.response_count == len(KNOWN["responses"])


def test_duration_played_excludes_the_pause(ended):
    assert ended.played == KNOWN["played"]
    assert ended.pauses == 1
    assert ended.paused_seconds == KNOWN["paused"]
    assert ended.started_at == T0
    assert ended.ended_at == T0 + 2400
    assert not ended.draft


def test_timeline_rows_compare_planned_and_actual(ended):
    rows = {r.inject_id: r for r in ended.injects}
    assert (rows["A"].status, rows["A"].planned_at, rows["A"].fired_elapsed, rows["A"].gap) == ("on_time", 300, 300, 0)
    assert (rows["B"].status, rows["B"].gap) == ("late", 300)
    assert (rows["C"].status, rows["C"].fired_elapsed) == ("skipped", None)
    assert [r.inject_id for r in ended.injects] == ["A", "B", "C"]
    assert ended.counts.fired == 2 and ended.counts.late == 1 and ended.counts.skipped == 1


def test_expected_responses_carry_check_and_first_answer(ended):
    b = next(r for r in ended.injects if r.inject_id == "B")
    assert [(e.role, e.status, e.response_time) for e in b.expectations] == [
        ("DSOL", "partial", 240.0),
        ("DIR", "missed", 300.0),
    ]
    assert b.expectations[0].note == "Trop tard"
    c = next(r for r in ended.injects if r.inject_id == "C")
    assert [e.status for e in c.expectations] == ["unchecked"]  # shown, but not counted: C was skipped


def test_observer_notes_do_not_count_as_answers_and_corrections_keep_the_first_time(ended):
    a = next(r for r in ended.injects if r.inject_id == "A")
    # The observation at 0:06:00 is ignored; the decision at 0:06:30 (later corrected) counts.
    assert a.expectations[0].response_time == 90.0


def test_per_role_table(ended):
    roles = {r.role.id: r for r in ended.roles}
    assert set(roles) == {"DIR", "DSOL"}  # the simulated role is not in the table
    d = roles["DIR"]
    assert (d.injects_received, d.answered, d.response_median, d.response_max) == (1, 2, 195.0, 300.0)
    # Current entries: briefing info, observation, corrected decision, communication.
    assert d.entries == 4 and d.decisions == 1
    assert d.expectations == {"met": 1, "partial": 0, "missed": 1, "unchecked": 0}
    s = roles["DSOL"]
    assert (s.injects_received, s.answered, s.response_times) == (1, 1, (240.0,))
    assert s.expectations == {"met": 0, "partial": 1, "missed": 0, "unchecked": 0}


def test_per_objective_rating_and_evidence(ended):
    o1, o2 = ended.objectives
    assert (o1.rating, o1.justification, o1.rated_by) == ("P", "Cellule activée en 90 s", "Évaluatrice")
    assert [e.text for e in o1.observations] == ["Activation de la cellule de crise"]
    assert [f.text for f in o1.strengths] == ["Activation de la cellule de crise"]
    assert o1.expectations["met"] == 1
    assert o2.rating is None
    assert sorted(f.text for f in o2.improvements) == ["Alerte des personnes isolées trop lente", "Maire informé"]
    assert [f.text for f in ended.general_findings] == ["Bonne coordination"]


def test_main_courante_keeps_corrections_and_stages(ended):
    history = ended.entry_history
    superseded = [e for e in history if e.superseded]
    assert [e.text for e in superseded] == [f"Activation de la cellule {XSS}"]
    correction = next(e for e in history if e.is_correction)
    assert correction.first_time == T0 + 390
    assert [e.stage for e in ended.entries][0] == "briefing"
    assert [e.text for e in ended.hotwash_entries] == ["Débriefing : RAS"]
    assert len(ended.entries) == len(history) - 1


def test_chronology_interleaves_decisions_with_injects(ended):
    order = [(i.inject.inject_id if i.inject else "decision") for i in ended.chronology]
    assert order == ["A", "decision", "B", "C"]


def test_improvement_plan_and_event_log(ended):
    (item,) = ended.improvements
    assert (item.number, item.owner_name, item.priority, item.due_date, item.objective_title) == (
        1, "Solidarités", "high", "2026-06-01", "Protection des personnes vulnérables")
    kinds = [e.kind for e in ended.events]
    assert kinds[:3] == ["created", "autofire", "start"] and kinds[-1] == "end"
    fire_a = next(e for e in ended.events if e.kind == "fire")
    assert fire_a.payload["inject_id"] == "A"  # worded by the rendering (test_report_honest.py)


def test_a_running_session_gives_a_draft_as_of_now(tmp_path):
    path, clock = play_known_session(tmp_path, end=False)
    clock.advance(100)  # still running: 0:23:20 played at T0 + 2100
    with Session.open(path, time_source=clock, read_only=True) as session:
        fig = build_figures(session)
    assert fig.draft
    assert fig.played == 1300 + 200
    assert fig.ended_at is None
    assert fig.objectives[0].rating is None


def test_ratio_percent():
    assert Ratio(0, 0).percent is None
    assert Ratio(2, 3).percent == 67
    assert ON_TIME_TOLERANCE == 60


def test_chart_places_injects_and_entries_on_the_time_axis(ended):
    chart = build_chart(ended)
    assert [lane.label for lane in chart.lanes] == ["Injects", "DIR", "DSOL"]
    assert chart.lanes[2].full_label == "DSOL — Solidarités"
    a = next(m for m in chart.injects if m.inject_id == "A")
    b = next(m for m in chart.injects if m.inject_id == "B")
    span = chart.plot_right - chart.plot_left
    assert a.planned_x == a.fired_x == pytest.approx(chart.plot_left + span * 300 / ended.axis_end, abs=0.1)
    assert b.fired_x > b.planned_x
    assert len([d for d in chart.dots if d.decision]) == 1
    assert chart.ticks[0].label == "0:00" and not chart.aggregated


def test_chart_helpers():
    assert tick_step(30 * 60) == 300
    assert tick_step(3 * 3600) == 900
    assert safe_color("#abc") == "#abc"
    assert safe_color("red;x:url(javascript:1)", "#000") == "#000"


def test_chart_of_a_big_session_draws_a_histogram_per_lane(ended):
    from dataclasses import replace

    from crisisdesk.report.chart import AGGREGATE_ABOVE, BIN_WIDTH

    template = next(e for e in ended.entries if e.role == "DIR" and e.stage == "play")
    count = AGGREGATE_ABOVE + 1
    many = tuple(template._replace(entry_id=str(i), first_elapsed=float(i % 1800)) for i in range(count))
    chart = build_chart(replace(ended, entries=many))
    assert chart.aggregated and not chart.dots and chart.entry_count == count
    assert 0 < len(chart.bars) <= (chart.plot_right - chart.plot_left) / BIN_WIDTH + 1
    lane = next(lane for lane in chart.lanes if lane.label == "DIR")
    assert all(lane.y <= bar.y and bar.y + bar.height <= lane.y + lane.height for bar in chart.bars)


def _short_run(tmp_path, *, end_at: float, fire_b: bool = False, end: bool = True):
    """Play the known package for a few minutes: A fired on time, then ENDEX (or not) at ``end_at``."""
    from tests.report_sessions import started_known_session

    with started_known_session(tmp_path, "short.crisisdesk") as (session, clock, path):
        clock.set(T0 + 300)
        session.fire("A")
        if fire_b:
            clock.set(T0 + 600)
            session.fire("B")
        clock.set(T0 + end_at)
        if end:
            session.end()
    with Session.open(path, time_source=FakeTime(T0 + end_at + 60), read_only=True) as session:
        return build_figures(session)


def test_after_an_early_endex_injects_never_due_are_not_counted_as_misses(tmp_path):
    fig = _short_run(tmp_path, end_at=6 * 60)  # B (0:10) and C (0:20) never came
    assert (fig.on_time.count, fig.on_time.total) == (1, 1)
    assert fig.on_time.percent == 100
    rows = {r.inject_id: r.status for r in fig.injects}
    assert rows == {"A": "on_time", "B": "not_reached", "C": "not_reached"}
    assert (fig.counts.not_reached, fig.counts.not_fired) == (2, 0)
    # The chart's axis covers the six minutes played, not the 30 planned.
    assert fig.axis_end == 6 * 60


def test_an_inject_due_before_endex_and_never_fired_is_a_miss(tmp_path):
    fig = _short_run(tmp_path, end_at=12 * 60)  # B was due at 0:10 and never went out
    assert (fig.on_time.count, fig.on_time.total) == (1, 2)
    rows = {r.inject_id: r.status for r in fig.injects}
    assert rows == {"A": "on_time", "B": "not_fired", "C": "not_reached"}
    assert (fig.counts.not_reached, fig.counts.not_fired) == (1, 1)


def test_a_draft_counts_the_injects_due_by_now_only(tmp_path):
    fig = _short_run(tmp_path, end_at=12 * 60, end=False)  # report made at 0:13
    assert fig.draft
    assert (fig.on_time.count, fig.on_time.total) == (1, 2)
    rows = {r.inject_id: r.status for r in fig.injects}
    assert rows == {"A": "on_time", "B": "due", "C": "pending"}
    assert (fig.counts.pending, fig.counts.due) == (1, 1)


def test_on_time_is_measured_against_the_effective_due_time(tmp_path):
    """B is moved from 0:10 to 0:04 and goes out at 0:05:35; A is delayed 5 min and goes out as delayed."""
    from tests.report_sessions import started_known_session

    with started_known_session(tmp_path, "moved.crisisdesk") as (session, clock, path):
        clock.set(T0 + 60)
        session.edit_inject("B", at=240)
        session.delay("A", 5)  # 0:05 -> 0:10
        clock.set(T0 + 335)
        session.fire("B")
        clock.set(T0 + 610)
        session.fire("A")
        clock.set(T0 + 700)
        session.end()
    with Session.open(path, time_source=FakeTime(T0 + 800), read_only=True) as session:
        fig = build_figures(session)
    rows = {r.inject_id: r for r in fig.injects}
    b, a = rows["B"], rows["A"]
    assert (b.planned_at, b.due_at, b.fired_elapsed) == (600, 240, 335)
    assert (b.status, b.gap, b.rescheduled) == ("late", 95, True)
    assert (a.planned_at, a.due_at, a.status, a.gap, a.rescheduled) == (300, 600, "on_time", 10, True)
    assert (fig.counts.late, fig.counts.early) == (1, 0)
    assert (fig.on_time.count, fig.on_time.total) == (1, 2)
    chart = build_chart(fig)
    mark = next(m for m in chart.injects if m.inject_id == "B")
    assert mark.due_x < mark.fired_x < mark.planned_x  # the gap line runs from 0:04 to 0:05:35
