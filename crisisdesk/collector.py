"""Pause Python's cyclic garbage collector around bulk work (reading a session, making a report).

Opening a long exercise or laying out its report builds hundreds of thousands of objects
(events, entries, table rows) and none of them is garbage, yet the cyclic collector scans
them again and again as they pile up: measured on a 50,000-entry session, 40 % of the time
to open it (1.6 s → 1.0 s) and of the time to compute and lay out its report (2.6 s →
1.8 s). Reference counting still frees memory as usual; only the cycle search waits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Hold the cyclic collector for the duration of the block (nesting is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """Take everything alive now out of the collector's scans (a session was just opened).

    A long exercise keeps hundreds of thousands of objects alive for the whole run; each
    full collection rescans them all, which froze the window for ~120 ms every dozen or
    so main-courante entries on a 50,000-entry session. Frozen objects are still freed
    by reference counting; ``unsettle()`` puts them back (a session was closed).
    """
    gc.freeze()


def unsettle() -> None:
    """Let the collector scan everything again, so what was closed can be reclaimed."""
    gc.unfreeze()
