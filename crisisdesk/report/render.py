"""The report's Jinja environment and the HTML rendering.

One environment per template folder: autoescaping on for every template (observers'
text is always shown as text), StrictUndefined (a typo in a template fails loudly),
and a ChoiceLoader so a user folder overrides any default template by name. A user
template can also extend a default one as ``default/<name>``.
"""

from __future__ import annotations

import functools
import os
from datetime import date, datetime
from html import escape
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateRuntimeError,
    pass_context,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from crisisdesk.markdown_text import ImageSource, render_markdown
from crisisdesk.report.chart import build_chart, safe_color
from crisisdesk.report.event_text import EventContext, describe_event
from crisisdesk.report.figures import ON_TIME_TOLERANCE, UNPLAYED_STATUSES, ReportFigures
from crisisdesk.report.labels import (
    EVENT_LABELS,
    format_day,
    format_duration,
    format_long_date,
    format_short_date,
    labels,
    language_of,
)
from crisisdesk.timefmt import format_offset

DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "templates"
MAIN_TEMPLATE = "report.html.j2"
# Rows per main-courante table: measured on 20,000 entries, QtWebEngine printed chunks
# of 500 rows in 47 s against 81 s for one table.
LOG_CHUNK_ROWS = 500


class TemplateFolderError(ValueError):
    """The user's template folder does not exist or is not a folder."""


# -- filters -------------------------------------------------------------------------


def _offset(seconds: float | None, with_seconds: bool = False) -> str:
    if seconds is None:
        return "—"
    return format_offset(seconds, with_seconds=with_seconds)


def _gap(seconds: float | None) -> str:
    """Signed gap to the plan: "+5:00", "-1:30", "0:00" (minutes:seconds or h:mm:ss)."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    sign = "+" if total > 0 else ("−" if total < 0 else "±")
    total = abs(total)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


def _local(context, epoch: float) -> datetime:
    """``epoch`` in the exercise's time zone, whatever the machine's (a 09:30 start in Paris prints 09:30)."""
    fig = context.get("fig")
    return datetime.fromtimestamp(epoch, getattr(fig, "timezone", None))


@pass_context
def _clock(context, epoch: float | None, with_seconds: bool = True) -> str:
    if epoch is None:
        return "—"
    return _local(context, epoch).strftime("%H:%M:%S" if with_seconds else "%H:%M")


@pass_context
def _duration(context, seconds: float | None) -> str:
    return format_duration(seconds, context["lang"])


@pass_context
def _long_date(context, epoch: float | None) -> str:
    if epoch is None:
        return "—"
    return format_long_date(_local(context, epoch), context["lang"])


@pass_context
def _long_datetime(context, epoch: float | None) -> str:
    if epoch is None:
        return "—"
    moment = _local(context, epoch)
    joiner = " à " if context["lang"] == "fr" else ", "
    return f"{format_long_date(moment, context['lang'])}{joiner}{moment:%H:%M}"


@pass_context
def _day(context, value: date | str | None) -> str:
    """A calendar day in the report's language ("25 février 2027"); text that is no ISO date as is."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            return format_day(date.fromisoformat(value.strip()), context["lang"])
        except ValueError:
            return value
    return format_day(value, context["lang"])


@pass_context
def _scenario(context, moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return f"{format_short_date(moment, context['lang'])} {moment:%H:%M}"


def _css_string(text: str) -> Markup:
    """Quote ``text`` as a CSS string literal (for @page margin boxes)."""
    escaped = []
    for char in str(text):
        if char in '"\\' or char in "<>&" or ord(char) < 0x20:
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return Markup('"' + "".join(escaped) + '"')


@pass_context
def _typography(context, markup) -> Markup:
    """French (or English) typography on rendered HTML: ``{% filter typography %}…{% endfilter %}``."""
    from crisisdesk.report.typography import typography_html

    return typography_html(markup, context["lang"])


@pass_context
def _markdown(context, text: str | None) -> Markup:
    # Raw HTML off; images only from the package's attachments, embedded (crisisdesk/markdown_text.py).
    return Markup(render_markdown(text, image_src=context.get("image_src")))


# -- environment ---------------------------------------------------------------------


class _UserFolderLoader(FileSystemLoader):
    """Templates of a user's folder: regular files inside it, never reached through a link.

    Checked again at each load (not only when the folder is given): a link made meanwhile
    could otherwise show any file of the laptop in a report.
    """

    def __init__(self, folder: str):
        super().__init__(folder, followlinks=False)
        self.folder = Path(folder)

    def get_source(self, environment: Environment, template: str):
        current = self.folder
        for part in split_template_path(template):
            current = current / part
            if current.is_symlink():
                # Not TemplateNotFound: the ChoiceLoader would quietly fall back to the default.
                raise TemplateRuntimeError(f"{template}: is a symbolic link; a template folder holds its own files")
        return super().get_source(environment, template)


@functools.lru_cache(maxsize=8)
def _environment(user_folder: str | None) -> Environment:
    default = FileSystemLoader(str(DEFAULT_TEMPLATES))
    loaders: list[BaseLoader] = [_UserFolderLoader(user_folder)] if user_folder else []
    loaders += [default, PrefixLoader({"default": default})]
    # A template folder someone sends is code: it runs in Jinja's sandbox, which lets a
    # template read the report's figures and call the filters but reach no Python
    # internals (no os, no files, no imports). The defaults are ours and stay unsandboxed:
    # the sandbox checks every attribute read, which a 50,000-entry report would feel.
    environment_class = SandboxedEnvironment if user_folder else Environment
    env = environment_class(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(
        offset=_offset,
        gap=_gap,
        clock=_clock,
        duration=_duration,
        long_date=_long_date,
        long_datetime=_long_datetime,
        day=_day,
        scenario=_scenario,
        css_string=_css_string,
        markdown=_markdown,
        safe_color=safe_color,
        typography=_typography,
    )
    return env


def make_environment(templates: str | Path | None = None) -> Environment:
    """Return the report's Jinja environment, with ``templates`` overriding the defaults."""
    if templates is None:
        return _environment(None)
    folder = Path(templates).expanduser()
    if not folder.is_dir():
        raise TemplateFolderError(f"template folder not found: {folder}")
    links = _links_in(folder)
    if links:
        shown = ", ".join(str(link.relative_to(folder)) for link in links[:5])
        raise TemplateFolderError(f"{folder}: holds symbolic links ({shown}); a template folder must hold its "
                                  "own files, copy them in instead")
    return _environment(str(folder.resolve()))


def _links_in(folder: Path) -> list[Path]:
    """Every symbolic link inside ``folder`` (not followed), in name order."""
    links = []
    for parent, dirs, names in os.walk(folder, followlinks=False):
        for name in sorted(dirs + names):
            if (Path(parent) / name).is_symlink():
                links.append(Path(parent) / name)
    return sorted(links)


def log_table_rows(fig: ReportFigures, lang: str, rows=None) -> list[Markup]:
    """Return the ``<tr>`` rows of the main-courante annex in chunks of LOG_CHUNK_ROWS rows.

    Each correction comes right after what it corrects.

    This table grows with the session (50,000 entries is a long exercise with many
    observers), so its rows are built here in one pass, every text escaped with
    ``html.escape``, instead of one Jinja loop iteration per entry: the template
    inserts the result as is. Restyle the rows through the ``log`` table's CSS.
    """
    t = labels(lang)
    kinds = {k[5:]: v for k, v in t.items() if k.startswith("kind_")}
    tag_names = {k[4:]: v for k, v in t.items() if k.startswith("tag_")}
    days: dict[tuple[int, int], str] = {}
    out = []
    for e in sorted(fig.entry_history if rows is None else rows, key=lambda r: (r.first_time, r.real_time)):
        if e.superseded:
            note = t["superseded_by_later"]
        elif e.is_correction:
            note = t["correction_of"].format(t=datetime.fromtimestamp(e.first_time, fig.timezone).strftime("%H:%M"))
        else:
            note = ""
        moment = e.scenario_time
        if moment is not None:
            day = days.get((moment.month, moment.day))
            if day is None:
                day = days[(moment.month, moment.day)] = escape(format_short_date(moment, lang))
            scenario = f"{day} {moment.hour:02d}:{moment.minute:02d}"
        else:
            scenario = "—"
        real = datetime.fromtimestamp(e.real_time, fig.timezone)
        text = escape(e.text)
        if note:
            text = f'<em class="muted">[{escape(note)}]</em> {text}'
        if e.inject_id:
            text = f'<span class="muted small">{escape(e.inject_id)} ›</span> {text}'
        tags = "".join(f' <span class="tag">{escape(tag_names.get(tag, tag))}</span>' for tag in e.tags)
        row_class = ' class="superseded"' if e.superseded else ""
        out.append(
            f"<tr{row_class}>"
            f'<td class="num">{real.hour:02d}:{real.minute:02d}:{real.second:02d}</td>'
            f'<td class="num">{_offset(e.elapsed)}</td><td>{scenario}</td>'
            f"<td>{escape(e.role or '—')}</td><td>{escape(kinds.get(e.kind, e.kind))}</td>"
            f'<td class="text">{text}{tags}</td><td>{escape(e.observer)}</td></tr>\n'
        )
    return [Markup("".join(out[i:i + LOG_CHUNK_ROWS])) for i in range(0, len(out), LOG_CHUNK_ROWS)]


def render_html(fig: ReportFigures, *, templates: str | Path | None = None,
                language: str | None = None, image_src: ImageSource | None = None,
                for_print: bool = False) -> str:
    """Render the report of ``fig`` as one self-contained HTML document.

    ``image_src`` turns an image of an inject body into a URL (see crisisdesk/markdown_text.py);
    without it every image is shown as text. ``for_print``: the document is for the PDF,
    where a very long session's annexes are summarised (``print_annexes``); the HTML keeps
    them whole.
    """
    from crisisdesk.report.print_annexes import print_annexes

    lang = language_of(language or fig.language)
    env = make_environment(templates)
    annexes = print_annexes(fig, lang, for_print=for_print)
    events_context = EventContext(
        lang, titles={r.inject_id: r.title for r in fig.injects}, timezone=fig.timezone,
        indicators={i.id: (i.label, i.unit or "") for i in fig.exercise.indicators})
    try:
        template = env.get_template(MAIN_TEMPLATE)
        return template.render(
            fig=fig,
            event_details=lambda ev: describe_event(ev.kind, ev.payload, events_context),
            chart=build_chart(fig, lang),
            log_chunks=log_table_rows(fig, lang, annexes.log_rows),
            events_shown=annexes.events,
            log_summary=annexes.log_summary,
            role_cards=annexes.role_cards,
            print_long=annexes.long,
            chronology_shown=annexes.chronology,
            findings_cap=annexes.findings_cap,
            indicators_cap=annexes.indicators_cap,
            for_print=for_print,
            on_time_tolerance=ON_TIME_TOLERANCE,
            unplayed_statuses=tuple(sorted(UNPLAYED_STATUSES)),
            t=labels(lang),
            events_t=EVENT_LABELS[lang],
            lang=lang,
            image_src=image_src,
        )
    except RecursionError as exc:
        raise TemplateRuntimeError(
            f"{_looping_template(exc)}: includes, imports or extends itself (directly or through another "
            "template)") from None


def _looping_template(exc: RecursionError) -> str:
    """The template that appears most often in ``exc``'s traceback: the one that loops."""
    counts: dict[str, int] = {}
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            counts[name] = counts.get(name, 0) + 1
        tb = tb.tb_next
    return max(counts, key=lambda name: counts[name]) if counts else "a report template"
