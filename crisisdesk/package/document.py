"""An exercise package open for editing: its data, the changes made to it, its files.

The editor never edits a :class:`~crisisdesk.package.model.Package` (frozen, valid by
construction): it edits a :class:`PackageDocument`, the three files' plain data (texts as
written, lists, mappings) that may be incomplete or wrong while the author types. Every
change is an operation (:meth:`PackageDocument.apply`) that returns its inverse, so the UI
can undo and redo anything. :meth:`check` runs exactly the checks of ``crisisdesk
validate`` on the unsaved text; :meth:`save` writes only what changed, readably.

Saving keeps the author's file: an inject or role nobody touched is written back as the
very bytes it had (comments and blank lines included), and a changed one goes through
ruamel.yaml, which keeps its comments, key order and quoting (see roundtrip.py).
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crisisdesk.package import roundtrip
from crisisdesk.package.loader import (
    EXERCISE_FILE,
    MSEL_FILE,
    PACKAGE_FILES,
    ROLES_FILE,
    validate_package,
)
from crisisdesk.package.model import FORMAT, Package
from crisisdesk.package.problems import Problem
from crisisdesk.package.writer import write_package_texts
from crisisdesk.package.yamlsource import MappingNode, Node, ScalarNode, SequenceNode, read_yaml
from crisisdesk.timefmt import format_offset

__all__ = [
    "MISSING",
    "SECTIONS",
    "DocumentError",
    "PackageDocument",
    "create_package",
    "slugify",
]

# The three parts of a document and the file each one is written to.
SECTIONS = {"exercise": EXERCISE_FILE, "roles": ROLES_FILE, "msel": MSEL_FILE}
FILE_SECTION = {name: section for section, name in SECTIONS.items()}
ROOT_KIND = {"exercise": "exercise", "roles": "role", "msel": "inject"}

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()  # a field absent from its record
_RAISE: Any = object()

Path_ = tuple  # ("msel", 3, "title"): section, then keys and list indexes
Op = tuple  # ("set", path, value) | ("insert", path, value) | ("remove", path)


class DocumentError(Exception):
    """A file of the package cannot be opened for editing (missing, or not YAML at all)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def plain(node: Node) -> Any:
    """The node's data as written: every scalar is its text ('' for an empty value), copies never shared."""
    if isinstance(node, ScalarNode):
        if node.tag.endswith(":null") and node.style is None:
            return ""
        return node.value
    if isinstance(node, SequenceNode):
        return [plain(item) for item in node.value]
    if isinstance(node, MappingNode):
        return {plain(key): plain(value) for key, value in node.value}
    return ""


@dataclass
class _Chunk:
    """One top-level item of a list file, as written (with the comments just before it)."""

    obj: Any  # the live data object (held so its id() stays unique)
    lead: str
    text: str
    original: Any


@dataclass
class FileSource:
    """What one file said when it was opened or last saved."""

    name: str
    text: str | None  # None: a file not written yet
    original: Any = None
    head: str = ""
    tail: str = ""
    chunks: dict[int, _Chunk] | None = None
    default_lead: str = ""

    @classmethod
    def parse(cls, name: str, text: str, node: Node, data: Any) -> FileSource:
        source = cls(name, text, clone(data))
        if isinstance(data, list) and isinstance(node, SequenceNode) and data:
            source._split(text, node, data, source.original)
        return source

    def _split(self, text: str, node: SequenceNode, data: list, originals: list) -> None:
        lines = text.splitlines(True)
        starts = [item.start_mark.line for item in node.value]
        for line in starts:
            if line >= len(lines) or not re.match(r"-( |$)", lines[line]):
                return  # items not written as "- " at column 0: rewrite the whole file
        if len(set(starts)) != len(starts) or starts != sorted(starts):
            return
        bodies = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)], strict=True)]
        head = "".join(lines[: starts[0]])
        leads, texts = [], []
        carry = ""
        for body in bodies:
            cut = len(body)
            while cut > 1 and (not body[cut - 1].strip() or body[cut - 1].startswith("#")):
                cut -= 1
            leads.append(carry)
            texts.append("".join(body[:cut]))
            carry = "".join(body[cut:])
        self.head, self.tail = head, carry
        self.chunks = {  # the originals are never changed: the chunks share the file's copy
            id(obj): _Chunk(obj, lead, body, original)
            for obj, lead, body, original in zip(data, leads, texts, originals, strict=True)
        }
        blank = sum(1 for lead in leads[1:] if lead == "\n")
        self.default_lead = "\n" if blank * 2 >= len(leads) - 1 and len(leads) > 1 else ""

    def adopt(self, data: Any) -> None:
        """Tie the items of ``data`` (a recovery copy) to the written items with the same id."""
        if self.chunks is None or not isinstance(data, list):
            return
        free: dict[Any, list[_Chunk]] = {}
        for chunk in self.chunks.values():
            if isinstance(chunk.obj, dict):
                free.setdefault(repr(chunk.obj.get("id")), []).append(chunk)
        chunks: dict[int, _Chunk] = {}
        for obj in data:
            candidates = free.get(repr(obj.get("id"))) if isinstance(obj, dict) else None
            if candidates:
                chunk = candidates.pop(0)
                chunk.obj = obj
                chunks[id(obj)] = chunk
        self.chunks = chunks

    def render(self, data: Any, kind: str) -> str:
        if self.text is not None and data == self.original:
            return self.text
        if self.text is None:
            return roundtrip.dump(roundtrip.fresh_value(None, data, kind) if isinstance(data, list)
                                  else roundtrip.fresh_record(data, kind))
        if self.chunks is not None and isinstance(data, list):
            try:
                return self._render_chunks(data, kind)
            except _WholeFileNeeded:
                pass
        tree = roundtrip.load(self.text)
        tree = roundtrip.merge_into(tree, self.original, data, kind)
        return roundtrip.dump(tree)

    def _render_chunks(self, data: list, kind: str) -> str:
        kept, tail = self._orphan_comments(data)
        parts = [self.head]
        for obj in data:
            chunk = self.chunks.get(id(obj))
            if chunk is not None and chunk.obj is obj:
                body = chunk.text if obj == chunk.original else _rewrite(chunk, obj, kind)
                lead = kept.get(id(obj), "") + chunk.lead
            else:
                body = roundtrip.dump([roundtrip.fresh_value(None, obj, kind) if isinstance(obj, dict) else obj])
                lead = self.default_lead if len(parts) > 1 else ""
            if parts[-1] and not parts[-1].endswith("\n"):
                parts.append("\n")
            parts.append(lead)
            parts.append(body)
        tail = tail + self.tail
        if parts[-1] and not parts[-1].endswith("\n") and tail:
            parts.append("\n")
        parts.append(tail)
        return "".join(parts)

    def _orphan_comments(self, data: list) -> tuple[dict[int, str], str]:
        """Comments written before a deleted item that are not its own, and where they now go.

        The comment lines just above an item, with no blank line between them and it, are
        the item's own and go with it. A block separated from it by a blank line (a section
        title such as "# Phase 2 — J+1") belongs to what follows: it is kept, before the
        next item of the file that is still there, or at the end of the file.
        """
        present = {id(obj) for obj in data}
        kept: dict[int, str] = {}
        carry = ""
        for key, chunk in self.chunks.items():  # in the file's order
            if id(chunk.obj) in present:
                if carry:
                    kept[key] = carry
                    carry = ""
            else:
                carry += _detached_comments(chunk.lead)
        return kept, carry


def _detached_comments(lead: str) -> str:
    """The part of an item's lead that is separated from it by a blank line, if it holds a
    comment (without its last blank lines: the next item's own lead supplies the spacing)."""
    lines = lead.splitlines(True)
    blanks = [index for index, line in enumerate(lines) if not line.strip()]
    if not blanks:
        return ""
    detached = lines[: blanks[-1] + 1]
    if not any(line.lstrip().startswith("#") for line in detached):
        return ""
    while detached and not detached[-1].strip():
        detached.pop()
    return "".join(detached)


class _WholeFileNeeded(Exception):
    pass


def _rewrite(chunk: _Chunk, obj: Any, kind: str) -> str:
    try:
        tree = roundtrip.load(chunk.text)
    except Exception as exc:  # e.g. an alias to an anchor in another item
        raise _WholeFileNeeded from exc
    if not isinstance(tree, list) or len(tree) != 1:
        raise _WholeFileNeeded
    tree[0] = roundtrip.merge_into(tree[0], chunk.original, obj, kind)
    return roundtrip.dump(tree)


@dataclass
class PackageDocument:
    """The editable data of one package folder, with the files it came from."""

    root: Path
    data: dict[str, Any]
    sources: dict[str, FileSource]
    about_to_apply: list[Callable[[Op], None]] = field(default_factory=list)
    applied: list[Callable[[Op], None]] = field(default_factory=list)

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, root: str | Path, overlay: dict[str, str] | None = None) -> PackageDocument:
        """Open the package at ``root`` for editing.

        ``overlay`` gives file texts to edit instead of the files' own (a recovery copy):
        the files still say what is unchanged, so saving keeps their bytes.
        """
        root = Path(root)
        data: dict[str, Any] = {}
        sources: dict[str, FileSource] = {}
        problems: list[Problem] = []
        for section, name in SECTIONS.items():
            label = str(root / name)
            node, found = read_yaml(root / name, label, texts_only=True)
            if node is None:
                problems.extend(found)
                continue
            text = _read_text(root / name)
            value = _checked_plain(node, label, problems)
            sources[section] = FileSource.parse(name, text, node, value)
            data[section] = value
            if overlay and name in overlay:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / name
                    path.write_text(overlay[name], encoding="utf-8")
                    node, found = read_yaml(path, label, texts_only=True)
                if node is None:
                    problems.extend(found)
                    continue
                data[section] = _checked_plain(node, label, problems)
                sources[section].adopt(data[section])
        expected = {"exercise": dict, "roles": list, "msel": list}
        for section, kind in expected.items():
            if section in data and not isinstance(data[section], kind):
                what = "a mapping (key: value lines)" if kind is dict else "a list (lines starting with '- ')"
                problems.append(Problem(str(root / SECTIONS[section]), 1, f"must be {what} to be edited here"))
        if problems:
            raise DocumentError(problems)
        return cls(root=root, data=data, sources=sources)

    # -- reading -----------------------------------------------------------------

    def get(self, path: Path_, default: Any = _RAISE) -> Any:
        """The value at ``path``; ``default`` if there is none (KeyError/IndexError if no default)."""
        node: Any = self.data
        try:
            for step in path:
                node = node[step]
        except (KeyError, IndexError, TypeError):
            if default is _RAISE:
                raise
            return default
        return node

    @property
    def exercise(self) -> dict:
        return self.data["exercise"]

    @property
    def roles(self) -> list[dict]:
        return self.data["roles"]

    @property
    def injects(self) -> list[dict]:
        return self.data["msel"]

    # -- changing ----------------------------------------------------------------

    def apply(self, op: Op) -> Op:
        """Make one change; return the change that undoes it."""
        for listener in list(self.about_to_apply):
            listener(op)
        kind, path = op[0], op[1]
        container = self.get(path[:-1])
        key = path[-1]
        if kind == "set":
            value = op[2]
            old = container[key] if _has(container, key) else MISSING
            if value is MISSING:
                if old is not MISSING:
                    del container[key]
            else:
                container[key] = value
            inverse: Op = ("set", path, old)
        elif kind == "insert":
            container.insert(key, op[2])
            inverse = ("remove", path)
        elif kind == "remove":
            inverse = ("insert", path, container.pop(key))
        else:
            raise ValueError(f"unknown operation {kind!r}")
        for listener in list(self.applied):
            listener(op)
        return inverse

    @property
    def modified(self) -> bool:
        return any(self.data[s] != self.sources[s].original or self.sources[s].text is None for s in SECTIONS)

    # -- text, checks, saving ----------------------------------------------------

    def text(self, section: str) -> str:
        return self.sources[section].render(self.data[section], ROOT_KIND[section])

    def texts(self) -> dict[str, str]:
        return {SECTIONS[section]: self.text(section) for section in SECTIONS}

    def check(self) -> tuple[Package | None, list[Problem]]:
        """The checks of ``crisisdesk validate`` on the document as it is now (saved or not)."""
        return check_texts(self.root, self.texts())

    def save(self) -> list[str]:
        """Write the files that changed (each to a temporary name, then renamed); return their names."""
        texts = self.texts()
        changed = {
            name: text for name, text in texts.items()
            if self.sources[FILE_SECTION[name]].text != text
        }
        write_package_texts(self.root, changed)
        for name in changed:
            section = FILE_SECTION[name]
            node, problems = read_yaml(self.root / name, name, texts_only=True)
            if node is None:  # cannot happen for text we produced; keep the old source then
                continue
            self.sources[section] = FileSource.parse(name, texts[name], node, self.data[section])
        return list(changed)

    # -- finding what a problem is about ----------------------------------------

    def locate(self, problem: Problem) -> Path_ | None:
        """The path of the field a problem (from :meth:`check`) is about, as near as the line tells."""
        section = FILE_SECTION.get(Path(problem.file).name)
        if section is None or not problem.line:
            return (section,) if section else None
        lines = self.text(section).splitlines()
        return locate_line(section, lines, problem.line - 1)


def check_texts(root: Path, texts: dict[str, str]) -> tuple[Package | None, list[Problem]]:
    """Validate the package at ``root`` as if its files held ``texts``; safe to run on a worker thread."""
    with tempfile.TemporaryDirectory(prefix="crisisdesk-check-") as tmp:
        files = {}
        for name, text in texts.items():
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            files[name] = path
        return validate_package(root, files=files)


def clone(value: Any) -> Any:
    """A copy of plain data (texts, lists, mappings): many times faster than copy.deepcopy."""
    if isinstance(value, dict):
        return {key: clone(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clone(item) for item in value]
    return value


def locate_line(section: str, lines: list[str], index: int) -> Path_:
    """Path of the field written at line ``index`` (0-based) of a package file's text."""
    index = min(max(index, 0), len(lines) - 1) if lines else 0
    if section in ("roles", "msel"):
        item = -1
        item_line = 0
        for number, line in enumerate(lines[: index + 1]):
            if re.match(r"-( |$)", line):
                item += 1
                item_line = number
        if item < 0:
            return (section,)
        key = _key_above(lines, item_line, index, indent=2)
        return (section, item, key) if key else (section, item)
    # exercise.yaml: a top-level key, perhaps an item of one of its lists, perhaps a field of it
    top = None
    top_line = 0
    for number, line in enumerate(lines[: index + 1]):
        match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if match:
            top, top_line = match.group(1), number
    if top is None:
        return (section,)
    item = -1
    item_line = top_line
    dash_indent = None
    for number in range(top_line + 1, index + 1):
        match = re.match(r"( *)- ", lines[number])
        if match and (dash_indent is None or len(match.group(1)) == dash_indent):
            dash_indent = len(match.group(1))
            item += 1
            item_line = number
    if item < 0:
        return (section, top)
    key = _key_above(lines, item_line, index, indent=dash_indent + 2)
    return (section, top, item, key) if key else (section, top, item)


def _key_above(lines: list[str], first: int, index: int, indent: int) -> str | None:
    """The key of the field at ``indent`` that line ``index`` belongs to, within the item at ``first``."""
    for number in range(index, first - 1, -1):
        line = lines[number]
        if number == first:
            match = re.match(r" *- *([A-Za-z_][\w-]*)\s*:", line)
        elif len(line) - len(line.lstrip(" ")) == indent:
            match = re.match(r" *([A-Za-z_][\w-]*)\s*:", line)
        else:
            match = None
        if match:
            return match.group(1)
    return None


def _has(container: Any, key: Any) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(key, int) and -len(container) <= key < len(container)


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8")


def _checked_plain(node: Node, label: str, problems: list[Problem]) -> Any:
    try:
        return plain(node)
    except RecursionError:
        problems.append(Problem(label, None, "is nested too deeply to be edited"))
        return None


# -- new packages ----------------------------------------------------------------


def slugify(text: str) -> str:
    """A package id from a title: 'Paris à 50 °C' -> 'paris-a-50-c'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "exercice"


def create_package(
    root: str | Path,
    *,
    title: str,
    language: str,
    scenario_start: datetime,
    duration: int,
    startex: datetime | None = None,
) -> PackageDocument:
    """Write a new, runnable package in the empty folder ``root`` and open it for editing.

    It holds what the format requires and nothing more: one phase, one directorate at the
    table, the animation team, and a first inject (DEBEX) so the author starts from
    something that runs. The planned STARTEX has no field in crisisdesk/1; it is kept as a
    comment at the top of exercise.yaml.
    """
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty: choose a new folder for the package")
    french = language == "fr"
    exercise = {
        "format": FORMAT,
        "id": slugify(root.name if root.name else title),
        "title": title.strip(),
        "language": language,
        "summary": ("Exercice de crise : à décrire.\n" if french else "Crisis exercise: to be described.\n"),
        "duration": format_offset(duration, with_seconds=False),
        "phases": [{
            "at": "0:00",
            "title": "Phase 1",
            "scenario_time": scenario_start.strftime("%Y-%m-%dT%H:%M:%S"),
            "scale": "1",
        }],
        "indicators": [],
        "objectives": [],
    }
    roles = [
        {"id": "DIR", "name": "Direction de crise" if french else "Crisis management",
         "kind": "directorate", "mission": "À décrire." if french else "To be described.",
         "decisions": [], "resources": []},
        {"id": "ANIM", "name": "Cellule d'animation" if french else "Exercise control",
         "kind": "simulated", "mission": "Jouer les interlocuteurs absents." if french else "Play everyone else."},
    ]
    msel = [{
        "id": "I01", "at": "0:00",
        "title": "Début de l'exercice" if french else "Start of the exercise",
        "from": "ANIM", "to": "all", "channel": "face",
        "body": "**EXERCICE EXERCICE EXERCICE**\n" if french else "**EXERCISE EXERCISE EXERCISE**\n",
    }]
    header = ""
    if startex is not None:
        when = startex.strftime("%Y-%m-%d %H:%M")
        header = f"# STARTEX prévu : {when}\n" if french else f"# Planned STARTEX: {when}\n"
    texts = {
        EXERCISE_FILE: header + roundtrip.dump(roundtrip.fresh_record(exercise, "exercise")),
        ROLES_FILE: roundtrip.dump([roundtrip.fresh_record(r, "role") for r in roles]),
        MSEL_FILE: roundtrip.dump([roundtrip.fresh_record(i, "inject") for i in msel]),
    }
    root.mkdir(parents=True, exist_ok=True)
    (root / "media").mkdir(exist_ok=True)
    write_package_texts(root, texts)
    return PackageDocument.open(root)


assert set(SECTIONS.values()) == set(PACKAGE_FILES)
