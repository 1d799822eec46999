"""Session file names: the suffix, and the dated name a new exercise run gets.

One place for both, so the app and ``crisisdesk new`` name files the same way.
Imports nothing heavy: the start screen uses it before the store is loaded.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

SESSION_SUFFIX = ".crisisdesk"


def dated_session_path(folder: Path, package_id: str, now: datetime) -> Path:
    """Return ``folder/<package id>_<YYYY-MM-DD_HHhMM>.crisisdesk``, numbered if that file exists."""
    stamp = now.strftime("%Y-%m-%d_%Hh%M")
    candidate = folder / f"{package_id}_{stamp}{SESSION_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{package_id}_{stamp}_{number}{SESSION_SUFFIX}"
        number += 1
    return candidate
