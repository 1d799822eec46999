"""GUI: *Fichier → Imprimer le kit…* — the three kits as PDF, made in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QProgressDialog

pytest.importorskip("PySide6.QtWebEngineCore")
pytest.importorskip("PySide6.QtPdf")

from PySide6.QtPdf import QPdfDocument  # noqa: E402

from tests.qt_helpers import loop_turns, save_shot  # noqa: E402
from ui.kit_action import KitController  # noqa: E402

KIT_FILES = ["mini-canicule-kit-animateur.pdf", "mini-canicule-kit-joueur.pdf", "mini-canicule-kit-observateur.pdf"]





def test_kits_are_printed_in_the_background_into_the_folder(qtbot, plain_window, mini_session, tmp_path):
    out = tmp_path / "kit"
    controller = KitController(mini_session.path, mini_session.package, plain_window)
    steps = []
    controller.progress.connect(lambda step, _text: steps.append(step))
    with loop_turns() as ticks, qtbot.waitSignal(controller.finished, timeout=60_000) as finished:
        assert controller.start(out)
        assert controller.busy and not out.exists()  # start() returned before the work was done
        assert controller.start(out) is False  # one kit at a time
        dialog = plain_window.findChild(QProgressDialog, "kitProgress")
        assert dialog is not None and not dialog.isModal()
        dialog.show()  # shown after 300 ms in real use; force it for the picture
        save_shot(dialog, "kit-progress")
    assert ticks  # the UI event loop ran while the kits were made
    assert sorted(Path(p).name for p in finished.args[0]) == KIT_FILES
    assert sorted(p.name for p in out.iterdir()) == KIT_FILES  # no staging file left
    assert steps == sorted(steps) and steps[-1] == controller.steps
    doc = QPdfDocument()
    doc.load(str(out / "mini-canicule-kit-joueur.pdf"))
    assert doc.metaData(QPdfDocument.MetaDataField.Title) == "Kit joueur — Mini-exercice canicule"
    assert "Mini-exercice canicule" in doc.getAllText(0).text()
    assert plain_window.statusBar().currentMessage().startswith("Kit enregistré dans")
    assert not controller.busy and controller.dialog is None


def test_a_kit_that_cannot_be_made_says_why(qtbot, plain_window, mini_session, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    controller = KitController(mini_session.path, mini_session.package, plain_window, show_progress=False)
    with qtbot.waitSignal(controller.failed, timeout=60_000) as failed:
        controller.start(blocker / "kit")
    assert str(blocker) in failed.args[0]
    assert not controller.busy


def test_file_menu_prints_the_kit_into_a_folder_beside_the_session(qtbot, console, tmp_path):
    action = console.actions.print_kit
    file_menu = console.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert action.text() == "Imprimer le &kit…"
    action.trigger()
    dialog = console.findChild(QFileDialog, "kitDialog")
    assert dialog is not None and dialog.isVisible()
    assert Path(dialog.directory().absolutePath()) == Path(console.session.path).resolve().parent
    dialog.reject()
    out = tmp_path / "papier"
    controller = console.documents.start_kit(out)
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        pass
    assert sorted(p.name for p in out.iterdir()) == KIT_FILES
    assert console.statusBar().currentMessage().startswith("Kit enregistré dans")
    file_menu.popup(console.mapToGlobal(console.rect().topLeft()))
    save_shot(file_menu, "kit-file-menu")
    file_menu.close()
