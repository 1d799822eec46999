"""GUI: the event id of each user action not confirmed saved, so doing it again stores it once.

The session stores a given ``event_id`` once: a click retried after a failed save
(the session may have kept the first write and stored it since) must carry the id
of the first click, and a new action (another status, another text) a new id.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable


class ActionIds:
    """GUI: one event id per unconfirmed action, per slot (an item, an objective, a form's content)."""

    def __init__(self) -> None:
        self._held: dict[Hashable, tuple[Hashable, str]] = {}

    def for_action(self, slot: Hashable, content: Hashable) -> str:
        """Return the id of doing ``content`` on ``slot``: the unconfirmed one if it is the same action, else a new one.

        A new action on a slot replaces the one held there: with "the latest wins"
        (checks, ratings), going back to an earlier choice is a new action, made later.
        """
        held = self._held.get(slot)
        if held is not None and held[0] == content:
            return held[1]
        event_id = uuid.uuid4().hex
        self._held[slot] = (content, event_id)
        return event_id

    def saved(self, slot: Hashable, event_id: str) -> None:
        """Forget ``slot``'s action once ``event_id`` is confirmed stored: doing it again is a new action."""
        held = self._held.get(slot)
        if held is not None and held[1] == event_id:
            del self._held[slot]

    def held(self, slot: Hashable) -> str | None:
        """Return the id of ``slot``'s unconfirmed action, if any."""
        held = self._held.get(slot)
        return held[1] if held is not None else None
