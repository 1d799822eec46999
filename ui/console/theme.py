"""GUI: the console's colours, chosen to read at a glance under stress (and on a projector)."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Timeline statuses: background, foreground.
STATUS_COLORS: dict[str, tuple[str | None, str]] = {
    "pending": (None, "#1b1b1b"),
    "next": ("#d7e8ff", "#0b2f66"),
    "due": ("#ffd97a", "#3d2a00"),
    "late": ("#f5a3a3", "#6e0000"),
    "fired": (None, "#8c8c8c"),
    "skipped": (None, "#a6a6a6"),
    "delayed": ("#e9e1fb", "#3b1f7a"),
    "unplayed": (None, "#8a6d3b"),  # after ENDEX, never fired nor skipped
}

CLOCK_STATE_COLORS = {
    "READY": "#5a6270",
    "RUNNING": "#1d7a3a",
    "PAUSED": "#b36b00",
    "ENDED": "#7a1d1d",
}

# Vigilance levels as Météo-France colours; other indicator values get a neutral tile.
VIGILANCE_COLORS = {
    "verte": "#2e9e44",
    "vert": "#2e9e44",
    "green": "#2e9e44",
    "jaune": "#f2d21b",
    "yellow": "#f2d21b",
    "orange": "#f28c1b",
    "rouge": "#d62424",
    "red": "#d62424",
}


def status_brushes(status: str) -> tuple[QColor | None, QColor]:
    """Return (background or None, foreground) colours for a timeline status."""
    background, foreground = STATUS_COLORS.get(status, STATUS_COLORS["pending"])
    return (QColor(background) if background else None, QColor(foreground))


def vigilance_color(value: object) -> str | None:
    """Return the colour for a vigilance-like value ("orange", "rouge"...), or None."""
    return VIGILANCE_COLORS.get(str(value).strip().lower())


def text_color_on(background: str) -> str:
    """Return black or white, whichever reads better on ``background``."""
    color = QColor(background)
    luminance = 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()
    return "#111111" if luminance > 150 else "#ffffff"
