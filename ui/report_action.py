"""GUI: make the RETEX report from the app without ever freezing the window.

The HTML is rendered by a child process (``ui/report_process.py``), which opens its
OWN read-only session on the file; the PDF is then printed by QtWebEngine on the UI
thread, asynchronously. A DOCX or ODT is written whole by the child (pandoc, see
crisisdesk/report/word_processor.py). A non-modal progress dialog shows the step, so the controller
can keep firing injects while a draft is made. How a job runs, and why a process:
ui/background_job.py.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.background_job import BackgroundJob
from ui.child_protocol import Say
from ui.report_process import render_report_html, render_word_document

log = logging.getLogger("crisisdesk")

KINDS = ("html", "pdf", "docx", "odt")
WORD_PROCESSOR_KINDS = ("docx", "odt")


class ReportController(BackgroundJob):
    """Render one report (HTML or PDF) of a session file, in the background.

    ``start(kind, out_path)`` returns at once; ``finished(path)`` or ``failed(message)``
    (or ``cancelled()``) follows. The output file only appears once complete.
    """

    finished = Signal(str)  # the report's path; failed, cancelled, progress (step 0..3): BackgroundJob

    STEPS = 3

    def __init__(self, session_path: Any, parent: QObject | None = None, *, time_source: Any = None,
                 show_progress: bool = True):
        super().__init__(session_path, parent, show_progress=show_progress)
        self._time_source = time_source
        self._kind = ""

    def start(self, kind: str, out_path: str | Path) -> bool:
        """Start rendering to ``out_path``; False (and nothing done) if a report is already running."""
        if self.busy:
            return False
        if kind not in KINDS:
            raise ValueError(f"report kind must be one of {KINDS}, not {kind!r}")
        self._kind = kind
        if kind in WORD_PROCESSOR_KINDS:
            return self._start_word_document(kind, Path(out_path))
        html = self._begin(Path(out_path), "crisisdesk-report-") / "report.html"
        if self._show_progress:
            self._open_dialog(self.tr("Préparation du rapport RETEX…"), self.tr("Rapport RETEX"), "reportProgress",
                              self.STEPS, cancel=self.tr("Annuler"))
        for_print = kind == "pdf"
        args = [str(html)]
        if self._time_source is not None:
            args += ["--now", repr(self._time_source.now())]
        if for_print:
            args.append("--print")

        def work(say: Say) -> None:
            render_report_html(self.session_path, html, self._time_source, for_print=for_print, say=say)

        self._run("ui.report_process", args, work, what="report")
        return True

    def _start_word_document(self, kind: str, out_path: Path) -> bool:
        document = self._begin(out_path, "crisisdesk-report-") / f"report.{kind}"
        if self._show_progress:
            self._open_dialog(self.tr("Préparation du rapport RETEX…"), self.tr("Rapport RETEX"), "reportProgress",
                              self.STEPS, cancel=self.tr("Annuler"))
        args = [str(document), "--word"]
        if self._time_source is not None:
            args += ["--now", repr(self._time_source.now())]

        def work(say: Say) -> None:
            render_word_document(self.session_path, document, self._time_source, say=say)

        self._run("ui.report_process", args, work, what="report")
        return True

    # -- steps -------------------------------------------------------------------------

    def _on_line(self, line: str) -> None:
        if line.startswith("step "):
            step = int(line[5:])
            texts = (self.tr("Calcul des chiffres de l'exercice…"), self.tr("Mise en page du rapport…"))
            self._set_progress(step, texts[step])

    def _on_laid_out(self) -> None:
        assert self._tmp is not None
        if self._kind in WORD_PROCESSOR_KINDS:
            self._deliver(self._tmp / f"report.{self._kind}")
            return
        html = self._tmp / "report.html"
        if self._kind == "html":
            self._deliver(html)
            return
        self._set_progress(2, self.tr("Impression du PDF (A4)…"))
        self._print(html)

    def _on_printed(self, pdf_path: str) -> None:
        from crisisdesk.report import document_title
        from crisisdesk.report.pdf_title import set_pdf_title

        html_path = Path(pdf_path).with_suffix(".html")
        try:  # the title in the PDF's metadata, as the command line writes it
            title = document_title(html_path.read_text(encoding="utf-8")[:20_000])
            if title:
                set_pdf_title(pdf_path, title)
        except OSError:
            log.warning("could not title %s", pdf_path)
        if self._stopped_by_cancel():
            return
        self._deliver(Path(pdf_path))

    def _deliver(self, produced: Path) -> None:
        out = self._out
        assert out is not None
        try:
            self._install([(produced, out)])
        except OSError as exc:
            self._fail(self.tr("Impossible d'enregistrer le rapport {path} : {reason}").format(
                path=out, reason=exc.strerror or exc))
            return
        self._succeed(str(out), self.STEPS, self.tr("Rapport enregistré."),
                      self.tr("Rapport RETEX enregistré : {path}").format(path=out), 10000)

    def _failure_words(self) -> tuple[str, str, str]:
        return self.tr("Rapport RETEX"), self.tr("Le rapport n'a pas pu être produit."), "reportError"
