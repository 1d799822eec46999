"""``crisisdesk import-session FILE.crisisdesk --db URL``: put a session file on a PostgreSQL server.

The new server session (``postgresql://USER@HOST/DB?session=NAME``) holds the same
package snapshot and events, seq for seq, so consoles on several sites can carry on
an exercise prepared or begun in one room. Without ``?session=`` the session is named
after the file.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from crisisdesk.cli import UsageError
from crisisdesk.cli.words import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="FILE.crisisdesk", help=_("the session file to copy"))
    parser.add_argument("--db", metavar="URL", required=True,
                        help=_("where to put it: postgresql://USER@HOST/DB?session=NAME"))


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from crisisdesk.cli.export_session import session_location
    from crisisdesk.session import SessionError
    from crisisdesk.session.engines import parse_location
    from crisisdesk.session.transfer import copy_session

    try:
        source = session_location(args.session)
        target = parse_location(args.db)
        if not target.on_server:
            raise UsageError(_("{url}: --db takes a server URL (postgresql://USER@HOST/DB?session=NAME); "
                               "to copy a file, copy the file", url=args.db))
        if not target.session:
            target = replace(target, session=name_from_file(Path(args.session)))
        result = copy_session(source, target)
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    print(_("{target}: {events} events and {files} package files copied from {source}", target=result.target,
            events=result.events, files=result.files, source=source.display))
    return 0


def name_from_file(path: Path) -> str:
    """A valid session name from a file name: ``paris-50c_2026-12-03_09h00.crisisdesk`` -> ``paris_50c_2026_12_03_09h00``."""
    name = re.sub(r"[^a-z0-9_]+", "_", path.stem.lower()).strip("_")[:40] or "session"
    return name if name[0].isalpha() else f"s_{name}"[:40]
