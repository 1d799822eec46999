"""Keep CSV cells from being run as formulas (CSV / formula injection).

A spreadsheet program opening a CSV runs a cell starting with ``=``, ``+``, ``-`` or
``@`` (and, in some, a tab or carriage return) as a formula: an inject text such as
``=HYPERLINK(...)`` would become a live link. The OWASP advice is followed: such a
cell gets a leading apostrophe, which spreadsheets show as text. The import takes
the apostrophe off again, so a round trip through CSV changes nothing.

The marking is the one every CSV and spreadsheet of crisisdesk uses (``crisisdesk.csvcells``);
this module adds its undoing, for the import.
"""

from __future__ import annotations

from crisisdesk.csvcells import safe_cell


def neutralise(text: str) -> str:
    """``=1+1`` -> ``'=1+1``; anything else unchanged (``crisisdesk.csvcells.safe_cell``)."""
    return safe_cell(text)


def restore(text: str) -> str:
    """Undo :func:`neutralise` (a leading apostrophe before a trigger character)."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r" else text
