"""Writes kept beside a session file while the file cannot take them: one journal per window.

A main-courante or evaluation write that fails (disk full, file locked past the busy
timeout) is kept in memory and appended to this window's journal,
``<file>-pending-<id>`` (one JSON line per write, fsynced). Each window writes only
its own journal, so no window can lose a line another one appended. When a window
opens the file it adopts every journal it finds beside it (the old single
``<file>-pending`` included): it renames each to a private name first, copies the
writes into its own journal, then deletes the adopted file. The writes are stored
once each whatever happens, because their ``event_id`` is unique in the file.

A window whose journal was adopted while it was appending notices it (the path no
longer names the file it wrote to) and writes its journal again.
"""

from __future__ import annotations

import glob
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

JOURNAL_SUFFIX = "-pending"


@dataclass(frozen=True)
class PendingWrite:
    """A main-courante or evaluation write that has not reached the file yet (kept and retried).

    ``journaled`` is False when even the journal beside the file could not take it
    (full disk): it lives only in this window's memory until saved or exported.
    """

    event_id: str
    kind: str
    real_time: float
    elapsed: float | None
    scenario_time: datetime | None
    actor: str | None
    payload: dict[str, Any]
    error: str = ""
    journaled: bool = field(default=True, compare=False)


class Journal:
    """This window's journal file, and the adoption of the journals other windows left."""

    def __init__(self, session_path: Path):
        self.session_path = session_path
        self.path = session_path.with_name(f"{session_path.name}{JOURNAL_SUFFIX}-{uuid.uuid4().hex}")
        self.error: str | None = None  # why the last write to the journal failed, if it did
        self._adopted = 0

    def keep(self, pending: PendingWrite, everything: Sequence[PendingWrite]) -> bool:
        """Append one write durably; False if the journal could not take it.

        ``everything`` is what this window keeps: written again in full if another
        window adopted the journal while this line was appended.
        """
        try:
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(to_line(pending) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
                ours = _names(self.path, handle)
        except OSError as exc:
            self.error = _describe(exc, self.path)
            return False
        self.error = None
        return ours or self.rewrite(everything)

    def rewrite(self, writes: Sequence[PendingWrite]) -> bool:
        """Make the journal hold exactly ``writes`` (removed when there are none); False if it failed."""
        try:
            if not writes:
                self.path.unlink(missing_ok=True)
            else:
                tmp = self.path.with_name(self.path.name + ".tmp")
                with open(tmp, "w", encoding="utf-8") as handle:
                    handle.write("".join(to_line(w) + "\n" for w in writes))
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
        except OSError as exc:
            self.error = _describe(exc, self.path)
            return False
        self.error = None
        return True

    def adopt(self) -> tuple[list[PendingWrite], list[Path]]:
        """Take the journals beside the file that are not this window's: their writes and their new names.

        Each is renamed to a private name before it is read, so its owner, if still
        running, writes any new line to a fresh file. Call ``discard`` with the names
        once the writes are safe in this window's journal. A journal that cannot be
        renamed or read is left where it is for a later open.
        """
        writes: list[PendingWrite] = []
        taken: list[Path] = []
        prefix = self.session_path.name + JOURNAL_SUFFIX
        mine = (self.path.name, self.path.name + ".tmp")
        for found in sorted(self.session_path.parent.glob(glob.escape(prefix) + "*")):
            if found.name in mine or not found.is_file():
                continue
            self._adopted += 1
            private = self.path.with_name(f"{self.path.name}.adopted-{self._adopted}")
            try:
                os.replace(found, private)
                text = private.read_text(encoding="utf-8")
            except OSError:
                continue
            taken.append(private)
            for line in text.splitlines():
                try:
                    writes.append(from_line(line))
                except (ValueError, KeyError, TypeError, AttributeError):
                    continue  # a line cut short by a crash while it was written: its write never returned
        return writes, taken

    @staticmethod
    def discard(paths: Sequence[Path]) -> None:
        """Delete adopted journals whose writes are now safe elsewhere."""
        for path in paths:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass  # adopted again at the next open; the writes are stored once anyway


def export(writes: Sequence[PendingWrite], session_path: Path, target: Path) -> None:
    """Write the kept writes to a JSON document the user chose (raises OSError)."""
    document = {
        "application": "crisisdesk-pending-writes",
        "session": str(session_path),
        "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "writes": [_as_dict(w) for w in writes],
    }
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())


def mark_journaled(writes: Sequence[PendingWrite]) -> list[PendingWrite]:
    """Return the writes flagged as safe in the journal."""
    return [w if w.journaled else replace(w, journaled=True) for w in writes]


def to_line(pending: PendingWrite) -> str:
    """One journal line (JSON) for a kept write."""
    return json.dumps(_as_dict(pending), ensure_ascii=False, separators=(",", ":"))


def from_line(line: str) -> PendingWrite:
    """The kept write on one journal line (raises ValueError, KeyError or TypeError if damaged)."""
    data = json.loads(line)
    if data.get("scenario_time"):
        data["scenario_time"] = datetime.fromisoformat(data["scenario_time"])
    data.pop("journaled", None)
    return PendingWrite(**data)


def _as_dict(pending: PendingWrite) -> dict[str, Any]:
    data = asdict(pending)
    data.pop("journaled")
    data["scenario_time"] = pending.scenario_time.isoformat() if pending.scenario_time else None
    return data


def _names(path: Path, handle) -> bool:
    """True if ``path`` still names the open file ``handle`` (not renamed away by an adopting window)."""
    try:
        here, written = os.stat(path), os.fstat(handle.fileno())
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (written.st_dev, written.st_ino)


def _describe(exc: OSError, path: Path) -> str:
    return f"{path.name}: {exc.strerror or exc}"
