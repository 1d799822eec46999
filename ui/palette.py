"""GUI: the status colours, one palette for the console, the observers' windows and the room display.

Chosen to stay legible on white and for the common colour blindnesses (green/red pairs
always come with a text or a symbol).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

COLOR_SAVED = QColor("#1b7f3b")
COLOR_SAVING = QColor("#8a6d00")
COLOR_FAILED = QColor("#b3261e")
COLOR_MET = QColor("#1b7f3b")
COLOR_PARTIAL = QColor("#b26a00")
COLOR_MISSED = QColor("#b3261e")
COLOR_OVERDUE = QColor("#b3261e")
COLOR_MUTED = QColor("#6b6f76")
COLOR_CORRECTED = QColor("#5b3c8c")
BG_FAILED = QColor("#fde7e6")
BG_SAVING = QColor("#fff8dc")
BG_OVERDUE = QColor("#fde7e6")
BG_HEADER = QColor("#eef1f5")
BG_STRENGTH = QColor("#e3f4e8")
BG_IMPROVEMENT = QColor("#fff0d9")

# Colour of each expectation-check status and P/S/M/U rating (muted for anything else).
CHECK_COLORS = {"met": COLOR_MET, "partial": COLOR_PARTIAL, "missed": COLOR_MISSED}
RATING_COLORS = {"P": QColor("#1b7f3b"), "S": QColor("#6b8e00"), "M": QColor("#b26a00"), "U": QColor("#b3261e")}


def check_color(status: str) -> QColor:
    """The colour of an expectation check status."""
    return CHECK_COLORS.get(status, COLOR_MUTED)


def rating_color(rating: str) -> QColor:
    """The colour of a P/S/M/U rating."""
    return RATING_COLORS.get(rating, COLOR_MUTED)
