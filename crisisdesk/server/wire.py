"""The control line protocol between the console and ``crisisdesk serve --control``: one JSON object a line.

Both ends read the other's lines the same way: a line that is not a JSON object (a
stray print, a cut line, a list) is passed over, never a crash.
"""

from __future__ import annotations

import json
from typing import Any


def read_object(line: str | bytes | None) -> dict[str, Any] | None:
    """The JSON object on ``line``, or None when there is none."""
    if not line:
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
