"""The columns and sheets crisisdesk writes, shared by the export and the import.

One place, so that a chronogramme exported by crisisdesk is read back exactly: its
headers are among the recognised ones, and its side sheets (roles, objectives,
phases, exercise, indicators) are found again by name.
"""

from __future__ import annotations

from crisisdesk.msel.times import normalise

# (meaning, header) of the chronogramme sheet, in the order written
INJECT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "N°"),
    ("time", "T+"),
    ("scenario", "Date et heure scénario"),
    ("phase", "Phase"),
    ("sender", "Émetteur"),
    ("to", "Destinataires"),
    ("channel", "Canal"),
    ("title", "Titre"),
    ("body", "Message"),
    ("expected", "Réactions attendues"),
    ("objectives", "Objectifs"),
    ("notes", "Notes"),
    ("manual", "Manuel"),
    ("contingency_for", "Secours pour"),
    ("attachments", "Pièces jointes"),
    ("sets", "Indicateurs modifiés"),
)
# columns added when a played session is exported
SESSION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("planned", "Prévu (T+)"),
    ("actual", "Réel (T+)"),
    ("actual_scenario", "Heure scénario réelle"),
    ("status", "Statut"),
    ("verdicts", "Verdicts des observateurs"),
)

CHANNEL_LABELS = {
    "fr": {"phone": "Téléphone", "email": "Courriel", "radio": "Radio", "news": "Presse / TV",
           "social": "Réseaux sociaux", "field": "Terrain", "document": "Document", "face": "En personne"},
    "en": {"phone": "Phone", "email": "E-mail", "radio": "Radio", "news": "Press / TV",
           "social": "Social media", "field": "Field", "document": "Document", "face": "Face to face"},
}
EVERYONE = {"fr": "Tous", "en": "All"}
EVERYONE_WORDS = {"tous", "toutes", "tous les roles", "tout le monde", "all", "everyone", "everybody", "all players",
                  "ensemble des acteurs", "tous les acteurs", "toutes les cellules", "tous les joueurs", "all roles"}
YES_WORDS = {"oui", "o", "x", "yes", "y", "true", "vrai", "1", "manuel", "manual"}
NO_WORDS = {"non", "n", "no", "false", "faux", "0", ""}

ROLE_KIND_LABELS = {"directorate": "Direction", "partner": "Partenaire", "simulated": "Simulé (animation)"}

SHEET_INJECTS = "Chronogramme"
SHEET_ROLES = "Rôles"
SHEET_OBJECTIVES = "Objectifs"
SHEET_PHASES = "Phases"
SHEET_EXERCISE = "Exercice"
SHEET_INDICATORS = "Indicateurs"

# side sheet -> (field, header) in the order written
ROLE_COLUMNS = (("id", "Code"), ("name", "Nom"), ("kind", "Type"), ("mission", "Mission"),
                ("decisions", "Décisions"), ("resources", "Moyens"), ("contacts", "Contacts"), ("color", "Couleur"))
OBJECTIVE_COLUMNS = (("id", "Code"), ("title", "Objectif"), ("criteria", "Critères"))
PHASE_COLUMNS = (("at", "Début (T+)"), ("title", "Titre"), ("scenario_time", "Heure scénario au début"),
                 ("scale", "Échelle"))
INDICATOR_COLUMNS = (("id", "Code"), ("label", "Libellé"), ("unit", "Unité"), ("initial", "Valeur initiale"))
EXERCISE_COLUMNS = (("field", "Champ"), ("value", "Valeur"))
# timezone, issuer, distribution: the report's (cover, page header, times); written only when set
EXERCISE_FIELDS = ("id", "title", "language", "summary", "duration", "timezone", "issuer", "distribution")

SIDE_SHEETS = {
    "roles": (SHEET_ROLES, "roles", "role", "cartes de role", "role cards"),
    "objectives": (SHEET_OBJECTIVES, "objectives", "objectif"),
    "phases": (SHEET_PHASES, "phase"),
    "exercise": (SHEET_EXERCISE, "exercise"),
    "indicators": (SHEET_INDICATORS, "indicators", "indicateur"),
}


def side_sheet_kind(name: str) -> str | None:
    """Which side sheet a sheet name is (``roles``, ``objectives``…), or None."""
    key = normalise(name)
    for kind, names in SIDE_SHEETS.items():
        if key in {normalise(n) for n in names}:
            return kind
    return None


def word_key(text: str) -> str:
    return normalise(text).strip(" .")
