"""Open a session file the current user cannot write, and report what happens (run as a subprocess).

Prints one JSON line: the error of a normal open, and what a read-only open could do.
"""

from __future__ import annotations

import json
import sys

from crisisdesk.session import Session, SessionError


def main() -> int:
    path = sys.argv[1]
    result = {}
    try:
        Session.open(path).close()
        result["open"] = "opened"
    except SessionError as exc:
        result["open"] = f"{type(exc).__name__}: {exc}"
    with Session.open(path, read_only=True) as session:
        result["entries"] = [e.text for e in session.state.entries]
        try:
            session.log_entry(observer="x", role=None, kind="observation", text="should not be written")
            result["write"] = "written"
        except SessionError as exc:
            result["write"] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
