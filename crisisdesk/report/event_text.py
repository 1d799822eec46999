"""The controller's events in the report's words (the event-log annex).

The stored payloads use internal keys (``due_at``, ``sets``, ``enabled``...); the
annex says what happened, in the report's language: "réinjecté à T+0:42",
"envoi automatique désactivé", "Température → 48 °C". One function per event kind;
a kind this build does not know is shown by its label alone (never its raw keys).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from crisisdesk.timefmt import format_offset

WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "auto": "envoi automatique",
        "by_hand": "envoyé à la main",
        "adhoc": "inject ad hoc",
        "overdue": "en attente de l'animation",
        "due": "prévu à {t}",
        "sets": "indicateurs : {items}",
        "delay": "reporté de {n} min, à {t}",
        "undelay": "de retour à {t}",
        "edit": "modifié : {fields}",
        "add": "destinataires : {to}",
        "jump": "vers « {title} », qui commence à {t}",
        "shift": "chronogramme décalé de {n} min à partir de {t}",
        "autofire_on": "envoi automatique activé",
        "autofire_off": "envoi automatique désactivé",
        "indicator": "{name} → {value}",
        "down": "application arrêtée de {a} à {b}",
        "held": "injects tombés pendant l'arrêt, en attente de l'animation : {ids}",
        "package": "paquet « {title} »",
        "field_title": "titre", "field_body": "texte", "field_to": "destinataires", "field_channel": "canal",
        "field_sender": "expéditeur", "field_at": "heure ({t})", "field_notes": "notes d'animation",
        "field_expected": "réponses attendues", "field_sets": "indicateurs", "field_objectives": "objectifs",
        "field_attachments": "pièces jointes", "field_manual_on": "passé en manuel",
        "field_manual_off": "passé en automatique",
    },
    "en": {
        "auto": "auto-fire",
        "by_hand": "fired by hand",
        "adhoc": "ad-hoc inject",
        "overdue": "held for the controller",
        "due": "due at {t}",
        "sets": "indicators: {items}",
        "delay": "delayed by {n} min, to {t}",
        "undelay": "back to {t}",
        "edit": "edited: {fields}",
        "add": "to: {to}",
        "jump": "to “{title}”, starting at {t}",
        "shift": "timeline shifted by {n} min from {t}",
        "autofire_on": "auto-fire switched on",
        "autofire_off": "auto-fire switched off",
        "indicator": "{name} → {value}",
        "down": "application down from {a} to {b}",
        "held": "injects that fell due meanwhile, held for the controller: {ids}",
        "package": "package “{title}”",
        "field_title": "title", "field_body": "text", "field_to": "recipients", "field_channel": "channel",
        "field_sender": "sender", "field_at": "time ({t})", "field_notes": "controller notes",
        "field_expected": "expected responses", "field_sets": "indicators", "field_objectives": "objectives",
        "field_attachments": "attachments", "field_manual_on": "made manual",
        "field_manual_off": "made automatic",
    },
}


class EventContext:
    """What wording an event needs beyond its payload: titles, indicator names, time zone."""

    def __init__(self, language: str, *, titles: dict[str, str] | None = None,
                 indicators: dict[str, tuple[str, str]] | None = None, timezone: tzinfo | None = None):
        lang = language if language in WORDS else "fr"
        self.words = WORDS[lang]
        self.separator = " ; " if lang == "fr" else "; "  # French puts a space before ";"
        self.titles = titles or {}
        self.indicators = indicators or {}  # id -> (label, unit)
        self.timezone = timezone

    def offset(self, seconds: Any) -> str:
        return "T+" + format_offset(seconds, with_seconds=False) if isinstance(seconds, int | float) else "—"

    def clock(self, epoch: Any) -> str:
        if not isinstance(epoch, int | float):
            return "—"
        return datetime.fromtimestamp(epoch, self.timezone).strftime("%H:%M:%S")

    def inject(self, inject_id: Any, title: Any = None) -> str:
        name = self.titles.get(inject_id) or title or ""
        return f"{inject_id} — {name}" if name else str(inject_id)

    def indicator(self, indicator_id: str, value: Any) -> str:
        label, unit = self.indicators.get(indicator_id, (indicator_id, ""))
        shown = f"{value}\u202f{unit}" if unit and isinstance(value, int | float) else str(value)
        return self.words["indicator"].format(name=label, value=shown)


def _fire(p: dict, c: EventContext) -> list[str]:
    w = c.words
    parts = [c.inject(p.get("inject_id"), p.get("title"))]
    parts.append(w["auto"] if p.get("auto") else w["by_hand"])
    if p.get("adhoc"):
        parts.append(w["adhoc"])
    if p.get("due_at") is not None:
        parts.append(w["due"].format(t=c.offset(p["due_at"])))
    if p.get("overdue"):
        parts.append(w["overdue"])
    sets = p.get("sets") or {}
    if isinstance(sets, dict) and sets:
        parts.append(w["sets"].format(items=", ".join(c.indicator(k, v) for k, v in sets.items())))
    return parts


def _inject_only(p: dict, c: EventContext) -> list[str]:
    return [c.inject(p.get("inject_id"))]


def _delay(p: dict, c: EventContext) -> list[str]:
    return [c.inject(p.get("inject_id")), c.words["delay"].format(n=p.get("minutes", "?"), t=c.offset(p.get("due_at")))]


def _undelay(p: dict, c: EventContext) -> list[str]:
    return [c.inject(p.get("inject_id")), c.words["undelay"].format(t=c.offset(p.get("due_at")))]


def _edit(p: dict, c: EventContext) -> list[str]:
    w = c.words
    names = []
    for key, value in (p.get("fields") or {}).items():
        if key == "at":
            names.append(w["field_at"].format(t=c.offset(value)))
        elif key == "manual":
            names.append(w["field_manual_on" if value else "field_manual_off"])
        else:
            names.append(w.get(f"field_{key}", key))
    return [c.inject(p.get("inject_id")), w["edit"].format(fields=", ".join(names))]


def _add(p: dict, c: EventContext) -> list[str]:
    fields = p.get("fields") or {}
    parts = [c.inject(p.get("inject_id"), fields.get("title"))]
    if fields.get("to"):
        parts.append(c.words["add"].format(to=", ".join(map(str, fields["to"]))))
    return parts


def _jump(p: dict, c: EventContext) -> list[str]:
    return [c.words["jump"].format(title=p.get("title", ""), t=c.offset(p.get("at")))]


def _shift(p: dict, c: EventContext) -> list[str]:
    minutes = p.get("minutes", 0)
    shown = f"+{minutes}" if isinstance(minutes, int) and minutes > 0 else str(minutes).replace("-", "−")
    return [c.words["shift"].format(n=shown, t=c.offset(p.get("from_elapsed")))]


def _autofire(p: dict, c: EventContext) -> list[str]:
    return [c.words["autofire_on" if p.get("enabled") else "autofire_off"]]


def _indicator(p: dict, c: EventContext) -> list[str]:
    return [c.indicator(p.get("indicator_id", ""), p.get("value", ""))]


def _recovered(p: dict, c: EventContext) -> list[str]:
    parts = []
    if p.get("down_from") is not None or p.get("down_to") is not None:
        parts.append(c.words["down"].format(a=c.clock(p.get("down_from")), b=c.clock(p.get("down_to"))))
    if p.get("overdue"):
        parts.append(c.words["held"].format(ids=", ".join(map(str, p["overdue"]))))
    return parts


def _created(p: dict, c: EventContext) -> list[str]:
    title = p.get("package_title") or p.get("package_id")
    return [c.words["package"].format(title=title)] if title else []


DESCRIBERS: dict[str, Callable[[dict, EventContext], list[str]]] = {
    "created": _created,
    "fire": _fire,
    "skip": _inject_only,
    "unskip": _inject_only,
    "misfire": _inject_only,
    "undelay": _undelay,
    "delay": _delay,
    "edit": _edit,
    "add": _add,
    "jump": _jump,
    "shift": _shift,
    "autofire": _autofire,
    "indicator": _indicator,
    "recovered": _recovered,
}


def describe_event(kind: str, payload: dict | None, context: EventContext) -> str:
    """The details of one controller event in the report's words ("" when the label says it all)."""
    describer = DESCRIBERS.get(kind)
    if describer is None or not payload and kind != "autofire":
        return ""
    try:
        return context.separator.join(part for part in describer(payload or {}, context) if part)
    except (AttributeError, TypeError, ValueError):  # a hand-edited payload: its label alone
        return ""
