"""A session file at a glance (exercise, creation date, where the clock stands) without replaying it.

The start screen lists recent sessions and ``tools/dev.py run`` looks for the last unfinished one:
both need a few facts from many files, fast, and never a change to any of them. Opening a session
replays its whole log (a second on a 50,000-entry file); this reads the file's facts and its last
clock event only.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from crisisdesk.session.schema import APPLICATION_ID

# The package files whose content tells one edition of an exercise from another.
DIGESTED = ("exercise.yaml", "roles.yaml", "msel.yaml")

# The clock's event kinds, and the state each one leaves the exercise in.
CLOCK_KINDS = {"start": "running", "pause": "paused", "resume": "running", "end": "ended"}


@dataclass(frozen=True)
class SessionSummary:
    """What a list of sessions shows of one file."""

    path: Path
    package_id: str
    title: str
    created_at: datetime | None
    state: str  # "ready" (before STARTEX), "running", "paused" or "ended"
    last_activity: float | None  # wall time of the last event
    package_digest: str = ""  # of the package's three YAML files as the session keeps them

    @property
    def finished(self) -> bool:
        return self.state == "ended"


def read_summary(path: Path) -> SessionSummary | None:
    """Return the summary of the session file at ``path``, or None if it is not a readable session.

    Read-only at the SQLite level (``mode=ro``): nothing beside or in the file is created or changed.
    """
    path = Path(path)
    if not path.is_file():
        return None
    # A file no program holds open has no write-ahead log beside it: read it as immutable, so that
    # not even a -wal or -shm file is created. One in use (its -wal exists) is read normally.
    in_use = Path(str(path) + "-wal").exists()
    flags = "mode=ro" if in_use else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?{flags}", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("application") != APPLICATION_ID:
            return None
        marks = ", ".join("?" for _ in CLOCK_KINDS)
        row = conn.execute(f"SELECT kind FROM events WHERE kind IN ({marks}) ORDER BY seq DESC LIMIT 1",
                           tuple(CLOCK_KINDS)).fetchone()
        last = conn.execute("SELECT MAX(real_time) FROM events").fetchone()
        marks = ", ".join("?" for _ in DIGESTED)
        kept = dict(conn.execute(f"SELECT path, data FROM package_files WHERE path IN ({marks})", DIGESTED))
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    try:
        created = datetime.fromisoformat(meta["created_at"]) if meta.get("created_at") else None
    except ValueError:
        created = None
    return SessionSummary(
        path=path,
        package_id=meta.get("package_id", ""),
        title=meta.get("package_title", "") or path.stem,
        created_at=created,
        state=CLOCK_KINDS[row[0]] if row else "ready",
        last_activity=last[0] if last else None,
        package_digest=package_digest(lambda name: kept.get(name)),
    )


def package_digest(read) -> str:
    """A fingerprint of a package's three YAML files; ``read(name)`` gives a file's bytes or None.

    Two editions of one exercise share its id: this tells a session of the first edition from one
    of the package as it is now.
    """
    digest = hashlib.sha256()
    for name in DIGESTED:
        data = read(name)
        digest.update(name.encode() + b"\0" + (bytes(data) if data is not None else b"-") + b"\0")
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    """``package_digest`` of the package folder at ``folder`` as it is on disk."""
    return package_digest(lambda name: (folder / name).read_bytes() if (folder / name).is_file() else None)


def latest_unfinished(paths, package_id: str, digest: str | None = None) -> SessionSummary | None:
    """Return the most recently active session of ``package_id`` among ``paths`` that has not ended
    (of the package whose ``package_digest`` is ``digest``, when given: the same edition)."""
    candidates = [s for s in map(read_summary, paths) if s is not None and s.package_id == package_id
                  and not s.finished and (digest is None or s.package_digest == digest)]
    return max(candidates, key=lambda s: s.last_activity or 0.0, default=None)
