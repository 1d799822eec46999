"""Typed reading of YAML nodes, reporting each problem as ``file:line: message``.

A :class:`Record` is one YAML mapping checked against the keys it may hold; its
accessors return Python values (or None when the value is unusable, after recording
why). Values are read from the text as written, so YAML 1.1's implicit types never
change what the author typed: ``NO`` stays the role id ``NO``, ``1:05`` stays a time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from crisisdesk.package.problems import Problem
from crisisdesk.package.yamlsource import (
    YAML_TAG,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    line_of,
)
from crisisdesk.timefmt import format_offset, parse_offset

_DECIMAL_INT = re.compile(r"^[-+]?[0-9]+$")
_DECIMAL_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_EXPONENT = re.compile(r"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+$")

# Numbers in a package are indicator values and scales: fifteen digits is more than
# any of them needs and what a float holds exactly.
MAX_NUMBER_DIGITS = 15
MAX_NUMBER = 10.0**MAX_NUMBER_DIGITS
# Exercise times: a few hours, a few days at most; 999 hours keeps every date the
# scenario clock computes inside the calendar.
MAX_HOURS = 999
_HOURS = re.compile(r"^-?(\d+):")
# Scenario date-times are local to the exercise's time zone: one written with an offset
# would silently mean another hour, so it is refused with its own message.
LOCAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$")
ZONED_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[-+]\d{2}(?::?\d{2})?)$")

Number = int | float


# Past this many errors in one file, reading it stops: the rest would only bury them.
MAX_ERRORS_PER_FILE = 100


class TooManyErrors(Exception):
    """Raised by :meth:`Report.error` when a file has reached MAX_ERRORS_PER_FILE."""


class Report:
    """The problems found in one file of a package."""

    def __init__(self, label: str):
        self.label = label
        self.problems: list[Problem] = []
        self.errors = 0

    def error(self, where: Node | int | None, message: str) -> None:
        self.problems.append(Problem(self.label, _line(where), message))
        self.errors += 1
        if self.errors >= MAX_ERRORS_PER_FILE:
            self.problems.append(
                Problem(self.label, _line(where), f"{self.errors} errors: stopped reading this file here")
            )
            raise TooManyErrors

    def warning(self, where: Node | int | None, message: str) -> None:
        self.problems.append(Problem(self.label, _line(where), message, warning=True))


def _line(where: Node | int | None) -> int | None:
    return line_of(where) if isinstance(where, Node) else where


def hm(seconds: int) -> str:
    """An exercise time for a message: "1:05", with seconds only when it has some."""
    return format_offset(seconds, with_seconds=bool(seconds % 60))


def show(value: object, limit: int = 40) -> str:
    """Quote a value for a message, shortened to ``limit`` characters."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return '"' + text.replace("\n", "\\n") + '"'
    return str(value)


def describe(node: Node) -> str:
    """Say what a node holds, for 'expected X, got Y' messages."""
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    if is_null(node):
        return "nothing"
    return show(node.value)


def is_plain(node: Node) -> bool:
    """True for an unquoted scalar, whose type YAML guesses from its text."""
    return isinstance(node, ScalarNode) and not node.style


def is_null(node: Node) -> bool:
    """True for an empty value (``key:`` alone, ``~`` or ``null``)."""
    return is_plain(node) and node.tag == YAML_TAG + "null"


def did_you_mean(word: str, choices: Iterable[str], *, list_up_to: int = 12) -> str:
    """Return `` (did you mean 'x'?)`` for the closest choice.

    Without a close one, list the choices if there are at most ``list_up_to``;
    otherwise return an empty string.
    """
    import difflib  # only when a message needs it

    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        folded = {choice.casefold(): choice for choice in choices}
        close = [folded[word.casefold()]] if word.casefold() in folded else []
    if close:
        return f" (did you mean '{close[0]}'?)"
    if choices and len(choices) <= list_up_to:
        return f" (expected one of: {', '.join(choices)})"
    return ""


def number_of(node: Node) -> Number | None:
    """Return the number an unquoted scalar spells in plain decimal, else None.

    None too for a number out of bounds (see ``number_problem``), so nobody computes with it.
    """
    if not is_plain(node):
        return None
    text = node.value.replace("_", "")  # YAML 1.1 allows 1_000
    if node.tag == YAML_TAG + "int" and _DECIMAL_INT.match(text):
        if len(text.lstrip("+-")) > MAX_NUMBER_DIGITS:  # before int(): Python refuses 4,300 digits
            return None
        return int(text)
    # YAML 1.1 reads 1e3 (no dot) as text; YAML 1.2 and every author read it as a number.
    if (node.tag == YAML_TAG + "float" or _EXPONENT.match(text)) and _DECIMAL_FLOAT.match(text):
        value = float(text)
        return value if math.isfinite(value) and abs(value) <= MAX_NUMBER else None
    return None


def number_problem(node: Node) -> str | None:
    """Say why an unquoted number is refused (it is too large), or None."""
    if not is_plain(node) or number_of(node) is not None:
        return None
    text = node.value.replace("_", "")
    if _DECIMAL_INT.match(text) or _DECIMAL_FLOAT.match(text):
        return f"{show(node.value, 24)} is too large a number (at most {MAX_NUMBER_DIGITS} digits)"
    return None


def read_time(report: Report, node: Node, subject: str) -> int | None:
    """Return the seconds of a ``"H:MM"``/``"H:MM:SS"`` scalar, or report why not."""
    if not isinstance(node, ScalarNode) or is_null(node):
        report.error(node, f'{subject}: expected a time "H:MM" or "H:MM:SS", got {describe(node)}')
        return None
    text = node.value.strip()
    hours = _HOURS.match(text)
    if hours and len(hours.group(1)) > len(str(MAX_HOURS)):
        report.error(node, f"{subject}: {show(text, 24)} is longer than an exercise can last "
                           f"(at most {MAX_HOURS}:59:59)")
        return None
    # An unquoted 1:05 is read from its text, not from YAML 1.1's sexagesimal 65.
    try:
        return parse_offset(text)
    except ValueError:
        pass
    if text.startswith("-"):
        try:
            parse_offset(text[1:])
        except ValueError:
            pass
        else:
            report.error(node, f"{subject}: {show(text)} is negative; exercise times count from STARTEX (0:00)")
            return None
    if number_of(node) is not None:
        report.error(
            node,
            f'{subject}: {text} is not a time; write it "H:MM" or "H:MM:SS" in quotes, '
            'e.g. "0:10" for ten minutes',
        )
        return None
    report.error(node, f'{subject}: {show(text)} is not a time of the form "H:MM" or "H:MM:SS"')
    return None


class Record:
    """One YAML mapping of a package, checked against the keys it may hold.

    ``subject`` names the thing in messages ("inject #3"); with ``kind``, a record that
    has an ``id`` is named by it instead ("inject I03"). Unknown keys, duplicate keys
    and missing required keys are reported when the record is built.
    """

    def __init__(
        self,
        report: Report,
        node: Node,
        subject: str,
        *,
        required: Sequence[str],
        optional: Sequence[str] = (),
        kind: str | None = None,
    ):
        self.report = report
        self.node = node
        self.subject = subject
        self.values: dict[str, Node] = {}
        self.ok = isinstance(node, MappingNode)
        if not self.ok:
            report.error(node, f"{subject}: expected a mapping of fields, got {describe(node)}")
            return
        if kind is not None:
            # Name the record by its id in every message, including missing fields.
            ident = next(
                (v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "id"), None
            )
            if isinstance(ident, ScalarNode) and ident.value.strip() and "\n" not in ident.value:
                self.subject = f"{kind} {ident.value.strip()}"
                subject = self.subject
        known = list(required) + list(optional)
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key == "<<":
                report.error(key_node, f"{subject}: YAML merge keys (<<) are not supported; write the fields out")
            elif key is None:
                report.error(key_node, f"{subject}: a field name must be a plain word")
            elif key in first_line:
                report.error(
                    key_node,
                    f"{subject}: field '{key}' appears twice (first at line {first_line[key]})",
                )
            elif key not in known:
                first_line[key] = line_of(key_node)
                report.error(key_node, f"{subject}: unknown field '{key}'{did_you_mean(key, known)}")
            else:
                first_line[key] = line_of(key_node)
                self.values[key] = value_node
        for key in required:
            if key not in self.values and key not in first_line:
                self.error(None, f"missing required field '{key}'")

    # -- reporting ---------------------------------------------------------------

    def line(self, key: str | None = None) -> int | None:
        """The line of ``key``'s value, or of the record itself."""
        node = self.values.get(key) if key else None
        node = node if node is not None else self.node
        return line_of(node)

    def error(self, key: str | None, message: str, node: Node | None = None) -> None:
        where = node if node is not None else self.line(key)
        prefix = f"{self.subject} field '{key}'" if key else self.subject
        self.report.error(where, f"{prefix}: {message}")

    def warning(self, key: str | None, message: str, node: Node | None = None) -> None:
        where = node if node is not None else self.line(key)
        prefix = f"{self.subject} field '{key}'" if key else self.subject
        self.report.warning(where, f"{prefix}: {message}")

    def _present(self, key: str) -> Node | None:
        """The value node of ``key``, or None if absent or empty (``key:`` alone)."""
        node = self.values.get(key)
        if node is None or is_null(node):
            return None
        return node

    def _missing(self, key: str, required: bool) -> None:
        """Report an empty required value (an absent one was reported at build)."""
        if required and key in self.values:
            self.error(key, "is empty")

    # -- typed accessors ---------------------------------------------------------

    def text(self, key: str, *, required: bool = True, one_line: bool = False) -> str | None:
        """Return the text of ``key``, exactly as written."""
        node = self._present(key)
        if node is None:
            self._missing(key, required)
            return None
        if not isinstance(node, ScalarNode):
            self.error(key, f"expected text, got {describe(node)}")
            return None
        value = node.value
        if required and not value.strip():
            self.error(key, "is empty")
            return None
        if one_line and "\n" in value.strip():
            self.error(key, f"must be on one line, got {show(value)}")
            return None
        return value

    def word(self, key: str, pattern: re.Pattern[str], expected: str, *, required: bool = True) -> str | None:
        """Return an identifier matching ``pattern``; ``expected`` describes it."""
        value = self.text(key, required=required, one_line=True)
        if value is None:
            return None
        if not pattern.match(value):
            self.error(key, f"{show(value)} is not {expected}")
            return None
        return value

    def choice(self, key: str, options: Sequence[str], *, required: bool = True) -> str | None:
        """Return a value among ``options``."""
        value = self.text(key, required=required, one_line=True)
        if value is None:
            return None
        if value not in options:
            listed = ", ".join(options)
            self.error(key, f"{show(value)} is not one of: {listed}{did_you_mean(value, options, list_up_to=0)}")
            return None
        return value

    def time(self, key: str, *, required: bool = True) -> int | None:
        """Return the seconds of an ``"H:MM"``/``"H:MM:SS"`` value."""
        node = self._present(key)
        if node is None:
            self._missing(key, required)
            return None
        return read_time(self.report, node, f"{self.subject} field '{key}'")

    def duration(self, key: str) -> int | None:
        """Return the seconds of a required time that must be longer than 0:00."""
        seconds = self.time(key)
        if seconds == 0:
            self.error(key, "must be longer than 0:00")
            return None
        return seconds

    def whole_number(self, key: str, *, default: int) -> Number | None:
        """Return a whole number of 0 or more, or ``default`` if absent."""
        number = self.number(key, default=default)
        if number is not None and (not isinstance(number, int) or number < 0):
            self.error(key, f"{number} is not a whole number of 0 or more")
            return None
        return number

    def local_datetime(self, key: str) -> datetime | None:
        """Return a local date-time ``YYYY-MM-DDTHH:MM[:SS]`` (no time zone)."""
        text = self.text(key, one_line=True)
        if text is None:
            return None
        text = text.strip()
        if ZONED_DATETIME.match(text):
            self.error(key, f"{show(text)} has a time zone; write the local time, e.g. 2032-06-22T07:00:00")
            return None
        if LOCAL_DATETIME.match(text):
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                pass
        self.error(key, f"{show(text)} is not a local date-time YYYY-MM-DDTHH:MM[:SS], e.g. 2032-06-22T07:00:00")
        return None

    def number(self, key: str, *, default: Number | None = None) -> Number | None:
        """Return an unquoted decimal number, or ``default`` if absent (required if None)."""
        node = self._present(key)
        if node is None:
            self._missing(key, default is None)
            return default
        value = number_of(node)
        if value is None:
            too_large = number_problem(node)
            if too_large:
                self.error(key, too_large)
                return None
            quoted = isinstance(node, ScalarNode) and node.style in ("'", '"')
            hint = " (remove the quotes)" if quoted and _is_number_text(node.value) else ""
            self.error(key, f"expected a number, got {describe(node)}{hint}")
        return value

    def boolean(self, key: str) -> bool | None:
        """Return an unquoted ``true``/``false`` (YAML 1.1's yes/no/on/off too)."""
        node = self._present(key)
        if node is None:
            return None
        if is_plain(node) and node.tag == YAML_TAG + "bool":
            return node.value.lower() in ("true", "yes", "on")
        self.error(key, f"expected true or false, got {describe(node)}")
        return None

    def scalar_value(self, key: str) -> Number | str | None:
        """Return a number (if unquoted and numeric) or else the text as written."""
        node = self._present(key)
        if node is None:
            self._missing(key, True)
            return None
        return value_of(self, key, node)

    def sequence(self, key: str, *, required: bool = True) -> list[Node] | None:
        """Return the item nodes of a list (an empty value counts as an empty list)."""
        node = self.values.get(key)
        if node is None:
            return None if required else []
        if is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.error(key, f"expected a list, got {describe(node)}")
            return None
        return list(node.value)

    def text_items(self, key: str, *, required: bool = True) -> list[tuple[str, Node]] | None:
        """Return (text, node) for each item of a list of texts; None if any is not text."""
        items = self.sequence(key, required=required)
        if items is None:
            return None
        values: list[tuple[str, Node]] = []
        for item in items:
            if not isinstance(item, ScalarNode) or is_null(item) or not item.value.strip():
                self.error(key, f"each item must be text, got {describe(item)}", item)
            else:
                values.append((item.value, item))
        return values if len(values) == len(items) else None

    def text_list(self, key: str, *, required: bool = True) -> tuple[str, ...] | None:
        """Return the texts of a list of texts; None (after reporting) if any is not text."""
        items = self.text_items(key, required=required)
        return None if items is None else tuple(text for text, _ in items)


class Records:
    """The mappings of a YAML list, each read as a :class:`Record`.

    Iterating yields ``(index, record)`` (1-based) for the items that are mappings;
    ``complete`` turns False as soon as one item is unusable, which a reader also says
    with ``broken()`` when a field of an item fails, so the list is returned only whole.
    """

    def __init__(
        self,
        report: Report,
        items: Sequence[Node],
        subject: str,
        *,
        required: Sequence[str],
        optional: Sequence[str] = (),
        kind: str | None = None,
    ):
        self.report = report
        self.items = items
        self.subject = subject  # the items' name before their 1-based index: "inject #" names "inject #3"
        self.required = required
        self.optional = optional
        self.kind = kind
        self.complete = True

    def __iter__(self) -> Iterator[tuple[int, Record]]:
        for index, item in enumerate(self.items, start=1):
            rec = Record(self.report, item, f"{self.subject}{index}", required=self.required,
                         optional=self.optional, kind=self.kind)
            if not rec.ok:
                self.complete = False
                continue
            yield index, rec

    def broken(self) -> None:
        """Say the current item could not be read in full."""
        self.complete = False


def value_of(record: Record, key: str, node: Node) -> Number | str | None:
    """Read an indicator value: an unquoted number, or else text as written."""
    if not isinstance(node, ScalarNode) or is_null(node):
        record.error(key, f"expected a number or a text, got {describe(node)}", node)
        return None
    number = number_of(node)
    if number is None and (too_large := number_problem(node)):
        record.error(key, f"{too_large}; quote it to show it as text", node)
        return None
    return number if number is not None else node.value


def _is_number_text(text: str) -> bool:
    return bool(_DECIMAL_FLOAT.match(text.strip()))
