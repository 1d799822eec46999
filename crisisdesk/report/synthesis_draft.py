"""The synthesis drafted as text, for the RETEX team to start from in the app.

The report drafts the synthesis fields nobody wrote (``sections.synthesis``); the RETEX
screen offers the same draft as editable text, one item per line, in the report's
language, so what the team signs is what they read and corrected.
"""

from __future__ import annotations

from crisisdesk.report.figures import FindingRow, ReportFigures
from crisisdesk.report.labels import format_duration, format_long_date, labels, language_of
from crisisdesk.report.sections import synthesis


def _item(item) -> str:
    if isinstance(item, FindingRow):
        return f"{item.text} ({', '.join(item.objective_ids)})" if item.objective_ids else item.text
    return str(item)


def draft_synthesis(fig: ReportFigures, language: str | None = None) -> dict[str, str]:
    """The synthesis fields drafted from the evidence alone (whatever the team wrote), as text."""
    from datetime import datetime

    lang = language_of(language or fig.language)
    t = labels(lang)
    drafted = synthesis(None, fig.findings, fig.improvements, fig.objectives)
    date = (format_long_date(datetime.fromtimestamp(fig.started_at, fig.timezone), lang)
            if fig.started_at else t["not_started"])
    context = t["syn_context_draft"].format(
        title=fig.exercise.title, date=date, played=format_duration(fig.played, lang),
        roles=len(fig.played_roles), fired=fig.counts.fired, objectives=len(fig.objectives))
    return {
        "context": context,
        "strengths": "\n".join(_item(i) for i in drafted.strengths),
        "improvements": "\n".join(_item(i) for i in drafted.improvements),
        "recommendations": "\n".join(_item(i) for i in drafted.recommendations),
    }
