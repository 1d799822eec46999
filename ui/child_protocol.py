"""The child side of a background job (ui/background_job.py), and the sentence a failure gives.

No Qt here: the child process starts fast and never opens a window. A job is a function
``work(say)`` that calls ``say(line)`` for each progress line; ``run_in_child`` turns it
into the line protocol the app reads from the child's standard output: progress lines,
then ``done`` (exit 0), or a last line ``error: <sentence for the user>`` (exit 1). A
frozen build, which has no Python to start, runs the same ``work`` on a thread
(``ui.background_job.ThreadJob``), so both paths say the same things.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

Say = Callable[[str], None]
Work = Callable[[Say], None]

NEWLINE = "\x1f"  # stands for a newline in the message line (the app puts them back)
DONE = "done"
ERROR = "error: "


def user_message(exc: BaseException) -> str | None:
    """The sentence for the user about an expected failure (a bad file, a full disk, a broken
    template), or None for a bug, whose traceback belongs in the log instead."""
    try:
        from jinja2 import TemplateError

        from crisisdesk.report import ReportError, describe_template_error
        from crisisdesk.session import SessionError
    except Exception:  # the app cannot even import its report: that is a bug, said as one
        return None
    if isinstance(exc, TemplateError):
        return describe_template_error(exc)
    if isinstance(exc, SessionError | ReportError | OSError):
        return str(exc)
    return None


def bug_message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def run_in_child(work: Work) -> int:
    """Run ``work`` and speak the protocol on standard output; the exit code to return."""

    def say(line: str) -> None:
        print(line, flush=True)

    try:
        work(say)
    except Exception as exc:
        message = user_message(exc)
        if message is None:  # a bug: the traceback goes to the app's log (standard error)
            traceback.print_exc()
            message = bug_message(exc)
        say(ERROR + one_line(message))
        return 1
    say(DONE)
    return 0


def one_line(text: str) -> str:
    # The app reads the message from the last line: keep it on one.
    return text.replace("\n", NEWLINE)


def read_message(line: str) -> str:
    """The message of an ``error:`` line, with its newlines back."""
    return line[len(ERROR):].replace(NEWLINE, "\n")
