"""``crisisdesk validate PACKAGE``: check an exercise package and summarise it.

Exit status 0 when the package is usable (warnings are printed but do not fail it),
2 when it has errors; every problem is printed as ``file:line: message``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from crisisdesk.package.loader import PACKAGE_FILES, validate_package
from crisisdesk.package.model import Package
from crisisdesk.printable import printable
from crisisdesk.timefmt import format_offset


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("package", metavar="PACKAGE", help="the package folder (holding exercise.yaml)")


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
        print(f"{printable(path)}: not a valid package: {_count(errors, 'error')}, {_count(warnings, 'warning')}", file=out)
        return 2
    if problems:
        print(file=out)
    verdict = f" ({_count(warnings, 'warning')})" if warnings else ""
    print(f"{printable(path)}: valid {package.exercise.format} package{verdict}", file=out)
    for label, value in summary_lines(package):
        print(f"  {label:<12}{printable(value)}", file=out)
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
        ("title", ex.title),
        ("id", f"{ex.id} ({ex.language})"),
        (
            "roles",
            f"{len(package.roles)}: {played} played ({_count(kinds['directorate'], 'directorate')}, "
            f"{_count(kinds['partner'], 'partner')}), {kinds['simulated']} simulated",
        ),
        (
            "injects",
            f"{len(package.injects)}: {len(package.injects) - manual} on the timeline, "
            f"{manual} manual, {_count(contingency, 'contingency', 'contingencies')}",
        ),
        ("objectives", str(len(ex.objectives))),
        ("indicators", str(len(ex.indicators))),
        ("attachments", str(len(attachments))),
        ("duration", f"{format_offset(ex.duration, with_seconds=False)} in {_count(len(ex.phases), 'phase')}"),
    ]
    if package.injects:
        first = package.scenario_time_at(package.injects[0].at)
        last = package.scenario_time_at(package.injects[-1].at)
        rows.append(("scenario", f"{first:%Y-%m-%d %H:%M} → {last:%Y-%m-%d %H:%M} (first to last inject)"))
    return rows


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"
