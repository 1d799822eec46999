"""GUI: translatable labels for the core's codes (channels, statuses, clock states, kinds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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


def check_status_label(status: str) -> str:
    """Return the display name of an expectation check status."""
    labels = {
        "met": QCoreApplication.translate("Labels", "Fait"),
        "partial": QCoreApplication.translate("Labels", "Partiel"),
        "missed": QCoreApplication.translate("Labels", "Manqué"),
    }
    return labels.get(status, status)


def all_roles_label() -> str:
    """Return the label for an inject sent to every role."""
    return QCoreApplication.translate("Labels", "Tous")
