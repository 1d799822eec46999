"""The observers' quick-entry syntax: one typed line becomes a main courante entry.

A line such as ``DSOL d: Ouverture de 3 salles rafraîchies #fort >I02`` reads as:
role code first (optional, case-insensitive), a kind prefix ending with a colon
(optional), the text, and anywhere in it ``#tags`` (strength, improvement, objective
ids) and ``>INJECT`` (the inject the entry answers). Everything that is not recognised
stays in the text: a line is never silently shortened. Missing parts are left as None
so the caller can apply its defaults (the role and kind of the last entry, the latest
inject fired at that role).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from crisisdesk.vocabulary import EntryKind, EntryTag

# Canonical short prefix for each core kind code (what format_entry_line writes).
KIND_SHORTCUTS: dict[str, str] = {
    EntryKind.DECISION: "d",
    EntryKind.ACTION: "a",
    EntryKind.INFORMATION: "i",
    EntryKind.REQUEST: "dm",
    EntryKind.COMMUNICATION: "c",
    EntryKind.OBSERVATION: "o",
}

# Every accepted spelling of a kind prefix, accents and case folded.
_KIND_WORDS: dict[str, str] = {
    "d": "decision", "dec": "decision", "decision": "decision",
    "a": "action", "act": "action", "action": "action",
    "i": "information", "inf": "information", "info": "information",
    "information": "information",
    "dm": "request", "dem": "request", "demande": "request", "q": "request", "?": "request",
    "request": "request", "req": "request",
    "c": "communication", "com": "communication", "comm": "communication",
    "communication": "communication",
    "o": "observation", "obs": "observation", "observation": "observation",
}

STRENGTH = EntryTag.STRENGTH.value
IMPROVEMENT = EntryTag.IMPROVEMENT.value

# Tag words: any prefix (of at least the given length) of these folded words matches.
_TAG_WORDS: tuple[tuple[str, int, str], ...] = (
    ("fort", 1, STRENGTH),
    ("forts", 4, STRENGTH),
    ("force", 3, STRENGTH),
    ("pointfort", 2, STRENGTH),
    ("strength", 2, STRENGTH),
    ("amelioration", 1, IMPROVEMENT),
    ("axe", 2, IMPROVEMENT),
    ("improvement", 2, IMPROVEMENT),
)
_TAG_SYMBOLS = {"+": STRENGTH, "-": IMPROVEMENT}

# A leading word followed by a colon (French typing puts a space before it: "d :").
_LEADING_COLON = re.compile(r"^(?P<word>[^\s:#>]+)\s*:(?=\s|$)\s*")
_LEADING_WORD = re.compile(r"^(?P<word>[^\s:#>]+)(?:\s+|$)")
_HASHTAG = re.compile(r"(?<!\S)#(?P<tag>[^\s#]+)")
_INJECT_REF = re.compile(r"(?<!\S)>\s?(?P<ref>[^\s>]+)")
_CODE_LIKE = re.compile(r"^[A-Z][A-Z0-9_-]{1,5}$")


@dataclass(frozen=True)
class ParsedEntry:
    """What a quick-entry line says; None where the line says nothing."""

    text: str
    role: str | None = None
    kind: str | None = None
    inject_id: str | None = None
    tags: tuple[str, ...] = ()
    unknown_role: str | None = None  # a leading "CODE:" that matches no role
    unknown_tags: tuple[str, ...] = ()  # "#word" kept in the text, not a known tag
    unknown_injects: tuple[str, ...] = ()  # ">REF" kept in the text, not a known inject


def fold(text: str) -> str:
    """Return ``text`` lower-cased without accents, for forgiving comparisons."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def kind_from_prefix(word: str) -> str | None:
    """Return the core kind code a typed prefix stands for, or None."""
    return _KIND_WORDS.get(fold(word))


def tag_from_word(word: str, objectives: Iterable[str] = ()) -> str | None:
    """Return the tag ``#word`` stands for (strength, improvement or an objective id)."""
    if word in _TAG_SYMBOLS:
        return _TAG_SYMBOLS[word]
    for objective in objectives:
        if objective.casefold() == word.casefold():
            return objective
    folded = fold(word)
    for full, minimum, tag in _TAG_WORDS:
        if len(folded) >= minimum and full.startswith(folded):
            return tag
    return None


def complete_role(prefix: str, roles: Iterable[str]) -> list[str]:
    """Return the role codes starting with ``prefix`` (case-insensitive), exact match first."""
    folded = fold(prefix)
    matches = [role for role in roles if fold(role).startswith(folded)]
    matches.sort(key=lambda role: (fold(role) != folded, role))
    return matches


def _match_role(word: str, roles: tuple[str, ...], *, allow_prefix: bool) -> str | None:
    for role in roles:
        if role == word:
            return role
    for role in roles:
        if role.casefold() == word.casefold():
            return role
    if allow_prefix and len(word) >= 2:
        candidates = complete_role(word, roles)
        if len(candidates) == 1:
            return candidates[0]
    return None


def parse_entry_line(
    line: str,
    *,
    roles: Iterable[str],
    injects: Iterable[str] = (),
    objectives: Iterable[str] = (),
) -> ParsedEntry:
    """Parse one quick-entry line against the package's role, inject and objective ids."""
    role_ids = tuple(roles)
    inject_ids = tuple(injects)
    objective_ids = tuple(objectives)
    rest = line.strip()
    role: str | None = None
    kind: str | None = None
    unknown_role: str | None = None

    # Up to two leading tokens: the role and the kind, in either order.
    for _ in range(2):
        with_colon = _LEADING_COLON.match(rest)
        if with_colon:
            word = with_colon.group("word")
            exact_role = _match_role(word, role_ids, allow_prefix=False) if word.isupper() else None
            if kind is None and exact_role is None and kind_from_prefix(word):
                kind = kind_from_prefix(word)
            elif role is None and (found := _match_role(word, role_ids, allow_prefix=True)):
                role = found
            elif role is None and unknown_role is None and _CODE_LIKE.match(word):
                unknown_role = word
                break  # keep the unknown code in the text, stop reading prefixes
            else:
                break
            rest = rest[with_colon.end():]
            continue
        bare = _LEADING_WORD.match(rest)
        if bare and role is None and (found := _match_role(bare.group("word"), role_ids, allow_prefix=False)):
            role = found
            rest = rest[bare.end():]
            continue
        if bare and role is None and kind is None and _CODE_LIKE.match(bare.group("word")):
            # "DSL d: ..." reads as a mistyped role code followed by a kind prefix
            after = _LEADING_COLON.match(rest[bare.end():])
            if after and kind_from_prefix(after.group("word")):
                unknown_role = bare.group("word")
        break

    tags: list[str] = []
    unknown_tags: list[str] = []

    def take_tag(match: re.Match[str]) -> str:
        tag = tag_from_word(match.group("tag"), objective_ids)
        if tag is None:
            unknown_tags.append(match.group("tag"))
            return match.group(0)
        if tag not in tags:
            tags.append(tag)
        return ""

    rest = _HASHTAG.sub(take_tag, rest)

    inject_id: str | None = None
    unknown_injects: list[str] = []

    def take_inject(match: re.Match[str]) -> str:
        nonlocal inject_id
        ref = match.group("ref")
        for candidate in inject_ids:
            if candidate.casefold() == ref.casefold():
                inject_id = candidate
                return ""
        if re.match(r"^[A-Za-z]+[0-9]", ref):
            unknown_injects.append(ref)
        return match.group(0)

    rest = _INJECT_REF.sub(take_inject, rest)
    text = " ".join(rest.split())
    return ParsedEntry(
        text=text,
        role=role,
        kind=kind,
        inject_id=inject_id,
        tags=tuple(tags),
        unknown_role=unknown_role,
        unknown_tags=tuple(unknown_tags),
        unknown_injects=tuple(unknown_injects),
    )


def format_entry_line(
    *,
    role: str | None,
    kind: str | None,
    text: str,
    inject_id: str | None = None,
    tags: Iterable[str] = (),
) -> str:
    """Write an entry back as a quick-entry line that parses to the same entry."""
    parts: list[str] = []
    if role:
        parts.append(role)
    if kind:
        parts.append(f"{KIND_SHORTCUTS.get(kind, kind)}:")
    parts.append(text)
    for tag in tags:
        word = {STRENGTH: "fort", IMPROVEMENT: "amélioration"}.get(tag, tag)
        parts.append(f"#{word}")
    if inject_id:
        parts.append(f">{inject_id}")
    return " ".join(part for part in parts if part)


def latest_fired_inject_for_role(
    inject_states: Iterable[object], role: str | None, checks: Iterable[object] = (), *,
    awaiting_only: bool = False,
) -> str | None:
    """Return the id of the fired inject an entry about ``role`` most likely answers (None if none reached it).

    The most recent fired inject, in this order of preference:

    1. one that expects a response from ``role`` and whose expected responses from ``role`` are not
       all checked yet (``checks``: the session's latest ExpectationCheck objects, with ``inject_id``
       and ``index``);
    2. one addressed to ``role`` by name (not only through ``to: all``);
    3. any that reached ``role``, ``to: all`` included.

    With ``awaiting_only``, only the first kind counts (None otherwise): the observer panel proposes
    an inject only when it still waits for this role's response, never a broadcast such as DEBEX.

    Why: the most recent inject a role received is often a broadcast (DEBEX) or another topic, while
    the entry answers an earlier inject still waiting for that role's response. Works on the session's
    ``InjectState`` objects (``inject``, ``fired_at``); an inject addressed to everyone lists every
    played role in ``inject.to`` and has ``inject.to_all`` set.
    """
    if not role:
        return None
    checked = {(getattr(c, "inject_id", None), getattr(c, "index", None)) for c in checks}
    best: list[tuple[float, str] | None] = [None, None, None]  # (fired_at, id) per preference
    for state in inject_states:
        fired_at = getattr(state, "fired_at", None)
        if fired_at is None:
            continue
        inject = state.inject  # type: ignore[attr-defined]
        to_all = bool(getattr(inject, "to_all", False))
        if role not in inject.to and not to_all:
            continue
        expected = [index for index, item in enumerate(getattr(inject, "expected", ()) or ()) if item.role == role]
        if any((inject.id, index) not in checked for index in expected):
            rank = 0
        elif not to_all:
            rank = 1
        else:
            rank = 2
        # Same fired_at (rare: wall-clock times): the one listed later wins.
        current = best[rank]
        if current is None or fired_at >= current[0]:
            best[rank] = (fired_at, inject.id)
    if awaiting_only:
        return best[0][1] if best[0] is not None else None
    return next((found[1] for found in best if found is not None), None)
