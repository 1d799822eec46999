"""What of a package folder a session file keeps: its three files and the attachments its injects list.

Nothing else of the folder is copied: not a README, not a draft, not a 150 MB video
lying beside the package, not a symbolic link. Each file must be a regular file
inside the folder reached through no link, at most ``MAX_MEMBER_BYTES``, and all
together at most ``MAX_PACKAGE_BYTES``; files are read in chunks
(``read_member``), never whole, so a large attachment goes into the session file
without being held in memory. The limits are stated in docs/package-format.md.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crisisdesk.package.attachments import attachment_problem
from crisisdesk.package.loader import PACKAGE_FILES
from crisisdesk.package.model import Package

MAX_MEMBER_BYTES = 200 * 1024 * 1024  # one attachment: a long video is not an inject
MAX_PACKAGE_BYTES = 500 * 1024 * 1024  # the whole snapshot kept in a session file
CHUNK_BYTES = 1024 * 1024


class PackageContentsError(ValueError):
    """A file of the package cannot be copied into a session file; the message says which and why."""


@dataclass(frozen=True)
class Member:
    """One file of the package kept in a session: its POSIX path in the package, where it is, its size."""

    relpath: str
    path: Path
    size: int


def package_members(root: Path, package: Package) -> list[Member]:
    """Return the files of ``package`` (loaded from ``root``) that a session keeps, checked.

    Raises PackageContentsError naming the file when one is a link, not a regular
    file, or too big, or when all of them together are too big.
    """
    attachments = sorted({path for inject in package.injects for path in inject.attachments})
    members = []
    for relpath in list(PACKAGE_FILES) + attachments:
        problem = attachment_problem(root, relpath)  # the same rule for the YAML files: inside, no link, a file
        if problem:
            raise PackageContentsError(f"{root / relpath}: {problem}")
        path = root / relpath
        try:
            info = os.lstat(path)
        except OSError as exc:
            raise PackageContentsError(f"{path}: cannot be read: {exc.strerror or exc}") from None
        if not stat.S_ISREG(info.st_mode):
            raise PackageContentsError(f"{path}: is not a regular file")
        if info.st_size > MAX_MEMBER_BYTES:
            raise PackageContentsError(
                f"{path}: {_mb(info.st_size)} is too big to keep in a session file (the limit is "
                f"{_mb(MAX_MEMBER_BYTES)} a file); make it smaller or leave it out of the package")
        members.append(Member(relpath, path, info.st_size))
    total = sum(member.size for member in members)
    if total > MAX_PACKAGE_BYTES:
        raise PackageContentsError(
            f"{root}: its files add up to {_mb(total)}, more than the {_mb(MAX_PACKAGE_BYTES)} a session file "
            "keeps; make the attachments smaller")
    return members


def read_member(member: Member, chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
    """Yield the content of ``member`` in chunks; raise PackageContentsError if it changed since it was checked.

    The file is opened without following a link (a link put in its place meanwhile is
    refused) and must still be a regular file of the size checked.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(member.path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PackageContentsError(f"{member.path}: is a symbolic link; copy the file into the package "
                                       "instead") from None
        raise PackageContentsError(f"{member.path}: cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size != member.size:
            raise PackageContentsError(f"{member.path}: changed while the session was being created; try again")
        left = member.size
        while left > 0:
            data = handle.read(min(chunk_bytes, left))
            if not data:
                raise PackageContentsError(f"{member.path}: changed while the session was being created; try again")
            left -= len(data)
            yield data


def _mb(size: int) -> str:
    if size < 1_048_576:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1_048_576:.0f} MB" if size >= 10 * 1_048_576 else f"{size / 1_048_576:.1f} MB"
