"""The observer's panel driven with the keyboard, checked against the session file on disk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from crisisdesk.session import Session
from tests.helpers.observer_support import observer_settings, stored_entries, type_entry
from tests.qt_helpers import press_enter, type_text
from ui.observer.log_model import Column, SaveState
from ui.observer.panel import ObserverPanel


@pytest.fixture
def panel(qtbot, mini_session, tmp_path):
    """The observer panel on the mini session, shown and active (shortcuts need focus)."""
    widget = ObserverPanel(mini_session, "Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.focus_quick_entry()
    return widget


def _cell(panel, view_row: int, column: Column) -> str:
    return panel.proxy.index(view_row, column).data()


def test_typed_french_entry_lands_in_the_file_with_its_times(qtbot, panel, mini_session, fake_time):
    mini_session.start()
    fake_time.advance(5 * 60)
    mini_session.fire("I02")  # to DSOL
    fake_time.advance(90)
    panel.refresh_from_session()

    entry_id = type_entry(qtbot, panel, "DSOL d: Ouverture de 3 salles rafraîchies à Bercy, accès élargi #fort")

    [row] = stored_entries(mini_session.path)
    assert row["entry_id"] == entry_id
    assert row["observer"] == "Claire Dubois"
    assert row["role"] == "DSOL"
    assert row["kind"] == "decision"
    assert row["text"] == "Ouverture de 3 salles rafraîchies à Bercy, accès élargi"
    assert row["tags"] == ("strength",)
    assert row["inject_id"] == "I02"  # the latest inject fired at DSOL, by default
    assert row["stage"] == "play"
    assert row["real_time"] == fake_time.now()
    assert row["elapsed"] == pytest.approx(5 * 60 + 90)
    # The view shows it at once, marked saved, with its three times.
    assert _cell(panel, 0, Column.STATUS) == "enregistré"
    assert _cell(panel, 0, Column.ELAPSED) == "0:06:30"
    assert _cell(panel, 0, Column.SCENARIO) == "22/06 07:39"  # 07:00 + 6.5 min x scale 6
    assert _cell(panel, 0, Column.KIND) == "décision"
    assert panel.quick.line.text() == ""


def test_role_is_remembered_and_kind_tags_come_from_shortcuts(qtbot, panel, mini_session, fake_time):
    mini_session.start()
    type_entry(qtbot, panel, "PP i: Le COZ signale des coupures d'électricité à Belleville")
    # No role typed: the last one (PP) is used. A typed kind prefix counts for its entry
    # only; the kind combo stays on "décision" and Ctrl+K moves it to the next kind.
    # Alt+I toggles the improvement tag.
    assert panel.quick.current_kind() == "decision"
    QTest.keyClick(panel.quick.line, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert panel.quick.current_kind() == "action"
    QTest.keyClick(panel.quick.line, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert panel.quick.improvement_button.isChecked()
    type_entry(qtbot, panel, "Délai de réponse trop long : relancer la préfecture")
    # Ctrl+1 picks the first played role (DIR) for the next entry.
    QTest.keyClick(panel.quick.line, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    type_entry(qtbot, panel, "o: Réunion de crise très structurée")

    rows = stored_entries(mini_session.path)
    assert [(r["role"], r["kind"], r["tags"]) for r in rows] == [
        ("PP", "information", ()),
        ("PP", "action", ("improvement",)),
        ("DIR", "observation", ()),
    ]
    assert rows[1]["text"] == "Délai de réponse trop long : relancer la préfecture"
    assert not panel.quick.improvement_button.isChecked()  # tags are per entry


def test_tab_completes_the_role_code(qtbot, panel, mini_session):
    type_text(panel.quick.line, "ds")
    QTest.keyClick(panel.quick.line, Qt.Key.Key_Tab)
    assert panel.quick.line.text() == "DSOL "
    assert panel.quick.line.hasFocus()  # Tab completed instead of moving the focus
    type_text(panel.quick.line, "a: Appels sortants lancés vers 420 personnes isolées")
    with qtbot.waitSignal(panel.entry_logged):
        press_enter(panel.quick.line)
    [row] = stored_entries(mini_session.path)
    assert (row["role"], row["kind"]) == ("DSOL", "action")


def test_entries_before_startex_and_after_endex_are_stamped(qtbot, panel, mini_session, fake_time):
    type_entry(qtbot, panel, "DIR i: Briefing : rappel des règles du jeu")
    mini_session.start()
    fake_time.advance(60)
    mini_session.end()
    panel.refresh_from_session()
    type_entry(qtbot, panel, "DIR o: Retour à chaud : la cellule a manqué d'un secrétariat")

    rows = stored_entries(mini_session.path)
    assert [(r["stage"], r["elapsed"]) for r in rows] == [("briefing", None), ("hotwash", 60.0)]
    assert _cell(panel, 0, Column.ELAPSED) == "retour à chaud"
    assert _cell(panel, 1, Column.ELAPSED) == "briefing"


def test_suspicious_role_code_warns_first_and_keeps_the_text(qtbot, panel, mini_session):
    type_text(panel.quick.line, "DSL d: Visites à domicile déclenchées")
    press_enter(panel.quick.line)
    qtbot.waitUntil(lambda: "Entrée à nouveau" in panel.quick.preview.text())  # warned instead of logged
    assert stored_entries(mini_session.path) == []
    assert "inconnu" in panel.quick.preview.text()
    assert panel.quick.line.text() == "DSL d: Visites à domicile déclenchées"
    # Enter again logs it as typed (under the remembered role), nothing is lost.
    with qtbot.waitSignal(panel.entry_logged):
        press_enter(panel.quick.line)
    [row] = stored_entries(mini_session.path)
    assert row["text"] == "DSL d: Visites à domicile déclenchées"


def test_row_shows_in_progress_then_saved(qtbot, panel, mini_session):
    type_text(panel.quick.line, "DIR d: Activation de la cellule de crise")
    press_enter(panel.quick.line)
    # Before the event loop runs the save, the row is already there, not yet saved.
    assert panel.model.rowCount() == 1
    assert _cell(panel, 0, Column.STATUS) == "en cours…"
    assert stored_entries(mini_session.path) == []
    qtbot.waitUntil(lambda: _cell(panel, 0, Column.STATUS) == "enregistré")
    assert len(stored_entries(mini_session.path)) == 1


def test_locked_file_shows_not_saved_keeps_the_entry_and_retries(qtbot, tmp_path, mini_session, quick_session, lock):
    widget = ObserverPanel(quick_session, "Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(widget)
    widget.show()
    held = lock()  # another program holds the write lock
    try:
        type_text(widget.quick.line, "DSOL d: Réquisition de deux gymnases climatisés")
        press_enter(widget.quick.line)
        qtbot.waitUntil(lambda: widget.model.row_at(0).save is SaveState.FAILED)
        assert widget.proxy.index(0, Column.STATUS).data() == "non enregistré — nouvel essai"
        assert widget.proxy.index(0, Column.TEXT).data() == "Réquisition de deux gymnases climatisés"
        assert "non enregistrée" in widget.pending_label.text()
        assert widget._retry_timer.isActive()
        assert widget.retry_failed() == 1  # still locked: still kept
    finally:
        held.release()
    assert widget.retry_failed() == 0
    [row] = stored_entries(mini_session.path)
    assert row["text"] == "Réquisition de deux gymnases climatisés"
    assert widget.model.row_at(0).save is SaveState.SAVED
    assert widget.proxy.index(0, Column.STATUS).data() == "enregistré"
    assert widget.model.rowCount() == 1  # the retry did not duplicate it
    assert not widget._retry_timer.isActive()


def test_correction_is_a_revision_and_the_history_stays_visible(qtbot, panel, mini_session):
    first = type_entry(qtbot, panel, "DIR d: Activation de la cellule à 10 h")
    assert panel.select_entry(first)
    QTest.keyClick(panel.view, Qt.Key.Key_F2)
    assert panel.quick.correcting == first
    assert panel.quick.line.text() == "DIR d: Activation de la cellule à 10 h"
    panel.quick.line.clear()
    corrected = type_entry(qtbot, panel, "DIR d: Activation de la cellule à 9 h 40")

    rows = stored_entries(mini_session.path)
    assert [(r["entry_id"], r["revision"], r["supersedes"], r["text"]) for r in rows] == [
        (first, 1, None, "Activation de la cellule à 10 h"),
        (corrected, 2, first, "Activation de la cellule à 9 h 40"),
    ]
    assert panel.model.rowCount() == 1  # one entry, its current revision
    assert _cell(panel, 0, Column.TEXT) == "✎ Activation de la cellule à 9 h 40"
    tooltip = panel.proxy.index(0, Column.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Activation de la cellule à 10 h" in tooltip and "9 h 40" in tooltip
    panel.select_entry(corrected)
    assert "Activation de la cellule à 10 h" in panel.detail.text()


def test_filters_and_order(qtbot, panel, mini_session, fake_time):
    mini_session.start()
    type_entry(qtbot, panel, "DIR d: Activation de la cellule de crise")
    fake_time.advance(60)
    type_entry(qtbot, panel, "DSOL a: Appels aux personnes isolées #amélioration")
    fake_time.advance(60)
    type_entry(qtbot, panel, "PP i: Fermeture des berges de Seine")

    assert [_cell(panel, r, Column.ROLE) for r in range(3)] == ["PP", "DSOL", "DIR"]  # newest first
    panel.set_newest_first(False)
    assert [_cell(panel, r, Column.ROLE) for r in range(3)] == ["DIR", "DSOL", "PP"]

    panel.filter_role.setCurrentIndex(panel.filter_role.findData("DSOL"))
    assert panel.proxy.rowCount() == 1
    panel.filter_role.setCurrentIndex(0)
    panel.filter_tag.setCurrentIndex(panel.filter_tag.findData("improvement"))
    assert [_cell(panel, r, Column.ROLE) for r in range(panel.proxy.rowCount())] == ["DSOL"]
    panel.filter_tag.setCurrentIndex(0)
    panel.filter_kind.setCurrentIndex(panel.filter_kind.findData("information"))
    assert [_cell(panel, r, Column.ROLE) for r in range(panel.proxy.rowCount())] == ["PP"]
    panel.filter_kind.setCurrentIndex(0)
    type_text(panel.search, "isolees")  # accents folded
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    assert _cell(panel, 0, Column.ROLE) == "DSOL"
    assert panel.count_label.text() == "1 / 3 entrées"


def test_other_observers_entries_show_after_refresh(qtbot, panel, mini_session, fake_time):
    other = Session.open(mini_session.path, time_source=fake_time)
    try:
        other.log_entry(observer="Marc Lefèvre", role="PP", kind="communication", text="Communiqué de presse diffusé")
    finally:
        other.close()
    assert panel.model.rowCount() == 0
    mini_session.refresh()
    panel.refresh_from_session()
    assert panel.model.rowCount() == 1
    assert _cell(panel, 0, Column.OBSERVER) == "Marc Lefèvre"
    assert panel.filter_observer.findData("Marc Lefèvre") >= 0


def test_observer_name_is_asked_once_and_remembered(qtbot, tmp_path, mini_session):
    settings = observer_settings(tmp_path)
    first = ObserverPanel(mini_session, settings=settings)
    qtbot.addWidget(first)
    first.show()
    assert first.observer_name is None
    assert not first.quick.isEnabled()
    assert first.name_prompt.isVisible()
    type_text(first.name_combo.lineEdit(), "Hélène Moreau")
    QTest.keyClick(first.name_combo.lineEdit(), Qt.Key.Key_Return)
    assert first.observer_name == "Hélène Moreau"
    assert first.quick.isEnabled()
    assert not first.name_prompt.isVisible()

    second = ObserverPanel(mini_session, settings=observer_settings(tmp_path))
    qtbot.addWidget(second)
    assert second.observer_name == "Hélène Moreau"
    assert second.quick.isEnabled()


def test_compact_mode_for_a_short_dock_keeps_entry_and_log(qtbot, panel, mini_session):
    panel.set_compact(True)
    assert panel.compact
    assert panel.checklist.isHidden() and panel.filters_bar.isHidden() and panel.quick.hint.isHidden()
    assert panel.quick.line.isVisible() and panel.view.isVisible()
    type_entry(qtbot, panel, "DIR d: Activation de la cellule de crise")
    assert panel.model.rowCount() == 1
    panel.set_compact(False)
    assert panel.checklist.isVisible()


def test_checklist_by_keyboard_from_the_entry_line(qtbot, panel, mini_session, fake_time):
    mini_session.start()
    mini_session.fire("I01")  # DIR, within 0:10
    fake_time.advance(60)
    mini_session.fire("I02")  # DSOL, within 0:15
    fake_time.advance(11 * 60)  # I01's window is over, I02's is not
    panel.refresh_from_session()
    QTest.keyClick(panel.quick.line, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert panel.checklist.tree.hasFocus()
    QTest.keyClick(panel.checklist.tree, Qt.Key.Key_2)  # the overdue item comes first: partial
    QTest.keyClick(panel.checklist.tree, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert panel.quick.line.hasFocus()
    with Session.open(mini_session.path) as reopened:
        [check] = reopened.state.checks
    assert (check.inject_id, check.status) == ("I01", "partial")


def test_tab_moves_on_when_there_is_nothing_to_complete(qtbot, panel):
    type_text(panel.quick.line, "Texte libre")
    QTest.keyClick(panel.quick.line, Qt.Key.Key_Tab)
    assert not panel.quick.line.hasFocus()


def test_default_inject_is_the_one_still_waiting_for_the_roles_response(qtbot, panel, mini_session, fake_time):
    mini_session.start()
    mini_session.fire("I01")  # to DIR and PP; DIR must activate the crisis cell
    fake_time.advance(60)
    mini_session.fire("I05")  # a rumour sent to DIR, expects nothing
    fake_time.advance(60)
    mini_session.fire("I03")  # flash info to all, expects nothing
    panel.refresh_from_session()
    quick = panel.quick
    quick.role_combo.setCurrentIndex(quick.role_combo.findData("DIR"))
    assert quick.inject_combo.currentData() == "I01"  # not the more recent rumour or broadcast
    quick.role_combo.setCurrentIndex(quick.role_combo.findData("DSOL"))
    assert quick.inject_combo.currentData() is None  # only a broadcast reached DSOL: nothing proposed
    mini_session.check_expectation("I01", 0, "met", observer="Claire Dubois")
    panel.refresh_from_session()
    quick.role_combo.setCurrentIndex(quick.role_combo.findData("DIR"))
    assert quick.inject_combo.currentData() is None  # DIR's response checked: nothing waits, nothing proposed
    assert "sans inject" in quick.preview.text()
