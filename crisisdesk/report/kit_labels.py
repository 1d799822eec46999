"""The printed kits' own words in each exercise language (kept apart from the RETEX labels).

Only what is the kits' own is spelled here. A word the kits share with the report comes
from the report's table (``crisisdesk/report/labels.py``, ``SHARED_WITH_REPORT``), an
exercise term from the core glossary (``crisisdesk/vocabulary.py``: ``{controller}``,
``{msel}``, ``{main_courante}`` … in a text), and the rating words from the codes' labels:
one source for each word, so the kits and the report cannot drift apart.

French typography: a narrow no-break space (U+202F) before « ; : ! ? » and inside
guillemets, a no-break space (U+00A0) where a line must not break (« T+ 0:05 »).
"""

from __future__ import annotations

from crisisdesk.report.labels import LABELS, language_of
from crisisdesk.vocabulary import GLOSSARY, CheckStatus, Rating, code_label, term

NNBSP = "\u202f"
NBSP = "\u00a0"
APOSTROPHE = "\u2019"

# Kit key -> the report's key for the same word (the same in every language).
SHARED_WITH_REPORT: dict[str, str] = {
    **{key: key for key in ("page", "of", "phases", "phase", "role", "channel", "title", "within", "objectives",
                            "role_kind_directorate", "role_kind_partner", "role_kind_simulated",
                            "ch_phone", "ch_email", "ch_radio", "ch_news", "ch_social", "ch_field",
                            "ch_document", "ch_face")},
    "duration": "duration_planned",
    "all_played": "all_played_roles",
    "id": "seq",
    "body": "text",
    "expected": "expected_responses",
    "card_from": "from",
    "card_mission": "mission",
}

KIT_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "kit_animateur": "Kit animateur",
        "kit_observateur": "Kit observateur",
        "kit_joueur": "Kit joueur",
        "sub_animateur": "Chronogramme de conduite et cartes d'injects",
        "sub_observateur": "Grille d'observation",
        "sub_joueur": "Règles du jeu, fiches de rôle et glossaire",
        "staff_only": f"Document de l'équipe d'animation{NBSP}— ne pas remettre aux joueurs",
        "players_ok": "Document remis aux joueurs avant l'exercice",
        "colon": f"{NNBSP}:",
        "generated": "Produit par crisisdesk à partir du paquet d'exercice",
        "from_to": "De → à",
        "injects_count": "injects",
        "roles": "Rôles",
        "played": "joué",
        "simulated": "simulé ({controller})",
        "role_codes": "Sigles des rôles",
        "starts_at": "début à",
        "scenario_time": "Heure du scénario",
        "delivered": "Envoyé",
        "code": "Sigle",
        # run-sheet
        "runsheet": "Chronogramme de conduite",
        "runsheet_intro": "Chaque inject dans l'ordre du temps, avec son texte complet, les réponses attendues "
                          "et les consignes d'animation. Cocher la case à l'envoi et noter l'heure réelle.",
        "overview": "Vue d'ensemble",
        "no_expected": "Aucune réponse attendue.",
        "due": "échéance",
        "notes": "Consignes d'animation",
        "attachments": "Pièces jointes",
        "sets": "Indicateurs mis à jour",
        "manual": "à la main",
        "manual_note": "Inject manuel : n'est envoyé que sur décision de l'animation.",
        "contingency": "{contingency}",
        "contingency_note": "{Contingency}{colon} à jouer seulement si la réponse attendue à {id} "
                            "ne vient pas.",
        "sent_at": "Envoyé à",
        "phase_jump": "Saut de phase",
        # cards
        "cards": "Cartes d'injects",
        "cards_intro": "Une carte par inject, à découper, à remettre au destinataire ou à lire au téléphone. "
                       "Les cartes ne portent ni les consignes d'animation ni les réponses attendues.",
        "card_to": "Pour",
        "cards_footer": "Cartes d'injects — à découper, pour les joueurs",
        "exercise_mark": "EXERCICE EXERCICE EXERCICE",
        # observer
        "by_role": "Réponses attendues par rôle",
        "by_objective": "Réponses attendues par objectif",
        "observer_intro": "Pour chaque réponse attendue{colon} l'inject qui la déclenche, la fenêtre où elle "
                          "est attendue et les critères qu'elle sert. Cocher une case et noter ce qui a été "
                          "fait, par qui et à quelle heure.",
        "window": "Fenêtre",
        "criteria": "Critères",
        "observed_at": "Heure constatée",
        "notes_lines": "Notes",
        "nothing_expected_role": "Aucune réponse attendue de ce rôle.",
        "nothing_expected_objective": "Aucune réponse attendue ne sert cet objectif.",
        "objectives_section": "Objectifs et critères",
        "scale": "Échelle d'évaluation P / S / M / U",
        "scale_intro": "À la fin de l'exercice, chaque objectif reçoit une note sur l'échelle suivante, "
                       "au vu des critères et des réponses observées.",
        "rating": "Note",
        "rating_P_hint": "L'objectif est atteint ; ce qui a été fait n'a pas gêné la réponse et ne crée pas de risque.",
        "rating_S_hint": "L'objectif est atteint, mais des points à améliorer ont été relevés.",
        "rating_M_hint": "L'objectif est atteint en partie ou avec des difficultés qui ont pesé sur la réponse.",
        "rating_U_hint": "Les actions attendues n'ont pas été réalisées.",
        "criterion_served": "servi par",
        "no_criteria": "Aucun critère défini.",
        "other": "Sans objectif",
        # player
        "rules": "Règles du jeu",
        "rules_what": "Ce qui est joué, ce qui est simulé",
        "rules_what_text": "L'exercice est un jeu de rôle sur table. Vous jouez votre propre fonction, avec vos "
                           "procédures habituelles. Les événements, les chiffres de situation et les messages "
                           "reçus sont scénarisés{colon} ils suivent le {msel} prévu.",
        "rules_time": "Le temps",
        "rules_time_text": "Le jeu dure {duration}. L'heure du scénario avance plus vite que l'horloge et "
                           "saute d'une phase à la suivante{colon}",
        "rules_call": "Qui appeler",
        "rules_call_text": "Aucun appel réel vers l'extérieur. Les acteurs absents de la table sont joués par "
                           "la {controller}{colon} pour joindre l'un d'eux, adressez-vous à elle.",
        "rules_mark": "La mention EXERCICE",
        "rules_mark_text": "Tout message écrit ou dit pendant le jeu — courriel, appel, note, {main_courante} — "
                           "commence et finit par «{nnbsp}EXERCICE EXERCICE EXERCICE{nnbsp}». En cas d'urgence "
                           "réelle, dites «{nnbsp}HORS EXERCICE{nnbsp}»{colon} le jeu s'arrête.",
        "rules_log": "La {main_courante}",
        "rules_log_text": "Chaque décision est notée avec son heure, son auteur et le responsable de sa mise "
                          "en œuvre.",
        "rules_channels": "Les messages vous arrivent par{colon}",
        "role_cards": "Fiches de rôle",
        "glossary": "Glossaire",
        "glossary_intro": "Les termes de l'exercice, puis ceux du scénario.",
        "card_decisions": "Décisions attendues de vous",
        "card_resources": "Vos moyens",
        "card_contacts": "Vos contacts",
        "card_footer": "EXERCICE — document de jeu, ne pas diffuser",
    },
    "en": {
        "kit_animateur": "Control kit",
        "kit_observateur": "Observer kit",
        "kit_joueur": "Player kit",
        "sub_animateur": "Run-sheet and inject cards",
        "sub_observateur": "Observation sheets",
        "sub_joueur": "Rules of play, role cards and glossary",
        "staff_only": "Exercise staff only — not for players",
        "players_ok": "Handed to the players before the exercise",
        "colon": ":",
        "generated": "Made by crisisdesk from the exercise package",
        "from_to": "From → to",
        "injects_count": "injects",
        "roles": "Roles",
        "played": "played",
        "simulated": "simulated ({controller})",
        "role_codes": "Role codes",
        "starts_at": "starts at",
        "scenario_time": "Scenario time",
        "delivered": "Sent",
        "code": "Code",
        "runsheet": "Run-sheet",
        "runsheet_intro": "Every inject in time order, with its full text, the expected responses and the "
                          "controller notes. Tick the box when it is sent and write the actual time.",
        "overview": "Overview",
        "no_expected": "No expected response.",
        "due": "due",
        "notes": "Controller notes",
        "attachments": "Attachments",
        "sets": "Indicators updated",
        "manual": "manual",
        "manual_note": "Manual inject: sent only when the {controller} decides to.",
        "contingency": "{contingency}",
        "contingency_note": "Contingency inject: play it only if the response expected to {id} does not come.",
        "sent_at": "Sent at",
        "phase_jump": "Phase jump",
        "cards": "Inject cards",
        "cards_intro": "One card per inject, to cut out and hand to the addressee or read out on the phone. "
                       "Cards carry neither controller notes nor expected responses.",
        "card_to": "To",
        "cards_footer": "Inject cards — to cut out, for the players",
        "exercise_mark": "EXERCISE EXERCISE EXERCISE",
        "by_role": "Expected responses by role",
        "by_objective": "Expected responses by objective",
        "observer_intro": "For each expected response: the inject that triggers it, the window in which it is "
                          "expected and the criteria it serves. Tick one box and note what was done, by whom "
                          "and when.",
        "window": "Window",
        "criteria": "Criteria",
        "observed_at": "Time seen",
        "notes_lines": "Notes",
        "nothing_expected_role": "No response is expected from this role.",
        "nothing_expected_objective": "No expected response serves this objective.",
        "objectives_section": "Objectives and criteria",
        "scale": "Rating scale P / S / M / U",
        "scale_intro": "At the end of the exercise, each objective is rated on this scale, from the criteria "
                       "and the responses observed.",
        "rating": "Rating",
        "rating_P_hint": "The objective was met; nothing done hindered the response or created a risk.",
        "rating_S_hint": "The objective was met, but points to improve were noted.",
        "rating_M_hint": "The objective was partly met, or with difficulties that weighed on the response.",
        "rating_U_hint": "The expected actions were not performed.",
        "criterion_served": "served by",
        "no_criteria": "No criteria defined.",
        "other": "No objective",
        "rules": "Rules of play",
        "rules_what": "What is played, what is simulated",
        "rules_what_text": "The exercise is a tabletop role play. You play your own job, with your usual "
                           "procedures. Events, situation figures and incoming messages are scripted: they "
                           "follow the planned timeline.",
        "rules_time": "Time",
        "rules_time_text": "Play lasts {duration}. Scenario time runs faster than the clock and jumps from one "
                           "phase to the next:",
        "rules_call": "Whom to call",
        "rules_call_text": "No real call goes outside. Actors absent from the table are played by the {controller}: "
                           "to reach one of them, go through it.",
        "rules_mark": "The EXERCISE marking",
        "rules_mark_text": "Every message written or spoken during play — e-mail, call, note, log — starts "
                           "and ends with \"EXERCISE EXERCISE EXERCISE\". In a real emergency, say "
                           "\"NO PLAY\": the exercise stops.",
        "rules_log": "The log",
        "rules_log_text": "Each decision is logged with its time, who took it and who carries it out.",
        "rules_channels": "Messages reach you by:",
        "role_cards": "Role cards",
        "glossary": "Glossary",
        "glossary_intro": "The exercise's words, then the scenario's.",
        "card_decisions": "Decisions expected from you",
        "card_resources": "Your resources",
        "card_contacts": "Your contacts",
        "card_footer": "EXERCISE — play document, do not circulate",
    },
}


def kit_labels(language: str) -> dict[str, str]:
    """The kit words of ``language`` (French when unknown), with {colon}/{nnbsp} and the glossary's terms filled in."""
    lang = language if language in KIT_LABELS else "fr"
    report = LABELS[language_of(lang)]
    words = {
        **{key: report[source] for key, source in SHARED_WITH_REPORT.items()},
        **{f"rating_{code.value}": code_label(code, lang) for code in Rating},
        # The observer sheet's boxes say what the report and the screens say of a check.
        **{code.value: code_label(code, lang).capitalize() for code in CheckStatus},
        **KIT_LABELS[lang],
    }
    filled = {key: _fill(value, words["colon"], lang) for key, value in words.items()}
    if lang == "fr":  # the typographic apostrophe, kept out of the source for easy typing
        filled = {key: value.replace("'", APOSTROPHE) for key, value in filled.items()}
    return filled


def _fill(text: str, colon: str, language: str) -> str:
    # Only the typography placeholders and the glossary's terms are filled here;
    # {id}, {duration} stay for the template.
    text = text.replace("{colon}", colon).replace("{nnbsp}", NNBSP)
    for key in GLOSSARY[language]:
        text = text.replace("{" + key + "}", term(key, language))
        text = text.replace("{" + key.capitalize() + "}", term(key, language).capitalize())  # at a sentence start
    return text
