"""The 'delivered' event (the animation team's "livré"): stored once, replayed, and shown in the report and console."""

from __future__ import annotations

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.report import build_figures, report_html
from crisisdesk.session import InvalidActionError, Session
from crisisdesk.session.replay import replay


@pytest.fixture
def played(tmp_path, mini_package_path):
    clock = FakeTime()
    path = tmp_path / "livre.crisisdesk"
    session = Session.create(path, mini_package_path, time_source=clock)
    session.start()
    clock.advance(120)
    session.fire("I01")
    session.fire("I02")
    yield session, clock
    session.close()


def test_a_delivery_is_stored_once_and_the_first_one_counts(played):
    session, clock = played
    session.mark_delivered("I01", animator="Équipe A", event_id="liv-1")
    clock.advance(5)
    session.mark_delivered("I01", animator="Équipe A", event_id="liv-1")  # a retry: no-op
    session.mark_delivered("I01", animator="Équipe B", event_id="liv-2")  # a second click: changes nothing
    state = session.state
    assert state.inject("I01").delivered_by == "Équipe A"
    assert state.inject("I01").delivered_at == clock.now() - 5
    assert state.inject("I02").delivered_at is None
    kinds = [e.kind for e in session.events_since(0)]
    assert kinds.count("delivered") == 2
    assert all(e.kind != "delivered" for e in state.events)  # not a controller action
    assert replay(session.package, session.events_since(0)).inject("I01").delivered_by == "Équipe A"


def test_an_inject_not_fired_or_unknown_cannot_be_delivered(played):
    session, _ = played
    with pytest.raises(InvalidActionError) as not_fired:
        session.mark_delivered("I04", animator="A")
    assert not_fired.value.code == "not_fired"
    with pytest.raises(InvalidActionError) as unknown:
        session.mark_delivered("NOPE", animator="A")
    assert unknown.value.code == "unknown_inject"
    with pytest.raises(InvalidActionError):
        session.mark_delivered("I01", animator="  ")


def test_the_report_says_delivered_or_not_once_deliveries_were_recorded(played):
    session, _ = played
    before = {r.inject_id: r.delivery for r in build_figures(session).injects}
    assert before["I01"] is None  # no animation team on the network: nothing to say
    session.mark_delivered("I02", animator="Cellule anim")
    rows = {r.inject_id: r for r in build_figures(session).injects}
    assert (rows["I01"].delivery, rows["I02"].delivery, rows["I04"].delivery) == ("not_delivered", "delivered", None)
    html = report_html(session)
    # (the report's typography filter turns the apostrophe into ’: crisisdesk/report/typography.py)
    assert "livré par Cellule anim" in html and "non livré par l\u2019animation" in html
