"""Who is observing: the name each kind of window remembers, and the names typed recently.

Plain bookkeeping over QSettings (no widget). Each seat (the console's director, an
observer's window) remembers its own author, so a name typed in one never becomes the
author of another's entries or ratings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

SETTINGS_KEY_NAME = "observer/name"
SETTINGS_KEY_NAMES = "observer/recent_names"
RECENT_NAMES = 10


class ObserverNames:
    """The remembered name of one seat and the recent names offered in the name field."""

    def __init__(self, settings: QSettings, seat: str = "observer") -> None:
        self._settings = settings
        self._seat = seat
        self._key = f"{SETTINGS_KEY_NAME}/{seat}"

    def remembered(self) -> str | None:
        """The name this seat used last (an observer's window also reads the older one shared name)."""
        name = self._settings.value(self._key, None)
        if name is None and self._seat == "observer":  # files of the version with one shared name
            name = self._settings.value(SETTINGS_KEY_NAME, "")
        return str(name or "").strip() or None

    def recent(self) -> list[str]:
        """Names typed recently, latest first."""
        stored = self._settings.value(SETTINGS_KEY_NAMES, []) or []
        # QSettings gives a one-item list back as a string.
        names = [stored] if isinstance(stored, str) else list(stored) if isinstance(stored, (list, tuple)) else []
        return [str(name) for name in names if name]

    def remember(self, name: str) -> None:
        """Remember ``name`` as this seat's author and first of the recent names."""
        self._settings.setValue(self._key, name)
        self._settings.setValue(SETTINGS_KEY_NAMES, ([name] + [n for n in self.recent() if n != name])[:RECENT_NAMES])
        self._settings.sync()
