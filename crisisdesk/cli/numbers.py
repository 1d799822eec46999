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

from crisisdesk.cli.words import _


def bounded(low: float, high: float, *, integer: bool = False) -> Callable[[str], float]:
    """Return an argparse type reading a number between ``low`` and ``high`` (both included)."""

    def read(text: str) -> float:
        try:
            value = int(text) if integer else float(text)
        except ValueError:
            message = "{text} is not a whole number" if integer else "{text} is not a number"
            raise argparse.ArgumentTypeError(_(message, text=repr(text))) from None
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(_("{text} is not between {low} and {high}", text=text,
                                               low=f"{low:g}", high=f"{high:g}"))
        return value

    read.__name__ = "integer" if integer else "number"  # argparse names the type in some messages
    return read
