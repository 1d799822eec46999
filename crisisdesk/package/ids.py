"""The identifiers of a package: how each kind is spelled, and the check that ids are unique.

The spreadsheet import (crisisdesk/msel) makes ids with the same patterns, so what it
writes is what the loader accepts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # no import at run time: the spreadsheet import uses the patterns without PyYAML
    from crisisdesk.package.fields import Record

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ROLE_ID = re.compile(r"^[A-Z0-9_-]+$")
ITEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

SLUG_TEXT = "a slug (lower-case letters, digits and -, e.g. paris-50c)"
ROLE_ID_TEXT = "a role code (capitals, digits, _ or -, e.g. DSOL)"
ITEM_ID_TEXT = "an id (letters, digits, _ . or -, no spaces, e.g. I03)"


def unique_id(rec: Record, pattern: re.Pattern[str], expected: str, seen: dict[str, int], kind: str) -> str | None:
    """Read the record's ``id``, check it is unique among ``seen`` (id -> line), and add it there."""
    ident = rec.word("id", pattern, expected)
    if ident is None:
        return None
    line = rec.line("id") or 0  # a record always has a line; 0 would only say "unknown"
    if ident in seen:
        rec.error("id", f"{kind} id {ident} is used twice (first at line {seen[ident]})")
        return None
    seen[ident] = line
    return ident
