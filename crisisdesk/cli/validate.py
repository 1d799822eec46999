"""``crisisdesk validate PACKAGE``: check an exercise package and summarise it.

Exit status 0 when the package is usable (warnings are printed but do not fail it),
2 when it has errors; every problem is printed as ``file:line: message``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from crisisdesk.cli.words import _, count
from crisisdesk.package.loader import PACKAGE_FILES, validate_package
from crisisdesk.package.model import Package
from crisisdesk.printable import printable
from crisisdesk.timefmt import format_offset


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", metavar="PACKAGE", help=_("the package folder (holding exercise.yaml)"))


def run(args: argparse.Namespace) -> int:
    path = Path(args.package)
    if path.is_file() and path.name in PACKAGE_FILES:
        path = path.parent  # `validate pkg/msel.yaml` means the package around it
    package, problems = validate_package(path)
    out = sys.stdout
    for problem in problems:
        print(problem, file=out)
    errors = sum(1 for p in problems if not p.warning)
    warnings = len(problems) - errors
    if package is None:
        print(_("{path}: not a valid package: {errors}, {warnings}", path=path,
                errors=count(errors, "error", "errors"), warnings=count(warnings, "warning", "warnings")), file=out)
        return 2
    if problems:
        print(file=out)
    verdict = f" ({count(warnings, 'warning', 'warnings')})" if warnings else ""
    print(_("{path}: valid {format} package{verdict}", path=path, format=package.exercise.format, verdict=verdict),
          file=out)
    rows = summary_lines(package)
    width = max(12, max(len(label) for label, _value in rows) + 1)  # 12: the documented English layout
    for label, value in rows:
        print(f"  {label:<{width}}{printable(value)}", file=out)  # titles from the package: escapes escaped
    return 0


def summary_lines(package: Package) -> list[tuple[str, str]]:
    """Return (label, value) rows describing the package in a few lines."""
    ex = package.exercise
    kinds = Counter(role.kind for role in package.roles)
    played = kinds["directorate"] + kinds["partner"]
    manual = sum(1 for inject in package.injects if inject.manual)
    contingency = sum(1 for inject in package.injects if inject.contingency_for)
    attachments = {path for inject in package.injects for path in inject.attachments}
    rows = [
        (_("title"), ex.title),
        (_("id"), f"{ex.id} ({ex.language})"),
        (_("roles"), _("{total}: {played} played ({directorates}, {partners}), {simulated} simulated",
                       total=len(package.roles), played=played,
                       directorates=count(kinds["directorate"], "directorate", "directorates"),
                       partners=count(kinds["partner"], "partner", "partners"), simulated=kinds["simulated"])),
        (_("injects"), _("{total}: {timeline} on the timeline, {manual} manual, {contingencies}",
                         total=len(package.injects), timeline=len(package.injects) - manual, manual=manual,
                         contingencies=count(contingency, "contingency", "contingencies"))),
        (_("objectives"), str(len(ex.objectives))),
        (_("indicators"), str(len(ex.indicators))),
        (_("attachments"), str(len(attachments))),
        (_("duration"), _("{duration} in {phases}", duration=format_offset(ex.duration, with_seconds=False),
                          phases=count(len(ex.phases), "phase", "phases"))),
    ]
    if package.injects:
        first = package.scenario_time_at(package.injects[0].at)
        last = package.scenario_time_at(package.injects[-1].at)
        rows.append((_("scenario"), _("{first} → {last} (first to last inject)",
                                      first=f"{first:%Y-%m-%d %H:%M}", last=f"{last:%Y-%m-%d %H:%M}")))
    return rows
