"""Another program holding a session file's write lock: a plain sqlite3 connection in BEGIN IMMEDIATE."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class WriteLock:
    """Hold the write lock of the SQLite file at ``path`` until ``release()`` (safe to call twice)."""

    def __init__(self, path: Path | str) -> None:
        self.conn: sqlite3.Connection | None = sqlite3.connect(str(path), timeout=0, isolation_level=None)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        if self.conn is not None:
            self.conn.execute("ROLLBACK")
            self.conn.close()
            self.conn = None
