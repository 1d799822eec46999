"""Every write not in the session file is counted in one place: the session's KeptWrites."""

from __future__ import annotations

from crisisdesk.session.pending import KeptWrites
from crisisdesk.session.store import Draft


def test_typed_and_kept_writes_are_counted_once_each(tmp_path):
    kept = KeptWrites(tmp_path / "x.crisisdesk")
    panel, other = object(), object()
    kept.hold("e1", {"text": "Ouverture de la cellule"}, owner=panel)
    kept.hold("e2", {"text": "Appel préfecture"}, owner=other)
    assert kept.unsaved_ids() == {"e1", "e2"}
    assert kept.held_ids(owner=panel) == ["e1"]
    assert not kept.all_journaled()  # typed, not even in the journal yet

    # The file refused e1: the session keeps it (journal beside the file); still one unsaved write.
    assert kept.keep(Draft("entry", 1.0, None, None, {"text": "Ouverture de la cellule"}, event_id="e1"), "locked")
    assert kept.unsaved_ids() == {"e1", "e2"}
    assert kept.journal_path.exists()

    assert kept.release("e2") == {"text": "Appel préfecture"}  # refused and given back to the user
    assert kept.all_journaled()  # e1 is held and kept, in the journal
    kept.stored({"e1"})
    kept.release("e1")
    assert kept.unsaved_ids() == set()
    assert not kept.journal_path.exists()  # nothing left to keep
