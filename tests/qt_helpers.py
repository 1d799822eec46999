"""Helpers for driving real Qt widgets in tests as a person would."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, accents included.

    ``QTest.keyClicks`` (and so ``qtbot.keyClicks``) aborts the interpreter on non-ASCII
    characters such as "é" (a Qt assert in qasciikey.cpp): those are sent as key events
    carrying the character with an unknown key code, which is what a keyboard layout does.
    """
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QCoreApplication.sendEvent(widget, event)


def press_enter(widget: QWidget) -> None:
    """Press and release Return on ``widget``."""
    QTest.keyClick(widget, Qt.Key.Key_Return)


def save_shot(widget: QWidget, name: str) -> None:
    """Save a screenshot when CRISISDESK_SHOTS names a folder (not in normal test runs)."""
    folder = os.environ.get("CRISISDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@contextmanager
def loop_turns() -> Iterator[list[int]]:
    """Count the UI event loop's turns during the block (a 0 ms timer): a frozen window counts none."""
    turns: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: turns.append(1))
    timer.start(0)
    try:
        yield turns
    finally:
        timer.stop()
