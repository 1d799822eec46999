"""New events pushed to the pages (Server-Sent Events).

The hub polls the session store (a read that never waits for a writer) a few times
a second; when anything was committed — by the console, another window or this
server — it builds each kind's view once and hands it to every page listening
with that kind (and role). A slow page drops intermediate views: it only needs the
latest, so its queue holds one.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

POLL_SECONDS = 0.2
CLOSING = ""  # offered to every stream when the server stops: the page just reconnects later
KEEPALIVE_SECONDS = 15.0


class Listener:
    """One open event stream: the view key it wants and a queue holding the latest view."""

    def __init__(self, key: tuple, device_id: str):
        self.key = key
        self.device_id = device_id
        self.queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=1)

    def offer(self, payload: str | None) -> None:
        if self.queue.full():
            with contextlib.suppress(asyncio.QueueEmpty):
                self.queue.get_nowait()  # only the latest view matters
        self.queue.put_nowait(payload)


class Hub:
    """Who listens, and the poller that notices new events and pushes the views."""

    def __init__(self, refresh: Callable, build: Callable[[tuple], Any], *, tick: Callable[[], None] | None = None):
        self._refresh = refresh  # async () -> bool
        self._build = build  # async (key) -> (what the view depends on, view JSON)
        self._pushed: dict[tuple, tuple] = {}  # key -> what the last view pushed depended on
        self._tick = tick
        self.listeners: set[Listener] = set()
        self._task: asyncio.Task | None = None
        self._poked: asyncio.Event | None = None
        self.version = 0

    def start(self) -> None:
        self._poked = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._poll())

    def poke(self) -> None:
        """Something was written here: push the new views at once (after the writer got its answer).

        Several writes in a row are pushed together: building the views is the hub's work,
        never part of a write's answer.
        """
        if self._poked is not None:
            self._poked.set()

    async def stop(self) -> None:
        for listener in list(self.listeners):
            listener.offer(CLOSING)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def add(self, key: tuple, device_id: str) -> Listener:
        listener = Listener(key, device_id)
        self.listeners.add(listener)
        return listener

    def remove(self, listener: Listener) -> None:
        self.listeners.discard(listener)

    def drop_device(self, device_id: str) -> None:
        """End the streams of a revoked device."""
        for listener in list(self.listeners):
            if listener.device_id == device_id:
                listener.offer(None)

    async def changed(self) -> None:
        """Push the new views now (after a write of ours, without waiting for the poll)."""
        self.version += 1
        keys = {listener.key for listener in self.listeners}
        for key in keys:
            signature, payload = await self._build(key)
            if self._pushed.get(key) == signature:
                continue  # nothing this kind sees has changed
            self._pushed[key] = signature
            for listener in list(self.listeners):
                if listener.key == key:
                    listener.offer(payload)

    async def _poll(self) -> None:
        while True:
            poked = self._poked.is_set()
            self._poked.clear()
            try:
                if await self._refresh() or poked:
                    await self.changed()
                if self._tick is not None:
                    self._tick()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a read that failed once: try again at the next poll
                print(f"crisisdesk serve: reading the session failed: {exc}", flush=True)
            try:
                await asyncio.wait_for(self._poked.wait(), POLL_SECONDS)
            except TimeoutError:
                pass
