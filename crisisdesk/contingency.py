"""When to offer a contingency inject: the responses it backs up were missed or are overdue.

A contingency inject (``contingency_for: X``) exists to relaunch play when the table did
not answer inject X. It is offered to the controller once X has been fired and either an
observer marked one of X's expected responses "missed", or the longest response window of
X has lapsed without every response being marked "met".
"""

from __future__ import annotations

from crisisdesk.session.state import InjectStatus, SessionState
from crisisdesk.vocabulary import CheckStatus


def contingency_reason(state: SessionState, inject_id: str, elapsed: float) -> str | None:
    """Return why contingency ``inject_id`` should be offered now ("missed"/"lapsed"), or None."""
    contingency = state.inject(inject_id)
    backed_id = contingency.inject.contingency_for
    if backed_id is None or contingency.done:
        return None
    try:
        backed = state.inject(backed_id)
    except KeyError:
        return None
    if backed.status is not InjectStatus.FIRED or not backed.inject.expected:
        return None
    verdicts = [state.check_for(backed_id, i) for i in range(len(backed.inject.expected))]
    if any(check is not None and check.status == CheckStatus.MISSED for check in verdicts):
        return "missed"
    if all(check is not None and check.status == CheckStatus.MET for check in verdicts):
        return None
    window = max(expected.within for expected in backed.inject.expected)
    fired_elapsed = backed.fired_elapsed if backed.fired_elapsed is not None else 0.0
    if elapsed >= fired_elapsed + window:
        return "lapsed"
    return None


def offered_contingencies(state: SessionState, elapsed: float) -> list[tuple[str, str]]:
    """Return (contingency id, reason) for every contingency inject to offer at ``elapsed``."""
    offered = []
    for inject_state in state.injects:
        if inject_state.inject.contingency_for is None:
            continue
        reason = contingency_reason(state, inject_state.inject.id, elapsed)
        if reason is not None:
            offered.append((inject_state.inject.id, reason))
    return offered


def awaiting_controller(state: SessionState, elapsed: float) -> tuple[list, list[tuple[object, str]]]:
    """Return what waits for the controller: the due injects (in firing order) and the offered
    contingencies that are not due themselves, with their reason.

    The one count of "what needs the controller now": the due banner, the recovery message after
    a crash and anything else that tells the director how many injects wait all read it here.
    """
    if state.clock.state.name == "ENDED":
        return [], []  # after ENDEX nothing is fired any more: nothing waits
    due = [s for s in state.injects if s.status is InjectStatus.DUE]
    offered = [(state.inject(i), reason) for i, reason in offered_contingencies(state, elapsed)]
    return due, [(s, reason) for s, reason in offered if s.status is not InjectStatus.DUE]
