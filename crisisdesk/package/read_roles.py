"""Read roles.yaml: the role cards, played at the table or simulated by the animation team."""

from __future__ import annotations

import re
from typing import Literal

from crisisdesk.package.cross_refs import Known
from crisisdesk.package.fields import Record, Records, Report, describe, is_null, show
from crisisdesk.package.ids import ROLE_ID, ROLE_ID_TEXT, unique_id
from crisisdesk.package.model import ROLE_KINDS, Role
from crisisdesk.package.yamlsource import Node, SequenceNode

COLOR = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")


def read_roles(report: Report, node: Node, known: Known) -> tuple[Role, ...] | None:
    """Read the role cards; every id goes into ``known.role_lines``, the full roles into ``known.roles``."""
    if not isinstance(node, SequenceNode):
        report.error(node, f"roles.yaml must be a list of role cards (lines starting with '- id:'), got {describe(node)}")
        return None
    roles: dict[str, Role] = {}
    items_read = Records(report, node.value, "role #", kind="role",
                         required=("id", "name", "kind", "mission"),
                         optional=("decisions", "resources", "contacts", "color"))
    for _, rec in items_read:
        ident = unique_id(rec, ROLE_ID, ROLE_ID_TEXT, known.role_lines, "role")
        name = rec.text("name", one_line=True)
        kind = rec.choice("kind", ROLE_KINDS)
        mission = rec.text("mission")
        played = kind in ("directorate", "partner")
        for key in ("decisions", "resources"):
            if played and key not in rec.values:
                rec.error(None, f"missing required field '{key}' (every role played at the table lists its {key})")
                items_read.broken()
        decisions = rec.text_list("decisions", required=False)
        resources = rec.text_list("resources", required=False)
        contacts = rec.text_list("contacts", required=False)
        color = _read_color(rec)
        if (ident is None or name is None or kind is None or mission is None or decisions is None
                or resources is None or contacts is None or color is False):
            items_read.broken()
            continue
        roles[ident] = Role(
            id=ident, name=name.strip(), kind=kind, mission=mission,
            decisions=decisions, resources=resources, contacts=contacts, color=color,
        )
    if not node.value:
        report.error(node, "roles.yaml lists no role")
    elif items_read.complete and not any(role.played for role in roles.values()):
        report.error(node, "no role is played at the table: give at least one role kind directorate or partner")
    known.roles = roles
    return tuple(roles.values()) if items_read.complete else None


def _read_color(rec: Record) -> str | None | Literal[False]:
    """Return the color, None if absent, or False after reporting a bad one."""
    if "color" not in rec.values:
        return None
    if is_null(rec.values["color"]):
        rec.error("color", 'is empty; a color starting with # must be quoted, e.g. color: "#1f4e79"')
        return False
    text = rec.text("color", one_line=True)
    if text is None:
        return False
    if not COLOR.match(text.strip()):
        rec.error("color", f'{show(text)} is not a color "#RRGGBB", e.g. "#1f4e79"')
        return False
    return text.strip()
