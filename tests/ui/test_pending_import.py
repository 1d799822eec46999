"""The console's import of a file of unsaved writes (Fichier → Importer des saisies non enregistrées…)."""

from __future__ import annotations

import os
from pathlib import Path

from crisisdesk.clock import FakeTime
from crisisdesk.session import Session, journal
from crisisdesk.session.journal import PendingWrite

T0 = 1_780_000_000.0


def test_the_console_imports_a_file_of_unsaved_writes(tmp_path, mini_package_path, qtbot, qapp):
    from PySide6.QtWidgets import QWidget

    from ui.pending_import import PendingImporter

    source = tmp_path / "source.crisisdesk"
    kept_file = tmp_path / "saisies.json"
    with Session.create(source, mini_package_path, time_source=FakeTime(T0)) as s:
        s.start()
    # What the app writes when the disk is full: a write that lives only in this file.
    kept = PendingWrite("k1", "entry", T0 + 30, 30.0, None, "Bob",
                        {"entry_id": "k1", "revision": 1, "observer": "Bob", "role": "PP", "kind": "observation",
                         "text": "Gardée"}, "the disk is full")
    journal.export([kept], source, kept_file)
    window = QWidget()
    qtbot.addWidget(window)
    with Session.open(source) as session:
        importer = PendingImporter(window, session)
        with qtbot.waitSignal(importer.imported) as signal:
            assert importer.import_from(str(kept_file))
        assert signal.args == [1]
        assert importer.box.objectName() == "pendingImported" and "Saisies enregistrées dans la session : 1." in importer.box.text()
        assert [e.text for e in session.state.entries] == ["Gardée"]
        assert importer.import_from(str(kept_file))
        assert "déjà dans la session" in importer.box.text()
        bad = tmp_path / "autre.json"
        bad.write_text("{}", encoding="utf-8")
        assert not importer.import_from(str(bad))
        assert importer.box.objectName() == "importPendingFailed"
    if os.environ.get("CRISISDESK_SHOTS"):
        importer.box.grab().save(str(Path(os.environ["CRISISDESK_SHOTS"]) / "import-pending-refused.png"))


def test_the_console_file_menu_offers_the_import(qtbot, qloop, tmp_path, mini_package_path, fake_time, settings):
    from ui.main_window import MainWindow

    session = Session.create(tmp_path / "run.crisisdesk", mini_package_path, time_source=fake_time)
    window = MainWindow(session, fake_time, settings)
    window.quit_guard.confirm_while_running = False
    qtbot.addWidget(window)
    try:
        file_menu = window.menuBar().actions()[0].menu()
        names = [action.objectName() for action in file_menu.actions()]
        assert "importPending" in names
        window.import_pending_action.trigger()
        dialog = window.pending_importer.file_dialog
        assert dialog is not None and dialog.objectName() == "importPendingDialog"
        dialog.reject()
    finally:
        window.driver.stop()
        session.close()
