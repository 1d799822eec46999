"""The package snapshot kept inside a session file, and loading a Package back from it.

At creation the session keeps the package's three YAML files and the attachments its
injects list (``crisisdesk/package/contents.py``: checked, no links, size limits),
written in chunks so a large attachment never sits whole in memory. Nothing else of
the folder is copied, and later edits of the package never change what happened.

To read it back, the three files are loaded from the session file into memory and
checked by the ordinary package loader (``load_package_files``: one loader, one set
of rules); attachments stay in the file and are read when shown
(``attachment_bytes``). Nothing is written to disk, so opening a session leaves no
temporary copy behind, even when the app is killed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

from crisisdesk.package.attachments import path_problem
from crisisdesk.package.contents import Member, PackageContentsError, package_members, read_member
from crisisdesk.package.loader import PACKAGE_FILES, load_package_files
from crisisdesk.package.model import Package

__all__ = ["PACKAGE_FILES", "Member", "PackageContentsError", "StoredFiles", "StoredPackage", "package_members", "read_member",
           "safe_relpath"]


def safe_relpath(relpath: str) -> PurePosixPath:
    """Return ``relpath`` as a relative POSIX path that cannot leave the package folder."""
    rel = PurePosixPath(relpath.replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ValueError(f"{relpath!r} is not a path inside the package")
    return rel


class StoredFiles(Mapping[str, bytes]):
    """The files of a stored package: every path, and the bytes of the three YAML files.

    A row whose path could leave the package (``../``, absolute) is left out: it was never
    a package file, and nothing reads it.
    """

    def __init__(self, paths: list[object], texts: dict[object, object]):
        self._paths = {p for p in paths if isinstance(p, str) and path_problem(p) is None}
        self._texts = {}
        for name, data in texts.items():
            if name in self._paths and isinstance(data, bytes | bytearray | memoryview):
                self._texts[name] = bytes(data)
            elif name in self._paths and isinstance(data, str):  # written as text by another tool
                self._texts[name] = data.encode("utf-8")

    def __contains__(self, path: object) -> bool:
        return path in self._paths

    def __getitem__(self, path: str) -> bytes:
        return self._texts[path]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._paths))

    def __len__(self) -> int:
        return len(self._paths)


class StoredPackage:
    """The package of a session file, loaded from memory (raises PackageError if it is not valid)."""

    def __init__(self, files: StoredFiles, session_path: Path):
        self.package: Package = load_package_files(files, session_path)

    def cleanup(self) -> None:
        """Nothing to clean: no copy of the package was written anywhere."""
