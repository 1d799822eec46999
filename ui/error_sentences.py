"""GUI: what to tell the user when the core refuses or fails — one translated sentence per error code.

The core raises ``SessionError`` with a stable ``code`` and ``params``
(crisisdesk/session/errors.py); this module turns them into French sentences (English
through the catalogue), and says what became of a write that failed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
    from ui.labels import term  # here: ui.labels re-exports this module's names

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
        "damaged": QCoreApplication.translate(
            "Errors", "Le fichier de session « {name} » est endommagé ({reason}) ; ouvrez-en une copie de sauvegarde "
                      "si vous en avez une."),
        "pending_file_invalid": QCoreApplication.translate(
            "Errors", "« {path} » n'est pas un fichier de saisies non enregistrées utilisable ({reason})."),
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
        # a session on a PostgreSQL server (crisisdesk/session/server_errors.py)
        "bad_url": QCoreApplication.translate(
            "Errors", "Adresse de session incorrecte « {url} » : {reason}. Forme attendue : "
                      "postgresql://utilisateur@serveur/base?session=nom"),
        "unreachable": QCoreApplication.translate(
            "Errors", "Le serveur de « {path} » ne répond pas : vérifiez l'adresse, le port et le réseau."),
        "bad_password": QCoreApplication.translate(
            "Errors", "Le serveur a refusé l'utilisateur ou le mot de passe pour « {path} »."),
        "no_such_database": QCoreApplication.translate(
            "Errors", "La base de données de « {path} » n'existe pas sur ce serveur."),
        "permission_denied": QCoreApplication.translate(
            "Errors", "Accès refusé par le serveur pour « {path} » : demandez les droits à son administrateur."),
        "no_such_session": QCoreApplication.translate(
            "Errors", "Aucune session de ce nom dans cette base : « {path} »."),
        "connection_lost": QCoreApplication.translate(
            "Errors", "la connexion au serveur de « {name} » est perdue"),
        "server_busy": QCoreApplication.translate(
            "Errors", "le serveur de « {name} » est surchargé ({reason})"),
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
