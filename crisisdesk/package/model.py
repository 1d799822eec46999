"""Typed objects for an exercise package (format crisisdesk/1).

The loader turns the three YAML files into these frozen dataclasses; every other part
of crisisdesk (engine, UI, report) works with them and never with raw YAML.
All exercise-time values are whole seconds since STARTEX.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from crisisdesk.timefmt import DEFAULT_TIMEZONE

FORMAT = "crisisdesk/1"
SUPPORTED_FORMATS = (FORMAT,)

CHANNELS = ("phone", "email", "radio", "news", "social", "field", "document", "face")
ROLE_KINDS = ("directorate", "partner", "simulated")
LANGUAGES = ("fr", "en")

IndicatorValue = int | float | str


@dataclass(frozen=True)
class Phase:
    """A stretch of play with its own scenario clock (a tabletop's time jump)."""

    at: int
    title: str
    scenario_time: datetime
    scale: float = 1.0


@dataclass(frozen=True)
class Indicator:
    """A situation figure the injects change and the room display shows."""

    id: str
    label: str
    initial: IndicatorValue
    unit: str | None = None


@dataclass(frozen=True)
class Objective:
    """What evaluators rate at the end, with the criteria an observer can tick."""

    id: str
    title: str
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A role card: a directorate or partner at the table, or a simulated actor."""

    id: str
    name: str
    kind: str
    mission: str
    decisions: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    color: str | None = None

    @property
    def played(self) -> bool:
        """True for roles that sit at the table (not played by the animation team)."""
        return self.kind != "simulated"


@dataclass(frozen=True)
class Expected:
    """A response the exercise designers expect from a role, within a delay."""

    role: str
    action: str
    within: int
    # The objective criterion this response serves, as "O2.3" (objective O2, its third
    # criterion), or None when the package does not link responses to criteria.
    criterion: str | None = None


@dataclass(frozen=True)
class Inject:
    """One scripted message of the MSEL."""

    id: str
    at: int
    title: str
    sender: str
    to: tuple[str, ...]
    channel: str
    body: str
    expected: tuple[Expected, ...] = ()
    objectives: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    sets: dict[str, IndicatorValue] = field(default_factory=dict)
    notes: str = ""
    manual: bool = False
    contingency_for: str | None = None
    to_all: bool = False

    @property
    def public(self) -> bool:
        """True for injects the room display may show (news flashes and social posts)."""
        return self.channel in ("news", "social")


@dataclass(frozen=True)
class ReadinessSettings:
    """Thresholds of the readiness check (exercise.yaml ``readiness:``), with their defaults.

    Times are seconds. ``briefings`` names the injects that are situation briefings;
    None lets the check recognise them by their title ("Point de situation…").
    """

    window: int = 15 * 60
    max_responses_due: int = 4
    max_injects_received: int = 6
    max_dead_time: int = 30 * 60
    max_quiet: int = 15 * 60
    min_injects_per_objective: int = 2
    briefings: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Exercise:
    """The exercise.yaml contents: frame, phases, indicators and objectives."""

    id: str
    title: str
    language: str
    summary: str
    duration: int
    phases: tuple[Phase, ...]
    indicators: tuple[Indicator, ...] = ()
    objectives: tuple[Objective, ...] = ()
    format: str = FORMAT
    readiness: ReadinessSettings = field(default_factory=ReadinessSettings)
    timezone: str = DEFAULT_TIMEZONE  # IANA zone: the report shows wall-clock times in it
    issuer: str = ""  # who issues the after-action report (cover page)
    distribution: str = ""  # distribution marking printed on every page ("Diffusion restreinte")


@dataclass(frozen=True)
class Package:
    """A loaded, validated exercise package."""

    root: Path
    exercise: Exercise
    roles: tuple[Role, ...]
    injects: tuple[Inject, ...]  # sorted by ``at`` (stable for equal times)

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(role_id)

    def inject(self, inject_id: str) -> Inject:
        for inject in self.injects:
            if inject.id == inject_id:
                return inject
        raise KeyError(inject_id)

    def phase_at(self, offset: float) -> Phase:
        """Return the planned phase in force at ``offset`` seconds of exercise time."""
        return self.exercise.phases[phase_index_at(self.exercise.phases, offset)]

    def scenario_time_at(self, offset: float) -> datetime:
        """Scenario clock at an exercise offset, following the planned phases."""
        return scenario_time_at(self.exercise.phases, offset)


def phase_index_at(phases: Sequence[Phase], offset: float) -> int:
    """Index of the phase in force at exercise offset ``offset`` (the first one before any has begun).

    The one place for this rule: the package (planned phases) and the exercise clock
    (effective phases, after jumps and shifts) both use it.
    """
    index = 0
    for i, phase in enumerate(phases):
        if phase.at <= offset:
            index = i
    return index


def scenario_time_at(phases: Sequence[Phase], offset: float) -> datetime:
    """Scenario date and time at exercise offset ``offset``: its phase's start plus the time played at its scale."""
    phase = phases[phase_index_at(phases, offset)]
    try:
        return phase.scenario_time + timedelta(seconds=(offset - phase.at) * phase.scale)
    except OverflowError:
        # Validation keeps the planned exercise inside the calendar; an exercise left
        # running far past its end stops the scenario clock at the calendar's edge.
        return datetime.max if offset >= phase.at else datetime.min
