"""Print the report's HTML to an A4 PDF with QtWebEngine's ``printToPdf``.

Why WebEngine: it renders the report exactly as the HTML export looks (inline SVG
chart, flex/grid, zebra rows, repeated table headers) and honours the CSS ``@page``
margin boxes, which give the "page X / Y" numbers and running headers. It ignores
``@page`` *margins*, though, so the margins are passed in the ``QPageLayout`` below
(kept equal to ``report.css.j2``). ``printToPdf`` is asynchronous: ``PdfPrinter``
reports through signals and never blocks the UI thread; ``render_pdf_blocking`` spins
a local event loop for the command line.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Chromium refuses to start as root without --no-sandbox (CI runs as root). The
# flag must be in the environment before WebEngine starts, i.e. before any page exists.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    _flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in _flags.split():
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (_flags + " --no-sandbox").strip()

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMarginsF,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings

# The @page margin of crisisdesk/report/templates/report.css.j2 (16 mm top and bottom, 13 mm sides).
MARGINS_MM = QMarginsF(13, 16, 13, 16)  # QMarginsF(left, top, right, bottom)
TIMEOUT_MS = 120_000  # at least; big reports get more (TIMEOUT_MS_PER_MB)
TIMEOUT_MS_PER_MB = 30_000


def a4_layout() -> QPageLayout:
    """Return the report's page layout: A4 portrait with its margins in millimetres."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


class PdfPrinter(QObject):
    """Load one HTML file in an off-screen page and print it to PDF, asynchronously.

    Emits ``finished(pdf_path)`` or ``failed(message)`` exactly once per ``print_file``.
    """

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._page: QWebEnginePage | None = None
        self._out: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def busy(self) -> bool:
        return self._page is not None

    def print_file(self, html_path: str | Path, pdf_path: str | Path) -> None:
        """Start printing ``html_path`` to ``pdf_path``; the result comes by signal."""
        if self._page is not None:
            raise RuntimeError("a PDF is already being printed")
        self._out = Path(pdf_path)
        page = QWebEnginePage(self)
        settings = page.settings()
        # The report is static: no script runs in it, and nothing is fetched from outside.
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        # Nor from this computer: the report is self-contained (images are data: URLs), so a
        # file: address in a template or a body could only put a private file in the PDF.
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        page.loadFinished.connect(self._on_loaded)
        page.pdfPrintingFinished.connect(self._on_printed)
        self._page = page
        size_mb = Path(html_path).stat().st_size / 1_000_000
        self._timer.start(int(max(TIMEOUT_MS, size_mb * TIMEOUT_MS_PER_MB)))
        # load() rather than setHtml(): setHtml is limited to 2 MB and big reports exceed it.
        page.load(QUrl.fromLocalFile(str(Path(html_path).resolve())))

    def _on_loaded(self, ok: bool) -> None:
        if self._page is None:
            return
        if not ok:
            self._finish(False, QCoreApplication.translate("PdfPrinter", "Le rapport HTML n'a pas pu être chargé."))
            return
        self._page.printToPdf(str(self._out), a4_layout())

    def _on_printed(self, path: str, ok: bool) -> None:
        if ok:
            self._finish(True, path)
        else:
            self._finish(False, QCoreApplication.translate(
                "PdfPrinter", "Impossible d'écrire le PDF {path}.").format(path=path))

    def _on_timeout(self) -> None:
        self._finish(False, QCoreApplication.translate("PdfPrinter", "L'impression PDF n'a pas abouti à temps."))

    def _finish(self, ok: bool, value: str) -> None:
        self._timer.stop()
        page, self._page = self._page, None
        if page is not None:
            page.deleteLater()
        if ok:
            self.finished.emit(value)
        else:
            self.failed.emit(value)


def _quiet_messages(kind: QtMsgType, _context, message: str) -> None:
    # Headless, Qt and Chromium warn about every missing GPU path (GBM, Vulkan, OpenGL)
    # although software rendering prints the PDF perfectly: keep the terminal for errors.
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        sys.stderr.write(message + "\n")


def _ensure_application() -> None:
    """Create a headless-capable application if the process has none (command line)."""
    if QCoreApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.webengine_env import quiet_chromium_for_the_terminal

    # The command line set the flags before importing this module; a script calling
    # render_pdf_blocking directly gets them here, before the first page starts Chromium.
    if quiet_chromium_for_the_terminal():
        qInstallMessageHandler(_quiet_messages)
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    global _app  # kept alive for the rest of the process
    _app = QApplication(["crisisdesk"])


_app = None


def render_pdf_blocking(html: str, out_path: str | Path) -> None:
    """Print ``html`` to ``out_path`` and return when done; raise RuntimeError on failure.

    For the command line and tests: it runs a local event loop. In the app, use
    ``PdfPrinter`` so the window keeps responding.
    """
    _ensure_application()
    out = Path(out_path).resolve()
    result: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="crisisdesk-report-") as tmp:
        html_path = Path(tmp) / "report.html"
        html_path.write_text(html, encoding="utf-8")
        printer = PdfPrinter()
        loop = QEventLoop()
        printer.finished.connect(lambda path: (result.setdefault("ok", path), loop.quit()))
        printer.failed.connect(lambda message: (result.setdefault("error", message), loop.quit()))
        printer.print_file(html_path, out)
        if not result:
            loop.exec()
        printer.deleteLater()
        # Let deleteLater run so the page is gone before its profile.
        QCoreApplication.sendPostedEvents(None, 0)
    if "error" in result:
        raise RuntimeError(result["error"])
