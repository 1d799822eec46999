"""Write a package's files safely: each to a temporary name beside it, then renamed.

A crash or a full disk in the middle of a save leaves either the old file or the new
one, never half of one: ``os.replace`` is atomic on the same file system, and the data
is flushed to the disk before the rename.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["write_package_texts", "write_text_atomic"]


def write_text_atomic(path: Path, text: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8) so that it is never half-written."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_package_texts(root: Path, texts: dict[str, str]) -> None:
    """Write each ``file name: text`` of ``texts`` into the package folder ``root``."""
    for name, text in texts.items():
        write_text_atomic(Path(root) / name, text)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
