"""The editor's live check as one picklable job: validate's checks, then the readiness check.

It runs in a child process so that a big package (2,000 injects: a second or more of
pure Python) never holds the interpreter the editor's window paints with; it returns
only what the problems pane shows (the problems and the readiness report), not the
whole Package, so that little crosses back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crisisdesk.package.problems import Problem


def run_check(root: Path, texts: dict[str, str]) -> tuple[list[Problem], Any]:
    """``(problems, readiness report or None)`` for the package at ``root`` holding ``texts``."""
    from crisisdesk.package.document import check_texts
    from crisisdesk.readiness import check_package

    report = None
    try:
        package, problems = check_texts(root, texts)
        if package is not None:  # the readiness check measures a valid package only
            report = check_package(package, root)
    except Exception as error:  # shown, never lost: the editor must keep working
        problems = [Problem(str(root), None, f"the check failed: {error}")]
    return problems, report
