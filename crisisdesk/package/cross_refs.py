"""What one file of a package defines and another refers to, and the checks across files.

The files are read in order (exercise.yaml, roles.yaml, msel.yaml); each reader records
in :class:`Known` what later files may name. A field left None means the defining file
could not be read: references to it are then not reported as undefined, which would
only bury the real problem under echoes of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from crisisdesk.markdown_text import image_sources
from crisisdesk.package.fields import Record, Report, did_you_mean, hm, show
from crisisdesk.package.model import Indicator, Inject, Role
from crisisdesk.package.yamlsource import Node, ScalarNode

EXERCISE_FILE, ROLES_FILE, MSEL_FILE = PACKAGE_FILES = ("exercise.yaml", "roles.yaml", "msel.yaml")


class Known:
    """What the files read so far define, for the references of the files read after them.

    A plain class, not a dataclass: it is built once per load, and a dataclass's creation
    at import would cost ``crisisdesk validate`` more than all its uses.
    """

    __slots__ = ("duration", "indicators", "indicator_lines", "objective_lines", "criteria_counts", "roles",
                 "role_lines", "summary_node", "briefing_items", "inject_nodes")

    def __init__(self) -> None:
        self.duration: int | None = None  # exercise.yaml's duration
        self.indicators: dict[str, Indicator] | None = None
        self.indicator_lines: dict[str, int] | None = None
        self.objective_lines: dict[str, int] | None = None
        # Number of criteria of each objective read, to check expected responses' `criterion`.
        self.criteria_counts: dict[str, int] | None = None
        self.roles: dict[str, Role] | None = None  # the roles read in full
        self.role_lines: dict[str, int] = {}  # every role id defined, even on a broken card
        self.summary_node: Node | None = None  # exercise.yaml's summary, shown as Markdown too
        # readiness.briefings (readiness record, inject id, node), checked once msel.yaml's ids are known.
        self.briefing_items: list[tuple[Record, str, Node]] = []
        self.inject_nodes: dict[tuple[str, str], Node] = {}  # (inject id, field) -> node, for line numbers


def package_attachments_of(injects: Iterable[Inject]) -> frozenset[str]:
    return frozenset(path for inject in injects for path in inject.attachments)


def read_references(
    rec: Record, key: str, defined: Mapping[str, int] | None, kind: str, where: str
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


def check_contingencies(
    contingencies: list[tuple[Record, str | None, str]],
    injects: list[Inject],
    lines: dict[str, int],
) -> None:
    """Each ``contingency_for`` names another inject, planned no later than its backup."""
    by_id = {inject.id: inject for inject in injects}
    for rec, own_id, target in contingencies:
        if target == own_id:
            rec.error("contingency_for", f"{show(target)} is this inject itself")
        elif target not in lines:
            rec.error("contingency_for", f"no inject {show(target)} in msel.yaml{did_you_mean(target, lines)}")
        elif own_id is not None and own_id in by_id and target in by_id and by_id[own_id].at < by_id[target].at:
            rec.warning(
                "contingency_for",
                f"this contingency ({hm(by_id[own_id].at)}) is planned before {target} "
                f"({hm(by_id[target].at)}), which it backs up",
            )


def check_briefings(known: Known, lines: dict[str, int]) -> None:
    """Each inject exercise.yaml's readiness lists under ``briefings`` is in msel.yaml."""
    for readiness, ident, item in known.briefing_items:
        if ident not in lines:
            readiness.error("briefings", f"no inject {show(ident)} in msel.yaml{did_you_mean(ident, lines)}", item)


def check_coverage(reports: Mapping[str, Report], known: Known, targeted: set[str], tested: set[str]) -> None:
    """Warn about played roles no inject reaches and objectives no inject tests."""
    if known.roles is not None:
        for role in known.roles.values():
            if role.played and role.id not in targeted:
                reports[ROLES_FILE].warning(
                    known.role_lines.get(role.id), f"role {role.id}: no inject is sent to this played role"
                )
    if known.objective_lines is not None:
        for ident, line in known.objective_lines.items():
            if ident not in tested:
                reports[EXERCISE_FILE].warning(line, f"objective {ident}: no inject lists it in objectives")


def check_images(reports: Mapping[str, Report], known: Known, injects: list[Inject]) -> None:
    """Warn about Markdown images that do not show one of the package's attachments.

    Such an image is shown as text (crisisdesk/markdown_text.py): a path of the
    laptop or a web address is never loaded into the console or a report.
    """
    attachments = package_attachments_of(injects)
    texts: list[tuple[Report, str, Node | None, str]] = [
        (reports[MSEL_FILE], f"inject {inject.id} field '{key}'", known.inject_nodes.get((inject.id, key)),
         getattr(inject, key)) for inject in injects for key in ("body", "notes")]
    if known.summary_node is not None and isinstance(known.summary_node, ScalarNode):
        texts.append((reports[EXERCISE_FILE], "exercise field 'summary'", known.summary_node,
                      known.summary_node.value))
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
