"""GUI: how the core's codes are shown — translatable names, error sentences and status colours.

One place for every code the core hands to the interface (channels, statuses, clock
states, role kinds, entry kinds, tags, stages, checks, ratings, priorities), so the
console, the observers' windows and the room display use the same words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from crisisdesk import vocabulary
from crisisdesk.vocabulary import CHECK_STATUSES, PRIORITIES, RATINGS  # noqa: F401 (the UI's code lists)
from crisisdesk.vocabulary import ENTRY_KINDS as KIND_ORDER  # noqa: F401

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


def ui_language() -> str:
    """The interface's language for the core's glossary: English when the English catalogue is in force."""
    return "en" if QLocale().language() == QLocale.Language.English else "fr"


def term(key: str) -> str:
    """An exercise term (``startex``, ``endex``, ``hotwash``...) in the interface's language, from the core glossary.

    French follows the ANSSI guide (DEBEX, FINEX), English HSEEP (STARTEX, ENDEX), as the report does.
    """
    return vocabulary.term(key, ui_language())


def kind_label(kind: str) -> str:
    """Return the label of an entry kind code, in the interface's language (the core's words, as in the report)."""
    return _code_label(vocabulary.EntryKind, kind)


def _code_label(codes: type, code: str) -> str:
    try:
        return vocabulary.code_label(codes(code), ui_language())
    except ValueError:
        return code  # not one of ours: shown as it is


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
    """Return the label of an improvement priority, in the interface's language (the core's words)."""
    return _code_label(vocabulary.Priority, priority)


def domain_label(domain: str) -> str:
    """A plan action's POETE domain, in the interface's language (the core's words, as in the report)."""
    return _code_label(vocabulary.PoeteDomain, domain)


def action_status_label(status: str) -> str:
    """A plan action's status, in the interface's language."""
    return _code_label(vocabulary.ActionStatus, status)


def retex_status_label(status: str) -> str:
    """The RETEX document's status (projet / validé), in the interface's language."""
    return _code_label(vocabulary.RetexStatus, status)


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
        "misfired": QCoreApplication.translate("Labels", "Déclenché par erreur"),
        "skipped": QCoreApplication.translate("Labels", "Annulé"),  # the glossary's term (vocabulary "skipped")
        "delayed": QCoreApplication.translate("Labels", "Retardé"),
        "unplayed": QCoreApplication.translate("Labels", "Non joué"),
    }
    return labels.get(status, status)


def clock_state_label(state_name: str) -> str:
    """Return the display name of an exercise clock state (ClockState member name)."""
    labels = {
        "READY": QCoreApplication.translate("Labels", "Prêt — avant {startex}").format(startex=term("startex")),
        "RUNNING": QCoreApplication.translate("Labels", "En cours"),
        "PAUSED": QCoreApplication.translate("Labels", "En pause"),
        "ENDED": QCoreApplication.translate("Labels", "Terminé — {endex}").format(endex=term("endex")),
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


class _ErrorParams(dict):
    """The values an error message names: lists joined, the file's name beside its path, '?' if missing."""

    def __missing__(self, key: str) -> str:
        return "?"


def _error_params(params: dict) -> _ErrorParams:
    shown = _ErrorParams()
    for key, value in params.items():
        shown[key] = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    if "path" in params and "name" not in params:
        shown["name"] = str(params["path"]).replace("\\", "/").rsplit("/", 1)[-1]
    return shown


def _error_templates() -> dict[str, str]:
    """The French sentence for each stable ``SessionError.code`` (crisisdesk/session/errors.py)."""
    unknown_value = QCoreApplication.translate(
        "Errors", "Valeur « {value} » inconnue (valeurs possibles : {allowed}).")
    no_attachment = QCoreApplication.translate("Errors", "Pièce jointe introuvable dans l'exercice : {path}.")
    return {
        "not_a_session": QCoreApplication.translate(
            "Errors", "« {name} » n'est pas un fichier de session crisisdesk, ou il est endommagé."),
        "newer_version": QCoreApplication.translate(
            "Errors", "« {name} » a été écrit par une version plus récente de crisisdesk "
                      "(format {version}, cette version lit jusqu'au format {supported}) : "
                      "mettez crisisdesk à jour."),
        "no_such_file": QCoreApplication.translate("Errors", "Le fichier « {path} » n'existe pas."),
        "no_such_folder": QCoreApplication.translate("Errors", "Le dossier « {path} » n'existe pas."),
        "file_exists": QCoreApplication.translate(
            "Errors", "« {path} » existe déjà : choisissez un autre nom."),
        "read_only": QCoreApplication.translate(
            "Errors", "« {name} » ne peut pas être modifié : fichier ou dossier en lecture seule, "
                      "ou session ouverte en lecture seule."),
        "locked": QCoreApplication.translate(
            "Errors", "le fichier « {name} » est verrouillé par un autre programme."),
        "disk_full": QCoreApplication.translate("Errors", "le disque est plein (« {name} »)."),
        "io_error": QCoreApplication.translate("Errors", "erreur d'écriture sur le disque (« {name} »)."),
        "write_failed": QCoreApplication.translate(
            "Errors", "l'enregistrement dans « {name} » a échoué ({reason})."),
        "open_failed": QCoreApplication.translate("Errors", "Impossible d'ouvrir « {name} » ({reason})."),
        "read_failed": QCoreApplication.translate("Errors", "Impossible de lire « {name} » ({reason})."),
        "create_failed": QCoreApplication.translate("Errors", "Impossible de créer « {name} » ({reason})."),
        "upgrade_failed": QCoreApplication.translate(
            "Errors", "Impossible de mettre « {name} » au format de cette version ({reason})."),
        "package_unreadable": QCoreApplication.translate(
            "Errors", "Les fichiers de l'exercice « {path} » ne peuvent pas être lus ({reason})."),
        "package_invalid": QCoreApplication.translate(
            "Errors", "L'exercice enregistré dans « {name} » ne peut pas être chargé :\n{reason}"),
        "bad_path": no_attachment,
        "no_such_attachment": no_attachment,
        "export_failed": QCoreApplication.translate("Errors", "Impossible d'écrire « {path} » ({reason})."),
        "closed": QCoreApplication.translate("Errors", "La session « {name} » est fermée."),
        "not_started": QCoreApplication.translate(
            "Errors", "L'exercice n'a pas encore commencé ({startex}).").replace("{startex}", term("startex")),
        "ended": QCoreApplication.translate("Errors", "L'exercice est terminé ({endex}).").replace("{endex}", term("endex")),
        "already_started": QCoreApplication.translate("Errors", "L'exercice a déjà commencé."),
        "not_running": QCoreApplication.translate(
            "Errors", "L'exercice n'est pas en cours : il est en pause."),
        "not_paused": QCoreApplication.translate("Errors", "L'exercice n'est pas en pause."),
        "already_fired": QCoreApplication.translate(
            "Errors", "L'inject {inject_id} a déjà été déclenché (peut-être depuis une autre fenêtre)."),
        "already_skipped": QCoreApplication.translate(
            "Errors", "L'inject {inject_id} a déjà été annulé (peut-être depuis une autre fenêtre)."),
        "not_automatic": QCoreApplication.translate(
            "Errors", "L'inject {inject_id} ne se déclenche plus automatiquement."),
        "nothing_to_fire": QCoreApplication.translate("Errors", "Plus aucun inject à déclencher."),
        "last_phase": QCoreApplication.translate("Errors", "L'exercice est déjà dans sa dernière phase."),
        "zero_minutes": QCoreApplication.translate("Errors", "Un décalage de 0 minute ne change rien."),
        "nothing_to_change": QCoreApplication.translate(
            "Errors", "Rien à modifier dans l'inject {inject_id}."),
        "unknown_inject": QCoreApplication.translate("Errors", "Inject inconnu : {inject_id}."),
        "unknown_role": QCoreApplication.translate("Errors", "Rôle inconnu : {role}."),
        "unknown_indicator": QCoreApplication.translate("Errors", "Indicateur inconnu : {indicator_id}."),
        "unknown_objective": QCoreApplication.translate("Errors", "Objectif inconnu : {objective_id}."),
        "unknown_entry": QCoreApplication.translate(
            "Errors", "Entrée de main courante inconnue : {entry_id}."),
        "unknown_kind": unknown_value,
        "unknown_tag": unknown_value,
        "unknown_status": unknown_value,
        "unknown_rating": unknown_value,
        "unknown_item": QCoreApplication.translate(
            "Errors", "L'inject {inject_id} n'a pas de réponse attendue n° {value}."),
        "not_fired": QCoreApplication.translate(
            "Errors", "L'inject {inject_id} n'a pas encore été déclenché : rien à constater."),
        "already_corrected": QCoreApplication.translate(
            "Errors", "Cette entrée a déjà été corrigée ({by}) : corrigez sa dernière version."),
        "bad_id": QCoreApplication.translate("Errors", "Identifiant invalide : {value}."),
        "bad_value": QCoreApplication.translate("Errors", "Valeur invalide pour « {field} » : {value}."),
        "bad_date": QCoreApplication.translate("Errors", "« {value} » n'est pas une date (AAAA-MM-JJ)."),
        "empty": QCoreApplication.translate("Errors", "Ce champ ne peut pas être vide : {field}."),
        "not_editable": QCoreApplication.translate(
            "Errors", "Champ non modifiable : {field} (modifiables : {allowed})."),
    }




def error_reason(error: BaseException) -> str:
    """Return why ``error`` happened, in one translated sentence (no word on what became of the data).

    Uses the core's stable ``code`` and ``params``; an error without a known code is
    shown with a generic sentence that keeps its English detail (for the support desk).
    """
    code = getattr(error, "code", None)
    template = _error_templates().get(code) if isinstance(code, str) else None
    if template is None:
        return QCoreApplication.translate("Errors", "L'opération n'a pas abouti. Détail : {detail}").format(
            detail=str(error) or type(error).__name__)
    text = template.format_map(_error_params(dict(getattr(error, "params", None) or {})))
    return text[:1].upper() + text[1:]


def error_text(error: BaseException) -> str:
    """Return what to tell the user about ``error``: why (``error_reason``) and, for a failed write, what was kept.

    A main-courante write that failed is kept and retried (nothing typed is lost), a
    controller action that failed changed nothing: the sentence says which.
    """
    reason = error_reason(error)
    pending = getattr(error, "pending", None)
    if pending is None:  # not a WriteFailedError
        return reason
    text = QCoreApplication.translate("Errors", "Non enregistré : {reason}").format(
        reason=reason[:1].lower() + reason[1:])
    if not pending:
        outcome = QCoreApplication.translate("Errors", "Rien n'a été modifié : réessayez.")
    elif (getattr(error, "params", None) or {}).get("journaled", True) is False:
        outcome = QCoreApplication.translate(
            "Errors", "Gardé en mémoire seulement : exportez les saisies non enregistrées avant de fermer.")
    else:
        outcome = QCoreApplication.translate(
            "Errors", "La saisie est gardée et sera enregistrée dès que le fichier l'acceptera.")
    return f"{text} {outcome}"
