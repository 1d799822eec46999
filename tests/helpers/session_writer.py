"""A second app on the same session file, for the two-process test (run as a subprocess).

Usage: session_writer.py FILE NAME COUNT GO_FILE
Waits for GO_FILE, then logs COUNT entries as observer NAME, refreshing between
them and noting how many entries of the other writer it has seen; tries to fire
every inject (the other writer does too: each must fire exactly once). Prints one
JSON line at the end.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from crisisdesk.session import InvalidActionError, Session


def main() -> int:
    path, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    session = Session.open(path)
    while not go.exists():
        time.sleep(0.005)
    written, fired, refused, seen_during = [], [], 0, 0
    inject_ids = [s.id for s in session.state.injects]
    for i in range(count):
        entry = session.log_entry(observer=name, role="DIR", kind="observation", text=f"{name} {i}")
        written.append(entry.entry_id)
        session.refresh()
        seen_during = max(seen_during, sum(1 for e in session.state.entries if e.observer != name))
        if i % 20 == 10 and inject_ids:
            try:
                session.fire(inject_ids.pop(0))
                fired.append(session.state.events[-1].payload["inject_id"])
            except InvalidActionError:
                refused += 1
    deadline = time.monotonic() + 30
    while sum(1 for e in session.state.entries if e.observer != name) < count and time.monotonic() < deadline:
        time.sleep(0.05)
        session.refresh()
    seen_end = sum(1 for e in session.state.entries if e.observer != name)
    print(json.dumps({"written": written, "fired": fired, "refused": refused, "seen_during": seen_during,
                      "seen_end": seen_end}))
    session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
