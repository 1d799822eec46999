"""What the annexes hold in print: whole for a normal session, summarised for a very long one.

A 2,000-inject, 50,000-entry session printed whole is thousands of pages that nobody
reads and that Chromium takes minutes to lay out. Past ``LONG_LOG`` entries (or
``LONG_EVENTS`` events) the PDF keeps the decisions and the controller's significant
events and says where the rest is; the HTML report always keeps everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from crisisdesk.report.figures import DECISION_KINDS, EntryRow, EventRow, ReportFigures
from crisisdesk.report.labels import labels
from crisisdesk.report.role_cards import RoleCardWords, role_card_html

LONG_LOG = 1500  # entry revisions: about 60 printed pages
LONG_EVENTS = 1500
LONG_INJECTS = 300  # the chronology and the inject texts: about 100 printed pages
CHRONOLOGY_EXCEPTIONS = 300  # rows of a long session's printed chronology
FINDINGS_CAP = 12  # findings per list in a long session's print (thousands of tagged entries otherwise)
INDICATORS_CAP = 300
UNLIMITED = 10**9
SIGNIFICANT_EVENTS = frozenset({"created", "start", "pause", "resume", "end", "skip", "delay", "edit", "add",
                                "jump", "shift", "autofire", "recovered"})


@dataclass(frozen=True)
class Annexes:
    log_rows: tuple[EntryRow, ...] | None  # None: every revision
    log_summary: tuple[int, int] | None  # (shown, total) when summarised
    events: tuple[EventRow, ...]
    role_cards: tuple[Markup, ...]
    long: bool = False  # a very long session in print: chronology exceptions only, no inject texts
    chronology: tuple = ()
    findings_cap: int = UNLIMITED
    indicators_cap: int = UNLIMITED


def print_annexes(fig: ReportFigures, lang: str, *, for_print: bool) -> Annexes:
    long = for_print and (len(fig.entry_history) > LONG_LOG or len(fig.injects) > LONG_INJECTS)
    log_rows, log_summary = None, None
    if for_print and len(fig.entry_history) > LONG_LOG:
        # Measured on 50,000 entries: even its 16,000 decisions were too many pages for
        # Chromium to print in time; the printed annex keeps the decisions of the first
        # thousand and says where the rest is.
        decisions = [e for e in fig.entries if e.kind in DECISION_KINDS]
        log_rows = tuple(decisions[:LONG_LOG // 2])
        log_summary = (len(log_rows), len(fig.entry_history))
    events = fig.events
    if for_print and len(events) > LONG_EVENTS:
        events = tuple(ev for ev in events if ev.kind in SIGNIFICANT_EVENTS)
    chronology = fig.chronology
    if long:  # what departed from the plan: late, early, skipped, not fired, ad hoc, manual
        chronology = tuple(item for item in chronology if item.inject is not None
                           and item.inject.status != "on_time")[:CHRONOLOGY_EXCEPTIONS]
    caps = (FINDINGS_CAP, INDICATORS_CAP) if long else (UNLIMITED, UNLIMITED)
    return Annexes(log_rows, log_summary, events, _role_cards(fig, lang), long, chronology, *caps)


def _role_cards(fig: ReportFigures, lang: str) -> tuple[Markup, ...]:
    """Every role's card, the markup the console and the player kit print."""
    t = labels(lang)
    cards = []
    for role in fig.all_roles:
        words = RoleCardWords(mission=t["mission"], decisions=t["decisions_expected"], resources=t["resources"],
                              contacts=t["contacts"], footer="", kind=t[f"role_kind_{role.kind}"])
        cards.append(Markup(role_card_html(role, fig.exercise, words, compact=True)))
    return tuple(cards)
