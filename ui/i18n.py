"""GUI: install Qt translators for the chosen language (French source, English catalogue)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

CATALOGUE_DIR = Path(__file__).resolve().parent / "i18n"


def qt_translations_dirs() -> list[str]:
    """Return the folders that may hold Qt's own catalogues (qtbase_fr.qm), most likely first."""
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    try:  # the pip wheel ships them in PySide6/Qt/translations (what QLibraryInfo reports with qt.conf)
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
        folders += [str(package / "Qt" / "translations"), str(package / "translations")]
    except (ImportError, TypeError):
        pass
    return [folder for index, folder in enumerate(folders) if folder and folder not in folders[:index]]


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language`` ("fr" or "en") and return them (keep them alive)."""
    installed: list[QTranslator] = []
    if language == "fr":
        # Our source strings are French; only Qt's own dialogs (file dialog, buttons...) need a catalogue.
        qt = QTranslator(app)
        if any(qt.load("qtbase_fr", folder) for folder in qt_translations_dirs()):
            app.installTranslator(qt)
            installed.append(qt)
        # Installed last, so searched first: the few Qt 6 strings qtbase_fr.qm still leaves in English.
        extra = QTranslator(app)
        if extra.load("qt_extra_fr", str(CATALOGUE_DIR)):
            app.installTranslator(extra)
            installed.append(extra)
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
