"""The main-courante table model: incremental updates, order, filters, revisions, 50,000 rows."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from crisisdesk.session import LogEntry
from tests.helpers.observer_support import draft_entry
from ui.observer.log_model import Column, LogFilterProxy, LogTableModel, SaveState

T0 = 1_780_000_000.0
ROLES = ("DIR", "DSOL", "PP")


def _entry(number: int, *, supersedes=None, revision=1, text=None, observer="Claire", tags=()) -> LogEntry:
    return LogEntry(
        entry_id=f"e{number:06d}", revision=revision, supersedes=supersedes, observer=observer,
        role=ROLES[number % 3], kind="decision", text=text or f"Décision n° {number}", inject_id=None,
        tags=tuple(tags), real_time=T0 + number, elapsed=float(number), scenario_time=datetime(2032, 6, 22, 7, 0),
        stage="play",
    )


def _texts(model) -> list[str]:
    return [model.index(row, Column.TEXT).data() for row in range(model.rowCount())]


def test_model_passes_qt_consistency_checks_through_updates(qtbot):
    model = LogTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    entries = tuple(_entry(n) for n in range(5))
    model.sync(entries, entries)
    model.add_draft(draft_entry("d1", "Claire", "DIR", "action", "Brouillon", T0 + 10, 10.0))
    model.set_newest_first(False)
    corrected = _entry(9, supersedes="e000002", revision=2, text="Décision n° 2 corrigée")
    model.sync((*entries[:2], corrected, *entries[3:]), (*entries, corrected))
    model.remove_draft("d1")
    assert _texts(model) == ["Décision n° 0", "Décision n° 1", "✎ Décision n° 2 corrigée", "Décision n° 3", "Décision n° 4"]


def test_new_entries_are_inserted_not_reset(qtbot):
    model = LogTableModel()
    entries = tuple(_entry(n) for n in range(3))
    model.sync(entries, entries)
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    more = (*entries, _entry(3))
    assert model.sync(more, more)
    assert resets == [] and inserted == [(0, 0)]  # newest first: at the top
    assert not model.sync(more, more)  # the same tuples: nothing to do


def test_draft_becomes_saved_when_the_session_has_it(qtbot):
    model = LogTableModel()
    draft = draft_entry("e000007", "Claire", "DSOL", "decision", "Décision n° 7", T0 + 7, 7.0)
    model.add_draft(draft)
    assert model.row_at(0).save is SaveState.SAVING
    assert model.index(0, Column.STATUS).data() == "en cours…"
    stored = (_entry(7),)
    model.sync(stored, stored)
    assert model.rowCount() == 1
    assert model.row_at(0).save is SaveState.SAVED
    assert model.row_at(0).entry is stored[0]


def test_fifty_thousand_entries_filters_and_order(qtbot):
    model = LogTableModel()
    proxy = LogFilterProxy()
    proxy.setSourceModel(model)
    entries = tuple(_entry(n, observer="Marc" if n % 10 == 0 else "Claire") for n in range(50_000))
    model.sync(entries, entries)
    assert model.rowCount() == proxy.rowCount() == 50_000
    assert proxy.index(0, Column.TEXT).data() == "Décision n° 49999"

    # One more entry from another observer arrives: inserted at the top, filters kept.
    proxy.set_filters(observer="Marc")
    assert proxy.rowCount() == 5_000
    newer = (*entries, _entry(50_000, observer="Marc", text="Évacuation du gymnase Japy"))
    model.sync(newer, newer)
    assert proxy.rowCount() == 5_001
    assert proxy.index(0, Column.TEXT).data() == "Évacuation du gymnase Japy"

    proxy.set_filters(text="evacuation GYMNASE")  # case and accents folded
    assert proxy.rowCount() == 1
    proxy.set_filters(role="DSOL")
    assert proxy.rowCount() == len([e for e in newer if e.role == "DSOL"])
    proxy.set_filters()
    model.set_newest_first(False)
    assert proxy.index(0, Column.TEXT).data() == "Décision n° 0"
    assert proxy.index(50_000, Column.TEXT).data() == "Évacuation du gymnase Japy"


def test_corrected_entry_keeps_its_place_and_shows_history(qtbot):
    model = LogTableModel()
    model.set_newest_first(False)
    entries = tuple(_entry(n) for n in range(3))
    model.sync(entries, entries)
    correction = _entry(100, supersedes="e000000", revision=2, text="Décision n° 0, heure corrigée", observer="Marc")
    model.sync((correction, *entries[1:]), (*entries, correction))
    assert _texts(model)[0] == "✎ Décision n° 0, heure corrigée"
    # The times shown are when the fact was first logged; the tooltip tells both.
    assert model.index(0, Column.ELAPSED).data() == "0:00:00"
    tooltip = model.index(0, Column.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "1." in tooltip and "Décision n° 0" in tooltip and "2." in tooltip and "Marc" in tooltip
    assert [e.entry_id for e in model.history_of(correction.entry_id)] == ["e000000", "e000100"]


def test_entry_without_role_is_shown_and_searchable(qtbot):
    from dataclasses import replace

    model = LogTableModel()
    proxy = LogFilterProxy()
    proxy.setSourceModel(model)
    entry = replace(_entry(1, text="Coupure générale du réseau radio"), role=None)
    model.sync((entry,), (entry,))
    assert model.index(0, Column.ROLE).data() == ""
    proxy.set_filters(text="radio")
    assert proxy.rowCount() == 1
