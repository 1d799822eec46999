"""One inject row, placed in time and addressed, read into an :class:`Inject`.

Title, body (HTML turned to Markdown), channel, objectives, attachments, indicator
changes, manual flag; the unmapped columns are kept in the notes. A cell that cannot
be read is reported at its cell and the row gives no inject.
"""

from __future__ import annotations

import re
from pathlib import Path

from crisisdesk.msel import layout
from crisisdesk.msel.cells import cell_text, clean_id, long_text, typed
from crisisdesk.msel.channels import channel_for
from crisisdesk.msel.htmltext import html_to_markdown, looks_like_html
from crisisdesk.msel.import_result import ImportLog
from crisisdesk.msel.mapping import Mapping
from crisisdesk.msel.row_expected import ExpectedReader
from crisisdesk.msel.sheet_rows import Draft
from crisisdesk.msel.times import normalise
from crisisdesk.package.ids import ITEM_ID
from crisisdesk.package.model import CHANNELS, Indicator, IndicatorValue, Inject, Objective, Role


class InjectReader:
    """Reads the inject rows of one import, sharing its roles, objectives and indicators.

    ``defaulted`` counts what was filled in for the summary (channel, delay, sender,
    title, HTML turned to Markdown). Objectives and indicators a CSV names without
    defining them are created, to be reviewed.
    """

    def __init__(self, log: ImportLog, mapping: Mapping, folder: Path, roles: dict[str, Role],
                 objectives: dict[str, Objective], known_objectives: bool, indicators: dict[str, Indicator],
                 indicators_known: bool, unknown_channels: list[str], attachments: dict[str, Path]):
        self.log = log
        self.mapping = mapping
        self.folder = folder  # the spreadsheet's folder: attachments are beside it
        self.roles = roles
        self.objectives = objectives
        self.known_objectives = known_objectives
        self.indicators = indicators
        self.indicators_known = indicators_known  # the workbook has an indicators sheet
        self.unknown_channels = unknown_channels  # channel words to settle in the mapping
        self.attachments = attachments  # package path -> file beside the spreadsheet
        self.expected = ExpectedReader(log, roles, objectives, known_objectives)
        self.defaulted = {"channel": 0, "within": 0, "sender": 0, "title": 0, "body": 0, "html": 0}

    def read(self, d: Draft, col: dict[str, int]) -> Inject | None:
        log, defaulted = self.log, self.defaulted
        row, values = d.row.index, d.row.values
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
                log.problem(row, col.get("title", col.get("body")), log.t("inject.no_title"))
                return None
            title = first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
            defaulted["title"] += 1
        if not body:
            body = title
        channel_text = cell_text(values.get("channel"))
        channel: str | None
        if channel_text:
            channel = channel_for(channel_text, self.mapping.channels)
            if channel is None:
                if channel_text not in self.unknown_channels:
                    self.unknown_channels.append(channel_text)
                log.problem(row, col["channel"], log.t("channel.unknown", word=channel_text,
                                                       channels=", ".join(CHANNELS)))
                ok = False
        else:
            channel = self.mapping.default_channel or "document"
            defaulted["channel"] += 1
        if d.default_sender:
            defaulted["sender"] += 1
        expected = self.expected.read(row, col, cell_text(values.get("expected")), d.to, defaulted)
        objective_ids = self._objectives(row, col, cell_text(values.get("objectives")))
        attachments = self._attachments(row, col, cell_text(values.get("attachments")))
        sets = self._sets(row, col, cell_text(values.get("sets")))
        notes = cell_text(values.get("notes"))
        extras = [f"{cell_text(h) or letter} : {cell_text(v)}" for h, letter, v in d.row.extras]
        if extras:
            notes = "\n".join(filter(None, [notes, *extras]))
        manual_text = normalise(cell_text(values.get("manual")))
        contingency = cell_text(values.get("contingency_for")) or None
        if manual_text in layout.YES_WORDS:
            manual = True
        elif manual_text in layout.NO_WORDS:
            manual = contingency is not None and not manual_text
        else:
            log.problem(row, col["manual"], log.t("manual.bad", value=cell_text(values.get("manual"))))
            manual, ok = False, False
        d.phase = cell_text(values.get("phase")) or d.row.section
        if expected is None or objective_ids is None or attachments is None or sets is None or not ok:
            return None
        assert channel is not None  # an unknown channel made ok False
        return Inject(
            id=d.id, at=d.at, title=title, sender=d.sender,
            to=tuple(r.id for r in self.roles.values() if r.played) if d.to_all else tuple(d.to),
            channel=channel, body=long_text(body), expected=tuple(expected), objectives=tuple(objective_ids),
            attachments=tuple(attachments), sets=sets, notes=long_text(notes), manual=manual,
            contingency_for=clean_id(contingency) if contingency else None, to_all=d.to_all,
        )

    def _objectives(self, row: int, col: dict[str, int], text: str) -> list[str] | None:
        """The objective ids a cell names, by id or by title; a CSV's unknown ones are created."""
        if not text:
            return []
        objectives = self.objectives
        out: list[str] = []
        by_title = {normalise(o.title): o.id for o in objectives.values()}
        parts = [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]
        for part in parts:
            ident = clean_id(part)
            if ident in objectives:
                out.append(ident)
            elif normalise(part) in by_title:
                out.append(by_title[normalise(part)])
            elif self.known_objectives:
                self.log.problem(row, col["objectives"], self.log.t("objective.unknown", value=part))
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
        """Files beside the spreadsheet, one per line or separated by ;."""
        if not text:
            return []
        out = []
        folder = self.folder
        for part in (p.strip() for p in re.split(r"[;\n]", text)):
            if not part:
                continue
            rel = part.replace("\\", "/")
            source = (folder / rel)
            if rel.startswith("/") or ".." in rel.split("/") or not source.is_file():
                self.log.problem(row, col["attachments"], self.log.t("attachment.missing", value=part, folder=folder))
                return None
            self.attachments[rel] = source
            out.append(rel)
        return out

    def _sets(self, row: int, col: dict[str, int], text: str) -> dict[str, IndicatorValue] | None:
        """``id=value`` pairs; without an indicators sheet, an unknown indicator starts at its first value."""
        if not text:
            return {}
        log, indicators = self.log, self.indicators
        out: dict[str, IndicatorValue] = {}
        for part in (p.strip() for p in re.split(r"[;\n]", text)):
            if not part:
                continue
            key, sep, value = part.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or not key:
                log.problem(row, col["sets"], log.t("sets.bad", value=part))
                return None
            if key not in indicators:
                if self.indicators_known or not ITEM_ID.match(key):
                    log.problem(row, col["sets"], log.t("sets.unknown" if ITEM_ID.match(key) else "sets.bad_id",
                                                        key=key))
                    return None
                # no indicators sheet (a CSV): the indicator starts at its first value, for review
                indicators[key] = Indicator(id=key, label=key, initial=typed(value))
                log.note(log.t("summary.indicator_created", key=key, value=value))
            out[key] = typed(value)
        return out
