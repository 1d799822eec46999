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
from crisisdesk.cli.words import _


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="FILE.crisisdesk", help=_("the session file, or postgresql://USER@HOST/DB?session=NAME"))
    parser.add_argument("-o", "--output", required=True, metavar="OUT.html|OUT.pdf|OUT.csv|OUT.xlsx",
                        help=_("where to write the report; .html or .pdf; .csv or .xlsx writes the improvement plan"))
    parser.add_argument("--templates", metavar="DIR",
                        help=_("a folder of Jinja templates overriding the default ones (e.g. report.css.j2)"))
    parser.add_argument("--language", choices=("fr", "en"),
                        help=_("report language (default: the exercise's language)"))
    parser.epilog = _("OUT.docx or OUT.odt: the report as a document to finish in Word or LibreOffice Writer "
                      "(headings, tables, charts, the marking in the page header, page numbers)")


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
    from crisisdesk.report.word_processor import WordExportFailed, WordExportUnavailable

    try:
        kind = output_format(args.output)
        check_session_argument(args.session)
        started = time.perf_counter()
        out = write_report(args.session, args.output, templates=args.templates, language=args.language)
    except (ReportError, TemplateFolderError, PdfUnavailable) as exc:
        raise UsageError(str(exc)) from exc
    except WordExportUnavailable as exc:
        raise UsageError(str(exc)) from exc
    except (PdfFailed, WordExportFailed) as exc:
        from crisisdesk.printable import printable

        print(printable(f"crisisdesk report: {exc}", keep_newlines=True), file=sys.stderr)
        return 1
    except OSError as exc:  # the output folder cannot be made or written
        raise UsageError(_("{path}: cannot write the report: {why}", path=args.output, why=_why(exc))) from None
    if kind == "csv":
        print(_("{out}: improvement plan (CSV) written in {seconds} s", out=out,
                seconds=f"{time.perf_counter() - started:.1f}"))
    elif kind == "xlsx":
        print(_("{out}: improvement plan (XLSX) written in {seconds} s", out=out,
                seconds=f"{time.perf_counter() - started:.1f}"))
    else:
        print(_("{out}: {kind} report written in {seconds} s", out=out, kind=kind.upper(),
                seconds=f"{time.perf_counter() - started:.1f}"))
    return 0


def _why(exc: OSError) -> str:
    """Say why the output could not be written, naming the path at fault."""
    culprit = exc.filename
    if isinstance(exc, (FileExistsError, NotADirectoryError)) and culprit:
        return _("{culprit} is a file, not a folder", culprit=culprit)
    return _("{why}: {path}", why=exc.strerror or exc, path=culprit) if culprit else str(exc.strerror or exc)
