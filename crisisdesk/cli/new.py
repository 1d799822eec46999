"""``crisisdesk new PACKAGE -o FILE.crisisdesk``: create a session file from a package.

The session file keeps a snapshot of the package, so later edits of the package
folder never change this exercise run.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from crisisdesk.cli import UsageError
from crisisdesk.cli.words import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", metavar="PACKAGE", help=_("the package folder (holding exercise.yaml)"))
    parser.add_argument("-o", "--output", metavar="FILE.crisisdesk",
                        help=_("the session file to create (default: <exercise id>_<date>_<time>.crisisdesk "
                               "here, never overwriting)"))
    parser.add_argument("--observer", metavar="NAME", help=_("who creates the session (written in its log)"))


def run(args: argparse.Namespace) -> int:
    from crisisdesk.package.loader import load_package
    from crisisdesk.package.problems import PackageError
    from crisisdesk.session import Session, SessionError
    from crisisdesk.session.naming import dated_session_path

    package = Path(args.package)
    try:
        loaded = load_package(package)
        output = Path(args.output) if args.output else dated_session_path(Path.cwd(), loaded.exercise.id,
                                                                          datetime.now())
        with Session.create(output, package, observer=args.observer, package=loaded) as session:
            state = session.state
            ex = session.package.exercise
            print(_("{output}: new session of {title} ({id}): {injects} injects, {roles} roles, {phases} phases",
                    output=output, title=repr(ex.title), id=ex.id, injects=len(state.injects),
                    roles=len(session.package.roles), phases=len(ex.phases)))
    except PackageError as exc:
        raise UsageError(package_error_message(package, exc)) from None
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    return 0


def package_error_message(path: Path, exc) -> str:
    """Return a PackageError as ``file:line: message`` lines and a hint."""
    return _("{path}: not a valid package (run `crisisdesk validate {path}` for details)\n{problems}",
             path=path, problems=exc)
