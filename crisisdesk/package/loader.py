"""Load an exercise package folder into typed objects.

TEMPORARY minimal loader: reads well-formed packages without validation. The full
validating loader (line numbers, every problem at once) replaces this module.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import yaml

from crisisdesk.package.model import (
    Exercise,
    Expected,
    Indicator,
    Inject,
    Objective,
    Package,
    Phase,
    Role,
)
from crisisdesk.timefmt import parse_offset


def _offset(value) -> int:
    return parse_offset(str(value))


def load_package(path: str | Path) -> Package:
    """Load the package at ``path``; raise PackageError listing every problem."""
    root = Path(path)
    ex = yaml.safe_load((root / "exercise.yaml").read_text(encoding="utf-8"))
    roles_raw = yaml.safe_load((root / "roles.yaml").read_text(encoding="utf-8"))
    msel_raw = yaml.safe_load((root / "msel.yaml").read_text(encoding="utf-8"))
    exercise = Exercise(
        id=ex["id"],
        title=ex["title"],
        language=ex["language"],
        summary=ex.get("summary", ""),
        duration=_offset(ex["duration"]),
        phases=tuple(
            Phase(
                at=_offset(p["at"]),
                title=p["title"],
                scenario_time=datetime.fromisoformat(str(p["scenario_time"])),
                scale=float(p.get("scale", 1)),
            )
            for p in ex["phases"]
        ),
        indicators=tuple(
            Indicator(id=i["id"], label=i["label"], initial=i["initial"], unit=i.get("unit"))
            for i in ex.get("indicators") or ()
        ),
        objectives=tuple(
            Objective(id=o["id"], title=o["title"], criteria=tuple(o.get("criteria") or ()))
            for o in ex["objectives"]
        ),
    )
    roles = tuple(
        Role(
            id=r["id"],
            name=r["name"],
            kind=r["kind"],
            mission=r["mission"],
            decisions=tuple(r.get("decisions") or ()),
            resources=tuple(r.get("resources") or ()),
            contacts=tuple(r.get("contacts") or ()),
            color=r.get("color"),
        )
        for r in roles_raw
    )
    played = tuple(r.id for r in roles if r.played)
    injects = []
    for i in msel_raw:
        to = i["to"]
        to_all = to == "all"
        injects.append(
            Inject(
                id=str(i["id"]),
                at=_offset(i["at"]),
                title=i["title"],
                sender=i["from"],
                to=played if to_all else tuple(to),
                channel=i["channel"],
                body=i["body"],
                expected=tuple(
                    Expected(role=e["role"], action=e["action"], within=_offset(e["within"]))
                    for e in i.get("expected") or ()
                ),
                objectives=tuple(i.get("objectives") or ()),
                attachments=tuple(i.get("attachments") or ()),
                sets=dict(i.get("sets") or {}),
                notes=i.get("notes") or "",
                manual=bool(i.get("manual", i.get("contingency_for") is not None)),
                contingency_for=i.get("contingency_for"),
                to_all=to_all,
            )
        )
    injects.sort(key=lambda inj: inj.at)
    return Package(root=root, exercise=exercise, roles=roles, injects=tuple(injects))
