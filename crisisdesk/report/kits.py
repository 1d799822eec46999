"""The printed kits — animateur, observateur, joueur — from an exercise package alone.

Made before the exercise, for the room's paper: the control cell's run-sheet and inject
cards (enough to run the exercise if the laptop fails), the observers' sheets, and the
players' rules, role cards and glossary. Each kit is one HTML document laid out by its
own Jinja template (``templates/kit_<kind>.html.j2``) in the report's environment
(autoescaped, same filters), then printed to an A4 PDF by the report's PDF renderer.

No session is needed: everything comes from the package; times are the planned ones.
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from crisisdesk.package.attachments import attachment_problem
from crisisdesk.package.model import Inject, Objective, Package, Role
from crisisdesk.report.glossary import Term, glossary_for
from crisisdesk.report.kit_labels import APOSTROPHE, NBSP, NNBSP, kit_labels
from crisisdesk.report.labels import (
    format_duration,
    format_long_date,
    format_short_date,
    language_of,
)
from crisisdesk.report.role_cards import RoleCardWords, role_card_html
from crisisdesk.timefmt import format_offset

KIT_KINDS = ("animateur", "observateur", "joueur")
GROUPINGS = ("role", "objective")
TEMPLATE = "kit_{kind}.html.j2"
# Attachments printed as pictures on the inject cards (the vigilance map handed to the
# player), embedded as data URIs so the HTML kit stays one self-contained file.
IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp"}
MAX_IMAGE_BYTES = 4_000_000  # a bigger picture is named on the card, not printed


class KitError(ValueError):
    """A kit that cannot be made as asked (unknown kind or grouping)."""


@dataclass(frozen=True)
class KitExpected:
    """One expected response, with its window in exercise time and scenario time."""

    inject: KitInject
    role: Role | None
    role_id: str
    action: str
    within: int
    opens_at: int
    due_at: int
    due_scenario: datetime
    objectives: tuple[Objective, ...]


@dataclass(frozen=True)
class KitInject:
    """One inject as the kits print it: times, route and words worked out once."""

    inject: Inject
    number: int  # 1, 2… in time order: the number written on the run-sheet and the card
    scenario_time: datetime
    phase_index: int
    sender: str  # the sending role's name, or the package's free text
    sender_id: str  # the role code when the sender is a role, else ""
    recipient_ids: tuple[str, ...]
    recipient_names: tuple[str, ...]
    objectives: tuple[Objective, ...]
    expected: list[KitExpected] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.inject.id

    @property
    def at(self) -> int:
        return self.inject.at

    def indicator_changes(self, package: Package) -> list[str]:
        """What the inject sets, in the room display's words: "Vigilance du jour = rouge", "Température max. = 45 °C"."""
        indicators = {i.id: i for i in package.exercise.indicators}
        changes = []
        for key, value in self.inject.sets.items():
            indicator = indicators.get(key)
            label = indicator.label if indicator else key
            unit = f"{NBSP}{indicator.unit}" if indicator and indicator.unit else ""
            changes.append(f"{label}{NBSP}= {value}{unit}")
        return changes

    @property
    def sender_short(self) -> str:
        """The role code, or the free-text sender up to its first dash ("Préfecture de police")."""
        return self.sender_id or self.sender.split(" — ")[0].strip()


@dataclass(frozen=True)
class KitPhase:
    index: int
    title: str
    at: int
    scenario_time: datetime
    injects: tuple[KitInject, ...]


@dataclass(frozen=True)
class ObserverGroup:
    """One section of the observer kit: a played role, or an objective, with its responses."""

    key: str
    title: str
    subtitle: str
    criteria: tuple[str, ...]
    responses: tuple[KitExpected, ...]


@dataclass(frozen=True)
class Kit:
    """Everything the three kit templates print, computed from the package once."""

    package: Package
    language: str
    injects: tuple[KitInject, ...]
    phases: tuple[KitPhase, ...]
    played_roles: tuple[Role, ...]
    simulated_roles: tuple[Role, ...]
    channels: tuple[str, ...]  # channel codes used, in the package's order of first use
    glossary: tuple[Term, ...]
    by: str = "role"
    images: dict[str, str] = field(default_factory=dict)  # attachment path -> data URI

    @property
    def exercise(self):
        return self.package.exercise

    def observer_groups(self) -> list[ObserverGroup]:
        """The observer kit's sections, per played role or per objective (``by``)."""
        responses = [e for inject in self.injects for e in inject.expected]
        responses.sort(key=lambda e: (e.opens_at, e.inject.number, e.due_at))
        if self.by == "objective":
            groups = []
            for objective in self.exercise.objectives:
                served = tuple(e for e in responses if objective in e.objectives)
                groups.append(ObserverGroup(objective.id, objective.title, "", objective.criteria, served))
            orphans = tuple(e for e in responses if not e.objectives)
            if orphans:
                t = kit_labels(self.language)
                groups.append(ObserverGroup("", t["other"], "", (), orphans))
            return groups
        return [
            ObserverGroup(role.id, role.name, role.id, (), tuple(e for e in responses if e.role_id == role.id))
            for role in self.played_roles
        ]


def build_kit(package: Package, *, language: str | None = None, by: str = "role",
              read_attachment: Callable[[str], bytes] | None = None) -> Kit:
    """Work out every row the kits print from ``package``.

    ``read_attachment(relpath) -> bytes`` reads an attachment (a session's snapshot, say);
    by default it is read from the package folder.
    """
    if by not in GROUPINGS:
        raise KitError(f"the observer kit is grouped by {' or '.join(GROUPINGS)}, not {by!r}")
    lang = language_of(language or package.exercise.language)
    t = kit_labels(lang)
    roles = {role.id: role for role in package.roles}
    objectives = {o.id: o for o in package.exercise.objectives}
    played = tuple(role for role in package.roles if role.played)
    phases = package.exercise.phases

    rows: list[KitInject] = []
    for number, inject in enumerate(sorted(package.injects, key=lambda i: i.at), start=1):
        sender_role = roles.get(inject.sender)
        if inject.to_all:
            recipient_ids = tuple(role.id for role in played)
            recipient_names: tuple[str, ...] = (t["all_played"],)
        else:
            recipient_ids = tuple(inject.to)
            recipient_names = tuple(roles[r].name if r in roles else r for r in inject.to)
        row = KitInject(
            inject=inject,
            number=number,
            scenario_time=package.scenario_time_at(inject.at),
            phase_index=_phase_index(phases, inject.at),
            sender=sender_role.name if sender_role else inject.sender,
            sender_id=sender_role.id if sender_role else "",
            recipient_ids=recipient_ids,
            recipient_names=recipient_names,
            objectives=tuple(objectives[o] for o in inject.objectives if o in objectives),
        )
        for exp in inject.expected:
            due = inject.at + exp.within
            row.expected.append(KitExpected(
                inject=row, role=roles.get(exp.role), role_id=exp.role, action=exp.action,
                within=exp.within, opens_at=inject.at, due_at=due,
                due_scenario=package.scenario_time_at(due), objectives=row.objectives,
            ))
        rows.append(row)

    kit_phases = []
    for index, phase in enumerate(phases):
        kit_phases.append(KitPhase(index, phase.title, phase.at, phase.scenario_time,
                                   tuple(r for r in rows if r.phase_index == index)))
    channels = tuple(dict.fromkeys(i.channel for i in package.injects))
    return Kit(
        package=package,
        language=lang,
        injects=tuple(rows),
        phases=tuple(kit_phases),
        played_roles=played,
        simulated_roles=tuple(role for role in package.roles if not role.played),
        channels=channels,
        glossary=tuple(glossary_for(package, lang)),
        by=by,
        images=attachment_images(package, read_attachment or package_file_reader(package)),
    )


def package_file_reader(package: Package) -> Callable[[str], bytes]:
    """Read an attachment from the package folder, refusing any path the loader would refuse."""

    def read(relpath: str) -> bytes:
        problem = attachment_problem(package.root, relpath)
        if problem:
            raise OSError(f"{relpath} {problem}")
        return (package.root / relpath).read_bytes()

    return read


def attachment_images(package: Package, read: Callable[[str], bytes]) -> dict[str, str]:
    """The picture attachments as data URIs; an unreadable or too big one is left out (its name still prints)."""
    images = {}
    for relpath in dict.fromkeys(a for inject in package.injects for a in inject.attachments):
        mime = IMAGE_TYPES.get(PurePosixPath(relpath).suffix.lower())
        if mime is None:
            continue
        try:
            data = read(relpath)
        except (OSError, KeyError, ValueError, RuntimeError):
            continue
        if len(data) <= MAX_IMAGE_BYTES:
            images[relpath] = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return images


def _phase_index(phases, offset: int) -> int:
    index = 0
    for i, phase in enumerate(phases):
        if phase.at <= offset:
            index = i
    return index


# -- HTML -------------------------------------------------------------------------------

_FRENCH_SPACE_BEFORE = re.compile(r"[ \u00a0]([:;!?»])")
_FRENCH_SPACE_AFTER = re.compile(r"(«)[ \u00a0]")


def french_spacing(text: str) -> str:
    """French typography: a narrow no-break space before « ; : ! ? » and after «, and ’ for '.

    Only ordinary or no-break spaces already typed are replaced: a colon in "10:30" or a
    URL is left alone, and a line never breaks between a word and its colon.
    """
    text = _FRENCH_SPACE_BEFORE.sub(NNBSP + r"\1", text).replace("'", APOSTROPHE)
    return _FRENCH_SPACE_AFTER.sub(r"\1" + NNBSP, text)


_TAG = re.compile(r"(<[^>]*>)")


def french_spacing_html(markup: str) -> Markup:
    """``french_spacing`` on the text of already-safe HTML, never inside its tags."""
    parts = _TAG.split(str(markup))
    return Markup("".join(p if p.startswith("<") else french_spacing(p) for p in parts))


def role_cards(kit: Kit) -> list[Markup]:
    """The played roles' cards, the same markup as the console prints (crisisdesk/report/role_cards.py)."""
    t = kit_labels(kit.language)
    cards = []
    for role in kit.played_roles:
        words = RoleCardWords(
            mission=t["card_mission"], decisions=t["card_decisions"], resources=t["card_resources"],
            contacts=t["card_contacts"], footer=t["card_footer"], kind=t[f"role_kind_{role.kind}"],
        )
        cards.append(Markup(role_card_html(role, kit.exercise, words)))
    return cards


def kit_html(package_or_kit: Package | Kit, kind: str, *, by: str = "role", language: str | None = None,
             read_attachment: Callable[[str], bytes] | None = None) -> str:
    """Render the ``kind`` kit (animateur, observateur, joueur) as one self-contained HTML document."""
    from crisisdesk.report.render import make_environment

    if kind not in KIT_KINDS:
        raise KitError(f"the kits are {', '.join(KIT_KINDS)}, not {kind!r}")
    if isinstance(package_or_kit, Kit):
        kit = package_or_kit
    else:
        kit = build_kit(package_or_kit, language=language, by=by, read_attachment=read_attachment)
    lang = kit.language
    env = make_environment()
    template = env.get_template(TEMPLATE.format(kind=kind))
    fr = lang == "fr"
    return template.render(
        kit=kit,
        ex=kit.exercise,
        kind=kind,
        t=kit_labels(lang),
        lang=lang,
        cards=role_cards(kit) if kind == "joueur" else [],
        groups=kit.observer_groups() if kind == "observateur" else [],
        ratings=("P", "S", "M", "U"),
        # Helpers the templates call (plain functions: the environment is shared with the report).
        hm=lambda seconds: format_offset(seconds, with_seconds=bool(seconds % 60)),
        tplus=lambda seconds: f"T+{format_offset(seconds, with_seconds=bool(seconds % 60))}",
        when=lambda moment: f"{format_short_date(moment, lang)}{NBSP}{moment:%H:%M}",
        clock=lambda moment: f"{moment:%H:%M}",
        scenario_window=lambda start, end: _scenario_window(start, end, lang),
        long_date=lambda moment: format_long_date(moment, lang),
        span=lambda seconds: format_duration(seconds, lang).replace(" ", NBSP),
        typo=(french_spacing if fr else str),
        typo_html=(french_spacing_html if fr else Markup),
        # Markdown images show only the package's picture attachments (crisisdesk/markdown_text.py).
        image_src=lambda source: kit.images.get(source.removeprefix("./")),
    )


def _scenario_window(start: datetime, end: datetime, lang: str) -> str:
    """"22 juin 07:00 → 08:15", or with both days when the window crosses midnight or a jump."""
    first = f"{format_short_date(start, lang)}{NBSP}{start:%H:%M}"
    if end.date() == start.date():
        return f"{first} → {end:%H:%M}"
    return f"{first} → {format_short_date(end, lang)}{NBSP}{end:%H:%M}"


def kit_title(package: Package, kind: str, language: str | None = None) -> str:
    """The document title of a kit: "Kit animateur — <exercise title>" (also the PDF's title)."""
    t = kit_labels(language_of(language or package.exercise.language))
    return f"{t['kit_' + kind]} — {package.exercise.title}"


def kit_file_name(package: Package, kind: str) -> str:
    """``<exercise id>-kit-<kind>.pdf`` (the id is a slug: safe as a file name)."""
    return f"{package.exercise.id}-kit-{kind}.pdf"


def write_kits(package: Package, out_dir: str | Path, *, kinds: Iterable[str] = KIT_KINDS, by: str = "role",
               language: str | None = None, fmt: str = "pdf", progress=None,
               read_attachment: Callable[[str], bytes] | None = None) -> list[Path]:
    """Write the chosen kits of ``package`` into ``out_dir`` as PDF (or HTML); return the files.

    Each file is written through a temporary file, so a failure leaves no half kit.
    ``progress(kind, path)`` is called after each file.
    """
    from crisisdesk.report import write_text_atomically

    kinds = list(kinds)
    for kind in kinds:
        if kind not in KIT_KINDS:
            raise KitError(f"the kits are {', '.join(KIT_KINDS)}, not {kind!r}")
    if fmt not in ("pdf", "html"):
        raise KitError(f"a kit is written as pdf or html, not {fmt!r}")
    kit = build_kit(package, language=language, by=by, read_attachment=read_attachment)
    folder = Path(out_dir)
    written = []
    for kind in kinds:
        html = kit_html(kit, kind)
        out = folder / kit_file_name(package, kind)
        if fmt == "html":
            out = out.with_suffix(".html")
            write_text_atomically(out, html)
        else:
            _write_pdf(html, out, kit_title(package, kind, kit.language))
        written.append(out)
        if progress is not None:
            progress(kind, out)
    return written


def _write_pdf(html: str, out: Path, title: str) -> None:
    """Print ``html`` to ``out`` through a temporary file, titled ``title`` in its metadata."""
    from crisisdesk.report import REPORT_FILE_MODE
    from crisisdesk.report.pdf import render_pdf
    from crisisdesk.report.pdf_title import set_pdf_title

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".pdf", dir=out.parent)
    os.close(fd)
    try:
        render_pdf(html, tmp)
        set_pdf_title(tmp, title)
        os.chmod(tmp, REPORT_FILE_MODE)
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
