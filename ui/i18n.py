"""GUI: install Qt translators for the chosen language (French source, English catalogue)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE_DIR = Path(__file__).resolve().parent / "i18n"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language`` ("fr" or "en") and return them (keep them alive)."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "fr":
        # Our source strings are French; only Qt's own buttons (OK/Cancel...) need a catalogue.
        qt = QTranslator(app)
        if qt.load("qtbase_fr", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    else:
        ours = QTranslator(app)
        if ours.load(f"crisisdesk_{language}", str(CATALOGUE_DIR)):
            app.installTranslator(ours)
            installed.append(ours)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Uninstall translators installed by ``install_translators``."""
    for translator in translators:
        app.removeTranslator(translator)
