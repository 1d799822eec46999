"""The package snapshot kept inside a session file, and loading a Package back from it.

The whole package folder (the three YAML files and the media) is copied into the
file at creation, so later edits of the package never change what happened. To
read it back, the files are written to a private temporary folder and loaded with
the ordinary package loader: one loader, one set of rules.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from crisisdesk.package.loader import load_package
from crisisdesk.package.model import Package

MAX_FILE_BYTES = 200 * 1024 * 1024
SKIPPED_SUFFIXES = (".crisisdesk", ".crisisdesk-wal", ".crisisdesk-shm")
SKIPPED_PARTS = (".crisisdesk.bak", ".crisisdesk-pending")  # backups; kept-writes journals (one per window)


def package_files(root: Path) -> list[tuple[str, bytes]]:
    """Return (relative POSIX path, content) for each file of the package folder.

    Hidden files and folders, byte-code caches and session files kept beside the
    package are left out.
    """
    files = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        if (not path.is_file() or path.name.endswith(SKIPPED_SUFFIXES)
                or any(part in path.name for part in SKIPPED_PARTS)):
            continue
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValueError(f"{path}: too large to keep in a session file ({path.stat().st_size} bytes)")
        files.append((rel.as_posix(), path.read_bytes()))
    return files


def safe_relpath(relpath: str) -> PurePosixPath:
    """Return ``relpath`` as a relative POSIX path that cannot leave the package folder."""
    rel = PurePosixPath(relpath.replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ValueError(f"{relpath!r} is not a path inside the package")
    return rel


class ExtractedPackage:
    """A package loaded from a snapshot; its files live in a temporary folder until ``cleanup``."""

    def __init__(self, files: Iterable[tuple[str, bytes]]):
        self._dir = tempfile.TemporaryDirectory(prefix="crisisdesk-package-")
        root = Path(self._dir.name)
        for relpath, data in files:
            target = root.joinpath(*safe_relpath(relpath).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        try:
            self.package: Package = load_package(root)
        except BaseException:
            self._dir.cleanup()
            raise

    def cleanup(self) -> None:
        """Delete the temporary copy."""
        self._dir.cleanup()
