"""``crisisdesk export-msel PACKAGE_DIR|SESSION.crisisdesk -o FILE.xlsx|.ods|.csv``: the chronogramme as a spreadsheet.

From a package: one row per inject in time order, with side sheets for the role
cards, objectives, phases, indicators and the exercise frame (XLSX and ODS; CSV
holds the chronogramme only). From a played session: the same, plus the planned and
actual times, the status and the observers' verdicts of each inject.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from crisisdesk.cli import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="PACKAGE_DIR|SESSION", help="a package folder or a session file")
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the spreadsheet to write: "
                        ".xlsx, .ods or .csv")


def run(args: argparse.Namespace) -> int:
    from crisisdesk.msel.export import msel_tables
    from crisisdesk.msel.spreadsheet import FORMATS, write_tables

    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise UsageError(f"{out}: write {', '.join(FORMATS)}")
    if not out.parent.is_dir():
        raise UsageError(f"{out.parent}: no such folder")
    source = Path(args.source)
    if source.is_dir():
        from crisisdesk.package.loader import load_package
        from crisisdesk.package.problems import PackageError

        try:
            package = load_package(source)
        except PackageError as exc:
            raise UsageError(f"{source} is not a valid package:\n{exc}") from None
        tables = msel_tables(package)
        what = f"{len(package.injects)} injects"
    else:
        from crisisdesk.cli.session_argument import check_session_argument
        from crisisdesk.session import Session, SessionError

        path = check_session_argument(args.source)
        try:
            with Session.open(path, read_only=True) as session:
                tables = msel_tables(session.package, session.state)
                fired = sum(1 for s in session.state.injects if s.status.value == "fired")
                what = f"{len(session.state.injects)} injects, {fired} played"
        except SessionError as exc:
            raise UsageError(str(exc)) from None
    try:
        write_tables(tables, out)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"{out}: chronogramme written ({what})")
    return 0
