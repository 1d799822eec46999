"""The chronogramme import screen and the Fichier menu's import/export, with real widgets."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from crisisdesk.msel.mapping import MAPPING_FILE, load_mapping
from crisisdesk.msel.sheets import read_workbook
from crisisdesk.package.loader import load_package
from tests.msel.sheets_for_tests import PREFECTURE_ROWS, write_xlsx
from ui.importer.mapping_dialog import MappingDialog


def save_shot(widget, name: str) -> None:
    """Save a screenshot when CRISISDESK_SHOTS names a folder (not in normal test runs)."""
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _dialog(qtbot, path: Path, target: Path) -> MappingDialog:
    dialog = MappingDialog(read_workbook(path), target=target)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    return dialog


def test_mapping_screen_guesses_lets_the_user_correct_and_saves(qtbot, tmp_path):
    source = write_xlsx(tmp_path / "chrono.xlsx", PREFECTURE_ROWS)
    target = tmp_path / "canicule"
    dialog = _dialog(qtbot, source, target)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.header_spin.value() == 3  # the header row under the sheet's title
    box = dialog.sheet_table.cellWidget(0, 9)
    assert isinstance(box, QComboBox) and box.currentData() == "unmapped"
    assert dialog.sheet_table.cellWidget(0, 1).currentData() == "time"
    assert dialog.inject_table.rowCount() == 4 and save.isEnabled()
    assert dialog.inject_table.item(0, 5).text() == "Vigilance orange"
    assert dialog.inject_table.item(0, 4).text() == "Courriel"  # the channel in words, not its code
    save_shot(dialog, "msel-mapping-dialog")
    shown = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert "⚠ MSEL!J3 : la colonne J (Responsable animation) ne correspond à rien : ses cellules sont gardées " \
           "dans les notes des injects" in shown, shown  # the importer speaks French, as the screen does
    assert "rôle(s) créé(s), à revoir" in dialog.summary.text() and "role(s)" not in dialog.summary.text()
    # the user says the last column holds notes, not nothing; the title column is the message instead
    box.setCurrentIndex(box.findData("drop"))
    title_box = dialog.sheet_table.cellWidget(0, 5)
    title_box.setCurrentIndex(title_box.findData("drop"))
    assert dialog.inject_table.item(0, 5).text() == "Paris passe en vigilance orange."  # titles from the message
    assert not any("ne correspond à rien" in dialog.problem_list.item(i).text()
                   for i in range(dialog.problem_list.count()))
    # a column mapped twice is an error: Save is refused until it is fixed
    dialog.sheet_table.cellWidget(0, 2).setCurrentIndex(dialog.sheet_table.cellWidget(0, 2).findData("to"))
    assert not save.isEnabled()
    dialog.sheet_table.cellWidget(0, 2).setCurrentIndex(dialog.sheet_table.cellWidget(0, 2).findData("sender"))
    assert save.isEnabled()
    with qtbot.waitSignal(dialog.package_saved):
        save.click()
    package = load_package(target)
    assert [i.title for i in package.injects][0] == "Paris passe en vigilance orange."
    mapping = load_mapping(target / MAPPING_FILE)
    assert mapping.columns["Responsable animation"] == "drop" and mapping.columns["Objet"] == "drop"


def test_the_stored_mapping_is_reused_when_importing_into_the_same_folder(qtbot, tmp_path):
    source = write_xlsx(tmp_path / "chrono.xlsx", PREFECTURE_ROWS)
    target = tmp_path / "canicule"
    first = _dialog(qtbot, source, target)
    box = first.sheet_table.cellWidget(0, 9)
    box.setCurrentIndex(box.findData("drop"))
    with qtbot.waitSignal(first.package_saved):
        first.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    again = _dialog(qtbot, source, target)
    assert again.sheet_table.cellWidget(0, 9).currentData() == "drop"
    assert again.force_check.isChecked() and "Correspondance reprise" in again.status.text()


def test_file_menu_exports_the_running_session(console, tmp_path):
    actions = console.msel_actions
    names = [a.objectName() for a in console.menuBar().actions()[0].menu().actions()]
    assert "actionImportMsel" in names and "actionExportMsel" in names
    console.session.start()
    assert actions.export_to(tmp_path / "played.xlsx")
    sheet = load_workbook(tmp_path / "played.xlsx")["Chronogramme"]
    assert sheet["A1"].value == "N°" and "Statut" in [c.value for c in sheet[1]]


def test_an_imported_chronogramme_opens_in_a_new_console(qtbot, qloop, settings, fake_time, tmp_path,
                                                         mini_package_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.app import AppController

    controller = AppController(settings, fake_time, session_folder=tmp_path / "sessions")
    try:
        console = controller.open_path(mini_package_path)
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        dialog = console.msel_actions.open_import(write_xlsx(tmp_path / "chrono.xlsx", PREFECTURE_ROWS))
        dialog.folder_edit.setText(str(tmp_path / "canicule"))
        dialog.rebuild()
        with qtbot.waitSignal(dialog.package_saved):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        qtbot.waitUntil(lambda: len(controller.windows) == 2)
        opened = controller.windows[-1]
        assert opened.session.package.exercise.id == "canicule"
        assert len(opened.session.package.injects) == 4
    finally:
        controller.close_all()


def test_an_unreadable_file_is_explained_not_opened(qtbot, console, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 nope")
    assert console.msel_actions.open_import(broken) is None
    assert shown and "broken.xlsx" in shown[0] and "endommagé" in shown[0]


def test_an_unknown_channel_word_is_settled_in_the_screen(qtbot, tmp_path):
    rows = [["N°", "T+", "À", "Canal", "Titre"], ["1", "0:05", "DIR", "Pigeon voyageur", "Un"],
            ["2", "0:10", "DIR", "Pigeon voyageur", "Deux"]]
    dialog = _dialog(qtbot, write_xlsx(tmp_path / "c.xlsx", rows), tmp_path / "pkg")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and dialog.channel_group.isVisible()
    save_shot(dialog, "msel-mapping-unknown-channel")
    box = dialog.channel_group.findChild(QComboBox, "channelFor_Pigeon voyageur")
    box.setCurrentIndex(box.findData("document"))
    assert save.isEnabled() and not dialog.channel_group.isVisible()
    assert [dialog.inject_table.item(r, 4).text() for r in range(2)] == ["Document", "Document"]
    with qtbot.waitSignal(dialog.package_saved):
        save.click()
    assert load_mapping(tmp_path / "pkg" / MAPPING_FILE).channels == {"Pigeon voyageur": "document"}


def test_mapping_screen_in_english_shows_the_importer_in_english(qtbot, tmp_path):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        source = write_xlsx(tmp_path / "chrono.xlsx", PREFECTURE_ROWS)
        dialog = _dialog(qtbot, source, tmp_path / "canicule")
        shown = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
        assert any("column J (Responsable animation) maps to nothing" in line for line in shown), shown
        assert "role(s) created, to review" in dialog.summary.text()
    finally:
        QLocale.setDefault(previous)
