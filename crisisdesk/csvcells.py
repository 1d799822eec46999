"""Cells of the CSV files and spreadsheets we write, made safe to open in a spreadsheet.

A main-courante entry typed as ``=HYPERLINK("http://…")`` or ``@SUM(…)`` would be run
as a formula by the spreadsheet that opens an export ("CSV injection"). Following the
OWASP guidance, a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'``: the spreadsheet shows it as text, and a reader
sees the text as typed after that mark. Plain numbers and times (``-3``, ``-0:05:00``)
cannot be formulas and are left as they are. Every writer of a CSV file or a sheet in
``crisisdesk`` passes its text cells through ``safe_cell``; ``csv_writer`` also quotes
every cell, so a separator or line break inside a text never shifts the columns.
"""

from __future__ import annotations

import csv
import re
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:[.,:]\d+)*$")


def safe_cell(value: Any) -> Any:
    """Return ``value`` ready for a spreadsheet cell: a text that could start a formula is marked as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def csv_writer(handle: TextIO, *, delimiter: str = ";"):
    """A csv writer quoting every cell (write rows through ``safe_cell``)."""
    return csv.writer(handle, delimiter=delimiter, quoting=csv.QUOTE_ALL)
