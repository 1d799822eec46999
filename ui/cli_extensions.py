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


def install() -> None:
    """Register QtWebEngine as the report's PDF renderer."""
    from crisisdesk.report.pdf import register_pdf_renderer

    register_pdf_renderer(_render_pdf_with_webengine, "QtWebEngine")
