"""Chromium's settings for a terminal run, set in the environment before QtWebEngine loads.

Qt-free on purpose: the command line calls it before anything imports QtWebEngine,
which reads QTWEBENGINE_CHROMIUM_FLAGS once, when it starts.
"""

from __future__ import annotations

import os

# Software rendering prints the PDF perfectly; without these, a headless run (or a
# desktop without a GPU) fills the terminal with GBM/Vulkan/OpenGL warnings and
# "Failed to connect to the bus" (no D-Bus in a bare shell). --log-level=3 keeps
# Chromium's fatal messages only; failures of ours are reported by PdfPrinter itself.
QUIET_FLAGS = ("--disable-gpu", "--log-level=3")
DEBUG_VARIABLE = "CRISISDESK_DEBUG"  # set to 1 to see every message again


def quiet_chromium_for_the_terminal() -> bool:
    """Add QUIET_FLAGS to QTWEBENGINE_CHROMIUM_FLAGS (once); False when debugging asks for every message."""
    if os.environ.get(DEBUG_VARIABLE):
        return False
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    flags += [f for f in QUIET_FLAGS if f not in flags]
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    return True
