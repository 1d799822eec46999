"""Child process of the app's "Imprimer le kit…": the kits' HTML from a session's package (no Qt here).

    python -m ui.kit_process SESSION.crisisdesk OUT_DIR [--only KIND ...] [--by role|objective]

Writes ``<exercise id>-kit-<kind>.html`` into OUT_DIR, printing ``kit <kind>`` after each,
then ``done`` (exit 0); on failure its last line is ``error: <message>`` (exit 1). The
package is the snapshot the session holds: the kit is the exercise being run. A process,
as for the report (ui/report_process.py): laying out a long package is pure-Python work
that would hold the interpreter lock against the console's inject timer.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

KINDS = ("animateur", "observateur", "joueur")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.kit_process")
    parser.add_argument("session", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", action="append", choices=KINDS)
    parser.add_argument("--by", choices=("role", "objective"), default="role")
    args = parser.parse_args(argv)

    def say(line: str) -> None:
        print(line, flush=True)

    try:
        from jinja2 import TemplateError

        from crisisdesk.report import describe_template_error
        from crisisdesk.report.kits import write_kits
        from crisisdesk.session import Session, SessionError

        try:
            with Session.open(args.session, read_only=True) as session:
                # Attachments come from the snapshot too: the package folder may be gone.
                write_kits(session.package, args.out, kinds=args.only or KINDS, by=args.by, fmt="html",
                           progress=lambda kind, _path: say(f"kit {kind}"), read_attachment=session.attachment_bytes)
        except (SessionError, OSError) as exc:
            say(f"error: {_one_line(str(exc))}")
            return 1
        except TemplateError as exc:
            say(f"error: {_one_line(describe_template_error(exc))}")
            return 1
    except Exception as exc:  # a bug: the traceback goes to the app's log (standard error)
        traceback.print_exc()
        say(f"error: {type(exc).__name__}: {_one_line(str(exc))}")
        return 1
    say("done")
    return 0


def _one_line(text: str) -> str:
    return text.replace("\n", "\x1f")  # the app puts the newlines back (as for the report)


if __name__ == "__main__":
    sys.exit(main())
