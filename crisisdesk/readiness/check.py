"""The readiness check: measure a valid package's timeline and warn where it will not hold.

Validation says whether a package can be loaded; this says whether it can be played:
whether a directorate drowns (overload) or waits (dead time), whether a response is
due after the briefing or time jump that ends its day, what the timeline leaves
uncovered, and its pace. Thresholds come from ``exercise.yaml``'s ``readiness:`` block
(``Package.exercise.readiness``). See docs/package-format.md, "The readiness check".

Conventions (documented there too):
- the *timeline* is the injects not marked ``manual`` (contingencies and reserves are
  played only if needed), as ``crisisdesk validate`` counts them; load, dead time and
  pace use it, boundary crossings and coverage look at every inject;
- a response is *due* at the inject's ``at`` + ``within``;
- a broadcast (``to: all``) counts as received in the load table, but does not break a
  role's dead time: everyone hears it, it gives no role work of its own unless it
  expects a response from it (then its due time counts).
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from pathlib import Path

from crisisdesk.package.model import Inject, Package
from crisisdesk.readiness.findings import Finding, LoadTable, Pace, ReadinessReport, RoleLoad
from crisisdesk.timefmt import format_offset

LOAD_WINDOWS = (15 * 60, 30 * 60)
BUSIEST_SPAN = 15 * 60
# Titles that mark a situation briefing when exercise.yaml does not list them.
BRIEFING_TITLES = ("point de situation", "situation briefing")
PACKAGE_FILES = ("exercise.yaml", "roles.yaml", "msel.yaml")
# Bounds the attachment scan: a package folder holds tens of files, not a disk.
MAX_SCANNED_FILES = 5000


def check_package(package: Package, label: str | Path | None = None) -> ReadinessReport:
    """Run every readiness measure on ``package``.

    ``label`` is the package folder as the user named it, used in findings' file names
    (default: the package's resolved root).
    """
    return _Checker(package, Path(label) if label is not None else package.root).run()


def hm(seconds: int) -> str:
    return format_offset(seconds, with_seconds=bool(seconds % 60))


def is_briefing_title(title: str) -> bool:
    folded = unicodedata.normalize("NFKD", title.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lstrip()
    return folded.startswith(BRIEFING_TITLES)


class _Checker:
    def __init__(self, package: Package, label: Path):
        self.package = package
        self.settings = package.exercise.readiness
        self.duration = package.exercise.duration
        self.label = label
        self.played = tuple(r.id for r in package.roles if r.played)
        self.timeline = tuple(i for i in package.injects if not i.manual)
        self.findings: list[Finding] = []
        self.lines = {name: _id_lines(package.root / name) for name in PACKAGE_FILES}

    # -- helpers -------------------------------------------------------------------

    def _file(self, name: str) -> str:
        return str(self.label / name)

    def _add(self, kind: str, message: str, name: str, ident: str | None = None, **fields) -> None:
        line = self.lines[name].get(ident) if ident is not None else None
        self.findings.append(Finding(kind=kind, message=message, file=self._file(name), line=line, **fields))

    def _add_role(self, kind: str, message: str, role: str, **fields) -> None:
        self._add(kind, message, "roles.yaml", role, role=role, **fields)

    def _add_inject(self, kind: str, message: str, inject: Inject, **fields) -> None:
        self._add(kind, message, "msel.yaml", inject.id, inject=inject.id, **fields)

    # -- the measures --------------------------------------------------------------

    def run(self) -> ReadinessReport:
        windows = sorted(set(LOAD_WINDOWS) | {self.settings.window})
        tables = {window: self._load(window) for window in windows}
        self._overload(tables[self.settings.window])
        self._dead_time()
        boundaries = self._boundaries()
        self._crossings(boundaries)
        self._coverage()
        pace = self._pace()
        return ReadinessReport(
            package_id=self.package.exercise.id,
            title=self.package.exercise.title,
            duration=self.duration,
            settings=self.settings,
            roles=self.played,
            boundaries=tuple(boundaries),
            loads=tuple(tables[w] for w in windows),
            pace=pace,
            findings=tuple(self.findings),
        )

    def _load(self, window: int) -> LoadTable:
        count = max(1, -(-self.duration // window))  # windows covering 0:00 → ENDEX
        received = {role: [0] * count for role in self.played}
        due = {role: [0] * count for role in self.played}
        last = count - 1
        for inject in self.timeline:
            slot = min(inject.at // window, last)
            for role in inject.to:
                if role in received:
                    received[role][slot] += 1
            for expected in inject.expected:
                if expected.role in due:
                    due[expected.role][min((inject.at + expected.within) // window, last)] += 1
        rows = tuple(RoleLoad(role, tuple(received[role]), tuple(due[role])) for role in self.played)
        return LoadTable(window=window, starts=tuple(i * window for i in range(count)), rows=rows)

    def _overload(self, table: LoadTable) -> None:
        limit_due = self.settings.max_responses_due
        limit_received = self.settings.max_injects_received
        for row in table.rows:
            for start, received, due in zip(table.starts, row.received, row.due, strict=True):
                end = min(start + table.window, self.duration)
                span = f"{hm(start)}–{hm(end)}"
                if due > limit_due:
                    self._add_role(
                        "overload_responses",
                        f"role {row.role}: {due} expected responses due in {span} (more than {limit_due})",
                        row.role, start=start, end=end, value=due, limit=limit_due,
                    )
                if received > limit_received:
                    self._add_role(
                        "overload_injects",
                        f"role {row.role}: receives {received} injects in {span} (more than {limit_received})",
                        row.role, start=start, end=end, value=received, limit=limit_received,
                    )

    def _dead_time(self) -> None:
        limit = self.settings.max_dead_time
        events: dict[str, list[int]] = {role: [] for role in self.played}
        for inject in self.timeline:
            if not inject.to_all:
                for role in inject.to:
                    if role in events:
                        events[role].append(inject.at)
            for expected in inject.expected:
                if expected.role in events:
                    events[expected.role].append(min(inject.at + expected.within, self.duration))
        addressed = {role for inject in self.package.injects for role in inject.to}
        for role, times in events.items():
            if role not in addressed:
                continue  # reported once, as a role never addressed
            marks = [0, *sorted(times), self.duration]
            for start, end in zip(marks, marks[1:]):  # noqa: B905 - pairs of neighbours
                if end - start > limit:
                    if start == 0:
                        what = f"nothing received or due before {hm(end)}"
                    elif end == self.duration:
                        what = f"nothing received or due after {hm(start)} (the last {hm(end - start)})"
                    else:
                        what = f"nothing received or due from {hm(start)} to {hm(end)}"
                    self._add_role(
                        "dead_time",
                        f"role {role}: {what}, {hm(end - start)} idle (more than {hm(limit)})",
                        role, start=start, end=end, value=end - start, limit=limit,
                    )

    def _briefings(self) -> list[Inject]:
        listed = self.settings.briefings
        if listed is not None:
            wanted = set(listed)
            return [i for i in self.package.injects if i.id in wanted]
        return [i for i in self.package.injects if is_briefing_title(i.title)]

    def _boundaries(self) -> list[tuple[int, str]]:
        found: dict[int, str] = {}
        for inject in self._briefings():
            found.setdefault(inject.at, f"situation briefing {inject.id}")
        for phase in self.package.exercise.phases[1:]:
            # A jump at the same time as a briefing keeps the briefing's name.
            found.setdefault(phase.at, f"phase jump to {phase.title}")
        found[self.duration] = "ENDEX"
        return sorted(found.items())

    def _crossings(self, boundaries: list[tuple[int, str]]) -> None:
        times = [at for at, _ in boundaries]
        for inject in self.package.injects:
            # The first boundary strictly after the inject ends its window.
            index = bisect.bisect_right(times, inject.at)
            if index == len(times):
                continue
            boundary, name = boundaries[index]
            for expected in inject.expected:
                due = inject.at + expected.within
                if due > boundary:
                    self._add_inject(
                        "crosses_boundary",
                        f"inject {inject.id} ({hm(inject.at)}): the response of {expected.role} is due at "
                        f"{hm(due)}, after the {name} at {hm(boundary)}",
                        inject, role=expected.role, start=inject.at, end=due, value=due, limit=boundary,
                    )

    def _coverage(self) -> None:
        package = self.package
        planned = [i for i in package.injects if i.contingency_for is None]
        for inject in planned:
            if not inject.expected:
                self._add_inject(
                    "inject_without_response",
                    f"inject {inject.id} ({hm(inject.at)}) expects no response",
                    inject, start=inject.at,
                )
        minimum = self.settings.min_injects_per_objective
        linked = {e.criterion for i in planned for e in i.expected if e.criterion}
        for objective in package.exercise.objectives:
            testing = [i for i in planned if objective.id in i.objectives]
            if len(testing) < minimum:
                self._add(
                    "objective_undertested",
                    f"objective {objective.id}: tested by {len(testing)} "
                    f"inject{'s' if len(testing) != 1 else ''} (fewer than {minimum})",
                    "exercise.yaml", objective.id, objective=objective.id, value=len(testing), limit=minimum,
                )
            # Where msel.yaml links responses to criteria (`criterion: O2.3`), a criterion
            # is served when a planned response names it; otherwise when an inject
            # testing its objective expects any response.
            if linked:
                unserved = [
                    c for n, c in enumerate(objective.criteria, start=1) if f"{objective.id}.{n}" not in linked
                ]
            else:
                unserved = [] if any(i.expected for i in testing) else list(objective.criteria)
            for criterion in unserved:
                self._add(
                    "criterion_unserved",
                    f"objective {objective.id}: no expected response serves the criterion "
                    f"\u201c{_short(criterion)}\u201d",
                    "exercise.yaml", objective.id, objective=objective.id, detail=criterion,
                )
        addressed = {role for inject in package.injects for role in inject.to}
        senders = {inject.sender for inject in package.injects}
        for role in package.roles:
            if role.played and role.id not in addressed:
                self._add_role("role_never_addressed", f"played role {role.id} receives no inject", role.id)
            if not role.played and role.id not in senders:
                self._add_role("role_never_sends", f"simulated role {role.id} sends no inject", role.id)
        by_id = {inject.id: inject for inject in package.injects}
        for inject in package.injects:
            if inject.contingency_for is None:
                continue
            target = by_id.get(inject.contingency_for)
            if target is None or not target.expected:
                self._add_inject(
                    "contingency_backs_nothing",
                    f"contingency {inject.id} backs up {inject.contingency_for}, which expects no "
                    "response: nothing can be missed for it to make up",
                    inject,
                )
        used = {path for inject in package.injects for path in inject.attachments}
        for path in _package_files(package.root):
            if path not in used:
                self.findings.append(Finding(
                    kind="attachment_unused",
                    message=f"file {path} is in the package but no inject hands it out",
                    file=self._file(path), detail=path,
                ))

    def _pace(self) -> Pace:
        times = [inject.at for inject in self.timeline]
        busiest_start, busiest = None, 0
        low = 0
        for high, at in enumerate(times):
            while times[low] <= at - BUSIEST_SPAN:
                low += 1
            if high - low + 1 > busiest:
                busiest, busiest_start = high - low + 1, times[low]
        quiet_start = quiet_end = None
        limit = self.settings.max_quiet
        previous = 0
        by_time = list(self.timeline)
        for inject in by_time:
            gap = inject.at - previous
            if quiet_start is None or quiet_end is None or gap > quiet_end - quiet_start:
                quiet_start, quiet_end = previous, inject.at
            if gap > limit:
                self._add_inject(
                    "long_quiet",
                    f"no inject from {hm(previous)} to {hm(inject.at)} ({hm(gap)}, more than {hm(limit)})",
                    inject, start=previous, end=inject.at, value=gap, limit=limit,
                )
            previous = inject.at
        last = times[-1] if times else None
        tail = self.duration - (last if last is not None else 0)
        if tail > limit:
            self.findings.append(Finding(
                kind="early_end",
                message=(
                    f"the last inject is at {hm(last)}, {hm(tail)} before ENDEX ({hm(self.duration)}; "
                    f"more than {hm(limit)})" if last is not None
                    else "no inject is on the timeline (every inject is manual)"
                ),
                file=self._file("msel.yaml"), start=last, end=self.duration, value=tail, limit=limit,
            ))
        return Pace(
            busiest_start=busiest_start, busiest_count=busiest, quiet_start=quiet_start,
            quiet_end=quiet_end, last_inject=last, duration=self.duration,
        )


_ID_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([^\"'#\s]+)[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)


def _id_lines(path: Path) -> dict[str, int]:
    """Map each ``id:`` written in a package file to its first line (for file:line findings)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in _ID_LINE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match.group(1), line)
    return lines


def _package_files(root: Path) -> list[str]:
    """Files of the package folder other than its YAML files and READMEs, as ``a/b.svg``."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):  # does not follow symbolic links to folders
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        relative = Path(folder).relative_to(root)
        for name in sorted(files):
            if name.startswith(".") or (folder == str(root) and (
                name in PACKAGE_FILES or name.lower().startswith("readme")
            )):
                continue
            found.append((relative / name).as_posix())
            if len(found) >= MAX_SCANNED_FILES:
                return found
    return found


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
