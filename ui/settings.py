"""GUI: user preferences remembered between runs (QSettings), behind typed accessors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = ("fr", "en")
MAX_RECENT = 8


class Settings:
    """GUI: typed access to the app's QSettings (language, recent files, layout, alerts)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings("crisisdesk", "crisisdesk")

    @property
    def qsettings(self) -> QSettings:
        """The underlying store (for panels that keep their own keys, e.g. the observer's name)."""
        return self._store

    # language
    @property
    def language(self) -> str:
        value = str(self._store.value("ui/language", "fr"))
        return value if value in LANGUAGES else "fr"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._store.setValue("ui/language", value)

    # recent session files
    @property
    def recent_files(self) -> list[Path]:
        raw = self._store.value("files/recent", [])
        if isinstance(raw, str):  # QSettings returns a bare string for one-element lists
            raw = [raw]
        return [Path(p) for p in (raw or []) if p]

    def add_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        files = [path] + [p for p in self.recent_files if p != path]
        self._store.setValue("files/recent", [str(p) for p in files[:MAX_RECENT]])

    def remove_recent_file(self, path: Path) -> None:
        files = [p for p in self.recent_files if p != Path(path).resolve()]
        self._store.setValue("files/recent", [str(p) for p in files])

    # recent sessions on a server: their URLs, never with a password
    @property
    def recent_servers(self) -> list[str]:
        raw = self._store.value("servers/recent", [])
        if isinstance(raw, str):
            raw = [raw]
        return [str(u) for u in (raw or []) if u]

    def add_recent_server(self, url: str) -> None:
        from crisisdesk.session.engines import parse_location

        shown = parse_location(url).display  # drops any password
        urls = [shown] + [u for u in self.recent_servers if u != shown]
        self._store.setValue("servers/recent", urls[:MAX_RECENT])

    def remove_recent_server(self, url: str) -> None:
        self._store.setValue("servers/recent", [u for u in self.recent_servers if u != url])

    # window layout
    def window_geometry(self, name: str) -> QByteArray | None:
        value = self._store.value(f"layout/{name}/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self, name: str) -> QByteArray | None:
        value = self._store.value(f"layout/{name}/state")
        return value if isinstance(value, QByteArray) else None

    def save_window_layout(self, name: str, geometry: QByteArray, state: QByteArray) -> None:
        self._store.setValue(f"layout/{name}/geometry", geometry)
        self._store.setValue(f"layout/{name}/state", state)

    # alerts
    @property
    def sound_alerts(self) -> bool:
        return _as_bool(self._store.value("alerts/sound", False))

    @sound_alerts.setter
    def sound_alerts(self, value: bool) -> None:
        self._store.setValue("alerts/sound", bool(value))

    # room display
    @property
    def room_screen(self) -> str:
        return str(self._store.value("room/screen", ""))

    @room_screen.setter
    def room_screen(self, name: str) -> None:
        self._store.setValue("room/screen", name)

    def sync(self) -> None:
        self._store.sync()


def _as_bool(value: object) -> bool:
    # INI-backed QSettings gives strings back ("true"/"false").
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
