"""GUI: French labels for the core's English codes (entry kinds, stages, statuses, ratings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

KIND_ORDER = ("decision", "action", "information", "request", "communication", "observation")
CHECK_STATUSES = ("met", "partial", "missed")
RATINGS = ("P", "S", "M", "U")
PRIORITIES = ("high", "medium", "low")

# Status colours, chosen to stay legible on white and for the common colour blindnesses
# (green/red pairs always come with a text or symbol).
COLOR_SAVED = QColor("#1b7f3b")
COLOR_SAVING = QColor("#8a6d00")
COLOR_FAILED = QColor("#b3261e")
COLOR_MET = QColor("#1b7f3b")
COLOR_PARTIAL = QColor("#b26a00")
COLOR_MISSED = QColor("#b3261e")
COLOR_OVERDUE = QColor("#b3261e")
COLOR_MUTED = QColor("#6b6f76")
COLOR_CORRECTED = QColor("#5b3c8c")
BG_FAILED = QColor("#fde7e6")
BG_SAVING = QColor("#fff8dc")
BG_OVERDUE = QColor("#fde7e6")
BG_HEADER = QColor("#eef1f5")
BG_STRENGTH = QColor("#e3f4e8")
BG_IMPROVEMENT = QColor("#fff0d9")


def kind_label(kind: str) -> str:
    """Return the French label of an entry kind code."""
    labels = {
        "decision": QCoreApplication.translate("ObserverLabels", "décision"),
        "action": QCoreApplication.translate("ObserverLabels", "action"),
        "information": QCoreApplication.translate("ObserverLabels", "information"),
        "request": QCoreApplication.translate("ObserverLabels", "demande"),
        "communication": QCoreApplication.translate("ObserverLabels", "communication"),
        "observation": QCoreApplication.translate("ObserverLabels", "observation"),
    }
    return labels.get(kind, kind)


def tag_label(tag: str) -> str:
    """Return the French label of an entry tag (objective ids are shown as they are)."""
    if tag == "strength":
        return QCoreApplication.translate("ObserverLabels", "point fort")
    if tag == "improvement":
        return QCoreApplication.translate("ObserverLabels", "amélioration")
    return tag


def tag_short_label(tag: str) -> str:
    """Return the compact mark shown in the log table for an entry tag."""
    if tag == "strength":
        return QCoreApplication.translate("ObserverLabels", "+ fort")
    if tag == "improvement":
        return QCoreApplication.translate("ObserverLabels", "△ amél.")
    return tag


def stage_label(stage: str) -> str:
    """Return the French label of an entry's stage."""
    labels = {
        "briefing": QCoreApplication.translate("ObserverLabels", "briefing"),
        "play": QCoreApplication.translate("ObserverLabels", "jeu"),
        "hotwash": QCoreApplication.translate("ObserverLabels", "retour à chaud"),
    }
    return labels.get(stage, stage)


def check_label(status: str) -> str:
    """Return the French label of an expectation check status."""
    labels = {
        "met": QCoreApplication.translate("ObserverLabels", "réalisé"),
        "partial": QCoreApplication.translate("ObserverLabels", "partiel"),
        "missed": QCoreApplication.translate("ObserverLabels", "non réalisé"),
    }
    return labels.get(status, status)


def check_color(status: str) -> QColor:
    """Return the status colour of an expectation check."""
    return {"met": COLOR_MET, "partial": COLOR_PARTIAL, "missed": COLOR_MISSED}.get(status, COLOR_MUTED)


def rating_label(rating: str) -> str:
    """Return the French HSEEP label of a P/S/M/U rating."""
    labels = {
        "P": QCoreApplication.translate("ObserverLabels", "Réalisé sans difficulté"),
        "S": QCoreApplication.translate("ObserverLabels", "Réalisé avec quelques difficultés"),
        "M": QCoreApplication.translate("ObserverLabels", "Réalisé avec des difficultés majeures"),
        "U": QCoreApplication.translate("ObserverLabels", "Non réalisable"),
    }
    return labels.get(rating, rating)


def rating_color(rating: str) -> QColor:
    """Return the colour of a P/S/M/U rating."""
    return {
        "P": QColor("#1b7f3b"),
        "S": QColor("#6b8e00"),
        "M": QColor("#b26a00"),
        "U": QColor("#b3261e"),
    }.get(rating, COLOR_MUTED)


def priority_label(priority: str) -> str:
    """Return the French label of an improvement priority."""
    labels = {
        "high": QCoreApplication.translate("ObserverLabels", "haute"),
        "medium": QCoreApplication.translate("ObserverLabels", "moyenne"),
        "low": QCoreApplication.translate("ObserverLabels", "basse"),
    }
    return labels.get(priority, priority)
