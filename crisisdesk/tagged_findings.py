"""Findings taken from main-courante entries tagged strength / improvement.

The hot wash imports a tagged entry as a finding whose client id names the entry (the
first revision of its chain), so importing twice, from two windows or after the entry
was corrected stores it once. The report reads that id back to show the finding once,
credited to the entry's author, instead of both the entry and its copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

_PREFIX = "entry:"
_MAX_ENTRY_ID = 40  # event ids hold at most 64 characters


def first_revision_id(state, entry) -> str:
    """The entry id of the first revision of ``entry``'s chain."""
    first = entry
    while first.supersedes:
        try:
            first = state.entry(first.supersedes)
        except KeyError:
            break
    return first.entry_id


def _short(entry_id: str) -> str:
    if len(entry_id) > _MAX_ENTRY_ID:
        return hashlib.sha1(entry_id.encode("utf-8")).hexdigest()
    return entry_id


def imported_finding_id(state, entry, kind: str) -> str:
    """The client id of the finding imported from ``entry`` as ``kind``: the same for all its revisions."""
    return f"{_PREFIX}{_short(first_revision_id(state, entry))}:{kind}"


def imported_entry_key(event_id: str) -> tuple[str, str] | None:
    """(shortened first-revision entry id, kind) of an imported finding's id; None for any other finding."""
    if not event_id.startswith(_PREFIX):
        return None
    rest = event_id[len(_PREFIX):]
    entry_part, _, kind = rest.rpartition(":")
    return (entry_part, kind) if entry_part and kind else None


def entry_key(first_entry_id: str, kind: str) -> tuple[str, str]:
    """The key ``imported_entry_key`` gives for the chain starting at ``first_entry_id``."""
    return (_short(first_entry_id), kind)


def finding_text(entry) -> str:
    """The finding text made from a tagged log entry (its role first)."""
    text = entry.text.strip()
    return f"{entry.role} — {text}" if entry.role else text


@dataclass(frozen=True)
class TaggedFinding:
    """A finding to import from a tagged entry: what to store, under the id that names the entry."""

    kind: str  # "strength" or "improvement"
    text: str
    objective_id: str | None  # the first objective the entry is tagged with
    finding_id: str


def findings_to_import(state, objective_ids: Iterable[str]) -> list[TaggedFinding]:
    """The findings the tagged entries give that are not stored yet (judged by the finding's id), in log order."""
    imported = {f.event_id for f in state.findings}
    objectives = set(objective_ids)
    result = []
    for entry in state.entries:
        for kind in ("strength", "improvement"):
            if kind in entry.tags:
                finding_id = imported_finding_id(state, entry, kind)
                if finding_id not in imported:
                    objective = next((tag for tag in entry.tags if tag in objectives), None)
                    result.append(TaggedFinding(kind, finding_text(entry), objective, finding_id))
    return result
