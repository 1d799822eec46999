"""The improvement plan as a spreadsheet file (CSV) for follow-up after the RETEX.

``crisisdesk report SESSION -o plan.csv`` writes it: one row per action, the columns of
the report's plan in its language, dates in ISO form (a spreadsheet sorts them), ``;``
separated UTF-8 with a byte order mark (what a French Excel opens without a wizard, as
``crisisdesk export`` does). A cell starting with = + - @ is prefixed with ' so that a
spreadsheet shows it as text instead of running it as a formula (text typed by
observers is never trusted).
"""

from __future__ import annotations

import csv
import io

from crisisdesk.report.figures import ReportFigures
from crisisdesk.report.labels import labels

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def plan_csv(fig: ReportFigures, language: str) -> str:
    """The plan d'actions of ``fig`` as CSV text (header row first)."""
    t = labels(language)
    header = [t["number"], t["action"], t["constat"], t["objective"], t["domain"], t["owner"], t["role"],
              t["contact"], t["start_date"], t["due_date"], t["action_status"], t["priority"], t["observer"]]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for line in fig.improvements:
        finding = f"{line.finding_id} — {line.finding_text}" if line.finding_id is not None else ""
        priority = t.get(f"prio_{line.priority}", line.priority)
        writer.writerow([_cell(v) for v in (
            line.number, line.action, finding, line.objective_id or "",
            t[f"domain_{line.domain}"] if line.domain else "", line.organisation or line.owner_name,
            line.owner_role, line.contact, line.start_date, line.due_date,
            t[f"action_status_{line.status}"] if line.status else "", priority, line.edited_by or line.observer,
        )])
    return out.getvalue()
