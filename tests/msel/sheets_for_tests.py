"""Chronogrammes as people write them, built in the test's folder with openpyxl or csv."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

HTML_DOC = """<!DOCTYPE html><html><head><title>Alerte</title><style>p { color: red }</style>
<script>alert('x')</script></head><body><p>Bonjour,<br>la <b>préfecture</b> demande un point.</p>
<ul><li>Nombre de sites</li><li>Effectifs</li></ul></body></html>"""

PREFECTURE_ROWS = [
    ["EXERCICE CANICULE — chronogramme v3", None, None, None, None, None, None, None, None, None],
    [None] * 10,
    ["N°", "Heure", "Émetteur", "Destinataire(s)", "Canal", "Objet", "Message", "Réaction attendue",
     "Commentaires", "Responsable animation"],
    ["PHASE 1 — Montée en puissance", None, None, None, None, None, None, None, None, None],
    [1, "09h00", "Météo-France", "Direction de crise", "Courriel", "Vigilance orange",
     "Paris passe en vigilance orange.", "Direction de crise (0:10) : activer la cellule", None, "Paul"],
    [2, "9 h 20", "Préfecture", "DSOL / Direction de crise", "Téléphone", "Point de situation", HTML_DOC,
     "Réunir les éléments", "À jouer calmement", "Paul"],
    [None] * 10,
    ["N°", "Heure", "Émetteur", "Destinataire(s)", "Canal", "Objet", "Message", "Réaction attendue",
     "Commentaires", "Responsable animation"],
    ["PHASE 2 — Crise", None, None, None, None, None, None, None, None, None],
    [3, "10h05", "Journaliste", "Tous", "Tweet", "Rumeur", "Des écoles fermées ?", None, None, "Lina"],
    [4, "09h40", "Préfecture", "DSOL", "SMS", "Relance", "Toujours rien ?", None, None, None],
    ["Total", None, None, None, None, None, None, None, None, None],
]


def write_xlsx(path: Path, rows: list[list[object]], title: str = "MSEL", extra=None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if extra:
        extra(sheet)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ";", encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path
