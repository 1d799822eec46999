"""Recovery copies of an editor's unsaved work, offered again after a crash.

While a package is being edited, its unsaved text is copied (every few seconds, after a
change) into a folder of the user's data, one per package folder. A clean save or a
deliberate "do not save" removes it; finding one when the package is opened again means
the editor did not end cleanly, and the author is offered to take the work back.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime
from pathlib import Path

from crisisdesk.package.loader import PACKAGE_FILES
from crisisdesk.package.writer import write_text_atomic

__all__ = ["Recovery", "discard_recovery", "find_recovery", "write_recovery"]

_INFO = "recovery.json"


class Recovery:
    """A recovery copy found for a package: when it was written and the file texts it holds."""

    def __init__(self, folder: Path, written_at: datetime, texts: dict[str, str]):
        self.folder = folder
        self.written_at = written_at
        self.texts = texts


def _folder(base: Path, root: Path) -> Path:
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(base) / key


def write_recovery(base: Path, root: Path, texts: dict[str, str], now: datetime | None = None) -> Path:
    """Keep ``texts`` (file name -> text) as the recovery copy of the package at ``root``."""
    folder = _folder(base, root)
    folder.mkdir(parents=True, exist_ok=True)
    for name in PACKAGE_FILES:
        if name in texts:
            write_text_atomic(folder / name, texts[name])
    info = {"package": str(Path(root).resolve()), "written_at": (now or datetime.now()).isoformat(timespec="seconds")}
    write_text_atomic(folder / _INFO, json.dumps(info, ensure_ascii=False))
    return folder


def find_recovery(base: Path, root: Path) -> Recovery | None:
    """The recovery copy of the package at ``root`` if one is left and differs from the files."""
    folder = _folder(base, root)
    try:
        info = json.loads((folder / _INFO).read_text(encoding="utf-8"))
        if info.get("package") != str(Path(root).resolve()):
            return None
        texts = {name: (folder / name).read_text(encoding="utf-8") for name in PACKAGE_FILES
                 if (folder / name).is_file()}
        written_at = datetime.fromisoformat(info["written_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    same = all((Path(root) / name).is_file() and (Path(root) / name).read_text(encoding="utf-8") == text
               for name, text in texts.items())
    if same or not texts:
        return None
    return Recovery(folder, written_at, texts)


def discard_recovery(base: Path, root: Path) -> None:
    shutil.rmtree(_folder(base, root), ignore_errors=True)
