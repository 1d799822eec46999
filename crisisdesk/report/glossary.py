"""The glossary printed in the player kit: exercise words, and crisis terms a package uses.

The exercise's own words (DEBEX, inject, main courante…) are always printed: players
meet them whatever the scenario. A domain term (ARS, délestage…) is printed only when
the package's text uses it, so a flood exercise does not explain heat-wave acronyms.
Issue 11 moves a glossary per language into ``crisisdesk/vocabulary.py``; until it
lands, the terms live here, in the kit's two languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    always: bool = False  # an exercise word, printed whatever the package says
    match: str = ""  # what to look for in the package text when it differs from ``term``


# (term, definition, always, match) per language. Acronyms match case-sensitively as
# whole words; other terms case-insensitively.
_FR = (
    Term("EXERCICE", "Mention portée en tête et en fin de chaque message joué, pour qu'aucun "
         "message de l'exercice ne soit pris pour un message réel (« EXERCICE EXERCICE EXERCICE »).", True),
    Term("DEBEX / FINEX", "Début et fin de l'exercice (du jeu). Le retour à chaud suit la FINEX.", True),
    Term("Inject (stimulus)", "Message scénarisé — appel, courriel, flash info, remontée de terrain… — "
         "que la cellule d'animation adresse aux joueurs à une heure prévue.", True),
    Term("Chronogramme", "Liste horodatée de tous les injects, de la DEBEX à la FINEX.", True),
    Term("Cellule d'animation", "Équipe qui conduit l'exercice et joue tous les acteurs absents de la "
         "table (les rôles simulés). C'est elle qu'on appelle pour joindre l'un d'eux.", True),
    Term("Rôle joué / rôle simulé", "Un rôle joué est tenu par un joueur à la table ; un rôle simulé est "
         "joué par la cellule d'animation.", True),
    Term("Main courante", "Registre horodaté des faits, décisions et actions de la cellule de crise : "
         "chaque décision y figure avec son heure, son auteur et le responsable de sa mise en œuvre.", True),
    Term("T+", "Temps écoulé depuis la DEBEX (T+1:15 : une heure et quart après le début du jeu).", True),
    Term("Heure du scénario", "Date et heure fictives de la situation jouée ; elle avance plus vite que "
         "l'horloge et peut sauter d'une phase à la suivante.", True),
    Term("Point de situation", "Réunion courte et régulière de la cellule : situation, actions en cours, "
         "décisions, besoins, anticipation.", False, "point de situation|points de situation"),
    Term("Observateur", "Membre de l'équipe d'exercice qui suit un rôle ou un objectif, note ce qui est "
         "fait et quand, sans intervenir dans le jeu.", True),
    Term("RETEX", "Retour d'expérience : à chaud juste après la FINEX, puis à froid, avec un plan d'actions.", True),
    Term("3975", "Numéro d'information des Parisiens (Ville de Paris)."),
    Term("Airparif", "Observatoire de la qualité de l'air en Île-de-France (ozone, particules)."),
    Term("AP-HP", "Assistance publique – Hôpitaux de Paris."),
    Term("ARS", "Agence régionale de santé : pilote la réponse sanitaire de l'État dans la région."),
    Term("BSPP", "Brigade de sapeurs-pompiers de Paris."),
    Term("CASVP", "Centre d'action sociale de la Ville de Paris."),
    Term("COD", "Centre opérationnel départemental, réuni par le préfet."),
    Term("COZ", "Centre opérationnel de zone : centre de crise de la préfecture de police pour la zone "
         "de défense et de sécurité de Paris."),
    Term("Délestage", "Coupure volontaire et tournante de l'électricité de certains secteurs, décidée "
         "par les gestionnaires de réseau pour éviter une panne générale.", False, "délestage|délestages"),
    Term("DOS", "Directeur des opérations de secours : il décide et coordonne les secours (ici le préfet)."),
    Term("EHPAD", "Établissement d'hébergement pour personnes âgées dépendantes."),
    Term("Enedis", "Gestionnaire du réseau public de distribution d'électricité."),
    Term("IML", "Institut médico-légal."),
    Term("NRP4", "Liste des personnes inscrites qui n'ont pas répondu après quatre appels (« ne répond pas »)."),
    Term("ORSEC", "Organisation de la réponse de sécurité civile : le dispositif de crise de l'État."),
    Term("PCS", "Plan communal de sauvegarde : l'organisation de crise de la commune."),
    Term("Plan bleu", "Plan de crise d'un établissement pour personnes âgées (canicule, épidémie).",
         False, "plan bleu|plans bleus"),
    Term("PMI", "Protection maternelle et infantile."),
    Term("REFLEX", "Registre des personnes âgées, isolées ou handicapées que la Ville appelle pendant "
         "une canicule."),
    Term("RTE", "Réseau de transport d'électricité : gestionnaire du réseau haute tension."),
    Term("SAMU", "Service d'aide médicale urgente (le 15)."),
    Term("SDIS", "Service départemental d'incendie et de secours (les pompiers hors Paris)."),
    Term("SGZDS", "Secrétariat général de la zone de défense et de sécurité."),
    Term("Vigilance canicule", "Niveau (vert, jaune, orange, rouge) de la carte de vigilance de "
         "Météo-France pour la chaleur.", False, "vigilance"),
)

_EN = (
    Term("EXERCICE (EXERCISE)", "Marking at the top and bottom of every message played, so that no "
         "exercise message is taken for a real one (\"EXERCISE EXERCISE EXERCISE\").", True),
    Term("STARTEX / ENDEX", "Start and end of play. The hot wash follows ENDEX.", True),
    Term("Inject", "A scripted message — call, e-mail, news flash, field report… — the control cell "
         "sends to the players at a planned time.", True),
    Term("MSEL", "The timed list of every inject, from STARTEX to ENDEX.", True),
    Term("Control cell", "The team that runs the exercise and plays every actor absent from the table "
         "(the simulated roles). Call it to reach any of them.", True),
    Term("Played / simulated role", "A played role has a player at the table; a simulated role is "
         "played by the control cell.", True),
    Term("Log (main courante)", "The time-stamped record of the cell's facts, decisions and actions: each "
         "decision with its time, who took it and who carries it out.", True),
    Term("T+", "Time since STARTEX (T+1:15: an hour and a quarter into play).", True),
    Term("Scenario time", "The fictitious date and time of the situation played; it runs faster than the "
         "clock and may jump from one phase to the next.", True),
    Term("Situation briefing", "A short, regular meeting of the cell: situation, actions under way, "
         "decisions, needs, what comes next.", False, "situation briefing|point de situation|points de situation"),
    Term("Observer", "A member of the exercise team who follows a role or an objective and notes what is "
         "done and when, without taking part in play.", True),
    Term("After-action review", "The lessons learned: a hot wash right after ENDEX, then a structured "
         "review with an improvement plan.", True),
    Term("ARS", "Regional health agency: leads the State's health response in the region."),
    Term("BSPP", "Paris fire brigade."),
    Term("COZ", "Zonal operations centre: the crisis centre of the Paris police prefecture for the "
         "defence and security zone."),
    Term("DOS", "Director of rescue operations (here the prefect)."),
    Term("EHPAD", "Care home for dependent elderly people."),
    Term("PCS", "Municipal safeguard plan: the town's crisis organisation."),
    Term("SAMU", "Emergency medical service (dial 15)."),
    Term("Load shedding", "Deliberate, rotating power cuts decided by the grid operators to avoid a "
         "blackout.", False, "load shedding|délestage|délestages"),
)

GLOSSARY: dict[str, tuple[Term, ...]] = {"fr": _FR, "en": _EN}


def _pattern(term: Term) -> re.Pattern:
    source = term.match or term.term
    alternatives = [re.escape(part.strip()) for part in source.split("|")]
    body = "|".join(alternatives)
    acronym = not term.match and term.term.upper() == term.term
    flags = 0 if acronym else re.IGNORECASE
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def package_text(package) -> str:
    """All the words a package shows to people, in one string to search."""
    ex = package.exercise
    parts = [ex.title, ex.summary]
    parts += [phase.title for phase in ex.phases]
    parts += [o.title for o in ex.objectives] + [c for o in ex.objectives for c in o.criteria]
    for role in package.roles:
        parts += [role.name, role.mission, *role.decisions, *role.resources, *role.contacts]
    for inject in package.injects:
        parts += [inject.title, inject.sender, inject.body, inject.notes]
        parts += [e.action for e in inject.expected]
    return "\n".join(p for p in parts if p)


def glossary_for(package, language: str) -> list[Term]:
    """The terms to print for ``package``: the exercise words, then the domain terms it uses, A to Z."""
    terms = GLOSSARY.get(language, GLOSSARY["fr"])
    text = package_text(package)
    always = [t for t in terms if t.always]
    used = [t for t in terms if not t.always and _pattern(t).search(text)]
    return always + sorted(used, key=lambda t: t.term.casefold())
