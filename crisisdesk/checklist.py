"""The expected-responses checklist: each fired inject's ``expected`` items with their checks.

An item is due ``within`` exercise seconds of its inject being fired (pauses do not
count against the players). It is *overdue* when that window has passed with no
check, and *late* when it was checked after the window. The observers' checklist and
the report read the same items from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from crisisdesk.session.state import ExpectationCheck, InjectState, SessionState


@dataclass(frozen=True)
class ChecklistItem:
    """One expected response of a fired inject, and its latest check if any."""

    inject_id: str
    inject_title: str
    index: int  # position in the inject's ``expected`` list (what checks refer to)
    role: str
    action: str
    within: int  # exercise seconds allowed after the fire
    fired_at: float  # epoch
    fired_elapsed: float  # exercise seconds
    check: ExpectationCheck | None = None

    @property
    def deadline(self) -> float:
        """Exercise time by which the response is expected."""
        return self.fired_elapsed + self.within

    def remaining(self, elapsed_now: float) -> float:
        """Exercise seconds left in the window at ``elapsed_now`` (negative once past)."""
        return self.deadline - elapsed_now

    def overdue(self, elapsed_now: float) -> bool:
        """True if the window has passed and nobody has checked the item yet."""
        return self.check is None and elapsed_now > self.deadline

    @property
    def late(self) -> bool:
        """True if the item was checked after its window."""
        return (
            self.check is not None
            and self.check.delay_since_fire is not None
            and self.check.delay_since_fire > self.within
        )


def _fired(states: Iterable[InjectState]) -> list[InjectState]:
    fired = [s for s in states if s.fired_at is not None]
    fired.sort(key=lambda s: (s.fired_at, s.inject.id), reverse=True)
    return fired


def checklist_items(state: SessionState, roles: Iterable[str] | None = None) -> tuple[ChecklistItem, ...]:
    """Return the expected items of fired injects, newest fire first, for ``roles`` (all if None)."""
    wanted = None if roles is None else set(roles)
    checks = {(c.inject_id, c.index): c for c in state.checks}
    items: list[ChecklistItem] = []
    for inject_state in _fired(state.injects):
        inject = inject_state.inject
        fired_elapsed = inject_state.fired_elapsed if inject_state.fired_elapsed is not None else 0.0
        for index, expected in enumerate(inject.expected):
            if wanted is not None and expected.role not in wanted:
                continue
            items.append(
                ChecklistItem(
                    inject_id=inject.id,
                    inject_title=inject.title,
                    index=index,
                    role=expected.role,
                    action=expected.action,
                    within=expected.within,
                    fired_at=inject_state.fired_at or 0.0,
                    fired_elapsed=fired_elapsed,
                    check=checks.get((inject.id, index)),
                )
            )
    return tuple(items)


@dataclass(frozen=True)
class ObjectiveEvidence:
    """What play gathered for one objective: its expected responses by verdict, and the entries tagged with it.

    ``unchecked`` counts the expected responses of fired injects no observer evaluated yet.
    """

    met: int = 0
    partial: int = 0
    missed: int = 0
    unchecked: int = 0
    entries: int = 0

    @property
    def responses(self) -> int:
        """Expected responses of the fired injects that serve the objective, evaluated or not."""
        return self.met + self.partial + self.missed + self.unchecked


def objective_evidence(objective_ids: Iterable[str], state: SessionState) -> dict[str, ObjectiveEvidence]:
    """For each objective, the checks of the fired injects serving it and the entries tagged with it.

    An inject serves the objectives it names now (an inject edited during play counts with
    its new objectives). Objectives not in ``objective_ids`` are ignored.
    """
    counts = {objective_id: {"met": 0, "partial": 0, "missed": 0, "unchecked": 0, "entries": 0}
              for objective_id in objective_ids}
    objectives_of = {inject_state.inject.id: inject_state.inject.objectives for inject_state in state.injects}
    for item in checklist_items(state):
        for objective_id in objectives_of.get(item.inject_id, ()):
            if objective_id in counts:
                counts[objective_id][item.check.status if item.check else "unchecked"] += 1
    for entry in state.entries:
        for tag in entry.tags:
            if tag in counts:
                counts[tag]["entries"] += 1
    return {objective_id: ObjectiveEvidence(**c) for objective_id, c in counts.items()}
