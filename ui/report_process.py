"""Child process of the app's report action: render a session's report as HTML (no Qt here).

    python -m ui.report_process SESSION.crisisdesk OUT.html [--now EPOCH] [--print]

Prints ``step 0`` (opening and computing), ``step 1`` (laying out), then ``done`` and
exits 0; on failure its last line is ``error: <message for the user>`` and it exits 1.
``--now`` is the app's clock (what "generated at" and a draft's "as of" say).

Why a process and not a thread: rendering is seconds of pure-Python work on a long
exercise, and a thread holds the interpreter lock against the window: measured with the
console firing injects every second while the 50,000-entry report rendered on a thread,
injects went out up to 1.6 s late (benchmarks/lateness.py); from a process, they do not.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.report_process")
    parser.add_argument("session")  # a file, or a server URL (password from PGPASSWORD / .pgpass)
    parser.add_argument("out", type=Path)
    parser.add_argument("--now", type=float)
    parser.add_argument("--print", action="store_true", dest="for_print", help="HTML for the PDF (long annexes summarised)")
    args = parser.parse_args(argv)

    def say(line: str) -> None:
        print(line, flush=True)

    try:
        from jinja2 import TemplateError

        from crisisdesk import collector
        from crisisdesk.clock import FakeTime
        from crisisdesk.report import (
            ReportError,
            build_figures,
            describe_template_error,
            render_html,
            report_images,
            write_text_atomically,
        )
        from crisisdesk.session import Session, SessionError

        time_source = FakeTime(args.now) if args.now is not None else None
        try:
            with collector.paused():  # hundreds of thousands of rows on a long exercise: crisisdesk/collector.py
                say("step 0")
                with Session.open(args.session, time_source=time_source, read_only=True) as session:
                    figures = build_figures(session)
                    images = report_images(session)  # read while the file is open
                say("step 1")
                write_text_atomically(args.out, render_html(figures, image_src=images, for_print=args.for_print))
        except (SessionError, ReportError, OSError) as exc:
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


NEWLINE = "\x1f"  # stands for a newline in the message line (the app puts them back)


def _one_line(text: str) -> str:
    # The app reads the message from the last line: keep it on one.
    return text.replace("\n", NEWLINE)


if __name__ == "__main__":
    sys.exit(main())
