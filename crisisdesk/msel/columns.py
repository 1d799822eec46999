"""What each column of a chronogramme means: the meanings, the headers that name them, the guess.

Headers are compared after :func:`header_key` (accents, case, punctuation and
spacing ignored), first as a whole, then as words inside a longer header
("Heure de déclenchement (T+)" holds "heure"). The lists follow how French
chronogrammes (ANSSI kit, préfectures) and HSEEP MSELs write them; docs/msel-import.md
prints them.
"""

from __future__ import annotations

import re

from crisisdesk.msel.times import normalise

UNMAPPED = "unmapped"  # read into the injects' notes, so nothing is dropped silently
DROP = "drop"  # left out on purpose (the user said so)

# meaning -> French label (the UI translates its own copy; the CLI and docs use these keys)
MEANINGS: dict[str, str] = {
    "id": "N°",
    "time": "Heure / T+",
    "scenario": "Date et heure scénario",
    "phase": "Phase",
    "sender": "Émetteur",
    "to": "Destinataires",
    "channel": "Canal",
    "title": "Titre",
    "body": "Message",
    "expected": "Réactions attendues",
    "objectives": "Objectifs",
    "notes": "Notes",
    "manual": "Manuel",
    "contingency_for": "Secours pour",
    "attachments": "Pièces jointes",
    "sets": "Indicateurs modifiés",
    UNMAPPED: "(aucun : dans les notes)",
    DROP: "(ignorer)",
}

HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("n", "no", "n o", "n inject", "n de l inject", "n d inject", "num", "numero", "numero d inject", "numero inject", "#", "id", "ref", "reference",
           "event number", "event #", "event no", "control number", "inject number", "inject no", "inject #",
           "inject id", "msel #", "msel number", "number", "nr"),
    "time": ("heure", "horaire", "t+", "t +", "h+", "delai", "heure exercice", "heure de jeu", "heure reelle",
             "heure prevue", "heure de declenchement", "declenchement", "delivery time", "designated scenario time",
             "real time", "trigger", "time", "timing", "temps", "temps de jeu", "moment", "t + h mm", "heure d envoi"),
    "scenario": ("date", "heure scenario", "date scenario", "simulated time", "scenario time", "date et heure scenario",
                 "date heure scenario", "heure simulee", "temps simule", "date simulee", "jour", "scenario date",
                 "date heure"),
    "phase": ("phase", "move", "sequence", "etape", "temps fort", "step"),
    "sender": ("emetteur", "de", "expediteur", "from", "sender", "profile", "profil", "source", "origine",
               "auteur", "emis par", "envoye par", "simulated sender"),
    "to": ("destinataire", "destinataires", "a", "pour", "to", "player", "players", "assigned to", "team",
           "equipe", "recipient", "recipients", "cible", "cibles", "acteur", "acteurs", "joueur", "joueurs",
           "responding agency", "receiver"),
    "channel": ("canal", "vecteur", "moyen", "inject mode", "channel", "type", "mode", "media", "support",
                "method", "mode de transmission", "mode de diffusion", "moyen de transmission", "mode d envoi"),
    "title": ("titre", "objet", "subject", "title", "intitule", "libelle", "resume", "evenement", "event",
              "inject", "inject title", "short description", "event description title"),
    "body": ("message", "contenu", "texte", "stimulus", "script", "description", "details", "corps", "corps du message",
             "contenu du message", "inject description", "event description", "message text", "texte du message"),
    "expected": ("reaction attendue", "reactions attendues", "action attendue", "actions attendues",
                 "expected participant response", "expected action", "expected actions", "expected response",
                 "expected responses", "reponse attendue", "reponses attendues", "expected outcome",
                 "comportement attendu"),
    "objectives": ("objectif", "objectifs", "exercise objective", "exercise objectives", "capability",
                   "capabilities", "core capability", "objective", "objectives", "objectif vise"),
    "notes": ("commentaire", "commentaires", "notes", "note", "remarques", "remarque", "consignes animateur",
              "consignes", "consigne", "observations", "controller notes", "controller instructions",
              "notes animateur", "notes pour l animation"),
    "manual": ("manuel", "manual", "declenchement manuel"),
    "contingency_for": ("secours pour", "contingency for", "relance de", "inject de secours pour"),
    "attachments": ("pieces jointes", "piece jointe", "attachments", "attachment", "annexes", "annexe", "fichiers"),
    "sets": ("indicateurs modifies", "indicateurs", "sets", "indicators", "indicator changes"),
}

_INDEX: dict[str, str] = {h: meaning for meaning, heads in HEADERS.items() for h in heads}
_BY_LENGTH = sorted(_INDEX, key=len, reverse=True)


def header_key(text: object) -> str:
    """``"N° de l'inject"`` -> ``"n de l inject"``; ``"T+"`` stays ``"t+"``."""
    if text is None:
        return ""
    key = normalise(str(text))
    key = re.sub(r"\(s\)", "", key)
    key = re.sub(r"[^a-z0-9#+]+", " ", key)
    return re.sub(r"\s+", " ", key).strip()


def guess_meaning(header: object) -> str | None:
    """The meaning a header names, or None."""
    key = header_key(header)
    if not key:
        return None
    if key in _INDEX:
        return _INDEX[key]
    if key.endswith("s") and key[:-1] in _INDEX:
        return _INDEX[key[:-1]]
    padded = f" {key} "
    best: tuple[int, int, str] | None = None  # the phrase found first in the header wins, then the longest
    for head in _BY_LENGTH:
        if len(head) > 2 or "+" in head or "#" in head:
            at = padded.find(f" {head} ")
            if at >= 0 and (best is None or (at, -len(head)) < best[:2]):
                best = (at, -len(head), head)
    return _INDEX[best[2]] if best else None


def guess_columns(headers: list[object]) -> list[str]:
    """One meaning per column (``ignore`` when none); a meaning goes to its first column only.

    Two columns both named like a time (``Heure`` and ``Date``) are told apart by
    their own words: the scenario list is checked before the exercise-time one.
    """
    meanings: list[str] = []
    taken: set[str] = set()
    for header in headers:
        meaning = guess_meaning(header)
        if meaning is None or meaning in taken:
            meanings.append(UNMAPPED)
            continue
        taken.add(meaning)
        meanings.append(meaning)
    return meanings


def score_header_row(row: list[object]) -> int:
    """How many cells of ``row`` read as known headers (distinct meanings)."""
    found = set()
    for cell in row:
        if isinstance(cell, str) and len(cell) <= 80:
            meaning = guess_meaning(cell)
            if meaning:
                found.add(meaning)
    return len(found)


def find_header_row(rows: list[list[object]], look: int = 15) -> int | None:
    """Index of the header row among the first ``look`` rows, or None for a sheet without one."""
    best, best_score = None, 1
    for index, row in enumerate(rows[:look]):
        score = score_header_row(row)
        if score > best_score:
            best, best_score = index, score
    return best
