"""The observer's entry bookkeeping without widgets: saved, kept and retried, refused and taken back.

Real session files: a write lock held by another program, a read-only file, a full disk.
"""

from __future__ import annotations

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session, WriteFailedError
from tests.helpers.observer_support import stored_entries
from tests.small_filesystem import fill, small_filesystem
from ui.observer.entry_saving import EntrySaving, Outcome
from ui.observer.quick_entry import QuickEntry

GYMNASE = QuickEntry(role="DSOL", kind="decision", text="Réquisition de deux gymnases", inject_id=None,
                     tags=("strength",))


def test_an_entry_is_unsaved_until_the_session_took_it_then_saved_once(mini_session, fake_time):
    mini_session.start()
    fake_time.advance(90)
    saving = EntrySaving(mini_session)
    draft = saving.begin("Claire Dubois", GYMNASE)

    # Shown at once, counted unsaved where the close guard looks, and not in the file yet.
    assert (draft.observer, draft.role, draft.text, draft.stage, draft.elapsed) == (
        "Claire Dubois", "DSOL", "Réquisition de deux gymnases", "play", 90.0)
    assert saving.pending_ids == [draft.entry_id]
    assert mini_session.unsaved_ids() == {draft.entry_id}
    assert stored_entries(mini_session.path) == []

    saved = saving.save(draft.entry_id)
    assert saved.outcome is Outcome.SAVED and saved.stored and saved.error is None
    [row] = stored_entries(mini_session.path)
    assert (row["entry_id"], row["text"], row["tags"]) == (draft.entry_id, "Réquisition de deux gymnases", ("strength",))
    assert saving.pending_ids == [] and mini_session.unsaved_ids() == set()
    assert saving.save(draft.entry_id).outcome is Outcome.SAVED  # saved already: nothing sent again
    assert len(stored_entries(mini_session.path)) == 1


def test_the_draft_carries_the_stage_and_times_of_when_it_was_typed(mini_session, fake_time):
    saving = EntrySaving(mini_session)
    before = saving.begin("Claire", GYMNASE)
    assert (before.stage, before.elapsed, before.scenario_time) == ("briefing", None, None)
    mini_session.start()
    fake_time.advance(60)
    during = saving.begin("Claire", GYMNASE)
    assert (during.stage, during.elapsed) == ("play", 60.0)
    assert during.scenario_time == mini_session.state.clock.scenario_time(fake_time.now())
    mini_session.end()
    after = saving.begin("Claire", GYMNASE)
    assert (after.stage, after.scenario_time) == ("hotwash", None)
    assert saving.pending_ids == [before.entry_id, during.entry_id, after.entry_id]  # in typing order


def test_a_locked_file_keeps_the_entry_and_a_retry_stores_it_once(quick_session, lock, mini_session):
    saving = EntrySaving(quick_session)
    draft = saving.begin("Claire Dubois", GYMNASE)
    held = lock()
    try:
        kept = saving.save(draft.entry_id)
        assert kept.outcome is Outcome.KEPT and isinstance(kept.error, WriteFailedError)
        assert not kept.report  # the file, not a bug: nothing for the error reporter
        assert saving.pending_ids == [draft.entry_id]
        assert draft.entry_id in quick_session.unsaved_ids()
        assert [s.outcome for s in saving.retry()] == [Outcome.KEPT]  # still locked: still kept
    finally:
        held.release()
    assert [s.outcome for s in saving.retry()] == [Outcome.SAVED]
    assert saving.pending_ids == [] and quick_session.unsaved_ids() == set()
    assert [r["entry_id"] for r in stored_entries(mini_session.path)] == [draft.entry_id]  # once


def test_a_refused_entry_is_never_retried_and_its_text_is_given_back_once(mini_session, fake_time):
    read_only = Session.open(mini_session.path, time_source=fake_time, read_only=True)
    try:
        saving = EntrySaving(read_only)
        draft = saving.begin("Claire Dubois", GYMNASE)
        refused = saving.save(draft.entry_id)
        assert refused.outcome is Outcome.REFUSED and not refused.stored
        assert saving.pending_ids == [] and read_only.unsaved_ids() == set()  # nothing to retry or export
        assert saving.refused_ids == [draft.entry_id]
        assert saving.retry() == []
        assert saving.take_back(draft.entry_id) == "DSOL d: Réquisition de deux gymnases #fort"
        assert saving.refused_ids == [] and saving.take_back(draft.entry_id) is None
    finally:
        read_only.close()
    assert stored_entries(mini_session.path) == []


def test_an_unexpected_error_is_reported_once_and_the_entry_kept_until_it_goes_through(mini_session, monkeypatch):
    saving = EntrySaving(mini_session)
    draft = saving.begin("Claire Dubois", GYMNASE)
    real = mini_session.log_entry

    def broken(**_arguments):
        raise RuntimeError("a bug in the writer")

    monkeypatch.setattr(mini_session, "log_entry", broken)
    first, second = saving.save(draft.entry_id), saving.save(draft.entry_id)
    assert (first.outcome, first.report) == (Outcome.UNEXPECTED, True)
    assert (second.outcome, second.report) == (Outcome.UNEXPECTED, False)  # reported once per entry
    assert saving.pending_ids == [draft.entry_id] and mini_session.unsaved_ids() == {draft.entry_id}
    monkeypatch.setattr(mini_session, "log_entry", real)
    assert [s.outcome for s in saving.retry()] == [Outcome.SAVED]
    assert len(stored_entries(mini_session.path)) == 1


def test_two_panels_on_one_session_each_retry_their_own_and_the_session_counts_both(mini_session):
    mine, theirs = EntrySaving(mini_session), EntrySaving(mini_session)
    a = mine.begin("Claire", GYMNASE)
    b = theirs.begin("Marc", GYMNASE)
    assert mine.pending_ids == [a.entry_id] and theirs.pending_ids == [b.entry_id]
    assert mini_session.unsaved_ids() == {a.entry_id, b.entry_id}
    assert [s.entry_id for s in mine.retry()] == [a.entry_id]
    assert mini_session.unsaved_ids() == {b.entry_id}


def test_a_full_disk_keeps_the_entry_and_stores_it_once_there_is_room(tmp_path, mini_package_path):
    small = tmp_path / "small"
    with small_filesystem(small, 1024):
        clock = FakeTime(1_780_000_000.0)
        session = Session.create(small / "full.crisisdesk", mini_package_path, time_source=clock)
        try:
            session.start()
            saving = EntrySaving(session)
            draft = saving.begin("Claire Dubois", GYMNASE)
            filler = fill(small)
            kept = saving.save(draft.entry_id)
            assert kept.outcome is Outcome.KEPT and getattr(kept.error, "code", None) == "disk_full"
            assert draft.entry_id in session.unsaved_ids()
            assert [s.outcome for s in saving.retry()] == [Outcome.KEPT]
            filler.unlink()
            assert [s.outcome for s in saving.retry()] == [Outcome.SAVED]
            assert [e.entry_id for e in session.state.entries] == [draft.entry_id]
            assert session.unsaved_ids() == set()
        finally:
            session.close()

