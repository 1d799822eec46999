"""Annex A: the timeline planned / actual, the scenario time at each firing included (issue 17)."""

from __future__ import annotations

import re
from html import unescape

from crisisdesk.report import build_figures, render_html
from crisisdesk.session import Session


def test_each_fired_inject_shows_the_scenario_time_it_was_fired_at(rehearsal):
    path, clock = rehearsal
    with Session.open(path, time_source=clock, read_only=True) as session:
        fig = build_figures(session)
    html = render_html(fig, for_print=True)
    annex = html[html.index('id="timeline"'):html.index('id="roles"') if 'id="roles"' in html else None]
    first = next(r for r in fig.injects if r.fired and r.fired_scenario is not None and r.inject_id == "P1-01")
    row = next(r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", annex, re.S) if "<strong>P1-01</strong>" in r)
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split())
    assert f"{first.fired_scenario.day} juin {first.fired_scenario:%H:%M}" in text
    assert "heure du scénario à l’envoi" in annex
    assert "fiches rôles (annexe F)" in annex  # not annex D, which is the controller's log
