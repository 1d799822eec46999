"""The column mapping of one chronogramme: what each column means, and how to read times.

Stored beside the package files as ``msel-mapping.yaml`` so the next import of a new
version of the same spreadsheet asks no question (``crisisdesk import --mapping``).
Columns are matched by their header text (a new version may add or move columns),
or by letter for a sheet without a header row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from crisisdesk.msel.columns import MEANINGS, UNMAPPED, guess_columns, guess_meaning, header_key
from crisisdesk.msel.sheets import column_index, column_letter
from crisisdesk.msel.times import AS_CLOCK, AS_OFFSET, AUTO
from crisisdesk.package.model import CHANNELS

MAPPING_FILE = "msel-mapping.yaml"
MAPPING_FORMAT = "crisisdesk-msel-mapping/1"
TIME_MODES = (AUTO, AS_OFFSET, AS_CLOCK)


class MappingError(ValueError):
    """A mapping file that cannot be used; the message names the field."""


@dataclass
class Mapping:
    """How to read one sheet. ``columns`` maps a header (or a letter when
    ``header_row`` is None) to a meaning of ``columns.MEANINGS``."""

    sheet: str | None = None
    header_row: int | None = 0  # 0-based row index of the header, None for a sheet without one
    columns: dict[str, str] = field(default_factory=dict)
    time_mode: str = AUTO
    start: datetime | None = None
    channels: dict[str, str] = field(default_factory=dict)
    default_channel: str | None = None

    def meanings_for(self, headers: list[object]) -> list[str]:
        """The meaning of each column of a sheet, given its header row (or its width)."""
        if self.header_row is None:
            return [self.columns.get(column_letter(i), UNMAPPED) for i in range(len(headers))]
        by_key = {header_key(k): v for k, v in self.columns.items()}
        out: list[str | None] = [
            by_key.get(header_key(h)) if _text(h) else self.columns.get(column_letter(i)) for i, h in enumerate(headers)
        ]
        # A header the mapping does not know (a column added since) is guessed like a new sheet's.
        taken = {m for m in out if m}
        for i, h in enumerate(headers):
            if out[i] is None:
                guess = guess_meaning(h)
                out[i] = guess if guess and guess not in taken else UNMAPPED
                taken.add(out[i])
        return out

    @classmethod
    def guessed(cls, headers: list[object], header_row: int | None, sheet: str | None) -> Mapping:
        meanings = guess_columns(headers) if header_row is not None else [UNMAPPED] * len(headers)
        mapping = cls(sheet=sheet, header_row=header_row, columns=columns_from(headers, meanings, header_row))
        if "time" in meanings:  # a header that says "since STARTEX" settles how to read 9:30
            key = header_key(headers[meanings.index("time")])
            if any(word in key.split() for word in ("t+", "h+", "delai", "t")) or key.startswith(("t+", "h+")):
                mapping.time_mode = AS_OFFSET
        return mapping

    def to_yaml(self) -> str:
        data: dict[str, object] = {"format": MAPPING_FORMAT}
        if self.sheet is not None:
            data["sheet"] = self.sheet
        data["header_row"] = None if self.header_row is None else self.header_row + 1
        data["columns"] = dict(self.columns)
        data["time_mode"] = self.time_mode
        if self.start is not None:
            data["start"] = self.start.isoformat(sep=" ", timespec="minutes")
        if self.channels:
            data["channels"] = dict(self.channels)
        if self.default_channel:
            data["default_channel"] = self.default_channel
        return "# How crisisdesk reads this package's chronogramme (crisisdesk import --mapping)\n" + yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False
        )


def _text(header: object) -> bool:
    return header is not None and bool(str(header).strip())


def columns_from(headers: list[object], meanings: list[str], header_row: int | None) -> dict[str, str]:
    """The ``columns`` section for these headers and meanings (ignored columns are listed too)."""
    columns: dict[str, str] = {}
    for index, (header, meaning) in enumerate(zip(headers, meanings, strict=False)):
        text = "" if header is None else str(header).strip()
        key = column_letter(index) if header_row is None or not text or header_key(text) in (
            header_key(k) for k in columns) else text
        if header_row is None and meaning == UNMAPPED:
            continue
        columns[key] = meaning
    return columns


def parse_start(text: str) -> datetime:
    """``2032-06-22 07:00`` or ``22/06/2032 07:00`` (or ``T``-separated ISO) -> a local date-time."""
    text = text.strip()
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S",
                    "%d/%m/%Y %H:%M", "%d/%m/%Y %Hh%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    raise MappingError(f"start {text!r} is not a date and time like 2032-06-22 07:00")


def load_mapping(path: str | Path) -> Mapping:
    """Read a mapping file; raise MappingError naming the file and field at fault."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MappingError(f"{path}: no such mapping file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"{path}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise MappingError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise MappingError(f"{path}: expected a mapping with columns:, got {type(data).__name__}")
    problems = []
    unknown = set(data) - {"format", "sheet", "header_row", "columns", "time_mode", "start", "channels",
                           "default_channel"}
    if unknown:
        problems.append(f"unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    if data.get("format", MAPPING_FORMAT) != MAPPING_FORMAT:
        problems.append(f"format {data.get('format')!r} is not {MAPPING_FORMAT}")
    mapping = Mapping()
    sheet = data.get("sheet")
    mapping.sheet = None if sheet is None else str(sheet)
    header_row = data.get("header_row", 1)
    if header_row is None or header_row == 0:
        mapping.header_row = None
    elif isinstance(header_row, int) and not isinstance(header_row, bool) and header_row > 0:
        mapping.header_row = header_row - 1
    else:
        problems.append(f"header_row: {header_row!r} is not a row number (1 for the first row, 0 for none)")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        problems.append("columns: expected header: meaning lines")
        columns = {}
    for key, meaning in columns.items():
        if meaning not in MEANINGS:
            problems.append(f"columns: {key!r}: {meaning!r} is not one of {', '.join(MEANINGS)}")
        elif mapping.header_row is None:
            try:
                column_index(str(key))
            except ValueError:
                problems.append(f"columns: {key!r} is not a column letter (the sheet has no header row)")
        mapping.columns[str(key)] = meaning
    time_mode = data.get("time_mode", AUTO)
    if time_mode not in TIME_MODES:
        problems.append(f"time_mode: {time_mode!r} is not one of {', '.join(TIME_MODES)}")
    else:
        mapping.time_mode = time_mode
    if data.get("start") is not None:
        start = data["start"]
        if isinstance(start, datetime):
            mapping.start = start
        else:
            try:
                mapping.start = parse_start(str(start))
            except MappingError as exc:
                problems.append(str(exc))
    channels = data.get("channels") or {}
    if not isinstance(channels, dict):
        problems.append("channels: expected word: channel lines")
        channels = {}
    for word, channel in channels.items():
        if channel not in CHANNELS:
            problems.append(f"channels: {word!r}: {channel!r} is not one of {', '.join(CHANNELS)}")
        mapping.channels[str(word)] = str(channel)
    default = data.get("default_channel")
    if default is not None and default not in CHANNELS:
        problems.append(f"default_channel: {default!r} is not one of {', '.join(CHANNELS)}")
    mapping.default_channel = default
    if problems:
        raise MappingError("\n".join(f"{path}: {p}" for p in problems))
    return mapping
