"""GUI: the words the interface shows for the core's codes, in the interface's language.

``code_label(group, code)`` is the one lookup: entry kinds, tags, priorities, ratings and checks come
from the core's vocabulary (crisisdesk/vocabulary.py, the words the report prints) and
the exercise terms from its glossary (``term``); the codes only the interface shows
(channels, timeline statuses, clock states, role kinds, stages) are the tables
below, translated through the catalogue. Colours: ``ui/palette.py``; error sentences:
``ui/error_sentences.py``.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from crisisdesk import vocabulary
from crisisdesk.vocabulary import CHECK_STATUSES, PRIORITIES, RATINGS  # noqa: F401 (the UI's code lists)
from crisisdesk.vocabulary import ENTRY_KINDS as KIND_ORDER  # noqa: F401


def ui_language() -> str:
    """The interface's language for the core's glossary: English when the English catalogue is in force."""
    return "en" if QLocale().language() == QLocale.Language.English else "fr"


def term(key: str) -> str:
    """An exercise term (``startex``, ``endex``, ``hotwash``...) in the interface's language, from the core glossary.

    French follows the ANSSI guide (DEBEX, FINEX), English HSEEP (STARTEX, ENDEX), as the report does.
    """
    return vocabulary.term(key, ui_language())


# Groups whose words the core has (the report prints the same).
_CORE_CODES: dict[str, type[StrEnum]] = {
    "kind": vocabulary.EntryKind,
    "tag": vocabulary.EntryTag,
    "priority": vocabulary.Priority,
    "rating": vocabulary.Rating,
    "domain": vocabulary.PoeteDomain,  # a plan action's POETE domain
    "action_status": vocabulary.ActionStatus,
    "check": vocabulary.CheckStatus,  # an expected response's verdict: obtenue / partielle / manquée
    "retex_status": vocabulary.RetexStatus,  # projet / validé
}

# Codes whose word is an exercise term of the core glossary.
_GLOSSARY_TERMS = {("stage", "hotwash"): "hotwash"}

# Words only the interface shows: French source text, translated at lookup ("Labels" context).
# "{startex}" and "{endex}" are filled with the glossary's terms.
_UI_WORDS: dict[str, dict[str, str]] = {
    "tag_short": {  # the compact mark in the log table
        "strength": QT_TRANSLATE_NOOP("Labels", "+ fort"),
        "improvement": QT_TRANSLATE_NOOP("Labels", "△ amél."),
    },
    "stage": {
        "briefing": QT_TRANSLATE_NOOP("Labels", "briefing"),
        "play": QT_TRANSLATE_NOOP("Labels", "jeu"),
    },
    "channel": {
        "phone": QT_TRANSLATE_NOOP("Labels", "Téléphone"),
        "email": QT_TRANSLATE_NOOP("Labels", "Courriel"),
        "radio": QT_TRANSLATE_NOOP("Labels", "Radio"),
        "news": QT_TRANSLATE_NOOP("Labels", "Flash info"),
        "social": QT_TRANSLATE_NOOP("Labels", "Réseaux sociaux"),
        "field": QT_TRANSLATE_NOOP("Labels", "Remontée terrain"),
        "document": QT_TRANSLATE_NOOP("Labels", "Document"),
        "face": QT_TRANSLATE_NOOP("Labels", "En personne"),
    },
    "status": {  # a timeline row (see timeline_model.display_status)
        "pending": QT_TRANSLATE_NOOP("Labels", "À venir"),
        "next": QT_TRANSLATE_NOOP("Labels", "Prochain"),
        "due": QT_TRANSLATE_NOOP("Labels", "À déclencher"),
        "late": QT_TRANSLATE_NOOP("Labels", "En retard"),
        "fired": QT_TRANSLATE_NOOP("Labels", "Déclenché"),
        "misfired": QT_TRANSLATE_NOOP("Labels", "Déclenché par erreur"),
        "skipped": QT_TRANSLATE_NOOP("Labels", "Annulé"),  # the glossary's term (vocabulary "skipped")
        "delayed": QT_TRANSLATE_NOOP("Labels", "Retardé"),
        "unplayed": QT_TRANSLATE_NOOP("Labels", "Non joué"),
    },
    "clock_state": {  # ClockState member names
        "READY": QT_TRANSLATE_NOOP("Labels", "Prêt — avant {startex}"),
        "RUNNING": QT_TRANSLATE_NOOP("Labels", "En cours"),
        "PAUSED": QT_TRANSLATE_NOOP("Labels", "En pause"),
        "ENDED": QT_TRANSLATE_NOOP("Labels", "Terminé — {endex}"),
    },
    "role_kind": {
        "directorate": QT_TRANSLATE_NOOP("Labels", "Direction"),
        "partner": QT_TRANSLATE_NOOP("Labels", "Partenaire"),
        "simulated": QT_TRANSLATE_NOOP("Labels", "Joué par l'animation"),
    },
}


def code_label(group: str, code: str) -> str:
    """The word for ``code`` of ``group`` (``"channel"``, ``"status"``, ``"kind"``...) in the interface's language.

    A code we do not know (an objective id used as a tag, a channel from a newer package)
    is shown as it is.
    """
    glossary_key = _GLOSSARY_TERMS.get((group, code))
    if glossary_key is not None:
        return term(glossary_key)
    codes = _CORE_CODES.get(group)
    if codes is not None:
        try:
            return vocabulary.code_label(codes(code), ui_language())
        except ValueError:
            return code
    source = _UI_WORDS[group].get(code)
    if source is None:
        return code
    text = QCoreApplication.translate("Labels", source)
    return text.format(startex=term("startex"), endex=term("endex")) if "{" in text else text


def all_roles_label() -> str:
    """Return the label for an inject sent to every role."""
    return QCoreApplication.translate("Labels", "Tous")


# -- names kept for code written before code_label() (other branches in flight) -----------------
# New code calls code_label(group, code), ui.palette and ui.error_sentences directly.


def kind_label(kind: str) -> str:
    return code_label("kind", kind)


def tag_label(tag: str) -> str:
    return code_label("tag", tag)


def tag_short_label(tag: str) -> str:
    return code_label("tag_short", tag)


def stage_label(stage: str) -> str:
    return code_label("stage", stage)


def check_label(status: str) -> str:
    return code_label("check", status)


def rating_label(rating: str) -> str:
    return code_label("rating", rating)


def priority_label(priority: str) -> str:
    return code_label("priority", priority)


def domain_label(domain: str) -> str:
    """A plan action's POETE domain, in the interface's language (the core's words, as in the report)."""
    return code_label("domain", domain)


def action_status_label(status: str) -> str:
    """A plan action's status, in the interface's language."""
    return code_label("action_status", status)


def retex_status_label(status: str) -> str:
    """The RETEX document's status (projet / validé), in the interface's language."""
    return code_label("retex_status", status)


def channel_label(channel: str) -> str:
    return code_label("channel", channel)


def status_label(status: str) -> str:
    return code_label("status", status)


def clock_state_label(state_name: str) -> str:
    return code_label("clock_state", state_name)


def role_kind_label(kind: str) -> str:
    return code_label("role_kind", kind)


from ui.error_sentences import error_reason, error_text  # noqa: E402, F401  (after term: it imports it)
from ui.palette import (  # noqa: E402, F401
    BG_FAILED,
    BG_HEADER,
    BG_IMPROVEMENT,
    BG_OVERDUE,
    BG_SAVING,
    BG_STRENGTH,
    COLOR_CORRECTED,
    COLOR_FAILED,
    COLOR_MET,
    COLOR_MISSED,
    COLOR_MUTED,
    COLOR_OVERDUE,
    COLOR_PARTIAL,
    COLOR_SAVED,
    COLOR_SAVING,
    check_color,
    rating_color,
)
