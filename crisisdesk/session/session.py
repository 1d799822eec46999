"""The ``Session`` facade: one exercise run stored in one ``*.crisisdesk`` file.

FIRST CUT: the method names and signatures are the contract's; the bodies are being
written. See /work/briefs/session-api.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crisisdesk.clock import TimeSource
from crisisdesk.package.model import Package
from crisisdesk.session.state import InjectState, LogEntry, SessionState


@dataclass(frozen=True)
class PendingWrite:
    """A main-courante write that has not reached the file yet (kept and retried)."""

    event_id: str
    kind: str
    real_time: float
    payload: dict[str, Any]
    error: str


class Session:
    """An open session file: actions append events; ``state`` is rebuilt from them."""

    @classmethod
    def create(cls, path, package_path, *, time_source: TimeSource | None = None, observer: str | None = None) -> Session:
        raise NotImplementedError

    @classmethod
    def open(cls, path, *, time_source: TimeSource | None = None, read_only: bool = False) -> Session:
        raise NotImplementedError

    path: Path
    package: Package

    @property
    def state(self) -> SessionState:
        raise NotImplementedError

    def attachment_bytes(self, relpath: str) -> bytes:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def refresh(self) -> bool:
        raise NotImplementedError

    # controller
    def start(self) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def end(self) -> None:
        raise NotImplementedError

    def fire(self, inject_id: str, *, actor: str | None = None) -> InjectState:
        raise NotImplementedError

    def skip(self, inject_id: str) -> None:
        raise NotImplementedError

    def delay(self, inject_id: str, minutes: int) -> None:
        raise NotImplementedError

    def edit_inject(self, inject_id: str, **fields: Any) -> None:
        raise NotImplementedError

    def add_inject(self, *, title: str, body: str, to: Iterable[str], channel: str, sender: str,
                   at: int | str | None = None, expected: Iterable = (), sets: Mapping | None = None,
                   notes: str = "", fire_now: bool = False) -> str:
        raise NotImplementedError

    def jump_to_next_phase(self) -> None:
        raise NotImplementedError

    def shift_timeline(self, minutes: int) -> None:
        raise NotImplementedError

    def set_autofire(self, enabled: bool) -> None:
        raise NotImplementedError

    def set_indicator(self, indicator_id: str, value) -> None:
        raise NotImplementedError

    # scheduler
    def due_injects(self) -> list[InjectState]:
        raise NotImplementedError

    def tick(self) -> list[str]:
        raise NotImplementedError

    def next_due_at(self) -> float | None:
        raise NotImplementedError

    # main courante
    def log_entry(self, *, observer: str, role: str | None, kind: str, text: str, inject_id: str | None = None,
                  tags: Iterable[str] = (), entry_id: str | None = None, supersedes: str | None = None) -> LogEntry:
        raise NotImplementedError

    def check_expectation(self, inject_id: str, index: int, status: str, *, observer: str, note: str = "") -> None:
        raise NotImplementedError

    def rate_objective(self, objective_id: str, rating: str, justification: str, *, observer: str) -> None:
        raise NotImplementedError

    def add_improvement(self, *, action: str, owner_role: str | None, priority: str, due_date, objective_id: str | None = None) -> int:
        raise NotImplementedError

    def add_finding(self, kind: str, text: str, objective_id: str | None = None, *, observer: str | None = None) -> int:
        raise NotImplementedError

    @property
    def pending_writes(self) -> tuple[PendingWrite, ...]:
        raise NotImplementedError

    def retry_pending(self) -> int:
        raise NotImplementedError
