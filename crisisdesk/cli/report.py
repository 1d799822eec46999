"""``crisisdesk report FILE.crisisdesk -o report.html|report.pdf``: the after-action report.

The format follows the output's extension. A session still running gives a draft
(marked as such). PDF output needs the Qt WebEngine renderer, which the installed
``crisisdesk`` command registers (ui/cli_extensions.py); HTML needs nothing but the core.
"""

from __future__ import annotations

import argparse
import sys
import time

from crisisdesk.cli import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="FILE.crisisdesk", help="the session file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.html|OUT.pdf|OUT.csv",
                        help="where to write the report; .html or .pdf; .csv writes the improvement plan")
    parser.add_argument("--templates", metavar="DIR",
                        help="a folder of Jinja templates overriding the default ones (e.g. report.css.j2)")
    parser.add_argument("--language", choices=("fr", "en"),
                        help="report language (default: the exercise's language)")


def run(args: argparse.Namespace) -> int:
    from crisisdesk.cli.session_argument import check_session_argument
    from crisisdesk.report import (
        PdfFailed,
        PdfUnavailable,
        ReportError,
        TemplateFolderError,
        output_format,
        write_report,
    )

    try:
        kind = output_format(args.output)
        check_session_argument(args.session)
        started = time.perf_counter()
        out = write_report(args.session, args.output, templates=args.templates, language=args.language)
    except (ReportError, TemplateFolderError, PdfUnavailable) as exc:
        raise UsageError(str(exc)) from exc
    except PdfFailed as exc:
        print(f"crisisdesk report: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the output folder cannot be made or written
        raise UsageError(f"{args.output}: cannot write the report: {_why(exc)}") from None
    what = "improvement plan (CSV)" if kind == "csv" else f"{kind.upper()} report"
    print(f"{out}: {what} written in {time.perf_counter() - started:.1f} s")
    return 0


def _why(exc: OSError) -> str:
    """Say why the output could not be written, naming the path at fault."""
    culprit = exc.filename
    if isinstance(exc, (FileExistsError, NotADirectoryError)) and culprit:
        return f"{culprit} is a file, not a folder"
    return f"{exc.strerror or exc}: {culprit}" if culprit else str(exc.strerror or exc)
