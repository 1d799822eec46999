"""Small packages for the readiness check tests, built as Python data then written as YAML.

``base()`` is a package the check passes (exit 0, no finding at all); each test changes
one thing in it to show one problem.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml


def base() -> dict:
    """exercise, roles and msel of a one-hour package with nothing to report."""
    exercise = {
        "format": "crisisdesk/1",
        "id": "ready-pack",
        "title": "Exercice <prêt> & équilibré",
        "language": "fr",
        "summary": "Un exercice d'une heure, équilibré.\n",
        "duration": "1:00",
        "phases": [{"at": "0:00", "title": "J0", "scenario_time": "2032-06-22T07:00:00", "scale": 4}],
        "objectives": [
            {"id": "O1", "title": "Alerter", "criteria": ["La cellule est activée."]},
            {"id": "O2", "title": "Protéger", "criteria": ["Les personnes isolées sont appelées."]},
        ],
    }
    roles = [
        {"id": "A", "name": "Direction A", "kind": "directorate", "mission": "Coordonner.",
         "decisions": [], "resources": []},
        {"id": "B", "name": "Partenaire B", "kind": "partner", "mission": "Secourir.",
         "decisions": [], "resources": []},
        {"id": "SIM", "name": "Animation", "kind": "simulated", "mission": "Jouer les autres."},
    ]
    plan = [  # (at, responding role, objectives)
        ("0:05", "A", ["O1"]), ("0:15", "B", ["O2"]), ("0:25", "A", ["O1"]),
        ("0:35", "B", ["O2"]), ("0:45", "A", ["O1", "O2"]), ("0:55", "B", ["O1"]),
    ]
    msel = [
        {
            "id": f"I{n}", "at": at, "title": f"Message {n}", "from": "SIM", "to": ["A", "B"],
            "channel": "email", "body": f"Corps du message {n}.",
            "expected": [{"role": role, "action": "Répondre", "within": "0:04" if n == 6 else "0:05"}],
            "objectives": objectives,
        }
        for n, (at, role, objectives) in enumerate(plan, start=1)
    ]
    msel[0]["attachments"] = ["media/carte.svg"]
    return {"exercise": exercise, "roles": roles, "msel": msel, "files": {"media/carte.svg": "<svg/>"}}


def variant() -> dict:
    return copy.deepcopy(base())


def inject(data: dict, ident: str) -> dict:
    return next(item for item in data["msel"] if item["id"] == ident)


def write(data: dict, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("exercise", "roles", "msel"):
        text = yaml.safe_dump(data[name], allow_unicode=True, sort_keys=False)
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    for path, content in data["files"].items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(content, encoding="utf-8")
    return folder
