"""The one thread that talks to the session store, so the event loop never waits on SQLite.

``Session`` is synchronous and not meant for several threads at once: every call
goes through one worker thread, in order. Writes are the observer window's own
(``log_entry``, ``check_expectation``) with the client's id, so a repeat is stored
once; ``refresh()`` reads what the console and other windows committed.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from crisisdesk.logsyntax import latest_fired_inject_for_role, parse_entry_line
from crisisdesk.session.errors import InvalidActionError
from crisisdesk.session.naming import is_server_url
from crisisdesk.session.state import ENTRY_KINDS, SessionState


class SessionGateway:
    """The session, opened once in the worker thread; every call awaited from the event loop."""

    def __init__(self, path: Path | str, *, observer_name: str = "serveur de salle"):
        self.path = path if is_server_url(path) else Path(path)  # a file, or a PostgreSQL session's URL
        self._observer_name = observer_name
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="session")
        self._session = None
        self.package = None

    async def _call(self, fn, *args, **kwargs):
        return await asyncio.get_running_loop().run_in_executor(self._pool, lambda: fn(*args, **kwargs))

    async def open(self) -> None:
        from crisisdesk.session.session import Session

        self._session = await self._call(Session.open, self.path, observer=self._observer_name)
        self.package = self._session.package

    async def close(self) -> None:
        if self._session is not None:
            await self._call(self._session.close)
        self._pool.shutdown(wait=True)

    async def refresh(self) -> bool:
        return await self._call(self._session.refresh)

    async def state(self) -> SessionState:
        return await self._call(lambda: self._session.state)

    async def attachment(self, path: str) -> bytes:
        return await self._call(self._session.attachment_bytes, path)

    # -- writes -----------------------------------------------------------------------

    async def log_entry(self, *, observer: str, line: str, role: str | None, kind: str | None,
                        inject_id: str | None, client_id: str, supersedes: str | None) -> dict[str, Any]:
        return await self._call(self._log_entry, observer, line, role, kind, inject_id, client_id, supersedes)

    def _log_entry(self, observer, line, role, kind, inject_id, client_id, supersedes) -> dict[str, Any]:
        session = self._session
        package = session.package
        state = session.state
        if supersedes is not None:
            # From a device, one corrects one's own entries only (the console corrects any).
            try:
                previous = state.entry(supersedes)
            except KeyError:
                previous = None
            if previous is not None and previous.observer != observer:
                raise InvalidActionError(f"entry {supersedes} is {previous.observer}'s: correct your own entries",
                                         code="not_yours", params={"entry_id": supersedes})
        parsed = parse_entry_line(line, roles=[r.id for r in package.roles], injects=[s.id for s in state.injects],
                                  objectives=[o.id for o in package.exercise.objectives])
        role = parsed.role or role or None
        kind = parsed.kind or kind or "information"
        if kind not in ENTRY_KINDS:
            kind = "information"
        inject_id = parsed.inject_id or inject_id or None
        if inject_id is None and role is not None:
            inject_id = latest_fired_inject_for_role(state.injects, role, state.checks)
        entry = session.log_entry(observer=observer, role=role, kind=kind, text=parsed.text or line.strip(),
                                  inject_id=inject_id, tags=parsed.tags, entry_id=client_id, supersedes=supersedes)
        if entry is None:  # kept earlier, still not stored
            raise _NotYetStored()
        return {"id": entry.entry_id, "role": entry.role, "kind": entry.kind, "text": entry.text,
                "inject_id": entry.inject_id, "tags": list(entry.tags), "revision": entry.revision}

    async def check(self, *, observer: str, inject_id: str, index: int, status: str, note: str,
                    client_id: str) -> str:
        return await self._call(self._session.check_expectation, inject_id, index, status, observer=observer,
                                note=note, event_id=client_id)

    async def deliver(self, *, animator: str, inject_id: str, client_id: str) -> str:
        return await self._call(self._session.mark_delivered, inject_id, animator=animator, event_id=client_id)


class _NotYetStored(Exception):
    """A write kept by the store (file busy) and not in the file yet: the client must retry."""


NotYetStored = _NotYetStored
