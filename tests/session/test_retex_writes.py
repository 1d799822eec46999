"""Hot wash and RETEX writes: findings, plan lines and ratings edited and deleted by superseding events."""

from __future__ import annotations

import pytest

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session
from crisisdesk.session.errors import InvalidActionError
from tests.report_sessions import T0, write_package


@pytest.fixture
def session(tmp_path):
    clock = FakeTime(T0)
    s = Session.create(tmp_path / "s.crisisdesk", write_package(tmp_path / "package"), time_source=clock,
                       observer="Claire")
    s.start()
    clock.set(T0 + 60)
    s.end()
    yield s, clock, tmp_path / "s.crisisdesk"
    s.close()


def _reopened(path, clock):
    reader = Session.open(path, time_source=FakeTime(clock.now()), read_only=True)
    try:
        return reader.state
    finally:
        reader.close()


def test_a_finding_edited_keeps_its_number_and_author_and_the_editor_is_recorded(session):
    s, clock, path = session
    first = s.add_finding("improvement", "Alerte lente", "O2", observer="Marc", reference="Plan canicule §3")
    second = s.add_finding("strength", "Bonne coordination", observer="Claire")
    clock.advance(30)
    s.edit_finding(first, "improvement", "Alerte des personnes isolées lente", "O2", observer="Sophie",
                   reference="Plan canicule §3.2", cause="Listes non à jour", recommendation="Mettre à jour")
    clock.advance(30)
    s.delete_finding(second, observer="Sophie")
    state = _reopened(path, clock)
    (finding,) = state.findings
    assert (finding.id, finding.text, finding.observer, finding.edited_by) == (
        1, "Alerte des personnes isolées lente", "Marc", "Sophie")
    assert (finding.reference, finding.cause, finding.recommendation) == (
        "Plan canicule §3.2", "Listes non à jour", "Mettre à jour")
    kinds = [e.kind for e in s.events_since(0)]
    assert kinds.count("finding") == 4  # nothing erased: four events
    # A new finding after a deletion gets a new number, never a reused one.
    assert s.add_finding("strength", "Salle prête") == 3


def test_a_plan_line_edited_then_deleted(session):
    s, clock, path = session
    finding = s.add_finding("improvement", "Alerte lente", "O2")
    number = s.add_improvement(action="Former", owner_role="DSOL", priority="high", due_date="2027-03-01",
                               domain="training", organisation="DSOL", contact="M. Martin",
                               start_date="2027-01-10", status="planned", finding_id=finding, observer="Marc")
    clock.advance(10)
    s.edit_improvement(number, action="Former les cadres d'astreinte", owner_role="DSOL", priority="high",
                       due_date="2027-04-01", domain="training", organisation="DSOL", contact="Mme Durand",
                       start_date="2027-01-10", status="in_progress", finding_id=finding, observer="Sophie")
    (line,) = _reopened(path, clock).improvements
    assert (line.id, line.action, line.contact, line.status, line.domain, line.finding_id, line.due_date,
            line.observer, line.edited_by) == (number, "Former les cadres d'astreinte", "Mme Durand",
                                               "in_progress", "training", finding, "2027-04-01", "Marc", "Sophie")
    s.delete_improvement(number, observer="Sophie")
    assert _reopened(path, clock).improvements == ()
    with pytest.raises(InvalidActionError):
        s.delete_improvement(number)
    with pytest.raises(InvalidActionError):
        s.add_improvement(action="X", owner_role=None, priority="low", due_date=None, domain="cooking")


def test_a_rating_withdrawn_leaves_the_objective_not_rated(session):
    s, clock, path = session
    s.rate_objective("O1", "S", "Lent", observer="Évaluatrice")
    clock.advance(10)
    s.withdraw_rating("O1", observer="Évaluatrice")
    state = _reopened(path, clock)
    assert state.ratings == ()
    assert [r.rating for r in state.rating_history] == ["S", ""]


def test_the_retex_document_fields_latest_win_field_by_field(session):
    s, clock, path = session
    s.set_retex({"author": "Claire D.", "version": "0.1", "status": "draft", "context": "Canicule"},
                observer="Claire")
    clock.advance(10)
    s.set_retex({"version": "1.0", "status": "approved"}, observer="Marc")
    doc = _reopened(path, clock).retex
    assert (doc.author, doc.version, doc.status, doc.context, doc.updated_by) == (
        "Claire D.", "1.0", "approved", "Canicule", "Marc")
    with pytest.raises(InvalidActionError):
        s.set_retex({"status": "signed"})
    with pytest.raises(InvalidActionError):
        s.set_retex({"colour": "red"})
