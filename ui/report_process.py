"""Child process of the app's report action: render a session's report as HTML (no Qt here).

    python -m ui.report_process SESSION.crisisdesk OUT.html [--now EPOCH] [--print]
    python -m ui.report_process SESSION.crisisdesk OUT.docx|OUT.odt --word [--now EPOCH]

Prints ``step 0`` (opening and computing), ``step 1`` (laying out), then ``done`` and
exits 0; on failure its last line is ``error: <message for the user>`` and it exits 1
(the protocol: ui/child_protocol.py). ``--now`` is the app's clock (what "generated at"
and a draft's "as of" say).

Why a process and not a thread: rendering is seconds of pure-Python work on a long
exercise, and a thread holds the interpreter lock against the window: measured with the
console firing injects every second while the 50,000-entry report rendered on a thread,
injects went out up to 1.6 s late (benchmarks/lateness.py); from a process, they do not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ui.child_protocol import Say, run_in_child


def render_report_html(session_path: Any, out: Path, time_source: Any, *, for_print: bool, say: Say) -> None:
    """Write the report HTML of a session (a file, or a server session's location) into ``out``.

    The work of the child process, and of the thread a frozen build uses instead.
    """
    from crisisdesk.report import build_figures, render_html, report_images, write_text_atomically
    from crisisdesk.session import Session

    say("step 0")
    with Session.open(session_path, time_source=time_source, read_only=True) as session:
        figures = build_figures(session)
        images = report_images(session)  # read while the file is open
    say("step 1")
    write_text_atomically(out, render_html(figures, image_src=images, for_print=for_print))


def render_word_document(session_path: Any, out: Path, time_source: Any, *, say: Say) -> None:
    """Write the report as a DOCX or ODT (``out``'s suffix) for a word processor; pictures get a PNG twin."""
    from crisisdesk.report import write_report
    from ui import cli_extensions

    cli_extensions.install()  # Qt draws the charts' PNG fallback (LibreOffice shows no SVG in a DOCX)
    say("step 0")
    write_report(session_path, out, time_source=time_source)
    say("step 1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.report_process")
    parser.add_argument("session")  # a file, or a server URL (password from PGPASSWORD / .pgpass)
    parser.add_argument("out", type=Path)
    parser.add_argument("--now", type=float)
    parser.add_argument("--print", action="store_true", dest="for_print", help="HTML for the PDF (long annexes summarised)")
    parser.add_argument("--word", action="store_true", help="a DOCX or ODT (the output's suffix) instead of HTML")
    args = parser.parse_args(argv)

    def work(say: Say) -> None:
        from crisisdesk import collector
        from crisisdesk.clock import FakeTime

        time_source = FakeTime(args.now) if args.now is not None else None
        with collector.paused():  # hundreds of thousands of rows on a long exercise: crisisdesk/collector.py
            if args.word:
                render_word_document(args.session, args.out, time_source, say=say)
            else:
                render_report_html(args.session, args.out, time_source, for_print=args.for_print, say=say)

    return run_in_child(work)


if __name__ == "__main__":
    sys.exit(main())
