"""The figures and HTML report on a full rehearsal of the bundled exercise injects/paris-50c.

Core only (no Qt): these run where QtWebEngine is missing; the PDF is test_report_paris.py.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.report import build_figures, render_html
from crisisdesk.session import Session


@pytest.fixture(scope="module")
def figures(rehearsal):
    path, clock = rehearsal
    with Session.open(path, time_source=FakeTime(clock.now()), read_only=True) as session:
        return build_figures(session), session.package, session.state


def test_figures_agree_with_the_event_log(figures):
    fig, package, state = figures
    assert not fig.draft
    fire_events = [e for e in state.events if e.kind == "fire"]
    assert fig.counts.fired == len(fire_events)
    finex = package.exercise.phases[-1].at  # the rehearsal ends there: HW1 and HW2 come after
    scheduled = [i for i in package.injects if not i.manual and i.contingency_for is None and i.at <= finex]
    assert fig.on_time.total == len(scheduled)
    assert fig.counts.skipped == 1 and fig.counts.adhoc == 1
    # The inject the controller delayed by 5 min went out at its new time: on time, not late.
    (delayed,) = [r for r in fig.injects if r.delayed]
    assert (delayed.status, delayed.due_at - delayed.planned_at) == ("on_time", 300)
    hot_wash = [i for i in package.injects if not i.manual and i.at > finex]  # played after this ENDEX
    assert fig.counts.late == 0 and fig.counts.not_reached == len(hot_wash) == 2
    fired_expected = sum(len(r.expectations) for r in fig.injects if r.fired)
    assert sum(fig.expected_counts.values()) == fired_expected
    # The rate is over the checked responses; the unchecked ones are not evaluated, counted apart.
    assert fig.expected_met.total == fired_expected - fig.expected_counts["unchecked"]
    assert [r.role.id for r in fig.roles] == [r.id for r in package.roles if r.played]
    received = sum(1 for r in fig.injects if r.fired for role in r.to if role in {x.role.id for x in fig.roles})
    assert sum(r.injects_received for r in fig.roles) == received
    assert fig.median_response is not None and 60 <= fig.median_response <= 900
    assert all(o.rating for o in fig.objectives)


def test_html_report_of_the_rehearsal(figures):
    fig, package, _ = figures
    html = render_html(fig)
    for section in ("cover", "summary", "timeline", "objectives", "roles", "hotwash", "annex-log",
                    "annex-events", "annex-injects", "annex-roles"):
        assert f'id="{section}"' in html
    assert "<script" not in html
    chart = html[html.index("<svg"):html.index("</svg>")]
    lanes = re.findall(r'<text x="10" [^>]*><title>([^<]*)</title>', chart)
    # (the lane titles are text of the body: typographic apostrophes, report/typography.py)
    assert [unescape(x).replace("\u2019", "'") for x in lanes[1:]] == [f"{r.role.id} — {r.role.name}" for r in fig.roles]
    # Annex C holds the text of every inject played, not those of the reserves nobody used.
    unused = {r.inject_id for g in fig.unplayed for r in (*g.injects, *g.reserves)}
    assert unused and all(r.status == "unused" for g in fig.unplayed for r in g.reserves)
    plain = [i for i in package.injects if "<" not in i.title and "&" not in i.title]
    assert all((f"<h3>{i.id} — " in html) == (i.id not in unused) for i in plain)
