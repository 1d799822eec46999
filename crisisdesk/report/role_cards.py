"""A role card as one block of self-contained HTML, shared by the app and the printed kit.

The console shows and prints these cards through Qt's rich-text engine (ui/console/
role_cards.py), the player kit prints them through QtWebEngine: so the markup keeps to
the subset both understand (a table band, inline styles, lists). The words around the
role's own text come in ``RoleCardWords``, translated by whoever calls.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

DEFAULT_COLOR = "#1f4e79"


@dataclass(frozen=True)
class RoleCardWords:
    """The fixed words of a card, in the caller's language."""

    mission: str
    decisions: str
    resources: str
    contacts: str
    footer: str
    kind: str  # the role's kind as a word ("direction", "partenaire", "simulé")


def role_card_html(role, exercise, words: RoleCardWords, *, compact: bool = False) -> str:
    """Return the card of ``role`` as HTML (escaped); ``compact`` for the console's panel."""
    esc = html.escape
    title_size, text_size = ("15pt", "10pt") if compact else ("22pt", "12pt")
    color = role.color or DEFAULT_COLOR

    def section(title: str, items) -> str:
        if not items:
            return ""
        lines = "".join(f"<li style='font-size:{text_size};'>{esc(item)}</li>" for item in items)
        return f"<h3 style='color:{color};'>{esc(title)}</h3><ul>{lines}</ul>"

    return (
        f"<table width='100%' cellpadding='10' cellspacing='0' style='background:{color};'>"
        f"<tr><td><span style='color:white; font-size:11pt;'>{esc(exercise.title)}</span><br/>"
        f"<span style='color:white; font-size:{title_size}; font-weight:bold;'>{esc(role.name)}</span><br/>"
        f"<span style='color:white;'>{esc(role.id)} — {esc(words.kind)}</span></td></tr></table>"
        f"<h3 style='color:{color};'>{esc(words.mission)}</h3>"
        f"<p style='font-size:{text_size};'>{esc(role.mission)}</p>"
        + section(words.decisions, role.decisions)
        + section(words.resources, role.resources)
        + section(words.contacts, role.contacts)
        + f"<p style='color:#666666; font-size:9pt;'>{esc(words.footer)}</p>"
    )
