"""Annex G: the situation indicators as they moved, one row per indicator (issue 17)."""

from __future__ import annotations

import re
from html import unescape

from crisisdesk.report import build_figures, render_html
from crisisdesk.session import Session


def _figures(rehearsal):
    path, clock = rehearsal
    with Session.open(path, time_source=clock, read_only=True) as session:
        return build_figures(session)


def test_each_indicator_with_its_start_its_changes_and_its_latest_value(rehearsal):
    fig = _figures(rehearsal)
    paths = {p.indicator_id: p for p in fig.indicator_paths}
    # every indicator of the package, in its order, changed or not
    assert [p.indicator_id for p in fig.indicator_paths][:len(fig.exercise.indicators)] == [
        i.id for i in fig.exercise.indicators]
    tmax = paths["tmax"]
    assert (tmax.label, tmax.unit, tmax.initial) == ("Température max.", "°C", 41)
    changes = [c for c in fig.indicator_changes if c.indicator_id == "tmax"]
    assert tmax.moves == tuple(changes) and len(changes) >= 3
    assert tmax.final == changes[-1].value
    assert sum(len(p.moves) for p in fig.indicator_paths) == len(fig.indicator_changes)


def test_the_annex_shows_one_row_per_indicator_and_the_html_every_change(rehearsal):
    fig = _figures(rehearsal)
    annex = {}
    for for_print in (True, False):
        html = render_html(fig, for_print=for_print)
        annex[for_print] = html[html.index('id="annex-indicators"'):html.index('id="annex-glossary"')]
    printed = annex[True]
    rows = re.findall(r"<tr><td>(.*?)</tr>", printed[printed.index("indicator-paths"):], re.S)
    assert len(rows) == len(fig.indicator_paths)
    tmax = next(p for p in fig.indicator_paths if p.indicator_id == "tmax")
    first = " ".join(unescape(re.sub(r"<[^>]+>", " ", rows[[p.indicator_id for p in fig.indicator_paths]
                                                             .index("tmax")])).replace("\u202f", " ").split())
    move = tmax.moves[0]
    assert first.startswith("Température max. 41 °C")
    assert f"{move.value} °C" in first and move.source in first
    assert first.endswith(f"{tmax.final} °C")
    assert "Tous les changements dans l’ordre" not in printed  # the PDF keeps the one-row-per-indicator view
    assert "Tous les changements dans l’ordre" in annex[False]  # the HTML keeps the chronological list too
