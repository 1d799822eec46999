"""Save dialogs open beside the session file, in French (Qt's own labels included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QPushButton


@pytest.fixture
def french_qt(qapp):
    from ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "fr")
    yield translators
    remove_translators(qapp, translators)


def test_qt_french_catalogue_is_found_in_the_wheel(french_qt):
    from ui.i18n import CATALOGUE_DIR

    assert len(french_qt) == 2, "qtbase_fr.qm and the supplement both loaded"
    assert french_qt[0].filePath().endswith("qtbase_fr.qm")
    assert Path(french_qt[1].filePath()).parent == CATALOGUE_DIR


def test_button_box_and_file_dialog_speak_french(qtbot, french_qt, tmp_path):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"

    dialog = QFileDialog(None, "Enregistrer", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
    assert labels == ["&Nom de fichier\u00a0:", "&Voir dans\u00a0:", "Fichiers de &type\u00a0:"]
    buttons = {button.text() for button in dialog.findChildren(QPushButton)}
    assert "Annuler" in buttons and "&Enregistrer" in buttons


def test_report_dialog_opens_beside_the_session_file(qtbot, console):
    session_folder = Path(console.session.path).resolve().parent
    console.documents.ask_report("html")
    dialog = console.findChild(QFileDialog, "reportDialog")
    assert dialog is not None
    assert Path(dialog.directory().absolutePath()) == session_folder
    chosen = Path(dialog.selectedFiles()[0])
    assert chosen.parent == session_folder
    assert chosen.name.startswith("retex-mini-canicule-") and chosen.suffix == ".html"
    dialog.reject()


def test_role_cards_dialog_opens_beside_the_session_file(qtbot, console):
    session_folder = Path(console.session.path).resolve().parent
    console.documents.ask_export_cards()
    dialog = console.findChild(QFileDialog, "exportCardsDialog")
    assert Path(dialog.directory().absolutePath()) == session_folder
    assert Path(dialog.selectedFiles()[0]) == session_folder / "cartes-de-role-mini-canicule.pdf"
    dialog.reject()


def test_start_screen_dialogs_open_where_the_files_are(qtbot, tmp_path, mini_package_path, fake_time):
    from crisisdesk.session import Session
    from ui.app import BUNDLED_PACKAGE
    from ui.start_screen import StartScreen

    recent = tmp_path / "exercices" / "paris.crisisdesk"
    recent.parent.mkdir()
    Session.create(recent, mini_package_path, time_source=fake_time).close()  # the list shows real sessions only
    screen = StartScreen(BUNDLED_PACKAGE, [recent])
    qtbot.addWidget(screen)
    screen.ask_session_file()
    assert Path(screen._dialog.directory().absolutePath()) == recent.parent
    screen._dialog.reject()
    screen.ask_folder()
    assert Path(screen._dialog.directory().absolutePath()) == BUNDLED_PACKAGE.parent
    screen._dialog.reject()


def test_print_cards_opens_the_print_dialog(qtbot, console):
    from PySide6.QtPrintSupport import QPrintDialog

    console.documents.ask_print_cards()  # raised TypeError: PySide6's QPrintDialog.open() wants (receiver, member)
    dialog = console.findChild(QPrintDialog, "printCardsDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
