"""Load and validate an exercise package folder (format crisisdesk/1).

``validate_package`` reads the three files, checks every field and every cross
reference, and returns the typed :class:`Package` (or None) with every problem found:
errors, which make the package unusable, and warnings, which do not.
``load_package`` is the strict form the app uses: it returns the package or raises
:class:`PackageError` listing the problems. See docs/package-format.md for the format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Literal

from crisisdesk.markdown_text import image_sources
from crisisdesk.package.attachments import attachment_problem, path_problem
from crisisdesk.package.fields import (
    Record,
    Report,
    TooManyErrors,
    describe,
    did_you_mean,
    is_null,
    show,
    value_of,
)
from crisisdesk.package.model import (
    CHANNELS,
    FORMAT,
    LANGUAGES,
    ROLE_KINDS,
    SUPPORTED_FORMATS,
    Exercise,
    Expected,
    Indicator,
    IndicatorValue,
    Inject,
    Objective,
    Package,
    Phase,
    ReadinessSettings,
    Role,
)
from crisisdesk.package.problems import PackageError, Problem
from crisisdesk.package.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    parse_yaml,
    read_yaml,
)
from crisisdesk.timefmt import format_offset

__all__ = [
    "PACKAGE_FILES",
    "PackageError",
    "Problem",
    "load_package",
    "load_package_files",
    "validate_package",
    "validate_package_files",
]

EXERCISE_FILE, ROLES_FILE, MSEL_FILE = PACKAGE_FILES = ("exercise.yaml", "roles.yaml", "msel.yaml")

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ROLE_ID = re.compile(r"^[A-Z0-9_-]+$")
ITEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
COLOR = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
LOCAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$")
ZONED_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[-+]\d{2}(?::?\d{2})?)$")

SLUG_TEXT = "a slug (lower-case letters, digits and -, e.g. paris-50c)"
ROLE_ID_TEXT = "a role code (capitals, digits, _ or -, e.g. DSOL)"
ITEM_ID_TEXT = "an id (letters, digits, _ . or -, no spaces, e.g. I03)"
# Scenario seconds per real second: a tabletop jumps days in hours (the Paris exercise
# plays at up to 12); ten thousand is a week in a minute.
MAX_SCALE = 10_000


def load_package(path: str | Path) -> Package:
    """Load the package at ``path``; raise PackageError listing every problem if it has errors."""
    package, problems = validate_package(path)
    if package is None:
        raise PackageError(Path(path), problems)
    return package


def validate_package(
    path: str | Path, files: Mapping[str, Path] | None = None
) -> tuple[Package | None, list[Problem]]:
    """Check the package at ``path``; return it (None if it has errors) and all problems.

    Problems name files as ``path`` was given (``injects/paris-50c/msel.yaml``), and
    come in file order, then line order. ``files`` reads some of the three files from
    elsewhere (the editor checks its unsaved text); messages still name the package's.
    """
    root = Path(path)
    try:
        if not root.exists():
            return None, [Problem(str(path), None, "no such package folder")]
        if not root.is_dir():
            return None, [
                Problem(str(path), None, "is not a folder; give the package folder, which holds exercise.yaml")
            ]
    except OSError as exc:
        return None, [Problem(str(path), None, f"cannot be read: {exc.strerror or exc}")]
    return _PackageReader(root, _FolderSource(root, files)).read()


def validate_package_files(files: Mapping[str, bytes], root: Path) -> tuple[Package | None, list[Problem]]:
    """Check a package held in memory: ``files`` maps POSIX paths (``msel.yaml``, ``media/carte.svg``) to bytes.

    The same checks as ``validate_package``, for a package read back from a session
    file without writing it anywhere; ``root`` names it in messages and is the
    returned package's ``root``.
    """
    return _PackageReader(Path(root), _MemorySource(files)).read()


def load_package_files(files: Mapping[str, bytes], root: Path) -> Package:
    """``validate_package_files``, raising PackageError listing every problem if it has errors."""
    package, problems = validate_package_files(files, root)
    if package is None:
        raise PackageError(Path(root), problems)
    return package


class _FolderSource:
    """A package folder on disk; ``files`` reads some of the three files from elsewhere (the editor's unsaved text)."""

    def __init__(self, root: Path, files: Mapping[str, Path] | None = None):
        self.root = root
        self.files = dict(files or {})

    def yaml(self, name: str, label: str) -> tuple[Node | None, list[Problem]]:
        return read_yaml(self.files.get(name, self.root / name), label)

    def attachment_problem(self, relpath: str) -> str | None:
        return attachment_problem(self.root, relpath)


class _MemorySource:
    """A package held as bytes (the snapshot in a session file): nothing touches the disk."""

    def __init__(self, files: Mapping[str, bytes]):
        self.files = files

    def yaml(self, name: str, label: str) -> tuple[Node | None, list[Problem]]:
        raw = self.files.get(name)
        if raw is None:
            return None, [Problem(label, None, "file is missing from the stored package")]
        return parse_yaml(bytes(raw), label)

    def attachment_problem(self, relpath: str) -> str | None:
        problem = path_problem(relpath)  # the same spelling rules as on disk
        if problem:
            return problem
        return None if PurePosixPath(relpath).as_posix() in self.files else "is missing from the stored package"


def package_attachments_of(injects) -> frozenset[str]:
    return frozenset(path for inject in injects for path in inject.attachments)


def _hm(seconds: int) -> str:
    return format_offset(seconds, with_seconds=bool(seconds % 60))


class _PackageReader:
    """Reads the three files of one package, in order, sharing what cross-checks need."""

    def __init__(self, root: Path, source: _FolderSource | _MemorySource):
        self.root = root
        self.source = source
        self.reports = {name: Report(str(root / name)) for name in PACKAGE_FILES}
        # What later files may refer to; None when the defining file could not be read,
        # so references to it are not reported as undefined.
        self.duration: int | None = None
        self.indicators: dict[str, Indicator] | None = None
        self.indicator_lines: dict[str, int] | None = None
        self.objective_lines: dict[str, int] | None = None
        # Number of criteria of each objective read, to check expected responses' `criterion`.
        self.criteria_counts: dict[str, int] | None = None
        self.roles: dict[str, Role] | None = None  # the roles read in full
        self.role_lines: dict[str, int] = {}  # every role id defined, even on a broken card
        self.inject_nodes: dict[tuple[str, str], Node] = {}  # (inject id, field) -> node, for line numbers
        self.summary_node: Node | None = None  # exercise.yaml's summary, shown as Markdown too
        self.briefing_items: list[tuple[Record, str, Node]] = []  # readiness.briefings, checked with msel.yaml

    def read(self) -> tuple[Package | None, list[Problem]]:
        nodes = {}
        for name in PACKAGE_FILES:
            node, problems = self.source.yaml(name, self.reports[name].label)
            self.reports[name].problems.extend(problems)
            nodes[name] = node
        exercise_node = nodes[EXERCISE_FILE]
        if exercise_node is not None and not self._format_is_supported(exercise_node):
            # Another format's files mean other things: checking them would only add noise.
            return None, self.reports[EXERCISE_FILE].problems
        exercise = self._guarded(self._read_exercise, nodes[EXERCISE_FILE])
        roles = self._guarded(self._read_roles, nodes[ROLES_FILE])
        injects = self._guarded(self._read_msel, nodes[MSEL_FILE])
        problems = [p for name in PACKAGE_FILES for p in sorted(
            self.reports[name].problems, key=lambda p: p.line or 0)]
        if any(not p.warning for p in problems) or exercise is None or roles is None or injects is None:
            return None, problems
        package = Package(
            root=self.root.resolve() if isinstance(self.source, _FolderSource) else self.root,
            exercise=exercise,
            roles=roles,
            injects=tuple(sorted(injects, key=lambda inject: inject.at)),
        )
        return package, problems

    @staticmethod
    def _guarded(read_file, node: Node | None):
        """Run one file's reader; None if the file is unreadable or has too many errors."""
        if node is None:
            return None
        try:
            return read_file(node)
        except TooManyErrors:
            return None

    # -- exercise.yaml -----------------------------------------------------------

    def _format_is_supported(self, node: Node) -> bool:
        if not isinstance(node, MappingNode):
            return True  # reported as a wrong type by _read_exercise
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "format":
                written = value.value if isinstance(value, ScalarNode) and not is_null(value) else None
                if written in SUPPORTED_FORMATS:
                    return True
                readable = ", ".join(SUPPORTED_FORMATS)
                self.reports[EXERCISE_FILE].error(
                    value,
                    f"exercise field 'format': {describe(value)} is not a format this build reads "
                    f"(it reads: {readable})",
                )
                return False
        return True  # a missing format is reported with the other missing fields

    def _read_exercise(self, node: Node) -> Exercise | None:
        report = self.reports[EXERCISE_FILE]
        rec = Record(
            report,
            node,
            "exercise",
            required=("format", "id", "title", "language", "summary", "duration", "phases", "objectives"),
            optional=("indicators", "readiness", "timezone", "issuer", "distribution"),
        )
        if not rec.ok:
            return None
        ident = rec.word("id", SLUG, SLUG_TEXT)
        title = rec.text("title", one_line=True)
        language = rec.choice("language", LANGUAGES)
        summary = rec.text("summary")
        if summary is not None:
            self.summary_node = rec.values.get("summary")  # its images are checked with msel.yaml's attachments
        duration = rec.time("duration")
        if duration == 0:
            rec.error("duration", "must be longer than 0:00")
            duration = None
        self.duration = duration
        phases = self._read_phases(rec)
        indicators = self._read_indicators(rec)
        objectives = self._read_objectives(rec)
        readiness = self._read_readiness(rec)
        timezone = self._read_timezone(rec)
        issuer = rec.text("issuer", required=False, one_line=True)
        distribution = rec.text("distribution", required=False, one_line=True)
        if (ident is None or title is None or language is None or summary is None or duration is None
                or phases is None or indicators is None or objectives is None or readiness is None
                or timezone is None):
            return None
        return Exercise(
            id=ident,
            title=title.strip(),
            language=language,
            summary=summary,
            duration=duration,
            phases=phases,
            indicators=indicators,
            objectives=objectives,
            format=FORMAT,
            readiness=readiness,
            timezone=timezone,
            issuer=(issuer or "").strip(),
            distribution=(distribution or "").strip(),
        )

    def _read_timezone(self, exercise: Record) -> str | None:
        """The exercise's IANA time zone ("Europe/Paris" when absent); None after an error."""
        if exercise.values.get("timezone") is None:
            return DEFAULT_TIMEZONE
        name = exercise.text("timezone", one_line=True)
        if name is None:
            return None  # reported: not text, empty or several lines
        name = name.strip()
        if not _is_time_zone(name):
            exercise.error("timezone", f"{name!r} is not a known time zone: give an IANA name such as "
                                       f"\"Europe/Paris\", \"America/Martinique\" or \"UTC\"")
            return None
        return name

    def _read_phases(self, exercise: Record) -> tuple[Phase, ...] | None:
        items = exercise.sequence("phases")
        if items is None:
            return None
        if not items:
            exercise.error("phases", 'needs at least one phase, starting at "0:00"')
            return None
        phases: list[Phase] = []
        records: list[Record] = []  # the record each phase was read from
        complete = True
        previous: tuple[int, int] | None = None  # (index, at) of the last readable phase
        for index, item in enumerate(items, start=1):
            rec = Record(
                exercise.report, item, f"phase {index}",
                required=("at", "title", "scenario_time"), optional=("scale",),
            )
            if not rec.ok:
                complete = False
                continue
            at = rec.time("at")
            title = rec.text("title", one_line=True)
            scenario_time = self._read_scenario_time(rec)
            scale = rec.number("scale", default=1.0)
            if scale is not None and not 0 < scale <= MAX_SCALE:
                rec.error("scale", f"{scale:g} must be more than 0 and at most {MAX_SCALE:,} "
                                   "(scenario seconds per real second)")
                scale = None
            if at is not None:
                if index == 1 and at != 0:
                    rec.error("at", f'the first phase starts at "0:00", not {_hm(at)}')
                elif previous is not None and at <= previous[1]:
                    rec.error(
                        "at",
                        f"{_hm(at)} is not after phase {previous[0]} ({_hm(previous[1])}); "
                        "list phases in the order they are played",
                    )
                elif self.duration is not None and at >= self.duration:
                    rec.error("at", f"{_hm(at)} is not before the end of the exercise (duration {_hm(self.duration)})")
                previous = (index, at)
            if at is None or title is None or scenario_time is None or scale is None:
                complete = False
                continue
            if phases and not self._in_calendar(records[-1], phases[-1], at):
                complete = False
                continue
            if phases:
                last = phases[-1]
                if scenario_time < last.scenario_time + timedelta(seconds=(at - last.at) * last.scale):
                    rec.warning(
                        "scenario_time",
                        f"{scenario_time.isoformat(sep=' ')} is earlier than the scenario clock at the end "
                        f"of phase {len(phases)}: the scenario clock goes back",
                    )
            phases.append(Phase(at=at, title=title.strip(), scenario_time=scenario_time, scale=float(scale)))
            records.append(rec)
        if complete and phases and self.duration is not None and not self._in_calendar(
                records[-1], phases[-1], self.duration):
            complete = False
        return tuple(phases) if complete else None

    @staticmethod
    def _in_calendar(rec: Record, phase: Phase, end: int) -> bool:
        """Check the scenario clock of ``phase`` stays a calendar date until exercise time ``end``."""
        try:
            phase.scenario_time + timedelta(seconds=(end - phase.at) * phase.scale)
        except OverflowError:
            rec.error("scenario_time", f"{phase.scenario_time.isoformat(sep=' ')} at x{phase.scale:g} runs past "
                                       f"the year 9999 before {_hm(end)}, where the phase ends")
            return False
        return True

    def _read_scenario_time(self, rec: Record) -> datetime | None:
        text = rec.text("scenario_time", one_line=True)
        if text is None:
            return None
        text = text.strip()
        if ZONED_DATETIME.match(text):
            rec.error("scenario_time", f"{show(text)} has a time zone; write the local time, e.g. 2032-06-22T07:00:00")
            return None
        if LOCAL_DATETIME.match(text):
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                pass
        rec.error(
            "scenario_time",
            f"{show(text)} is not a local date-time YYYY-MM-DDTHH:MM[:SS], e.g. 2032-06-22T07:00:00",
        )
        return None

    def _read_indicators(self, exercise: Record) -> tuple[Indicator, ...] | None:
        items = exercise.sequence("indicators", required=False)
        if items is None:
            return None
        indicators: dict[str, Indicator] = {}
        lines: dict[str, int] = {}
        complete = True
        for index, item in enumerate(items, start=1):
            rec = Record(
                exercise.report, item, f"indicator #{index}", kind="indicator",
                required=("id", "label", "initial"), optional=("unit",),
            )
            if not rec.ok:
                complete = False
                continue
            ident = self._unique_id(rec, ITEM_ID, ITEM_ID_TEXT, lines, "indicator")
            label = rec.text("label", one_line=True)
            unit = rec.text("unit", required=False, one_line=True)
            initial = rec.scalar_value("initial")
            if ident is None or label is None or initial is None:
                complete = False
                continue
            indicators[ident] = Indicator(id=ident, label=label.strip(), initial=initial, unit=unit)
        self.indicators = indicators
        self.indicator_lines = lines
        return tuple(indicators.values()) if complete else None

    def _read_objectives(self, exercise: Record) -> tuple[Objective, ...] | None:
        items = exercise.sequence("objectives")
        if items is None:
            return None
        if not items:
            exercise.warning("objectives", "no objective: the after-action report will have nothing to rate")
        objectives: list[Objective] = []
        lines: dict[str, int] = {}
        complete = True
        for index, item in enumerate(items, start=1):
            rec = Record(
                exercise.report, item, f"objective #{index}", kind="objective",
                required=("id", "title", "criteria"),
            )
            if not rec.ok:
                complete = False
                continue
            ident = self._unique_id(rec, ITEM_ID, ITEM_ID_TEXT, lines, "objective")
            title = rec.text("title", one_line=True)
            criteria = rec.text_list("criteria")
            if criteria is not None and not criteria and "criteria" in rec.values:
                rec.warning("criteria", "lists no criterion for observers to check")
            if ident is None or title is None or criteria is None:
                complete = False
                continue
            objectives.append(Objective(id=ident, title=title.strip(), criteria=criteria))
        self.objective_lines = lines
        self.criteria_counts = {o.id: len(o.criteria) for o in objectives}
        return tuple(objectives) if complete else None

    def _read_readiness(self, exercise: Record) -> ReadinessSettings | None:
        """Read the optional ``readiness:`` thresholds; absent fields keep their defaults."""
        node = exercise.values.get("readiness")
        if node is None or is_null(node):
            return ReadinessSettings()
        rec = Record(
            exercise.report, node, "readiness", required=(),
            optional=(
                "window", "max_responses_due", "max_injects_received", "max_dead_time", "max_quiet",
                "min_injects_per_objective", "briefings",
            ),
        )
        if not rec.ok:
            return None
        defaults = ReadinessSettings()
        values: dict[str, object] = {}
        ok = True
        for key in ("window", "max_dead_time", "max_quiet"):
            if key in rec.values:
                seconds = rec.time(key)
                if seconds == 0:
                    rec.error(key, "must be longer than 0:00")
                    seconds = None
                elif key == "window" and seconds is not None and seconds < 60:
                    # The check counts every window of the exercise: one-second windows over a
                    # 999-hour exercise took 53 s (3.6 million windows); one minute is the finest useful.
                    rec.error(key, f"{_hm(seconds)} is shorter than a minute; give \"0:01\" or more")
                    seconds = None
                ok = ok and seconds is not None
                values[key] = seconds
        for key in ("max_responses_due", "max_injects_received", "min_injects_per_objective"):
            if key in rec.values:
                number = rec.number(key, default=getattr(defaults, key))
                if number is not None and (not isinstance(number, int) or number < 0):
                    rec.error(key, f"{number} is not a whole number of 0 or more")
                    number = None
                ok = ok and number is not None
                values[key] = number
        if "briefings" in rec.values:
            items = rec.text_items("briefings")
            if items is None:
                ok = False
            else:
                values["briefings"] = tuple(text.strip() for text, _ in items)
                # Checked against msel.yaml once its inject ids are known.
                self.briefing_items = [(rec, text.strip(), item) for text, item in items]
        if not ok:
            return None
        return ReadinessSettings(**{**defaults.__dict__, **values})

    # -- roles.yaml --------------------------------------------------------------

    def _read_roles(self, node: Node) -> tuple[Role, ...] | None:
        report = self.reports[ROLES_FILE]
        if not isinstance(node, SequenceNode):
            report.error(node, f"roles.yaml must be a list of role cards (lines starting with '- id:'), got {describe(node)}")
            return None
        roles: dict[str, Role] = {}
        complete = True
        for index, item in enumerate(node.value, start=1):
            rec = Record(
                report, item, f"role #{index}", kind="role",
                required=("id", "name", "kind", "mission"),
                optional=("decisions", "resources", "contacts", "color"),
            )
            if not rec.ok:
                complete = False
                continue
            ident = self._unique_id(rec, ROLE_ID, ROLE_ID_TEXT, self.role_lines, "role")
            name = rec.text("name", one_line=True)
            kind = rec.choice("kind", ROLE_KINDS)
            mission = rec.text("mission")
            played = kind in ("directorate", "partner")
            for key in ("decisions", "resources"):
                if played and key not in rec.values:
                    rec.error(None, f"missing required field '{key}' (every role played at the table lists its {key})")
                    complete = False
            decisions = rec.text_list("decisions", required=False)
            resources = rec.text_list("resources", required=False)
            contacts = rec.text_list("contacts", required=False)
            color = self._read_color(rec)
            if (ident is None or name is None or kind is None or mission is None or decisions is None
                    or resources is None or contacts is None or color is False):
                complete = False
                continue
            roles[ident] = Role(
                id=ident, name=name.strip(), kind=kind, mission=mission,
                decisions=decisions, resources=resources, contacts=contacts, color=color,
            )
        if not node.value:
            report.error(node, "roles.yaml lists no role")
        elif complete and not any(role.played for role in roles.values()):
            report.error(node, "no role is played at the table: give at least one role kind directorate or partner")
        self.roles = roles
        return tuple(roles.values()) if complete else None

    def _read_color(self, rec: Record) -> str | None | Literal[False]:
        """Return the color, None if absent, or False after reporting a bad one."""
        if "color" not in rec.values:
            return None
        if is_null(rec.values["color"]):
            rec.error("color", 'is empty; a color starting with # must be quoted, e.g. color: "#1f4e79"')
            return False
        text = rec.text("color", one_line=True)
        if text is None:
            return False
        if not COLOR.match(text.strip()):
            rec.error("color", f'{show(text)} is not a color "#RRGGBB", e.g. "#1f4e79"')
            return False
        return text.strip()

    # -- msel.yaml ---------------------------------------------------------------

    def _read_msel(self, node: Node) -> list[Inject] | None:
        report = self.reports[MSEL_FILE]
        if not isinstance(node, SequenceNode):
            report.error(node, f"msel.yaml must be a list of injects (lines starting with '- id:'), got {describe(node)}")
            return None
        if not node.value:
            report.error(node, "msel.yaml lists no inject")
            return None
        injects: list[Inject] = []
        lines: dict[str, int] = {}
        contingencies: list[tuple[Record, str | None, str]] = []
        targeted: set[str] = set()
        tested: set[str] = set()
        complete = True
        for index, item in enumerate(node.value, start=1):
            rec = Record(
                report, item, f"inject #{index}", kind="inject",
                required=("id", "at", "title", "from", "to", "channel", "body"),
                optional=(
                    "expected", "objectives", "attachments", "sets", "notes", "manual", "contingency_for",
                ),
            )
            if not rec.ok:
                complete = False
                continue
            inject = self._read_inject(rec, lines, targeted, tested, contingencies)
            if inject is None:
                complete = False
                continue
            injects.append(inject)
        self._check_contingencies(contingencies, injects, lines)
        for readiness, ident, item in self.briefing_items:
            if ident not in lines:
                readiness.error("briefings", f"no inject {show(ident)} in msel.yaml{did_you_mean(ident, lines)}", item)
        self._check_coverage(targeted, tested)
        self._check_images(injects)
        return injects if complete else None

    def _read_inject(
        self,
        rec: Record,
        lines: dict[str, int],
        targeted: set[str],
        tested: set[str],
        contingencies: list[tuple[Record, str | None, str]],
    ) -> Inject | None:
        ident = self._unique_id(rec, ITEM_ID, ITEM_ID_TEXT, lines, "inject")
        at = rec.time("at")
        if at is not None and self.duration is not None and at > self.duration:
            rec.error("at", f"{_hm(at)} is after the end of the exercise (duration {_hm(self.duration)})")
            at = None
        title = rec.text("title", one_line=True)
        sender = rec.text("from", one_line=True)
        to, to_all = self._read_recipients(rec)
        if to is not None:
            targeted.update(to)
        channel = rec.choice("channel", CHANNELS)
        body = rec.text("body")
        expected = self._read_expected(rec, at, to)
        objectives = self._read_references(rec, "objectives", self.objective_lines, "objective", EXERCISE_FILE)
        if objectives is not None:
            tested.update(objectives)
            for item in expected or ():
                if item.criterion and item.criterion.rpartition(".")[0] not in objectives:
                    rec.warning("expected", f"the response of {item.role} serves {item.criterion}, but "
                                f"objectives does not list {item.criterion.rpartition('.')[0]}")
        attachments = self._read_attachments(rec)
        sets = self._read_sets(rec)
        notes = rec.text("notes", required=False)
        manual = rec.boolean("manual")
        contingency_for = rec.text("contingency_for", required=False, one_line=True)
        if contingency_for is not None:
            contingency_for = contingency_for.strip()
            contingencies.append((rec, ident, contingency_for))
        if manual is None:
            if "manual" in rec.values and not is_null(rec.values["manual"]):
                return None  # reported as not a boolean
            manual = contingency_for is not None  # a contingency waits for the controller
        if (ident is None or at is None or title is None or sender is None or to is None or channel is None
                or body is None or expected is None or objectives is None or attachments is None or sets is None):
            return None
        for key in ("body", "notes"):
            if key in rec.values:
                self.inject_nodes[(ident, key)] = rec.values[key]
        return Inject(
            id=ident, at=at, title=title.strip(), sender=sender.strip(), to=to, channel=channel, body=body,
            expected=expected, objectives=objectives, attachments=attachments, sets=sets,
            notes=notes or "", manual=manual, contingency_for=contingency_for, to_all=to_all,
        )

    def _read_recipients(self, rec: Record) -> tuple[tuple[str, ...] | None, bool]:
        node = rec.values.get("to")
        if node is None:
            return None, False
        if isinstance(node, ScalarNode) and not is_null(node):
            if node.value.strip() == "all":
                played = tuple(r.id for r in self.roles.values() if r.played) if self.roles is not None else ()
                return played, True
            rec.error("to", f"expected a list of role ids or all, got {show(node.value)} (write [{node.value}])")
            return None, False
        items = rec.sequence("to")
        if items is None:
            return None, False
        if not items:
            rec.error("to", "names no recipient; list role ids or write all")
            return None, False
        defined = self.role_lines if self.roles is not None else None
        ids = self._read_references(rec, "to", defined, "role", ROLES_FILE)
        if ids is None:
            return None, False
        if "all" in ids:
            rec.error("to", "all cannot be mixed with role ids: write to: all alone")
            return None, False
        for role_id, item in zip(ids, items, strict=True):
            role = self.roles.get(role_id) if self.roles is not None else None
            if role is not None and not role.played:
                rec.warning("to", f"{role_id} is a simulated role: nobody at the table receives this", item)
        if len(set(ids)) < len(ids):
            rec.warning("to", "names the same role twice")
            ids = tuple(dict.fromkeys(ids))
        return ids, False

    def _read_references(
        self, rec: Record, key: str, defined: dict[str, int] | None, kind: str, where: str
    ) -> tuple[str, ...] | None:
        """Read a list of ids that must be defined in ``defined`` (unchecked when None)."""
        items = rec.text_items(key, required=False)
        if items is None:
            return None
        ok = True
        for value, item in items:
            value = value.strip()
            if defined is not None and value not in defined and not (key == "to" and value == "all"):
                rec.error(key, f"no {kind} {show(value)} in {where}{did_you_mean(value, defined)}", item)
                ok = False
        return tuple(value.strip() for value, _ in items) if ok else None

    def _read_expected(self, rec: Record, at: int | None, to: tuple[str, ...] | None) -> tuple[Expected, ...] | None:
        items = rec.sequence("expected", required=False)
        if items is None:
            return None
        expected: list[Expected] = []
        complete = True
        for index, item in enumerate(items, start=1):
            sub = Record(
                rec.report, item, f"{rec.subject} expected response {index}",
                required=("role", "action", "within"), optional=("criterion",),
            )
            if not sub.ok:
                complete = False
                continue
            role = sub.text("role", one_line=True)
            if role is not None:
                role = role.strip()
                if self.roles is not None and role not in self.role_lines:
                    sub.error("role", f"no role {show(role)} in roles.yaml{did_you_mean(role, self.role_lines)}")
                    role = None
                elif self.roles is not None and role in self.roles and not self.roles[role].played:
                    sub.warning("role", f"{role} is a simulated role: nobody at the table can respond")
                elif to is not None and role not in to:
                    sub.warning("role", f"{role} does not receive this inject (to: {', '.join(to) or 'nobody'})")
            action = sub.text("action")
            within = sub.time("within")
            if within == 0:
                sub.error("within", "must be longer than 0:00")
                within = None
            if (
                within is not None and at is not None and self.duration is not None
                and at + within > self.duration
            ):
                sub.warning("within", f"the response is due after the end of the exercise ({_hm(at + within)})")
            criterion = self._read_criterion(sub)
            if role is None or action is None or within is None or criterion is False:
                complete = False
                continue
            expected.append(Expected(role=role, action=action.strip(), within=within, criterion=criterion or None))
        return tuple(expected) if complete else None

    def _read_criterion(self, sub: Record) -> str | Literal[False] | None:
        """Read an expected response's optional ``criterion: O2.3``; False when it is wrong.

        The objective id is everything before the last dot (ids may hold dots), the
        criterion a 1-based number in that objective's ``criteria`` list.
        """
        value = sub.text("criterion", required=False, one_line=True)
        if value is None:
            return False if "criterion" in sub.values and not is_null(sub.values["criterion"]) else None
        value = value.strip()
        ident, dot, number = value.rpartition(".")
        if not dot or not ident or not number.isdigit() or int(number) < 1:
            sub.error("criterion", f"{show(value)} is not an objective id and a criterion number, like O2.3")
            return False
        if self.criteria_counts is None:
            return value  # exercise.yaml could not be read: nothing to check against
        if ident not in self.criteria_counts:
            sub.error("criterion", f"no objective {show(ident)} in exercise.yaml"
                      f"{did_you_mean(ident, self.criteria_counts)}")
            return False
        count = self.criteria_counts[ident]
        if int(number) > count:
            sub.error("criterion", f"objective {ident} has {count} criteri{'on' if count == 1 else 'a'}, "
                      f"not {int(number)}")
            return False
        return f"{ident}.{int(number)}"

    def _read_attachments(self, rec: Record) -> tuple[str, ...] | None:
        items = rec.text_items("attachments", required=False)
        if items is None:
            return None
        ok = True
        for path, node in items:
            problem = self.source.attachment_problem(path)
            if problem:
                rec.error("attachments", f"{show(path, 80)} {problem}", node)
                ok = False
        return tuple(path for path, _ in items) if ok else None

    def _read_sets(self, rec: Record) -> dict[str, IndicatorValue] | None:
        node = rec.values.get("sets")
        if node is None or is_null(node):
            return {}
        if not isinstance(node, MappingNode):
            rec.error("sets", f"expected indicator: value lines, got {describe(node)}")
            return None
        sets: dict[str, IndicatorValue] = {}
        ok = True
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key is None:
                rec.error("sets", "each key must be an indicator id", key_node)
                ok = False
                continue
            if key in sets:
                rec.error("sets", f"sets indicator {key} twice", key_node)
                ok = False
                continue
            value = value_of(rec, "sets", value_node)
            if self.indicator_lines is not None and key not in self.indicator_lines:
                known = did_you_mean(key, self.indicator_lines) if self.indicator_lines else " (it defines none)"
                rec.error("sets", f"no indicator {show(key)} in exercise.yaml{known}", key_node)
                ok = False
                continue
            if value is None:
                ok = False
                continue
            indicator = self.indicators.get(key) if self.indicators is not None else None
            if indicator is not None and isinstance(indicator.initial, int | float) != isinstance(value, int | float):
                rec.warning(
                    "sets",
                    f"indicator {key} starts as {show(indicator.initial)} but is set to {show(value)}",
                    value_node,
                )
            sets[key] = value
        return sets if ok else None

    def _check_contingencies(
        self,
        contingencies: list[tuple[Record, str | None, str]],
        injects: list[Inject],
        lines: dict[str, int],
    ) -> None:
        by_id = {inject.id: inject for inject in injects}
        for rec, own_id, target in contingencies:
            if target == own_id:
                rec.error("contingency_for", f"{show(target)} is this inject itself")
            elif target not in lines:
                rec.error("contingency_for", f"no inject {show(target)} in msel.yaml{did_you_mean(target, lines)}")
            elif own_id in by_id and target in by_id and by_id[own_id].at < by_id[target].at:
                rec.warning(
                    "contingency_for",
                    f"this contingency ({_hm(by_id[own_id].at)}) is planned before {target} "
                    f"({_hm(by_id[target].at)}), which it backs up",
                )

    def _check_images(self, injects: list[Inject]) -> None:
        """Warn about Markdown images that do not show one of the package's attachments.

        Such an image is shown as text (crisisdesk/markdown_text.py): a path of the
        laptop or a web address is never loaded into the console or a report.
        """
        attachments = package_attachments_of(injects)
        texts = [(self.reports[MSEL_FILE], f"inject {inject.id} field '{key}'", self.inject_nodes.get((inject.id, key)),
                  getattr(inject, key)) for inject in injects for key in ("body", "notes")]
        if self.summary_node is not None and isinstance(self.summary_node, ScalarNode):
            texts.append((self.reports[EXERCISE_FILE], "exercise field 'summary'", self.summary_node,
                          self.summary_node.value))
        for report, subject, node, text in texts:
            for source, offset in image_sources(text):
                if source.removeprefix("./") in attachments:
                    continue
                line = None
                if node is not None:
                    block = getattr(node, "style", None) in ("|", ">")  # a block scalar starts a line lower
                    line = node.start_mark.line + 1 + offset + (1 if block else 0)
                report.warning(line, f"{subject}: image {show(source, 60)} is not one of the package's "
                                     "attachments, so it is shown as text; put the file in the package and list "
                                     "it under attachments (e.g. media/carte.png)")

    def _check_coverage(self, targeted: set[str], tested: set[str]) -> None:
        """Warn about played roles no inject reaches and objectives no inject tests."""
        if self.roles is not None:
            for role in self.roles.values():
                if role.played and role.id not in targeted:
                    self.reports[ROLES_FILE].warning(
                        self.role_lines.get(role.id), f"role {role.id}: no inject is sent to this played role"
                    )
        if self.objective_lines is not None:
            for ident, line in self.objective_lines.items():
                if ident not in tested:
                    self.reports[EXERCISE_FILE].warning(line, f"objective {ident}: no inject lists it in objectives")

    # -- shared ------------------------------------------------------------------

    def _unique_id(
        self, rec: Record, pattern: re.Pattern[str], expected: str, seen: dict[str, int], kind: str
    ) -> str | None:
        """Read the record's ``id``, check it is unique among ``seen``, and rename the record."""
        ident = rec.word("id", pattern, expected)
        if ident is None:
            return None
        line = rec.line("id") or 0  # a record always has a line; 0 would only say "unknown"
        if ident in seen:
            rec.error("id", f"{kind} id {ident} is used twice (first at line {seen[ident]})")
            return None
        seen[ident] = line
        return ident



DEFAULT_TIMEZONE = "Europe/Paris"


def _is_time_zone(name: str) -> bool:
    """True if ``name`` is an IANA time zone this machine knows (``tzdata`` supplies them on Windows)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not name or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
