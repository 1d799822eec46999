"""``crisisdesk import-pending FILE.crisisdesk WRITES.json``: store writes kept in a file when the disk was full.

When the session file and the journal beside it could not take the observers' writes
(a full disk), the app offered to save them to a file of the user's choice. This
command stores them in the session file, in the order they were made; writes already
in the file are not stored twice (each has its own id), so running it again is harmless.
"""

from __future__ import annotations

import argparse

from crisisdesk.cli import UsageError
from crisisdesk.cli.words import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="FILE.crisisdesk", help=_("the session file the writes belong to"))
    parser.add_argument("writes", metavar="WRITES.json", help=_("the file of unsaved writes the app saved"))


def run(args: argparse.Namespace) -> int:
    from crisisdesk.cli.session_argument import check_session_argument
    from crisisdesk.printable import printable
    from crisisdesk.session import Session, SessionError

    path = check_session_argument(args.session)
    try:
        with Session.open(path) as session:
            result = session.import_pending(args.writes)
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    print(printable(_("{path}: {stored} write(s) stored, {already} already in the file", path=path,
                      stored=result.stored, already=result.already)))
    return 0
