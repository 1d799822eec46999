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
from crisisdesk.cli.words import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="PACKAGE_DIR|SESSION", help=_("a package folder or a session file"))
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help=_("the spreadsheet to write: .xlsx, .ods or .csv"))


def run(args: argparse.Namespace) -> int:
    from crisisdesk.msel.export import msel_tables
    from crisisdesk.msel.spreadsheet import FORMATS, write_tables

    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise UsageError(_("{out}: write {formats}", out=out, formats=", ".join(FORMATS)))
    if not out.parent.is_dir():
        raise UsageError(_("{folder}: no such folder", folder=out.parent))
    source = Path(args.source)
    if source.is_dir():
        from crisisdesk.package.loader import load_package
        from crisisdesk.package.problems import PackageError

        try:
            package = load_package(source)
        except PackageError as exc:
            raise UsageError(_("{source} is not a valid package:\n{problems}", source=source, problems=exc)) from None
        tables = msel_tables(package)
        what = _("{n} injects", n=len(package.injects))
    else:
        from crisisdesk.cli.session_argument import check_session_argument
        from crisisdesk.session import Session, SessionError

        path = check_session_argument(args.source)
        try:
            with Session.open(path, read_only=True) as session:
                tables = msel_tables(session.package, session.state)
                fired = sum(1 for s in session.state.injects if s.status.value == "fired")
                what = _("{n} injects, {fired} played", n=len(session.state.injects), fired=fired)
        except SessionError as exc:
            raise UsageError(str(exc)) from None
    try:
        write_tables(tables, out)
    except OSError as exc:
        raise UsageError(_("cannot write {out}: {why}", out=out, why=exc.strerror or exc)) from None
    print(_("{out}: chronogramme written ({what})", out=out, what=what))
    return 0
