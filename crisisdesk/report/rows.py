"""The replayed state as report rows: main-courante entries and injects.

The replay already knows the current revision of each entry, the latest check of each
expected response and each inject's effective timing; these functions only shape
them into the immutable rows the report sections read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from crisisdesk.package.model import Package
from crisisdesk.report.figures import (
    DECISION_KINDS,
    NOT_AN_ANSWER_KINDS,
    ON_TIME_TOLERANCE,
    EntryRow,
    ExpectationRow,
    InjectRow,
)
from crisisdesk.session.state import InjectState, InjectStatus, SessionState

RoleName = Callable[[str | None], str]


def entry_rows(state: SessionState, objective_ids: set[str], role_name: RoleName) -> tuple[tuple[EntryRow, ...],
                                                                                               tuple[EntryRow, ...]]:
    """Return (every revision, current revisions), each in time order.

    Each row carries the time and stage of its chain's first revision: a correction
    keeps the time the entry was first written, which is when the role answered.
    """
    history = sorted(state.entry_history, key=lambda e: (e.real_time, e.revision))
    current_keys = {(e.entry_id, e.revision) for e in state.entries}
    root_of: dict[str, str] = {}
    first_of: dict[str, object] = {}
    for entry in history:
        root = root_of.get(entry.supersedes, entry.supersedes) if entry.supersedes else entry.entry_id
        root_of[entry.entry_id] = root
        first_of.setdefault(root, entry)
    rows = []
    for entry in history:
        first = first_of[root_of[entry.entry_id]]
        tags = tuple(entry.tags)
        rows.append(EntryRow(
            entry_id=entry.entry_id,
            revision=entry.revision,
            observer=entry.observer,
            role=entry.role,
            role_name=role_name(entry.role),
            kind=entry.kind,
            text=entry.text,
            inject_id=entry.inject_id,
            tags=tags,
            objective_ids=tuple(t for t in tags if t in objective_ids),
            real_time=entry.real_time,
            elapsed=entry.elapsed,
            scenario_time=entry.scenario_time,
            stage=entry.stage,
            is_correction=bool(entry.supersedes),
            superseded=(entry.entry_id, entry.revision) not in current_keys,
            first_time=first.real_time,
            first_elapsed=first.elapsed,
            first_stage=first.stage,
        ))
    history_rows = tuple(rows)
    current_rows = tuple(sorted((r for r in history_rows if not r.superseded),
                                key=lambda r: (r.first_time, r.real_time)))
    return history_rows, current_rows


def first_answers(current_rows: tuple[EntryRow, ...]) -> dict[tuple[str, str], EntryRow]:
    """The first answer of each (inject, role): the role's earliest entry linked to the inject.

    Only entries first written during play answer: one written before STARTEX or after
    ENDEX (at the hot wash) tells what was done, it is not a response measured in play.
    """
    first: dict[tuple[str, str], EntryRow] = {}
    for row in current_rows:
        if not row.inject_id or not row.role or row.kind in NOT_AN_ANSWER_KINDS or row.first_stage != "play":
            continue
        key = (row.inject_id, row.role)
        if key not in first or row.first_time < first[key].first_time:
            first[key] = row
    return first


def inject_status(row_fired: float | None, inject_state: InjectState, planned_at: int | None, played: float,
                  draft: bool, adhoc: bool, manual: bool) -> tuple[str, float | None]:
    """Return (status, gap) of an inject against its effective due time."""
    status = inject_state.status
    if row_fired is not None:
        if adhoc or planned_at is None:
            return "adhoc", None
        # Against the time the controller last set (delay, edit, shift, jump), not the
        # package's: a rescheduled inject fired as rescheduled is on time.
        gap = row_fired - inject_state.due_at
        if manual:  # reserve and contingency injects go when the controller judges it right
            return "fired_manual", gap
        if abs(gap) <= ON_TIME_TOLERANCE:
            return "on_time", gap
        return ("late" if gap > 0 else "early"), gap
    if status is InjectStatus.SKIPPED:
        return "skipped", None
    if manual:
        return "unused", None
    reached = inject_state.overdue or inject_state.due_at <= played
    if draft:
        return ("due" if status is InjectStatus.DUE or reached else "pending"), None
    return ("not_fired" if reached else "not_reached"), None


def inject_rows(state: SessionState, package: Package, current_rows: tuple[EntryRow, ...], *, played: float,
                draft: bool, role_name: RoleName) -> tuple[list[InjectRow], list[tuple[str, float]]]:
    """Return the injects as rows in order of play, and the (role, delay) of every answer."""
    first_answer = first_answers(current_rows)
    decisions_by_inject: dict[str, list[EntryRow]] = defaultdict(list)
    for row in current_rows:
        if row.inject_id and row.kind in DECISION_KINDS:
            decisions_by_inject[row.inject_id].append(row)
    latest_check = {(c.inject_id, c.index): c for c in state.checks}  # the replay keeps the latest of each
    played_role_ids = {r.id for r in package.roles if r.played}
    # Delivered / not delivered only when the animation team recorded deliveries (room server).
    deliveries_tracked = any(s.delivered_at is not None for s in state.injects)
    rows: list[InjectRow] = []
    response_pairs: list[tuple[str, float]] = []
    for ist in state.injects:
        inject = ist.inject
        planned_at = None if ist.adhoc else ist.planned_at
        fired_elapsed = ist.fired_elapsed if ist.status is InjectStatus.FIRED else None
        status, gap = inject_status(fired_elapsed, ist, planned_at, played, draft, ist.adhoc,
                                    manual=inject.manual or inject.contingency_for is not None)
        answers: dict[str, float] = {}
        if fired_elapsed is not None:
            # A role answers an inject it received, or one it was expected to act on.
            for role_id in dict.fromkeys([*inject.to, *(e.role for e in inject.expected)]):
                answer = first_answer.get((inject.id, role_id))
                if role_id not in played_role_ids or answer is None or answer.first_elapsed is None:
                    continue
                delay = max(0.0, answer.first_elapsed - fired_elapsed)
                answers[role_id] = delay
                response_pairs.append((role_id, delay))
        expectations = []
        for index, expected in enumerate(inject.expected):
            check = latest_check.get((inject.id, index))
            expectations.append(ExpectationRow(
                inject_id=inject.id,
                index=index,
                role=expected.role,
                role_name=role_name(expected.role),
                action=expected.action,
                within=expected.within,
                status=check.status if check is not None else "unchecked",
                observer=check.observer if check is not None else "",
                note=(check.note or "") if check is not None else "",
                checked_at=check.elapsed if check is not None else None,
                response_time=answers.get(expected.role),
                criterion=expected.criterion,
            ))
        rows.append(InjectRow(
            inject_id=inject.id,
            title=inject.title,
            sender=inject.sender,
            channel=inject.channel,
            to=tuple(inject.to),
            to_names=tuple(role_name(r) for r in inject.to),
            to_all=bool(inject.to_all),
            body=inject.body,
            planned_at=planned_at,
            planned_scenario=package.scenario_time_at(planned_at) if planned_at is not None else None,
            due_at=ist.due_at,
            fired_elapsed=fired_elapsed,
            fired_at=ist.fired_at if fired_elapsed is not None else None,
            fired_scenario=ist.fired_scenario if fired_elapsed is not None else None,
            gap=gap,
            status=status,
            manual=inject.manual,
            contingency_for=inject.contingency_for,
            adhoc=ist.adhoc,
            delayed=ist.delayed,
            edited=ist.edited,
            objectives=tuple(inject.objectives),
            expectations=tuple(expectations),
            decisions=tuple(decisions_by_inject.get(inject.id, ())),
            delivery=(None if not deliveries_tracked or fired_elapsed is None
                      else "delivered" if ist.delivered_at is not None else "not_delivered"),
            delivered_by=ist.delivered_by,
        ))
    rows.sort(key=lambda r: (r.sort_time, r.inject_id))
    return rows, response_pairs
