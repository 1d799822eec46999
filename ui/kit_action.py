"""GUI: *Fichier → Imprimer le kit…* — the printed kits as PDF, without freezing the console.

As for the report (ui/report_action.py, both run by ui/background_job.py): the HTML is
laid out by a child process (``ui/kit_process.py``) reading the session's package
snapshot, then QtWebEngine prints each kit asynchronously on the UI thread. A non-modal
progress dialog shows the step: the controller can prepare the paper while an exercise runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from crisisdesk.report.kits import KIT_KINDS, kit_file_name, kit_title
from ui.background_job import BackgroundJob
from ui.child_protocol import Say
from ui.kit_process import write_kit_html


class KitController(BackgroundJob):
    """Make the chosen kits of a session's package as PDFs in a folder, in the background.

    ``start(out_dir)`` returns at once; ``finished(paths)`` or ``failed(message)`` follows.
    Each PDF only appears in the folder once complete.
    """

    finished = Signal(list)  # the PDFs' paths; failed, progress: BackgroundJob

    def __init__(self, session_path: Any, package: Any, parent: QObject | None = None, *,
                 show_progress: bool = True):
        super().__init__(session_path, parent, show_progress=show_progress)
        self.package = package
        self._kinds: list[str] = []
        self._queue: list[str] = []
        self._printed: list[tuple[str, Path]] = []
        self._done_layouts = 0

    @property
    def steps(self) -> int:
        return 2 * len(self._kinds) + 1

    def start(self, out_dir: str | Path, *, kinds: Iterable[str] = KIT_KINDS, by: str = "role") -> bool:
        """Start making the kits into ``out_dir``; False (nothing done) if kits are already being made."""
        if self.busy:
            return False
        kinds = list(kinds)
        self._kinds = [k for k in KIT_KINDS if k in kinds]
        self._queue = []
        self._printed = []
        self._done_layouts = 0
        folder = self._begin(Path(out_dir), "crisisdesk-kit-")
        if self._show_progress:
            # A few seconds of work: no cancel button.
            self._open_dialog(self.tr("Préparation du kit…"), self.tr("Kit imprimé"), "kitProgress", self.steps,
                              cancel=None)
        self._set_progress(0, self.tr("Mise en page des kits…"))
        args = [str(folder), "--by", by]
        for kind in self._kinds:
            args += ["--only", kind]

        def work(say: Say) -> None:
            write_kit_html(self.session_path, folder, self._kinds, by, say)

        self._run("ui.kit_process", args, work, what="kit")
        return True

    def _kit_name(self, kind: str) -> str:
        names = {"animateur": self.tr("kit animateur"), "observateur": self.tr("kit observateur"),
                 "joueur": self.tr("kit joueur")}
        return names[kind]

    def _on_line(self, line: str) -> None:
        if line.startswith("kit "):
            self._done_layouts += 1
            self._set_progress(self._done_layouts,
                               self.tr("Mise en page : {kit}").format(kit=self._kit_name(line[4:])))

    def _on_laid_out(self) -> None:
        self._queue = list(self._kinds)
        self._print_next()

    def _print_next(self) -> None:
        if not self._queue:
            self._deliver()
            return
        assert self._tmp is not None
        kind = self._queue[0]
        step = len(self._kinds) + len(self._printed)
        self._set_progress(step, self.tr("Impression du {kit} (PDF A4)…").format(kit=self._kit_name(kind)))
        self._print(self._tmp / Path(kit_file_name(self.package, kind)).with_suffix(".html"))

    def _on_printed(self, pdf_path: str) -> None:
        from crisisdesk.report.pdf_title import set_pdf_title

        kind = self._queue.pop(0)
        set_pdf_title(pdf_path, kit_title(self.package, kind))
        self._printed.append((kind, Path(pdf_path)))
        if self._stopped_by_cancel():
            return
        self._print_next()

    def _deliver(self) -> None:
        out = self._out
        assert out is not None
        targets = [(produced, out / produced.name) for _kind, produced in self._printed]
        try:
            out.mkdir(parents=True, exist_ok=True)
            self._install(targets)
        except OSError as exc:
            self._fail(self.tr("Impossible d'enregistrer le kit dans {path} : {reason}").format(
                path=out, reason=exc.strerror or exc))
            return
        written = [str(target) for _produced, target in targets]
        self._succeed(written, self.steps, self.tr("Kit enregistré."),
                      self.tr("Kit enregistré dans {path} ({count} PDF)").format(path=out, count=len(written)), 15000)

    def _failure_words(self) -> tuple[str, str, str]:
        return self.tr("Kit imprimé"), self.tr("Le kit n'a pas pu être produit."), "kitError"
