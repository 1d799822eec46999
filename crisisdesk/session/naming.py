"""Session names: the file suffix, the dated name a new exercise run gets, and telling a server URL from a path.

One place for these, so the app and ``crisisdesk new`` name sessions the same way.
Imports nothing heavy: the start screen uses it before the store is loaded.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

SESSION_SUFFIX = ".crisisdesk"
SERVER_URL_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def is_server_url(text) -> bool:
    """True if ``text`` names a session on a PostgreSQL server (``postgresql://...``) rather than a file."""
    if not isinstance(text, str) or "://" not in text:
        return False
    return text.split("://", 1)[0].lower() in SERVER_URL_SCHEMES


def short_name(target) -> str:
    """A short name for a window title: the file's name, or ``NAME (DATABASE)`` for a server session."""
    if not is_server_url(target):
        return Path(target).name
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(target)
    session = (parse_qs(parts.query).get("session") or ["?"])[-1]
    return f"{session} ({parts.path.lstrip('/')})"


def dated_session_path(folder: Path, package_id: str, now: datetime) -> Path:
    """Return ``folder/<package id>_<YYYY-MM-DD_HHhMM>.crisisdesk``, numbered if that file exists."""
    stamp = now.strftime("%Y-%m-%d_%Hh%M")
    candidate = folder / f"{package_id}_{stamp}{SESSION_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{package_id}_{stamp}_{number}{SESSION_SUFFIX}"
        number += 1
    return candidate
