"""GUI: the application — QApplication, translators, error handling, the qasync loop, and what opens first.

``run_app(args)``: no argument → start screen (bundled exercise offered first); a package
folder → a new session on it, saved in the user's documents; ``--resume FOLDER`` → the last
unfinished session of that package, else a new one; a ``*.crisisdesk`` file → that session;
``--observer FILE`` → only an observer window on that file (a second process).
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_API", "pyside6")  # before qasync is imported (via ui.async_bridge)

from PySide6.QtCore import QObject, QStandardPaths, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from crisisdesk.session.naming import dated_session_path  # noqa: E402
from ui.error_sentences import error_text  # noqa: E402
from ui.settings import Settings  # noqa: E402

if TYPE_CHECKING:
    from crisisdesk.session import Session

BUNDLED_PACKAGE = Path(__file__).resolve().parent.parent / "injects" / "paris-50c"


def default_session_path(package_id: str, now: datetime | None = None, folder: Path | None = None) -> Path:
    """Return a new, unused dated session path in the user's documents (crisisdesk folder)."""
    if folder is None:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents or Path.home()) / "crisisdesk"
    folder.mkdir(parents=True, exist_ok=True)
    return dated_session_path(folder, package_id, now or datetime.now())


class AppController(QObject):
    """GUI: open the start screen, a session's console or an observer window, and keep them alive."""

    def __init__(self, settings: Settings, time_source, session_folder: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.time_source = time_source
        self.session_folder = session_folder
        self.start_screen = None
        self.windows: list[QWidget] = []
        self.sessions: list = []
        self._editors = None

    def editors(self):
        """The exercise editor's launcher (Nouvel exercice…, Modifier un exercice…), made on first use."""
        if self._editors is None:
            from ui.editor.launcher import EditorLauncher

            self._editors = EditorLauncher(self.new_session, parent=self)
        return self._editors

    def show_start(self) -> QWidget:
        """Show the start screen (bundled exercise first, recent files)."""
        from ui.start_screen import StartScreen

        if self.start_screen is None:
            bundled = BUNDLED_PACKAGE if (BUNDLED_PACKAGE / "exercise.yaml").exists() else None
            self.start_screen = StartScreen(bundled, self.settings.recent_files)
            self.start_screen.package_chosen.connect(self.new_session)
            self.start_screen.session_chosen.connect(self.open_session)
            self.editors().add_to_start_screen(self.start_screen)
        else:
            self.start_screen.set_recent(self.settings.recent_files)
        self.start_screen.show()
        self.start_screen.raise_()
        return self.start_screen

    def open_path(self, path: Path):
        """Open ``path``: a folder is a package (new session), a file a session."""
        if path.is_dir():
            return self.new_session(path)
        return self.open_session(path)

    def new_session(self, package_path: Path):
        """Create a dated session file from ``package_path`` and open its console."""
        from crisisdesk.package.problems import PackageError
        from crisisdesk.session import Session, SessionError

        try:
            from crisisdesk.package.loader import load_package

            package = load_package(package_path)
            target = default_session_path(package.exercise.id, folder=self.session_folder)
            # The package is already loaded (its id names the file): the store need not read it again.
            session = Session.create(target, package_path, time_source=self.time_source, package=package)
        except PackageError as error:
            return self._fail(self.tr("Ce dossier d'exercice contient des erreurs :\n{details}").format(details=error))
        except (SessionError, OSError) as error:
            return self._fail(self.tr("Impossible de créer la session :\n{details}").format(details=error_text(error)))
        return self._show_console(session)

    def resume_or_new_session(self, package_path: Path):
        """Reopen the last unfinished session of the package at ``package_path``, else create one.

        ``tools/dev.py run`` (and ``crisisdesk --resume PACKAGE``) starts here: running the app
        again in the middle of an exercise must land on that exercise, not on a new empty session.
        """
        from crisisdesk.package.loader import load_package
        from crisisdesk.package.problems import PackageError
        from crisisdesk.session.summary import folder_digest, latest_unfinished

        try:
            package_id = load_package(package_path).exercise.id
        except PackageError:
            return self.new_session(package_path)  # says what is wrong with the package
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = self.session_folder or Path(documents or Path.home()) / "crisisdesk"
        candidates = set(self.settings.recent_files)
        if folder.is_dir():
            candidates.update(folder.glob("*.crisisdesk"))
        # Only a session of this very edition of the package: after the package changed, a new one.
        found = latest_unfinished(sorted(candidates), package_id, folder_digest(Path(package_path)))
        if found is None:
            return self.new_session(package_path)
        window = self.open_session(found.path)
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr(
                "Session non terminée reprise : {file}. Fichier → Nouvelle session pour recommencer à zéro."
            ).format(file=found.path.name), 20000)
        return window

    def open_session(self, path: Path):
        """Open the session file ``path`` in a console."""
        from crisisdesk.session import Session, SessionError

        try:
            session = Session.open(path, time_source=self.time_source)
        except (SessionError, OSError) as error:
            self.settings.remove_recent_file(path)
            return self._fail(self.tr("Impossible d'ouvrir « {name} » :\n{details}").format(
                name=Path(path).name, details=error_text(error)))
        return self._show_console(session)

    def open_observer(self, path: Path):
        """Open only an observer window on the session file ``path``."""
        from crisisdesk.session import Session, SessionError

        try:
            session = Session.open(path, time_source=self.time_source)
        except (SessionError, OSError) as error:
            return self._fail(self.tr("Impossible d'ouvrir « {name} » :\n{details}").format(
                name=Path(path).name, details=error_text(error)))
        try:
            from ui.observer.window import ObserverWindow
        except ImportError:
            return self._fail(self.tr("La fenêtre observateur n'est pas disponible dans cette version."))
        window = ObserverWindow(session)
        self._keep(window, session)
        window.show()
        return window

    def _show_console(self, session: Session) -> None:
        from ui.main_window import MainWindow

        window = MainWindow(session, self.time_source, self.settings)
        window.new_session_requested.connect(self._on_new_requested)
        window.open_session_requested.connect(self._on_open_requested)
        self.editors().add_to_menu(window)
        window.msel_actions.package_ready.connect(self.new_session)  # an imported chronogramme, opened at once
        self.settings.add_recent_file(Path(session.path))
        self._keep(window, session)
        window.show()
        if self.start_screen is not None:
            self.start_screen.hide()
        return window

    def _keep(self, window: QWidget, session: Session) -> None:
        from crisisdesk import collector

        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        self.sessions.append(session)
        collector.settle()  # the session and its window live for the run: out of the collector's scans

        def forget(_obj=None, w=window, s=session) -> None:
            if w in self.windows:
                self.windows.remove(w)
            if s in self.sessions:
                self.sessions.remove(s)
                s.close()
                collector.unsettle()

        window.destroyed.connect(forget)

    def _on_new_requested(self) -> None:
        screen = self.show_start()
        screen.ask_folder()

    def _on_open_requested(self) -> None:
        screen = self.show_start()
        screen.ask_session_file()

    def _fail(self, text: str):
        if self.start_screen is not None and self.start_screen.isVisible():
            self.start_screen.show_error(text)
            return None
        if not self.windows:
            self.show_start().show_error(text)
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("crisisdesk"), text, QMessageBox.StandardButton.Ok,
                          self.windows[-1])
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None

    def close_all(self) -> None:
        """Close every window and session (end of the app or of a test)."""
        for window in list(self.windows):
            getattr(window, "close_without_asking", window.close)()  # the app is ending: no question
        for session in list(self.sessions):
            session.close()
        self.sessions.clear()
        if self.start_screen is not None:
            self.start_screen.close()


def _usage_error(text: str) -> int:
    print(f"crisisdesk: {text}", file=sys.stderr)
    return 2


def _open_in_place(controller: AppController, target: Path, opening: QWidget, *, resume: bool = False) -> None:
    """Open ``target`` (console, or the start screen with the error) and drop the opening window."""
    try:
        if resume:
            controller.resume_or_new_session(target)
        else:
            controller.open_path(target)
    finally:
        opening.close()
        opening.deleteLater()


def run_app(args: list[str]) -> int:
    """Run the desktop app with ``args`` (see module docstring); return the exit status."""
    observer_file: Path | None = None
    target: Path | None = None
    rest = list(args)
    resume = bool(rest) and rest[0] == "--resume"
    if resume:
        rest.pop(0)
        if len(rest) != 1 or not Path(rest[0]).is_dir():
            return _usage_error("--resume takes exactly one package folder")
    if rest and rest[0] == "--observer":
        if len(rest) != 2:
            return _usage_error("--observer takes exactly one session file")
        observer_file = Path(rest[1])
    elif len(rest) > 1:
        return _usage_error("give at most one package folder or session file")
    elif rest:
        target = Path(rest[0])
        if not target.exists():
            return _usage_error(f"{target}: no such folder or file")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("crisisdesk")
    app.setOrganizationName("crisisdesk")
    app.setApplicationDisplayName("crisisdesk")

    from crisisdesk.clock import SystemTime
    from ui import async_bridge
    from ui.errors import ErrorReporter, setup_logging
    from ui.i18n import install_translators

    settings = Settings()
    translators = install_translators(app, settings.language)  # noqa: F841  (kept alive for the run)
    reporter = ErrorReporter(setup_logging(), app)
    reporter.install()
    async_bridge.set_error_handler(reporter.report)
    signal.signal(signal.SIGINT, lambda *_: app.quit())  # Ctrl+C in a terminal quits cleanly

    controller = AppController(settings, SystemTime())
    if observer_file is not None:
        window = controller.open_observer(observer_file)
        if window is None and controller.start_screen is None:
            return 1
    elif target is not None:
        # Paint a window first, then load (SQLAlchemy, the package, the console): the app
        # answers in a fraction of a second and the console replaces it when it is ready.
        from ui.opening_window import OpeningWindow

        opening = OpeningWindow(target, settings.window_geometry("console"))
        opening.painted.connect(lambda: _open_in_place(controller, target, opening, resume=resume))
        opening.show()
    else:
        controller.show_start()

    try:
        return async_bridge.run_event_loop(app, lambda: async_bridge.wait_until_quit(app))
    finally:
        controller.close_all()
        settings.sync()
