"""Read one YAML file of a package into nodes that remember their line, safely.

Files are composed, never constructed: PyYAML builds a tree of nodes (each with its
source position and its text as written) and no tag can create a Python object. The
schema code then reads values from the nodes itself, which also lets it see what was
actually typed (``1:05`` stays ``1:05`` instead of YAML 1.1's sexagesimal 65).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from crisisdesk.package.problems import Problem

try:  # libyaml's parser is several times faster; the pure-Python one gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # same nodes, slower parser

__all__ = [
    "MAX_EXPANDED_CHARS",
    "MAX_FILE_BYTES",
    "MAX_LIST_ITEMS",
    "MAX_NODES",
    "YAML_TAG",
    "MappingNode",
    "Node",
    "ScalarNode",
    "SequenceNode",
    "line_of",
    "parse_yaml",
    "read_yaml",
]

# A real package file is a few hundred kilobytes at most; anything bigger is a mistake
# and would only make the app hang at start-up.
MAX_FILE_BYTES = 5 * 1024 * 1024
# Aliases (*name) repeat a node without repeating its text, so a small file can stand
# for gigabytes of data once read (the "billion laughs"). Every limit below counts an
# alias as the whole node it repeats. The bundled Paris exercise's msel.yaml holds
# 2,500 values (61,000 characters); the benchmarks' 2,000-inject one, 76,000 values
# (2.8 million characters, 5 s to validate): the limits leave three times that.
MAX_NODES = 250_000  # values (texts, lists, mappings) in one file, expanded
MAX_LIST_ITEMS = 10_000  # items in one list, or fields in one mapping
MAX_EXPANDED_CHARS = 2 * MAX_FILE_BYTES  # characters of text in one file, expanded

YAML_TAG = "tag:yaml.org,2002:"
# Tags a plain data file produces by itself; explicit ones such as !!python/object,
# !!binary or !!set are refused so a package is always plain data.
_ALLOWED_TAGS = frozenset(
    YAML_TAG + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
)
# Where an explicit tag could start: "!" after a separator and before a non-space.
_MAYBE_TAG = re.compile(r"(?:^|[\s\[{,:\-])![^\s]", re.MULTILINE)


def line_of(node: Node) -> int:
    """Return the 1-based line where ``node`` starts."""
    return node.start_mark.line + 1


class _TextLoader(_Loader):
    """Resolves a plain scalar only as text or null: for readers that keep what was typed.

    The stock resolver tries YAML's type patterns on every scalar in Python (a third of
    the time on a 2,000-inject msel.yaml); the editor's document only tells null from text.
    Explicit tags are not resolved here and still reach the tag check below.
    """

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if implicit[0] and value in _NULL_TEXTS:
                return YAML_TAG + "null"
            return YAML_TAG + "str"
        return super().resolve(kind, value, implicit)


_NULL_TEXTS = frozenset(("", "~", "null", "Null", "NULL"))


def read_yaml(path: Path, label: str, *, texts_only: bool = False) -> tuple[Node | None, list[Problem]]:
    """Compose the YAML file at ``path``; return its root node or the problems found.

    ``texts_only``: plain scalars get only the tags ``str`` or ``null`` (faster; for the
    editor, which reads values as written, never their YAML types).

    ``label`` is the file name used in messages. The root is None when the file cannot
    be read, is empty, or is not valid YAML; the problems then say why.
    """

    def problem(message: str, line: int | None = None) -> tuple[None, list[Problem]]:
        return None, [Problem(label, line, message)]

    try:
        if path.is_symlink():
            # The package is copied into the session file: a link could pull in any file of the laptop.
            return problem("is a symbolic link; copy the file into the package folder instead")
        if not path.exists():
            return problem("file is missing (a package folder holds exercise.yaml, roles.yaml and msel.yaml)")
        if not path.is_file():
            return problem("is not a regular file")
        size = path.stat().st_size
    except OSError as exc:
        return problem(f"cannot be read: {exc.strerror or exc}")
    if size > MAX_FILE_BYTES:
        return problem(
            f"file is too big ({size / 1_048_576:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1_048_576} MB): is it really a package file?"
        )
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return problem(f"cannot be read: {exc.strerror or exc}")
    if len(raw) > MAX_FILE_BYTES:  # grew since stat()
        return problem(f"file is too big (the limit is {MAX_FILE_BYTES // 1_048_576} MB)")
    return parse_yaml(raw, label, texts_only=texts_only)


def parse_yaml(raw: bytes, label: str, *, texts_only: bool = False) -> tuple[Node | None, list[Problem]]:
    """Compose the YAML document in ``raw`` (the bytes of a package file); see ``read_yaml``."""

    def problem(message: str, line: int | None = None) -> tuple[None, list[Problem]]:
        return None, [Problem(label, line, message)]

    if len(raw) > MAX_FILE_BYTES:
        return problem(f"file is too big ({len(raw) / 1_048_576:.1f} MB; the limit is "
                       f"{MAX_FILE_BYTES // 1_048_576} MB): is it really a package file?")
    if not raw.strip():
        return problem("file is empty")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return problem(
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be read); "
            "save the file with the UTF-8 encoding",
            raw.count(b"\n", 0, exc.start) + 1,
        )
    try:
        root = yaml.compose(text, Loader=_TextLoader if texts_only else _Loader)
    except yaml.MarkedYAMLError as exc:
        return problem(_syntax_message(exc, text), _error_line(exc))
    except yaml.reader.ReaderError as exc:
        where = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        return problem(f"YAML syntax error: character #x{exc.character:04X} is not allowed", where)
    except yaml.YAMLError as exc:
        return problem(f"YAML syntax error: {exc}")
    except RecursionError:
        return problem("YAML syntax error: the data is nested too deeply")
    if root is None:
        return problem("file is empty (only comments or blank lines)")
    too_big = _expansion_problem(root, label)
    if too_big is not None:
        return None, [too_big]
    if "!" in text and _MAYBE_TAG.search(text):  # walking every node costs; most files hold no "!" tag at all
        tag_problems = [
            Problem(label, line_of(node), f"tag '{_short_tag(node.tag)}' is not allowed: a package holds plain data")
            for node in _walk(root)
            if node.tag not in _ALLOWED_TAGS
        ]
        if tag_problems:
            return None, tag_problems
    return root, []


def _walk(root: Node):
    """Yield every distinct node once (aliases may share nodes or even form cycles)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def _expansion_problem(root: Node, label: str) -> Problem | None:
    """Refuse data that is too big once its aliases are expanded, or that contains itself.

    Sizes are computed once per distinct node (a shared node keeps its total), in a
    walk without recursion, so the check costs the file's size, not its expansion.
    The problem names the smallest list or mapping over a limit: where the repetition is.
    """
    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (values, characters), expanded
    uses: dict[int, tuple[Node, int]] = {}  # id(node) -> (node, how many parents name it): >1 is an alias
    open_nodes: set[int] = set()  # on the current path: meeting one again is a cycle
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if isinstance(node, ScalarNode):
            sizes[key] = (1, len(node.value))
            continue
        children = _children(node)
        if not children_done:
            if key in sizes:
                continue
            if len(children) > MAX_LIST_ITEMS:
                what = "list" if isinstance(node, SequenceNode) else "mapping"
                return Problem(label, line_of(node),
                               f"this {what} holds {len(children):,} items; the limit is {MAX_LIST_ITEMS:,}")
            open_nodes.add(key)
            stack.append((node, True))
            for child in children:
                uses[id(child)] = (child, uses.get(id(child), (child, 0))[1] + 1)
                if id(child) in open_nodes:
                    return Problem(label, line_of(node),
                                   f"an alias repeats the {_kind(child)} at line {line_of(child)} inside itself; "
                                   "a package holds plain data, write the values out")
                if id(child) not in sizes:
                    stack.append((child, False))
            continue
        open_nodes.discard(key)
        values, chars = 1, 0
        for child in children:
            child_values, child_chars = sizes[id(child)]
            values += child_values
            chars += child_chars
        sizes[key] = (values, chars)
        if values > MAX_NODES or chars > MAX_EXPANDED_CHARS:
            by_values = values > MAX_NODES
            amount = f"{values:,} values" if by_values else f"{chars:,} characters of text"
            limit = f"{MAX_NODES:,} values" if by_values else f"{MAX_EXPANDED_CHARS:,} characters"
            message = (f"this {_kind(node)} stands for {amount} once its aliases (*name) are expanded; "
                       f"the limit is {limit} per file")
            # Name what is repeated: the biggest node that several places name.
            repeated = [(shared, count) for shared, count in uses.values() if count > 1 and id(shared) in sizes]
            if repeated:
                shared, count = max(repeated, key=lambda pair: sizes[id(pair[0])][0 if by_values else 1] * pair[1])
                message += (f" (the {_kind(shared)} at line {line_of(shared)} is repeated {count:,} times, "
                            f"{sizes[id(shared)][0]:,} values each)")
            return Problem(label, line_of(node), message)
    return None


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _kind(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "list"
    if isinstance(node, MappingNode):
        return "mapping"
    return "text"


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


def _error_line(exc: yaml.MarkedYAMLError) -> int | None:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else None


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    parts = []
    if exc.context:
        context = exc.context
        if exc.context_mark is not None and exc.problem_mark is not None and (
            exc.context_mark.line != exc.problem_mark.line
        ):
            context += f" started at line {exc.context_mark.line + 1}"
        parts.append(context)
    if exc.problem:
        parts.append(exc.problem)
    message = "YAML syntax error: " + ", ".join(parts)
    hint = _syntax_hint(exc, text)
    return f"{message} ({hint})" if hint else message


def _syntax_hint(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or ""
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return 'a text containing ": " must be quoted, or the indentation is wrong'
    if "found undefined alias" in problem:
        return "an *alias names an &anchor defined before it"
    if "expected '-' indicator" in problem or "expected key" in problem:
        return "check the indentation and the - of list items"
    return ""
