"""Plug the Qt-backed services into the core command line (called by ui/launcher.py).

``install()`` imports nothing from Qt: the PDF renderer loads QtWebEngine only when a
PDF is actually asked for, so ``crisisdesk validate`` and friends stay fast.
"""

from __future__ import annotations

from pathlib import Path


def _render_pdf_with_webengine(html: str, out_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None:  # a terminal run, not the app: keep Chromium quiet
        from ui.webengine_env import quiet_chromium_for_the_terminal

        quiet_chromium_for_the_terminal()  # before ui.pdf imports QtWebEngine
    from ui.pdf import render_pdf_blocking

    render_pdf_blocking(html, out_path)


_gui_app = None  # a terminal run's offscreen QGuiApplication, kept alive for the fonts


def _rasterize_svg_with_qt(svg: bytes, width: int, height: int) -> bytes:
    """An SVG as a PNG of width x height pixels on white (a DOCX picture's fallback)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    global _gui_app
    if QGuiApplication.instance() is None:  # text needs the font database, which needs a GUI app
        _gui_app = QGuiApplication(["crisisdesk", "-platform", "offscreen"])
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def install() -> None:
    """Register QtWebEngine as the report's PDF renderer, and Qt's SVG renderer for DOCX pictures."""
    from crisisdesk.report.pdf import register_pdf_renderer
    from crisisdesk.report.word_processor import register_svg_rasterizer

    register_pdf_renderer(_render_pdf_with_webengine, "QtWebEngine")
    register_svg_rasterizer(_rasterize_svg_with_qt)
