"""What each kind of link may see, built from the session state as plain JSON-ready dicts.

One function per kind. What is *not* in a view cannot leak: a player's view has
only the fired injects addressed to its role, without the controller's notes, the
expected responses or the courante; the room display has what the projector shows.
"""

from __future__ import annotations

import functools
from typing import Any

from crisisdesk.logsyntax import fold
from crisisdesk.package.model import Inject, Package, Role
from crisisdesk.session.state import ENTRY_KINDS, InjectState, InjectStatus, SessionState

RECENT_ENTRIES = 200  # the observer page lists the latest entries; the console keeps them all
DISPLAY_CARDS = 6
OTHER_SENDERS = "_autres"


@functools.lru_cache(maxsize=1)
def _markdown_renderer():
    from markdown_it import MarkdownIt

    # Raw HTML off, unsafe link schemes refused by markdown-it: a body is shown, never run.
    return MarkdownIt("commonmark", {"html": False})


@functools.lru_cache(maxsize=512)
def body_html(text: str) -> str:
    return _markdown_renderer().render(text or "")


def clock_view(state: SessionState) -> dict[str, Any]:
    """The clock as the pages tick it locally: state, exercise seconds and scenario time at ``as_of``."""
    clock = state.clock
    phase = clock.phase_at(state.elapsed)
    scenario = clock.scenario_time_at(state.elapsed) if clock.state.value != "ready" else None
    return {
        "state": clock.state.value,
        "elapsed": round(state.elapsed, 1),
        "as_of": state.as_of,
        "scenario": scenario.isoformat(timespec="seconds") if scenario else None,
        "scale": phase.scale,
        "phase": phase.title,
        "phase_index": state.phase_index,
    }


def _role_list(package: Package, *, played_only: bool = False) -> list[dict[str, str]]:
    return [{"id": r.id, "name": r.name, "kind": r.kind} for r in package.roles if r.played or not played_only]


def _attachments(inject: Inject) -> list[dict[str, str]]:
    return [{"path": path, "name": path.rsplit("/", 1)[-1]} for path in inject.attachments]


def _message(s: InjectState) -> dict[str, Any]:
    """An inject as a recipient sees it: sender, channel, title, body, media. Nothing for the controller."""
    inj = s.inject
    return {
        "id": inj.id, "title": inj.title, "sender": inj.sender, "channel": inj.channel,
        "to": list(inj.to), "to_all": inj.to_all, "body_html": body_html(inj.body),
        "attachments": _attachments(inj), "fired_at": s.fired_at, "fired_elapsed": s.fired_elapsed,
        "fired_scenario": s.fired_scenario.isoformat(timespec="minutes") if s.fired_scenario else None,
    }


def _fired(state: SessionState) -> list[InjectState]:
    return sorted((s for s in state.injects if s.status is InjectStatus.FIRED), key=lambda s: s.fired_at or 0)


def reaches(inject: Inject, role: str) -> bool:
    return inject.to_all or role in inject.to


# -- player -----------------------------------------------------------------------------

def player_view(state: SessionState, package: Package, role: str) -> dict[str, Any]:
    role_obj = package.role(role)
    return {
        "kind": "player",
        "title": package.exercise.title,
        "role": {"id": role_obj.id, "name": role_obj.name},
        "clock": clock_view(state),
        "messages": [_message(s) for s in _fired(state) if reaches(s.inject, role)],
    }


def player_attachments(state: SessionState, role: str) -> set[str]:
    return {p for s in _fired(state) if reaches(s.inject, role) for p in s.inject.attachments}


# -- room display -----------------------------------------------------------------------

def display_view(state: SessionState, package: Package) -> dict[str, Any]:
    public = [s for s in _fired(state) if s.inject.public][-DISPLAY_CARDS:]
    indicators = [
        {"id": i.id, "label": i.label, "value": state.indicators.get(i.id, i.initial), "unit": i.unit or ""}
        for i in package.exercise.indicators
    ]
    return {
        "kind": "display",
        "title": package.exercise.title,
        "clock": clock_view(state),
        "indicators": indicators,
        "cards": [_message(s) for s in reversed(public)],
    }


def display_attachments(state: SessionState) -> set[str]:
    public = [s for s in _fired(state) if s.inject.public][-DISPLAY_CARDS:]
    return {p for s in public for p in s.inject.attachments}


# -- observer ---------------------------------------------------------------------------

def observer_view(state: SessionState, package: Package) -> dict[str, Any]:
    checks = {(c.inject_id, c.index): c for c in state.checks}
    fired = []
    for s in _fired(state):
        expected = []
        for index, item in enumerate(s.inject.expected):
            check = checks.get((s.id, index))
            expected.append({
                "index": index, "role": item.role, "action": item.action, "within": item.within,
                "status": check.status if check else None, "by": check.observer if check else None,
            })
        fired.append({"id": s.id, "title": s.inject.title, "to": list(s.inject.to), "to_all": s.inject.to_all,
                      "channel": s.inject.channel, "fired_at": s.fired_at, "fired_elapsed": s.fired_elapsed,
                      "expected": expected})
    entries = [
        {"id": e.entry_id, "revision": e.revision, "supersedes": e.supersedes, "observer": e.observer,
         "role": e.role, "kind": e.kind, "text": e.text, "inject_id": e.inject_id, "tags": list(e.tags),
         "real_time": e.real_time, "elapsed": e.elapsed}
        for e in state.entries[-RECENT_ENTRIES:]
    ]
    return {
        "kind": "observer",
        "title": package.exercise.title,
        "clock": clock_view(state),
        "roles": _role_list(package),
        "entry_kinds": list(ENTRY_KINDS),
        "objectives": [{"id": o.id, "title": o.title} for o in package.exercise.objectives],
        "injects": fired,
        "entries": entries,
    }


def observer_attachments(state: SessionState) -> set[str]:
    return set()  # the observer page lists injects, not their media


# -- animation --------------------------------------------------------------------------

def simulated_role_of(inject: Inject, roles: tuple[Role, ...]) -> str:
    """The simulated role that plays an inject's sender ("from" is free text in packages).

    The role whose id is the sender, else the one whose name begins the sender
    ("Météo-France — prévisionniste" → METEO), else the other senders' group.
    """
    sender = fold(inject.sender)
    simulated = [r for r in roles if not r.played]
    for role in simulated:
        if role.id == inject.sender:
            return role.id
    for role in sorted(simulated, key=lambda r: -len(r.name)):
        if sender.startswith(fold(role.name)):
            return role.id
    return OTHER_SENDERS


def animator_view(state: SessionState, package: Package) -> dict[str, Any]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for s in state.injects:
        if s.status is InjectStatus.SKIPPED:
            continue
        inj = s.inject
        groups.setdefault(simulated_role_of(inj, package.roles), []).append({
            "id": inj.id, "title": inj.title, "sender": inj.sender, "channel": inj.channel,
            "to": list(inj.to), "to_all": inj.to_all, "status": s.status.value, "due_at": s.due_at,
            "fired_at": s.fired_at, "delivered_at": s.delivered_at, "delivered_by": s.delivered_by,
            "body_html": body_html(inj.body), "attachments": _attachments(inj), "manual": inj.manual,
        })
    names = {r.id: r.name for r in package.roles}
    roles = [{"id": rid, "name": names.get(rid, "Autres émetteurs"), "injects": items}
             for rid, items in groups.items()]
    order = {r.id: i for i, r in enumerate(package.roles)}
    roles.sort(key=lambda g: order.get(g["id"], len(order)))
    return {
        "kind": "animator",
        "title": package.exercise.title,
        "clock": clock_view(state),
        "groups": roles,
    }


def animator_attachments(state: SessionState) -> set[str]:
    return {p for s in state.injects for p in s.inject.attachments}


# -- what each view depends on ----------------------------------------------------------

def signature(kind: str, state: SessionState) -> tuple:
    """What a kind's view depends on, cheap to compute: a view is rebuilt only when it changes.

    Players and the display depend on the controller's events only (an observer's entry
    changes nothing for them); the animation page on those and the deliveries; the
    observer page on everything. The clock is sent fresh with every view (``clock_view``).
    """
    if kind in ("player", "display"):
        return (len(state.events), state.clock.state)
    if kind == "animator":
        return (len(state.events), state.clock.state, sum(1 for s in state.injects if s.delivered_at is not None))
    return (state.last_seq, state.clock.state)
