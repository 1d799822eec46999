"""GUI: the report made from the app, in the background, HTML and PDF, drafts and failures."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from crisisdesk.clock import FakeTime
from tests.qt_helpers import loop_turns, save_shot
from tests.report_sessions import XSS, play_known_session
from ui.report_action import ReportController

pytest.importorskip("PySide6.QtWebEngineCore")





def test_html_report_is_written_in_the_background(qtbot, plain_window, tmp_path):
    path, clock = play_known_session(tmp_path)
    out = tmp_path / "retex.html"
    controller = ReportController(path, plain_window, time_source=FakeTime(clock.now()))
    steps = []
    controller.progress.connect(lambda step, text: steps.append(step))
    with loop_turns() as ticks, qtbot.waitSignal(controller.finished, timeout=30_000) as finished:
        assert controller.start("html", out)
        assert controller.busy and not out.exists()  # start() returned before the work was done
        assert controller.start("html", out) is False  # one report at a time
    assert finished.args == [str(out)]
    assert ticks  # the UI event loop ran while the report was made
    assert steps == [0, 1, 3]
    html = out.read_text(encoding="utf-8")
    assert 'id="annex-roles"' in html and "&lt;script&gt;" in html and XSS not in html
    assert "PROVISOIRE" not in html
    assert plain_window.statusBar().currentMessage().startswith("Rapport RETEX enregistré")
    assert not controller.busy and controller.dialog is None


def test_pdf_report_of_a_running_exercise_is_a_draft(qtbot, plain_window, tmp_path):
    path, clock = play_known_session(tmp_path, end=False)
    out = tmp_path / "brouillon.pdf"
    controller = ReportController(path, plain_window, time_source=clock)
    controller.start("pdf", out)
    dialog = plain_window.findChild(QProgressDialog, "reportProgress")
    assert dialog is not None and not dialog.isModal()
    with qtbot.waitSignal(controller.progress, timeout=30_000, check_params_cb=lambda step, _: step == 2):
        pass
    dialog.show()  # shown after 300 ms in real use; force it for the picture
    save_shot(dialog, "report-progress")
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        pass
    assert out.read_bytes()[:5] == b"%PDF-"
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(out))
    assert doc.pageCount() >= 10  # the cover, then each of the nine sections on a page of its own
    assert "PROVISOIRE" in doc.getAllText(1).text()


def test_a_missing_session_file_fails_with_a_message(qtbot, plain_window, tmp_path):
    controller = ReportController(tmp_path / "absent.crisisdesk", plain_window)
    with qtbot.waitSignal(controller.failed, timeout=30_000) as failed:
        controller.start("html", tmp_path / "r.html")
    assert "absent.crisisdesk" in failed.args[0]
    box = plain_window.findChild(QMessageBox, "reportError")
    assert box is not None and box.isVisible() and "absent.crisisdesk" in box.informativeText()
    save_shot(box, "report-error")
    assert not (tmp_path / "r.html").exists() and not controller.busy


def test_an_unwritable_target_fails_and_leaves_nothing(qtbot, tmp_path):
    path, clock = play_known_session(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    controller = ReportController(path, time_source=FakeTime(clock.now()), show_progress=False)
    with qtbot.waitSignal(controller.failed, timeout=30_000) as failed:
        controller.start("html", blocker / "r.html")
    assert "r.html" in failed.args[0]


def test_cancel_discards_the_report(qtbot, tmp_path):
    path, clock = play_known_session(tmp_path)
    out = tmp_path / "r.html"
    controller = ReportController(path, time_source=FakeTime(clock.now()), show_progress=False)
    finished = []
    controller.finished.connect(finished.append)
    with qtbot.waitSignal(controller.cancelled, timeout=30_000):
        controller.start("html", out)
        controller.cancel()
    assert not out.exists() and not finished and not controller.busy


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_word_processor_report_is_written_in_the_background(qtbot, plain_window, tmp_path, kind):
    import zipfile

    path, clock = play_known_session(tmp_path)
    out = tmp_path / f"retex.{kind}"
    controller = ReportController(path, plain_window, time_source=FakeTime(clock.now()))
    with loop_turns() as ticks, qtbot.waitSignal(controller.finished, timeout=120_000) as finished:
        assert controller.start(kind, out)
        assert controller.busy and not out.exists()
    assert finished.args == [str(out)]
    assert ticks
    with zipfile.ZipFile(out) as document:
        names = document.namelist()
        body = document.read("word/document.xml" if kind == "docx" else "content.xml").decode("utf-8")
    assert "Synthèse" in body and "Plan d" in body
    if kind == "docx":  # the chart's PNG twin, drawn by Qt in the child (LibreOffice shows no SVG in a DOCX)
        assert any(name.endswith(".png") for name in names)
    assert plain_window.statusBar().currentMessage().startswith("Rapport RETEX enregistré")


def test_the_console_word_processor_report_follows_the_chosen_suffix():
    from pathlib import Path

    from ui.console.documents import report_kind

    assert report_kind("docx", Path("retex.odt")) == "odt"
    assert report_kind("docx", Path("retex.DOCX")) == "docx"
    assert report_kind("docx", Path("retex")) == "docx"
    assert report_kind("pdf", Path("retex.odt")) == "pdf"  # only the word-processor dialog follows the suffix
