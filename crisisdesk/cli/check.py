"""``crisisdesk check PACKAGE [--format text|html|json]``: is the timeline playable?

Runs the readiness check (crisisdesk/readiness) on a valid package and prints its
report. Exit status 0 when nothing exceeds a threshold, 1 when something does, 2 when
the package is invalid (its problems are printed as ``crisisdesk validate`` does).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crisisdesk.cli.words import _, count
from crisisdesk.package.loader import PACKAGE_FILES, validate_package


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", metavar="PACKAGE", help=_("the package folder (holding exercise.yaml)"))
    parser.add_argument(
        "--format", choices=("text", "html", "json"), default="text",
        help=_("text: a table for the terminal (default); html: a page with the load chart; json: for tools"),
    )


def run(args: argparse.Namespace) -> int:
    from crisisdesk.readiness import check_package
    from crisisdesk.readiness.render import render_html, render_json, render_text

    path = Path(args.package)
    if path.is_file() and path.name in PACKAGE_FILES:
        path = path.parent
    package, problems = validate_package(path)
    if package is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        errors = sum(1 for p in problems if not p.warning)
        print(_("{path}: not a valid package ({errors}); run `crisisdesk validate {path}` for details",
                path=path, errors=count(errors, "error", "errors")), file=sys.stderr)
        return 2
    report = check_package(package, path)
    render = {"text": render_text, "html": render_html, "json": render_json}[args.format]
    from crisisdesk.printable import printable, printable_json

    text = render(report)
    # Titles and names come from the package: a terminal must not run their control characters.
    if args.format == "text":
        text = printable(text, keep_newlines=True)
    elif args.format == "json":
        text = printable_json(text)
    sys.stdout.write(text)
    return 1 if report.exceeded else 0
