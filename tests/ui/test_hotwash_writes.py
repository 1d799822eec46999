"""The hot wash's writes without widgets: each action under one event id until it is confirmed stored."""

from __future__ import annotations

import pytest

from crisisdesk.session import WriteFailedError
from tests.helpers.observer_support import play_one_check, stored_state
from ui.observer.hotwash_writes import HotWashWrites


@pytest.fixture
def ended(quick_session, fake_time):
    play_one_check(quick_session, fake_time)
    quick_session.log_entry(observer="Claire Dubois", role="DSOL", kind="decision", text="Visites dès 10 h",
                            tags=("strength", "O2"))
    fake_time.advance(60)
    quick_session.end()
    return quick_session


def test_a_rating_saved_again_after_a_locked_file_is_stored_once(ended, lock):
    writes = HotWashWrites(ended, "Claire Dubois")
    held = lock()
    with pytest.raises(WriteFailedError):
        writes.rate("O1", "S", "Cellule lente")
    held.release()
    writes.rate("O1", "S", "Cellule lente")  # the same action: the kept write's id
    state = stored_state(ended)
    assert [(r.rating, r.observer) for r in state.rating_history] == [("S", "Claire Dubois")]


def test_another_rating_after_a_failure_is_a_new_action_and_wins(ended, lock):
    writes = HotWashWrites(ended, "Claire Dubois")
    held = lock()
    with pytest.raises(WriteFailedError):
        writes.rate("O1", "S", "Cellule lente")
    held.release()
    writes.rate("O1", "M", "Cellule très lente")
    assert ended.retry_pending() == 0  # the kept "S" went in with "M"
    state = stored_state(ended)
    assert [r.rating for r in state.ratings] == ["M"]
    assert sorted(r.rating for r in state.rating_history) == ["M", "S"]


def test_findings_and_plan_lines_are_written_edited_and_deleted_by_whoever_is_named(ended):
    writes = HotWashWrites(ended, "Claire Dubois")
    writes.add_finding("improvement", "Alerte lente", "O1")
    writes.add_finding("improvement", "Alerte lente", "O1")  # confirmed stored: doing it again is a new finding
    writes.observer = "Sophie Tran"
    writes.store_finding(1, dict(kind="improvement", text="Alerte des mairies lente", objective_id="O1",
                                 reference="Plan canicule", cause="", recommendation=""))
    writes.delete("finding", 2)
    writes.add_plan_line(dict(action="Former les cadres", owner_role="DSOL", priority="high",
                              due_date="2032-09-30", objective_id=None))
    state = stored_state(ended)
    [finding] = state.findings
    assert (finding.text, finding.reference, finding.edited_by) == ("Alerte des mairies lente", "Plan canicule",
                                                                     "Sophie Tran")
    assert [(i.action, i.observer) for i in state.improvements] == [("Former les cadres", "Sophie Tran")]


def test_tagged_entries_are_imported_once_from_two_windows(ended):
    mine, theirs = HotWashWrites(ended, "Claire Dubois"), HotWashWrites(ended, "Marc Lefèvre")
    [finding] = mine.findings_to_import()
    assert (finding.kind, finding.text, finding.objective_id) == ("strength", "DSOL — Visites dès 10 h", "O2")
    mine.import_finding(finding)
    theirs.import_finding(finding)  # the other window had it listed too
    assert mine.findings_to_import() == [] and len(stored_state(ended).findings) == 1
