"""What the readiness check returns: structured findings, load tables and pace figures.

Plain frozen dataclasses so the CLI, the start screen, the editor's problems pane and
the printed kit read the same results; ``to_dict`` gives the JSON form.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from crisisdesk.package.model import ReadinessSettings

# Finding kinds, in the order reports list them. An "alert" exceeds a threshold (the
# check exits 1); a "note" is worth a look but is often intended (a news flash that
# expects no response).
ALERT = "alert"
NOTE = "note"

KINDS: dict[str, str] = {
    "overload_responses": ALERT,
    "overload_injects": ALERT,
    "dead_time": ALERT,
    "crosses_boundary": ALERT,
    "objective_undertested": ALERT,
    "criterion_unserved": ALERT,
    "role_never_addressed": ALERT,
    "role_never_sends": NOTE,
    "contingency_backs_nothing": ALERT,
    "attachment_unused": NOTE,
    "inject_without_response": NOTE,
    "long_quiet": ALERT,
    "early_end": ALERT,
}


@dataclass(frozen=True)
class Finding:
    """One thing the check measured past a threshold (or worth a look).

    ``message`` is a full English sentence; the other fields let tools (the editor,
    the start screen) place and translate it: ``file``/``line`` point into the package,
    ``start``/``end`` are exercise seconds, ``value``/``limit`` the measure and its
    threshold.
    """

    kind: str
    message: str
    file: str
    line: int | None = None
    role: str | None = None
    inject: str | None = None
    objective: str | None = None
    detail: str | None = None  # the criterion's text, or the unused file's path
    start: int | None = None
    end: int | None = None
    value: int | None = None
    limit: int | None = None

    @property
    def severity(self) -> str:
        return KINDS[self.kind]

    @property
    def is_alert(self) -> bool:
        return self.severity == ALERT

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class RoleLoad:
    """One played role's load: per window, injects received and expected responses due."""

    role: str
    received: tuple[int, ...]
    due: tuple[int, ...]


@dataclass(frozen=True)
class LoadTable:
    """Load of every played role over consecutive windows of ``window`` seconds from 0:00."""

    window: int
    starts: tuple[int, ...]
    rows: tuple[RoleLoad, ...]


@dataclass(frozen=True)
class Pace:
    """Rhythm of the whole timeline."""

    busiest_start: int | None  # start of the busiest 15 minutes (first inject in it)
    busiest_count: int  # injects in those 15 minutes
    quiet_start: int | None  # the longest stretch without any inject (the tail to ENDEX included)
    quiet_end: int | None
    last_inject: int | None
    duration: int


@dataclass(frozen=True)
class ReadinessReport:
    """Everything the readiness check found for one package."""

    package_id: str
    title: str
    duration: int
    settings: ReadinessSettings
    roles: tuple[str, ...]  # played role ids, in roles.yaml order
    boundaries: tuple[tuple[int, str], ...]  # (offset, label): phase jumps, briefings, ENDEX
    loads: tuple[LoadTable, ...]  # 15- and 30-minute tables
    pace: Pace
    findings: tuple[Finding, ...] = field(default=())

    @property
    def alerts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_alert)

    @property
    def exceeded(self) -> bool:
        """True when something exceeds a threshold (``crisisdesk check`` exits 1)."""
        return any(f.is_alert for f in self.findings)

    def load(self, window: int) -> LoadTable:
        for table in self.loads:
            if table.window == window:
                return table
        raise KeyError(window)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["findings"] = [{**asdict(f), "severity": f.severity} for f in self.findings]
        data["exceeded"] = self.exceeded
        data["settings"]["briefings"] = (
            list(self.settings.briefings) if self.settings.briefings is not None else None
        )
        return data
