"""The main-courante filter proxy: the same rows as filtering one by one, through every kind of update."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtTest import QAbstractItemModelTester

from crisisdesk.logsyntax import fold
from crisisdesk.session import LogEntry
from tests.helpers.observer_support import draft_entry
from ui.observer.log_filter import LogFilterProxy, fold_many
from ui.observer.log_model import Column, LogTableModel

T0 = 1_780_000_000.0
ROLES = ("DIR", "DSOL", "PP")


def _entry(number: int, *, text=None, supersedes=None, revision=1) -> LogEntry:
    return LogEntry(
        entry_id=f"e{number:06d}", revision=revision, supersedes=supersedes, observer="Claire",
        role=ROLES[number % 3], kind=("decision", "action")[number % 2],
        text=text or f"Évacuation n° {number}", inject_id=None, tags=("strength",) if number % 5 == 0 else (),
        real_time=T0 + number, elapsed=float(number), scenario_time=datetime(2032, 6, 22, 7, 0), stage="play",
    )


def _shown(proxy) -> list[str]:
    return [proxy.index(row, Column.TEXT).data() for row in range(proxy.rowCount())]


def _expected(model, proxy) -> list[str]:
    """What the proxy must show: the source rows, in view order, that pass one by one."""
    return [model.index(row, Column.TEXT).data() for row in range(model.rowCount())
            if proxy.accepts(model.row_at(row))]


def test_bulk_fold_is_fold():
    texts = ["Évacuation du gymnase Japy", "ÉCOLE Crèche âgées œuvre naïve", "a\x00b", "😀 café", "", "ﬁ",
             "Ǆ", "x\u0301\u0327y", "Ångström ß", "ΣΑΣ", "İstanbul", "plain ascii"]
    assert fold_many(texts) == [fold(text) for text in texts]


def test_filtered_rows_follow_inserts_drafts_corrections_and_order(qtbot):
    model = LogTableModel()
    proxy = LogFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    entries = tuple(_entry(n) for n in range(30))
    model.sync(entries, entries)
    proxy.set_filters(role="DSOL", text="evacuation")
    assert _shown(proxy) == _expected(model, proxy) and len(_shown(proxy)) == 10

    more = (*entries, _entry(30), _entry(31))  # 31 is DSOL: shown at the top; 30 is not
    model.sync(more, more)
    assert _shown(proxy)[0] == "Évacuation n° 31"
    assert _shown(proxy) == _expected(model, proxy)

    model.add_draft(draft_entry("d1", "Claire", "DSOL", "action", "Évacuation brouillon", T0 + 40, 40.0))
    model.add_draft(draft_entry("d2", "Claire", "DIR", "action", "Évacuation autre rôle", T0 + 41, 41.0))
    assert _shown(proxy)[0] == "Évacuation brouillon"
    assert _shown(proxy) == _expected(model, proxy)
    model.remove_draft("d1")
    assert _shown(proxy) == _expected(model, proxy)

    corrected = _entry(40, text="Évacuation n° 4 corrigée", supersedes="e000004", revision=2)  # 4 is DSOL
    current = tuple(e for e in more if e.entry_id != "e000004") + (corrected,)
    model.sync(current, (*more, corrected))
    assert "✎ Évacuation n° 4 corrigée" in _shown(proxy)
    assert _shown(proxy) == _expected(model, proxy)

    model.set_newest_first(False)
    assert _shown(proxy) == _expected(model, proxy)
    proxy.set_filters(tag="strength")
    assert _shown(proxy) == _expected(model, proxy) and len(_shown(proxy)) > 0
    proxy.set_filters()
    assert proxy.rowCount() == model.rowCount() and not proxy.active


def test_selection_survives_a_filter_change_when_its_row_stays(qtbot):
    model = LogTableModel()
    proxy = LogFilterProxy()
    proxy.setSourceModel(model)
    entries = tuple(_entry(n) for n in range(12))
    model.sync(entries, entries)
    selected = QPersistentModelIndex(proxy.index(proxy.mapFromSource(model.index(model.view_row_of("e000007"), 0)).row(),
                                                 Column.TEXT))
    hidden = QPersistentModelIndex(proxy.index(proxy.mapFromSource(model.index(model.view_row_of("e000006"), 0)).row(),
                                               Column.TEXT))
    proxy.set_filters(role="DSOL")  # 7 is DSOL, 6 is DIR
    assert selected.isValid() and selected.data() == "Évacuation n° 7"
    assert not hidden.isValid()
    proxy.set_filters()
    assert selected.data() == "Évacuation n° 7"


def test_texts_are_folded_ahead_so_the_first_search_folds_nothing(qtbot, monkeypatch):
    import ui.observer.log_filter as log_filter

    monkeypatch.setattr(log_filter, "IDLE_CHUNK", 100)  # 15 idle steps for 1,500 entries
    model = LogTableModel()
    proxy = LogFilterProxy()
    proxy.setSourceModel(model)
    entries = tuple(_entry(n) for n in range(1500))
    model.sync(entries, entries)
    qtbot.waitUntil(lambda: not proxy._idle.isActive(), timeout=10_000)

    def no_more_folding(texts):
        raise AssertionError(f"folded again: {texts[:2]}")

    monkeypatch.setattr(log_filter, "fold_many", no_more_folding)
    proxy.set_filters(text="EVACUATION n° 149")
    shown = _shown(proxy)
    assert shown == _expected(model, proxy)
    assert "Évacuation n° 149" in shown and "Évacuation n° 1149" in shown and "Évacuation n° 150" not in shown
