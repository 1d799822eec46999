"""Recipients and senders of the rows, matched to roles; the roles a sheet names but does not define are created.

A recipient is a role at the table (created "directorate" to be completed); a sender
nobody sends to is played by the animation team (created "simulated"). With a roles
sheet (our own export) senders are never created: a name it does not know stays a name.
"""

from __future__ import annotations

import re

from crisisdesk.msel import layout
from crisisdesk.msel.cells import cell_text, role_id
from crisisdesk.msel.import_result import ImportLog
from crisisdesk.msel.sheet_rows import Draft
from crisisdesk.msel.times import normalise
from crisisdesk.package.model import Role

SPLIT_RECIPIENTS = re.compile(r"\s*(?:[,;/&\n]|\bet\b|\band\b|\+)\s*", re.IGNORECASE)


def assign_roles(log: ImportLog, drafts: list[Draft], col: dict[str, int], roles: dict[str, Role],
                 known_roles: bool, language: str) -> list[Role]:
    """Fill each draft's ``to`` and ``sender``; add the roles created to ``roles`` and return them."""
    role_index = {normalise(r.id): r.id for r in roles.values()} | {normalise(r.name): r.id for r in roles.values()}
    received: set[str] = set()
    new_roles: dict[str, str] = {}  # id -> name

    def role_for(name: str, create: bool) -> str | None:
        key = normalise(name)
        if key in role_index:
            return role_index[key]
        if not create:
            return None
        ident = role_id(name, set(roles) | set(new_roles))
        new_roles[ident] = name
        role_index[key] = ident
        return ident

    for d in drafts:
        text = cell_text(d.row.values.get("to"))
        d.to_all = normalise(text) in layout.EVERYONE_WORDS
        d.to = []
        if not text:
            log.problem(d.row.index, col["to"], log.t("to.missing"))
        elif not d.to_all:
            for part in SPLIT_RECIPIENTS.split(text):
                part = part.strip(" .-")
                if part and normalise(part) not in layout.EVERYONE_WORDS:
                    ident = role_for(part, create=True)
                    if ident is not None and ident not in d.to:
                        d.to.append(ident)
            received.update(d.to)
    for d in drafts:
        sender = cell_text(d.row.values.get("sender")).replace("\n", " ")
        if not sender:
            sender = "Animation" if language == "fr" else "Exercise control"
            d.default_sender = True
        ident = role_for(sender, create=not known_roles)
        d.sender = ident or sender

    created: list[Role] = []
    for ident, name in new_roles.items():
        played = ident in received
        kind = "directorate" if played else "simulated"
        role = Role(id=ident, name=name[:120], kind=kind,
                    mission="À compléter : rôle créé par l'import du chronogramme.",
                    decisions=(), resources=()) if played else Role(
            id=ident, name=name[:120], kind=kind, mission="Joué par l'animation (créé par l'import).")
        roles[ident] = role
        created.append(role)
    if created:
        played_ids = [r.id for r in created if r.played]
        simulated = [r.id for r in created if not r.played]
        which = [log.t("summary.roles_played", ids=", ".join(played_ids)) if played_ids else "",
                 log.t("summary.roles_simulated", ids=", ".join(simulated)) if simulated else ""]
        log.note(log.t("summary.roles_created", n=len(created), which=" ; ".join(filter(None, which))))
    if not any(r.played for r in roles.values()):
        log.problem(None, None, log.t("roles.none_played"))
    return created
