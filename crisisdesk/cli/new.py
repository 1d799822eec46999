"""``crisisdesk new PACKAGE -o FILE.crisisdesk``: create a session file from a package.

The session file keeps a snapshot of the package, so later edits of the package
folder never change this exercise run.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from crisisdesk.cli import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", metavar="PACKAGE", help="the package folder (holding exercise.yaml)")
    parser.add_argument("-o", "--output", metavar="FILE.crisisdesk",
                        help="the session file to create (default: <package>-<date>-<time>.crisisdesk here)")
    parser.add_argument("--observer", metavar="NAME", help="who creates the session (written in its log)")


def run(args: argparse.Namespace) -> int:
    from crisisdesk.package.problems import PackageError
    from crisisdesk.session import Session, SessionError

    package = Path(args.package)
    output = Path(args.output) if args.output else Path(f"{package.resolve().name}-{datetime.now():%Y%m%d-%H%M}.crisisdesk")
    try:
        with Session.create(output, package, observer=args.observer) as session:
            state = session.state
            ex = session.package.exercise
            print(f"{output}: new session of {ex.title!r} ({ex.id}): {len(state.injects)} injects, "
                  f"{len(session.package.roles)} roles, {len(ex.phases)} phases")
    except PackageError as exc:
        raise UsageError(package_error_message(package, exc)) from None
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    return 0


def package_error_message(path: Path, exc) -> str:
    """Return a PackageError as ``file:line: message`` lines and a hint."""
    return f"{path}: not a valid package (run `crisisdesk validate {path}` for details)\n{exc}"
