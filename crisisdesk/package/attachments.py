"""Where an inject's attachment may live: a regular file inside the package folder."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

_DRIVE = re.compile(r"^[A-Za-z]:")


def path_problem(relpath: str) -> str | None:
    """Say why ``relpath`` is not written as a path inside a package, or None (no disk access)."""
    if not relpath.strip():
        return "is empty"
    if "\\" in relpath:
        return "uses \\; separate folders with / (e.g. media/carte.png)"
    pure = PurePosixPath(relpath)
    if pure.is_absolute() or _DRIVE.match(relpath):
        return "is an absolute path; give a path relative to the package folder (e.g. media/carte.png)"
    if ".." in pure.parts:
        return "goes outside the package folder (..); put the file inside the package"
    return None


def attachment_problem(root: Path, relpath: str) -> str | None:
    """Say why ``relpath`` is not a usable attachment of the package at ``root``, or None.

    An attachment is a path relative to the package folder, written with ``/``, that
    stays inside the folder, goes through no symbolic link and names a regular file.
    Links are refused because the package is copied into the session file and must not
    pull in files from elsewhere on the laptop.
    """
    problem = path_problem(relpath)
    if problem:
        return problem
    pure = PurePosixPath(relpath)
    current = root
    try:
        for part in pure.parts:
            current = current / part
            if current.is_symlink():
                return "is or goes through a symbolic link; copy the file into the package instead"
        if not current.exists():
            return "is missing from the package folder"
        if not current.is_file():
            return "is not a regular file"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    return None

