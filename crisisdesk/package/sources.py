"""Where a package's files come from: a folder on disk, or bytes kept in a session file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from crisisdesk.package.attachments import attachment_problem, path_problem
from crisisdesk.package.problems import Problem
from crisisdesk.package.yamlsource import Node, parse_yaml, read_yaml


class FolderSource:
    """A package folder on disk; ``files`` reads some of the three files from elsewhere (the editor's unsaved text)."""

    def __init__(self, root: Path, files: Mapping[str, Path] | None = None):
        self.root = root
        self.files = dict(files or {})

    def yaml(self, name: str, label: str) -> tuple[Node | None, list[Problem]]:
        return read_yaml(self.files.get(name, self.root / name), label)

    def attachment_problem(self, relpath: str) -> str | None:
        return attachment_problem(self.root, relpath)

    def package_root(self, root: Path) -> Path:
        """The loaded package's ``root``: the folder's absolute path, so media resolve from anywhere."""
        return root.resolve()


class MemorySource:
    """A package held as bytes (the snapshot in a session file): nothing touches the disk."""

    def __init__(self, files: Mapping[str, bytes]):
        self.files = files

    def yaml(self, name: str, label: str) -> tuple[Node | None, list[Problem]]:
        raw = self.files.get(name)
        if raw is None:
            return None, [Problem(label, None, "file is missing from the stored package")]
        return parse_yaml(bytes(raw), label)

    def attachment_problem(self, relpath: str) -> str | None:
        problem = path_problem(relpath)  # the same spelling rules as on disk
        if problem:
            return problem
        return None if PurePosixPath(relpath).as_posix() in self.files else "is missing from the stored package"

    def package_root(self, root: Path) -> Path:
        """The name the caller gave: there is no folder to resolve."""
        return root
