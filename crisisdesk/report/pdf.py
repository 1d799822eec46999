"""The PDF step of the report, behind a tiny registry so the core needs no Qt.

The core renders the report as HTML; turning that HTML into A4 pages is delegated to
whichever renderer the host registered (the Qt layer registers QtWebEngine's
``printToPdf``). Without one, ``render_pdf`` raises a clear ``PdfUnavailable``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# (html text, output path) -> None; raises an Exception with a user-readable message.
PdfRenderer = Callable[[str, Path], None]

_renderer: PdfRenderer | None = None
_renderer_name = ""


class PdfUnavailable(RuntimeError):
    """No PDF renderer is registered (the Qt layer is missing or was not installed)."""


class PdfFailed(RuntimeError):
    """The registered renderer could not produce the PDF; str() says why."""


def register_pdf_renderer(renderer: PdfRenderer | None, name: str = "") -> None:
    """Make ``renderer`` the one used by ``render_pdf`` (None unregisters it)."""
    global _renderer, _renderer_name
    _renderer = renderer
    _renderer_name = name if renderer else ""


def pdf_renderer_name() -> str:
    """Return the name of the registered renderer, or "" if there is none."""
    return _renderer_name


def render_pdf(html: str, out_path: str | Path) -> Path:
    """Print ``html`` to an A4 PDF at ``out_path`` with the registered renderer."""
    if _renderer is None:
        raise PdfUnavailable(
            "no PDF renderer is available: PDF output needs the Qt WebEngine part of "
            "crisisdesk (run the 'crisisdesk' command or 'python main.py', which load it), "
            "or write an .html report instead"
        )
    out = Path(out_path)
    try:
        _renderer(html, out)
    except (PdfUnavailable, PdfFailed):
        raise
    except Exception as exc:  # the renderer's own failure, reported as one line
        raise PdfFailed(f"could not write the PDF {out}: {exc}") from exc
    if not out.is_file() or out.stat().st_size == 0:
        raise PdfFailed(f"the PDF renderer produced no file at {out}")
    return out
