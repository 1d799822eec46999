"""Geometry of the timeline chart: lanes per role, injects and entries on a time axis.

This module only computes positions (frozen dataclasses, in SVG user units); the
template ``_chart.html.j2`` draws them as inline SVG, so every label goes through
Jinja's autoescaping. Big sessions stay light: past ``AGGREGATE_ABOVE`` entries,
each lane shows a small histogram per time slice instead of one dot per entry.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from crisisdesk.report.figures import DECISION_KINDS, ReportFigures
from crisisdesk.report.labels import labels
from crisisdesk.timefmt import format_offset

WIDTH = 760  # user units; printed across ~184 mm, so a 10-unit font prints at ~7 pt
LABEL_WIDTH = 96
PLOT_LEFT = LABEL_WIDTH + 10
PLOT_RIGHT = WIDTH - 16
PHASE_ROW = 17
INJECT_LANE = 32
ROLE_LANE = 20
AXIS_ROW = 22
AGGREGATE_ABOVE = 1500
BIN_WIDTH = 4
TICK_STEPS = (60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400)
MAX_TICKS = 13
MAX_LABEL_CHARS = 14
CHAR_WIDTH = 6.0  # average advance of a 10-unit bold label, to fit phase titles in their band
PALETTE = ("#1f4e79", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41", "#ef6c00",
           "#3949ab", "#558b2f", "#ad1457", "#00695c", "#5d4037", "#283593", "#9e9d24")


@dataclass(frozen=True)
class Lane:
    label: str
    full_label: str
    y: float
    height: float
    color: str
    shaded: bool


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Band:
    x0: float
    x1: float
    label: str
    shaded: bool
    title: str


@dataclass(frozen=True)
class InjectMark:
    """An inject on the inject lane: due point, actual point, and the gap between.

    ``due_x`` is the effective due time (as the controller last set it), the one the
    gap is measured against; ``planned_x`` the package's time (None for ad-hoc injects).
    """

    inject_id: str
    title: str
    status: str
    planned_x: float | None
    fired_x: float | None
    y: float
    due_x: float | None = None


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    decision: bool
    color: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    color: str


@dataclass(frozen=True)
class Received:
    x: float
    y: float


@dataclass(frozen=True)
class TimelineChart:
    width: int
    height: float
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    lanes: tuple[Lane, ...]
    ticks: tuple[Tick, ...]
    bands: tuple[Band, ...]
    injects: tuple[InjectMark, ...]
    received: tuple[Received, ...]
    dots: tuple[Dot, ...]
    bars: tuple[Bar, ...]
    bin_width: float
    now_x: float | None
    aggregated: bool
    entry_count: int


_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def safe_color(value: str | None, default: str = PALETTE[0]) -> str:
    """Return ``value`` if it is a #rgb / #rrggbb colour, else ``default`` (it lands in CSS/SVG)."""
    return value if value and _COLOR.match(value) else default


def _shorten(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fit(title: str, width: float) -> str:
    """Shorten a phase title to what fits in ``width`` units: its lead ("J+1") first, then cut."""
    room = max(0, int((width - 6) / CHAR_WIDTH))
    if len(title) <= room:
        return title
    for separator in (" — ", " : ", " - ", ": "):
        if separator in title:
            title = title.split(separator, 1)[0]
            break
    if len(title) <= room:
        return title
    return _shorten(title, room) if room >= 2 else ""


def tick_step(span: float) -> int:
    """Return the smallest round step giving at most MAX_TICKS ticks over ``span`` seconds."""
    for step in TICK_STEPS:
        if span / step <= MAX_TICKS:
            return step
    return TICK_STEPS[-1]


def build_chart(fig: ReportFigures, language: str | None = None) -> TimelineChart:
    """Lay out the timeline chart of a report (lane labels in ``language``)."""
    lane_label = labels(language or fig.language)["chart_injects_lane"]
    span = max(fig.axis_end, 60.0)
    scale = (PLOT_RIGHT - PLOT_LEFT) / span

    def x_of(seconds: float) -> float:
        return round(PLOT_LEFT + max(0.0, min(seconds, span)) * scale, 1)

    plot_top = PHASE_ROW
    lanes: list[Lane] = []
    y = plot_top
    lanes.append(Lane(_shorten(lane_label), lane_label, y, INJECT_LANE, "#444", False))
    y += INJECT_LANE
    role_y: dict[str, float] = {}
    role_color: dict[str, str] = {}
    for i, role in enumerate(fig.played_roles):
        color = safe_color(role.color, PALETTE[i % len(PALETTE)])
        lanes.append(Lane(_shorten(role.id), f"{role.id} — {role.name}", y, ROLE_LANE, color, i % 2 == 0))
        role_y[role.id] = y + ROLE_LANE / 2
        role_color[role.id] = color
        y += ROLE_LANE
    plot_bottom = y
    height = plot_bottom + AXIS_ROW

    step = tick_step(span)
    ticks = tuple(
        Tick(x_of(t), format_offset(t, with_seconds=False)) for t in range(0, int(span) + 1, step)
    )
    bands = tuple(
        Band(x_of(p.start), x_of(p.end), _fit(p.title, x_of(p.end) - x_of(p.start)), i % 2 == 1, p.title)
        for i, p in enumerate(fig.phases)
    )

    inject_y = plot_top + INJECT_LANE / 2
    marks = []
    received = set()
    for row in fig.injects:
        if row.status in ("unused", "not_reached"):
            continue  # never played: nothing happened to draw
        planned_x = x_of(row.planned_at) if row.planned_at is not None else None
        due_x = x_of(row.due_at) if row.planned_at is not None else None
        fired_x = x_of(row.fired_elapsed) if row.fired_elapsed is not None else None
        marks.append(InjectMark(row.inject_id, row.title, row.status, planned_x, fired_x, inject_y, due_x))
        if fired_x is not None:
            for role_id in row.to:
                if role_id in role_y:
                    received.add((fired_x, role_y[role_id]))

    # (x, role, is a decision) of each entry played at a known time by a role on the chart
    timed = [(x_of(e.first_elapsed), e.role, e.kind in DECISION_KINDS) for e in fig.entries
             if e.first_elapsed is not None and e.role is not None and e.role in role_y and e.stage == "play"]
    aggregated = len(timed) > AGGREGATE_ABOVE
    dots: list[Dot] = []
    bars: list[Bar] = []
    if aggregated:
        bins = Counter((role_id, int((x - PLOT_LEFT) // BIN_WIDTH)) for x, role_id, _ in timed)
        peak = max(bins.values())
        for (role_id, index), count in sorted(bins.items()):
            bar_height = max(1.5, (ROLE_LANE - 6) * count / peak)
            base = role_y[role_id] + ROLE_LANE / 2 - 3
            bars.append(Bar(PLOT_LEFT + index * BIN_WIDTH, round(base - bar_height, 1),
                            round(bar_height, 1), role_color[role_id]))
    else:
        seen = set()
        # Decisions last, so they are drawn over the lighter entries.
        for x, role_id, decision in sorted(timed, key=lambda t: t[2]):
            key = (role_id, round(x), decision)
            if key in seen:
                continue
            seen.add(key)
            dots.append(Dot(x, role_y[role_id], decision, role_color[role_id]))

    return TimelineChart(
        width=WIDTH,
        height=height,
        plot_left=PLOT_LEFT,
        plot_right=PLOT_RIGHT,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        lanes=tuple(lanes),
        ticks=ticks,
        bands=bands,
        injects=tuple(marks),
        received=tuple(Received(x, y) for x, y in sorted(received)),
        dots=tuple(dots),
        bars=tuple(bars),
        bin_width=BIN_WIDTH - 1,
        now_x=x_of(fig.played) if fig.draft and fig.started_at is not None else None,
        aggregated=aggregated,
        entry_count=len(timed),
    )
