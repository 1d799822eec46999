"""The PDF report through QtWebEngine: A4 pages, page numbers, not blank, and the CLI path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineCore")
pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402

from crisisdesk.report import write_report  # noqa: E402
from crisisdesk.report.pdf import register_pdf_renderer  # noqa: E402
from tests.report_sessions import play_known_session  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
A4_POINTS = (595, 842)


def open_pdf(path: Path) -> QPdfDocument:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return doc


def ink_ratio(doc: QPdfDocument, page: int) -> float:
    """Share of colour bytes that are not white on a small rendering of ``page``."""
    data = bytes(doc.render(page, QSize(120, 170)).constBits())
    return 1 - data.count(255) / len(data)


def lowest_ink(doc: QPdfDocument, page: int) -> float:
    """How far down ``page`` its body reaches, as a share of the page height.

    The running header and footer (in the top and bottom margins) are left out.
    """
    from PySide6.QtGui import QColor, QImage, QPainter

    rendered = doc.render(page, QSize(150, 212))  # transparent where nothing is painted (the margins)
    image = QImage(rendered.size(), QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    height, stride, width = image.height(), image.bytesPerLine(), image.width()
    data = bytes(image.constBits())
    lowest = 0
    for row in range(int(height * 0.07), int(height * 0.93)):
        line = data[row * stride:row * stride + width]
        if min(line) < 200:
            lowest = row
    return lowest / height


@pytest.fixture
def webengine_renderer(qapp):
    from crisisdesk.report import pdf
    from ui import cli_extensions

    saved = (pdf._renderer, pdf._renderer_name)
    cli_extensions.install()
    yield
    pdf._renderer, pdf._renderer_name = saved


def test_pdf_has_numbered_a4_pages_with_content(tmp_path, webengine_renderer):
    path, _ = play_known_session(tmp_path)
    out = write_report(path, tmp_path / "rapport.pdf")
    assert out.read_bytes()[:5] == b"%PDF-"
    doc = open_pdf(out)
    pages = doc.pageCount()
    assert pages >= 5  # the cover, then sections flowing one after the other
    size = doc.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == A4_POINTS
    assert f"page 2 / {pages}" in doc.getAllText(1).text()
    assert "page 1 /" not in doc.getAllText(0).text()  # no number on the cover
    assert "Synthèse" in doc.getAllText(1).text()  # the summary starts the page after the cover
    text = "\n".join(doc.getAllText(page).text() for page in range(pages))
    for title in ("Chronologie : prévu / réalisé", "Analyse par objectif", "Analyse par rôle", "Débriefing à chaud",
                  "Annexe A", "Annexe B", "Annexe C", "Annexe D"):
        assert title in text, title
    for page in range(pages):
        assert ink_ratio(doc, page) > 0.01, f"page {page + 1} is blank"
    assert not list(tmp_path.glob(".rapport.*"))  # the temporary file is gone


def test_pdf_of_a_running_session_says_draft_on_every_page(tmp_path, webengine_renderer):
    path, _ = play_known_session(tmp_path, end=False)
    out = write_report(path, tmp_path / "brouillon.pdf")
    doc = open_pdf(out)
    for page in range(doc.pageCount()):
        assert "PROVISOIRE" in doc.getAllText(page).text(), f"page {page + 1}"


def test_installed_command_line_writes_a_pdf_without_a_display(tmp_path):
    path, _ = play_known_session(tmp_path)
    out = tmp_path / "cli.pdf"
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QTWEBENGINE_CHROMIUM_FLAGS")
    env = {k: v for k, v in os.environ.items() if k not in hidden}  # as a bare CI shell would have it
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "report", str(path), "-o", str(out)],
        capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "PDF report written" in result.stdout
    assert out.read_bytes()[:5] == b"%PDF-"
    # Chromium's GPU and D-Bus chatter (QRhiGles2, Vulkan, GBM, "Failed to connect to the bus") stays off the terminal.
    assert result.stderr == ""

    # A real error still reaches it, as one line.
    blocker = tmp_path / "rapports"
    blocker.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "report", str(path), "-o", str(blocker / "r.pdf")],
        capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr == f"crisisdesk report: {blocker / 'r.pdf'}: cannot write the report: {blocker} is a file, not a folder\n"


def test_chromium_flags_for_the_terminal_are_added_once_and_not_when_debugging(monkeypatch):
    from ui.webengine_env import quiet_chromium_for_the_terminal

    monkeypatch.delenv("CRISISDESK_DEBUG", raising=False)
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    assert quiet_chromium_for_the_terminal() and quiet_chromium_for_the_terminal()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--no-sandbox --disable-gpu --log-level=3"
    monkeypatch.setenv("CRISISDESK_DEBUG", "1")
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    assert not quiet_chromium_for_the_terminal()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--no-sandbox"


def test_a_renderer_failure_is_reported_and_leaves_no_file(tmp_path):
    from crisisdesk.report import PdfFailed, pdf

    def broken(html, out):
        raise OSError("disque plein")

    saved = (pdf._renderer, pdf._renderer_name)
    register_pdf_renderer(broken, "broken")
    try:
        path, _ = play_known_session(tmp_path)
        with pytest.raises(PdfFailed, match="disque plein"):
            write_report(path, tmp_path / "r.pdf")
    finally:
        pdf._renderer, pdf._renderer_name = saved
    assert not list(tmp_path.glob("*.pdf"))


def test_no_page_of_a_short_run_is_left_nearly_empty(tmp_path, webengine_renderer):
    """A 6-minute run: once printed with a page break before every section, page 3 held one line."""
    from tests.report_sessions import play_short_paris_run

    path = tmp_path / "short.crisisdesk"
    play_short_paris_run(path, ROOT / "injects" / "paris-50c")
    doc = open_pdf(write_report(path, tmp_path / "short.pdf"))
    pages = doc.pageCount()
    assert pages <= 20  # 42 when every unplayed inject had its own block
    for page in range(pages - 1):  # the last page may end anywhere
        assert lowest_ink(doc, page) > 0.5, f"page {page + 1} of {pages} is mostly empty"
