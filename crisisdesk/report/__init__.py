"""The after-action report (RETEX): figures, HTML from Jinja templates, PDF via a renderer.

``build_figures`` computes every number from a session; ``render_html`` lays them
out; ``write_report`` does both for a session file and writes ``.html`` or ``.pdf``
(the PDF step goes through the renderer registered in ``crisisdesk.report.pdf``).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from jinja2 import TemplateError

from crisisdesk import collector
from crisisdesk.report.figures import ReportFigures, compute_figures
from crisisdesk.report.labels import labels
from crisisdesk.report.pdf import PdfFailed, PdfUnavailable, register_pdf_renderer, render_pdf
from crisisdesk.report.pdf_title import set_pdf_title
from crisisdesk.report.render import TemplateFolderError, make_environment, render_html

FORMATS = ("html", "pdf", "csv", "xlsx", "docx", "odt")  # csv, xlsx: the improvement plan; docx/odt: to finish in a word processor
REPORT_FILE_MODE = 0o644

__all__ = [
    "FORMATS",
    "PdfFailed",
    "PdfUnavailable",
    "ReportError",
    "ReportFigures",
    "TemplateFolderError",
    "build_figures",
    "compute_figures",
    "describe_template_error",
    "document_title",
    "make_environment",
    "output_format",
    "register_pdf_renderer",
    "render_html",
    "render_pdf",
    "report_html",
    "report_images",
    "write_report",
    "write_text_atomically",
]


class ReportError(Exception):
    """A report that cannot be made as asked (bad output name, unreadable session...)."""


def describe_template_error(exc: TemplateError) -> str:
    """Say where a template failed: "file:line: message" when the place is known."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    if not line:
        # Errors raised while rendering carry the place in Jinja's rewritten traceback.
        tb = exc.__traceback__
        while tb is not None:
            code_file = tb.tb_frame.f_code.co_filename
            if code_file.endswith(".j2"):
                name, line = code_file, tb.tb_lineno
            tb = tb.tb_next
    where = f"{name}:{line}: " if name and line else (f"{name}: " if name else "")
    return f"{where}{exc.message or exc.__class__.__name__}"


def output_format(out_path: str | Path) -> str:
    """Return "html" or "pdf" from the output file name; ReportError otherwise."""
    suffix = Path(out_path).suffix.lower().lstrip(".")
    if suffix == "htm":
        suffix = "html"
    if suffix not in FORMATS:
        raise ReportError(f"{out_path}: the report is written as .html, .pdf, .docx or .odt "
                          "(or .csv, .xlsx: the improvement plan), "
                          f"not {suffix or 'no extension'!r}")
    return suffix


def build_figures(session, *, now: float | None = None) -> ReportFigures:
    """Compute the report figures of an open session (a draft if it has not ended)."""
    moment = session.now() if now is None else now
    return compute_figures(session.state, session.package, generated_at=moment)


def report_html(session, *, now: float | None = None, templates: str | Path | None = None,
                language: str | None = None, for_print: bool = False) -> str:
    """Render the report of an open session as a self-contained HTML document (``for_print``: for the PDF)."""
    return render_html(build_figures(session, now=now), templates=templates, language=language,
                       image_src=report_images(session), for_print=for_print)


def report_images(session):
    """The images the report's Markdown may show, read now from the open session: an ``image_src``.

    Only the package's own attachments that a body or the summary shows as an image are
    read (and embedded as ``data:`` URLs); every other image is shown as text.
    """
    from crisisdesk.markdown_text import attachment_image_src, image_sources, package_attachments
    from crisisdesk.session import SessionError

    package = session.package
    texts = [package.exercise.summary] + [inject.body for inject in package.injects]
    shown = {source.removeprefix("./") for text in texts for source, _ in image_sources(text)}
    data: dict[str, bytes] = {}
    for path in sorted(shown & package_attachments(package)):
        try:
            data[path] = session.attachment_bytes(path)
        except SessionError:
            continue  # shown as text
    return attachment_image_src(frozenset(data), data.__getitem__)


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, REPORT_FILE_MODE)  # mkstemp makes it private; a report is for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(session_path: str | Path, out_path: str | Path, *, templates: str | Path | None = None,
                 language: str | None = None, time_source=None) -> Path:
    """Open ``session_path`` read-only and write its report to ``out_path`` (.html or .pdf; .csv, .xlsx: the plan)."""
    from crisisdesk.session import Session, SessionError

    out = Path(out_path)
    kind = output_format(out)
    if templates is not None:
        make_environment(templates)  # fail on a bad template folder before any work
    from crisisdesk.session.engines import is_server_url

    source = session_path if is_server_url(session_path) else Path(session_path)  # a file, or a server URL
    if isinstance(source, Path) and source.is_dir():
        raise ReportError(f"{source}: is a folder, not a session file")
    if isinstance(source, Path) and not source.is_file():
        raise ReportError(f"{source}: no such session file")
    try:
        session = Session.open(source, time_source=time_source, read_only=True)
    except SessionError as exc:
        raise ReportError(str(exc)) from exc  # its message already names the file
    try:
        with collector.paused():  # a long exercise's report is hundreds of thousands of rows: see crisisdesk/collector.py
            if kind in ("csv", "xlsx"):
                from crisisdesk.report.labels import language_of
                from crisisdesk.report.plan_export import write_plan

                figures = build_figures(session)
                return write_plan(figures, language_of(language or figures.language), out)
            elif kind in ("docx", "odt"):
                word_document = _word_document_source(session, templates=templates, language=language)
            else:
                html = report_html(session, templates=templates, language=language, for_print=kind == "pdf")
    except TemplateError as exc:
        raise ReportError(f"report template: {describe_template_error(exc)}") from exc
    finally:
        session.close()
    if kind in ("docx", "odt"):
        from crisisdesk.report.word_processor import write_word_document

        html, marking, report_language = word_document
        write_word_document(html, out, kind=kind, marking=marking, language=report_language)
    elif kind == "html":
        write_text_atomically(out, html)
    else:
        write_pdf_atomically(html, out)
    return out


def _word_document_source(session, *, templates, language) -> tuple[str, str, str]:
    """The print HTML (long annexes summarised, as in the PDF), the page marking and the language."""
    from crisisdesk.report.labels import language_of

    figures = build_figures(session)
    chosen = language_of(language or figures.language)
    html = render_html(figures, templates=templates, language=chosen, image_src=report_images(session),
                       for_print=True)
    draft = labels(chosen)["draft_banner"] if figures.draft else ""
    marking = " — ".join(part for part in (draft, figures.exercise.distribution) if part)
    return html, marking, chosen


def document_title(html: str) -> str:
    """The report's <title>, as its PDF metadata title (a user template sets its own)."""
    from html import unescape

    match = re.search(r"<title>(.*?)</title>", html[:20_000], re.S)
    return " ".join(unescape(match.group(1)).split()) if match else ""


def write_pdf_atomically(html: str, out: Path) -> None:
    """Print ``html`` to ``out`` through a temporary file in the same folder, titled in its metadata."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        render_pdf(html, tmp)
        title = document_title(html)
        if title:
            set_pdf_title(tmp, title)
        os.chmod(tmp, REPORT_FILE_MODE)
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
