"""GUI: the room display for the projector — scenario clock, phase, indicators, public injects as cards.

Only what the room may see: controller notes and expected responses are never put here;
the feed holds public injects (news, social) once fired, plus any fired inject the
controller chose to show, minus those the controller withdrew.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crisisdesk.session import InjectStatus
from ui.console.clock_bar import ElidedLabel
from ui.console.inject_detail import markdown_to_html
from ui.console.theme import text_color_on, vigilance_color
from ui.labels import code_label, term

FEED_SIZE = 3
DEFAULT_TILES = 6  # indicators shown until the controller picks others
BODY_CHARS = 220  # a card of three shows the start of the message: the room reads it from afar
EMPHASIS = re.compile(r"(\*\*|\*|__|(?<!\w)_|_(?!\w))")  # Markdown emphasis marks


@dataclass(frozen=True)
class FeedItem:
    """GUI: one public inject as the room sees it (no notes, no expected responses)."""

    inject_id: str
    channel: str
    sender: str
    title: str
    body: str
    scenario_time: datetime | None


@dataclass(frozen=True)
class RoomView:
    """GUI: everything the room display shows at one moment."""

    exercise_title: str
    scenario_time: datetime | None
    phase_title: str
    indicators: tuple[tuple[str, str, str], ...]  # (label, value, unit)
    feed: tuple[FeedItem, ...]
    ended: bool = False
    language: str = "fr"  # the exercise's language: dates are written in it


@dataclass
class RoomSelection:
    """GUI: the controller's choices of what the room display shows."""

    show_clock: bool = True
    show_indicators: bool = True
    show_feed: bool = True
    pinned: set[str] = field(default_factory=set)  # fired non-public injects shown anyway
    hidden: set[str] = field(default_factory=set)  # public injects withdrawn
    indicator_ids: list[str] | None = None  # None: the package's first DEFAULT_TILES

    def shown_indicators(self, indicators) -> list:
        """Return the package indicators to show as tiles, in package order."""
        if self.indicator_ids is None:
            return list(indicators)[:DEFAULT_TILES]
        return [indicator for indicator in indicators if indicator.id in self.indicator_ids]

    def toggle_indicator(self, indicators, indicator_id: str) -> None:
        """Show or hide one indicator's tile."""
        current = [i.id for i in self.shown_indicators(indicators)]
        if indicator_id in current:
            current.remove(indicator_id)
        else:
            current.append(indicator_id)
        self.indicator_ids = current

    def is_shown(self, state) -> bool:
        """True if the fired inject ``state`` belongs in the feed."""
        inject_id = state.inject.id
        if state.status is not InjectStatus.FIRED or inject_id in self.hidden:
            return False
        return state.inject.public or inject_id in self.pinned

    def toggle(self, state) -> bool:
        """Show or withdraw ``state``'s inject; return True if it is now shown."""
        inject_id = state.inject.id
        if self.is_shown(state):
            self.pinned.discard(inject_id)
            if state.inject.public:
                self.hidden.add(inject_id)
            return False
        self.hidden.discard(inject_id)
        if not state.inject.public:
            self.pinned.add(inject_id)
        return True

    def feed(self, states, scenario_at) -> tuple[FeedItem, ...]:
        """Return the latest shown injects, newest first."""
        shown = [s for s in states if self.is_shown(s)]
        shown.sort(key=lambda s: s.fired_at or 0.0, reverse=True)
        return tuple(
            FeedItem(
                inject_id=s.inject.id,
                channel=s.inject.channel,
                sender=s.inject.sender,
                title=s.inject.title,
                body=s.inject.body,
                scenario_time=s.fired_scenario or scenario_at(s.fired_elapsed or s.due_at),
            )
            for s in shown[:FEED_SIZE]
        )


class FeedCard(QFrame):
    """GUI: one inject styled as a news flash, a social post, or a plain message."""

    def __init__(self, item: FeedItem, parent: QWidget | None = None, *, factor: float = 1.0,
                 body_chars: int = BODY_CHARS) -> None:
        super().__init__(parent)
        self.setObjectName("feedCard")
        self.setProperty("inject_id", item.inject_id)
        self.setProperty("channel", item.channel)
        # A widget's own style sheet beats the window's, whatever the selectors' specificity.
        self.setStyleSheet(scale_css(CARD_FRAMES.get(item.channel, DEFAULT_FRAME) + CARD_STYLE, factor))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        esc = html.escape
        when = item.scenario_time.strftime("%H:%M") if item.scenario_time else ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        if item.channel == "news":
            banner = _plain(self.tr("FLASH INFO") + (f"  ·  {when}" if when else ""))
            banner.setObjectName("newsBanner")
            layout.addWidget(banner)
            headline = _plain(item.title)
            headline.setObjectName("newsHeadline")
            source = _plain(item.sender)
            source.setObjectName("cardMeta")
            layout.addWidget(headline)
            layout.addWidget(source)
        elif item.channel == "social":
            avatar = QLabel((item.sender.strip()[:1] or "?").upper())
            avatar.setObjectName("socialAvatar")
            avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header = QLabel(f"<b>{esc(item.sender)}</b> &nbsp;<span style='color:#657786;'>· {esc(when)}</span>")
            header.setObjectName("socialHeader")
            header.setTextFormat(Qt.TextFormat.RichText)
            row = QHBoxLayout()
            row.addWidget(avatar)
            row.addWidget(header, 1)
            layout.addLayout(row)
        else:
            header = QLabel(f"<b>{esc(code_label('channel', item.channel))}</b> — {esc(item.sender)}  ·  {esc(when)}")
            header.setObjectName("cardMeta")
            header.setTextFormat(Qt.TextFormat.RichText)
            title = _plain(item.title)
            title.setObjectName("messageTitle")
            layout.addWidget(header)
            layout.addWidget(title)
        body = QLabel(markdown_to_html(shorten(item.body, body_chars)))
        body.setObjectName("cardBody")
        body.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(body)
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)


class IndicatorTile(QFrame):
    """GUI: one indicator as a big coloured tile (vigilance levels in their colour)."""

    def __init__(self, label: str, value: str, unit: str, parent: QWidget | None = None, *,
                 factor: float = 1.0) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorTile")
        color = vigilance_color(value)
        background = color or "#1b2b3f"
        foreground = text_color_on(background)
        self.setStyleSheet(
            f"#indicatorTile {{ background: {background}; border-radius: 12px; }}"
            f" QLabel {{ color: {foreground}; background: transparent; }}"
            + scale_css(TILE_FONTS, factor)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        caption = ElidedLabel(objectName="tileCaption")
        caption.setText(label)
        shown = value.upper() if color else value
        figure = _plain(f"{shown} {unit}".strip())
        figure.setObjectName("tileValue")
        layout.addWidget(caption)
        layout.addWidget(figure)


# Tile fonts sit in the tile's own style sheet so they scale with the window (see scale_css).
TILE_FONTS = """
#tileCaption { font-size: 12pt; }
#tileValue { font-size: 26pt; font-weight: 800; }
"""

CARD_STYLE = """
QLabel { color: #111111; background: transparent; }
#cardBody { font-size: 15pt; }
#cardMeta { font-size: 13pt; color: #4a5968; }
#messageTitle { font-size: 18pt; font-weight: 700; }
#newsBanner { background: #c8102e; color: white; font-size: 14pt; font-weight: 800; padding: 4px 10px; }
#newsHeadline { font-size: 20pt; font-weight: 800; }
#socialHeader { font-size: 16pt; }
#socialAvatar { background: #1d9bf0; color: white; font-size: 18pt; font-weight: 800; border-radius: 22px;
    min-width: 44px; max-width: 44px; min-height: 44px; max-height: 44px; }
"""
CARD_FRAMES = {
    "news": "#feedCard { background: #ffffff; border-left: 14px solid #c8102e; border-radius: 0px; }",
    "social": "#feedCard { background: #ffffff; border: 3px solid #1d9bf0; border-radius: 18px; }",
}
DEFAULT_FRAME = "#feedCard { background: #f4f6f9; border-left: 14px solid #5a6270; border-radius: 0px; }"

STYLE = """
#roomDisplay { background: #0d1b2a; }
#roomDisplay QLabel { color: #f0f4f8; }
#roomTitle { font-size: 20pt; font-weight: 600; color: #9fb3c8; }
#roomExerciseMark { font-size: 14pt; font-weight: 800; color: #0d1b2a; background: #f2d21b;
    padding: 4px 14px; border-radius: 6px; }
#roomClock { font-size: 84pt; font-weight: 800; font-family: monospace; }
#roomDate { font-size: 24pt; font-weight: 600; }
#roomPhase { font-size: 18pt; color: #9fb3c8; }
#roomEmptyFeed { font-size: 16pt; color: #6b7f95; }
"""


class RoomDisplay(QWidget):
    """GUI: the projector window; shows a RoomView and nothing the room must not see."""

    dismissed = Signal()  # hidden (Escape, closed): the console's "room display" toggle follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("roomDisplay")
        # Qt adds the application name (" — crisisdesk") itself: the title names the exercise (show_view).
        self.setWindowTitle(self.tr("Écran de salle"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Sizes are designed for a 720p window and scale with its height, so a 1080p or 4K
        # projector reads as large from the back of the room.
        self._factor = 1.0
        self.setStyleSheet(STYLE)
        self.resize(1280, 720)
        self.selection = RoomSelection()

        self.title_label = _plain("")
        self.title_label.setObjectName("roomTitle")
        mark = QLabel(self.tr("EXERCICE"), objectName="roomExerciseMark")
        mark.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clock_label = _plain("")
        self.clock_label.setObjectName("roomClock")
        self.date_label = _plain("")
        self.date_label.setObjectName("roomDate")
        self.phase_label = _plain("")  # the phase title comes from the package: never parsed as HTML
        self.phase_label.setObjectName("roomPhase")
        self.clock_box = QWidget()
        clock_layout = QVBoxLayout(self.clock_box)
        clock_layout.setContentsMargins(0, 0, 0, 0)
        clock_layout.addWidget(self.clock_label)
        clock_layout.addWidget(self.date_label)
        clock_layout.addWidget(self.phase_label)
        clock_layout.addStretch(1)

        self.indicator_box = QWidget()
        self.indicator_grid = QGridLayout(self.indicator_box)
        self.indicator_grid.setContentsMargins(0, 0, 0, 0)
        self.indicator_grid.setSpacing(12)

        self.feed_box = QWidget()
        self.feed_layout = QHBoxLayout(self.feed_box)
        self.feed_layout.setContentsMargins(0, 0, 0, 0)
        self.feed_layout.setSpacing(18)

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(mark)
        top = QHBoxLayout()
        top.setSpacing(32)
        top.addWidget(self.clock_box, 3)
        top.addWidget(self.indicator_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 28)
        layout.setSpacing(20)
        layout.addLayout(header)
        layout.addLayout(top, 0)
        layout.addWidget(self.feed_box, 1)
        self._last_view: RoomView | None = None

    def show_view(self, view: RoomView) -> None:
        """Display ``view`` according to the controller's selection."""
        self.title_label.setText(view.exercise_title)
        self.setWindowTitle(self.tr("{title} — écran de salle").format(title=view.exercise_title))
        self.clock_box.setVisible(self.selection.show_clock)
        if view.scenario_time is not None:
            self.clock_label.setText(view.scenario_time.strftime("%H:%M"))
            locale = QLocale(QLocale.Language.English if view.language == "en" else QLocale.Language.French)
            date = locale.toString(view.scenario_time.date(), "dddd d MMMM yyyy")
            self.date_label.setText(date)
        self.phase_label.setText(view.phase_title + (" — " + term("endex") if view.ended else ""))
        self.indicator_box.setVisible(self.selection.show_indicators)
        self.feed_box.setVisible(self.selection.show_feed)
        if self._last_view is None or view.indicators != self._last_view.indicators:
            self._fill_indicators(view.indicators)
        if self._last_view is None or view.feed != self._last_view.feed:
            self._fill_feed(view.feed)
        self._last_view = view

    def _fill_indicators(self, indicators) -> None:
        _clear(self.indicator_grid)
        columns = 2 if len(indicators) > 3 else 1
        # Fewer tiles read bigger: the figure's size follows how many there are.
        for number, (label, value, unit) in enumerate(indicators):
            tile = IndicatorTile(label, value, unit, factor=self._factor)
            self.indicator_grid.addWidget(tile, number // columns, number % columns)

    def _fill_feed(self, feed) -> None:
        _clear(self.feed_layout)
        if not feed:
            empty = QLabel(self.tr("Aucune information publique pour le moment."), objectName="roomEmptyFeed")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.feed_layout.addWidget(empty)
            return
        # The cards share the whole width: one card alone is as wide as the screen and says more.
        limit = BODY_CHARS * FEED_SIZE // len(feed)
        for item in feed:
            card = FeedCard(item, factor=self._factor, body_chars=limit)
            self.feed_layout.addWidget(card, 1, Qt.AlignmentFlag.AlignTop)
            card.show()  # at once, not at the layout's next turn (a view refreshed twice stays whole)

    def feed_ids(self) -> list[str]:
        """Return the inject ids currently shown as cards (for tests and the console)."""
        return [card.property("inject_id") for card in self.findChildren(FeedCard)]

    def show_on(self, screen: QScreen | None) -> None:
        """Show full screen on ``screen`` (or as a normal window if None)."""
        if screen is None:
            self.showNormal()
            return
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    @property
    def scale_factor(self) -> float:
        """How much larger than the 720p design the room display draws its text."""
        return self._factor

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        factor = max(0.75, min(3.0, self.height() / 720))
        if abs(factor - self._factor) < 0.05:
            return
        self._factor = factor
        self.setStyleSheet(scale_css(STYLE, factor))
        last_view = getattr(self, "_last_view", None)  # None while the window is being built
        if last_view is not None:
            self._fill_indicators(last_view.indicators)
            self._fill_feed(last_view.feed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape gives the console back: on a one-screen laptop the room display covers it whole,
        # and a window merely leaving full screen would still cover it. F10 shows the display again.
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.dismissed.emit()


def scale_css(css: str, factor: float) -> str:
    """Return ``css`` with every pt and px size multiplied by ``factor`` (1.0 = designed for 720p)."""
    if abs(factor - 1.0) < 0.01:
        return css
    return re.sub(r"(\d+)(pt|px)", lambda m: f"{max(1, round(int(m.group(1)) * factor))}{m.group(2)}", css)


def _plain(text: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def shorten(markdown: str, limit: int = BODY_CHARS) -> str:
    """Return the first paragraphs of ``markdown`` that fit in ``limit`` characters (cut with "…")."""
    kept: list[str] = []
    used = 0
    paragraphs = markdown.strip().split("\n\n")
    # The room display already wears the EXERCICE badge: skip a paragraph that only repeats it.
    while paragraphs and set(paragraphs[0].replace("*", "").split()) == {"EXERCICE"}:
        paragraphs.pop(0)
    for paragraph in paragraphs:
        if used + len(paragraph) > limit:
            room = limit - used
            if room > 60 or not kept:
                # Cut at a word, and drop the emphasis marks of the cut paragraph: a lone "*" or "_"
                # left open by the cut would show as a raw character instead of italics.
                cut = paragraph[:max(room, 40)].rsplit(" ", 1)[0]
                kept.append(EMPHASIS.sub("", cut).rstrip() + " …")
            else:
                kept.append("…")
            break
        kept.append(paragraph)
        used += len(paragraph)
    return "\n\n".join(kept)


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
