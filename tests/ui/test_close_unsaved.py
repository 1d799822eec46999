"""Closing a window never loses typed text silently: unsaved writes are retried, asked about, exported."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from crisisdesk.session import Session
from tests.helpers.observer_support import observer_settings, stored_entries
from tests.helpers.write_lock import WriteLock
from tests.qt_helpers import press_enter, type_text
from tests.ui.test_console_flow import save_shot
from ui.observer.log_model import Column, SaveState
from ui.observer.panel import ObserverPanel
from ui.observer.window import ObserverWindow


@pytest.fixture
def observer(qtbot, tmp_path, quick_session):
    window = ObserverWindow(quick_session, observer_name="Claire Dubois", settings=observer_settings(tmp_path),
                            auto_refresh=False)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.unsaved.settled = True  # teardown: no question


def log_while_locked(qtbot, panel, lock, text: str) -> WriteLock:
    held = lock()
    type_text(panel.quick.line, f"DSOL d: {text}")
    press_enter(panel.quick.line)
    qtbot.waitUntil(lambda: panel.model.row_at(0).save is SaveState.FAILED)
    return held


def unsaved_box(window) -> QMessageBox:
    box = window.unsaved.box
    assert box is not None and box.isVisible() and box.objectName() == "unsavedWritesDialog"
    return box


def click(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.buttons() if b.text() == text]
    button.click()


def test_closing_with_an_unsaved_entry_asks_and_exports_it_to_a_file(qtbot, observer, lock, tmp_path):
    held = log_while_locked(qtbot, observer.panel, lock, "Réquisition de deux gymnases")
    try:
        assert not observer.close()  # retried once, still locked: asked, not closed
        assert observer.isVisible()
        box = unsaved_box(observer)
        assert box.text() == "1 saisie(s) ne sont pas encore dans le fichier de session « mini.crisisdesk »."
        assert "journal à côté du fichier" in box.informativeText()
        assert {b.text() for b in box.buttons()} == {
            "Enregistrer dans un fichier…", "Réessayer", "Quitter quand même", "Annuler"}
        assert box.defaultButton().text() == "Enregistrer dans un fichier…"
        for _ in range(3):
            QApplication.processEvents()
        save_shot(box, "close-with-unsaved-writes")

        click(box, "Enregistrer dans un fichier…")
        dialog = observer.unsaved.file_dialog
        assert isinstance(dialog, QFileDialog) and dialog.objectName() == "exportPendingDialog"
        assert dialog.directory().absolutePath() == str(tmp_path)
        target = tmp_path / "cle-usb.json"
        dialog.fileSelected.emit(str(target))
        qtbot.waitUntil(lambda: not observer.isVisible())
    finally:
        held.release()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [w["payload"]["text"] for w in document["writes"]] == ["Réquisition de deux gymnases"]


def test_cancel_keeps_the_window_and_quit_anyway_leaves_the_journal_for_the_next_open(
        qtbot, observer, lock, mini_session, fake_time):
    held = log_while_locked(qtbot, observer.panel, lock, "Ouverture de salles rafraîchies")
    try:
        observer.close()
        click(unsaved_box(observer), "Annuler")
        assert observer.isVisible() and observer.unsaved.box is None
        observer.close()  # asked again
        click(unsaved_box(observer), "Quitter quand même")
        qtbot.waitUntil(lambda: not observer.isVisible())
        assert stored_entries(mini_session.path) == []
    finally:
        held.release()
    observer._session.close()
    with Session.open(mini_session.path, time_source=fake_time) as reopened:  # adopts the journal
        assert [e.text for e in reopened.state.entries] == ["Ouverture de salles rafraîchies"]


def test_a_retry_that_works_at_close_closes_without_asking(qtbot, observer, lock, mini_session):
    held = log_while_locked(qtbot, observer.panel, lock, "Point de situation à 14 h")
    held.release()
    assert observer.close()
    assert observer.unsaved.box is None
    assert [row["text"] for row in stored_entries(mini_session.path)] == ["Point de situation à 14 h"]


def test_the_console_asks_too_and_its_observer_windows_do_not_ask_twice(qtbot, qloop, quick_session, lock,
                                                                          fake_time, settings, tmp_path):
    from ui.main_window import MainWindow

    console = MainWindow(quick_session, fake_time, settings)
    console.quit_guard.confirm_while_running = False
    qtbot.addWidget(console)
    console.show()
    console.side_windows.open_observer_window()
    [window] = console.side_windows.windows
    window.panel.set_observer_name("Claire Dubois")
    held = log_while_locked(qtbot, window.panel, lock, "Renfort de la Croix-Rouge demandé")
    try:
        assert not console.close()
        box = unsaved_box(console)
        assert box.text() == "1 saisie(s) ne sont pas encore dans le fichier de session « mini.crisisdesk »."
        click(box, "Quitter quand même")
        qtbot.waitUntil(lambda: not console.isVisible())
        assert window.unsaved.box is None  # closed with the console, no second question
    finally:
        held.release()
        console.driver.stop()


def test_refused_text_is_never_dropped_when_something_else_is_being_typed(qtbot, tmp_path, mini_session, fake_time):
    read_only = Session.open(mini_session.path, time_source=fake_time, read_only=True)
    panel = ObserverPanel(read_only, "Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(panel)
    panel.show()
    type_text(panel.quick.line, "DSOL d: Ouverture du gymnase Japy")
    press_enter(panel.quick.line)
    panel.quick.line.setText("DIR i: la suite")  # typed before the save was refused
    qtbot.waitUntil(lambda: panel.model.row_at(0).save is SaveState.REFUSED)

    assert panel.quick.line.text() == "DIR i: la suite"  # what is being typed is left alone
    assert panel.proxy.index(0, Column.TEXT).data() == "Ouverture du gymnase Japy"
    assert panel.proxy.index(0, Column.STATUS).data() == "refusé"
    assert "refusé" in panel.error_label.text()
    assert "à reprendre" in panel.pending_label.text()
    assert panel.refused_entry_ids == [panel.model.row_at(0).entry.entry_id]
    panel.resize(1100, 420)
    for _ in range(3):
        QApplication.processEvents()
    save_shot(panel, "refused-entry-kept")

    panel.view.setCurrentIndex(panel.proxy.index(0, Column.TEXT))
    panel.correct_selected()  # F2 / double-click: the line is busy, nothing is overwritten
    assert panel.quick.line.text() == "DIR i: la suite"
    panel.quick.line.clear()
    panel.correct_selected()
    assert panel.quick.line.text() == "DSOL d: Ouverture du gymnase Japy"
    assert panel.model.rowCount() == 0 and panel.refused_entry_ids == []
    read_only.close()


def test_closing_with_a_line_being_typed_asks_first_and_going_back_keeps_it(qtbot, observer):
    panel = observer.panel
    type_text(panel.quick.line, "DIR i: point de situation demandé au préfet")  # typed, not validated
    assert not observer.close()
    box = observer.unsaved.typed_box
    assert box is not None and box.isVisible() and box.objectName() == "typedLeftBehindDialog"
    assert box.text().startswith("1 texte(s) tapé(s)")
    assert box.defaultButton().text() == "Revenir à la saisie"
    for _ in range(3):
        QApplication.processEvents()
    save_shot(box, "close-with-typed-text")
    click(box, "Revenir à la saisie")
    assert observer.isVisible() and panel.quick.line.text() == "DIR i: point de situation demandé au préfet"

    assert not observer.close()  # asked again
    click(observer.unsaved.typed_box, "Quitter sans elles")
    qtbot.waitUntil(lambda: not observer.isVisible())


def test_closing_with_a_refused_entry_asks_first(qtbot, tmp_path, mini_session, fake_time):
    from PySide6.QtWidgets import QWidget

    from ui.observer.unsaved import UnsavedWritesGuard

    read_only = Session.open(mini_session.path, time_source=fake_time, read_only=True)
    panel = ObserverPanel(read_only, "Claire Dubois", settings=observer_settings(tmp_path))
    qtbot.addWidget(panel)
    panel.show()
    type_text(panel.quick.line, "DSOL d: Ouverture du gymnase Japy")
    press_enter(panel.quick.line)
    panel.quick.line.setText("DIR i: la suite")  # typed before the save was refused: the entry stays a row
    qtbot.waitUntil(lambda: panel.refused_entry_ids != [])
    holder = QWidget()  # the window the guard closes
    qtbot.addWidget(holder)
    holder.show()
    guard = UnsavedWritesGuard(holder, read_only, lambda: [panel])
    try:
        assert guard.typed_left_behind() == 2  # the refused row and the line being typed
        assert not guard.may_close()
        assert guard.typed_box is not None and guard.typed_box.text().startswith("2 texte(s) tapé(s)")
        click(guard.typed_box, "Revenir à la saisie")
        panel.quick.line.clear()
        assert guard.typed_left_behind() == 1  # the refused row alone still counts
        assert not guard.may_close()
        click(guard.typed_box, "Quitter sans elles")
        qtbot.waitUntil(lambda: not holder.isVisible())
    finally:
        read_only.close()
