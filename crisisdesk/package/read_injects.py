"""Read msel.yaml: the injects, with their recipients, attachments and indicator changes.

Expected responses have their own module (read_expected); the checks that need the
whole list (contingencies, briefings, coverage, images) are in cross_refs and run
once it is read.
"""

from __future__ import annotations

from collections.abc import Callable

from crisisdesk.package.cross_refs import EXERCISE_FILE, ROLES_FILE, Known, read_references
from crisisdesk.package.fields import (
    Record,
    Records,
    Report,
    describe,
    did_you_mean,
    hm,
    is_null,
    show,
    value_of,
)
from crisisdesk.package.ids import ITEM_ID, ITEM_ID_TEXT, unique_id
from crisisdesk.package.model import CHANNELS, IndicatorValue, Inject
from crisisdesk.package.read_expected import read_expected
from crisisdesk.package.yamlsource import MappingNode, Node, ScalarNode, SequenceNode

# Why an attachment path cannot be used (None when it can); the package's source answers.
AttachmentCheck = Callable[[str], str | None]


class MselRead:
    """msel.yaml as read: the usable injects, and what the checks across files need."""

    __slots__ = ("injects", "complete", "lines", "contingencies", "targeted", "tested")

    def __init__(self) -> None:
        self.injects: list[Inject] = []
        self.complete = True  # every inject was read in full
        self.lines: dict[str, int] = {}  # inject id -> line
        self.contingencies: list[tuple[Record, str | None, str]] = []  # (record, own id, target id)
        self.targeted: set[str] = set()  # roles some inject is sent to
        self.tested: set[str] = set()  # objectives some inject lists


def read_msel(report: Report, node: Node, known: Known, attachment_problem: AttachmentCheck) -> MselRead | None:
    if not isinstance(node, SequenceNode):
        report.error(node, f"msel.yaml must be a list of injects (lines starting with '- id:'), got {describe(node)}")
        return None
    if not node.value:
        report.error(node, "msel.yaml lists no inject")
        return None
    msel = MselRead()
    items_read = Records(
        report, node.value, "inject #", kind="inject",
        required=("id", "at", "title", "from", "to", "channel", "body"),
        optional=("expected", "objectives", "attachments", "sets", "notes", "manual", "contingency_for"),
    )
    for _, rec in items_read:
        inject = _read_inject(rec, known, msel, attachment_problem)
        if inject is None:
            items_read.broken()
            continue
        msel.injects.append(inject)
    msel.complete = items_read.complete
    return msel


def _read_inject(rec: Record, known: Known, msel: MselRead, attachment_problem: AttachmentCheck) -> Inject | None:
    ident = unique_id(rec, ITEM_ID, ITEM_ID_TEXT, msel.lines, "inject")
    at = rec.time("at")
    if at is not None and known.duration is not None and at > known.duration:
        rec.error("at", f"{hm(at)} is after the end of the exercise (duration {hm(known.duration)})")
        at = None
    title = rec.text("title", one_line=True)
    sender = rec.text("from", one_line=True)
    to, to_all = _read_recipients(rec, known)
    if to is not None:
        msel.targeted.update(to)
    channel = rec.choice("channel", CHANNELS)
    body = rec.text("body")
    expected = read_expected(rec, known, at, to)
    objectives = read_references(rec, "objectives", known.objective_lines, "objective", EXERCISE_FILE)
    if objectives is not None:
        msel.tested.update(objectives)
        for item in expected or ():
            if item.criterion and item.criterion.rpartition(".")[0] not in objectives:
                rec.warning("expected", f"the response of {item.role} serves {item.criterion}, but "
                            f"objectives does not list {item.criterion.rpartition('.')[0]}")
    attachments = _read_attachments(rec, attachment_problem)
    sets = _read_sets(rec, known)
    notes = rec.text("notes", required=False)
    manual = rec.boolean("manual")
    contingency_for = rec.text("contingency_for", required=False, one_line=True)
    if contingency_for is not None:
        contingency_for = contingency_for.strip()
        msel.contingencies.append((rec, ident, contingency_for))
    if manual is None:
        if "manual" in rec.values and not is_null(rec.values["manual"]):
            return None  # reported as not a boolean
        manual = contingency_for is not None  # a contingency waits for the controller
    if (ident is None or at is None or title is None or sender is None or to is None or channel is None
            or body is None or expected is None or objectives is None or attachments is None or sets is None):
        return None
    for key in ("body", "notes"):
        if key in rec.values:
            known.inject_nodes[(ident, key)] = rec.values[key]
    return Inject(
        id=ident, at=at, title=title.strip(), sender=sender.strip(), to=to, channel=channel, body=body,
        expected=expected, objectives=objectives, attachments=attachments, sets=sets,
        notes=notes or "", manual=manual, contingency_for=contingency_for, to_all=to_all,
    )


def _read_recipients(rec: Record, known: Known) -> tuple[tuple[str, ...] | None, bool]:
    """Read ``to``: the role ids, and True for ``to: all`` (every played role)."""
    node = rec.values.get("to")
    if node is None:
        return None, False
    if isinstance(node, ScalarNode) and not is_null(node):
        if node.value.strip() == "all":
            played = tuple(r.id for r in known.roles.values() if r.played) if known.roles is not None else ()
            return played, True
        rec.error("to", f"expected a list of role ids or all, got {show(node.value)} (write [{node.value}])")
        return None, False
    items = rec.sequence("to")
    if items is None:
        return None, False
    if not items:
        rec.error("to", "names no recipient; list role ids or write all")
        return None, False
    defined = known.role_lines if known.roles is not None else None
    ids = read_references(rec, "to", defined, "role", ROLES_FILE)
    if ids is None:
        return None, False
    if "all" in ids:
        rec.error("to", "all cannot be mixed with role ids: write to: all alone")
        return None, False
    for role_id, item in zip(ids, items, strict=True):
        role = known.roles.get(role_id) if known.roles is not None else None
        if role is not None and not role.played:
            rec.warning("to", f"{role_id} is a simulated role: nobody at the table receives this", item)
    if len(set(ids)) < len(ids):
        rec.warning("to", "names the same role twice")
        ids = tuple(dict.fromkeys(ids))
    return ids, False


def _read_attachments(rec: Record, attachment_problem: AttachmentCheck) -> tuple[str, ...] | None:
    items = rec.text_items("attachments", required=False)
    if items is None:
        return None
    ok = True
    for path, node in items:
        problem = attachment_problem(path)
        if problem:
            rec.error("attachments", f"{show(path, 80)} {problem}", node)
            ok = False
    return tuple(path for path, _ in items) if ok else None


def _read_sets(rec: Record, known: Known) -> dict[str, IndicatorValue] | None:
    """Read ``sets``: the indicators the inject changes, each to its new value."""
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
        if known.indicator_lines is not None and key not in known.indicator_lines:
            known_ids = did_you_mean(key, known.indicator_lines) if known.indicator_lines else " (it defines none)"
            rec.error("sets", f"no indicator {show(key)} in exercise.yaml{known_ids}", key_node)
            ok = False
            continue
        if value is None:
            ok = False
            continue
        indicator = known.indicators.get(key) if known.indicators is not None else None
        if indicator is not None and isinstance(indicator.initial, int | float) != isinstance(value, int | float):
            rec.warning(
                "sets",
                f"indicator {key} starts as {show(indicator.initial)} but is set to {show(value)}",
                value_node,
            )
        sets[key] = value
    return sets if ok else None
