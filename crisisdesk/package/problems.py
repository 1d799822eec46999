"""Problems found while loading a package, reported as ``file:line: message``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crisisdesk.printable import printable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a package, located as precisely as we can."""

    file: str
    line: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        level = "warning: " if self.warning else ""
        # Values quoted from the package may hold terminal escape sequences: printed escaped.
        return printable(f"{where}: {level}{self.message}")


class PackageError(Exception):
    """The package cannot be loaded; ``problems`` lists every error found."""

    def __init__(self, root: Path, problems: list[Problem]):
        self.root = root
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
