"""GUI: how the core's codes are shown — translatable names and status colours.

One place for every code the core hands to the interface (channels, statuses, clock
states, role kinds, entry kinds, tags, stages, checks, ratings, priorities), so the
console, the observers' windows and the room display use the same words.
"""

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
        "decision": QCoreApplication.translate("Labels", "décision"),
        "action": QCoreApplication.translate("Labels", "action"),
        "information": QCoreApplication.translate("Labels", "information"),
        "request": QCoreApplication.translate("Labels", "demande"),
        "communication": QCoreApplication.translate("Labels", "communication"),
        "observation": QCoreApplication.translate("Labels", "observation"),
    }
    return labels.get(kind, kind)


def tag_label(tag: str) -> str:
    """Return the French label of an entry tag (objective ids are shown as they are)."""
    if tag == "strength":
        return QCoreApplication.translate("Labels", "point fort")
    if tag == "improvement":
        return QCoreApplication.translate("Labels", "amélioration")
    return tag


def tag_short_label(tag: str) -> str:
    """Return the compact mark shown in the log table for an entry tag."""
    if tag == "strength":
        return QCoreApplication.translate("Labels", "+ fort")
    if tag == "improvement":
        return QCoreApplication.translate("Labels", "△ amél.")
    return tag


def stage_label(stage: str) -> str:
    """Return the French label of an entry's stage."""
    labels = {
        "briefing": QCoreApplication.translate("Labels", "briefing"),
        "play": QCoreApplication.translate("Labels", "jeu"),
        "hotwash": QCoreApplication.translate("Labels", "retour à chaud"),
    }
    return labels.get(stage, stage)


def check_label(status: str) -> str:
    """Return the French label of an expectation check status."""
    labels = {
        "met": QCoreApplication.translate("Labels", "réalisé"),
        "partial": QCoreApplication.translate("Labels", "partiel"),
        "missed": QCoreApplication.translate("Labels", "non réalisé"),
    }
    return labels.get(status, status)


def check_color(status: str) -> QColor:
    """Return the status colour of an expectation check."""
    return {"met": COLOR_MET, "partial": COLOR_PARTIAL, "missed": COLOR_MISSED}.get(status, COLOR_MUTED)


def rating_label(rating: str) -> str:
    """Return the French HSEEP label of a P/S/M/U rating."""
    labels = {
        "P": QCoreApplication.translate("Labels", "Réalisé sans difficulté"),
        "S": QCoreApplication.translate("Labels", "Réalisé avec quelques difficultés"),
        "M": QCoreApplication.translate("Labels", "Réalisé avec des difficultés majeures"),
        "U": QCoreApplication.translate("Labels", "Non réalisable"),
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
        "high": QCoreApplication.translate("Labels", "haute"),
        "medium": QCoreApplication.translate("Labels", "moyenne"),
        "low": QCoreApplication.translate("Labels", "basse"),
    }
    return labels.get(priority, priority)


def channel_label(channel: str) -> str:
    """Return the display name of an inject channel."""
    labels = {
        "phone": QCoreApplication.translate("Labels", "Téléphone"),
        "email": QCoreApplication.translate("Labels", "Courriel"),
        "radio": QCoreApplication.translate("Labels", "Radio"),
        "news": QCoreApplication.translate("Labels", "Flash info"),
        "social": QCoreApplication.translate("Labels", "Réseaux sociaux"),
        "field": QCoreApplication.translate("Labels", "Remontée terrain"),
        "document": QCoreApplication.translate("Labels", "Document"),
        "face": QCoreApplication.translate("Labels", "En personne"),
    }
    return labels.get(channel, channel)


def status_label(status: str) -> str:
    """Return the display name of a timeline status (see timeline_model.display_status)."""
    labels = {
        "pending": QCoreApplication.translate("Labels", "À venir"),
        "next": QCoreApplication.translate("Labels", "Prochain"),
        "due": QCoreApplication.translate("Labels", "À déclencher"),
        "late": QCoreApplication.translate("Labels", "En retard"),
        "fired": QCoreApplication.translate("Labels", "Déclenché"),
        "skipped": QCoreApplication.translate("Labels", "Ignoré"),
        "delayed": QCoreApplication.translate("Labels", "Retardé"),
        "unplayed": QCoreApplication.translate("Labels", "Non joué"),
    }
    return labels.get(status, status)


def clock_state_label(state_name: str) -> str:
    """Return the display name of an exercise clock state (ClockState member name)."""
    labels = {
        "READY": QCoreApplication.translate("Labels", "Prêt — avant STARTEX"),
        "RUNNING": QCoreApplication.translate("Labels", "En cours"),
        "PAUSED": QCoreApplication.translate("Labels", "En pause"),
        "ENDED": QCoreApplication.translate("Labels", "Terminé — ENDEX"),
    }
    return labels.get(state_name, state_name)


def role_kind_label(kind: str) -> str:
    """Return the display name of a role kind."""
    labels = {
        "directorate": QCoreApplication.translate("Labels", "Direction"),
        "partner": QCoreApplication.translate("Labels", "Partenaire"),
        "simulated": QCoreApplication.translate("Labels", "Joué par l'animation"),
    }
    return labels.get(kind, kind)



def all_roles_label() -> str:
    """Return the label for an inject sent to every role."""
    return QCoreApplication.translate("Labels", "Tous")
