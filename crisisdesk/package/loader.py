"""Load and validate an exercise package folder (format crisisdesk/1).

``validate_package`` reads the three files, checks every field and every cross
reference, and returns the typed :class:`Package` (or None) with every problem found:
errors, which make the package unusable, and warnings, which do not.
``load_package`` is the strict form the app uses: it returns the package or raises
:class:`PackageError` listing the problems. See docs/package-format.md for the format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from crisisdesk.package import cross_refs
from crisisdesk.package.cross_refs import EXERCISE_FILE, MSEL_FILE, PACKAGE_FILES, ROLES_FILE, Known
from crisisdesk.package.fields import Report, TooManyErrors
from crisisdesk.package.model import Exercise, Inject, Package, Role
from crisisdesk.package.problems import PackageError, Problem
from crisisdesk.package.read_exercise import format_is_supported, read_exercise
from crisisdesk.package.read_injects import read_msel
from crisisdesk.package.read_roles import read_roles
from crisisdesk.package.sources import FolderSource, MemorySource
from crisisdesk.package.yamlsource import Node

__all__ = [
    "EXERCISE_FILE",
    "MSEL_FILE",
    "PACKAGE_FILES",
    "ROLES_FILE",
    "PackageError",
    "Problem",
    "load_package",
    "load_package_files",
    "validate_package",
    "validate_package_files",
]

T = TypeVar("T")


def load_package(path: str | Path) -> Package:
    """Load the package at ``path``; raise PackageError listing every problem if it has errors."""
    package, problems = validate_package(path)
    if package is None:
        raise PackageError(Path(path), problems)
    return package


def validate_package(
    path: str | Path, files: Mapping[str, Path] | None = None
) -> tuple[Package | None, list[Problem]]:
    """Check the package at ``path``; return it (None if it has errors) and all problems.

    Problems name files as ``path`` was given (``injects/paris-50c/msel.yaml``), and
    come in file order, then line order. ``files`` reads some of the three files from
    elsewhere (the editor checks its unsaved text); messages still name the package's.
    """
    root = Path(path)
    try:
        if not root.exists():
            return None, [Problem(str(path), None, "no such package folder")]
        if not root.is_dir():
            return None, [
                Problem(str(path), None, "is not a folder; give the package folder, which holds exercise.yaml")
            ]
    except OSError as exc:
        return None, [Problem(str(path), None, f"cannot be read: {exc.strerror or exc}")]
    return _PackageReader(root, FolderSource(root, files)).read()


def validate_package_files(files: Mapping[str, bytes], root: Path) -> tuple[Package | None, list[Problem]]:
    """Check a package held in memory: ``files`` maps POSIX paths (``msel.yaml``, ``media/carte.svg``) to bytes.

    The same checks as ``validate_package``, for a package read back from a session
    file without writing it anywhere; ``root`` names it in messages and is the
    returned package's ``root``.
    """
    return _PackageReader(Path(root), MemorySource(files)).read()


def load_package_files(files: Mapping[str, bytes], root: Path) -> Package:
    """``validate_package_files``, raising PackageError listing every problem if it has errors."""
    package, problems = validate_package_files(files, root)
    if package is None:
        raise PackageError(Path(root), problems)
    return package


class _PackageReader:
    """Reads the three files of one package, in order, sharing what cross-checks need.

    Each file has its reader (read_exercise, read_roles, read_injects); ``known``
    carries what one file defines to the references of the next.
    """

    def __init__(self, root: Path, source: FolderSource | MemorySource):
        self.root = root
        self.source = source
        self.reports = {name: Report(str(root / name)) for name in PACKAGE_FILES}
        self.known = Known()

    def read(self) -> tuple[Package | None, list[Problem]]:
        nodes = {}
        for name in PACKAGE_FILES:
            node, problems = self.source.yaml(name, self.reports[name].label)
            self.reports[name].problems.extend(problems)
            nodes[name] = node
        exercise_node = nodes[EXERCISE_FILE]
        if exercise_node is not None and not format_is_supported(self.reports[EXERCISE_FILE], exercise_node):
            # Another format's files mean other things: checking them would only add noise.
            return None, self.reports[EXERCISE_FILE].problems
        exercise = self._guarded(self._read_exercise, nodes[EXERCISE_FILE])
        roles = self._guarded(self._read_roles, nodes[ROLES_FILE])
        injects = self._guarded(self._read_msel, nodes[MSEL_FILE])
        problems = [p for name in PACKAGE_FILES for p in sorted(
            self.reports[name].problems, key=lambda p: p.line or 0)]
        if any(not p.warning for p in problems) or exercise is None or roles is None or injects is None:
            return None, problems
        package = Package(
            root=self.source.package_root(self.root),
            exercise=exercise,
            roles=roles,
            injects=tuple(sorted(injects, key=lambda inject: inject.at)),
        )
        return package, problems

    @staticmethod
    def _guarded(read_file: Callable[[Node], T | None], node: Node | None) -> T | None:
        """Run one file's reader; None if the file is unreadable or has too many errors."""
        if node is None:
            return None
        try:
            return read_file(node)
        except TooManyErrors:
            return None

    def _read_exercise(self, node: Node) -> Exercise | None:
        return read_exercise(self.reports[EXERCISE_FILE], node, self.known)

    def _read_roles(self, node: Node) -> tuple[Role, ...] | None:
        return read_roles(self.reports[ROLES_FILE], node, self.known)

    def _read_msel(self, node: Node) -> list[Inject] | None:
        """Read the injects, then check what needs all of them (a reference may point forward)."""
        msel = read_msel(self.reports[MSEL_FILE], node, self.known, self.source.attachment_problem)
        if msel is None:
            return None
        cross_refs.check_contingencies(msel.contingencies, msel.injects, msel.lines)
        cross_refs.check_briefings(self.known, msel.lines)
        cross_refs.check_coverage(self.reports, self.known, msel.targeted, msel.tested)
        cross_refs.check_images(self.reports, self.known, msel.injects)
        return msel.injects if msel.complete else None
