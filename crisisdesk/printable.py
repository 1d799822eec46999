"""Text from a package or a session made safe to print on a terminal.

A title, a name or a file name may hold control characters: ESC sequences clear the
screen or set the window title of the terminal that prints them, a carriage return
overwrites the line before it, and bidirectional overrides show a text in another
order than it is stored. Every command-line message that quotes such a value goes
through ``printable``, which writes those characters as escapes (``\\x1b``,
``\\u202e``) and leaves all other text, accents and emoji included, as it is.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the
# bidirectional marks, embeddings, overrides and isolates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNPRINTABLE_BUT_LINES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# In JSON text json.dumps already escapes C0; these it leaves raw with ensure_ascii=False.
_UNPRINTABLE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, keep_newlines: bool = False) -> str:
    """Return ``text`` with every control character written as an escape.

    ``keep_newlines`` leaves ``\\n`` alone, for messages of several lines.
    """
    pattern = _UNPRINTABLE_BUT_LINES if keep_newlines else _UNPRINTABLE
    return pattern.sub(_escape, str(text))


def printable_json(text: str) -> str:
    """Escape, in JSON text made with ``ensure_ascii=False``, what json.dumps leaves raw.

    The escapes are JSON's own (``\\u202e``), so the document still reads back the same.
    """
    return _UNPRINTABLE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
