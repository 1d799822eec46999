"""Turn the rows of a chronogramme into a package model: injects, roles, phases, objectives.

``build_import(workbook, mapping, options)`` never raises on bad content: it returns
an :class:`ImportResult` holding the model (when usable), every problem found as
``FILE!SHEET!C12: message``, and a summary of what was inferred (roles created,
phases found, rows skipped, columns kept in notes) for the user to review.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from crisisdesk.msel import layout
from crisisdesk.msel.channels import channel_for
from crisisdesk.msel.columns import DROP, UNMAPPED, header_key
from crisisdesk.msel.htmltext import html_to_markdown, looks_like_html
from crisisdesk.msel.mapping import Mapping
from crisisdesk.msel.messages import DEFAULT_LANGUAGE, joined, render
from crisisdesk.msel.sheets import Sheet, Workbook, column_letter
from crisisdesk.msel.times import (
    BARE,
    CLOCK,
    DATETIME,
    OFFSET,
    TimeFormatError,
    When,
    bare_means_offset,
    first_clock,
    first_moment,
    normalise,
    parse_when,
    resolve_moments,
)
from crisisdesk.package.model import (
    CHANNELS,
    ROLE_KINDS,
    Exercise,
    Expected,
    Indicator,
    Inject,
    Objective,
    Package,
    Phase,
    Role,
    scenario_time_at,
)
from crisisdesk.timefmt import format_offset, parse_offset

ITEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
ROLE_ID = re.compile(r"^[A-Z0-9_-]+$")
SPLIT_RECIPIENTS = re.compile(r"\s*(?:[,;/&\n]|\bet\b|\band\b|\+)\s*", re.IGNORECASE)
DEFAULT_WITHIN = 15 * 60


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong in the spreadsheet, located as ``FILE!SHEET!C12``."""

    file: str
    sheet: str | None
    cell: str | None
    message: str  # already in the language the import was asked for
    warning: bool = False
    language: str = DEFAULT_LANGUAGE

    def __str__(self) -> str:
        where = "!".join(p for p in (self.file, self.sheet, self.cell) if p)
        text = render("problem.warning", self.language, message=self.message) if self.warning else self.message
        return f"{where}: {text}"


@dataclass
class ImportOptions:
    start: datetime | None = None  # STARTEX moment, for absolute times
    package_id: str | None = None
    title: str | None = None
    language: str = "fr"  # the exercise's language (its default sender's name)
    message_language: str = DEFAULT_LANGUAGE  # the language problems and summary are written in (fr, en)
    today: date | None = None  # the date taken when the sheet gives times of day only


@dataclass
class ImportResult:
    mapping: Mapping
    sheet: Sheet | None = None
    header: list[object] = field(default_factory=list)
    meanings: list[str] = field(default_factory=list)
    package: Package | None = None
    problems: list[CellProblem] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    created_roles: list[Role] = field(default_factory=list)
    attachments: dict[str, Path] = field(default_factory=dict)  # package path -> file beside the spreadsheet
    row_of: dict[str, int] = field(default_factory=dict)  # inject id -> 0-based sheet row
    unknown_channels: list[str] = field(default_factory=list)  # channel words to settle in the mapping

    @property
    def errors(self) -> list[CellProblem]:
        return [p for p in self.problems if not p.warning]

    @property
    def ok(self) -> bool:
        return self.package is not None and not self.errors


def cell_text(value: object) -> str:
    """A cell as text: 12.0 -> "12", a date -> ISO, None -> ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _long_text(value: str) -> str:
    """Body, notes, summary: trimmed, ending with one newline like a YAML block."""
    value = "\n".join(line.rstrip() for line in value.strip().split("\n"))
    return value + "\n" if value else ""


class _Builder:
    def __init__(self, workbook: Workbook, mapping: Mapping, options: ImportOptions):
        self.book = workbook
        self.mapping = mapping
        self.options = options
        self.file = workbook.path.name
        self.result = ImportResult(mapping=mapping)
        self.sheet_name: str | None = None
        self._role_names: tuple[dict, dict[str, str]] | None = None  # roles -> their names, for expected responses
        self.language = options.message_language
        self.criteria_created: list[str] = []

    def t(self, key: str, /, **params: object) -> str:
        """The catalogue's text for ``key`` in the language the caller asked for."""
        return render(key, self.language, **params)

    # -- problems ------------------------------------------------------------

    def problem(self, row: int | None, col: int | None, message: str, warning: bool = False,
                sheet: str | None = None) -> None:
        cell = None
        if row is not None:
            cell = f"{column_letter(col)}{row + 1}" if col is not None else f"{row + 1}:{row + 1}"
        self.result.problems.append(CellProblem(self.file, sheet or self.sheet_name, cell, message, warning,
                                                self.language))

    def note(self, text: str) -> None:
        self.result.summary.append(text)

    def _rows(self, numbers: list[int]) -> str:
        shown = ", ".join(str(n) for n in numbers[:8])
        return self.t("list.more", shown=shown, n=len(numbers) - 8) if len(numbers) > 8 else shown

    # -- the whole import ----------------------------------------------------

    def build(self) -> ImportResult:
        try:
            sheet = self._main_sheet()
        except LookupError as exc:
            self.result.problems.append(CellProblem(self.file, None, None, exc.args[0], language=self.language))
            return self.result
        self.sheet_name = sheet.name
        self.result.sheet = sheet
        for row, col, notice in sheet.notices:
            self.problem(row, col, notice.text(self.language), warning=True)
        header_row = self.mapping.header_row
        if header_row is not None and header_row >= len(sheet.rows):
            self.problem(None, None, self.t("header.past_end", row=header_row + 1))
            return self.result
        width = max((len(r) for r in sheet.rows), default=0)
        header = list(sheet.rows[header_row]) if header_row is not None else [None] * width
        header += [None] * (width - len(header))
        meanings = self.mapping.meanings_for(header)
        self.result.header, self.result.meanings = header, meanings
        used = [m for m in meanings if m not in (UNMAPPED, DROP)]
        for meaning in set(used):
            if used.count(meaning) > 1:
                cols = ", ".join(column_letter(i) for i, m in enumerate(meanings) if m == meaning)
                self.problem(header_row, None, self.t("header.same_meaning", columns=cols, meaning=meaning))
        missing = [self.t(f"meaning.{m}") for m in ("time", "to") if m not in used]
        if "title" not in used and "body" not in used:
            missing.append(self.t("meaning.title_or_body"))
        if missing:
            self.problem(header_row, None, self.t("header.missing" if header_row is not None
                                                  else "header.missing_no_header",
                                                  meanings=joined(missing, self.language)))
            return self.result
        sides = self._side_sheets()
        rows = self._inject_rows(sheet, header, meanings)
        self._assemble(rows, header, meanings, sides)
        return self.result

    def _main_sheet(self) -> Sheet:
        if self.mapping.sheet is not None:
            for sheet in self.book.sheets:
                if sheet.name == self.mapping.sheet or normalise(sheet.name) == normalise(self.mapping.sheet):
                    return sheet
            plain = [s for s in self.book.sheets if layout.side_sheet_kind(s.name) is None]
            if len(plain) != 1:
                raise LookupError(self.t("sheet.unknown", name=self.mapping.sheet, names=", ".join(self.book.names)))
            self.result.problems.append(CellProblem(self.file, None, None, self.t(
                "sheet.only_one", name=self.mapping.sheet, only=plain[0].name), warning=True, language=self.language))
            return plain[0]
        candidates = [s for s in self.book.sheets if layout.side_sheet_kind(s.name) is None]
        for sheet in candidates or self.book.sheets:
            if any(any(v is not None for v in r) for r in sheet.rows):
                return sheet
        raise LookupError(self.t("sheet.all_empty"))

    # -- rows ------------------------------------------------------------------

    def _inject_rows(self, sheet: Sheet, header: list[object], meanings: list[str]) -> list[dict]:
        """Each inject row as {meaning: cell}, with section titles and skipped rows reported."""
        header_row = self.mapping.header_row
        header_keys = [header_key(h) for h in header]
        time_col = meanings.index("time")
        section: str | None = None
        rows: list[dict] = []
        skipped = {"empty": 0, "header": 0, "total": 0, "section": 0, "hidden": 0}
        for index, raw in enumerate(sheet.rows):
            if header_row is not None and index <= header_row:
                continue
            raw = list(raw) + [None] * (len(header) - len(raw))
            filled = [(i, v) for i, v in enumerate(raw) if cell_text(v)]
            if not filled:
                skipped["empty"] += 1
                continue
            if index in sheet.hidden_rows:
                self.problem(index, None, self.t("row.hidden"), warning=True)
                skipped["hidden"] += 1
            if header_row is not None:
                same = sum(1 for i, v in filled if header_keys[i] and isinstance(v, str) and len(v) <= 100
                           and header_key(v) == header_keys[i])
                if same >= max(2, (len(filled) + 1) // 2):
                    skipped["header"] += 1
                    continue
            first = header_key(cell_text(filled[0][1]))
            if first.startswith(("total", "sous total", "subtotal", "nombre d")) and not cell_text(raw[time_col]):
                skipped["total"] += 1
                continue
            texts = {cell_text(v) for _, v in filled}
            if not cell_text(raw[time_col]) and len(texts) == 1:
                section = next(iter(texts)).strip(" -—:")
                skipped["section"] += 1
                continue
            values = {m: raw[i] for i, m in enumerate(meanings) if m not in (UNMAPPED, DROP)}
            extras = [(header[i], column_letter(i), raw[i]) for i, m in enumerate(meanings)
                      if m == UNMAPPED and cell_text(raw[i])]
            rows.append({"index": index, "values": values, "extras": extras, "section": section})
        if skipped["section"]:
            self.note(self.t("summary.sections", n=skipped["section"]))
        for kind in ("empty", "header", "total"):
            if skipped[kind]:
                self.note(self.t(f"summary.skipped_{kind}", n=skipped[kind]))
        unmapped = sorted({(letter, h) for r in rows for h, letter, _ in r["extras"]})
        for letter, h in unmapped:
            name = f" ({cell_text(h)})" if cell_text(h) else ""
            self.problem(header_row, _col(letter), self.t("column.unmapped", letter=letter, name=name), warning=True)
        return rows

    # -- side sheets (an export of crisisdesk carries them) -----------------------

    def _side_sheets(self) -> dict[str, list[tuple[int, dict[str, object]]]]:
        sides: dict[str, list[tuple[int, dict[str, object]]]] = {}
        columns = {"roles": layout.ROLE_COLUMNS, "objectives": layout.OBJECTIVE_COLUMNS,
                   "phases": layout.PHASE_COLUMNS, "exercise": layout.EXERCISE_COLUMNS,
                   "indicators": layout.INDICATOR_COLUMNS}
        for sheet in self.book.sheets:
            kind = layout.side_sheet_kind(sheet.name)
            if kind is None or sheet.name == self.sheet_name or not sheet.rows:
                continue
            wanted = {header_key(h): f for f, h in columns[kind]} | {header_key(f): f for f, _ in columns[kind]}
            cols = {i: wanted[header_key(h)] for i, h in enumerate(sheet.rows[0]) if header_key(h) in wanted}
            if "id" not in cols.values() and kind not in ("phases", "exercise"):
                continue
            records = []
            for index, raw in enumerate(sheet.rows[1:], start=1):
                record = {cols[i]: v for i, v in enumerate(raw) if i in cols and cell_text(v)}
                if record:
                    records.append((index, record))
            sides[kind] = records
            self.note(self.t("summary.side_sheet", name=sheet.name, n=len(records), kind=self.t(f"kind.{kind}")))
        return sides

    # -- the model ---------------------------------------------------------------

    def _assemble(self, rows: list[dict], header: list[object], meanings: list[str],
                  sides: dict[str, list[tuple[int, dict[str, object]]]]) -> None:
        col = {m: i for i, m in enumerate(meanings)}
        exercise_fields = self._exercise_fields(sides.get("exercise"))
        roles = self._read_roles(sides.get("roles"))
        known_roles = roles is not None
        roles = roles or {}
        objectives = self._read_objectives(sides.get("objectives"))
        known_objectives = objectives is not None
        objectives = objectives or {}
        indicators = self._read_indicators(sides.get("indicators"))
        self.indicators_known = "indicators" in sides

        # times first: they order everything else
        time_whens = [self._when(r, "time", col) for r in rows]
        scen_whens = [self._when(r, "scenario", col) if "scenario" in col else None for r in rows]
        bare_offset = bare_means_offset(time_whens, self.mapping.time_mode)
        scen_bare_offset = bare_means_offset(scen_whens, "clock")
        if _dates_beside_times(time_whens, scen_whens, bare_offset):
            # "Date | Heure" columns: each row's date and time of day make one moment.
            time_whens = [_on_date(t, d) for t, d in zip(time_whens, scen_whens, strict=True)]
            scen_whens = [None] * len(scen_whens)
            col.pop("scenario")
            self.note(self.t("summary.date_beside_time"))
        start = self.mapping.start or self.options.start
        start_said = start is not None
        if start is None:
            start = first_moment(time_whens, bare_offset) or first_moment(scen_whens, scen_bare_offset)
        if start is None:
            clock = first_clock(time_whens, bare_offset)
            if clock is None:
                clock = first_clock(scen_whens, scen_bare_offset)
            base = self.options.today or date.today()
            if clock is not None:
                start = datetime.combine(base, time()) + timedelta(seconds=clock)
                self.note(self.t("summary.date_taken", date=f"{base:%d/%m/%Y}"))
            else:
                start = datetime.combine(base, time(hour=9))
                if "scenario" in col:
                    self.note(self.t("summary.no_scenario_date", moment=f"{start:%d/%m/%Y %H:%M}"))
        elif not start_said:
            self.note(self.t("summary.startex_first_row", moment=f"{start:%d/%m/%Y %H:%M}"))
        moments = resolve_moments(time_whens, start, bare_offset)
        scen_moments = resolve_moments(scen_whens, start, scen_bare_offset) if "scenario" in col else []
        if not bare_offset and any(w is not None and w.kind in (BARE, CLOCK, DATETIME) for w in time_whens):
            self.note(self.t("summary.clock_times", moment=f"{start:%d/%m/%Y %H:%M}"))

        drafts: list[dict] = []
        for n, row in enumerate(rows):
            moment = moments[n]
            if moment is None:
                continue  # reported by _when
            at = round((moment - start).total_seconds())
            if at < 0:
                self.problem(row["index"], col["time"], self.t(
                    "time.before_startex_by", value=cell_text(row["values"]["time"]),
                    delay=format_offset(-at, with_seconds=False), moment=f"{start:%d/%m/%Y %H:%M}"))
                continue
            drafts.append({"row": row, "at": at, "scenario": scen_moments[n] if scen_moments else None})

        # ids, in sheet order
        seen: dict[str, int] = {}
        order_broken = [d["row"]["index"] + 1 for a, d in zip(drafts, drafts[1:], strict=False)
                        if d["at"] < a["at"]]
        for n, d in enumerate(drafts, start=1):
            raw = d["row"]["values"].get("id")
            ident = _clean_id(cell_text(raw)) if cell_text(raw) else f"I{n:03d}"
            if not ITEM_ID.match(ident):
                self.problem(d["row"]["index"], col.get("id"), self.t("id.bad", value=cell_text(raw)))
                ident = f"I{n:03d}"
            if ident in seen:
                self.problem(d["row"]["index"], col.get("id"), self.t("id.twice", ident=ident, row=seen[ident] + 1))
            seen.setdefault(ident, d["row"]["index"])
            d["id"] = ident
        if order_broken:
            self.note(self.t("summary.sorted", rows=self._rows(order_broken)))
        drafts.sort(key=lambda d: d["at"])

        # recipients and senders -> roles
        role_index = {normalise(r.id): r.id for r in roles.values()} | {normalise(r.name): r.id for r in roles.values()}
        received: set[str] = set()
        new_roles: dict[str, str] = {}  # id -> name

        def role_for(name: str, create: bool) -> str | None:
            key = normalise(name)
            if key in role_index:
                return role_index[key]
            if not create:
                return None
            ident = _role_id(name, set(roles) | set(new_roles))
            new_roles[ident] = name
            role_index[key] = ident
            return ident

        for d in drafts:
            values = d["row"]["values"]
            text = cell_text(values.get("to"))
            d["to_all"] = normalise(text) in layout.EVERYONE_WORDS
            d["to"] = []
            if not text:
                self.problem(d["row"]["index"], col["to"], self.t("to.missing"))
            elif not d["to_all"]:
                for part in SPLIT_RECIPIENTS.split(text):
                    part = part.strip(" .-")
                    if part and normalise(part) not in layout.EVERYONE_WORDS:
                        ident = role_for(part, create=True)
                        if ident not in d["to"]:
                            d["to"].append(ident)
                received.update(d["to"])
        for d in drafts:
            sender = cell_text(d["row"]["values"].get("sender")).replace("\n", " ")
            if not sender:
                sender = "Animation" if self.options.language == "fr" else "Exercise control"
                d["default_sender"] = True
            ident = role_for(sender, create=not known_roles)
            d["from"] = ident or sender

        created: list[Role] = []
        for ident, name in new_roles.items():
            played = ident in received
            kind = "directorate" if played else "simulated"
            role = Role(id=ident, name=name[:120], kind=kind,
                        mission="À compléter : rôle créé par l'import du chronogramme.",
                        decisions=(), resources=()) if played else Role(
                id=ident, name=name[:120], kind=kind, mission="Joué par l'animation (créé par l'import).")
            roles[ident] = role
            created.append(role)
        self.result.created_roles = created
        if created:
            played = [r.id for r in created if r.played]
            simulated = [r.id for r in created if not r.played]
            which = [self.t("summary.roles_played", ids=", ".join(played)) if played else "",
                     self.t("summary.roles_simulated", ids=", ".join(simulated)) if simulated else ""]
            self.note(self.t("summary.roles_created", n=len(created), which=" ; ".join(filter(None, which))))
        if not any(r.played for r in roles.values()):
            self.problem(None, None, self.t("roles.none_played"))

        # every other field
        injects: list[Inject] = []
        defaulted = {"channel": 0, "within": 0, "sender": 0, "title": 0, "body": 0, "html": 0}
        for d in drafts:
            inject = self._inject(d, col, roles, objectives, known_objectives, indicators, defaulted, header)
            if inject is not None:
                injects.append(inject)
                self.result.row_of[inject.id] = d["row"]["index"]
        if defaulted["channel"]:
            self.note(self.t("summary.channel_default", channel=self.mapping.default_channel or "document"))
        for key in ("within", "sender", "title", "html"):
            if defaulted[key]:
                self.note(self.t(f"summary.{key}_default" if key != "html" else "summary.html", n=defaulted[key]))
        if self.criteria_created:
            self.note(self.t("summary.criteria_created", ids=", ".join(sorted(set(self.criteria_created)))))
        for ident, obj in objectives.items():
            if not known_objectives:
                self.note(self.t("summary.objective_created", ident=ident, title=obj.title))
        if not injects and not self.result.errors:
            self.problem(None, None, self.t("sheet.no_inject"))

        phases = self._phases(drafts, sides.get("phases"), start)
        last = max((i.at for i in injects), default=0)
        duration = exercise_fields.get("duration")
        if duration is None:
            end = max([last + 15 * 60] + [p.at + 15 * 60 for p in phases])
            duration = math.ceil(end / 900) * 900
        if self.result.errors:
            return
        exercise = Exercise(
            id=exercise_fields.get("id") or self.options.package_id or slug(self.book.path.stem),
            title=exercise_fields.get("title") or self.options.title or self.book.path.stem.replace("_", " "),
            language=exercise_fields.get("language") or self.options.language,
            summary=exercise_fields.get("summary") or _long_text(
                f"Exercice importé du chronogramme {self.file} (feuille {self.sheet_name})."),
            duration=duration,
            phases=tuple(phases),
            indicators=tuple(indicators.values()),
            objectives=tuple(objectives.values()),
            **self._readiness(exercise_fields.get("readiness")),
            **{key: str(exercise_fields[key]).strip() for key in ("timezone", "issuer", "distribution")
               if exercise_fields.get(key)},
        )
        self.result.package = Package(root=Path("."), exercise=exercise, roles=tuple(roles.values()),
                                       injects=tuple(injects))
        self.note(self.t("summary.totals", injects=len(injects), roles=len(roles), phases=len(phases),
                         duration=format_offset(duration, with_seconds=False)))

    def _when(self, row: dict, meaning: str, col: dict[str, int]) -> When | None:
        value = row["values"].get(meaning)
        if not cell_text(value):
            if meaning == "time":
                self.problem(row["index"], col[meaning], self.t("time.missing"))
            return None
        try:
            when = parse_when(value)
        except TimeFormatError as exc:
            self.problem(row["index"], col[meaning], exc.text(self.language))
            return None
        if meaning == "time" and when.kind == OFFSET and when.seconds < 0:
            self.problem(row["index"], col[meaning], self.t("time.before_startex", value=cell_text(value)))
            return None
        return when

    def _inject(self, d: dict, col: dict[str, int], roles: dict[str, Role], objectives: dict[str, Objective],
                known_objectives: bool, indicators: dict[str, Indicator], defaulted: dict[str, int],
                header: list[object]) -> Inject | None:
        row, values = d["row"]["index"], d["row"]["values"]
        ok = True
        body = cell_text(values.get("body"))
        if body and looks_like_html(body):
            body = html_to_markdown(body)
            defaulted["html"] += 1
        title = cell_text(values.get("title")).replace("\n", " ").strip()
        if title and looks_like_html(title):
            title = html_to_markdown(title).replace("\n", " ")
        if not title:
            first = next((line.strip(" #*-") for line in body.split("\n") if line.strip(" #*-")), "")
            if not first:
                self.problem(row, col.get("title", col.get("body")), self.t("inject.no_title"))
                return None
            title = first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
            defaulted["title"] += 1
        if not body:
            body = title
        channel_text = cell_text(values.get("channel"))
        if channel_text:
            channel = channel_for(channel_text, self.mapping.channels)
            if channel is None:
                if channel_text not in self.result.unknown_channels:
                    self.result.unknown_channels.append(channel_text)
                self.problem(row, col["channel"], self.t("channel.unknown", word=channel_text,
                                                         channels=", ".join(CHANNELS)))
                ok = False
        else:
            channel = self.mapping.default_channel or "document"
            defaulted["channel"] += 1
        if d.get("default_sender"):
            defaulted["sender"] += 1
        expected = self._expected(row, col, cell_text(values.get("expected")), d, roles, defaulted, objectives,
                                  known_objectives)
        objective_ids = self._objectives(row, col, cell_text(values.get("objectives")), objectives, known_objectives)
        attachments = self._attachments(row, col, cell_text(values.get("attachments")))
        sets = self._sets(row, col, cell_text(values.get("sets")), indicators)
        notes = cell_text(values.get("notes"))
        extras = [f"{cell_text(h) or letter} : {cell_text(v)}" for h, letter, v in d["row"]["extras"]]
        if extras:
            notes = "\n".join(filter(None, [notes, *extras]))
        manual_text = normalise(cell_text(values.get("manual")))
        contingency = cell_text(values.get("contingency_for")) or None
        if manual_text in layout.YES_WORDS:
            manual = True
        elif manual_text in layout.NO_WORDS:
            manual = contingency is not None and not manual_text
        else:
            self.problem(row, col["manual"], self.t("manual.bad", value=cell_text(values.get("manual"))))
            manual, ok = False, False
        phase_title = cell_text(values.get("phase")) or d["row"]["section"]
        d["phase"] = phase_title
        if None in (expected, objective_ids, attachments, sets) or not ok:
            return None
        return Inject(
            id=d["id"], at=d["at"], title=title, sender=d["from"],
            to=tuple(r.id for r in roles.values() if r.played) if d["to_all"] else tuple(d["to"]),
            channel=channel, body=_long_text(body), expected=tuple(expected), objectives=tuple(objective_ids),
            attachments=tuple(attachments), sets=sets, notes=_long_text(notes), manual=manual,
            contingency_for=_clean_id(contingency) if contingency else None, to_all=d["to_all"],
        )

    def _expected(self, row: int, col: dict[str, int], text: str, d: dict, roles: dict[str, Role],
                  defaulted: dict[str, int], objectives: dict[str, Objective],
                  known_objectives: bool = True) -> list[Expected] | None:
        if not text:
            return []
        if self._role_names is None or len(self._role_names[0]) != len(roles):
            names = {normalise(r.id): r.id for r in roles.values()} | {normalise(r.name): r.id for r in roles.values()}
            self._role_names = (dict(roles), names)
        names = self._role_names[1]
        recipients = list(d["to"]) or [r.id for r in roles.values() if r.played]
        out: list[Expected] = []
        for line in text.split("\n"):
            line = line.strip().lstrip("-•*").strip()
            if not line:
                continue
            match = re.match(r"^(?P<who>[^:()\[\]]{1,80}?)\s*(?:[(\[](?P<within>[^)\]]*)[)\]])?\s*:\s*(?P<what>.+)$",
                             line)
            role, within, action, criterion = None, None, line, None
            if match and normalise(match["who"]) in names:
                role, action = names[normalise(match["who"])], match["what"].strip()
                if match["within"]:
                    delay, _, criterion = match["within"].partition(",")
                    criterion = criterion.strip() or None
                    within = self._within(row, col, delay)
                    if within is None:
                        return None
                    if criterion is not None:
                        criterion = self._criterion(row, col, criterion, objectives, known_objectives)
                        if criterion is None:
                            return None
            elif match and match["within"] is not None and match["who"].strip():
                self.problem(row, col["expected"], self.t("expected.not_role", who=match["who"].strip()))
                return None
            else:
                lead = re.match(r"^[(\[](?P<within>[^)\]]*)[)\]]\s*:?\s*(?P<what>.+)$", line)
                if lead:
                    within = self._within(row, col, lead["within"])
                    if within is None:
                        return None
                    action = lead["what"].strip()
            if role is None:
                if not recipients:
                    self.problem(row, col["expected"], self.t("expected.no_role"))
                    return None
                role = recipients[0]
            if within is None:
                within = DEFAULT_WITHIN
                defaulted["within"] += 1
            out.append(Expected(role=role, action=action, within=within,
                                **({"criterion": criterion} if criterion else {})))
        return out

    def _criterion(self, row: int, col: dict[str, int], text: str, objectives: dict[str, Objective],
                   known: bool) -> str | None:
        """``O2.3`` checked here, at the spreadsheet's cell, rather than later against a msel.yaml line.

        Without an objectives sheet (a CSV) the criteria's texts are not in the file: the
        objective and its criteria up to that number are created, to be completed, and the
        summary says so, rather than losing the link.
        """
        ident, dot, number = text.rpartition(".")
        if not dot or not ident or not number.isdigit() or int(number) < 1 or not ITEM_ID.match(ident):
            self.problem(row, col["expected"], self.t("criterion.bad", criterion=text))
            return None
        if not known:
            objective = objectives.get(ident) or Objective(id=ident, title=f"Objectif {ident}", criteria=())
            missing = range(len(objective.criteria) + 1, int(number) + 1)
            if missing:
                objective = replace(objective, criteria=objective.criteria + tuple(
                    f"Critère {n} (à compléter : créé par l'import)" for n in missing))
                self.criteria_created.append(f"{ident}.{int(number)}")
            objectives[ident] = objective
        if ident not in objectives:
            self.problem(row, col["expected"], self.t("criterion.no_objective", criterion=text, objective=ident,
                                                      known=", ".join(objectives) or "—"))
            return None
        count = len(objectives[ident].criteria)
        if int(number) > count:
            self.problem(row, col["expected"], self.t("criterion.out_of_range", criterion=text, objective=ident,
                                                      count=count))
            return None
        return f"{ident}.{int(number)}"

    def _within(self, row: int, col: dict[str, int], text: str) -> int | None:
        try:
            when = parse_when(text)
        except TimeFormatError:
            when = None
        if when is None or when.kind not in (OFFSET, BARE) or when.seconds <= 0:
            self.problem(row, col["expected"], self.t("expected.bad_delay", text=text))
            return None
        return when.seconds

    def _objectives(self, row: int, col: dict[str, int], text: str, objectives: dict[str, Objective],
                    known: bool) -> list[str] | None:
        if not text:
            return []
        out: list[str] = []
        by_title = {normalise(o.title): o.id for o in objectives.values()}
        parts = [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]
        for part in parts:
            ident = _clean_id(part)
            if ident in objectives:
                out.append(ident)
            elif normalise(part) in by_title:
                out.append(by_title[normalise(part)])
            elif known:
                self.problem(row, col["objectives"], self.t("objective.unknown", value=part))
                return None
            elif ITEM_ID.match(ident) and len(ident) <= 12:
                objectives[ident] = Objective(id=ident, title=f"Objectif {ident}", criteria=())
                out.append(ident)
            else:
                ident = f"O{len(objectives) + 1}"
                while ident in objectives:
                    ident += "b"
                objectives[ident] = Objective(id=ident, title=part.replace("\n", " ")[:200], criteria=())
                by_title[normalise(part)] = ident
                out.append(ident)
        return list(dict.fromkeys(out))

    def _attachments(self, row: int, col: dict[str, int], text: str) -> list[str] | None:
        if not text:
            return []
        out = []
        folder = self.book.path.parent
        for part in (p.strip() for p in re.split(r"[;\n]", text)):
            if not part:
                continue
            rel = part.replace("\\", "/")
            source = (folder / rel)
            if rel.startswith("/") or ".." in rel.split("/") or not source.is_file():
                self.problem(row, col["attachments"], self.t("attachment.missing", value=part, folder=folder))
                return None
            self.result.attachments[rel] = source
            out.append(rel)
        return out

    def _sets(self, row: int, col: dict[str, int], text: str, indicators: dict[str, Indicator]) -> dict | None:
        if not text:
            return {}
        out: dict[str, object] = {}
        for part in (p.strip() for p in re.split(r"[;\n]", text)):
            if not part:
                continue
            key, sep, value = part.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or not key:
                self.problem(row, col["sets"], self.t("sets.bad", value=part))
                return None
            if key not in indicators:
                if self.indicators_known or not ITEM_ID.match(key):
                    self.problem(row, col["sets"], self.t("sets.unknown" if ITEM_ID.match(key) else "sets.bad_id",
                                                          key=key))
                    return None
                # no indicators sheet (a CSV): the indicator starts at its first value, for review
                indicators[key] = Indicator(id=key, label=key, initial=_typed(value))
                self.note(self.t("summary.indicator_created", key=key, value=value))
            out[key] = _typed(value)
        return out

    # -- phases -----------------------------------------------------------------

    def _phases(self, drafts: list[dict], side: list[tuple[int, dict]] | None, start: datetime) -> list[Phase]:
        if side:
            return self._phases_sheet(side)
        groups: list[list[dict]] = []
        for d in drafts:
            if not groups:
                groups.append([d])
                continue
            prev = groups[-1][-1]
            new_title = d.get("phase") and d.get("phase") != prev.get("phase")
            new_day = (d["scenario"] is not None and prev["scenario"] is not None
                       and (d["scenario"].date() != prev["scenario"].date() or d["scenario"] < prev["scenario"]))
            if new_title or new_day:
                groups.append([d])
            else:
                groups[-1].append(d)
        phases: list[Phase] = []
        jumps = []
        for n, group in enumerate(groups):
            at = 0 if n == 0 else group[0]["at"]
            if phases and at <= phases[-1].at:
                continue  # two groups starting together: keep the first
            points = [(d["at"], d["scenario"]) for d in group if d["scenario"] is not None]
            scale = 1.0
            if len({a for a, _ in points}) >= 2:
                (a0, s0), (a1, s1) = points[0], points[-1]
                if a1 > a0 and s1 >= s0:
                    scale = _round_scale((s1 - s0).total_seconds() / (a1 - a0))
            if points:
                a0, s0 = points[0]
                scenario = s0 - timedelta(seconds=(a0 - at) * scale)
            elif phases:
                scenario = scenario_time_at(phases, at)
            else:
                scenario = start
            scenario = scenario.replace(microsecond=0)
            title = group[0].get("phase") or (f"Phase {n + 1} — {scenario:%d/%m}" if points else f"Phase {n + 1}")
            phases.append(Phase(at=at, title=title, scenario_time=scenario, scale=scale))
            if n:
                jumps.append(str(group[0]["row"]["index"] + 1))
        if len(phases) > 1:
            scales = ", ".join(f"{p.scale:g}" for p in phases)
            self.note(self.t("summary.phases", n=len(phases), rows=", ".join(jumps), scales=scales))
        elif phases and phases[0].scale != 1:
            self.note(self.t("summary.scale", scale=phases[0].scale))
        for d in drafts:
            if d["scenario"] is not None and phases:
                expected = scenario_time_at(phases, d["at"])
                if abs((expected - d["scenario"]).total_seconds()) > 15 * 60:
                    self.problem(d["row"]["index"], None, self.t(
                        "phase.off_clock", scenario=f"{d['scenario']:%d/%m %H:%M}", expected=f"{expected:%d/%m %H:%M}",
                        at=format_offset(d["at"], with_seconds=False)), warning=True)
        return phases or [Phase(at=0, title="Phase 1", scenario_time=start, scale=1.0)]

    def _phases_sheet(self, side: list[tuple[int, dict]]) -> list[Phase]:
        phases = []
        for index, rec in side:
            try:
                at = _offset_of(rec.get("at"))
                scenario = rec.get("scenario_time")
                if not isinstance(scenario, datetime):
                    scenario = datetime.fromisoformat(cell_text(scenario).replace(" ", "T"))
                scale = float(cell_text(rec.get("scale")) or 1)
            except (ValueError, TypeError) as exc:
                self.problem(index, None, self.t("phase.unreadable", reason=exc), sheet=layout.SHEET_PHASES)
                continue
            phases.append(Phase(at=at, title=cell_text(rec.get("title")), scenario_time=scenario, scale=scale))
        return phases

    def _exercise_fields(self, side: list[tuple[int, dict]] | None) -> dict[str, object]:
        out: dict[str, object] = {}
        for index, rec in side or ():
            key, value = normalise(cell_text(rec.get("field"))), rec.get("value")
            if key.startswith("readiness."):
                readiness = out.setdefault("readiness", {})
                name = key.split(".", 1)[1]
                try:
                    readiness[name] = _readiness_value(name, value)
                except (ValueError, TypeError) as exc:
                    self.problem(index, 1, self.t("exercise.field", key=key, reason=exc), sheet=layout.SHEET_EXERCISE)
                continue
            if key not in layout.EXERCISE_FIELDS:
                continue
            if key == "duration":
                try:
                    out[key] = _offset_of(value)
                except ValueError as exc:
                    self.problem(index, 1, self.t("exercise.field", key=key, reason=exc), sheet=layout.SHEET_EXERCISE)
            elif key == "summary":
                out[key] = _long_text(cell_text(value))
            elif key == "timezone" and cell_text(value):
                from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

                try:
                    ZoneInfo(cell_text(value))
                    out[key] = cell_text(value)
                except (ZoneInfoNotFoundError, ValueError):
                    self.problem(index, 1, self.t("exercise.field", key=key, reason=f"{cell_text(value)!r}: not an "
                                                  "IANA time zone (Europe/Paris, America/Martinique...)"),
                                 sheet=layout.SHEET_EXERCISE)
            else:
                out[key] = cell_text(value)
        return out

    @staticmethod
    def _readiness(values: dict | None) -> dict:
        """``readiness=`` for the Exercise, when the sheet gives thresholds and the model has them."""
        if not values:
            return {}
        from dataclasses import fields as dataclass_fields

        try:
            from crisisdesk.package.model import ReadinessSettings
        except ImportError:  # a model without readiness thresholds
            return {}
        known = {f.name for f in dataclass_fields(ReadinessSettings)}
        return {"readiness": ReadinessSettings(**{k: v for k, v in values.items() if k in known})}

    def _read_roles(self, side: list[tuple[int, dict]] | None) -> dict[str, Role] | None:
        if side is None:
            return None
        kinds = {normalise(v): k for k, v in layout.ROLE_KIND_LABELS.items()} | {k: k for k in ROLE_KINDS}
        roles = {}
        for index, rec in side:
            ident = cell_text(rec.get("id"))
            kind = kinds.get(normalise(cell_text(rec.get("kind"))))
            if not ROLE_ID.match(ident) or kind is None:
                self.problem(index, None, self.t("role.bad", ident=ident, kinds=", ".join(
                    layout.ROLE_KIND_LABELS.values())), sheet=layout.SHEET_ROLES)
                continue
            roles[ident] = Role(
                id=ident, name=cell_text(rec.get("name")) or ident, kind=kind, mission=cell_text(rec.get("mission")),
                decisions=_lines(rec.get("decisions")), resources=_lines(rec.get("resources")),
                contacts=_lines(rec.get("contacts")), color=cell_text(rec.get("color")) or None,
            )
        return roles

    def _read_objectives(self, side: list[tuple[int, dict]] | None) -> dict[str, Objective] | None:
        if side is None:
            return None
        return {cell_text(rec.get("id")): Objective(id=cell_text(rec.get("id")), title=cell_text(rec.get("title")),
                                                criteria=_lines(rec.get("criteria"))) for _, rec in side}

    def _read_indicators(self, side: list[tuple[int, dict]] | None) -> dict[str, Indicator]:
        out = {}
        for _, rec in side or ():
            ident = cell_text(rec.get("id"))
            out[ident] = Indicator(id=ident, label=cell_text(rec.get("label")) or ident,
                                   initial=_typed(cell_text(rec.get("initial"))) if not isinstance(
                                       rec.get("initial"), int | float) or isinstance(rec.get("initial"), bool)
                                   else _number(rec.get("initial")),
                                   unit=cell_text(rec.get("unit")) or None)
        return out


def _col(letter: str) -> int:
    from crisisdesk.msel.sheets import column_index

    return column_index(letter)




def _lines(value: object) -> tuple[str, ...]:
    return tuple(line.strip() for line in cell_text(value).split("\n") if line.strip())


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _typed(text: str) -> int | float | str:
    """``42`` -> 42, ``41.5`` -> 41.5, ``orange`` -> "orange", ``"42"`` (quoted) -> "42"."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text


def _offset_of(value: object) -> int:
    if isinstance(value, time):
        return value.hour * 3600 + value.minute * 60 + value.second
    if isinstance(value, timedelta):
        return round(value.total_seconds())
    if isinstance(value, float) and 0 <= value < 10:
        return round(value * 86400)
    return parse_offset(cell_text(value))


def _dates_beside_times(times: list[When | None], dates: list[When | None], bare_offset: bool) -> bool:
    """True when the scenario column holds only dates (midnight) and the time column times of day."""
    given = [d for d in dates if d is not None]
    if not given or not all(d.kind == DATETIME and d.moment.time() == time() for d in given):
        return False
    return any(t is not None and (t.kind == CLOCK or (t.kind == BARE and not bare_offset)) for t in times)


def _on_date(when: When | None, day: When | None) -> When | None:
    if when is None or day is None or when.kind not in (CLOCK, BARE) or when.day is not None:
        return when
    return When(DATETIME, moment=day.moment + timedelta(seconds=when.seconds))


def _readiness_value(name: str, value: object) -> object:
    if name in ("window", "max_dead_time", "max_quiet"):
        return _offset_of(value)
    if name == "briefings":
        return _lines(value)
    return int(cell_text(value))


def _round_scale(scale: float) -> float:
    """15.02 -> 15 (times are written to the minute), 2.5 stays 2.5."""
    for step in (1, 0.5, 0.25):
        rounded = round(scale / step) * step
        if rounded > 0 and abs(rounded - scale) <= 0.03 * scale:
            return float(rounded)
    return round(scale, 2)


def _clean_id(text: str) -> str:
    text = text.strip()
    if re.fullmatch(r"\d+\.0", text):
        text = text[:-2]
    text = re.sub(r"\s+", "-", normalise(text) if not ITEM_ID.match(text) else text)
    return re.sub(r"[^A-Za-z0-9_.-]", "", text).lstrip("_.-")


def _role_id(name: str, taken: set[str]) -> str:
    """A role code for a name: kept if it is one (``DSOL``), else made from its words."""
    text = name.strip()
    if ROLE_ID.match(text) and len(text) <= 24:
        ident = text
    else:
        words = re.sub(r"[^A-Z0-9]+", " ", normalise(text).upper()).split()
        ident = ""
        for word in words:
            if len(ident) + len(word) + 1 > 24:
                break
            ident = f"{ident}-{word}" if ident else word
        ident = ident or (words[0][:24] if words else "ROLE")
    base, n = ident, 2
    while ident in taken:
        ident = f"{base}-{n}"
        n += 1
    return ident


def slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")
    return slug[:60].strip("-") or "chronogramme"


def build_import(workbook: Workbook, mapping: Mapping, options: ImportOptions | None = None) -> ImportResult:
    """Read the sheet the mapping names into a package model, with every problem and a summary."""
    return _Builder(workbook, mapping, options or ImportOptions()).build()


def guess_mapping(workbook: Workbook, sheet: str | None = None) -> Mapping:
    """The mapping guessed from a sheet's header row (or a sheet without one)."""
    from crisisdesk.msel.columns import find_header_row

    chosen = workbook.sheet(sheet) if sheet else next(
        (s for s in workbook.sheets if layout.side_sheet_kind(s.name) is None and s.rows), workbook.sheets[0])
    header_row = find_header_row(chosen.rows)
    width = max((len(r) for r in chosen.rows), default=0)
    headers = list(chosen.rows[header_row]) if header_row is not None else [None] * width
    headers += [None] * (width - len(headers))
    return Mapping.guessed(headers, header_row, chosen.name if sheet or len(workbook.sheets) > 1 else None)
