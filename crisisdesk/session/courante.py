"""The observers' and evaluators' writes: main-courante entries, expectation checks, ratings, hot wash.

Each write is stamped (exercise time, stage, phase) under the write lock after
catching up with the other windows, and is never lost: if the file cannot take it,
it is kept (``pending.py``) and put in before the next write that succeeds, or by
``retry_pending``. A client-made id makes a retry of the same user action a no-op.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError

from crisisdesk.session import arguments
from crisisdesk.session.core import EventStore
from crisisdesk.session.errors import InvalidActionError, SessionError, WriteFailedError
from crisisdesk.session.pending import KeptWrites
from crisisdesk.session.pending_file import read_pending_file
from crisisdesk.session.schema import Event
from crisisdesk.session.state import (
    CHECK_STATUSES,
    ENTRY_KINDS,
    ENTRY_TAGS,
    FINDING_KINDS,
    RATINGS,
    EventRecord,
    InjectStatus,
    LogEntry,
    stage_of,
)
from crisisdesk.session.store import Draft
from crisisdesk.vocabulary import (
    ACTION_STATUSES,
    OBSERVER_KINDS,
    POETE_DOMAINS,
    RETEX_FIELDS,
    RETEX_STATUSES,
    CheckPayload,
    DeliveredPayload,
    EntryPayload,
    FindingPayload,
    ImprovementPayload,
    RatingPayload,
    RetexPayload,
)


@dataclass(frozen=True)
class ImportResult:
    """What ``import_pending`` did: writes stored now, writes the session file already held."""

    stored: int
    already: int


class CouranteWrites:
    """Log entries (and corrections), check expected responses, rate objectives, note findings and actions.

    Collaborators: the ``EventStore`` it writes through, the ``KeptWrites`` that keep
    what the file could not take, and ``refresh`` (read what other windows wrote; the
    session's own, so a write catches up the way the session does).
    """

    def __init__(self, store: EventStore, kept: KeptWrites, refresh: Callable[[], object]):
        self._store = store
        self._kept = kept
        self._refresh = refresh

    def retry_pending(self) -> int:
        """Store the kept writes; return how many were saved. Raise WriteFailedError if some still fail."""
        kept = self._kept
        if not kept:
            return 0
        self._store.require_writable()
        drafts = kept.drafts()
        try:
            self._store.write(lambda now: drafts)
        except (OperationalError, DBAPIError) as exc:
            reason = self._store.write_error(exc)
            kept.failed_again(reason)
            raise WriteFailedError(f"{reason} {len(kept)} write(s) still kept, not saved yet.",
                                   pending=True, **self._store.failure(exc, count=len(kept))) from None
        saved = len(kept)
        kept.stored({d.event_id for d in drafts})
        return saved

    def import_pending(self, path) -> ImportResult:
        """Store the writes of a file of unsaved writes (``export_pending``); say how many were new.

        The file is checked first (``pending_file.py``); its writes already in the session
        file are counted, not stored twice. The new ones are kept (and journaled) before
        they are stored, so if the disk is still full they wait like any kept write
        (WriteFailedError, ``pending=True``) instead of being lost again.
        """
        self._store.require_writable()
        found = read_pending_file(path, OBSERVER_KINDS)
        ids = [w.event_id for w in found.writes]
        stored: set[str] = set()
        with self._store.read() as conn:
            for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
                chunk = ids[start:start + 500]
                stored.update(conn.execute(select(Event.event_id).where(Event.event_id.in_(chunk))).scalars())
        new = [w for w in found.writes if w.event_id not in stored]
        if new:
            self._kept.take(new)
            self.retry_pending()
        return ImportResult(stored=len(new), already=len(ids) - len(new))

    def _record(self, make: Callable[[float], Draft]) -> int:
        """Write one courante/evaluation event and return its seq; keep it if the file cannot take it.

        ``make(now)`` stamps the event (exercise time, stage, phase) once the events of
        other windows are applied, under the write lock: an entry made just after
        another window's ENDEX says "hotwash". If the lock cannot be had, it is stamped
        with what this window knows and kept. The writes kept earlier go in first, in
        the order they were made and in the same transaction, so a later write is
        never stored before an earlier one.
        """
        store = self._store
        store.require_writable()
        acted = store.time.now()
        kept = self._kept.drafts()
        made: list[Draft] = []
        seq: list[int] = []

        def build(now: float) -> list[Draft]:
            made.append(make(now))
            return [*kept, made[0]]

        def find_seq(conn, records: list[EventRecord]) -> None:
            mine = next((r for r in records if r.event_id == made[0].event_id), None)
            # None: stored before (an idempotent retry), and the catch-up applied it.
            seq.append(mine.seq if mine else conn.execute(
                select(Event.seq).where(Event.event_id == made[0].event_id)).scalar_one())

        try:
            store.write(build, at=acted, after=find_seq)
        except (OperationalError, DBAPIError) as exc:
            draft = made[0] if made else make(acted)  # no draft: the write lock could not be had
            reason = store.write_error(exc)
            if self._kept.keep(draft, reason):
                message = f"{reason} Kept: it will be saved when the file can take it."
            else:
                message = (f"{reason} Kept in memory only, not in the journal beside the file "
                           f"({self._kept.journal_error}): export the unsaved writes before closing.")
            raise WriteFailedError(message, pending=True, event_id=draft.event_id,
                                   **store.failure(exc, journaled=self._kept.journal_error is None)) from None
        if kept:
            self._kept.stored({d.event_id for d in kept})
        return seq[0]

    def _refresh_quietly(self) -> None:
        try:
            self._refresh()
        except SessionError:
            pass  # the write that follows reports the problem, and keeps the entry

    def log_entry(self, *, observer: str, role: str | None, kind: str, text: str, inject_id: str | None = None,
                  tags: Iterable[str] = (), entry_id: str | None = None, supersedes: str | None = None) -> LogEntry:
        """Log a main-courante entry (or a correction of one); return it once committed.

        The same ``entry_id`` twice is a no-op returning the stored entry, so a retry
        after a crash never duplicates. Raises WriteFailedError(pending=True) if the
        file could not take it: the entry is then kept and retried.
        """
        self._store.require_writable()
        self._refresh_quietly()
        if entry_id is not None:
            if not isinstance(entry_id, str) or not 0 < len(entry_id) <= 64:
                raise InvalidActionError(f"entry id must be a text of 1 to 64 characters, got {entry_id!r}",
                                         code="bad_id", params={"field": "entry_id", "value": repr(entry_id)})
            stored = self._store.replayer.find_entry(entry_id)
            if stored is not None:
                return stored
            if self._kept.has(entry_id):
                self.retry_pending()  # raises unless every kept write, this one too, is stored now
                return self._stored_entry(entry_id)
        observer = arguments.required_text(observer, "observer")
        text = arguments.required_text(text, "entry text")
        if kind not in ENTRY_KINDS:
            raise InvalidActionError(f"entry kind {kind!r} is not one of {', '.join(ENTRY_KINDS)}", code="unknown_kind",
                                     params={"value": kind, "allowed": list(ENTRY_KINDS)})
        if role is not None:
            self._store.require_role(role)
        if inject_id is not None and inject_id not in self._store.replayer.injects:
            raise arguments.unknown_inject(inject_id)
        objectives = {o.id for o in self._store.package.exercise.objectives}
        tags = tuple(dict.fromkeys(tags))
        wrong = [t for t in tags if t not in ENTRY_TAGS and t not in objectives]
        if wrong:
            raise InvalidActionError(f"unknown tag {', '.join(wrong)} (tags: {', '.join(ENTRY_TAGS)} or an objective id)",
                                     code="unknown_tag", params={"value": wrong, "allowed": list(ENTRY_TAGS)})
        entry_id = entry_id or uuid.uuid4().hex

        def make(now: float) -> Draft:
            revision = 1
            if supersedes is not None:
                previous = self._store.replayer.current_revision(supersedes)
                if previous is None:
                    raise InvalidActionError(f"cannot correct entry {supersedes}: no such entry", code="unknown_entry",
                                             params={"entry_id": supersedes})
                if previous.entry_id != supersedes:
                    raise InvalidActionError(f"entry {supersedes} was already corrected by {previous.entry_id}; "
                                             "correct the latest revision", code="already_corrected",
                                             params={"entry_id": supersedes, "by": previous.entry_id})
                revision = previous.revision + 1
            clock = self._store.replayer.clock
            elapsed, scenario = self._store.times(now)
            payload = EntryPayload(
                entry_id=entry_id, revision=revision, supersedes=supersedes, observer=observer, role=role,
                entry_kind=kind, text=text, inject_id=inject_id, tags=list(tags), stage=stage_of(clock.state),
                phase_index=None if elapsed is None else clock.phase_index_at(elapsed),
            )
            return Draft(payload.kind, now, elapsed, scenario, payload.to_payload(), actor=observer, event_id=entry_id)
        self._record(make)
        return self._stored_entry(entry_id)

    def _stored_entry(self, entry_id: str) -> LogEntry:
        entry = self._store.replayer.find_entry(entry_id)
        if entry is None:  # _record raises when the file did not take it: this cannot happen
            raise RuntimeError(f"entry {entry_id} was stored but cannot be read back")
        return entry

    def check_expectation(self, inject_id: str, index: int, status: str, *, observer: str, note: str = "",
                          event_id: str | None = None) -> str:
        """Record whether an expected response of a fired inject was met, partly met or missed; return its id.

        The check made last (by the time the user acted) wins. ``event_id`` is the
        client's id for this user action (generated if None): a retry with the same
        id is stored once.
        """
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._refresh_quietly()
        if status not in CHECK_STATUSES:
            raise InvalidActionError(f"check status {status!r} is not one of {', '.join(CHECK_STATUSES)}",
                                     code="unknown_status", params={"value": status, "allowed": list(CHECK_STATUSES)})
        inj = self._store.replayer.injects.get(inject_id)
        if inj is None:
            raise arguments.unknown_inject(inject_id)
        if inj.status is not InjectStatus.FIRED:
            raise InvalidActionError(f"inject {inject_id} has not been fired: nothing to check yet", code="not_fired",
                                     params={"inject_id": inject_id})
        expected = inj.inject.expected
        if not isinstance(index, int) or not 0 <= index < len(expected):
            raise InvalidActionError(f"inject {inject_id} has {len(expected)} expected response(s); no item {index!r}",
                                     code="unknown_item",
                                     params={"inject_id": inject_id, "value": index, "count": len(expected)})
        item = expected[index]
        payload = CheckPayload(inject_id, index, status, observer=observer or self._store.observer or "",
                               note=note or "", role=item.role, action=item.action)
        self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))
        return event_id

    def rate_objective(self, objective_id: str, rating: str, justification: str, *, observer: str,
                       event_id: str | None = None) -> str:
        """Rate an objective P, S, M or U (HSEEP); return the rating's id.

        The rating made last (by the time the user acted) wins. ``event_id`` as for
        ``check_expectation``.
        """
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        if objective_id not in {o.id for o in self._store.package.exercise.objectives}:
            raise InvalidActionError(f"unknown objective {objective_id!r}", code="unknown_objective",
                                     params={"objective_id": objective_id})
        if rating not in RATINGS:
            raise InvalidActionError(f"rating {rating!r} is not one of {', '.join(RATINGS)}", code="unknown_rating",
                                     params={"value": rating, "allowed": list(RATINGS)})
        payload = RatingPayload(objective_id, rating, justification or "", observer or self._store.observer or "")
        self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))
        return event_id

    def _improvement_payload(self, *, action: str, owner_role: str | None, priority: str,
                             due_date: date | str | None, objective_id: str | None, observer: str | None,
                             domain: str, organisation: str, contact: str, start_date: date | str | None,
                             status: str, finding_id: int | None, supersedes: int | None = None) -> ImprovementPayload:
        if owner_role is not None:
            self._store.require_role(owner_role)
        if objective_id is not None:
            self._store.require_objective(objective_id)
        _one_of(domain or "", POETE_DOMAINS, "domain")
        _one_of(status or "", ACTION_STATUSES, "status")
        if finding_id is not None and finding_id not in {f.id for f in self._store.state.findings}:
            raise InvalidActionError(f"finding {finding_id!r} does not exist", code="unknown_finding",
                                     params={"value": finding_id})
        return ImprovementPayload(
            action=arguments.required_text(action, "improvement action"), owner_role=owner_role,
            priority=arguments.required_text(priority, "priority"), due_date=arguments.iso_date(due_date),
            objective_id=objective_id, observer=observer or self._store.observer, domain=domain or "",
            organisation=_short_text(organisation, "organisation"), contact=_short_text(contact, "contact"),
            start_date=arguments.iso_date(start_date), status=status or "", finding_id=finding_id,
            supersedes=supersedes)

    def add_improvement(self, *, action: str, owner_role: str | None, priority: str, due_date: date | str | None,
                        objective_id: str | None = None, observer: str | None = None,
                        event_id: str | None = None, domain: str = "", organisation: str = "", contact: str = "",
                        start_date: date | str | None = None, status: str = "",
                        finding_id: int | None = None) -> int:
        """Add a line to the improvement plan; return its number (1, 2, ...).

        ``event_id`` is the client's id for this user action (generated if None; the
        stored line carries it): a retry with the same id is stored once. ``domain`` is
        a POETE code, ``status`` an action status, ``finding_id`` the finding it answers.
        """
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._refresh_quietly()
        payload = self._improvement_payload(
            action=action, owner_role=owner_role, priority=priority, due_date=due_date, objective_id=objective_id,
            observer=observer, domain=domain, organisation=organisation, contact=contact, start_date=start_date,
            status=status, finding_id=finding_id)
        seq = self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))
        return next(i.id for i in self._store.state.improvements if i.seq == seq)

    def edit_improvement(self, number: int, *, action: str, owner_role: str | None, priority: str,
                         due_date: date | str | None, objective_id: str | None = None, observer: str | None = None,
                         event_id: str | None = None, domain: str = "", organisation: str = "", contact: str = "",
                         start_date: date | str | None = None, status: str = "",
                         finding_id: int | None = None) -> int:
        """Replace plan line ``number`` by a new event (the history keeps the old one); return the number."""
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._refresh_quietly()
        self._current("improvement", self._store.state.improvements, number)
        payload = self._improvement_payload(
            action=action, owner_role=owner_role, priority=priority, due_date=due_date, objective_id=objective_id,
            observer=observer, domain=domain, organisation=organisation, contact=contact, start_date=start_date,
            status=status, finding_id=finding_id, supersedes=number)
        self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))
        return number

    def delete_improvement(self, number: int, *, observer: str | None = None, event_id: str | None = None) -> None:
        """Withdraw plan line ``number`` by a new event (never erased: the event log keeps it)."""
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._refresh_quietly()
        line = self._current("improvement", self._store.state.improvements, number)
        payload = ImprovementPayload(action=line.action, observer=observer or self._store.observer,
                                     supersedes=number, deleted=True)
        self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))

    def add_finding(self, kind: str, text: str, objective_id: str | None = None, *,
                    observer: str | None = None, event_id: str | None = None, reference: str = "",
                    cause: str = "", recommendation: str = "") -> int:
        """Note a strength or an area for improvement (hot wash); return its number.

        ``event_id`` as for ``add_improvement``: a finding clicked again after a
        failed save is stored once. ``text`` is the constat; ``reference``, ``cause``
        and ``recommendation`` complete it the French RETEX way.
        """
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._refresh_quietly()
        self._check_finding(kind, objective_id)
        text = arguments.required_text(text, "finding text")
        extra = _finding_extra(reference, cause, recommendation)

        def make(now: float) -> Draft:
            payload = FindingPayload(kind, text, objective_id, observer or self._store.observer,
                                     stage=stage_of(self._store.replayer.clock.state), **extra)
            return self._store.draft(payload, now, actor=observer, event_id=event_id)
        seq = self._record(make)
        return next(f.id for f in self._store.state.findings if f.seq == seq)

    def edit_finding(self, number: int, kind: str, text: str, objective_id: str | None = None, *,
                     observer: str | None = None, event_id: str | None = None, reference: str = "",
                     cause: str = "", recommendation: str = "") -> int:
        """Replace finding ``number`` by a new event (its author and number stay); return the number."""
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._refresh_quietly()
        self._current("finding", self._store.state.findings, number)
        self._check_finding(kind, objective_id)
        payload = FindingPayload(kind, arguments.required_text(text, "finding text"), objective_id,
                                 observer or self._store.observer, supersedes=number,
                                 **_finding_extra(reference, cause, recommendation))
        self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))
        return number

    def delete_finding(self, number: int, *, observer: str | None = None, event_id: str | None = None) -> None:
        """Withdraw finding ``number`` by a new event (the event log keeps it)."""
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._refresh_quietly()
        finding = self._current("finding", self._store.state.findings, number)
        payload = FindingPayload(finding.kind, finding.text, finding.objective_id, observer or self._store.observer,
                                 supersedes=number, deleted=True)
        self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))

    def withdraw_rating(self, objective_id: str, *, observer: str, event_id: str | None = None) -> str:
        """Withdraw an objective's rating by a new event: it is "not rated" again; return the event id."""
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._store.require_objective(objective_id)
        payload = RatingPayload(objective_id, "", "", observer or self._store.observer or "", withdrawn=True)
        self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))
        return event_id

    def set_retex(self, fields: dict[str, str], *, observer: str | None = None, event_id: str | None = None) -> str:
        """Set fields of the RETEX document (cover, synthesis, participants); the others keep their value."""
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        unknown = sorted(set(fields) - set(RETEX_FIELDS))
        if unknown:
            raise InvalidActionError(f"unknown RETEX field(s) {', '.join(unknown)} (known: {', '.join(RETEX_FIELDS)})",
                                     code="bad_value", params={"field": unknown[0], "value": unknown[0]})
        clean = {}
        for key, value in fields.items():
            if not isinstance(value, str):
                raise InvalidActionError(f"RETEX field {key}: expected text, got {value!r}", code="bad_value",
                                         params={"field": key, "value": repr(value)})
            if len(value) > MAX_RETEX_TEXT:
                raise InvalidActionError(f"RETEX field {key}: {len(value)} characters, at most {MAX_RETEX_TEXT}",
                                         code="bad_value", params={"field": key, "value": f"{len(value)}"})
            clean[key] = value
        _one_of(clean.get("status", ""), RETEX_STATUSES, "status")
        payload = RetexPayload(clean, observer or self._store.observer)
        self._record(lambda now: self._store.draft(payload, now, actor=observer, event_id=event_id))
        return event_id

    def _check_finding(self, kind: str, objective_id: str | None) -> None:
        if kind not in FINDING_KINDS:
            raise InvalidActionError(f"finding kind {kind!r} is not one of {', '.join(FINDING_KINDS)}",
                                     code="unknown_kind", params={"value": kind, "allowed": list(FINDING_KINDS)})
        if objective_id is not None:
            self._store.require_objective(objective_id)

    @staticmethod
    def _current(what: str, items, number: int):
        for item in items:
            if item.id == number:
                return item
        raise InvalidActionError(f"{what} {number!r} does not exist (deleted, or never made)",
                                 code="unknown_" + what, params={"value": number})


    def mark_delivered(self, inject_id: str, *, animator: str, event_id: str | None = None) -> str:
        """Record that the animation team played a fired inject to the table ("livré"); return the event id.

        Kept and retried like an entry if the file cannot take it; the first delivery
        of an inject counts, so a second click (or a retry) changes nothing.
        """
        self._store.require_writable()
        event_id = arguments.client_id(event_id)
        self._refresh_quietly()
        inj = self._store.replayer.injects.get(inject_id)
        if inj is None:
            raise arguments.unknown_inject(inject_id)
        if inj.status is not InjectStatus.FIRED:
            raise InvalidActionError(f"inject {inject_id} has not been fired: it cannot be delivered yet",
                                     code="not_fired", params={"inject_id": inject_id})
        payload = DeliveredPayload(inject_id, animator=arguments.required_text(animator, "animator"))
        self._record(lambda now: self._store.draft(payload, now, actor=animator, event_id=event_id))
        return event_id


MAX_RETEX_TEXT = 20_000  # characters per RETEX field: a page of synthesis is ~3,000
MAX_SHORT_TEXT = 200


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value and value not in allowed:
        raise InvalidActionError(f"{what} {value!r} is not one of {', '.join(allowed)}", code="bad_value",
                                 params={"field": what, "value": value, "allowed": list(allowed)})


def _short_text(value: str | None, what: str) -> str:
    value = value or ""
    if not isinstance(value, str) or len(value) > MAX_SHORT_TEXT or "\n" in value:
        raise InvalidActionError(f"{what}: one line of at most {MAX_SHORT_TEXT} characters", code="bad_value",
                                 params={"field": what, "value": str(value)[:40]})
    return value.strip()


def _finding_extra(reference: str, cause: str, recommendation: str) -> dict[str, Any]:
    extra = {"reference": reference or "", "cause": cause or "", "recommendation": recommendation or ""}
    for key, value in extra.items():
        if not isinstance(value, str) or len(value) > MAX_RETEX_TEXT:
            raise InvalidActionError(f"finding {key}: expected text of at most {MAX_RETEX_TEXT} characters",
                                     code="bad_value", params={"field": key, "value": str(value)[:40]})
    return extra
