"""A second observer in another process: log entries into a session file until told to stop.

Usage: python -m tests.helpers.observer_writer SESSION_FILE OBSERVER STOP_FILE [MAX]
Prints one line per committed entry id (printed only after log_entry returned), so the
parent knows exactly what this process was told was saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from crisisdesk.session import Session


def main(argv: list[str]) -> int:
    path, observer, stop_file = Path(argv[0]), argv[1], Path(argv[2])
    limit = int(argv[3]) if len(argv) > 3 else 10_000
    session = Session.open(path)
    try:
        roles = [role.id for role in session.package.roles if role.played]
        number = 0
        while number < limit and not stop_file.exists():
            number += 1
            entry = session.log_entry(
                observer=observer,
                role=roles[number % len(roles)],
                kind="observation",
                text=f"Entrée n° {number} : la cellule réévalue l'accueil des sans-abri",
            )
            print(entry.entry_id, flush=True)
    finally:
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
