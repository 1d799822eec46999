"""GUI: where the editor keeps its recovery copies."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def recovery_base() -> Path:
    """The user's data folder (never the package folder, which may be shared or read-only)."""
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(data or Path.home() / ".crisisdesk") / "editor-recovery"
