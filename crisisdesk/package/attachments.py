"""Where an inject's attachment may live: a regular file inside the package folder."""

from __future__ import annotations

import re
import shutil
import tempfile
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



def copy_into_media(root: Path, source: Path) -> tuple[str, Path | None]:
    """Attach ``source`` to the package at ``root``: its path relative to the package, and the
    file copied into ``media/`` (None when ``source`` already lies inside the package).

    A name already taken in ``media/`` gets a counter (carte-2.png): an attachment never
    overwrites another one.
    """
    try:
        inside = source.resolve().relative_to(root.resolve())
    except ValueError:
        inside = None
    if inside is not None and not source.is_symlink():
        return inside.as_posix(), None
    media = root / "media"
    media.mkdir(exist_ok=True)
    target = media / source.name
    counter = 2
    while target.exists() or target.is_symlink():
        target = media / f"{source.stem}-{counter}{source.suffix}"
        counter += 1
    shutil.copyfile(source, target)
    return f"media/{target.name}", target


def is_attached(injects: list, relpath: str) -> bool:
    """True if any inject of ``injects`` (plain data, as edited or as saved) lists ``relpath``."""
    for inject in injects if isinstance(injects, list) else ():
        attachments = inject.get("attachments") if isinstance(inject, dict) else None
        if isinstance(attachments, list) and relpath in attachments:
            return True
    return False


class MediaCopy:
    """A file the editor copied into ``media/``, which undoing the attachment takes back out.

    Taken out, the file waits in a private temporary folder (never deleted while the
    change can be redone), and redoing puts the same bytes back, even if the original
    file has gone since.
    """

    def __init__(self, target: Path):
        self.target = target
        self.held: Path | None = None

    def take_back(self) -> None:
        if self.held is not None or not self.target.is_file():
            return
        folder = Path(tempfile.mkdtemp(prefix="crisisdesk-undone-media-"))
        held = folder / self.target.name
        shutil.move(self.target, held)
        self.held = held

    def put_back(self) -> None:
        if self.held is None:
            return
        if not self.target.exists():
            self.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(self.held, self.target)
        shutil.rmtree(self.held.parent, ignore_errors=True)
        self.held = None

    def discard(self) -> None:
        """The change can no longer be redone: forget the held copy."""
        if self.held is not None:
            shutil.rmtree(self.held.parent, ignore_errors=True)
            self.held = None
