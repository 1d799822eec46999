"""A very long session's PDF summarises the long annexes; the HTML keeps them whole."""

from __future__ import annotations

from crisisdesk.clock import FakeTime
from crisisdesk.report import build_figures, render_html
from crisisdesk.report import print_annexes as annexes
from crisisdesk.session import Session
from tests.report_sessions import play_known_session


def test_the_print_version_of_a_long_log_keeps_the_decisions_and_says_where_the_rest_is(tmp_path, monkeypatch):
    path, clock = play_known_session(tmp_path)
    with Session.open(path, time_source=FakeTime(clock.now()), read_only=True) as session:
        fig = build_figures(session)
    total = len(fig.entry_history)
    decisions = [e for e in fig.entries if e.kind == "decision"]
    monkeypatch.setattr(annexes, "LONG_LOG", total - 1)  # "long" from this session's size
    monkeypatch.setattr(annexes, "LONG_EVENTS", 1)

    def log_of(html: str) -> str:
        return html[html.index('id="annex-log"'):html.index('id="annex-events"')]

    whole = log_of(render_html(fig))
    printed = log_of(render_html(fig, for_print=True))
    assert whole.count("<tr") - whole.count("<thead><tr") == total
    assert printed.count("<tr") - printed.count("<thead><tr") == len(decisions) < total
    assert f"{len(decisions)} décisions (les premières) sur {total} entrées" in printed.replace("\u202f", " ")
    events = render_html(fig, for_print=True)
    events = events[events.index('id="annex-events"'):events.index('id="annex-injects"')]
    assert "Version imprimée résumée" in events


def test_a_long_session_prints_the_departures_from_the_plan_and_no_inject_texts(tmp_path, monkeypatch):
    path, clock = play_known_session(tmp_path)
    with Session.open(path, time_source=FakeTime(clock.now()), read_only=True) as session:
        fig = build_figures(session)
    monkeypatch.setattr(annexes, "LONG_INJECTS", 1)
    printed = render_html(fig, for_print=True)
    chrono = printed[printed.index('id="timeline"'):printed.index('id="roles"')]
    assert "<strong>B</strong>" in chrono and "<strong>A</strong>" not in chrono  # B late, A on time
    texts = printed[printed.index('id="annex-injects"'):printed.index('id="annex-roles"')]
    assert "<h3>A — " not in texts and "rapport HTML" in texts
    whole = render_html(fig)
    assert "<h3>A — " in whole[whole.index('id="annex-injects"'):]
