"""``crisisdesk kit PACKAGE -o DIR [--only animateur|observateur|joueur]``: the printed kits.

From the package alone, before the exercise: one A4 PDF per kit (``<id>-kit-<kind>.pdf``)
in DIR. PDF needs the Qt WebEngine renderer that the installed ``crisisdesk`` command
registers (ui/cli_extensions.py); ``--format html`` needs nothing but the core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from crisisdesk.cli import UsageError
from crisisdesk.cli.words import _

KINDS = ("animateur", "observateur", "joueur")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", metavar="PACKAGE", help=_("the package folder (holding exercise.yaml)"))
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help=_("the folder to write the kits into"))
    parser.add_argument("--only", choices=KINDS, action="append", metavar="KIT",
                        help=_("make only this kit (animateur, observateur or joueur); may be repeated"))
    parser.add_argument("--by", choices=("role", "objective"), default="role",
                        help=_("group the observer kit per played role (default) or per objective"))
    parser.add_argument("--format", choices=("pdf", "html"), default="pdf", dest="fmt",
                        help=_("pdf (default) or html"))
    parser.add_argument("--language", choices=("fr", "en"),
                        help=_("kit language (default: the exercise's language)"))


def run(args: argparse.Namespace) -> int:
    from crisisdesk.package.loader import PACKAGE_FILES, validate_package
    from crisisdesk.report import PdfFailed, PdfUnavailable
    from crisisdesk.report.kits import write_kits

    path = Path(args.package)
    if path.is_file() and path.name in PACKAGE_FILES:
        path = path.parent
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise UsageError(_("{out}: is a file, not a folder", out=out))
    package, problems = validate_package(path)
    if package is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        raise UsageError(_("{path}: not a valid package; see `crisisdesk validate {path}`", path=path))
    kinds = list(dict.fromkeys(args.only)) if args.only else list(KINDS)
    started = time.perf_counter()

    def said(kind: str, written: Path) -> None:
        print(_("{written}: kit {kind} written", written=written, kind=kind))

    try:
        write_kits(package, out, kinds=kinds, by=args.by, language=args.language, fmt=args.fmt, progress=said)
    except PdfUnavailable as exc:
        raise UsageError(str(exc)) from exc
    except PdfFailed as exc:
        print(f"crisisdesk kit: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = exc.filename or out
        raise UsageError(_("{where}: cannot write the kit: {why}", where=where, why=exc.strerror or exc)) from None
    print(_("{count} kit(s) written to {out} in {seconds} s", count=len(kinds), out=out,
            seconds=f"{time.perf_counter() - started:.1f}"))
    return 0
