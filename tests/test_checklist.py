"""The expected-responses checklist derived from a session's state (no Qt)."""

from __future__ import annotations

import pytest

from crisisdesk.checklist import checklist_items
from crisisdesk.clock import FakeTime
from crisisdesk.session import Session


@pytest.fixture
def clock():
    return FakeTime(1_780_000_000.0)


@pytest.fixture
def session(tmp_path, mini_package_path, clock):
    with Session.create(tmp_path / "c.crisisdesk", mini_package_path, time_source=clock) as created:
        yield created


def test_items_of_fired_injects_newest_first_with_checks(session, clock):
    assert checklist_items(session.state) == ()
    session.start()
    clock.advance(120)
    session.fire("I01")
    clock.advance(180)
    session.fire("I02")
    clock.advance(60)
    session.check_expectation("I01", 0, "partial", observer="Claire")
    items = checklist_items(session.state)
    assert [(i.inject_id, i.role, i.within) for i in items] == [("I02", "DSOL", 900), ("I01", "DIR", 600)]
    i02, i01 = items
    assert i01.check is not None and i01.check.status == "partial"
    assert i02.check is None
    assert i02.deadline == 300 + 900
    assert i02.remaining(360) == 840
    assert not i02.overdue(1200) and i02.overdue(1201)
    assert not i01.overdue(5000)  # checked: never overdue
    assert not i01.late  # checked 4 min after the fire, within 10
    assert [i.inject_id for i in checklist_items(session.state, roles=["DIR"])] == ["I01"]


def test_a_check_after_the_window_is_late(session, clock):
    session.start()
    session.fire("I01")
    clock.advance(11 * 60)
    session.check_expectation("I01", 0, "met", observer="Claire")
    [item] = checklist_items(session.state)
    assert item.late


def test_objective_evidence_counts_each_verdict_and_the_tagged_entries(session, clock):
    from crisisdesk.checklist import objective_evidence

    assert objective_evidence(["O1", "O2"], session.state)["O1"].responses == 0  # nothing fired yet
    session.start()
    session.fire("I01")  # serves O1: one expected response (DIR)
    session.fire("I02")  # serves O2: one expected response (DSOL)
    clock.advance(60)
    session.check_expectation("I01", 0, "missed", observer="Claire")
    session.log_entry(observer="Claire", role="DIR", kind="decision", text="Cellule activée", tags=("O1", "strength"))
    session.log_entry(observer="Claire", role="DIR", kind="decision", text="Point de situation", tags=("O1",))
    evidence = objective_evidence(["O1", "O2"], session.state)
    assert (evidence["O1"].met, evidence["O1"].partial, evidence["O1"].missed, evidence["O1"].unchecked,
            evidence["O1"].entries) == (0, 0, 1, 0, 2)
    assert (evidence["O2"].unchecked, evidence["O2"].responses, evidence["O2"].entries) == (1, 1, 0)
    session.check_expectation("I01", 0, "met", observer="Claire")  # the latest verdict counts
    assert objective_evidence(["O1"], session.state)["O1"].met == 1
    assert set(objective_evidence(["O1"], session.state)) == {"O1"}  # only the objectives asked for


def test_tagged_entries_give_findings_once_each(session, clock):
    from crisisdesk.tagged_findings import findings_to_import

    session.start()
    first = session.log_entry(observer="Claire", role="DSOL", kind="decision", text="Appels lancés ",
                              tags=("strength", "O2"))
    session.log_entry(observer="Marc", role=None, kind="observation", text="Remontées lentes", tags=("improvement",))
    session.log_entry(observer="Marc", role="DIR", kind="decision", text="Sans marque")
    found = findings_to_import(session.state, ["O1", "O2"])
    assert [(f.kind, f.text, f.objective_id) for f in found] == [
        ("strength", "DSOL — Appels lancés", "O2"), ("improvement", "Remontées lentes", None)]
    session.add_finding(found[0].kind, found[0].text, found[0].objective_id, event_id=found[0].finding_id)
    session.log_entry(observer="Claire", role="DSOL", kind="decision", text="Appels lancés à 10 h",
                      tags=("strength", "O2"), supersedes=first.entry_id)  # corrected: still imported once
    assert [f.text for f in findings_to_import(session.state, ["O1", "O2"])] == ["Remontées lentes"]
