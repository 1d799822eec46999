"""Generate a large but valid exercise package for benchmarks.

Default size: 2,000 injects, 40 roles (36 played), 12 objectives, 8 phases, with
field lengths like the real Paris package (bodies of 5-10 lines, 1-3 expected
responses each). Deterministic for a given seed.

    python benchmarks/generate.py OUT_DIR [--injects 2000] [--roles 40]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

WORDS = (
    "chaleur canicule vigilance salle rafraîchie personnes âgées inscrits REFLEX mairie "
    "arrondissement délestage réseau électrique eau potable pression bouches incendie "
    "école crèche EHPAD hôpital urgences saturation transport métro rame malaise parc "
    "ouverture nocturne piscine brumisateur distribution bouteilles préfecture arrêté "
    "circulation différenciée ozone communiqué presse rumeur démenti bilan décision "
    "coordination renfort agents horaires décalés point de situation cellule de crise"
).split()
CHANNELS = ("phone", "email", "radio", "news", "social", "field", "document", "face")
KINDS_PLAYED = ("directorate", "partner")


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def hms(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def build(out: Path, *, injects: int = 2000, roles: int = 40, seed: int = 7) -> Path:
    """Write the package into ``out`` and return it."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    duration = 8 * 3600
    phases = [
        {
            "at": hms(i * duration // 8),
            "title": f"Jour {i + 1}",
            "scenario_time": f"2032-06-{22 + i:02d}T07:00:00",
            "scale": 4,
        }
        for i in range(8)
    ]
    objectives = [
        {"id": f"O{i + 1}", "title": sentence(rng, 5), "criteria": [sentence(rng, 12) for _ in range(4)]}
        for i in range(12)
    ]
    indicators = [
        {"id": "vigilance", "label": "Vigilance canicule", "initial": "orange"},
        {"id": "tmax", "label": "Température maximale", "unit": "°C", "initial": 41},
        {"id": "sans_courant", "label": "Foyers sans électricité", "initial": 0},
        {"id": "urgences", "label": "Passages aux urgences (chaleur)", "initial": 350},
    ]
    exercise = {
        "format": "crisisdesk/1",
        "id": "bench-large",
        "title": "Exercice de charge (généré)",
        "language": "fr",
        "summary": sentence(rng, 40),
        "duration": hms(duration + 1800)[:-3],  # room for the last responses
        "phases": phases,
        "indicators": indicators,
        "objectives": objectives,
    }
    role_list = []
    for i in range(roles):
        kind = "simulated" if i >= roles - 4 else KINDS_PLAYED[i % 2]
        role_list.append(
            {
                "id": f"R{i + 1:02d}",
                "name": f"Rôle {i + 1} — " + sentence(rng, 3),
                "kind": kind,
                "mission": sentence(rng, 30),
                "decisions": [sentence(rng, 8) for _ in range(5)],
                "resources": [sentence(rng, 5) for _ in range(4)],
            }
        )
    played = [r["id"] for r in role_list if r["kind"] != "simulated"]
    msel = []
    for i in range(injects):
        at = int(i * (duration - 60) / injects) + 30
        to = rng.sample(played, rng.randint(1, 3))
        item = {
            "id": f"I{i + 1:04d}",
            "at": hms(at),
            "title": sentence(rng, 6),
            "from": rng.choice(("Météo-France", "Préfecture", "Presse", "Mairie du 13e")),
            "to": to,
            "channel": CHANNELS[i % len(CHANNELS)],
            "body": "\n".join(sentence(rng, 14) for _ in range(rng.randint(5, 10))),
            "expected": [
                {"role": rng.choice(to), "action": sentence(rng, 10), "within": "0:15"}
                for _ in range(rng.randint(1, 3))
            ],
            "objectives": [rng.choice(objectives)["id"]],
            "notes": sentence(rng, 20),
        }
        if i % 50 == 0:
            item["sets"] = {"tmax": 41 + (i // 50) % 10, "urgences": 350 + i}
        if i % 97 == 0:
            item["manual"] = True
        msel.append(item)
    dump = {"allow_unicode": True, "sort_keys": False, "width": 100}
    (out / "exercise.yaml").write_text(yaml.safe_dump(exercise, **dump), encoding="utf-8")
    (out / "roles.yaml").write_text(yaml.safe_dump(role_list, **dump), encoding="utf-8")
    (out / "msel.yaml").write_text(yaml.safe_dump(msel, **dump), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--injects", type=int, default=2000)
    parser.add_argument("--roles", type=int, default=40)
    args = parser.parse_args()
    print(build(args.out, injects=args.injects, roles=args.roles))


if __name__ == "__main__":
    main()
