"""``crisisdesk export-session SESSION -o FILE.crisisdesk``: a session (e.g. on a server) as one file.

Archives a multi-site session held on PostgreSQL as one ``.crisisdesk`` file that the
report, ``export`` and the console open like any other; the events keep their order
and ids. The source is only read: the consoles may go on writing meanwhile (the copy
holds what was committed when it read the log).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from crisisdesk.cli import UsageError
from crisisdesk.cli.words import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION",
                        help=_("the session: postgresql://USER@HOST/DB?session=NAME (or a session file)"))
    parser.add_argument("-o", "--output", metavar="FILE.crisisdesk", required=True,
                        help=_("the file to create"))


def run(args: argparse.Namespace) -> int:
    from crisisdesk.session import SessionError
    from crisisdesk.session.transfer import copy_session

    try:
        source = session_location(args.session)
        result = copy_session(source, Path(args.output))
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    print(_("{target}: {events} events and {files} package files copied from {source}", target=result.target,
            events=result.events, files=result.files, source=source.display))
    return 0


def session_location(text: str):
    """Parse a session argument (path or URL); a server URL gets its password from ~/.pgpass or PGPASSWORD."""
    from crisisdesk.session.engines import parse_location, require_session_name

    location = parse_location(text)
    require_session_name(location)
    if not location.on_server:
        from crisisdesk.cli.session_argument import check_session_argument

        check_session_argument(location.file)
    return location
