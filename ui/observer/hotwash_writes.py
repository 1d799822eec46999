"""The hot wash's writes: ratings, findings, plan lines, each under the event id of its user action.

No widget here. Each method writes through the Session API and raises what the session
raises (SessionError for a refused value or a write the file did not take); the screen
(``hotwash.py``) says so and keeps what was typed. An action repeated after a failed
save carries the first attempt's event id (``ActionIds``): the session may have kept
that write and stored it since, and then stores it once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from crisisdesk.tagged_findings import TaggedFinding, findings_to_import
from ui.observer.action_ids import ActionIds

if TYPE_CHECKING:
    from crisisdesk.session import Session


class HotWashWrites:
    """The hot-wash actions of one window, written by ``observer`` (whoever is named now)."""

    def __init__(self, session: Session, observer: str | None = None) -> None:
        self._session = session
        self.observer = observer
        self._ids = ActionIds()

    def _write(self, slot: Hashable, content: Hashable, write: Callable[[str], object]) -> None:
        event_id = self._ids.for_action(slot, content)
        write(event_id)  # raises: the action stays unconfirmed, and doing it again reuses its id
        self._ids.saved(slot, event_id)

    # -- ratings ---------------------------------------------------------------------------------

    def rate(self, objective_id: str, rating: str, justification: str) -> None:
        # One slot per objective: the latest rating wins, so going back to an earlier one is a new action.
        self._write(objective_id, (rating, justification), lambda event_id: self._session.rate_objective(
            objective_id, rating, justification, observer=self.observer or "", event_id=event_id))

    def withdraw_rating(self, objective_id: str) -> None:
        self._write(("withdraw", objective_id), "withdraw", lambda event_id: self._session.withdraw_rating(
            objective_id, observer=self.observer or "", event_id=event_id))

    # -- findings --------------------------------------------------------------------------------

    def add_finding(self, kind: str, text: str, objective_id: str | None) -> None:
        # Findings add up: the same finding is the same action, whatever was tried in between.
        action = ("finding", kind, text, objective_id)
        self._write(action, action, lambda event_id: self._session.add_finding(
            kind, text, objective_id, observer=self.observer, event_id=event_id))

    def store_finding(self, number: int | None, values: dict[str, Any]) -> None:
        """Add a detailed finding (``number`` None) or rewrite finding ``number`` (a new event that supersedes)."""
        slot = ("finding-edit", number, *values.values())
        fields = dict(values)
        kind, text, objective = fields.pop("kind"), fields.pop("text"), fields.pop("objective_id")
        if number is None:
            self._write(slot, slot, lambda event_id: self._session.add_finding(
                kind, text, objective, observer=self.observer, event_id=event_id, **fields))
        else:
            self._write(slot, slot, lambda event_id: self._session.edit_finding(
                number, kind, text, objective, observer=self.observer, event_id=event_id, **fields))

    def findings_to_import(self) -> list[TaggedFinding]:
        """The tagged entries' findings not stored yet."""
        state = self._session.state
        return findings_to_import(state, (o.id for o in self._session.package.exercise.objectives))

    def import_finding(self, finding: TaggedFinding) -> None:
        """Store a tagged entry's finding under the id that names the entry: stored once, whoever imports it."""
        self._session.add_finding(finding.kind, finding.text, finding.objective_id, observer=self.observer,
                                  event_id=finding.finding_id)

    # -- the plan d'actions ------------------------------------------------------------------------

    def add_plan_line(self, line: dict[str, Any]) -> None:
        slot = ("plan", *line.values())  # plan lines add up, as findings do
        self._write(slot, slot, lambda event_id: self._session.add_improvement(
            **line, observer=self.observer, event_id=event_id))

    def store_plan_line(self, number: int | None, values: dict[str, Any]) -> None:
        """Add a detailed plan line (``number`` None) or rewrite line ``number``."""
        slot = ("plan-edit", number, *values.values())
        if number is None:
            self._write(slot, slot, lambda event_id: self._session.add_improvement(
                **values, observer=self.observer, event_id=event_id))
        else:
            self._write(slot, slot, lambda event_id: self._session.edit_improvement(
                number, **values, observer=self.observer, event_id=event_id))

    # -- deleting (a new event: the history keeps what was deleted and who did it) -------------------

    def delete(self, what: str, number: int) -> None:
        """Delete finding (``what`` "finding") or plan line (``"improvement"``) ``number``."""
        slot = ("delete", what, number)
        delete = self._session.delete_finding if what == "finding" else self._session.delete_improvement
        self._write(slot, slot, lambda event_id: delete(number, observer=self.observer, event_id=event_id))
