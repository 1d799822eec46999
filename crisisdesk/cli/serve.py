"""``crisisdesk serve SESSION.crisisdesk [--host H] [--port P]``: open the session to the room.

Observers, animators, players and the room display work on the session from their
own devices through the links it prints (each with a random token and a short
code). It writes through the session store as a second observer window does, so
the console that runs the clock keeps running it. See docs/room-network.md.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from crisisdesk.cli import UsageError
from crisisdesk.cli.numbers import bounded
from crisisdesk.cli.words import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION.crisisdesk", help=_("the session file a console is running"))
    parser.add_argument("--host", default="127.0.0.1",
                        help=_("address to listen on: the room network's interface address (default: this machine "
                               "only, 127.0.0.1)"))
    parser.add_argument("--port", type=bounded(0, 65535, integer=True), default=8765, help=_("port (default 8765; 0 picks a free one)"))
    parser.add_argument("--url-host", metavar="NAME", help=_("address or name written in the links (default: --host)"))
    parser.add_argument("--grace", type=bounded(0, 7 * 24 * 60), metavar="MINUTES",  # a week at most
                        help=_("stop this many minutes after ENDEX (default: run until stopped)"))
    parser.add_argument("--control", action="store_true",
                        help=_("speak the console's JSON line protocol on stdin/stdout (used by the app)"))


def run(args: argparse.Namespace) -> int:
    from crisisdesk.cli.session_argument import check_session_argument
    from crisisdesk.server.control import serve
    from crisisdesk.session import SessionError

    path = check_session_argument(args.session)
    if not 0 <= args.port <= 65535:
        raise UsageError(_("--port {port}: a port is between 0 and 65535", port=args.port))
    if args.grace is not None and args.grace < 0:
        raise UsageError(_("--grace {grace}: minutes after ENDEX cannot be negative", grace=args.grace))
    try:
        asyncio.run(serve(Path(path), args.host, args.port, control=args.control, grace_minutes=args.grace,
                          url_host=args.url_host))
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(_("cannot listen on {host}:{port}: {why}", host=args.host, port=args.port,
                           why=exc.strerror or exc)) from None
    return 0
