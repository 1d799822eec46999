"""A row's expected responses: one per line, ``ROLE (delay, O2.3): action``, each part optional."""

from __future__ import annotations

import re
from dataclasses import replace

from crisisdesk.msel.import_result import ImportLog
from crisisdesk.msel.times import BARE, OFFSET, TimeFormatError, normalise, parse_when
from crisisdesk.package.ids import ITEM_ID
from crisisdesk.package.model import Expected, Objective, Role

DEFAULT_WITHIN = 15 * 60
_LINE = re.compile(r"^(?P<who>[^:()\[\]]{1,80}?)\s*(?:[(\[](?P<within>[^)\]]*)[)\]])?\s*:\s*(?P<what>.+)$")
_LEAD_DELAY = re.compile(r"^[(\[](?P<within>[^)\]]*)[)\]]\s*:?\s*(?P<what>.+)$")


class ExpectedReader:
    """Reads the expected-response cells of one import, against its roles and objectives.

    Without an objectives sheet (``known_objectives`` False: a CSV) a criterion the
    rows name creates its objective and criteria, to be completed; ``criteria_created``
    lists them for the summary.
    """

    def __init__(self, log: ImportLog, roles: dict[str, Role], objectives: dict[str, Objective],
                 known_objectives: bool):
        self.log = log
        self.roles = roles
        self.objectives = objectives
        self.known_objectives = known_objectives
        self.criteria_created: list[str] = []
        # A role is named by its id or its name, in any case or accent.
        self.names = {normalise(r.id): r.id for r in roles.values()} | {normalise(r.name): r.id for r in roles.values()}

    def read(self, row: int, col: dict[str, int], text: str, to: list[str],
             defaulted: dict[str, int]) -> list[Expected] | None:
        """The responses of one cell; None after reporting a line that cannot be read."""
        if not text:
            return []
        log = self.log
        names = self.names
        recipients = list(to) or [r.id for r in self.roles.values() if r.played]
        out: list[Expected] = []
        for line in text.split("\n"):
            line = line.strip().lstrip("-•*").strip()
            if not line:
                continue
            match = _LINE.match(line)
            role: str | None = None
            within: int | None = None
            action = line
            criterion: str | None = None
            if match and normalise(match["who"]) in names:
                role, action = names[normalise(match["who"])], match["what"].strip()
                if match["within"]:
                    delay, _, criterion_text = match["within"].partition(",")
                    criterion = criterion_text.strip() or None
                    within = self._within(row, col, delay)
                    if within is None:
                        return None
                    if criterion is not None:
                        criterion = self._criterion(row, col, criterion)
                        if criterion is None:
                            return None
            elif match and match["within"] is not None and match["who"].strip():
                log.problem(row, col["expected"], log.t("expected.not_role", who=match["who"].strip()))
                return None
            else:
                lead = _LEAD_DELAY.match(line)
                if lead:
                    within = self._within(row, col, lead["within"])
                    if within is None:
                        return None
                    action = lead["what"].strip()
            if role is None:
                if not recipients:
                    log.problem(row, col["expected"], log.t("expected.no_role"))
                    return None
                role = recipients[0]
            if within is None:
                within = DEFAULT_WITHIN
                defaulted["within"] += 1
            out.append(Expected(role=role, action=action, within=within,
                                **({"criterion": criterion} if criterion else {})))
        return out

    def _criterion(self, row: int, col: dict[str, int], text: str) -> str | None:
        """``O2.3`` checked here, at the spreadsheet's cell, rather than later against a msel.yaml line.

        Without an objectives sheet (a CSV) the criteria's texts are not in the file: the
        objective and its criteria up to that number are created, to be completed, and the
        summary says so, rather than losing the link.
        """
        log, objectives = self.log, self.objectives
        ident, dot, number = text.rpartition(".")
        if not dot or not ident or not number.isdigit() or int(number) < 1 or not ITEM_ID.match(ident):
            log.problem(row, col["expected"], log.t("criterion.bad", criterion=text))
            return None
        if not self.known_objectives:
            objective = objectives.get(ident) or Objective(id=ident, title=f"Objectif {ident}", criteria=())
            missing = range(len(objective.criteria) + 1, int(number) + 1)
            if missing:
                objective = replace(objective, criteria=objective.criteria + tuple(
                    f"Critère {n} (à compléter : créé par l'import)" for n in missing))
                self.criteria_created.append(f"{ident}.{int(number)}")
            objectives[ident] = objective
        if ident not in objectives:
            log.problem(row, col["expected"], log.t("criterion.no_objective", criterion=text, objective=ident,
                                                    known=", ".join(objectives) or "—"))
            return None
        count = len(objectives[ident].criteria)
        if int(number) > count:
            log.problem(row, col["expected"], log.t("criterion.out_of_range", criterion=text, objective=ident,
                                                    count=count))
            return None
        return f"{ident}.{int(number)}"

    def _within(self, row: int, col: dict[str, int], text: str) -> int | None:
        try:
            when = parse_when(text)
        except TimeFormatError:
            when = None
        if when is None or when.kind not in (OFFSET, BARE) or when.seconds <= 0:
            self.log.problem(row, col["expected"], self.log.t("expected.bad_delay", text=text))
            return None
        return when.seconds
