"""Numeric command-line options, checked when the command line is read.

``bounded(low, high)`` is an argparse ``type``: a value that is not a number, is not
finite or is out of bounds stops the command before any work with the usual usage
message (``argument --speed: 1e-300 is not between 0.1 and 100000``), instead of
failing later with an overflow deep in the work.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def bounded(low: float, high: float, *, integer: bool = False) -> Callable[[str], float]:
    """Return an argparse type reading a number between ``low`` and ``high`` (both included)."""

    def read(text: str) -> float:
        try:
            value = int(text) if integer else float(text)
        except ValueError:
            kind = "a whole number" if integer else "a number"
            raise argparse.ArgumentTypeError(f"{text!r} is not {kind}") from None
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} is not between {low:g} and {high:g}")
        return value

    read.__name__ = "integer" if integer else "number"  # argparse names the type in some messages
    return read
