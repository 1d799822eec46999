"""Child process of the app's "Imprimer le kit…": the kits' HTML from a session's package (no Qt here).

    python -m ui.kit_process SESSION.crisisdesk OUT_DIR [--only KIND ...] [--by role|objective]

Writes ``<exercise id>-kit-<kind>.html`` into OUT_DIR, printing ``kit <kind>`` after each,
then ``done`` (exit 0); on failure its last line is ``error: <message>`` (exit 1): the
protocol of ui/child_protocol.py. The package is the snapshot the session holds: the kit
is the exercise being run. A process, as for the report (ui/report_process.py): laying
out a long package is pure-Python work that would hold the interpreter lock against the
console's inject timer.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ui.child_protocol import Say, run_in_child

KINDS = ("animateur", "observateur", "joueur")


def write_kit_html(session_path: Any, out: Path, kinds: Sequence[str], by: str, say: Say) -> None:
    """Lay out the kits of a session's package (a file, or a server session's location) into ``out``.

    The work of the child process, and of the thread a frozen build uses instead.
    """
    from crisisdesk.report.kits import write_kits
    from crisisdesk.session import Session

    with Session.open(session_path, read_only=True) as session:
        # Attachments come from the snapshot too: the package folder may be gone.
        write_kits(session.package, out, kinds=kinds, by=by, fmt="html",
                   progress=lambda kind, _path: say(f"kit {kind}"), read_attachment=session.attachment_bytes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.kit_process")
    parser.add_argument("session")  # a file, or a server URL (password from PGPASSWORD / .pgpass)
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", action="append", choices=KINDS)
    parser.add_argument("--by", choices=("role", "objective"), default="role")
    args = parser.parse_args(argv)
    return run_in_child(lambda say: write_kit_html(args.session, args.out, args.only or KINDS, args.by, say))


if __name__ == "__main__":
    sys.exit(main())
