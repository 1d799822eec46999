"""The exercise's vocabulary: every event kind, every code, the payload of each event, and their words.

The bottom floor of the core: it imports nothing from crisisdesk, and the session,
the replay, the report, the CLI and the UI import their kinds and codes from here
instead of spelling strings. The enums are ``StrEnum``: a member *is* its stored
string (``EventKind.FIRE == "fire"``), so the session file, the JSON export and the
old files read back unchanged.

Adding an event kind, e.g. "delivered":
1. here: a member of ``EventKind`` (and of ``OBSERVER_KINDS`` if an observer writes it),
   a ``Payload`` dataclass naming that kind (it registers itself in ``PAYLOAD_TYPES``),
   and its label in both languages in ``EVENT_LABELS``;
2. ``crisisdesk/session/replay.py``: an ``_on_delivered`` method and its row in ``HANDLERS``;
3. the code that writes it (``session/actions.py`` or ``session/courante.py``, and the
   ``Session`` forward if it is a new public action).
``tests/test_vocabulary.py`` fails, naming the piece, until all of these exist.

The words: ``GLOSSARY`` names the exercise terms per language (French follows the
ANSSI guide — DEBEX/FINEX, retour à chaud, chronogramme, cellule d'animation;
English follows HSEEP — STARTEX/ENDEX, hot wash, MSEL, controller) and
``CODE_LABELS`` the codes. The report reads both; the UI shows them in its language.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any, ClassVar

LANGUAGES = ("fr", "en")


# -- event kinds ------------------------------------------------------------------------


class EventKind(StrEnum):
    """What a stored event records; the string is what the session file holds."""

    # controller (the event log)
    CREATED = "created"
    START = "start"  # STARTEX / DEBEX
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"  # ENDEX / FINEX
    FIRE = "fire"
    SKIP = "skip"
    DELAY = "delay"
    EDIT = "edit"
    ADD = "add"
    JUMP = "jump"
    SHIFT = "shift"
    AUTOFIRE = "autofire"
    INDICATOR = "indicator"
    RECOVERED = "recovered"
    UNSKIP = "unskip"  # a skip undone: the inject is back in play
    UNDELAY = "undelay"  # a delay undone: the inject is back at its time before the delay
    MISFIRE = "misfire"  # a firing marked as a mistake (the inject stays fired: it went out)
    # observers and evaluators (the main courante and the evaluation)
    ENTRY = "entry"
    CHECK = "check"
    RATING = "rating"
    IMPROVEMENT = "improvement"
    FINDING = "finding"
    RETEX = "retex"  # the RETEX document's own fields (cover, synthesis, participants)
    # the animation team (room server's animation page)
    DELIVERED = "delivered"  # a fired inject played to the table ("livré")


# Kinds written by observers/evaluators (kept and retried if the file cannot take them);
# every other kind is the controller's event log.
OBSERVER_KINDS = frozenset({EventKind.ENTRY, EventKind.CHECK, EventKind.RATING, EventKind.IMPROVEMENT,
                            EventKind.FINDING, EventKind.RETEX, EventKind.DELIVERED})
CLOCK_KINDS = (EventKind.START, EventKind.PAUSE, EventKind.RESUME, EventKind.END)


# -- codes ------------------------------------------------------------------------------


class EntryKind(StrEnum):
    """What a main-courante entry records."""

    DECISION = "decision"
    ACTION = "action"
    INFORMATION = "information"
    REQUEST = "request"
    COMMUNICATION = "communication"
    OBSERVATION = "observation"  # the observer's own remark, not a role's answer


class EntryTag(StrEnum):
    """A mark on an entry (besides objective ids)."""

    STRENGTH = "strength"
    IMPROVEMENT = "improvement"


class FindingKind(StrEnum):
    """A hot-wash finding: a strength or an area for improvement."""

    STRENGTH = "strength"
    IMPROVEMENT = "improvement"


class CheckStatus(StrEnum):
    """An observer's verdict on one expected response."""

    MET = "met"
    PARTIAL = "partial"
    MISSED = "missed"


class Rating(StrEnum):
    """HSEEP rating of an objective: performed without challenges / with some / with major / unable."""

    P = "P"
    S = "S"
    M = "M"
    U = "U"


class Stage(StrEnum):
    """When an entry was made: before STARTEX, during play, after ENDEX."""

    BRIEFING = "briefing"
    PLAY = "play"
    HOTWASH = "hotwash"


class Priority(StrEnum):
    """Priority of an improvement-plan line (the UI offers these; the core takes any text)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class PoeteDomain(StrEnum):
    """The capability element a plan action strengthens (HSEEP's POETE)."""

    PLANNING = "planning"
    ORGANISATION = "organisation"
    EQUIPMENT = "equipment"
    TRAINING = "training"
    EXERCISE = "exercise"


class ActionStatus(StrEnum):
    """Where a plan action stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class RetexStatus(StrEnum):
    """The RETEX document's status on its cover."""

    DRAFT = "draft"
    APPROVED = "approved"


# The code lists as tuples of plain values (what validation messages list).
ENTRY_KINDS = tuple(k.value for k in EntryKind)
ENTRY_TAGS = tuple(t.value for t in EntryTag)
FINDING_KINDS = tuple(k.value for k in FindingKind)
CHECK_STATUSES = tuple(s.value for s in CheckStatus)
RATINGS = tuple(r.value for r in Rating)
STAGES = tuple(s.value for s in Stage)
PRIORITIES = tuple(p.value for p in Priority)
POETE_DOMAINS = tuple(d.value for d in PoeteDomain)
ACTION_STATUSES = tuple(a.value for a in ActionStatus)
RETEX_STATUSES = tuple(r.value for r in RetexStatus)
# The RETEX document's fields a RetexPayload may set (cover, synthesis, participants).
RETEX_FIELDS = ("author", "version", "status", "context", "strengths", "improvements", "recommendations",
                "decisions", "participants", "observers", "animation_team", "evaluation")


# -- payloads -----------------------------------------------------------------------------


# Event kind -> its payload dataclass, filled as each Payload subclass below is defined.
# Keyed by EventKind, a str: a stored kind (plain text) finds its type too.
PAYLOAD_TYPES: dict[str, type[Payload]] = {}


@dataclass(frozen=True)
class Payload:
    """Base of the event payloads: what one event of a kind carries, as written and read back.

    Writers build one and store ``to_payload()`` (the field order is the stored key order,
    which the report's event annex follows).

    ``from_payload`` is lenient the way the replay always was: optional keys may be
    missing (older files), unknown keys are ignored; a missing required key raises
    TypeError, which the replay records as an anomaly.
    """

    kind: ClassVar[EventKind]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # A payload class registers itself for the kind it names: one place to add a kind's payload.
        super().__init_subclass__(**kwargs)
        if "kind" in cls.__dict__:
            if cls.kind in PAYLOAD_TYPES:
                raise TypeError(f"{cls.__name__}: kind {cls.kind!r} already has {PAYLOAD_TYPES[cls.kind].__name__}")
            PAYLOAD_TYPES[cls.kind] = cls

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Payload:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CreatedPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.CREATED
    package_id: str | None = None
    package_title: str | None = None
    created_with: str | None = None
    observer: str | None = None


@dataclass(frozen=True)
class ClockPayload(Payload):
    """start, pause, resume, end: nothing but the event's own times."""


@dataclass(frozen=True)
class StartPayload(ClockPayload):
    kind: ClassVar[EventKind] = EventKind.START


@dataclass(frozen=True)
class PausePayload(ClockPayload):
    kind: ClassVar[EventKind] = EventKind.PAUSE


@dataclass(frozen=True)
class ResumePayload(ClockPayload):
    kind: ClassVar[EventKind] = EventKind.RESUME


@dataclass(frozen=True)
class EndPayload(ClockPayload):
    kind: ClassVar[EventKind] = EventKind.END


@dataclass(frozen=True)
class FirePayload(Payload):
    """An inject fired. Fields left None are not stored: an ad-hoc inject fired as it is added
    (``adhoc``) carries only its id, title and ``auto``; the others carry the rest."""

    kind: ClassVar[EventKind] = EventKind.FIRE
    inject_id: str
    title: str = ""
    to: list[str] | None = None
    auto: bool = False
    overdue: bool | None = None
    due_at: int | None = None
    sets: dict[str, Any] | None = None
    adhoc: bool | None = None

    def to_payload(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class SkipPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.SKIP
    inject_id: str


@dataclass(frozen=True)
class UnskipPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.UNSKIP
    inject_id: str


@dataclass(frozen=True)
class UndelayPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.UNDELAY
    inject_id: str
    due_at: int  # the due time before the delay being undone
    delayed: bool  # whether it was already delayed before that


@dataclass(frozen=True)
class MisfirePayload(Payload):
    kind: ClassVar[EventKind] = EventKind.MISFIRE
    inject_id: str


@dataclass(frozen=True)
class DelayPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.DELAY
    inject_id: str
    minutes: int
    due_at: int  # the new due time (exercise seconds): the replay applies it as it is


@dataclass(frozen=True)
class EditPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.EDIT
    inject_id: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class AddPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.ADD
    inject_id: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class JumpPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.JUMP
    from_phase: int
    to_phase: int
    at: int  # the new start of ``to_phase`` (exercise seconds)
    title: str  # of the phase jumped to


@dataclass(frozen=True)
class ShiftPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.SHIFT
    minutes: int
    from_elapsed: int


@dataclass(frozen=True)
class AutofirePayload(Payload):
    kind: ClassVar[EventKind] = EventKind.AUTOFIRE
    enabled: bool


@dataclass(frozen=True)
class IndicatorPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.INDICATOR
    indicator_id: str
    value: int | float | str


@dataclass(frozen=True)
class RecoveredPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.RECOVERED
    overdue: list[str] = field(default_factory=list)
    down_from: float | None = None
    down_to: float | None = None


@dataclass(frozen=True)
class EntryPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.ENTRY
    entry_id: str
    entry_kind: str  # stored under the key "kind" (see from_payload / to_payload)
    revision: int = 1
    supersedes: str | None = None
    observer: str | None = None
    role: str | None = None
    text: str = ""
    inject_id: str | None = None
    tags: list[str] = field(default_factory=list)
    stage: str | None = None
    phase_index: int | None = None

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> EntryPayload:
        data = dict(data)
        if "kind" in data:
            data["entry_kind"] = data.pop("kind")
        return super().from_payload(data)  # type: ignore[return-value]

    def to_payload(self) -> dict[str, Any]:
        return {"entry_id": self.entry_id, "revision": self.revision, "supersedes": self.supersedes,
                "observer": self.observer, "role": self.role, "kind": self.entry_kind, "text": self.text,
                "inject_id": self.inject_id, "tags": list(self.tags), "stage": self.stage,
                "phase_index": self.phase_index}


@dataclass(frozen=True)
class CheckPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.CHECK
    inject_id: str
    index: int
    status: str
    observer: str | None = None
    note: str = ""
    role: str = ""
    action: str = ""


@dataclass(frozen=True)
class RatingPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.RATING
    objective_id: str
    rating: str  # "" when withdrawn
    justification: str = ""
    observer: str | None = None
    withdrawn: bool = False  # the objective is no longer rated (the rating is withdrawn, not erased)

    def to_payload(self) -> dict[str, Any]:
        payload = asdict(self)
        if not self.withdrawn:
            del payload["withdrawn"]
        return payload


@dataclass(frozen=True)
class ImprovementPayload(Payload):
    """A plan line; with ``supersedes`` (a line number) it replaces that line, ``deleted`` withdraws it."""

    kind: ClassVar[EventKind] = EventKind.IMPROVEMENT
    action: str
    owner_role: str | None = None
    priority: str = ""
    due_date: str | None = None
    objective_id: str | None = None
    observer: str | None = None
    domain: str = ""  # a PoeteDomain code, or ""
    organisation: str = ""  # owning organisation, free text
    contact: str = ""  # named contact
    start_date: str | None = None  # ISO date
    status: str = ""  # an ActionStatus code, or ""
    finding_id: int | None = None  # the finding it answers
    supersedes: int | None = None
    deleted: bool = False

    _PLAIN = ("action", "owner_role", "priority", "due_date", "objective_id", "observer")

    def to_payload(self) -> dict[str, Any]:
        # The fields of issue 17 only when used: a plain line is stored as it always was.
        return {k: v for k, v in asdict(self).items() if k in self._PLAIN or v not in (None, "", False)}


@dataclass(frozen=True)
class FindingPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.FINDING
    finding_kind: str  # stored under the key "kind"
    text: str
    objective_id: str | None = None
    observer: str | None = None
    stage: str | None = None
    # Written as constat → référence → cause → recommandation (French RETEX practice).
    reference: str = ""  # the document, plan or procedure the constat is measured against
    cause: str = ""
    recommendation: str = ""
    supersedes: int | None = None  # the finding number this one replaces (an edit)
    deleted: bool = False  # withdraws the finding ``supersedes`` names

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> FindingPayload:
        data = dict(data)
        if "kind" in data:
            data["finding_kind"] = data.pop("kind")
        return super().from_payload(data)  # type: ignore[return-value]

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"kind": self.finding_kind, "text": self.text, "objective_id": self.objective_id,
                   "observer": self.observer, "stage": self.stage}
        # The RETEX fields only when used: a plain finding is stored as it always was.
        extra = {"reference": self.reference, "cause": self.cause, "recommendation": self.recommendation,
                 "supersedes": self.supersedes, "deleted": self.deleted}
        payload.update({k: v for k, v in extra.items() if v})
        return payload


@dataclass(frozen=True)
class RetexPayload(Payload):
    """Fields of the RETEX document set by its authors; only the fields given change (latest wins)."""

    kind: ClassVar[EventKind] = EventKind.RETEX
    fields: dict[str, str]
    observer: str | None = None


@dataclass(frozen=True)
class DeliveredPayload(Payload):
    kind: ClassVar[EventKind] = EventKind.DELIVERED
    inject_id: str
    animator: str | None = None


def parse_payload(kind: str, data: dict[str, Any]) -> Payload:
    """The typed payload of a stored event (KeyError for an unknown kind, TypeError if a required key is missing)."""
    return PAYLOAD_TYPES[kind].from_payload(data)  # a StrEnum key is found by its string


# -- words --------------------------------------------------------------------------------

# The exercise's own terms. French: the ANSSI guide (« Organiser un exercice de gestion de
# crise cyber »); English: HSEEP. See /work/shared/domain (b.4 term mapping).
GLOSSARY: dict[str, dict[str, str]] = {
    "fr": {
        "startex": "DEBEX",
        "endex": "FINEX",
        "hotwash": "retour à chaud",
        "retex": "RETEX",
        "msel": "chronogramme",
        "inject": "inject",
        "contingency": "inject de relance",
        "main_courante": "main courante",
        "controller": "cellule d'animation",
        "observer": "observateur",
        "observation_grid": "grille d'observation",
        "improvement_plan": "plan d'actions",
        "skipped": "annulé",
        # an expected response no observer checked: neither met nor missed
        "not_evaluated": "non évaluée",
    },
    "en": {
        "startex": "STARTEX",
        "endex": "ENDEX",
        "hotwash": "hot wash",
        "retex": "AAR",
        "msel": "MSEL",
        "inject": "inject",
        "contingency": "contingency inject",
        "main_courante": "decision log",
        "controller": "control cell",
        "observer": "observer",
        "observation_grid": "exercise evaluation guide",
        "improvement_plan": "improvement plan",
        "skipped": "skipped",
        "not_evaluated": "not evaluated",
    },
}

# Controller event kinds (and the observers' ones) -> label, per language.
EVENT_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        EventKind.CREATED: "Session créée",
        EventKind.START: f"{GLOSSARY['fr']['startex']} — début de l'exercice",
        EventKind.PAUSE: "Pause",
        EventKind.RESUME: "Reprise",
        EventKind.END: f"{GLOSSARY['fr']['endex']} — fin de l'exercice",
        EventKind.FIRE: "Inject envoyé",
        EventKind.SKIP: "Inject annulé",
        EventKind.DELAY: "Inject reporté",
        EventKind.EDIT: "Inject modifié",
        EventKind.ADD: "Inject ad hoc ajouté",
        EventKind.JUMP: "Saut à la phase suivante",
        EventKind.SHIFT: "Décalage du chronogramme",
        EventKind.AUTOFIRE: "Envoi automatique",
        EventKind.INDICATOR: "Indicateur corrigé",
        EventKind.RECOVERED: "Reprise après interruption de l'application",
        EventKind.UNSKIP: "Annulation rétablie : l'inject revient dans le jeu",
        EventKind.UNDELAY: "Report annulé : l'inject revient à son heure",
        EventKind.MISFIRE: "Inject signalé envoyé par erreur",
        EventKind.ENTRY: "Entrée de main courante",
        EventKind.CHECK: "Réponse attendue vérifiée",
        EventKind.RATING: "Objectif évalué",
        EventKind.IMPROVEMENT: "Action inscrite au plan d'actions",
        EventKind.FINDING: "Constat noté",
        EventKind.RETEX: "RETEX : document mis à jour",
        EventKind.DELIVERED: "Inject livré par la cellule d'animation",
    },
    "en": {
        EventKind.CREATED: "Session created",
        EventKind.START: f"{GLOSSARY['en']['startex']} — exercise start",
        EventKind.PAUSE: "Pause",
        EventKind.RESUME: "Resume",
        EventKind.END: f"{GLOSSARY['en']['endex']} — exercise end",
        EventKind.FIRE: "Inject fired",
        EventKind.SKIP: "Inject skipped",
        EventKind.DELAY: "Inject delayed",
        EventKind.EDIT: "Inject edited",
        EventKind.ADD: "Ad-hoc inject added",
        EventKind.JUMP: "Jump to the next phase",
        EventKind.SHIFT: "Timeline shifted",
        EventKind.AUTOFIRE: "Auto-fire",
        EventKind.INDICATOR: "Indicator corrected",
        EventKind.RECOVERED: "Recovery after application downtime",
        EventKind.UNSKIP: "Skip undone: the inject is back in play",
        EventKind.UNDELAY: "Delay undone: the inject is back at its time",
        EventKind.MISFIRE: "Inject marked as fired by mistake",
        EventKind.ENTRY: "Decision-log entry",
        EventKind.CHECK: "Expected response checked",
        EventKind.RATING: "Objective rated",
        EventKind.IMPROVEMENT: "Improvement-plan line added",
        EventKind.FINDING: "Finding noted",
        EventKind.RETEX: "AAR: document updated",
        EventKind.DELIVERED: "Inject delivered by the control cell",
    },
}

# The codes -> words, per language and code list (the report's words).
def _fr_codes() -> dict[type[StrEnum], dict[str, str]]:
    tags: dict[str, str] = {EntryTag.STRENGTH: "point fort", EntryTag.IMPROVEMENT: "axe d'amélioration"}
    return {
        EntryKind: {EntryKind.DECISION: "décision", EntryKind.ACTION: "action",
                    EntryKind.INFORMATION: "information", EntryKind.REQUEST: "demande",
                    EntryKind.COMMUNICATION: "communication", EntryKind.OBSERVATION: "observation"},
        EntryTag: tags,
        FindingKind: {FindingKind(k): v for k, v in tags.items()},
        CheckStatus: {CheckStatus.MET: "obtenue", CheckStatus.PARTIAL: "partielle", CheckStatus.MISSED: "manquée"},
        Rating: {Rating.P: "Réalisé sans difficulté", Rating.S: "Réalisé avec quelques difficultés",
                 Rating.M: "Réalisé avec des difficultés majeures", Rating.U: "Non réalisé"},
        Stage: {Stage.BRIEFING: f"avant {GLOSSARY['fr']['startex']}", Stage.PLAY: "jeu",
                Stage.HOTWASH: GLOSSARY["fr"]["hotwash"]},
        Priority: {Priority.HIGH: "haute", Priority.MEDIUM: "moyenne", Priority.LOW: "basse"},
        PoeteDomain: {PoeteDomain.PLANNING: "planification", PoeteDomain.ORGANISATION: "organisation",
                      PoeteDomain.EQUIPMENT: "équipement", PoeteDomain.TRAINING: "formation",
                      PoeteDomain.EXERCISE: "exercice"},
        ActionStatus: {ActionStatus.PLANNED: "à lancer", ActionStatus.IN_PROGRESS: "en cours",
                       ActionStatus.DONE: "réalisée", ActionStatus.DROPPED: "abandonnée"},
        RetexStatus: {RetexStatus.DRAFT: "projet", RetexStatus.APPROVED: "validé"},
    }


def _en_codes() -> dict[type[StrEnum], dict[str, str]]:
    tags: dict[str, str] = {EntryTag.STRENGTH: "strength", EntryTag.IMPROVEMENT: "area for improvement"}
    return {
        EntryKind: {EntryKind.DECISION: "decision", EntryKind.ACTION: "action",
                    EntryKind.INFORMATION: "information", EntryKind.REQUEST: "request",
                    EntryKind.COMMUNICATION: "communication", EntryKind.OBSERVATION: "observation"},
        EntryTag: tags,
        FindingKind: {FindingKind(k): v for k, v in tags.items()},
        CheckStatus: {CheckStatus.MET: "met", CheckStatus.PARTIAL: "partial", CheckStatus.MISSED: "missed"},
        Rating: {Rating.P: "Performed without challenges", Rating.S: "Performed with some challenges",
                 Rating.M: "Performed with major challenges", Rating.U: "Unable to be performed"},
        Stage: {Stage.BRIEFING: f"before {GLOSSARY['en']['startex']}", Stage.PLAY: "play",
                Stage.HOTWASH: GLOSSARY["en"]["hotwash"]},
        Priority: {Priority.HIGH: "high", Priority.MEDIUM: "medium", Priority.LOW: "low"},
        PoeteDomain: {PoeteDomain.PLANNING: "planning", PoeteDomain.ORGANISATION: "organisation",
                      PoeteDomain.EQUIPMENT: "equipment", PoeteDomain.TRAINING: "training",
                      PoeteDomain.EXERCISE: "exercise"},
        ActionStatus: {ActionStatus.PLANNED: "planned", ActionStatus.IN_PROGRESS: "in progress",
                       ActionStatus.DONE: "done", ActionStatus.DROPPED: "dropped"},
        RetexStatus: {RetexStatus.DRAFT: "draft", RetexStatus.APPROVED: "approved"},
    }


CODE_LABELS: dict[str, dict[type[StrEnum], dict[str, str]]] = {"fr": _fr_codes(), "en": _en_codes()}


def term(key: str, language: str) -> str:
    """One exercise term in ``language`` (French when the language is not one we have)."""
    return GLOSSARY[language if language in GLOSSARY else "fr"][key]


def event_label(kind: str, language: str) -> str:
    """The label of an event kind in ``language``; an unknown kind is shown as it is."""
    return EVENT_LABELS[language if language in EVENT_LABELS else "fr"].get(kind, kind)


def code_label(code: StrEnum, language: str) -> str:
    """The word for a code in ``language``."""
    return CODE_LABELS[language if language in CODE_LABELS else "fr"][type(code)][code]
