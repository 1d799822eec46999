"""GUI: the start screen — new session from a package (the bundled one first), open a session, recent files."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.package.model import Package
from crisisdesk.readiness import ReadinessReport
from crisisdesk.session.naming import SESSION_SUFFIX
from crisisdesk.session.summary import read_summary
from crisisdesk.timefmt import format_offset
from ui.readiness_summary import ReadinessSummary


class StartScreen(QWidget):
    """GUI: choose what to run; emits the chosen package folder or session file."""

    package_chosen = Signal(Path)
    session_chosen = Signal(Path)

    def __init__(self, bundled: Path | None, recent: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        # Qt appends the application name (" — crisisdesk"): do not repeat it.
        self.setWindowTitle(self.tr("Conduite d'exercice de crise"))
        self.setAcceptDrops(True)
        self.bundled = bundled
        self.resize(1100, 680)

        title = QLabel("crisisdesk", objectName="startTitle")
        subtitle = QLabel(self.tr("Conduite d'exercice de crise — chronologie, écran de salle, main courante, RETEX"),
                          objectName="startSubtitle")

        # new session
        new_box = QFrame(objectName="startNewBox")
        new_layout = QVBoxLayout(new_box)
        new_layout.addWidget(QLabel(self.tr("Nouvelle session"), objectName="startSectionTitle"))
        self.bundled_button = QPushButton(objectName="startBundled")
        self.bundled_summary = QLabel(objectName="startBundledSummary")
        self.bundled_summary.setTextFormat(Qt.TextFormat.RichText)  # describe_package() escapes the package text
        self.bundled_summary.setWordWrap(True)
        self.readiness = ReadinessSummary()  # the readiness check of the bundled package, before a run
        if bundled is not None:
            package = load_quietly(bundled)
            title_text, summary = describe_package(bundled, package)
            self.readiness.show_report(readiness_of(package, bundled))
            self.bundled_button.setText(self.tr("Commencer « {title} »").format(title=title_text))
            self.bundled_summary.setText(summary)
            self.bundled_button.clicked.connect(lambda: self.package_chosen.emit(bundled))
        else:
            self.bundled_button.hide()
            self.bundled_summary.hide()
        self.bundled_button.setDefault(True)
        self.folder_button = QPushButton(self.tr("Autre dossier d'exercice…"), objectName="startFolder")
        self.folder_button.clicked.connect(self.ask_folder)
        drop_hint = QLabel(self.tr("ou déposez ici un dossier d'exercice ou un fichier de session"),
                           objectName="startDropHint")
        drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        new_layout.addWidget(self.bundled_button)
        new_layout.addWidget(self.bundled_summary)
        new_layout.addWidget(self.readiness, 3)
        new_layout.addSpacing(18)
        new_layout.addWidget(QLabel(self.tr("Un autre exercice :"), objectName="startOtherLabel"))
        new_layout.addWidget(self.folder_button)
        new_layout.addWidget(drop_hint, 1)

        # existing sessions
        open_box = QFrame(objectName="startOpenBox")
        open_layout = QVBoxLayout(open_box)
        open_layout.addWidget(QLabel(self.tr("Reprendre une session"), objectName="startSectionTitle"))
        self.open_button = QPushButton(self.tr("Ouvrir un fichier de session…"), objectName="startOpen")
        self.open_button.clicked.connect(self.ask_session_file)
        self.recent_list = QListWidget(objectName="startRecent")
        self.recent_list.setAccessibleName(self.tr("Sessions récentes"))
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent_list.setWordWrap(False)
        self.recent_list.setSpacing(3)
        open_layout.addWidget(self.open_button)
        open_layout.addWidget(QLabel(self.tr("Sessions récentes :")))
        open_layout.addWidget(self.recent_list, 1)
        self.set_recent(recent)

        self.error_label = QLabel(objectName="startError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages shown verbatim
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(new_box, 1)
        columns.addWidget(open_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        self.setStyleSheet(
            "#startScreen { background: #f4f6f9; }"
            "#startTitle { font-size: 30pt; font-weight: 800; color: #0d1b2a; }"
            "#startSubtitle { font-size: 13pt; color: #33414f; }"
            "#startNewBox, #startOpenBox { background: white; border: 1px solid #d3dae3; border-radius: 10px; }"
            "#startSectionTitle { font-size: 16pt; font-weight: 700; color: #0d1b2a; }"
            "#startBundled { font-size: 15pt; font-weight: 700; padding: 14px; background: #1d7a3a; color: white;"
            " border-radius: 8px; border: none; }"
            "#startBundled:hover { background: #186a32; }"
            "#startBundledSummary { font-size: 11pt; color: #33414f; }"
            "#startFolder, #startOpen { font-size: 12pt; padding: 8px; }"
            "#startDropHint { color: #6b7785; font-size: 12pt; font-style: italic; border: 2px dashed #c3ccd6;"
            " border-radius: 8px; padding: 14px; }"
            "#startOtherLabel { font-size: 12pt; font-weight: 600; color: #33414f; }"
            "#startRecent { font-size: 11pt; }"
            "#startError { color: #a00000; font-size: 12pt; font-weight: 600; background: #fde8e8; padding: 8px;"
            " border-radius: 6px; }"
        )

    def set_recent(self, files: list[Path]) -> None:
        """List the recent session files (missing ones are left out)."""
        self.recent_list.clear()
        for path in files:
            summary = read_summary(path)  # None: gone, or no longer a readable session
            if summary is None:
                continue
            created = summary.created_at.strftime("%d/%m/%Y %H:%M") if summary.created_at else ""
            # Three short lines, read without scrolling sideways: the exercise; its state and date (never
            # cut by a long file name); the file, elided alone when it is long.
            item = QListWidgetItem(f"{summary.title}\n{self._state_text(summary.state)} · {created}\n{path.name}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)
        if self.recent_list.count() == 0:
            placeholder = QListWidgetItem(self.tr("Aucune session récente"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(placeholder)

    def _state_text(self, state: str) -> str:
        return {
            "ready": self.tr("pas commencée"),
            "running": self.tr("en cours"),
            "paused": self.tr("en pause"),
            "ended": self.tr("terminée"),
        }.get(state, state)

    def show_error(self, text: str) -> None:
        """Show why the last choice could not be opened."""
        self.error_label.setText(text)
        self.error_label.show()

    def ask_folder(self) -> None:
        """Ask for a package folder (non-blocking dialog)."""
        dialog = QFileDialog(self, self.tr("Choisir un dossier d'exercice"))
        dialog.setObjectName("packageFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        # Beside the bundled exercise (other packages usually sit there), never the working folder.
        dialog.setDirectory(str(self.bundled.parent if self.bundled is not None else Path.home()))
        dialog.fileSelected.connect(lambda path: self.package_chosen.emit(Path(path)))
        dialog.open()
        self._dialog = dialog

    def ask_session_file(self) -> None:
        """Ask for a session file (non-blocking dialog)."""
        dialog = QFileDialog(self, self.tr("Ouvrir une session"))
        dialog.setObjectName("sessionFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Sessions crisisdesk (*.crisisdesk)"))
        dialog.setDirectory(str(self._sessions_folder()))
        dialog.fileSelected.connect(lambda path: self.session_chosen.emit(Path(path)))
        dialog.open()
        self._dialog = dialog

    def _sessions_folder(self) -> Path:
        """Return where session files most likely are: the latest recent one's folder, else the user's."""
        for row in range(self.recent_list.count()):
            path = self.recent_list.item(row).data(Qt.ItemDataRole.UserRole)
            if path:
                return Path(path).parent
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = Path(documents or Path.home()) / "crisisdesk"  # where new sessions are saved (ui.app)
        return default if default.is_dir() else Path(documents or Path.home())

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.session_chosen.emit(Path(path))

    # drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(Path(url.toLocalFile()))
                event.acceptProposedAction()
                return

    def open_path(self, path: Path) -> None:
        """Route a dropped or given path: a folder is a package, a file a session."""
        if path.is_dir():
            self.package_chosen.emit(path)
        elif path.suffix == SESSION_SUFFIX:
            self.session_chosen.emit(path)
        else:
            self.show_error(self.tr("« {name} » n'est ni un dossier d'exercice ni un fichier de session .crisisdesk.")
                            .format(name=path.name))


def load_quietly(path: Path) -> Package | None:
    """The package at ``path``, or None if it cannot be loaded (it is re-checked on use)."""
    from crisisdesk.package.loader import load_package

    try:
        return load_package(path)
    except Exception:  # the start screen must open even on a broken package
        return None


def readiness_of(package: Package | None, path: Path) -> ReadinessReport | None:
    """The readiness check of a loaded package (None when it is not loaded or the check fails)."""
    if package is None:
        return None
    from crisisdesk.readiness import check_package

    try:
        return check_package(package, path)
    except Exception:  # a measure must never keep the start screen from opening
        return None


def describe_package(path: Path, package: Package | None = None) -> tuple[str, str]:
    """Return (title, one-paragraph summary) of a package for the start screen, without failing."""
    if package is None:
        package = load_quietly(path)
    if package is None:
        return path.name, ""
    exercise = package.exercise
    played = sum(1 for role in package.roles if role.played)
    summary = " ".join(exercise.summary.split())
    if len(summary) > 320:
        summary = summary[:317].rsplit(" ", 1)[0] + "…"
    facts = _facts(len(package.injects), played, format_offset(exercise.duration, with_seconds=False))
    return exercise.title, html.escape(summary) + "<br/><br/><b>" + html.escape(facts) + "</b>"


def _facts(injects: int, roles: int, duration: str) -> str:
    return QCoreApplication.translate("StartScreen", "{injects} injects · {roles} rôles joués · durée {duration}").format(
        injects=injects, roles=roles, duration=duration)

